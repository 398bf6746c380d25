"""The quiz's widgets: the map view that steps through targets by keyboard, answer buttons, large type."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from app.ui.body_map_view import BodyMapView
from app.ui.theme import Theme

PROMPT_PX = 26  # the question: read from a step back, and on a 1280x800 projector
BODY_PX = 21  # answers, card text, verdict


def quiz_style(theme: Theme) -> str:
    """Return the quiz window's style sheet: large type; right answers in the map's highlight colour."""
    return f"""
    QLabel#quiz_prompt {{ font-size: {PROMPT_PX}px; font-weight: 600; }}
    QLabel#quiz_progress, QLabel#quiz_title {{ font-size: {BODY_PX - 2}px; }}
    QLabel#quiz_verdict, QLabel#quiz_clue, QLabel#quiz_choice_text {{ font-size: {BODY_PX}px; }}
    QLabel#quiz_clue_heading {{ font-size: {BODY_PX - 2}px; font-weight: 600; }}
    QListWidget#quiz_review {{ font-size: {BODY_PX - 1}px; padding: 0px 4px; }}
    QListWidget#quiz_review::item {{ padding: 8px 0px; }}
    /* Side padding on the list, not the items: Qt sizes a wrapped item without it (lines ended in "…"). */
    QPushButton, QComboBox {{ font-size: {BODY_PX - 2}px; padding: 6px 12px; }}
    QPushButton#quiz_choice {{ text-align: left; padding: 4px; border: 2px solid {theme.card_edge};
        border-radius: 8px; background: {theme.card_fill}; }}
    QPushButton#quiz_choice QLabel {{ color: {theme.text}; }}
    QPushButton#quiz_choice:focus, QPushButton#quiz_choice:hover {{
        border: 3px solid {theme.region_selected_edge}; }}
    QPushButton#quiz_choice[verdict="right"] {{
        background: {theme.arrow_highlight}; border-color: {theme.arrow_highlight}; }}
    QPushButton#quiz_choice[verdict="right"] QLabel {{ color: {theme.badge_fill}; font-weight: 600; }}
    QPushButton#quiz_choice[verdict="wrong"] {{
        background: {theme.text_muted}; border-color: {theme.text_muted}; }}
    QPushButton#quiz_choice[verdict="wrong"] QLabel {{ color: {theme.badge_fill}; }}
    QLabel#quiz_verdict[verdict="right"] {{ color: {theme.region_selected_edge}; font-weight: 600; }}
    """


class ChoiceButton(QPushButton):
    """An answer button whose text wraps (card titles and region names are long in large type)."""

    def __init__(self, number: int, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quiz_choice")
        self.text_label = QLabel(f"{number}   {text}")
        self.text_label.setObjectName("quiz_choice_text")
        self.text_label.setWordWrap(True)
        self.text_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(10, 8, 10, 8)
        self._layout.addWidget(self.text_label)
        self.setAccessibleName(f"{number}: {text}")
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_verdict(self, verdict: str) -> None:
        """Show the button as the right answer ("right"), a wrong pick ("wrong") or neither ("")."""
        self.setProperty("verdict", verdict)
        self.style().unpolish(self)
        self.style().polish(self)
        for child in (self.text_label,):
            child.style().unpolish(child)
            child.style().polish(child)

    def hasHeightForWidth(self) -> bool:
        """Qt override."""
        return True

    def heightForWidth(self, width: int) -> int:
        """Qt override: as tall as the wrapped text needs."""
        margins = self._layout.contentsMargins()
        inner = width - margins.left() - margins.right()
        return self.text_label.heightForWidth(inner) + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:
        """Qt override."""
        return self._layout.sizeHint()

    def minimumSizeHint(self) -> QSize:
        """Qt override."""
        return QSize(120, self._layout.minimumSize().height())


class QuizMapView(BodyMapView):
    """The map view of the quiz: while a question has map targets, Tab steps through them.

    Signals:
        target_stepped(int): Tab (+1) or Shift+Tab (-1) was pressed on the map.
        target_chosen(): Enter or Space was pressed on the map.
    """

    target_stepped = Signal(int)
    target_chosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for policy in (self.setHorizontalScrollBarPolicy, self.setVerticalScrollBarPolicy):
            policy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stepping = False  # whether Tab steps through targets instead of leaving the map
        self._focus: QRectF | None = None

    def focus_on(self, rect: QRectF | None) -> None:
        """Fit a part of the map to the view (``None``: the whole map and its legend), kept on resize."""
        self._focus = rect
        scene = self.map_scene()
        if scene is not None:
            # Zoomed to a part, the view would show a strip of the legend cut off at its edge.
            scene.legend.setVisible(rect is None)
        self.fit()

    def fit(self) -> None:
        """Fit the part of the map in focus, or the whole map and its legend."""
        if self._focus is None or self.scene() is None:
            super().fit()
            return
        super().fit()  # resets zoom state, so a resize keeps this fit
        self.resetTransform()
        self.fitInView(self._focus, Qt.AspectRatioMode.KeepAspectRatio)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        """Qt override: Tab steps through the map's targets while there are any."""
        if self.stepping:
            self.target_stepped.emit(1 if next else -1)
            return True
        return super().focusNextPrevChild(next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Qt override: Enter or Space chooses the current target."""
        if self.stepping and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.target_chosen.emit()
            event.accept()
            return
        super().keyPressEvent(event)
