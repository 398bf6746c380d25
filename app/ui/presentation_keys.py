"""Presentation mode's keys, in one table; they live only while presenting.

F5 (enter) and F11 (full screen) are actions in ``app/ui/actions.py``; these
keys belong to the stage and the presenter window, where clickers and foot
pedals send Right/Left and PageDown/PageUp. The menu actions that share a key
(Esc stops a timer) are out of reach while presenting: the menus are hidden.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

PRESENTATION_KEYS: dict[str, tuple[str, ...]] = {
    "next": ("Right",),
    "previous": ("Left",),
    "next_map": ("PgDown",),
    "previous_map": ("PgUp",),
    "next_region": ("Tab",),
    "previous_region": ("Shift+Backtab", "Backtab"),
    "open_region": ("Return", "Enter"),
    "close_card": ("Backspace",),
    "scroll_down": ("Down",),
    "scroll_up": ("Up",),
    "blank": ("B", "."),
    "halo": ("L",),
    "play": ("P",),
    "hold_timer": ("T",),
    "presenter": ("N",),
    "swap": ("S",),
    "leave": ("Esc",),
}


def bind_keys(widget: QWidget, commands: Mapping[str, Callable[[], object]]) -> list[QShortcut]:
    """Give a window the presentation keys; returns the shortcuts (they die with ``widget``).

    Raises:
        KeyError: a command of the table has no handler.
    """
    shortcuts = []
    for name, keys in PRESENTATION_KEYS.items():
        command = commands[name]
        for key in keys:
            shortcut = QShortcut(QKeySequence(key), widget)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.setAutoRepeat(name in ("scroll_down", "scroll_up"))
            shortcut.activated.connect(command)
            shortcuts.append(shortcut)
    return shortcuts
