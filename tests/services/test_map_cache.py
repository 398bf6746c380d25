"""The geometry cache: hits, misses, damaged, stale and foreign entries (no timings here)."""

import json
import shutil

import pytest

from app.model.map_loader import load_map
from app.model.problems import ContentError
from app.services import map_cache
from app.services.library import load_library
from app.services.map_cache import GeometryCache
from tests.conftest import FIXTURES, SCHEMA

MINI = FIXTURES / "mini"


def _copy_mini(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(MINI, folder)
    return folder


def _entries(cache, kind="map"):
    return sorted(cache.folder.glob(f"{kind}-*.json"))


def test_a_miss_parses_and_stores_then_a_hit_returns_the_same_map(tmp_path):
    cache = GeometryCache(tmp_path / "cache")
    first = cache.load_map(MINI / "mini.svg")
    assert (cache.hits, cache.misses) == (0, 1)
    assert len(_entries(cache)) == 1
    second = GeometryCache(tmp_path / "cache").load_map(MINI / "mini.svg")
    assert second == first == load_map(MINI / "mini.svg")
    # Areas survive too, so hit testing from the cache orders nested regions the same way.
    assert [r.area for r in second.regions.values()] == [r.area for r in first.regions.values()]


def test_a_changed_file_is_a_miss(tmp_path):
    folder = _copy_mini(tmp_path)
    cache = GeometryCache(tmp_path / "cache")
    cache.load_map(folder / "mini.svg")
    svg = folder / "mini.svg"
    svg.write_text(svg.read_text(encoding="utf-8") + "\n<!-- edited -->\n", encoding="utf-8")
    cache.load_map(svg)
    assert (cache.hits, cache.misses) == (0, 2)
    assert len(_entries(cache)) == 2


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not json at all",
        b"[1, 2, 3]",
        b'{"format": 1}',
        b"\xff\xfe garbage",
    ],
)
def test_a_damaged_entry_is_ignored_and_rewritten(tmp_path, damage):
    cache = GeometryCache(tmp_path / "cache")
    good = cache.load_map(MINI / "mini.svg")
    (entry,) = _entries(cache)
    entry.write_bytes(damage)
    again = GeometryCache(tmp_path / "cache")
    assert again.load_map(MINI / "mini.svg") == good
    assert (again.hits, again.misses) == (0, 1)
    assert json.loads(entry.read_bytes())["value"]["file"] == "mini.svg"  # rewritten


def test_an_entry_that_does_not_decode_into_a_map_is_a_miss(tmp_path):
    cache = GeometryCache(tmp_path / "cache")
    good = cache.load_map(MINI / "mini.svg")
    (entry,) = _entries(cache)
    stored = json.loads(entry.read_bytes())
    stored["value"]["regions"][0][1][0][1] = ["NaN?", 1.0]  # a coordinate that is text
    entry.write_text(json.dumps(stored))
    again = GeometryCache(tmp_path / "cache")
    assert again.load_map(MINI / "mini.svg") == good
    assert again.misses == 1


def test_another_format_or_code_fingerprint_is_stale(tmp_path, monkeypatch):
    cache = GeometryCache(tmp_path / "cache")
    cache.load_map(MINI / "mini.svg")
    (entry,) = _entries(cache)
    stored = json.loads(entry.read_bytes())
    entry.write_text(json.dumps({**stored, "format": map_cache.FORMAT + 1}))
    assert GeometryCache(tmp_path / "cache").load_map(MINI / "mini.svg") is not None
    assert json.loads(entry.read_bytes())["format"] == map_cache.FORMAT
    # New deriving code (another fingerprint) never reads the old entries: they have other names.
    monkeypatch.setattr(map_cache, "code_fingerprint", lambda: "other-code")
    newer = GeometryCache(tmp_path / "cache")
    newer.load_map(MINI / "mini.svg")
    assert (newer.hits, newer.misses) == (0, 1)
    assert len(_entries(newer)) == 2


def test_an_invalid_map_is_never_cached(tmp_path):
    folder = _copy_mini(tmp_path)
    (folder / "mini.svg").write_text("<svg", encoding="utf-8")
    cache = GeometryCache(tmp_path / "cache")
    for _ in range(2):
        with pytest.raises(ContentError):
            cache.load_map(folder / "mini.svg")
    assert _entries(cache) == []


def test_an_unwritable_folder_still_loads(tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    cache = GeometryCache(blocker / "cache")
    assert cache.load_map(MINI / "mini.svg") == load_map(MINI / "mini.svg")


def test_the_schema_check_is_skipped_only_for_known_content(tmp_path, monkeypatch):
    from app.model import catalog_loader

    cache = GeometryCache(tmp_path / "cache")
    checked = []
    real = catalog_loader._check_schema
    monkeypatch.setattr(catalog_loader, "_check_schema", lambda *a: (checked.append(1), real(*a)))
    folder = _copy_mini(tmp_path)
    first = load_library(folder / "content.json", SCHEMA, folder, cache=cache)
    second = load_library(folder / "content.json", SCHEMA, folder, cache=GeometryCache(tmp_path / "cache"))
    assert checked == [1]
    assert second.catalog == first.catalog
    assert second.maps == first.maps
    # Edited content is checked again, and its errors still reported.
    content = json.loads((folder / "content.json").read_text(encoding="utf-8"))
    content["schema_version"] = 99
    (folder / "content.json").write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(ContentError, match="schema_version"):
        load_library(folder / "content.json", SCHEMA, folder, cache=GeometryCache(tmp_path / "cache"))
    assert checked == [1, 1]


def test_badge_places_are_cached_by_their_inputs(tmp_path, monkeypatch):
    body_map = load_map(MINI / "mini.svg")
    cache = GeometryCache(tmp_path / "cache")
    boxes = [(0.0, 0.0, 10.0, 10.0)]
    first = cache.badge_centres(body_map.arrows, 14.0, boxes, [])
    assert first == map_cache.compute_badge_centres(body_map.arrows, 14.0, boxes, [])
    monkeypatch.setattr(map_cache, "compute_badge_centres", lambda *a: pytest.fail("recomputed"))
    assert GeometryCache(tmp_path / "cache").badge_centres(body_map.arrows, 14.0, boxes, []) == first
    # Other obstacles (other fonts) are another key.
    monkeypatch.undo()
    other = GeometryCache(tmp_path / "cache")
    other.badge_centres(body_map.arrows, 14.0, [(1.0, 1.0, 12.0, 12.0)], [])
    assert other.misses == 1


def test_the_installed_cache_serves_scenes(tmp_path):
    body_map = load_map(MINI / "mini.svg")
    cache = GeometryCache(tmp_path / "cache")
    map_cache.install(cache)
    try:
        map_cache.badge_centres(body_map.arrows, 14.0, [], [])
        map_cache.badge_centres(body_map.arrows, 14.0, [], [])
    finally:
        map_cache.install(None)
    assert (cache.hits, cache.misses) == (1, 1)


def test_badges_of_a_map_from_the_cache_are_keyed_by_its_file(tmp_path, monkeypatch):
    cache = GeometryCache(tmp_path / "cache")
    body_map = cache.load_map(MINI / "mini.svg")
    first = cache.badge_centres(body_map.arrows, 14.0, [], [])
    assert first == map_cache.compute_badge_centres(body_map.arrows, 14.0, [], [])
    again = GeometryCache(tmp_path / "cache")
    same_map = again.load_map(MINI / "mini.svg")
    monkeypatch.setattr(map_cache, "compute_badge_centres", lambda *a: pytest.fail("recomputed"))
    assert again.badge_centres(same_map.arrows, 14.0, [], []) == first
    # Equal arrows that did not come through the cache are keyed by their values, and found too.
    monkeypatch.undo()
    assert again.badge_centres(load_map(MINI / "mini.svg").arrows, 14.0, [], []) == first


def test_a_map_from_the_cache_needs_no_shapely_for_its_inner_points(tmp_path):
    GeometryCache(tmp_path / "cache").load_map(MINI / "mini.svg")
    cached = GeometryCache(tmp_path / "cache").load_map(MINI / "mini.svg")
    parsed = load_map(MINI / "mini.svg")
    for region in cached.regions.values():
        assert "polygon" not in region.__dict__  # nothing built yet
        assert region.centroid == parsed.regions[region.id].centroid
        assert "polygon" not in region.__dict__
