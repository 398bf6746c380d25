"""The stroke-playback controls under the map: one row when it fits, two when the map column is narrow.

At 100 % text the bar shares the map's column (about 800 px at 1440 wide) with
nothing else; at a large text size its buttons alone are wider than the column,
and a single row would widen the window past the screen. So the speed controls
go to a second row whenever one row would not fit (and the current arrow to a
third on a very narrow column), and the bar's minimum width is that of three
rows. The step and speed buttons are as wide as their text (Fusion makes every
text button at least 80 px), and the current arrow keeps room for "Arrow 88 of 88".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.model.stroke_playback import SPEED_FACTORS, PlaybackState

if TYPE_CHECKING:
    from app.ui.stroke_playback_view import PlaybackOverlay


def _tr(text: str) -> str:
    return QCoreApplication.translate("StrokePlayback", text)


class TextWideButton(QPushButton):
    """A push button as wide as its text plus a little padding, however short the text."""

    def sizeHint(self) -> QSize:
        """Qt override."""
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        hint.setWidth(metrics.horizontalAdvance(self.text()) + 2 * metrics.height())
        return hint

    def minimumSizeHint(self) -> QSize:
        """Qt override."""
        return self.sizeHint()


def _row(*widgets: QWidget) -> QWidget:
    group = QWidget()
    layout = QHBoxLayout(group)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return group


class PlaybackBar(QWidget):
    """The playback controls: Play/Pause, step back and on, Restart, speed, Loop, Stop.

    The bar only asks; the window connects it to a :class:`PlaybackOverlay`
    (see :meth:`connect_overlay`) and shows it under the map while playback is on.

    Signals:
        toggle_requested(): Play or Pause was pressed.
        step_requested(int): -1 for the previous arrow, +1 for the next.
        restart_requested(): Restart was pressed.
        stop_requested(): Stop was pressed.
        speed_changed(float): a speed factor was chosen.
        loop_changed(bool): Loop was switched.
    """

    toggle_requested = Signal()
    step_requested = Signal(int)
    restart_requested = Signal()
    stop_requested = Signal()
    speed_changed = Signal(float)
    loop_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playback_bar")
        self.setAccessibleName(_tr("Stroke playback"))
        self.previous_button = self._button(
            "◀", _tr("Previous arrow"), lambda: self.step_requested.emit(-1), TextWideButton
        )
        self.play_button = self._button(_tr("Play"), _tr("Play strokes"), self.toggle_requested.emit)
        self.next_button = self._button(
            "▶", _tr("Next arrow"), lambda: self.step_requested.emit(1), TextWideButton
        )
        self.restart_button = self._button(
            _tr("Restart"), _tr("Restart from arrow 1"), self.restart_requested.emit
        )
        self.speed_label = QLabel(_tr("Speed:"))
        self.speed_group = QButtonGroup(self)
        self.speed_buttons: dict[float, QPushButton] = {}
        for factor in SPEED_FACTORS:
            text = f"{factor:g}×"
            button = self._button(text, _tr("Speed {0}").format(text), None, TextWideButton)
            button.setCheckable(True)
            button.setChecked(factor == 1.0)
            button.toggled.connect(lambda on, f=factor: self._speed_toggled(f, on))
            self.speed_group.addButton(button)
            self.speed_buttons[factor] = button
        self.loop_box = QCheckBox(_tr("Loop"))
        self.loop_box.setAccessibleName(_tr("Loop playback"))
        self.loop_box.toggled.connect(self.loop_changed.emit)
        self.position_label = QLabel()
        self.position_label.setAccessibleName(_tr("Current arrow"))
        self.position_label.setWordWrap(True)  # "No arrows on this map" may take two lines
        self.stop_button = self._button(_tr("Stop"), _tr("Stop playback"), self.stop_requested.emit)
        self.steps = _row(self.previous_button, self.play_button, self.next_button, self.restart_button)
        self.speeds = _row(self.speed_label, *self.speed_buttons.values(), self.loop_box)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(6, 2, 6, 2)
        self._rows = rows
        self._lines = [QHBoxLayout() for _ in range(3)]
        for line in self._lines:
            rows.addLayout(line)
        self.rows = 1  # how many rows the controls take now
        self._arrange(1)

    def _button(
        self,
        text: str,
        name: str,
        slot: Callable[[], object] | None,
        kind: type[QPushButton] = QPushButton,
    ) -> QPushButton:
        button = kind(text)
        button.setAccessibleName(name)
        button.setToolTip(name)
        if slot is not None:
            button.clicked.connect(slot)
        return button

    # -- layout -----------------------------------------------------------------

    def _label_width(self) -> int:
        return self.position_label.fontMetrics().horizontalAdvance(_tr("Arrow {0} of {1}").format(88, 88))

    def width_for(self, rows: int) -> int:
        """Return the width the bar needs to lay its controls out in this many rows (1, 2 or 3)."""
        steps, speeds = self.steps.sizeHint().width(), self.speeds.sizeHint().width()
        stop, label = self.stop_button.sizeHint().width(), self._label_width()
        gap = self._lines[0].spacing()
        if rows == 1:
            need = steps + 12 + speeds + label + stop + 4 * gap
        elif rows == 2:
            need = max(steps + label + stop + 2 * gap, speeds)
        else:
            need = max(steps + stop + gap, speeds, label)
        margins = self._rows.contentsMargins()
        return need + margins.left() + margins.right()

    def _arrange(self, rows: int) -> None:
        """Lay the controls out in one row, two (speeds under the steps) or three (the arrow last)."""
        for line in self._lines:
            while line.count():
                line.takeAt(0)
        top, middle, bottom = self._lines
        top.addWidget(self.steps)
        if rows == 1:
            top.addSpacing(12)
            top.addWidget(self.speeds)
        if rows < 3:
            top.addWidget(self.position_label, 1)
        else:
            top.addStretch(1)
            bottom.addWidget(self.position_label, 1)
        top.addWidget(self.stop_button)
        if rows > 1:
            middle.addWidget(self.speeds)
            middle.addStretch(1)
        self.rows = rows
        self.position_label.setMinimumWidth(self._label_width())
        # Never wider than three rows need, so a large text size cannot widen the window.
        self.setMinimumWidth(self.width_for(3))

    def _refit(self) -> None:
        rows = next((n for n in (1, 2) if self.width() >= self.width_for(n)), 3)
        if rows != self.rows:
            self._arrange(rows)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Qt override: one row, two or three, whichever fits."""
        super().resizeEvent(event)
        self._refit()

    def changeEvent(self, event: QEvent) -> None:
        """Qt override: a new text size changes what fits."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._arrange(self.rows)
            self._refit()

    # -- what it shows ----------------------------------------------------------

    def _speed_toggled(self, factor: float, on: bool) -> None:
        if on:
            self.speed_changed.emit(factor)

    def set_state(self, state: str) -> None:
        """Show Pause while playing, else Play."""
        playing = state == PlaybackState.PLAYING.value
        self.play_button.setText(_tr("Pause") if playing else _tr("Play"))
        self.play_button.setAccessibleName(_tr("Pause strokes") if playing else _tr("Play strokes"))

    def set_position(self, order: int, count: int) -> None:
        """Show which arrow is being drawn."""
        if order:
            self.position_label.setText(_tr("Arrow {0} of {1}").format(order, count))
        else:
            self.position_label.setText("" if count else _tr("No arrows on this map"))

    def connect_overlay(self, overlay: PlaybackOverlay) -> None:
        """Drive an overlay from this bar, and show its state here."""
        self.toggle_requested.connect(overlay.toggle)
        self.step_requested.connect(lambda d: overlay.step_next() if d > 0 else overlay.step_previous())
        self.restart_requested.connect(overlay.restart)
        self.stop_requested.connect(overlay.stop)
        self.speed_changed.connect(overlay.set_speed)
        self.loop_changed.connect(overlay.set_loop)
        overlay.state_changed.connect(self.set_state)
        overlay.position_changed.connect(self.set_position)
