"""The notes store: survives a restart, sets a damaged file aside intact, never half-saves a change."""

from __future__ import annotations

import json
import os
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from app.model.user_notes import MAX_NOTE_CHARS
from app.services.atomic_file import temporary_files
from app.services.user_data import UserDataError, UserDataStore, default_directory

STAMP = datetime(2024, 3, 5, 14, 7, 9, tzinfo=UTC)
ASIDE = "notes.json.damaged-20240305T140709Z"


def fixed_clock() -> datetime:
    return STAMP


def make_store(folder: Path) -> tuple[UserDataStore, list[str]]:
    store = UserDataStore(folder, clock=fixed_clock)
    changes: list[str] = []
    store.changed.connect(changes.append)
    return store, changes


def test_a_new_user_starts_empty_and_nothing_is_written_until_a_change(tmp_path):
    folder = tmp_path / "FibroMap"
    store, _ = make_store(folder)
    assert store.note("anything") == ""
    assert store.starred() == []
    assert not store.is_starred("anything")
    assert store.problems == []
    assert store.last_problem == ""
    assert store.writable
    assert not folder.exists()
    store.set_starred("a", True)
    assert store.path == folder / "notes.json"
    assert store.path.exists()


def test_notes_and_stars_survive_a_restart(tmp_path):
    store, _ = make_store(tmp_path)
    store.set_note("tender-point-therapy", "Lighter on the left.\nAsk first. ✓")
    store.set_note("petrissage-1", "temporary")
    store.set_note("petrissage-1", "")
    store.set_starred("petrissage-2", True)
    store.set_starred("tender-point-therapy", True)
    assert store.toggle_star("petrissage-1") is True
    assert store.toggle_star("petrissage-2") is False

    again, _ = make_store(tmp_path)
    assert again.note("tender-point-therapy") == "Lighter on the left.\nAsk first. ✓"
    assert again.note("petrissage-1") == ""
    assert again.starred() == ["tender-point-therapy", "petrissage-1"], "most recently starred last"
    assert again.user_notes == store.user_notes
    assert again.problems == []
    assert json.loads(store.path.read_text(encoding="utf-8"))["schema_version"] == 1


def test_each_change_is_on_disk_at_once(tmp_path):
    store, _ = make_store(tmp_path)
    store.set_note("a", "one")
    assert UserDataStore(tmp_path).note("a") == "one"
    store.toggle_star("a")
    assert UserDataStore(tmp_path).is_starred("a")


def test_changed_is_sent_once_per_real_change(tmp_path):
    store, changes = make_store(tmp_path)
    store.set_note("a", "x")
    store.set_note("a", "x")
    store.set_note("b", "")
    store.set_starred("a", True)
    store.set_starred("a", True)
    store.toggle_star("c")
    store.set_note("a", " ")
    assert changes == ["a", "a", "c", "a"]


def test_a_second_view_stays_in_sync_through_the_signal(tmp_path):
    store, _ = make_store(tmp_path)
    shown: dict[str, tuple[str, bool]] = {}
    store.changed.connect(lambda card: shown.__setitem__(card, (store.note(card), store.is_starred(card))))
    store.set_note("a", "hello")
    store.toggle_star("a")
    assert shown == {"a": ("hello", True)}


def test_a_damaged_file_is_set_aside_intact_and_reported(tmp_path):
    damaged = b'{"schema_version": 1, "notes": {"a": "half a no'
    (tmp_path / "notes.json").write_bytes(damaged)
    store, _ = make_store(tmp_path)
    aside = tmp_path / ASIDE
    assert store.set_aside == aside
    assert aside.read_bytes() == damaged, "the bytes are kept exactly"
    assert not (tmp_path / "notes.json").exists()
    assert store.starred() == []
    assert store.writable
    assert store.last_problem == f"Your notes file was damaged; it was kept as {aside} and a new one started."
    assert [str(p) for p in store.problems] == [
        "notes.json: line 1 column 38: is not valid JSON: Unterminated string"
    ]

    store.set_note("b", "a fresh start")
    assert aside.read_bytes() == damaged, "a new file never touches the damaged one"
    again, _ = make_store(tmp_path)
    assert again.note("b") == "a fresh start"
    assert again.last_problem == ""
    assert again.set_aside is None


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "notes.json: file: is empty"),
        (b"\x00\x00\x00\x00", "notes.json: line 1 column 1: is not valid JSON: Expecting value"),
        (b"\xff\xfe", "notes.json: byte 0: is not UTF-8 text"),
        (
            b'{"schema_version": 2, "notes": {}, "starred": []}',
            "notes.json: $.schema_version: is 2; this app reads version 1 only and cannot read this file"
            " (it was written by a newer FibroMap)",
        ),
        (
            b'{"schema_version": 1, "notes": {"a": 5}, "starred": []}',
            "notes.json: $.notes.a: must be a string",
        ),
    ],
)
def test_every_kind_of_bad_file_is_set_aside(tmp_path, data, problem):
    (tmp_path / "notes.json").write_bytes(data)
    store, _ = make_store(tmp_path)
    assert (tmp_path / ASIDE).read_bytes() == data
    assert str(store.problems[0]).startswith(problem)
    assert "kept as" in store.last_problem


def test_a_set_aside_file_is_never_overwritten(tmp_path):
    earlier = tmp_path / ASIDE
    earlier.write_bytes(b"damaged the first time")
    (tmp_path / f"{ASIDE}-2").write_bytes(b"damaged the second time")
    (tmp_path / "notes.json").write_bytes(b"damaged the third time")
    store, _ = make_store(tmp_path)
    assert store.set_aside == tmp_path / f"{ASIDE}-3"
    assert earlier.read_bytes() == b"damaged the first time"
    assert (tmp_path / f"{ASIDE}-2").read_bytes() == b"damaged the second time"
    assert (tmp_path / f"{ASIDE}-3").read_bytes() == b"damaged the third time"


def test_a_file_that_cannot_be_read_is_set_aside_too(tmp_path):
    (tmp_path / "notes.json").mkdir()  # reading it fails with an OSError, whoever runs the test
    (tmp_path / "notes.json" / "inside").write_bytes(b"kept")
    store, _ = make_store(tmp_path)
    assert store.last_problem.startswith("Your notes file could not be read (")
    assert (tmp_path / ASIDE / "inside").read_bytes() == b"kept"
    store.set_note("a", "x")
    assert UserDataStore(tmp_path).note("a") == "x"


def test_when_a_damaged_file_cannot_be_set_aside_nothing_is_ever_written_over_it(tmp_path, monkeypatch):
    (tmp_path / "notes.json").write_bytes(b"not json")

    def refuse(*args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "rename", refuse)
    store, changes = make_store(tmp_path)
    assert not store.writable
    assert store.set_aside is None
    assert "could not be moved aside (Permission denied)" in store.last_problem
    assert "cannot be saved" in store.last_problem
    with pytest.raises(UserDataError, match="could not be moved aside"):
        store.set_note("a", "x")
    with pytest.raises(UserDataError):
        store.toggle_star("a")
    assert (tmp_path / "notes.json").read_bytes() == b"not json"
    assert store.note("a") == ""
    assert not store.is_starred("a")
    assert changes == []


def test_a_save_interrupted_before_the_rename_keeps_the_previous_notes(tmp_path, monkeypatch):
    store, changes = make_store(tmp_path)
    store.set_note("a", "previous")
    store.set_starred("a", True)
    before = store.path.read_bytes()
    changes.clear()

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(UserDataError, match=r"could not be saved to .*No space left on device") as exc:
        store.set_note("a", "new")
    assert isinstance(exc.value.__cause__, OSError)
    with pytest.raises(UserDataError):
        store.toggle_star("a")
    assert store.note("a") == "previous", "memory keeps what the disk has"
    assert store.is_starred("a")
    assert changes == []
    assert store.path.read_bytes() == before
    assert temporary_files(store.path) == []
    monkeypatch.undo()
    restarted, _ = make_store(tmp_path)
    assert restarted.note("a") == "previous"
    assert restarted.starred() == ["a"]


def test_a_note_over_the_limit_is_refused_and_nothing_changes(tmp_path):
    store, changes = make_store(tmp_path)
    store.set_note("a", "short")
    with pytest.raises(UserDataError, match="20,000"):
        store.set_note("a", "x" * (MAX_NOTE_CHARS + 1))
    assert store.note("a") == "short"
    assert changes == ["a"]


def test_load_again_reports_what_changed_on_disk(tmp_path):
    store, changes = make_store(tmp_path)
    store.set_note("a", "mine")
    store.set_starred("b", True)
    other = UserDataStore(tmp_path)
    other.set_note("a", "edited elsewhere")
    other.set_starred("b", False)
    other.set_note("c", "new")
    changes.clear()
    assert store.load() == []
    assert changes == ["a", "b", "c"]
    assert store.note("a") == "edited elsewhere"


def test_leftovers_of_a_killed_save_are_cleared_at_load(tmp_path):
    leftover = tmp_path / ".notes.json.x1y2z3.tmp"
    leftover.write_bytes(b'{"schema_ver')
    an_hour_ago = time.time() - 3600
    os.utime(leftover, (an_hour_ago, an_hour_ago))
    make_store(tmp_path)
    assert not leftover.exists()


def test_the_default_folder_is_the_platforms_app_data_folder():
    QStandardPaths.setTestModeEnabled(True)
    try:
        expected = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        assert default_directory() == Path(expected)
        assert UserDataStore().path == Path(expected) / "notes.json"
    finally:
        QStandardPaths.setTestModeEnabled(False)
