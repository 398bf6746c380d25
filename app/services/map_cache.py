"""A disk cache of what FibroMap derives from its files, so a start repeats none of that work.

Three things are kept, each under a key that is a SHA-256 digest of exactly what
it is derived from, plus the cache format and a fingerprint of the code that
derives it:

- a map's geometry (paths, regions, arrows, points, labels) parsed from its
  SVG by svgelements, keyed by the SVG file's bytes;
- "this content file passed its JSON Schema", keyed by the content and schema
  bytes (the references inside the content are still checked at every start);
- the places of the arrows' number badges, keyed by the arrows and what they
  must keep clear of (the label boxes depend on the fonts, so they are part
  of the key).

Files are JSON values only (never pickle), written atomically; a file that
cannot be read, is not JSON, has another format or fingerprint, or does not
decode into a map is ignored and rewritten, so a damaged cache costs one slow
start and nothing else. A changed file gets a new key; old entries are simply
never read again. With no cache folder at all, everything is computed as before.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from app import __version__
from app.model.body_map import Arrow, BodyMap
from app.model.geometry import XY
from app.model.map_codec import decode_map, encode_map
from app.model.problems import ContentError
from app.services.atomic_file import write_atomically

FORMAT = 1  # bump when what is stored changes shape
# The modules whose code decides what is derived: a change to any of them makes new keys.
_DERIVING_MODULES = ("map_loader", "geometry", "body_map", "svg_safety", "map_codec", "badge_layout")
_log = logging.getLogger(__name__)

Box = tuple[float, float, float, float]
Circle = tuple[float, float, float]


def code_fingerprint() -> str:
    """Return a digest of the deriving code (the app version where the sources are not files)."""
    digest = hashlib.sha256(f"{FORMAT}:{__version__}".encode())
    model = Path(__file__).resolve().parent.parent / "model"
    for name in _DERIVING_MODULES:
        try:
            digest.update((model / f"{name}.py").read_bytes())
        except OSError:  # a frozen bundle has no sources: the version above stands for them
            digest.update(name.encode())
    return digest.hexdigest()[:16]


class GeometryCache:
    """The derived-data cache in one folder (created on the first write).

    Args:
        folder: where the entries live, e.g. :func:`default_folder`.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.fingerprint = code_fingerprint()
        self.hits = 0
        self.misses = 0
        # The arrows of each map this cache loaded, with the digest of its file: the digest stands
        # for the arrows in badge keys (encoding every polyline again costs milliseconds).
        self._arrows_from: dict[int, tuple[tuple[Arrow, ...], str]] = {}

    # -- entries ------------------------------------------------------------------

    def _key(self, kind: str, *parts: bytes) -> Path:
        digest = hashlib.sha256(f"{kind}\0{self.fingerprint}".encode())
        for part in parts:
            digest.update(len(part).to_bytes(8, "little"))
            digest.update(part)
        return self.folder / f"{kind}-{digest.hexdigest()[:40]}.json"

    def _read(self, path: Path) -> Any:
        """Return the stored value, or ``None`` when the entry is missing, damaged or stale."""
        try:
            entry = json.loads(path.read_bytes())
        except (OSError, ValueError, RecursionError):
            return None
        if (
            not isinstance(entry, dict)
            or entry.get("format") != FORMAT
            or entry.get("fingerprint") != self.fingerprint
        ):
            return None
        return entry.get("value")

    def _write(self, path: Path, value: Any) -> None:
        entry = {"format": FORMAT, "fingerprint": self.fingerprint, "value": value}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomically(path, json.dumps(entry, separators=(",", ":")).encode())
        except OSError as exc:  # a read-only or full disk: the app works on, only slower
            _log.info("geometry cache not written (%s): %s", path, exc)

    # -- maps -----------------------------------------------------------------------

    def load_map(self, path: Path) -> BodyMap:
        """Return the map in ``path``, from the cache when its exact bytes were parsed before.

        Raises:
            ContentError: the file cannot be read or is not a valid map (never cached).
        """
        return self.load_map_bytes(path.name, read_map_file(path))

    def load_map_bytes(self, name: str, data: bytes) -> BodyMap:
        """Return the map that the file called ``name`` holds in ``data`` (see :meth:`load_map`).

        Raises:
            ContentError: it is not a valid map (never cached).
        """
        entry = self._key("map", name.encode(), data)
        stored = self._read(entry)
        if stored is not None:
            try:
                body_map = decode_map(stored)
            except ValueError:
                pass
            else:
                self.hits += 1
                self._arrows_from[id(body_map.arrows)] = (body_map.arrows, entry.stem)
                return body_map
        self.misses += 1
        from app.model.map_loader import parse_map  # svgelements and shapely: only on a miss

        body_map = parse_map(data, name)
        self._write(entry, encode_map(body_map))
        self._arrows_from[id(body_map.arrows)] = (body_map.arrows, entry.stem)
        return body_map

    # -- what loading the maps found (app.services.map_shelf) ------------------------

    def verdict(self, *parts: bytes) -> Any:
        """Return the stored outcome of checking exactly these inputs, or ``None``."""
        return self._read(self._key("verdict", *parts))

    def remember_verdict(self, value: Any, *parts: bytes) -> None:
        """Store the outcome of checking exactly these inputs."""
        self._write(self._key("verdict", *parts), value)

    # -- the content's schema check (app.model.catalog_loader.ValidationMemo) ------

    def is_known_valid(self, digest: str) -> bool:
        """Tell whether the content with this digest passed its schema before."""
        return self._read(self._key("content", digest.encode())) is True

    def remember_valid(self, digest: str) -> None:
        """Note that the content with this digest passed its schema."""
        self._write(self._key("content", digest.encode()), True)

    # -- badges -----------------------------------------------------------------------

    def badge_centres(
        self, arrows: Sequence[Arrow], radius: float, boxes: Sequence[Box], circles: Sequence[Circle]
    ) -> dict[int, XY]:
        """Return :func:`app.model.badge_layout.place_badges` for these inputs, cached."""
        known = self._arrows_from.get(id(arrows))
        if known is not None and known[0] is arrows:
            arrows_key: Any = known[1]  # the map file's digest decides its arrows
        else:
            arrows_key = [[a.order, a.polyline, a.start_direction] for a in arrows]
        inputs = json.dumps([radius, arrows_key, boxes, circles]).encode()
        entry = self._key("badges", inputs)
        stored = self._read(entry)
        try:
            if isinstance(stored, list) and len(stored) == len(arrows):
                centres = {int(order): (float(x), float(y)) for order, x, y in stored}
                if set(centres) == {a.order for a in arrows}:
                    self.hits += 1
                    return centres
        except (TypeError, ValueError):
            pass
        self.misses += 1
        centres = compute_badge_centres(arrows, radius, boxes, circles)
        self._write(entry, [[order, x, y] for order, (x, y) in centres.items()])
        return centres


def read_map_file(path: Path) -> bytes:
    """Return a map file's bytes.

    Raises:
        ContentError: it cannot be read.
    """
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ContentError.single(path.name, "file", f"cannot be read: {exc.strerror or exc}") from exc


def compute_badge_centres(
    arrows: Sequence[Arrow], radius: float, boxes: Sequence[Box], circles: Sequence[Circle]
) -> dict[int, XY]:
    """Place the badges with shapely (imported here: only a cache miss needs it)."""
    from shapely.geometry import Point, box

    from app.model.badge_layout import place_badges

    obstacles = [box(*b) for b in boxes] + [Point(x, y).buffer(r) for x, y, r in circles]
    return place_badges(arrows, radius, obstacles)


_installed: GeometryCache | None = None


def install(cache: GeometryCache | None) -> None:
    """Make ``cache`` the process's cache for badge places (``None``: compute every time)."""
    global _installed
    _installed = cache


def installed() -> GeometryCache | None:
    """Return the cache :func:`install` set, if any."""
    return _installed


def badge_centres(
    arrows: Sequence[Arrow], radius: float, boxes: Sequence[Box], circles: Sequence[Circle]
) -> Mapping[int, XY]:
    """Return the badge places, through the installed cache when there is one."""
    if _installed is None:
        return compute_badge_centres(arrows, radius, boxes, circles)
    return _installed.badge_centres(arrows, radius, boxes, circles)


def default_folder() -> Path | None:
    """Return the cache folder in the user's cache location (Qt's CacheLocation), if any."""
    from PySide6.QtCore import QStandardPaths

    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(location) / "geometry" if location else None
