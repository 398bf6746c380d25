"""Screenshot of content packs: the example pack's map opened, and a broken pack reported."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.services import resources
from app.services.library import load_library
from app.services.pack_library import add_packs
from app.services.user_data import UserDataStore
from app.ui.main_window import MainWindow

EXAMPLE_MAP = "example-forearm"


def take_pack_shots(window: MainWindow, directory: Path) -> list[Path]:
    """Write ``packs-example-and-broken.png``: a window with the example pack and a damaged pack.

    Returns:
        The file written (none when the example pack is not installed).
    """
    try:
        example = resources.example_pack()
    except resources.ResourceError:
        return []
    scratch = Path(tempfile.mkdtemp(prefix="fibromap-pack-shot-"))
    try:
        broken = shutil.copytree(example, scratch / "broken-pack")
        manifest = (broken / "pack.json").read_text(encoding="utf-8")
        (broken / "pack.json").write_text(manifest.replace('"example"', '"broken"'), encoding="utf-8")
        text = (broken / "content.json").read_text(encoding="utf-8")
        (broken / "content.json").write_text(text[: len(text) // 3], encoding="utf-8")  # cut short
        # From the built-in content alone: whatever --content added must not change this picture.
        library = add_packs(load_library(), [example, broken])
        shot = MainWindow(library, window.theme, window.clock, UserDataStore(scratch / "user-data"))
        shot.resize(window.size())
        shot.show()
        shot.show_map(EXAMPLE_MAP)
        shot.show_region("example-forearm-flexors")
        shot.idle.run_all()  # the navigator's thumbnails, drawn in idle time
        for _ in range(3):
            QApplication.processEvents()
        path = directory / "packs-example-and-broken.png"
        if not shot.grab().toImage().save(str(path)):
            raise OSError(f"could not write {path}")
        shot.close()
        shot.deleteLater()
        return [path]
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
