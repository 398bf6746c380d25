"""The countdown beside the cards: one timed hold, or a round through the 18 tender points.

The countdown itself is :class:`CountdownWidget`; this panel says what is timed,
offers the buttons, and in a round moves from point to point and tells the
window which point is current.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.model.content import TenderPointInfo
from app.model.countdown import Clock, Countdown, CountdownState, Cue
from app.model.tender_round import RoundEventKind, RoundPhase, TenderRound
from app.services.screensaver import ScreenSaverInhibitor
from app.ui.countdown_widget import CountdownWidget
from app.ui.cue_player import CuePlayer
from app.ui.point_names import point_label
from app.ui.text_widgets import plain_label
from app.ui.theme import Theme

GET_READY_SECONDS = 3
ROUND_TICK_MS = 50


def _tr(text: str) -> str:
    return QCoreApplication.translate("TimerPanel", text)


class TimerPanel(QFrame):
    """A big countdown with its controls; hidden until a card or the round asks for it.

    Signals:
        point_changed(str): the round moved to this tender point.
        closed(): the user hid the panel.
        visibility_changed(bool): the panel was shown or hidden.
    """

    point_changed = Signal(str)
    closed = Signal()
    visibility_changed = Signal(bool)

    def __init__(self, theme: Theme, clock: Clock = time.monotonic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TimerPanel")
        self._clock = clock
        self.round: TenderRound | None = None
        self._points: dict[str, TenderPointInfo] = {}
        self._player = CuePlayer(self)
        self._inhibitor = ScreenSaverInhibitor(parent=self)

        self.title = plain_label("", scale=1.25, bold=True)
        self.countdown = CountdownWidget(
            Countdown(30, clock=clock),
            theme=theme,
            player=self._player,
            inhibitor=self._inhibitor,
            poll=self._poll,
        )
        self.countdown.setMinimumHeight(240)
        # The widget's own keys would act on one hold; route them here so a round stays in charge.
        self.countdown.installEventFilter(self)
        self.progress = plain_label("")
        self.set_theme(theme)

        self.start_button = QPushButton(_tr("Start / Pause (Space)"))
        self.start_button.clicked.connect(self.toggle)
        self.reset_button = QPushButton(_tr("Reset (R)"))
        self.reset_button.clicked.connect(self.reset)
        self.hide_button = QPushButton(_tr("Hide timer"))
        self.hide_button.clicked.connect(self.close_panel)
        buttons = QHBoxLayout()
        for button in (self.start_button, self.reset_button, self.hide_button):
            buttons.addWidget(button)

        self.get_ready = QCheckBox(_tr("3-2-1 get-ready count"))
        self.get_ready.setChecked(True)
        self.get_ready.toggled.connect(self._set_get_ready)
        self.sound = QCheckBox(_tr("Sound cues"))
        self.sound.setChecked(True)
        self.sound.setEnabled(self._player.available)
        self.sound.setToolTip(
            _tr("No sound device was found: the cues are shown only.")
            if not self._player.available
            else _tr("Play a short sound at each cue")
        )
        self.sound.toggled.connect(lambda on: setattr(self._player, "muted", not on))
        options_row = QHBoxLayout()
        options_row.addWidget(self.get_ready)
        options_row.addWidget(self.sound)
        options_row.addStretch(1)

        self.round_row = QWidget()
        round_layout = QHBoxLayout(self.round_row)
        round_layout.setContentsMargins(0, 0, 0, 0)
        self.previous_button = QPushButton(_tr("◀ Previous point"))
        self.previous_button.clicked.connect(self.previous_point)
        self.next_button = QPushButton(_tr("Next point ▶"))
        self.next_button.clicked.connect(self.next_point)
        self.rest = QDoubleSpinBox()
        self.rest.setRange(0, 60)
        self.rest.setDecimals(0)
        self.rest.setValue(5)
        self.rest.setSuffix(_tr(" s rest"))
        self.rest.setAccessibleName(_tr("Rest between holds"))
        self.rest.valueChanged.connect(self._set_rest)
        round_layout.addWidget(self.previous_button)
        round_layout.addWidget(self.next_button)
        round_layout.addWidget(self.rest)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.title)
        layout.addWidget(self.countdown, 1)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        layout.addWidget(self.round_row)
        layout.addLayout(options_row)

        # The hold's widget repaints only while a hold counts; a round also needs its rests kept.
        self._round_timer = QTimer(self)
        self._round_timer.setInterval(ROUND_TICK_MS)
        self._round_timer.timeout.connect(self.countdown.tick)
        self.setVisible(False)

    # --- one hold -------------------------------------------------------------------

    def set_theme(self, theme: Theme) -> None:
        """Paint in another theme, with the title at the application's current text size."""
        self.setStyleSheet(
            f"#TimerPanel {{ background: {theme.canvas}; border-bottom: 1px solid {theme.card_edge}; }}"
            f" #TimerPanel QLabel, #TimerPanel QCheckBox {{ color: {theme.text}; }}"
        )
        self.countdown.set_theme(theme)
        self.progress.setStyleSheet(f"color: {theme.text_muted};")
        font = QFont(QApplication.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)

    def set_cue_defaults(self, sound: bool, get_ready: bool) -> None:
        """Set the sound and get-ready boxes from the preferences."""
        self.sound.setChecked(sound and self._player.available)
        self.get_ready.setChecked(get_ready)

    def open_hold(self, title: str, seconds: int) -> None:
        """Show a countdown of ``seconds`` for ``title``, ready for Space."""
        self._end_round()
        self.title.setText(title)
        self.countdown.set_countdown(self._countdown(seconds))
        self.countdown.set_caption(title)
        self.progress.setText("")
        self._show()

    def _countdown(self, seconds: float) -> Countdown:
        return Countdown(
            seconds, clock=self._clock, get_ready=GET_READY_SECONDS if self.get_ready.isChecked() else 0
        )

    # --- a round of the tender points ----------------------------------------------

    def open_round(self, points: Sequence[TenderPointInfo], seconds: int) -> None:
        """Prepare a round through ``points`` (in order), ``seconds`` per hold; Space starts it."""
        self._points = {p.id: p for p in points}
        self.round = TenderRound(
            [p.id for p in points],
            seconds,
            self.rest.value(),
            clock=self._clock,
            get_ready=GET_READY_SECONDS if self.get_ready.isChecked() else 0,
        )
        self._round_seconds = seconds
        self.round_row.setVisible(True)
        self._round_timer.start()
        self._sync_round()
        self._show()
        self.point_changed.emit(self.round.current_point)

    def _end_round(self) -> None:
        self.round = None
        self._round_timer.stop()
        self.round_row.setVisible(False)

    def _set_get_ready(self, on: bool) -> None:
        # The box applies at once to a hold not yet started and to the round's holds to come.
        seconds = GET_READY_SECONDS if on else 0
        if self.round is not None:
            self.round.get_ready = seconds
            self._sync_round()
            self.countdown.tick()
        elif self.countdown.countdown.state is CountdownState.IDLE:
            self.countdown.set_countdown(self._countdown(self.countdown.countdown.duration))

    def _set_rest(self, seconds: float) -> None:
        if self.round is not None:
            self.round.pause_seconds = seconds

    def _poll(self) -> list[Cue]:
        if self.round is None:
            return self.countdown.countdown.poll()
        cues: list[Cue] = []
        moved = False
        for event in self.round.poll():
            if event.kind is RoundEventKind.HOLD_CUE and event.cue is not None:
                cues.append(event.cue)
            elif event.kind in (RoundEventKind.REST_STARTED, RoundEventKind.POINT_STARTED):
                moved = True
        if moved:
            self.point_changed.emit(self.round.current_point)
        self._sync_round()
        return cues

    def _sync_round(self) -> None:
        assert self.round is not None
        if self.countdown.countdown is not self.round.countdown:
            self.countdown.set_countdown(self.round.countdown)
        # The title carries the whole point name with the client's side, which must never be cut;
        # the ring's caption stays short.
        point = self._points[self.round.current_point]
        phase = self.round.phase
        if phase is RoundPhase.FINISHED:
            self.title.setText(_tr("Round complete"))
            caption = _tr("Round complete")
        elif phase is RoundPhase.REST:
            self.title.setText(_tr("Next: {point}").format(point=point_label(point)))
            caption = _tr("Move your hands")
        else:
            self.title.setText(point_label(point))
            caption = point.name
        self.countdown.set_caption(caption)
        self.progress.setText(
            _tr("Tender-point round · point {i} of {n} · {done} done · {s} s each").format(
                i=min(self.round.index + 1, self.round.total),
                n=self.round.total,
                done=self.round.done_count,
                s=self._round_seconds,
            )
        )

    # --- commands (buttons and the window's Space, R and Esc) -----------------------

    def toggle(self) -> None:
        """Start, pause or resume (Space)."""
        if self.round is None:
            self.countdown.toggle()
            return
        self.round.toggle()
        self.countdown.tick()

    def reset(self) -> None:
        """Back to the full hold (R); in a round, redo the current point."""
        if self.round is None:
            self.countdown.reset()
            return
        self.round.reset()
        self._sync_round()
        self.countdown.tick()

    def stop(self) -> None:
        """Stop counting (Esc); the panel stays open."""
        if self.round is None:
            self.countdown.stop()
            return
        self.round.stop()
        self._sync_round()
        self.countdown.tick()

    def next_point(self) -> None:
        """Go to the next tender point of the round."""
        if self.round is not None:
            self.round.next()
            self.countdown.tick()
            self.point_changed.emit(self.round.current_point)

    def previous_point(self) -> None:
        """Go back to the previous tender point of the round."""
        if self.round is not None:
            self.round.previous()
            self.countdown.tick()
            self.point_changed.emit(self.round.current_point)

    def close_panel(self) -> None:
        """Stop whatever counts and hide the panel."""
        self.stop()
        self._end_round()
        self.setVisible(False)
        self.closed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Send Space, R and Esc on the countdown to the panel's commands (Qt override)."""
        if watched is self.countdown and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            command = {
                Qt.Key.Key_Space: self.toggle,
                Qt.Key.Key_R: self.reset,
                Qt.Key.Key_Escape: self.stop,
            }.get(Qt.Key(event.key()))
            if command is not None and not event.isAutoRepeat():
                command()
                return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        """Tell the window its timer keys apply (Qt override)."""
        super().showEvent(event)
        self.visibility_changed.emit(True)

    def hideEvent(self, event: QHideEvent) -> None:
        """Tell the window its timer keys no longer apply (Qt override)."""
        super().hideEvent(event)
        self.visibility_changed.emit(False)

    def _show(self) -> None:
        self.setVisible(True)
        self.countdown.setFocus()
