"""Writing the `--screenshot` PNG files: one place that fails loudly when a file cannot be written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QApplication, QWidget


def write_image(image: QImage | QPixmap, path: Path, written: list[Path]) -> None:
    """Save ``image`` as ``path`` and add the path to ``written``.

    Raises:
        OSError: the file could not be written (a silent gap in the screenshots would hide it).
    """
    if not image.save(str(path)):
        raise OSError(f"could not write {path}")
    written.append(path)


def write_settled_grab(widget: QWidget, path: Path, written: list[Path]) -> None:
    """Let pending layout and paint events run, then save a grab of ``widget``."""
    for _ in range(3):
        QApplication.processEvents()
    write_image(widget.grab(), path, written)
