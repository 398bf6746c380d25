"""Preferences that are never lost: how QSettings writes them, and what happens to a damaged file.

QSettings (Qt 6, INI format) writes its file through ``QSaveFile``: the new
contents go to a temporary file in the same folder, are synced to the disk and
renamed over the old file, under a ``QLockFile`` (``QSettings::isAtomicSyncRequired``
is true by default). So preferences are always the old or the new version, the
same promise :mod:`app.services.atomic_file` makes for notes; the kill test in
``tests/services/test_preferences_file.py`` checks it against the real QSettings.

What QSettings does not do is keep a damaged file: it reads what it can, and
its next write replaces the file with that. :func:`open_preferences` therefore
checks the file first and sets a damaged one aside, as the notes store does.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QSettings

from app.services import settings as options
from app.services.atomic_file import set_aside


def _utc_now() -> datetime:
    return datetime.now(UTC)


def check_preferences(
    open_settings: Callable[[], QSettings] = options.open_settings,
    clock: Callable[[], datetime] = _utc_now,
) -> str:
    """Set a preferences file that fails to parse aside, before anything writes over it.

    Returns:
        A message for the user, or "" when the file was fine (or absent).
    """
    settings = open_settings()
    settings.allKeys()  # QSettings parses sections lazily; this parses them all
    if settings.status() != QSettings.Status.FormatError:
        return ""
    path = Path(settings.fileName())
    del settings  # nothing was changed, so nothing is written when it goes
    try:
        target = set_aside(path, clock())
    except OSError as exc:
        return (
            f"Your preferences file {path} is damaged and could not be moved aside "
            f"({exc.strerror or exc}); FibroMap may write over it."
        )
    return f"Your preferences file was damaged; it was kept as {target} and the defaults are used."
