import shutil

from app.services.library import load_library
from tests.conftest import FIXTURES, SCHEMA


def test_broken_map_is_left_out_and_reported(tmp_path):
    shutil.copy(FIXTURES / "mini" / "content.json", tmp_path / "content.json")
    (tmp_path / "mini.svg").write_text("<svg", encoding="utf-8")
    library = load_library(tmp_path / "content.json", SCHEMA, tmp_path)
    assert library.maps == {}
    assert str(library.problems[0]).startswith(
        "mini.svg: line 1 column 1: is not well-formed XML (unclosed token)"
    )


def test_missing_map_file_is_reported(tmp_path):
    shutil.copy(FIXTURES / "mini" / "content.json", tmp_path / "content.json")
    library = load_library(tmp_path / "content.json", SCHEMA, tmp_path)
    assert library.maps == {}
    assert str(library.problems[0]).startswith("mini.svg: file: cannot be read")


def test_good_library_has_everything(mini_library):
    assert list(mini_library.maps) == ["mini"]
    assert mini_library.problems == []
    assert [m.id for m in mini_library.map_infos()] == ["mini"]
