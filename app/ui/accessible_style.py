"""Fusion with check boxes that grow with the text and show on every theme, and a bold focus frame.

Fusion outlines an unchecked box in a darker shade of the window colour, which
vanishes on a dark or black window, and draws the focus hint as a thin line.
This proxy draws the box edge and the tick in the palette's text colour (a
checked text pair), sizes the box with the text, and draws the focus frame
two pixels wide in the palette's accent (the theme's focus colour).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

BOX = 14  # pixels at 100 % text
SIZED = (
    QStyle.PixelMetric.PM_IndicatorWidth,
    QStyle.PixelMetric.PM_IndicatorHeight,
    QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
    QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
)


class AccessibleStyle(QProxyStyle):
    """The application's style: Fusion, with visible check boxes and focus frames."""

    def __init__(self, text_factor: float = 1.0) -> None:
        super().__init__("Fusion")
        self.text_factor = text_factor

    def pixelMetric(
        self, metric: QStyle.PixelMetric, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> int:
        """Grow the indicators with the text (Qt override)."""
        if metric in SIZED:
            return round(BOX * self.text_factor)
        return super().pixelMetric(metric, option, widget)

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        """Draw check boxes, radio buttons and the focus frame in checked colours (Qt override)."""
        if element == QStyle.PrimitiveElement.PE_IndicatorCheckBox:
            _draw_box(option, painter, round_box=False)
        elif element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            _draw_box(option, painter, round_box=True)
        elif element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            painter.save()
            painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Accent), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(option.rect).adjusted(1, 1, -1, -1), 3, 3)
            painter.restore()
        else:
            super().drawPrimitive(element, option, painter, widget)


def _draw_box(option: QStyleOption, painter: QPainter, round_box: bool) -> None:
    palette = option.palette
    enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
    group = QPalette.ColorGroup.Active if enabled else QPalette.ColorGroup.Disabled
    ink = palette.color(group, QPalette.ColorRole.Text)
    rect = QRectF(option.rect).adjusted(1, 1, -1, -1)
    side = min(rect.width(), rect.height())
    rect = QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side)
    width = max(1.5, side / 9)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(ink, width))
    painter.setBrush(palette.color(group, QPalette.ColorRole.Base))
    inner = rect.adjusted(width / 2, width / 2, -width / 2, -width / 2)
    if round_box:
        painter.drawEllipse(inner)
    else:
        painter.drawRoundedRect(inner, side / 7, side / 7)
    painter.setBrush(QColor(ink))
    if option.state & QStyle.StateFlag.State_On:
        if round_box:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(rect.center(), side / 4.5, side / 4.5)
        else:
            tick = QPainterPath(QPointF(rect.left() + side * 0.22, rect.top() + side * 0.52))
            tick.lineTo(rect.left() + side * 0.42, rect.top() + side * 0.72)
            tick.lineTo(rect.left() + side * 0.78, rect.top() + side * 0.28)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(ink, width * 1.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawPath(tick)
    elif option.state & QStyle.StateFlag.State_NoChange:
        painter.drawRect(QRectF(rect.left() + side * 0.25, rect.center().y() - width / 2, side * 0.5, width))
    painter.restore()
