"""Load the content and every map it names, keeping what is valid and reporting the rest.

The built-in content is a pack whose manifest is ``data/pack.json``; other
packs are added by :mod:`app.services.pack_library`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from app.model.body_map import BodyMap
from app.model.catalog_loader import load_catalog
from app.model.content import Catalog, MapInfo
from app.model.crossref import check_map_against_content, check_points_drawn
from app.model.pack_manifest import PackManifest, parse_manifest
from app.model.problems import ContentError, Problem, Severity
from app.model.wording import counted
from app.services import resources
from app.services.map_cache import GeometryCache, read_map_file
from app.services.map_shelf import MapShelf, decode_verdict, encode_verdict


@dataclass(frozen=True)
class PackReport:
    """What became of one content pack: loaded (perhaps with problems) or refused, and why."""

    label: str
    loaded: bool
    problems: tuple[Problem, ...] = ()
    manifest: PackManifest | None = None
    map_ids: tuple[str, ...] = ()

    def summary(self) -> str:
        """Return one line for the user about this pack."""
        name = f"“{self.manifest.name}” ({self.label})" if self.manifest else self.label
        if not self.loaded:
            first = self.problems[0] if self.problems else "unknown problem"
            return f"Content pack {name} was not loaded: {first}"
        errors = sum(p.is_error for p in self.problems)
        if errors:
            return f"Content pack {name} was loaded without the maps that have problems ({errors})."
        return f"Content pack {name} was loaded: {counted(len(self.map_ids), 'map')}."


@dataclass
class Library:
    """The content with the maps that loaded, and the problems of those that did not."""

    catalog: Catalog
    maps: Mapping[str, BodyMap]  # a MapShelf on a warm start: each map decoded when first used
    problems: list[Problem] = field(default_factory=list)
    packs: list[PackReport] = field(default_factory=list)
    built_in: Catalog | None = None  # the built-in content alone, which packs may refer to

    def map_infos(self) -> list[MapInfo]:
        """Return the content of every usable map, in content order."""
        return [info for info in self.catalog.maps.values() if info.id in self.maps]


def _load_map(path: Path, cache: GeometryCache | None) -> BodyMap:
    if cache is not None:
        return cache.load_map(path)
    from app.model.map_loader import load_map  # svgelements and shapely: only without a cache

    return load_map(path)


def load_library(
    content_path: Path | None = None,
    schema_path: Path | None = None,
    maps_dir: Path | None = None,
    cache: GeometryCache | None = None,
) -> Library:
    """Load the catalog and its maps.

    A map whose file is broken or disagrees with the content is left out and
    its problems are reported; the other maps stay usable.

    With a ``cache``, maps and the content's schema check come from it when their
    files are unchanged (see :mod:`app.services.map_cache`): a warm start then
    parses no SVG, runs no JSON Schema and imports neither svgelements,
    jsonschema nor shapely; region polygons are built on the first click.

    Raises:
        ContentError: when the content file itself cannot be used.
    """
    manifest = None if content_path else built_in_manifest()
    memo = _DigestNote(cache) if cache is not None else None
    catalog = load_catalog(
        content_path or resources.content_file(), schema_path or resources.schema_file(), memo=memo
    )
    if cache is not None and memo is not None and memo.digest:
        files = _read_map_files(catalog, maps_dir)
        if files is not None:
            return _load_with_verdict(catalog, manifest, files, cache, memo.digest)

    def load(info: MapInfo) -> BodyMap:
        try:
            return _load_map(maps_dir / info.file if maps_dir else resources.map_file(info.file), cache)
        except resources.ResourceError as exc:
            raise ContentError([Problem(info.file, "file", str(exc))]) from exc

    maps, problems = _check_maps(catalog, load)
    report = PackReport("built-in", True, tuple(problems), manifest, tuple(maps))
    return Library(catalog, maps, problems, [report], catalog)


def _check_maps(
    catalog: Catalog, load: Callable[[MapInfo], BodyMap]
) -> tuple[dict[str, BodyMap], list[Problem]]:
    """Load every map of the content and keep those that agree with it; return them and the problems."""
    maps: dict[str, BodyMap] = {}
    problems: list[Problem] = []
    for info in catalog.maps.values():
        try:
            body_map = load(info)
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        found = [*body_map.problems, *check_map_against_content(body_map, info, catalog)]
        problems.extend(found)
        if not any(p.severity is Severity.ERROR for p in found):
            maps[info.id] = body_map
    problems.extend(check_points_drawn(catalog, maps.values()))
    return maps, problems


class _DigestNote:
    """Passes the schema memo on to the cache and notes the content's digest (the verdict's key)."""

    def __init__(self, cache: GeometryCache) -> None:
        self.cache = cache
        self.digest = ""

    def is_known_valid(self, digest: str) -> bool:
        self.digest = digest
        return self.cache.is_known_valid(digest)

    def remember_valid(self, digest: str) -> None:
        self.cache.remember_valid(digest)


def _read_map_files(catalog: Catalog, maps_dir: Path | None) -> dict[str, tuple[str, bytes]] | None:
    """Return every map's file name and bytes, or None if one cannot be found or read."""
    files = {}
    for info in catalog.maps.values():
        try:
            path = maps_dir / info.file if maps_dir else resources.map_file(info.file)
            files[info.id] = (path.name, read_map_file(path))
        except (resources.ResourceError, ContentError):
            return None  # reported by the full load, which never keeps a verdict
    return files


def _checks_code() -> bytes:
    """Return the code that checks maps against the content (a change makes new verdicts)."""
    from app.model import catalog_loader, content, crossref

    parts = []
    for module in (catalog_loader, content, crossref):
        try:
            parts.append(Path(str(module.__file__)).read_bytes())
        except (OSError, TypeError):  # a frozen bundle: the cache's version fingerprint stands for it
            parts.append(module.__name__.encode())
    parts.append(Path(__file__).read_bytes() if Path(__file__).is_file() else b"library")
    return b"\0".join(parts)


def _load_with_verdict(
    catalog: Catalog,
    manifest: PackManifest | None,
    files: dict[str, tuple[str, bytes]],
    cache: GeometryCache,
    digest: str,
) -> Library:
    """Load the maps, or only note which to keep when the same inputs were checked before."""
    key = [digest.encode(), _checks_code()]
    for map_id, (name, data) in files.items():
        key += [map_id.encode(), name.encode(), data]
    known = decode_verdict(cache.verdict(*key))
    if known is not None and set(known[0]) <= set(files):
        kept, problems = known
        maps: Mapping[str, BodyMap] = MapShelf({mid: files[mid] for mid in kept}, cache)
    else:
        loaded, problems = _check_maps(catalog, lambda info: cache.load_map_bytes(*files[info.id]))
        cache.remember_verdict(encode_verdict(list(loaded), problems), *key)
        maps = loaded
    report = PackReport("built-in", True, tuple(problems), manifest, tuple(maps))
    return Library(catalog, maps, problems, [report], catalog)


def built_in_manifest() -> PackManifest:
    """Read the built-in pack's manifest, ``data/pack.json``.

    Raises:
        ContentError: it is not a valid manifest.
    """
    path = resources.resource_path("data", "pack.json")
    return parse_manifest(path.read_bytes(), "pack.json", trusted=True)
