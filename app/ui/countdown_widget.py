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
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QRectF, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QAccessible,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QWidget

from app.model.countdown import Countdown, CountdownState, Cue, CueKind
from app.services.screensaver import ScreenSaverInhibitor
from app.ui.cue_player import CuePlayer
from app.ui.theme import LIGHT, MAP_FONT_FAMILY, Theme

FRAME_MS = 25
RING_THICKNESS = 0.075  # of the ring's outer diameter
FLASH_MS = {"get_ready": 250, "start": 450, "mark": 450, "warning": 600, "end": 1000}
FLASH_STRENGTH = {"get_ready": 0.10, "start": 0.22, "mark": 0.18, "warning": 0.30, "end": 0.45}


def _tr(text: str) -> str:
    return QCoreApplication.translate("CountdownWidget", text)


def clock_text(seconds: float) -> str:
    """Format seconds left as m:ss, rounding up so 0:00 appears only at the end."""
    whole = max(0, math.ceil(seconds - 1e-9))
    minutes, secs = divmod(whole, 60)
    return f"{minutes}:{secs:02d}"


def _mix(colour: str, background: str, amount: float) -> QColor:
    """Return ``amount`` of ``colour`` over ``background`` (0: all background)."""
    a, b = QColor(colour), QColor(background)
    return QColor.fromRgbF(
        a.redF() * amount + b.redF() * (1 - amount),
        a.greenF() * amount + b.greenF() * (1 - amount),
        a.blueF() * amount + b.blueF() * (1 - amount),
    )


def _font(pixels: float, bold: bool = False) -> QFont:
    font = QFont(MAP_FONT_FAMILY)
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    return font


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
        self._describe()
        self.update()

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


def ring_rect(width: float, height: float) -> QRectF:
    """Return the square the ring fills in a widget of this size, above the line of key hints."""
    unit = min(width, height)
    margin = max(6.0, unit * 0.04)
    hint_band = max(11.0, unit * 0.042) * 2.2
    side = max(10.0, min(width - 2 * margin, height - 2 * margin - hint_band))
    return QRectF((width - side) / 2, margin, side, side)


class CountdownFace:
    """Paints one frame of a :class:`CountdownWidget`; sizes follow the widget's."""

    def __init__(self, widget: CountdownWidget, painter: QPainter) -> None:
        self.w = widget
        self.p = painter
        self.t = widget.theme
        self.model = widget.countdown
        width, height = widget.width(), widget.height()
        self.unit = min(width, height)
        self.hint_px = max(11.0, self.unit * 0.042)
        self.ring = ring_rect(width, height)
        self.hint_rect = QRectF(0, self.ring.bottom(), width, height - self.ring.bottom())
        self.thickness = self.ring.width() * RING_THICKNESS

    def paint(self) -> None:
        """Paint background, ring, centre text and key hints."""
        self.p.fillRect(self.w.rect(), QColor(self.t.canvas))
        flash = self.w.flash_colour()
        if flash is not None:
            self.p.fillRect(self.w.rect(), flash)
        if self.w.hasFocus():
            self._focus_frame()
        ended = self.w.end_prompt_visible
        self._ring(ended)
        if ended:
            self._end_prompt()
        else:
            self._centre()
        self._text(self.hint_rect, self.w.hint_text(), _font(self.hint_px), self.t.text_muted, elide=True)

    def _focus_frame(self) -> None:
        pen = QPen(QColor(self.t.arrow), max(1.5, self.unit * 0.006), Qt.PenStyle.DashLine)
        self.p.setPen(pen)
        self.p.setBrush(Qt.BrushStyle.NoBrush)
        inset = pen.widthF()
        self.p.drawRoundedRect(QRectF(self.w.rect()).adjusted(inset, inset, -inset, -inset), 10, 10)

    def _ring(self, ended: bool) -> None:
        half = self.thickness / 2
        rect = self.ring.adjusted(half, half, -half, -half)
        if ended:
            # The end must be unmistakable from across the room: a full warm disc.
            self.p.setBrush(QColor(self.t.caution_fill))
            self.p.setPen(QPen(QColor(self.t.arrow_highlight), self.thickness))
            self.p.drawEllipse(rect)
            return
        self.p.setBrush(Qt.BrushStyle.NoBrush)
        self.p.setPen(QPen(_mix(self.t.text_muted, self.t.canvas, 0.16), self.thickness))
        self.p.drawEllipse(rect)
        state = self.model.state
        fraction = self.model.remaining / self.model.duration
        if fraction <= 0:
            return
        warn = self.model.warn_at
        colour = QColor(self.t.arrow)
        if warn is not None and self.model.remaining <= warn and state is not CountdownState.IDLE:
            colour = QColor(self.t.arrow_highlight)
        if state in (CountdownState.GET_READY, CountdownState.PAUSED):
            colour = _mix(colour.name(), self.t.canvas, 0.45)
        self.p.setPen(QPen(colour, self.thickness, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        if fraction >= 1:
            self.p.drawEllipse(rect)
        else:
            # Clockwise from twelve o'clock; what is drawn is what is left.
            self.p.drawArc(rect, 90 * 16, -round(fraction * 360 * 16))

    def _inner(self, width: float = 0.72, height: float = 0.72) -> QRectF:
        """A box inside the ring, as fractions of its inner diameter, centred."""
        inner = self.ring.width() - 2 * self.thickness
        centre = self.ring.center()
        return QRectF(
            centre.x() - inner * width / 2, centre.y() - inner * height / 2, inner * width, inner * height
        )

    def _centre(self) -> None:
        state = self.model.state
        if state is CountdownState.GET_READY:
            big = str(max(1, math.ceil(self.model.get_ready_remaining - 1e-9)))
            template = "0"
            big_colour = self.t.arrow
        else:
            big = clock_text(self.model.remaining)
            template = "".join("0" if ch.isdigit() else ch for ch in big)
            big_colour = self.t.text
        # Across the middle the disc is at its widest: the digits may use most of it.
        band = self._inner(0.84, 0.34)
        size = self._fit(template, band.width(), band.height(), bold=True)
        digits = QRectF(band.left(), band.center().y() - size * 0.6, band.width(), size * 1.2)
        self._text(digits, big, _font(size, bold=True), big_colour)
        label = self.ring.width() * 0.052
        box = self._inner()
        status = QRectF(box.left(), band.bottom() + label * 0.3, box.width(), label * 1.8)
        status_colour = self.t.arrow_highlight if state is CountdownState.PAUSED else self.t.text_muted
        self._text(status, self.w.status_text(), _font(label, bold=True), status_colour)
        if self.w.caption:
            top = QRectF(box.left(), band.top() - label * 2.1, box.width(), label * 1.8)
            self._text(top, self.w.caption, _font(label * 0.95), self.t.text_muted, elide=True)

    def _end_prompt(self) -> None:
        box = self._inner(0.84, 0.6)
        text = self.w.end_prompt
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        size = box.height() * 0.3
        while size > 8:
            bounds = QFontMetricsF(_font(size, bold=True)).boundingRect(box, flags, text)
            if bounds.width() <= box.width() and bounds.height() <= box.height():
                break
            size *= 0.95
        self.p.setFont(_font(size, bold=True))
        self.p.setPen(QColor(self.t.caution_text))
        self.p.drawText(box, flags, text)
        label = self.ring.width() * 0.052
        done = QRectF(box.left(), box.bottom(), box.width(), label * 2.0)
        self._text(done, self.w.status_text(), _font(label, bold=True), self.t.caution_edge)

    def _fit(self, template: str, width: float, height: float, *, bold: bool) -> float:
        """Return the largest pixel size at which ``template`` fits the box."""
        probe = 100.0
        metrics = QFontMetricsF(_font(probe, bold=bold))
        scale = min(width / max(1.0, metrics.horizontalAdvance(template)), height / metrics.capHeight())
        return max(8.0, probe * scale)

    def _text(self, rect: QRectF, text: str, font: QFont, colour: str, *, elide: bool = False) -> None:
        if elide:
            text = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        self.p.setFont(font)
        self.p.setPen(QColor(colour))
        self.p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
