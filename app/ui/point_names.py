"""The names of tender points as the app shows them, with the client's side.

Kept apart from :mod:`app.ui.timer_panel` so that a map's scene can name its
points without importing the timer, its sounds and the screen-saver inhibitor
(none of which the first paint needs).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.model.content import TenderPointInfo


def _tr(text: str) -> str:
    # The timer panel's context: these words were translated there first.
    return QCoreApplication.translate("TimerPanel", text)


def point_label(point: TenderPointInfo) -> str:
    """Name a tender point with the client's side, as the round and the cards do."""
    side = _tr("client's left") if point.side == "left" else _tr("client's right")
    return f"{point.name} ({side})"
