"""Add content packs to the library: from the command line, the File menu, a drop, or the packs folder.

A pack that cannot be used is reported and left out; nothing a pack holds can
stop the app from starting or take away the built-in maps. Qt-free, so
``fibromap validate`` can use it without a display.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.model.catalog_loader import read_json
from app.model.content import Catalog
from app.model.problems import ContentError, Problem
from app.services import resources
from app.services.library import Library, PackReport

if TYPE_CHECKING:
    from app.model.pack_loader import ContentPack

PACKS_FOLDER = "packs"


def content_schema() -> Any:
    """Return the built-in content's JSON Schema (packs use the same format)."""
    return read_json(resources.schema_file())


def read_pack(
    path: Path, base: Catalog, loaded: Catalog | None = None, loaded_packs: Mapping[str, str] | None = None
) -> ContentPack:
    """Open and load the pack at ``path`` (a folder, a .zip or a pack.json).

    Raises:
        ContentError: the pack cannot be used; every problem names its file.
    """
    # Imported here: svgelements and shapely are needed only when there is a pack to read.
    from app.model.pack_files import ZipPack, open_pack
    from app.model.pack_loader import load_pack

    files = open_pack(path)
    try:
        return load_pack(files, content_schema(), base=base, loaded=loaded, loaded_packs=loaded_packs)
    except RecursionError as exc:  # belt and braces: limits should stop this first
        raise ContentError.single(files.label, "file", "is nested too deeply") from exc
    finally:
        if isinstance(files, ZipPack):
            files.close()


def add_pack(library: Library, path: Path) -> Library:
    """Return the library with the pack at ``path`` added, or with its refusal reported.

    The library passed in is not changed.
    """
    label = path.parent.name if path.name == "pack.json" else path.name
    base = library.built_in or library.catalog
    loaded_packs = {r.manifest.id: r.label for r in library.packs if r.loaded and r.manifest is not None}
    try:
        pack = read_pack(path, base, library.catalog, loaded_packs)
    except ContentError as exc:
        return _refused(library, PackReport(label, False, tuple(exc.problems)))
    from app.model.pack_loader import merge_catalogs

    report = PackReport(pack.label, True, pack.problems, pack.manifest, tuple(pack.maps))
    return dataclasses.replace(
        library,
        catalog=merge_catalogs(library.catalog, pack.catalog),
        maps={**library.maps, **pack.maps},
        problems=[*library.problems, *pack.problems],
        packs=[*library.packs, report],
    )


def _refused(library: Library, report: PackReport) -> Library:
    return dataclasses.replace(
        library, problems=[*library.problems, *report.problems], packs=[*library.packs, report]
    )


def add_packs(library: Library, paths: Iterable[Path]) -> Library:
    """Add every pack in turn; each one's failure is reported and the rest go on."""
    for path in paths:
        library = add_pack(library, path)
    return library


def user_pack_paths(folder: Path) -> list[Path]:
    """Return the packs in the user's packs folder (sub-folders and .zip files), sorted by name."""
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    return [e for e in entries if not e.name.startswith(".") and (e.is_dir() or e.suffix.lower() == ".zip")]


def report_json(problems: Iterable[Problem]) -> str:
    """Return the problems as a JSON list (``fibromap validate --json``)."""
    return json.dumps([p.as_dict() for p in problems], indent=2, ensure_ascii=False)
