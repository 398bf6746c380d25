"""Typed preferences over QSettings, each declared once with its default."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from app import APP_NAME

T = TypeVar("T")


@dataclass(frozen=True)
class Option(Generic[T]):
    """A preference: its key, type and default."""

    key: str
    default: T

    def get(self, settings: QSettings) -> T:
        """Read the option, falling back to the default on a missing or mistyped value."""
        value = settings.value(self.key, self.default)
        kind = type(self.default)
        if isinstance(value, kind):
            return value
        try:
            if kind is bool and isinstance(value, str):
                return value.lower() in ("true", "1")  # type: ignore[return-value]
            return kind(value)  # type: ignore[call-arg]
        except (TypeError, ValueError):
            return self.default

    def set(self, settings: QSettings, value: T) -> None:
        """Store the option."""
        settings.setValue(self.key, value)


WINDOW_GEOMETRY = Option("window/geometry", QByteArray())
WINDOW_STATE = Option("window/state", QByteArray())
# The widths of the map list | map | cards columns, as the user left them.
PANEL_SPLIT = Option("window/panels", QByteArray())
LAST_MAP = Option("session/last_map", "")
SHOW_ARROWS = Option("layers/arrows", True)
SHOW_NUMBERS = Option("layers/numbers", True)
SHOW_LABELS = Option("layers/labels", True)
SHOW_POINTS = Option("layers/points", True)
# Which folding parts of the technique cards are open (one choice for all cards).
CARD_SECTIONS = {key: Option(f"cards/open/{key}", True) for key in ("details", "steps", "note")}
# Appearance and accessibility (Edit ▸ Preferences).
THEME = Option("appearance/theme", "light")
TEXT_PERCENT = Option("appearance/text_percent", 100)  # of the system font, 100–200
THERAPIST_VIEW = Option("appearance/therapist_view", False)  # map sides as the therapist sees them
SOUND_CUES = Option("timer/sound_cues", True)
GET_READY = Option("timer/get_ready", True)


def open_settings() -> QSettings:
    """Return the application's settings store (its location follows the platform)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)
