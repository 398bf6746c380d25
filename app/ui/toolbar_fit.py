"""The main toolbar keeps every button on screen: full labels when they fit, short ones when not.

At a large text size (Preferences, up to 200 %) the toolbar's full labels
("Tender-Point Round", "The 8-Step Protocol") no longer fit a 1440-pixel window,
and Qt would tuck the last buttons into its » menu, out of sight. Instead the
buttons take short labels ("Round", "Protocol") whenever the full ones would
not fit the window's width, as desktop apps shorten toolbar labels rather than
hide commands. The menus keep the full names; each button keeps the full name
as its accessible name and its description as its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolBar, QToolButton

from app.ui.actions import ActionId

A = ActionId
# What each toolbar button says when the full labels do not fit.
SHORT_LABELS: dict[ActionId, str] = {
    A.PREVIOUS_MAP: "Previous",
    A.NEXT_MAP: "Next",
    A.SHOW_LABELS: "Names",
    A.SHOW_POINTS: "Points",
    A.PLAY_STROKES: "Play",
    A.SESSION_GUIDE: "Guide",
    A.TENDER_ROUND: "Round",
    A.COURSE_PLANNER: "Planner",
    A.PROTOCOL: "Protocol",
    A.COURSE: "Course",
}
_REFIT = (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.Show)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Toolbar", text)


class ToolbarLabels(QObject):
    """Switches a toolbar's buttons between full and short labels to fit its window's width.

    Args:
        toolbar: the toolbar (its parent is the window whose width counts).
        actions: every action by id; those on the toolbar with a short label take part.
    """

    def __init__(self, toolbar: QToolBar, actions: dict[ActionId, QAction]) -> None:
        super().__init__(toolbar)
        self.toolbar = toolbar
        shown = set(toolbar.actions())
        self._full = {a: a.iconText() for aid, a in actions.items() if aid in SHORT_LABELS and a in shown}
        self._short = {a: _tr(SHORT_LABELS[aid]) for aid, a in actions.items() if a in self._full}
        # The buttons as QToolButtons: widgetForAction returns a plain QWidget pointer, and PySide6
        # would look its type up through every widget class first (about 3 ms of the start).
        for button in toolbar.findChildren(QToolButton):
            action = button.defaultAction()
            if action is not None and action in shown and not action.isSeparator():
                # The full name, whatever the button says (iconText has no & and no …).
                button.setAccessibleName(self._full.get(action, action.iconText()))
        self.short = False
        self._full_width: dict[str, int] = {}  # the toolbar's width with full labels, by font
        toolbar.installEventFilter(self)
        window = toolbar.parentWidget()
        if window is not None:
            window.installEventFilter(self)
        self.fit()

    def available(self) -> int:
        """Return the width the toolbar may take: its window's."""
        window = self.toolbar.parentWidget()
        return window.width() if window is not None else self.toolbar.width()

    def full_width(self) -> int:
        """Return how wide the toolbar is with its full labels in its current font."""
        key = self.toolbar.font().key()
        if key not in self._full_width:
            self._set_short(False)
            self._full_width[key] = self.toolbar.sizeHint().width()
        return self._full_width[key]

    def fit(self) -> None:
        """Use the full labels if they fit the window's width, else the short ones."""
        self._set_short(self.full_width() > self.available())

    def _set_short(self, short: bool) -> None:
        labels = self._short if short else self._full
        for action, text in labels.items():
            if action.iconText() != text:
                action.setIconText(text)
        self.short = short

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Refit when the window is resized or the text size changes (Qt override)."""
        if event.type() in _REFIT:
            self.fit()
        return False
