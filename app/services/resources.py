"""The one place that finds FibroMap's bundled files.

The same names resolve in a source checkout (``assets/`` and ``data/`` at the
top of the repository), in an installed wheel (``app/_bundled/``, put there by
the build) and in a frozen PyInstaller bundle (``sys._MEIPASS``).
"""

from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath

from app import APP_ID

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


class ResourceError(LookupError):
    """A resource name that is not allowed or not there."""


def _candidate_roots() -> list[Path]:
    roots = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        roots.append(Path(frozen) / "app" / "_bundled")
    roots.append(_PACKAGE_DIR / "_bundled")  # installed wheel
    roots.append(_PACKAGE_DIR.parent)  # source checkout
    return roots


def resource_root() -> Path:
    """Return the folder that holds ``assets/`` and ``data/``."""
    for root in _candidate_roots():
        if (root / "data" / "techniques.json").is_file():
            return root
    searched = ", ".join(str(r) for r in _candidate_roots())
    raise ResourceError(f"FibroMap's data files were not found (looked in {searched})")


def _safe(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or "\\" in name or not name:
        raise ResourceError(f"resource names must be relative without '..': {name!r}")
    return path


def resource_path(folder: str, name: str) -> Path:
    """Return the path of a bundled file, refusing names that leave its folder.

    Raises:
        ResourceError: for an unsafe name or a file that is not there; the
            message lists the names that are.
    """
    directory = resource_root() / folder
    path = directory / _safe(name)
    if not path.is_file():
        known = ", ".join(sorted(p.name for p in directory.glob("*") if p.is_file())) or "none"
        raise ResourceError(f"no resource {name!r} in {folder}/ (known: {known})")
    return path


def map_file(name: str) -> Path:
    """Return the path of a body-map SVG by file name."""
    return resource_path("assets/bodymaps", name)


def content_file() -> Path:
    """Return the path of the built-in content."""
    return resource_path("data", "techniques.json")


def icon_file() -> Path:
    """Return the path of the application icon (scalable, named by the application id)."""
    return resource_path("assets/icons", f"{APP_ID}.svg")


def schema_file() -> Path:
    """Return the path of the content's JSON Schema."""
    return resource_path("data/schema", "techniques.schema.json")


def example_pack() -> Path:
    """Return the folder of the example content pack (``docs/example-pack``)."""
    return resource_path("docs/example-pack", "pack.json").parent
