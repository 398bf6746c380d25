"""The verdict of a map load kept in the cache, and the shelf that decodes maps on first use."""

import json
import shutil

import pytest

from app.model.problems import Problem, Severity
from app.services.library import load_library
from app.services.map_cache import GeometryCache
from app.services.map_shelf import MapShelf, decode_verdict, encode_verdict
from tests.conftest import FIXTURES, SCHEMA

MINI = FIXTURES / "mini"


def _content(tmp_path, broken_second_map=False):
    """The mini content, optionally with a second map whose file is not a map (a problem)."""
    folder = tmp_path / "content"
    shutil.copytree(MINI, folder)
    if broken_second_map:
        text = (folder / "content.json").read_text(encoding="utf-8")
        assert '"file": "mini.svg"' in text
        (folder / "broken.svg").write_text("<svg", encoding="utf-8")
        document = json.loads(text)
        extra = dict(document["maps"][0], id="broken", file="broken.svg", title="Broken")
        document["maps"].append(extra)
        (folder / "content.json").write_text(json.dumps(document), encoding="utf-8")
    return folder


def _load(folder, cache):
    return load_library(folder / "content.json", SCHEMA, folder, cache=cache)


def test_the_second_load_decodes_no_map_until_one_is_asked_for(tmp_path):
    folder = _content(tmp_path)
    first = _load(folder, GeometryCache(tmp_path / "cache"))
    assert isinstance(first.maps, dict)  # checked in full; the verdict is written
    second = _load(folder, GeometryCache(tmp_path / "cache"))
    assert isinstance(second.maps, MapShelf)
    assert second.maps.decoded() == []
    assert list(second.maps) == list(first.maps) == ["mini"]
    assert second.maps["mini"] == first.maps["mini"]
    assert second.maps.decoded() == ["mini"]
    assert second.problems == first.problems == []
    assert [m.id for m in second.map_infos()] == ["mini"]


def test_the_verdict_keeps_the_problems_and_leaves_out_the_same_maps(tmp_path):
    folder = _content(tmp_path, broken_second_map=True)
    first = _load(folder, GeometryCache(tmp_path / "cache"))
    second = _load(folder, GeometryCache(tmp_path / "cache"))
    assert isinstance(second.maps, MapShelf)
    assert list(second.maps) == list(first.maps) == ["mini"]
    assert second.problems == first.problems
    assert str(second.problems[0]).startswith("broken.svg: line 1 column 1: is not well-formed XML")
    assert second.packs[0].problems == first.packs[0].problems
    assert "broken" not in second.maps
    with pytest.raises(KeyError):
        second.maps["broken"]


def test_a_changed_map_file_is_checked_again(tmp_path):
    folder = _content(tmp_path)
    _load(folder, GeometryCache(tmp_path / "cache"))
    svg = folder / "mini.svg"
    svg.write_text(svg.read_text(encoding="utf-8") + "\n<!-- edited -->\n", encoding="utf-8")
    again = _load(folder, GeometryCache(tmp_path / "cache"))
    assert isinstance(again.maps, dict)
    assert list(again.maps) == ["mini"]
    assert isinstance(_load(folder, GeometryCache(tmp_path / "cache")).maps, MapShelf)


def test_a_missing_map_file_is_reported_and_no_verdict_is_kept(tmp_path):
    folder = _content(tmp_path)
    (folder / "mini.svg").unlink()
    for _ in range(2):
        library = _load(folder, GeometryCache(tmp_path / "cache"))
        assert library.maps == {}
        assert str(library.problems[0]).startswith("mini.svg: file: cannot be read")
    assert not list((tmp_path / "cache").glob("verdict-*.json"))


def test_a_damaged_verdict_is_ignored_and_written_again(tmp_path):
    folder = _content(tmp_path)
    _load(folder, GeometryCache(tmp_path / "cache"))
    [entry] = (tmp_path / "cache").glob("verdict-*.json")
    entry.write_bytes(b'{"format": 1, "fingerprint": "x", "value": {"kept": 3}}')
    assert isinstance(_load(folder, GeometryCache(tmp_path / "cache")).maps, dict)
    assert isinstance(_load(folder, GeometryCache(tmp_path / "cache")).maps, MapShelf)


def test_the_shelf_shows_the_bytes_that_were_checked_even_if_the_file_changes_later(tmp_path):
    folder = _content(tmp_path)
    checked = _load(folder, GeometryCache(tmp_path / "cache")).maps["mini"]
    library = _load(folder, GeometryCache(tmp_path / "cache"))
    (folder / "mini.svg").write_text("<svg", encoding="utf-8")  # edited while the app runs
    assert library.maps["mini"] == checked


@pytest.mark.parametrize(
    "value",
    [
        None,
        3,
        [],
        {"kept": ["a"]},
        {"kept": "a", "problems": []},
        {"kept": [1], "problems": []},
        {"kept": [], "problems": [["f", "l", "m", "fatal"]]},
        {"kept": [], "problems": [["f", "l"]]},
        {"kept": [], "problems": [[1, "l", "m", "error"]]},
    ],
)
def test_a_verdict_of_another_shape_is_refused(value):
    assert decode_verdict(value) is None


def test_a_verdict_round_trips():
    problems = [Problem("a.svg", "region x", "is not drawn"), Problem("b", "c", "d", Severity.WARNING)]
    assert decode_verdict(encode_verdict(["m1", "m2"], problems)) == (["m1", "m2"], problems)
