"""The keyboard focus on a body map: a ring drawn around the focused region, arrow or point."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from app.ui.map_items import Z_LABEL, ThemedItem
from app.ui.theme import Theme

RING_WIDTH = 6.0  # map units; thick enough to see at "fit to window" on a laptop
RING_GAP = 7.0  # from the focused shape to the ring


class FocusRingItem(ThemedItem):
    """A dashed ring in the theme's focus colour, on a halo in the canvas colour, over everything."""

    def __init__(self, theme: Theme) -> None:
        super().__init__(theme, QRectF(), Z_LABEL + 1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._ring = QPainterPath()
        self.hide()

    def surround(self, shape: QPainterPath) -> None:
        """Put the ring around a shape (scene units) and show it."""
        stroker = QPainterPathStroker()
        stroker.setWidth(2 * RING_GAP)
        stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        self.prepareGeometryChange()
        self._ring = stroker.createStroke(shape).united(shape).simplified()
        margin = RING_WIDTH + 4
        self._rect = self._ring.boundingRect().adjusted(-margin, -margin, margin, margin)
        self.show()
        self.update()

    def surround_circle(self, centre: QPointF, radius: float) -> None:
        """Put the ring around a circle (a tender point)."""
        path = QPainterPath()
        path.addEllipse(centre, radius, radius)
        self.surround(path)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Paint from the theme (Qt override)."""
        t = self._theme
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(t.canvas), RING_WIDTH + 4))
        painter.drawPath(self._ring)
        pen = QPen(QColor(t.focus), RING_WIDTH, Qt.PenStyle.DashLine)
        pen.setDashPattern([2.0, 1.0])
        painter.setPen(pen)
        painter.drawPath(self._ring)
