import json
from pathlib import Path

import pytest

from app.model.catalog_loader import load_catalog
from app.model.problems import ContentError
from tests.conftest import FIXTURES, SCHEMA

MINI = FIXTURES / "mini" / "content.json"


def write(tmp_path: Path, document: object) -> Path:
    path = tmp_path / "content.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def mini_document() -> dict:
    return json.loads(MINI.read_text(encoding="utf-8"))


def messages(exc: pytest.ExceptionInfo[ContentError]) -> list[str]:
    return [str(p) for p in exc.value.problems]


def test_valid_content_loads_and_indexes():
    catalog = load_catalog(MINI, SCHEMA)
    assert catalog.schema_version == 1
    assert [t.title for t in catalog.techniques_for_region("mini", "mini-right")] == [
        "Stroke",
        "Hold",
    ]
    assert catalog.techniques["hold"].duration_seconds == 30
    assert catalog.maps["mini"].arrow_instructions[3] == "Back without contact."
    assert [t.id for t in catalog.techniques_for_map("mini")] == ["general"]
    assert [t.id for t in catalog.techniques_for_regions("mini")] == ["stroke", "hold"]  # each once


def test_missing_field_names_file_path_and_field(tmp_path):
    doc = mini_document()
    del doc["techniques"][1]["title"]
    with pytest.raises(ContentError) as exc:
        load_catalog(write(tmp_path, doc), SCHEMA)
    assert messages(exc) == ["content.json: $.techniques[1]: 'title' is a required property"]


def test_wrong_type_is_reported_at_its_path(tmp_path):
    doc = mini_document()
    doc["techniques"][0]["lubrication"] = "yes"
    with pytest.raises(ContentError) as exc:
        load_catalog(write(tmp_path, doc), SCHEMA)
    (message,) = messages(exc)
    assert message.startswith("content.json: $.techniques[0].lubrication: 'yes' is not of type")


def test_unknown_schema_version_says_the_app_cannot_read_it(tmp_path):
    doc = mini_document()
    doc["schema_version"] = 2
    with pytest.raises(ContentError) as exc:
        load_catalog(write(tmp_path, doc), SCHEMA)
    assert "schema_version must be 1" in messages(exc)[0]


def test_unknown_references_are_all_reported(tmp_path):
    doc = mini_document()
    doc["maps"][0]["regions"]["mini-left"]["techniques"] = ["nope"]
    doc["techniques"][0]["related"] = ["missing"]
    doc["techniques"][0]["cite"][0]["source"] = "nobody"
    with pytest.raises(ContentError) as exc:
        load_catalog(write(tmp_path, doc), SCHEMA)
    assert sorted(messages(exc)) == sorted(
        [
            "content.json: $.maps[0].regions.mini-left.techniques[0]: names unknown technique 'nope'",
            "content.json: $.techniques[0].related[0]: names unknown technique 'missing'",
            "content.json: $.techniques[0].cite[0].source: names unknown source 'nobody'",
        ]
    )


def test_duplicate_ids_are_reported(tmp_path):
    doc = mini_document()
    doc["techniques"].append(dict(doc["techniques"][0]))
    with pytest.raises(ContentError) as exc:
        load_catalog(write(tmp_path, doc), SCHEMA)
    assert messages(exc) == [
        "content.json: $.techniques[3].id: duplicate id 'stroke' (first at techniques[0])"
    ]


def test_malformed_json_gives_line_and_column(tmp_path):
    path = tmp_path / "content.json"
    path.write_text('{"schema_version": 1,\n  "sources": [}', encoding="utf-8")
    with pytest.raises(ContentError) as exc:
        load_catalog(path, SCHEMA)
    assert messages(exc)[0].startswith("content.json: line 2 column 15: is not valid JSON")


def test_non_utf8_is_reported(tmp_path):
    path = tmp_path / "content.json"
    path.write_bytes(b'{"disclaimer": "caf\xe9"}')
    with pytest.raises(ContentError) as exc:
        load_catalog(path, SCHEMA)
    assert messages(exc) == ["content.json: byte 19: is not UTF-8 text (save the file as UTF-8)"]


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(ContentError) as exc:
        load_catalog(tmp_path / "absent.json", SCHEMA)
    assert messages(exc)[0].startswith("absent.json: file: cannot be read")


def test_deep_nesting_is_refused(tmp_path):
    path = tmp_path / "content.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(ContentError) as exc:
        load_catalog(path, SCHEMA)
    assert messages(exc) == ["content.json: file: is nested 100,000 levels deep; the limit is 32"]
