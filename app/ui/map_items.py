"""The graphics items a body map is drawn with. Each paints itself from the theme."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem, QWidget

from app.model.body_map import Arrow, Label, MapPoint, Region, Stroke
from app.model.geometry import XY
from app.ui.qt_paths import to_painter_path
from app.ui.theme import BADGE_FONT_SIZE, BADGE_RADIUS, LABEL_SIZES, MAP_FONT_FAMILY, THEMES, Theme

MAX_CONTOUR_WIDTH = max(t.contour_width for t in THEMES.values())
HEAD_LENGTH = 26.0
HEAD_HALF_WIDTH = 11.0
BASE_DOT_RADIUS = 8.0

# Stacking order, bottom to top.
Z_REGION, Z_ZONE, Z_OUTLINE, Z_LEADER, Z_ARROW, Z_POINT, Z_BADGE, Z_LABEL = range(8)


def map_font(size: float, bold: bool = False) -> QFont:
    """Return the map's font at a size in map units."""
    font = QFont(MAP_FONT_FAMILY)
    font.setPixelSize(max(1, round(size)))
    font.setBold(bold)
    return font


def _pen(color: str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(color), width, style)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCosmetic(False)
    return pen


class ThemedItem(QGraphicsItem):
    """An item with a fixed bounding box, painted from a theme, with one on/off mark.

    The mark is whatever makes the item stand out: a highlighted arrow or badge,
    the current tender point.
    """

    def __init__(self, theme: Theme, rect: QRectF, z: int) -> None:
        super().__init__()
        self._theme = theme
        self._rect = rect
        self._marked = False
        self.setZValue(z)

    @property
    def marked(self) -> bool:
        """Whether the item is shown standing out."""
        return self._marked

    def set_marked(self, on: bool) -> None:
        """Make the item stand out, or not."""
        if on != self._marked:
            self._marked = on
            self.update()

    def set_theme(self, theme: Theme) -> None:
        """Paint from another theme from now on (pen widths may change the shape)."""
        self.prepareGeometryChange()
        self._theme = theme
        self.update()

    def boundingRect(self) -> QRectF:
        """Qt override."""
        return self._rect


class OutlineItem(ThemedItem):
    """All lines of the drawing, painted in one item (they never change alone)."""

    def __init__(self, strokes: tuple[Stroke, ...], theme: Theme) -> None:
        paths = [(to_painter_path(s.path), s.kind) for s in strokes]
        rect = QRectF()
        for path, _ in paths:
            rect = rect.united(path.boundingRect())
        margin = MAX_CONTOUR_WIDTH  # the widest pen of any theme, so a theme switch never clips
        super().__init__(theme, rect.adjusted(-margin, -margin, margin, margin), Z_OUTLINE)
        self._paths = paths

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Paint from the theme (Qt override)."""
        t = self._theme
        pens = {
            "contour": _pen(t.contour, t.contour_width),
            "detail": _pen(t.detail, t.detail_width),
            "hidden": _pen(t.detail, t.detail_width, Qt.PenStyle.DashLine),
        }
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for path, kind in self._paths:
            painter.setPen(pens[kind])
            painter.drawPath(path)


class RegionItem(QGraphicsPathItem):
    """A clickable region: plain, hovered, selected or highlighted from a card."""

    def __init__(self, region: Region, name: str, theme: Theme) -> None:
        super().__init__(to_painter_path(region.path))
        self.region_id = region.id
        self.name = name
        self._theme = theme
        self._hovered = self._selected = self._highlighted = False
        self.setZValue(Z_REGION)
        self.setToolTip(name)
        self._restyle()

    def set_state(
        self,
        *,
        hovered: bool | None = None,
        selected: bool | None = None,
        highlighted: bool | None = None,
    ) -> None:
        """Change what the region shows; unchanged states keep their value."""
        if hovered is not None:
            self._hovered = hovered
        if selected is not None:
            self._selected = selected
        if highlighted is not None:
            self._highlighted = highlighted
        self._restyle()

    @property
    def selected(self) -> bool:
        """Whether this region is the one whose cards are shown."""
        return self._selected

    def set_theme(self, theme: Theme) -> None:
        """Fill from another theme from now on."""
        self._theme = theme
        self._restyle()

    def _restyle(self) -> None:
        t = self._theme
        if self._selected:
            fill = t.region_selected
        elif self._hovered or self._highlighted:
            fill = t.region_hover
        else:
            fill = t.body_fill
        self.setBrush(QBrush(QColor(fill)))
        if self._selected:
            self.setPen(_pen(t.region_selected_edge, 2.5, Qt.PenStyle.DashLine))
        else:
            self.setPen(QPen(Qt.PenStyle.NoPen))


class ZoneItem(QGraphicsPathItem):
    """An area not to be massaged: hatched, with a dashed edge."""

    HATCH_SPACING = 12.0  # map units between hatch lines

    def __init__(self, region: Region, name: str, theme: Theme) -> None:
        super().__init__(to_painter_path(region.path))
        self.zone_id = region.id
        self.name = name
        self._hatch = self._hatch_area()
        self.setZValue(Z_ZONE)
        self.setToolTip(name)
        self.set_theme(theme)

    def set_theme(self, theme: Theme) -> None:
        """Hatch from another theme from now on."""
        self._hatch_colour = QColor(theme.zone)
        self.setPen(_pen(theme.zone, 2.5, Qt.PenStyle.DashLine))
        self.update()

    def _hatch_area(self) -> QPainterPath:
        # Thin diagonal bands cut to the zone's outline, once: a filled path needs no
        # clipping, which QSvgGenerator would drop (the hatch would spill out of the zone).
        rect = self.path().boundingRect()
        lines = QPainterPath()
        offset = rect.left() - rect.height()
        while offset < rect.right():
            lines.moveTo(offset, rect.bottom())
            lines.lineTo(offset + rect.height(), rect.top())
            offset += self.HATCH_SPACING
        stroker = QPainterPathStroker()
        stroker.setWidth(1.6)
        return stroker.createStroke(lines).intersected(self.path())

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Hatch with bands in map units, not a brush pattern (Qt override).

        Qt's pattern brushes are fixed in device pixels: on a 1200 dpi PDF page
        the hatch shrinks to a faint tint, and SVG has no such pattern at all.
        """
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._hatch_colour)
        painter.drawPath(self._hatch)
        painter.setPen(self.pen())
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())


class ArrowItem(ThemedItem):
    """A numbered stroke: base dot, shaft and head; dashed when it returns without contact."""

    def __init__(self, arrow: Arrow, theme: Theme) -> None:
        shaft, head = self.shapes(arrow)
        super().__init__(
            theme, shaft.boundingRect().united(head.boundingRect()).adjusted(-12, -12, 12, 12), Z_ARROW
        )
        self.arrow = arrow
        self._shaft, self._head = shaft, head

    @staticmethod
    def shapes(arrow: Arrow) -> tuple[QPainterPath, QPainterPath]:
        """Return the shaft and the head of an arrow (playback draws the same ones)."""
        # The shaft stops where the head starts, so the point stays sharp.
        full = to_painter_path(arrow.path)
        stop = max(0.0, 1.0 - HEAD_LENGTH * 0.8 / max(full.length(), 1.0))
        shaft = QPainterPath(full.pointAtPercent(0.0))
        steps = 48
        for k in range(1, steps + 1):
            shaft.lineTo(full.pointAtPercent(full.percentAtLength(full.length() * stop * k / steps)))
        tip = QPointF(*arrow.tip)
        dx, dy = arrow.end_direction
        along, across = QPointF(dx, dy), QPointF(-dy, dx)
        head = QPainterPath(tip)
        head.lineTo(tip - along * HEAD_LENGTH + across * HEAD_HALF_WIDTH)
        head.lineTo(tip - along * (HEAD_LENGTH * 0.78))
        head.lineTo(tip - along * HEAD_LENGTH - across * HEAD_HALF_WIDTH)
        head.closeSubpath()
        return shaft, head

    def shape(self) -> QPainterPath:
        """Qt override."""
        stroker = QPainterPathStroker()
        stroker.setWidth(self._theme.arrow_width + 8)
        return stroker.createStroke(self._shaft) + self._head

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Paint from the theme (Qt override)."""
        t = self._theme
        color = t.arrow_highlight if self._marked else t.arrow
        width = t.arrow_width * (1.25 if self._marked else 1.0)
        # A halo in the canvas colour keeps the arrow readable over outline lines.
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(_pen(t.canvas, width + 4))
        painter.drawPath(self._shaft)
        style = Qt.PenStyle.DashLine if self.arrow.style == "return" else Qt.PenStyle.SolidLine
        pen = _pen(color, width, style)
        if self.arrow.style == "return":
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            pen.setDashPattern([2.2, 1.6])
        painter.setPen(pen)
        painter.drawPath(self._shaft)
        painter.setPen(_pen(t.canvas, 2.0))
        painter.setBrush(QColor(color))
        painter.drawPath(self._head)
        if self.arrow.style != "return":
            painter.drawEllipse(QPointF(*self.arrow.base), BASE_DOT_RADIUS, BASE_DOT_RADIUS)


class BadgeItem(ThemedItem):
    """The arrow's number in a circle near its base."""

    def __init__(self, number: int, centre: XY, theme: Theme) -> None:
        r = BADGE_RADIUS + 2
        super().__init__(theme, QRectF(centre[0] - r, centre[1] - r, 2 * r, 2 * r), Z_BADGE)
        self.number = number
        self._centre = QPointF(*centre)

    @property
    def centre(self) -> QPointF:
        """The badge's centre in map units."""
        return self._centre

    def set_marked(self, on: bool) -> None:
        """Make the badge stand out, or not; what hangs on it (a leader line) follows."""
        super().set_marked(on)
        for child in self.childItems():
            child.update()

    def font_size(self) -> float:
        """The number's size in map units (two digits are set smaller to fit the circle)."""
        return BADGE_FONT_SIZE if self.number < 10 else BADGE_FONT_SIZE * 0.85

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Paint from the theme (Qt override)."""
        t = self._theme
        edge = t.arrow_highlight if self._marked else t.arrow
        painter.setPen(_pen(edge, 3.0))
        painter.setBrush(QColor(edge if self._marked else t.badge_fill))
        painter.drawEllipse(self._centre, BADGE_RADIUS, BADGE_RADIUS)
        painter.setPen(QColor(t.badge_fill if self._marked else t.badge_text))
        text = str(self.number)
        painter.setFont(map_font(self.font_size(), bold=True))
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, text)


class LabelItem(ThemedItem):
    """A text of the map, with a halo so lines behind it never hide it."""

    def __init__(self, label: Label, theme: Theme) -> None:
        self.label = label
        bold = label.kind in ("view", "side", "viewpoint")
        font = map_font(LABEL_SIZES[label.kind], bold=bold)
        path = QPainterPath()
        path.addText(0, 0, font, label.text)
        width = path.boundingRect().width()
        shift = {"middle": width / 2, "end": width}.get(label.anchor, 0.0)
        self._path = path.translated(label.x - shift, label.y)
        super().__init__(theme, self._path.boundingRect().adjusted(-4, -4, 4, 4), Z_LABEL)

    def font_size(self) -> float:
        """The text's size in map units."""
        return LABEL_SIZES[self.label.kind]

    def text_rect(self) -> QRectF:
        """Return the box of the glyphs in map units (for collision checks)."""
        return self._path.boundingRect()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Paint from the theme (Qt override)."""
        t = self._theme
        color = t.text if self.label.kind != "note" else t.text_muted
        painter.setPen(_pen(t.canvas, 6.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        painter.drawPath(self._path)


class LeaderItem(ThemedItem):
    """A thin line from a label to what it names, ending in a small dot."""

    DOT = 3.0

    def __init__(self, stroke: Stroke, theme: Theme) -> None:
        path = to_painter_path(stroke.path)
        super().__init__(theme, path.boundingRect().adjusted(-5, -5, 5, 5), Z_LEADER)
        self._path = path
        self._end = path.pointAtPercent(1.0)

    @property
    def start(self) -> QPointF:
        """Where the line starts, by its text, in map units."""
        return self._path.pointAtPercent(0.0)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Paint from the theme (Qt override)."""
        # The line is never filled: a bent leader would otherwise paint a triangle.
        painter.setPen(_pen(self._theme.text_muted, 1.4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self._theme.text_muted))
        painter.drawEllipse(self._end, self.DOT, self.DOT)


class PointItem(ThemedItem):
    """A tender point: a filled circle with a light ring, larger when selected."""

    def __init__(self, point: MapPoint, name: str, theme: Theme) -> None:
        radius = max(point.radius, 10.0)
        r = radius * 1.6
        super().__init__(theme, QRectF(point.x - r, point.y - r, 2 * r, 2 * r), Z_POINT)
        self.point = point
        self._radius = radius
        self.setToolTip(name)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Paint from the theme (Qt override)."""
        t = self._theme
        centre = QPointF(self.point.x, self.point.y)
        if self._marked:
            painter.setPen(_pen(t.arrow_highlight, 4.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, self._radius * 1.45, self._radius * 1.45)
        painter.setPen(_pen(t.point_edge, 3.0))
        painter.setBrush(QColor(t.point))
        painter.drawEllipse(centre, self._radius, self._radius)
