"""A big countdown ring and digits for a :class:`~app.model.countdown.Countdown`, readable across a room.

The widget owns the repaint timer; the model owns the time. While the
countdown counts, a precise QTimer (every 25 ms) polls the model, turns each
cue into a sound, a brief flash and a ``cue`` signal, and repaints. Nothing is
counted here, so a stalled UI thread shows late but never holds longer.

Keys (when the widget has focus): Space starts, pauses and resumes; R resets;
Esc stops. A window can bind the same slots to its own shortcuts.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6 import QtGui
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QAccessible,
    QColor,
    QFocusEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QWidget

from app.model.countdown import Countdown, CountdownState, Cue, CueKind
from app.services.screensaver import ScreenSaverInhibitor
from app.ui.countdown_face import CountdownFace, clock_text
from app.ui.cue_player import CuePlayer
from app.ui.theme import LIGHT, Theme

FRAME_MS = 25
FLASH_MS = {"get_ready": 250, "start": 450, "mark": 450, "warning": 600, "end": 1000}
FLASH_STRENGTH = {"get_ready": 0.10, "start": 0.22, "mark": 0.18, "warning": 0.30, "end": 0.45}


def _tr(text: str) -> str:
    return QCoreApplication.translate("CountdownWidget", text)


class CountdownWidget(QWidget):
    """A countdown ring with big digits, a status line, cues and the end prompt.

    Args:
        countdown: the model; the widget polls it while it counts.
        parent: the parent widget.
        end_prompt: what to show prominently when the hold is over.
        caption: a line above the digits naming what is timed (may be empty).
        theme: colours (``arrow``, ``arrow_highlight``, ``text``, ``text_muted``,
            ``canvas`` and the ``caution_*`` ones are used).
        player: plays the cue sounds (default: a new :class:`CuePlayer`).
        inhibitor: kept inhibiting the screensaver while the countdown counts.
        poll: where cues come from, for an owner that polls the model itself
            (a tender-point round) and forwards the hold's cues; default
            ``countdown.poll``.
        flash: whether cues flash the background.

    Signals:
        started(): a run began (Space from idle or after the end, or start()).
        paused(): the run was paused.
        resumed(): the run continued after a pause.
        stopped(): the run was abandoned (R or Esc) or reset after its end.
        finished(): the hold reached its end.
        cue(str): a cue fell due: "get_ready", "start", "warning", "mark" or "end".
    """

    started = Signal()
    paused = Signal()
    resumed = Signal()
    stopped = Signal()
    finished = Signal()
    cue = Signal(str)

    def __init__(
        self,
        countdown: Countdown,
        parent: QWidget | None = None,
        *,
        end_prompt: str | None = None,
        caption: str = "",
        theme: Theme = LIGHT,
        player: CuePlayer | None = None,
        inhibitor: ScreenSaverInhibitor | None = None,
        poll: Callable[[], Sequence[Cue]] | None = None,
        flash: bool = True,
    ) -> None:
        super().__init__(parent)
        self._countdown = countdown
        self._end_prompt = end_prompt if end_prompt is not None else _tr("Withdraw pressure quickly")
        self._caption = caption
        self._theme = theme
        self._player = player if player is not None else CuePlayer(self)
        self._inhibitor = inhibitor
        self._screen_held = False
        self._poll = poll
        self._flash_enabled = flash
        self._ended = False
        self._flash_colour = QColor()
        self._flash_ms = 0
        self._flash_clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self.tick)
        # The frame timer alone hands a cue out up to a frame late; this one fires when it is due.
        self._cue_timer = QTimer(self)
        self._cue_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._cue_timer.setSingleShot(True)
        self._cue_timer.timeout.connect(self.tick)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(_tr("Countdown timer"))
        self._describe()

    # -- what it shows ----------------------------------------------------------

    @property
    def countdown(self) -> Countdown:
        """The model shown."""
        return self._countdown

    @property
    def end_prompt(self) -> str:
        """The text shown when the hold is over."""
        return self._end_prompt

    @property
    def end_prompt_visible(self) -> bool:
        """Whether the end prompt is showing (from the end until the next start, reset or stop)."""
        return self._ended

    def set_theme(self, theme: Theme) -> None:
        """Paint in another theme from now on."""
        self._theme = theme
        self.update()

    @property
    def theme(self) -> Theme:
        """The colours used."""
        return self._theme

    @property
    def caption(self) -> str:
        """The line above the digits."""
        return self._caption

    def flash_colour(self) -> QColor | None:
        """Return the flash colour now, fading with time, or ``None`` when not flashing."""
        alpha = self._flash_alpha()
        if alpha <= 0:
            return None
        colour = QColor(self._flash_colour)
        colour.setAlphaF(alpha)
        return colour

    @property
    def player(self) -> CuePlayer:
        """The player of the cue sounds (mute it through ``player.muted``)."""
        return self._player

    def set_countdown(self, countdown: Countdown) -> None:
        """Show another model (a round's rest, then its next hold).

        An end prompt showing stays until the next hold starts, so a round
        that moves on to its rest at once still tells the hands to let go.
        """
        self._countdown = countdown
        self._after_change()

    @Slot()
    def clear_end_prompt(self) -> None:
        """Hide the end prompt now."""
        self._ended = False
        self._after_change()

    def set_caption(self, caption: str) -> None:
        """Set the line above the digits (for example the tender point held)."""
        self._caption = caption
        self.update()

    def status_text(self) -> str:
        """Return the state in words, as the status line shows it."""
        state = self._countdown.state
        if self._ended or state is CountdownState.FINISHED:
            return _tr("Hold over")
        return {
            CountdownState.IDLE: _tr("Ready"),
            CountdownState.GET_READY: _tr("Get ready"),
            CountdownState.RUNNING: _tr("Holding"),
            CountdownState.PAUSED: _tr("Paused"),
        }[state]

    def hint_text(self) -> str:
        """Return the keys that apply now."""
        state = self._countdown.state
        if self._ended or state is CountdownState.FINISHED:
            return _tr("R reset  ·  Space again")
        if state is CountdownState.IDLE:
            return _tr("Space start")
        if state is CountdownState.PAUSED:
            return _tr("Space resume  ·  R reset  ·  Esc stop")
        return _tr("Space pause  ·  R reset  ·  Esc stop")

    # -- commands -----------------------------------------------------------------

    @Slot()
    def start(self) -> None:
        """Start a fresh run."""
        self._countdown.start()
        self._begun()

    @Slot()
    def toggle(self) -> None:
        """Start, pause, resume or restart, as Space does."""
        before = self._countdown.state
        self._countdown.toggle()
        if before is CountdownState.PAUSED:
            self.resumed.emit()
            self._after_change()
        elif before in (CountdownState.GET_READY, CountdownState.RUNNING):
            self.paused.emit()
            self._after_change()
        else:
            self._begun()

    @Slot()
    def pause(self) -> None:
        """Pause a counting run."""
        if self._countdown.is_active:
            self.toggle()

    @Slot()
    def resume(self) -> None:
        """Resume a paused run."""
        if self._countdown.state is CountdownState.PAUSED:
            self.toggle()

    @Slot()
    def reset(self) -> None:
        """Back to the full duration, not running (R)."""
        self._abandon(self._countdown.reset)

    @Slot()
    def stop(self) -> None:
        """Abandon the run (Esc)."""
        self._abandon(self._countdown.stop)

    @Slot()
    def tick(self) -> None:
        """Poll the model, act on the cues that fell due and repaint."""
        cues = list(self._poll() if self._poll is not None else self._countdown.poll())
        for cue in cues:
            self._on_cue(cue)
        if cues:
            # After a stall several cues arrive together; one sound, the latest, says it best.
            name = cues[-1].kind.value
            self._player.play(name)
            self._start_flash(name)
        self._after_change()

    # -- inside -------------------------------------------------------------------

    def _begun(self) -> None:
        self._ended = False
        self.started.emit()
        self.tick()

    def _abandon(self, command: Callable[[], None]) -> None:
        was_at_rest = self._countdown.state is CountdownState.IDLE and not self._ended
        command()
        self._ended = False
        if not was_at_rest:
            self.stopped.emit()
        self._after_change()

    def _on_cue(self, cue: Cue) -> None:
        self.cue.emit(cue.kind.value)
        if cue.kind is CueKind.START:
            self._ended = False
        if cue.kind is CueKind.END:
            self._ended = True
            self.finished.emit()
            self._announce(self._end_prompt)
        elif cue.kind is CueKind.GET_READY_TICK:
            self._announce(str(round(cue.value)))
        elif cue.kind is CueKind.MARK:
            self._announce(_tr("{time} elapsed").format(time=clock_text(cue.value)))
        else:
            self._announce(_tr("{time} left").format(time=clock_text(self._countdown.remaining)))

    def _sync_screen(self) -> None:
        """Keep the screen from blanking exactly while the countdown counts."""
        hold = self._countdown.is_active
        if self._inhibitor is None or hold == self._screen_held:
            return
        self._screen_held = hold
        if hold:
            self._inhibitor.inhibit(_tr("A massage timer is running"))
        else:
            self._inhibitor.release()

    def _start_flash(self, name: str) -> None:
        if not self._flash_enabled:
            return
        colour = self._theme.arrow_highlight if name in ("warning", "end") else self._theme.arrow
        self._flash_colour = QColor(colour)
        self._flash_colour.setAlphaF(FLASH_STRENGTH.get(name, 0.2))
        self._flash_ms = FLASH_MS.get(name, 400)
        self._flash_clock.start()

    def _flash_alpha(self) -> float:
        if not self._flash_clock.isValid() or self._flash_ms <= 0:
            return 0.0
        left = 1.0 - self._flash_clock.elapsed() / self._flash_ms
        return self._flash_colour.alphaF() * left if left > 0 else 0.0

    def _after_change(self) -> None:
        self._sync_screen()
        busy = self._countdown.is_active or self._flash_alpha() > 0
        if busy and not self._timer.isActive():
            self._timer.start()
        elif not busy and self._timer.isActive():
            self._timer.stop()
        self._aim_at_next_cue()
        self._describe()
        self.update()

    def _aim_at_next_cue(self) -> None:
        wait = self._countdown.next_cue_in()
        if wait is None:
            self._cue_timer.stop()
        else:
            # Rounded up: woken a fraction of a millisecond early, the poll would find nothing due.
            self._cue_timer.start(math.ceil(wait * 1000))

    def _describe(self) -> None:
        text = f"{clock_text(self._countdown.remaining)} — {self.status_text()}"
        if self._ended:
            text = f"{self._end_prompt} — {text}"
        if text != self.accessibleDescription():
            self.setAccessibleDescription(text)

    def _announce(self, text: str) -> None:
        """Have a screen reader say ``text`` (Qt 6.8+); the description says it anyway."""
        announcement = getattr(QtGui, "QAccessibleAnnouncementEvent", None)
        if announcement is not None and QAccessible.isActive():
            QAccessible.updateAccessibility(announcement(self, text))

    # -- Qt overrides -------------------------------------------------------------

    def sizeHint(self) -> QSize:  # noqa: D102
        return QSize(380, 420)

    def minimumSizeHint(self) -> QSize:  # noqa: D102
        return QSize(160, 180)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: D102
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        key = event.key()
        if plain and key == Qt.Key.Key_Space:
            if not event.isAutoRepeat():  # holding Space must not flicker start/pause
                self.toggle()
        elif plain and key == Qt.Key.Key_R:
            self.reset()
        elif plain and key == Qt.Key.Key_Escape:
            self.stop()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: D102
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: D102
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: D102
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        CountdownFace(self, painter).paint()
        painter.end()
