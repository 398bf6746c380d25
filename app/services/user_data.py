"""The user's notes and starred cards: loaded at start, saved atomically on every change.

They live in ``notes.json`` in the user data folder (``QStandardPaths``'
``AppDataLocation``). Nothing the user wrote is ever dropped: a file that
cannot be read or parsed is renamed to ``notes.json.damaged-<UTC time>``
(never over an existing file), the store starts empty and says so in
:attr:`UserDataStore.last_problem`. If even the rename fails, the store
refuses every change rather than write over the old file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal

from app import APP_NAME
from app.model.problems import ContentError, Problem
from app.model.user_notes import MAX_FILE_BYTES, NOTES_FILE, UserNotes
from app.services.atomic_file import remove_leftovers, set_aside, write_atomically


class UserDataError(Exception):
    """A change to the user's data was refused or could not be saved; nothing changed.

    The message is written for the user.
    """


def default_directory() -> Path:
    """Return the folder for user data: the platform's application data folder."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) if location else Path.home() / f".{APP_NAME.lower()}"


def _utc_now() -> datetime:
    return datetime.now(UTC)


class UserDataStore(QObject):
    """Personal notes and starred cards, shared by every view that shows them.

    The file is read when the store is made (and by :meth:`load`); every change
    is written at once with :func:`~app.services.atomic_file.write_atomically`,
    and memory changes only after the write succeeded. Changes are meant to be
    occasional (a note when its editor loses focus, a star when clicked), not
    every keystroke: each write syncs the disk.

    Args:
        directory: the folder of ``notes.json``; the platform's user data folder if
            None. It is created at the first change.
        parent: the owning QObject.
        clock: returns the current UTC time, for the name of a set-aside file.

    Attributes:
        problems: what was wrong with the file at the last load (empty if nothing).
        last_problem: a message for the user about the last load, or "".
        set_aside: where a damaged file was moved at the last load, or None.

    Signals:
        changed(str): a card's note or star changed (its id); also sent by
            :meth:`load` for every card whose note or star differs from before.
    """

    changed = Signal(str)

    def __init__(
        self,
        directory: Path | None = None,
        parent: QObject | None = None,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        super().__init__(parent)
        self._directory = directory if directory is not None else default_directory()
        self._clock = clock
        self._notes = UserNotes()
        self._writable = True
        self.problems: list[Problem] = []
        self.last_problem = ""
        self.set_aside: Path | None = None
        self.load()

    @property
    def path(self) -> Path:
        """The notes file."""
        return self._directory / NOTES_FILE

    @property
    def writable(self) -> bool:
        """Whether changes can be saved (False if a damaged file could not be set aside)."""
        return self._writable

    @property
    def user_notes(self) -> UserNotes:
        """Everything stored, as an immutable value."""
        return self._notes

    def note(self, card_id: str) -> str:
        """Return the note on a card, or an empty string."""
        return self._notes.note(card_id)

    def is_starred(self, card_id: str) -> bool:
        """Return whether a card is starred."""
        return self._notes.is_starred(card_id)

    def starred(self) -> list[str]:
        """Return the starred card ids, most recently starred last."""
        return list(self._notes.starred)

    def set_note(self, card_id: str, text: str) -> None:
        """Replace the note on a card and save; an empty or blank text deletes the note.

        Raises:
            UserDataError: the note is too long, the limit of notes is reached, or
                it could not be saved; the note is then as it was.
        """
        self._commit(card_id, lambda: self._notes.with_note(card_id, text))

    def set_starred(self, card_id: str, on: bool) -> None:
        """Star (as the most recent) or unstar a card and save.

        Raises:
            UserDataError: the limit of stars is reached or it could not be saved.
        """
        self._commit(card_id, lambda: self._notes.with_star(card_id, on))

    def toggle_star(self, card_id: str) -> bool:
        """Star an unstarred card or unstar a starred one, and save.

        Returns:
            Whether the card is now starred.

        Raises:
            UserDataError: it could not be saved; the star is then as it was.
        """
        on = not self.is_starred(card_id)
        self.set_starred(card_id, on)
        return on

    def load(self) -> list[Problem]:
        """Read the file again; a missing file means no notes and no stars.

        A file that cannot be read or parsed is set aside and the store starts
        empty; see :attr:`last_problem`.

        Returns:
            The problems found in the file (also kept in :attr:`problems`).
        """
        before = self._notes
        self.problems, self.last_problem, self.set_aside = [], "", None
        self._writable = True
        remove_leftovers(self.path)
        notes = UserNotes()
        try:
            data = self._read()
        except OSError as exc:
            reason = f"could not be read ({exc.strerror or exc})"
            self.problems = [Problem(NOTES_FILE, "file", f"cannot be read: {exc.strerror or exc}")]
            self._set_aside(reason)
        else:
            if data is not None:
                try:
                    notes = UserNotes.from_json(data, NOTES_FILE)
                except ContentError as exc:
                    self.problems = exc.problems
                    self._set_aside("was damaged")
        self._notes = notes
        for card_id in _differences(before, notes):
            self.changed.emit(card_id)
        return self.problems

    def _read(self) -> bytes | None:
        try:
            with self.path.open("rb") as stream:
                # One byte over the limit is enough for from_json to refuse the size.
                return stream.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            return None

    def _set_aside(self, reason: str) -> None:
        try:
            target = set_aside(self.path, self._clock())
        except OSError as exc:
            self._writable = False
            self.last_problem = (
                f"Your notes file {self.path} {reason}, and it could not be moved aside "
                f"({exc.strerror or exc}). Notes and stars cannot be saved until this is fixed."
            )
            return
        self.set_aside = target
        self.last_problem = f"Your notes file {reason}; it was kept as {target} and a new one started."

    def _commit(self, card_id: str, change: Callable[[], UserNotes]) -> None:
        if not self._writable:
            raise UserDataError(self.last_problem)
        try:
            notes = change()
            if notes is self._notes:
                return
            data = notes.to_json().encode("utf-8")
        except ValueError as exc:
            raise UserDataError(f"This change cannot be saved: {exc}.") from exc
        try:
            self._directory.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, data)
        except OSError as exc:
            raise UserDataError(
                f"Your notes could not be saved to {self.path} ({exc.strerror or exc}); "
                "the change was not made."
            ) from exc
        self._notes = notes
        self.changed.emit(card_id)


def _differences(before: UserNotes, after: UserNotes) -> list[str]:
    """Return the card ids whose note or star differs, in a stable order."""
    ids = set(before.notes) | set(after.notes) | set(before.starred) | set(after.starred)
    return sorted(
        i for i in ids if before.note(i) != after.note(i) or before.is_starred(i) != after.is_starred(i)
    )
