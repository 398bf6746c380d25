"""How a countdown looks: the ring, the digits, the caption and the end prompt."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from app.model.countdown import CountdownState
from app.ui.theme import MAP_FONT_FAMILY

if TYPE_CHECKING:
    from app.ui.countdown_widget import CountdownWidget

RING_THICKNESS = 0.075  # of the ring's outer diameter


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
