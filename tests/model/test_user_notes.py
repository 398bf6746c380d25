"""Personal notes and stars as a value, and their file format: round trip and every kind of bad file."""

from __future__ import annotations

import json

import pytest

from app.model import user_notes
from app.model.problems import ContentError
from app.model.user_notes import MAX_CARD_ID_CHARS, MAX_NOTE_CHARS, MAX_PROBLEMS, UserNotes


def document(**fields: object) -> bytes:
    base: dict[str, object] = {"schema_version": 1, "notes": {}, "starred": []}
    base.update(fields)
    return json.dumps(base).encode("utf-8")


def messages(data: str | bytes, file: str = "notes.json") -> list[str]:
    with pytest.raises(ContentError) as exc:
        UserNotes.from_json(data, file)
    return [str(p) for p in exc.value.problems]


def test_round_trip_keeps_every_note_and_the_order_of_stars():
    notes = UserNotes(
        {
            "tender-point-therapy": "Lighter on the left trapezius.\nAsk before the occiput.",
            "petrissage-1": 'Quotes " and \\ backslashes, ümlauts, 日本語, emoji 🙂',
        },
        ("petrissage-2", "tender-point-therapy", "petrissage-1"),
    )
    text = notes.to_json()
    again = UserNotes.from_json(text.encode("utf-8"))
    assert again == notes
    assert again.starred == ("petrissage-2", "tender-point-therapy", "petrissage-1")
    assert UserNotes.from_json(text) == notes, "text as well as bytes"
    assert json.loads(text)["schema_version"] == 1


def test_the_file_is_stable_notes_sorted_and_readable():
    a = UserNotes({"b": "2", "a": "1"}, ("z", "y"))
    b = UserNotes({"a": "1", "b": "2"}, ("z", "y"))
    assert a.to_json() == b.to_json()
    assert json.loads(a.to_json()) == {
        "schema_version": 1,
        "notes": {"a": "1", "b": "2"},
        "starred": ["z", "y"],
    }
    assert "日本" in UserNotes({"a": "日本"}).to_json(), "not escaped, so a person can read the file"
    assert UserNotes().to_json().endswith("\n")


def test_an_empty_document_round_trips():
    assert UserNotes.from_json(UserNotes().to_json()).is_empty


def test_a_byte_order_mark_is_accepted():
    assert UserNotes.from_json(b"\xef\xbb\xbf" + document(notes={"a": "x"})).note("a") == "x"


def test_with_note_sets_replaces_and_blank_deletes():
    empty = UserNotes()
    one = empty.with_note("a", "first")
    assert one.note("a") == "first"
    assert empty.note("a") == "", "values never change"
    assert one.with_note("a", "second").note("a") == "second"
    assert one.with_note("a", "   \n").notes == {}
    assert one.with_note("a", "") == UserNotes()
    assert one.with_note("a", "first") is one, "no change, same value"
    assert one.with_note("other", "") is one


def test_with_star_adds_last_and_restarring_keeps_the_place():
    notes = UserNotes().with_star("a", True).with_star("b", True).with_star("c", True)
    assert notes.starred == ("a", "b", "c")
    assert notes.with_star("a", True) is notes
    assert notes.with_star("b", False).starred == ("a", "c")
    assert notes.with_star("b", False).with_star("b", True).starred == ("a", "c", "b"), "most recent last"
    assert notes.is_starred("c")
    assert not notes.is_starred("d")
    assert notes.with_star("d", False) is notes


def test_the_value_cannot_be_changed_behind_its_back():
    source = {"a": "x"}
    notes = UserNotes(source)
    source["a"] = "changed"
    assert notes.note("a") == "x"
    with pytest.raises(TypeError):
        notes.notes["a"] = "y"  # type: ignore[index]


def test_limits_are_enforced_in_code():
    with pytest.raises(ValueError, match="20,001 characters long; the limit is 20,000"):
        UserNotes().with_note("a", "x" * (MAX_NOTE_CHARS + 1))
    assert UserNotes().with_note("a", "x" * MAX_NOTE_CHARS).note("a") == "x" * MAX_NOTE_CHARS
    with pytest.raises(ValueError, match="card id is empty"):
        UserNotes().with_star(" ", True)
    with pytest.raises(ValueError, match="card id is 201 characters long"):
        UserNotes().with_note("i" * (MAX_CARD_ID_CHARS + 1), "x")
    with pytest.raises(ValueError, match="not valid Unicode"):
        UserNotes().with_note("a", "broken \ud800 surrogate")
    with pytest.raises(ValueError, match="starred more than once"):
        UserNotes({}, ("a", "a"))


def test_the_number_of_entries_is_limited(monkeypatch):
    monkeypatch.setattr(user_notes, "MAX_NOTES", 3)
    monkeypatch.setattr(user_notes, "MAX_STARRED", 2)
    full = UserNotes({"a": "1", "b": "2", "c": "3"}, ("a", "b"))
    with pytest.raises(ValueError, match="limit of 3 notes"):
        full.with_note("d", "4")
    with pytest.raises(ValueError, match="limit of 2 starred"):
        full.with_star("c", True)
    assert full.with_note("a", "changed").note("a") == "changed", "replacing is not adding"
    assert messages(document(notes={str(i): "x" for i in range(4)})) == [
        "notes.json: $.notes: has 4 notes; the limit is 3"
    ]
    assert messages(document(starred=["a", "b", "c"])) == [
        "notes.json: $.starred: has 3 cards; the limit is 2"
    ]


def test_a_document_too_large_is_neither_written_nor_read(monkeypatch):
    monkeypatch.setattr(user_notes, "MAX_FILE_BYTES", 100)
    with pytest.raises(ValueError, match="the limit is 100"):
        UserNotes({"a": "x" * 100}).to_json()
    assert messages(b" " * 101) == ["notes.json: file: is larger than the limit of 100 bytes"]
    assert messages(" " * 101) == ["notes.json: file: is larger than the limit of 100 bytes"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "file: is empty"),
        (b"  \n", "file: is empty"),
        (
            b'{"schema_version": 1, "notes": {"a": "unfinished',
            "line 1 column 38: is not valid JSON: Unterminated string",
        ),
        (b"\xff\xfe{}", "byte 0: is not UTF-8 text"),
        (b"[" * 100_000, "file: is nested too deeply"),
        (b"[]", "$: must be a JSON object, not an array"),
        (b'"notes"', "$: must be a JSON object, not a string"),
        (b"null", "$: must be a JSON object, not null"),
        (b"{}", "$: 'schema_version' is missing; this is not a FibroMap notes file"),
        (b'{"schema_version": "1"}', "$.schema_version: must be a whole number, not a string"),
        (
            b'{"schema_version": true}',
            "$.schema_version: must be a whole number, not a boolean (true or false)",
        ),
        (b'{"schema_version": 1.0}', "$.schema_version: must be a whole number, not a number"),
        (
            b'{"schema_version": 2, "notes": [], "future": 1}',
            "$.schema_version: is 2; this app reads version 1 only and cannot read this file"
            " (it was written by a newer FibroMap)",
        ),
        (
            b'{"schema_version": 0}',
            "$.schema_version: is 0; this app reads version 1 only and cannot read this file",
        ),
    ],
)
def test_a_malformed_file_gets_one_clear_message(data, expected):
    assert messages(data) == [f"notes.json: {expected}"]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"notes": ["a"]}, ["$.notes: must be an object (card id -> note), not an array"]),
        ({"notes": {"a": 3}}, ["$.notes.a: must be a string, not a number"]),
        ({"notes": {"a": None}}, ["$.notes.a: must be a string, not null"]),
        ({"notes": {"a": {"text": "x"}}}, ["$.notes.a: must be a string, not an object"]),
        ({"notes": {"a": " "}}, ["$.notes.a: is empty"]),
        ({"notes": {"": "x"}}, ["$.notes.: card id is empty"]),
        ({"notes": {"a": "x" * 20_001}}, ["$.notes.a: is 20,001 characters long; the limit is 20,000"]),
        (
            {"notes": {"i" * 201: "x"}},
            [f"$.notes.{'i' * 201}: card id is 201 characters long; the limit is 200"],
        ),
        ({"starred": {"a": True}}, ["$.starred: must be an array of card ids, not an object"]),
        ({"starred": "a"}, ["$.starred: must be an array of card ids, not a string"]),
        ({"starred": ["a", 7]}, ["$.starred[1]: must be a card id (a string), not a number"]),
        ({"starred": ["a", ""]}, ["$.starred[1]: card id is empty"]),
        ({"starred": ["a", "b", "a"]}, ["$.starred[2]: 'a' is starred more than once"]),
        ({"extra": 1}, ["$.extra: is not a field of a notes file"]),
    ],
)
def test_each_wrong_field_is_named_with_its_place(fields, expected):
    assert messages(document(**fields)) == [f"notes.json: {m}" for m in expected]


def test_missing_fields_are_named():
    assert messages(b'{"schema_version": 1}') == [
        "notes.json: $: 'notes' is missing",
        "notes.json: $: 'starred' is missing",
    ]


def test_a_lone_surrogate_escape_is_refused_because_it_could_never_be_saved():
    assert messages(b'{"schema_version": 1, "notes": {"a": "x\\ud800"}, "starred": []}') == [
        "notes.json: $.notes.a: is not valid Unicode text"
    ]


def test_duplicate_keys_are_reported_not_silently_merged():
    data = b'{"schema_version": 1, "notes": {"a": "old", "a": "new"}, "starred": [], "starred": []}'
    assert messages(data) == [
        "notes.json: $: has the field 'starred' more than once",
        "notes.json: $.notes.a: appears more than once",
    ]


def test_every_problem_is_reported_at_once_and_names_the_file():
    data = document(notes={"a": 1, "b": " "}, starred=[None], extra=True)
    assert messages(data, "backup.json") == [
        "backup.json: $.extra: is not a field of a notes file",
        "backup.json: $.notes.a: must be a string, not a number",
        "backup.json: $.notes.b: is empty",
        "backup.json: $.starred[0]: must be a card id (a string), not null",
    ]


def test_a_flood_of_problems_is_cut_short():
    found = messages(document(starred=list(range(100))))
    assert len(found) == MAX_PROBLEMS
    assert found[-1] == f"notes.json: file: and {100 - MAX_PROBLEMS + 1} more problems"
