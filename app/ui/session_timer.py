"""The timer of a guide screen: what it times, the ring, where it stands, and buttons for the mouse."""

from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from app.model.countdown import Countdown, CountdownState
from app.model.guide_layout import GuideTimer, TimerKind
from app.ui.countdown_widget import CountdownWidget
from app.ui.cue_player import CuePlayer
from app.ui.session_guide_style import BODY_PT, big_button, design_size, text_label, tr
from app.ui.theme import Theme

TIMER_WIDTH = 360


def minutes(seconds: float) -> str:
    """Format a duration for a heading: whole minutes ("3 min") or seconds ("30 s")."""
    if seconds >= 60 and seconds % 60 == 0:
        return tr("{n} min").format(n=int(seconds // 60))
    return tr("{n} s").format(n=int(seconds))


class GuideCountdown(CountdownWidget):
    """The countdown with the guide's keys in its hints (Esc ends the session, so it is not listed)."""

    def sizeHint(self) -> QSize:
        """Ask for the scaled minimum; the ring grows into whatever room is left (Qt override)."""
        return self.minimumSize().expandedTo(QSize(160, 180))

    def hint_text(self) -> str:
        """Return the keys that apply now."""
        state = self.countdown.state
        if self.end_prompt_visible or state is CountdownState.FINISHED:
            return tr("Space: again  ·  R: reset")
        if state is CountdownState.IDLE:
            return tr("Space: start")
        if state is CountdownState.PAUSED:
            return tr("Space: resume  ·  R: reset")
        return tr("Space: pause  ·  R: reset")


class TimerColumn(QWidget):
    """The step's timer: what it times, the ring, and where it stands (soft limit, holds done).

    Signals:
        finished(): the shown countdown reached its end.
    """

    finished = Signal()

    def __init__(self, theme: Theme, player: CuePlayer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._player = player
        self.flash = True  # whether cues flash the ring's background
        self.timer: GuideTimer | None = None
        self.holds = 0
        self.heading = text_label("", BODY_PT, bold=True, colour=theme.text)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.widget = self._make_widget(Countdown(30), "")
        self.status = text_label("", BODY_PT, bold=True, colour=theme.text)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        design_size(self.status, min_height=70)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.heading)
        self._layout.addWidget(self.widget, 1)
        self._layout.addWidget(self.status)
        # For the mouse: the same commands as Space and R.
        self.toggle_button = big_button(tr("Start / Pause"), theme, padding=8)
        self.reset_button = big_button(tr("Reset"), theme, padding=8)
        self.toggle_button.clicked.connect(lambda: self.widget.toggle())
        self.reset_button.clicked.connect(self.reset)
        buttons = QHBoxLayout()
        buttons.addWidget(self.toggle_button, 2)
        buttons.addWidget(self.reset_button, 1)
        self._layout.addLayout(buttons)
        design_size(self, fixed_width=TIMER_WIDTH)

    def _make_widget(self, countdown: Countdown, prompt: str) -> GuideCountdown:
        widget = GuideCountdown(
            countdown, theme=self._theme, player=self._player, end_prompt=prompt or None, flash=self.flash
        )
        widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        design_size(widget, min_width=TIMER_WIDTH - 20, min_height=360)
        widget.cue.connect(lambda _name: self.refresh())
        widget.finished.connect(self.finished)
        return widget

    def show_timer(self, timer: GuideTimer, countdown: Countdown, holds: int) -> None:
        """Show a screen's timer with its own countdown."""
        self.timer = timer
        self.holds = holds
        if timer.kind is TimerKind.AREA and timer.soft_seconds is not None:
            heading = tr("{soft}–{firm} per area").format(
                soft=int(timer.soft_seconds // 60), firm=minutes(timer.seconds)
            )
            prompt = tr("{firm}: end of this area").format(firm=minutes(timer.seconds))
        elif timer.kind is TimerKind.HOLD:
            heading = tr("{time} per tender point").format(time=minutes(timer.seconds))
            prompt = tr("Withdraw pressure quickly")
        else:
            heading = minutes(timer.seconds)
            prompt = tr("{time} done").format(time=minutes(timer.seconds))
        self.heading.setText(heading)
        # The end prompt is fixed per widget: each screen's timer gets a widget of its own.
        old = self.widget
        self.widget = self._make_widget(countdown, prompt)
        self._layout.replaceWidget(old, self.widget)
        old.hide()
        old.deleteLater()
        self.refresh()

    def reset(self) -> None:
        """Put the timer back to its full time."""
        self.widget.reset()
        self.refresh()

    def refresh(self) -> None:
        """Say where the timer stands: the soft limit passed, the holds done."""
        timer, countdown = self.timer, self.widget.countdown
        text, warn = "", False
        if timer is None:
            pass
        elif timer.kind is TimerKind.HOLD:
            text = tr("Holds completed: {n}").format(n=self.holds)
        elif timer.kind is TimerKind.AREA and timer.soft_seconds is not None:
            elapsed = countdown.duration - countdown.remaining
            if countdown.state is CountdownState.FINISHED or self.widget.end_prompt_visible:
                text, warn = tr("Upper limit reached: move on"), True
            elif elapsed >= timer.soft_seconds and countdown.state is not CountdownState.IDLE:
                text = tr("{soft} min reached: finish by {firm}").format(
                    soft=int(timer.soft_seconds // 60), firm=math.ceil(timer.seconds / 60)
                )
                warn = True
        colour = self._theme.caution_text if warn else self._theme.text
        fill = self._theme.caution_fill if warn else "transparent"
        self.status.setStyleSheet(f"color: {colour}; background: {fill}; border-radius: 8px; padding: 6px;")
        self.status.setText(text)
