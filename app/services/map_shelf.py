"""The built-in maps, each decoded from the geometry cache the first time it is looked up.

A warm start used to decode all nine maps from the cache (a JSON parse and a
decode each, about a millisecond apiece) only to check them against the content
and keep the first one on screen. The outcome of those checks, which maps are
kept and which problems were found, is a pure function of the exact bytes of the
content, its schema and every map file; :mod:`app.services.library` keeps it in the
cache (a "verdict") under a digest of all of them, and on a match hands out a
:class:`MapShelf` that decodes a map only when something asks for it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from app.model.body_map import BodyMap
from app.model.lazy_shelf import LazyShelf
from app.model.problems import Problem, Severity
from app.services.map_cache import GeometryCache


class MapShelf(LazyShelf[BodyMap]):
    """Map id -> map, in content order; a map is decoded on its first lookup.

    The bytes are those read (and checked) at the start, so a file changed on
    disk later can never show a map other than the one the checks passed.

    Args:
        files: for each kept map, its file name and the exact bytes read.
        cache: the geometry cache that decodes (or, if its entry is gone, parses) them.
    """

    def __init__(self, files: Mapping[str, tuple[str, bytes]], cache: GeometryCache) -> None:
        files = dict(files)
        super().__init__(files, lambda map_id: cache.load_map_bytes(*files[map_id]))

    def decoded(self) -> list[str]:
        """Return the ids of the maps decoded so far (for tests and the benchmark)."""
        return list(self.made())


def encode_verdict(kept: Sequence[str], problems: Sequence[Problem]) -> dict[str, Any]:
    """Return the outcome of loading the maps as plain JSON values."""
    return {
        "kept": list(kept),
        "problems": [[p.file, p.location, p.message, p.severity.value] for p in problems],
    }


def decode_verdict(value: Any) -> tuple[list[str], list[Problem]] | None:
    """Return (kept map ids, problems) from :func:`encode_verdict`'s value, or None if it is not one."""
    try:
        kept = value["kept"]
        problems = [Problem(f, loc, msg, Severity(sev)) for f, loc, msg, sev in value["problems"]]
    except (TypeError, KeyError, ValueError):
        return None
    if not isinstance(kept, list) or not all(isinstance(k, str) for k in kept):
        return None
    if not all(isinstance(x, str) for p in problems for x in (p.file, p.location, p.message)):
        return None
    return kept, problems
