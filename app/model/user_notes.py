"""A user's personal notes on technique cards and their starred cards, and the file format.

The file (``notes.json`` in the user data folder) is one JSON object::

    {
      "schema_version": 1,
      "notes": {"tender-point-therapy": "Client prefers lighter pressure."},
      "starred": ["petrissage-1", "tender-point-therapy"]
    }

``notes`` maps a card (technique) id to its note; ``starred`` lists starred
card ids, most recently starred last. Notes are kept for ids the content no
longer has, so changing the content never deletes a note.

Versioning: the app writes only version 1 and reads only version 1. Any change
to the fields (a new one, a removed one, a new meaning) bumps the version,
because an older app that rewrote a newer file would drop what it does not
know. Reading checks everything (types, limits, duplicate keys, unknown
fields) and reports each problem as ``Problem(file, location, message)``;
the caller decides what to do with a file that fails (the app sets it aside).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from app.model.catalog_loader import json_path, json_syntax_error
from app.model.problems import ContentError, Problem

NOTES_FILE = "notes.json"
SCHEMA_VERSION = 1
MAX_NOTE_CHARS = 20_000
MAX_CARD_ID_CHARS = 200
MAX_NOTES = 5_000
MAX_STARRED = 5_000
# Far above what the entry limits allow in practice; to_json() refuses to write
# more, so the app never writes a file it would refuse to read.
MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_PROBLEMS = 20
FIELDS = ("schema_version", "notes", "starred")


@dataclass(frozen=True)
class UserNotes:
    """Personal notes (card id -> text) and starred card ids, as an immutable value.

    Change it with :meth:`with_note` and :meth:`with_star`, which return a new
    value. Construction checks the limits and raises ``ValueError``.

    Attributes:
        notes: card id -> note; never an empty or blank note.
        starred: starred card ids without duplicates, most recently starred last.
    """

    notes: Mapping[str, str] = field(default_factory=dict)
    starred: tuple[str, ...] = ()
    _starred_set: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        notes = dict(self.notes)
        starred = tuple(self.starred)
        problems = [*_entry_problems(notes, starred)]
        if problems:
            raise ValueError("; ".join(f"{where}: {message}" for where, message in problems))
        object.__setattr__(self, "notes", MappingProxyType(notes))
        object.__setattr__(self, "starred", starred)
        object.__setattr__(self, "_starred_set", frozenset(starred))

    @property
    def is_empty(self) -> bool:
        """Whether there is neither a note nor a star."""
        return not self.notes and not self.starred

    def note(self, card_id: str) -> str:
        """Return the note on a card, or an empty string."""
        return self.notes.get(card_id, "")

    def is_starred(self, card_id: str) -> bool:
        """Return whether a card is starred."""
        return card_id in self._starred_set

    def with_note(self, card_id: str, text: str) -> UserNotes:
        """Return a copy with the note on a card replaced.

        Args:
            card_id: the card's id.
            text: the new note; an empty or blank text deletes the note.

        Returns:
            The new value (this one if nothing changes).

        Raises:
            ValueError: the id or text is not acceptable or a limit is reached.
        """
        if not text.strip():
            if card_id not in self.notes:
                return self
            notes = {k: v for k, v in self.notes.items() if k != card_id}
        else:
            if self.notes.get(card_id) == text:
                return self
            notes = {**self.notes, card_id: text}
        return UserNotes(notes, self.starred)

    def with_star(self, card_id: str, on: bool) -> UserNotes:
        """Return a copy with a card starred (added last) or unstarred.

        Args:
            card_id: the card's id.
            on: star (True) or unstar (False); starring a starred card changes nothing.

        Returns:
            The new value (this one if nothing changes).

        Raises:
            ValueError: the id is not acceptable or the limit of stars is reached.
        """
        if on == self.is_starred(card_id):
            return self
        starred = (*self.starred, card_id) if on else tuple(s for s in self.starred if s != card_id)
        return UserNotes(self.notes, starred)

    def to_json(self) -> str:
        """Return the file's text: notes sorted by card id, stars in order.

        Raises:
            ValueError: the document would be larger than ``MAX_FILE_BYTES``.
        """
        document = {
            "schema_version": SCHEMA_VERSION,
            "notes": dict(sorted(self.notes.items())),
            "starred": list(self.starred),
        }
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        size = len(text.encode("utf-8"))
        if size > MAX_FILE_BYTES:
            raise ValueError(f"the notes would take {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
        return text

    @classmethod
    def from_json(cls, data: str | bytes, file: str = NOTES_FILE) -> UserNotes:
        """Read a notes file's contents, checking everything.

        Args:
            data: the file's bytes (UTF-8, a byte-order mark is allowed) or its text.
            file: the file's name, for the problems.

        Returns:
            The notes.

        Raises:
            ContentError: with every problem found (at most ``MAX_PROBLEMS`` and a count
                of the rest), each naming the file, where and what.
        """
        document = _decode(data, file)
        problems = [Problem(file, where, message) for where, message in _document_problems(document)]
        if problems:
            if len(problems) > MAX_PROBLEMS:
                rest = Problem(file, "file", f"and {len(problems) - MAX_PROBLEMS + 1:,} more problems")
                problems = [*problems[: MAX_PROBLEMS - 1], rest]
            raise ContentError(problems)
        return cls(document["notes"], tuple(document["starred"]))


class _Object(dict[str, Any]):
    """A decoded JSON object that remembers the keys it had more than once."""

    duplicates: list[str]


def _duplicates(value: dict[str, Any]) -> list[str]:
    return list(getattr(value, "duplicates", ()))


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    result = _Object()
    result.duplicates = []
    for key, value in pairs:
        if key in result and key not in result.duplicates:
            result.duplicates.append(key)
        result[key] = value
    return result


def _decode(data: str | bytes, file: str) -> Any:
    if isinstance(data, bytes):
        if len(data) > MAX_FILE_BYTES:
            raise ContentError.single(file, "file", f"is larger than the limit of {MAX_FILE_BYTES:,} bytes")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ContentError.single(file, f"byte {exc.start}", "is not UTF-8 text") from exc
    else:
        if len(data) > MAX_FILE_BYTES:
            raise ContentError.single(file, "file", f"is larger than the limit of {MAX_FILE_BYTES:,} bytes")
        text = data
    if not text.strip():
        raise ContentError.single(file, "file", "is empty")
    try:
        return json.loads(text, object_pairs_hook=_object)
    except json.JSONDecodeError as exc:
        raise json_syntax_error(file, exc) from exc
    except RecursionError as exc:
        raise ContentError.single(file, "file", "is nested too deeply") from exc


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean (true or false)"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _document_problems(document: Any) -> Iterable[tuple[str, str]]:
    if not isinstance(document, dict):
        yield "$", f"must be a JSON object, not {_json_type(document)}"
        return
    version = document.get("schema_version")
    if "schema_version" not in document:
        yield "$", "'schema_version' is missing; this is not a FibroMap notes file"
        return
    if not isinstance(version, int) or isinstance(version, bool):
        yield "$.schema_version", f"must be a whole number, not {_json_type(version)}"
        return
    if version != SCHEMA_VERSION:
        newer = " (it was written by a newer FibroMap)" if version > SCHEMA_VERSION else ""
        yield (
            "$.schema_version",
            f"is {version}; this app reads version {SCHEMA_VERSION} only and cannot read this file{newer}",
        )
        return
    for key in _duplicates(document):
        yield "$", f"has the field '{key}' more than once"
    for key in document:
        if key not in FIELDS:
            yield json_path([key]), "is not a field of a notes file"
    for key in FIELDS[1:]:
        if key not in document:
            yield "$", f"'{key}' is missing"
    notes, starred = document.get("notes"), document.get("starred")
    if "notes" in document:
        yield from _notes_problems(notes)
    if "starred" in document:
        yield from _starred_problems(starred)


def _notes_problems(notes: Any) -> Iterable[tuple[str, str]]:
    where = "$.notes"
    if not isinstance(notes, dict):
        yield where, f"must be an object (card id -> note), not {_json_type(notes)}"
        return
    if len(notes) > MAX_NOTES:
        yield where, f"has {len(notes):,} notes; the limit is {MAX_NOTES:,}"
        return
    for key in _duplicates(notes):
        yield json_path(["notes", key]), "appears more than once"
    for card_id, text in notes.items():
        at = json_path(["notes", card_id])
        message = _card_id_problem(card_id)
        if message:
            yield at, f"card id {message}"
        if not isinstance(text, str):
            yield at, f"must be a string, not {_json_type(text)}"
        else:
            message = _note_problem(text)
            if message:
                yield at, message


def _starred_problems(starred: Any) -> Iterable[tuple[str, str]]:
    where = "$.starred"
    if not isinstance(starred, list):
        yield where, f"must be an array of card ids, not {_json_type(starred)}"
        return
    if len(starred) > MAX_STARRED:
        yield where, f"has {len(starred):,} cards; the limit is {MAX_STARRED:,}"
        return
    seen: set[str] = set()
    for index, card_id in enumerate(starred):
        at = json_path(["starred", index])
        if not isinstance(card_id, str):
            yield at, f"must be a card id (a string), not {_json_type(card_id)}"
            continue
        message = _card_id_problem(card_id)
        if message:
            yield at, f"card id {message}"
        elif card_id in seen:
            yield at, f"'{card_id}' is starred more than once"
        seen.add(card_id)


def _entry_problems(notes: Mapping[str, str], starred: tuple[str, ...]) -> Iterable[tuple[str, str]]:
    """Check a value being built in code; the messages name the card, not a JSON path."""
    if len(notes) > MAX_NOTES:
        yield "notes", f"the limit of {MAX_NOTES:,} notes is reached"
    if len(starred) > MAX_STARRED:
        yield "starred", f"the limit of {MAX_STARRED:,} starred cards is reached"
    if len(set(starred)) != len(starred):
        yield "starred", "a card is starred more than once"
    for card_id in (*notes, *starred):
        message = _card_id_problem(card_id)
        if message:
            yield repr(card_id)[:80], f"card id {message}"
    for card_id, text in notes.items():
        message = _note_problem(text)
        if message:
            yield repr(card_id)[:80], f"note {message}"


def _card_id_problem(card_id: object) -> str | None:
    if not isinstance(card_id, str):
        return "must be a string"
    if not card_id.strip():
        return "is empty"
    if len(card_id) > MAX_CARD_ID_CHARS:
        return f"is {len(card_id):,} characters long; the limit is {MAX_CARD_ID_CHARS}"
    if not _is_unicode(card_id):
        return "is not valid Unicode text"
    return None


def _note_problem(text: str) -> str | None:
    if not text.strip():
        return "is empty"
    if len(text) > MAX_NOTE_CHARS:
        return f"is {len(text):,} characters long; the limit is {MAX_NOTE_CHARS:,}"
    if not _is_unicode(text):
        return "is not valid Unicode text"
    return None


def _is_unicode(text: str) -> bool:
    # JSON escapes can produce lone surrogates, which cannot be written back as UTF-8.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
