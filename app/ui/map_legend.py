"""The legend drawn under every map: what the parts of an arrow mean, and whose drawing it is."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from app.model.body_map import Arrow, BodyMap, MapPoint
from app.model.geometry import PathData
from app.model.viewpoint import Viewpoint, legend_sentence
from app.ui.map_items import ArrowItem, BadgeItem, PointItem, ThemedItem, map_font
from app.ui.theme import Theme

LEGEND_GAP = 24.0
ROW = 34.0
TEXT_SIZE = 22.0
NOTE_SIZE = 19.0
SAMPLE_WIDTH = 260.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("MapLegend", text)


def _straight_arrow(x: float, y: float, length: float, style: str = "pull") -> Arrow:
    points = ((x, y), (x + length, y))
    return Arrow(1, "", PathData((("M", points[0]), ("L", points[1]))), points, (1.0, 0.0), (1.0, 0.0), style)


def shows_techniques(body_map: BodyMap) -> bool:
    """Tell whether the map's arrows are technique directions (figures) rather than pulls."""
    return bool(body_map.arrows) and all(a.technique for a in body_map.arrows)


def legend_lines(body_map: BodyMap) -> list[str]:
    """Return the legend's explanation lines for a map (what it draws decides what they say)."""
    lines = []
    if shows_techniques(body_map):
        lines += [
            _tr("Arrow: where a technique runs and in which direction; dot: where the hands start."),
            _tr("Number: the order of the figures; labels name the technique and its figure."),
        ]
    elif body_map.arrows:
        lines += [
            _tr("Dot at the base: the initial position of the fingers and the fold of the skin."),
            _tr("Arrowhead: the direction of pull and the end of the application."),
            _tr("Number: the recommended place to start."),
        ]
    if any(a.style == "return" for a in body_map.arrows):
        lines.append(_tr("Dashed arrow: return to the start without contact."))
    if body_map.points:
        lines.append(_tr("Filled circle: a tender point (ACR 1990 site); click it for its card."))
    if body_map.zones:
        lines.append(_tr("Hatched area: do not massage here."))
    return lines


def legend_note(body_map: BodyMap, viewpoint: Viewpoint = Viewpoint.CLIENT) -> str:
    """Return the legend's closing note: whose drawing it is and where its content comes from."""
    notes = []
    if shows_techniques(body_map):
        notes.append(
            _tr(
                "Where and in which direction each technique runs is FibroMap's own schematic of the "
                "article's figure captions (Massage & Bodywork, Feb/Mar 2004, p. 92); the article's "
                "photographs are not reproduced."
            )
        )
    elif body_map.arrows:
        notes.append(
            _tr(
                "Arrow layouts are FibroMap's own drawings following the article's rules "
                "(Massage & Bodywork, Feb/Mar 2004, “Point by point”); the article's illustrations "
                "are not reproduced."
            )
        )
    else:
        notes.append(_tr("The drawing is FibroMap's own."))
    if body_map.points:
        notes.append(
            _tr(
                "Tender-point sites: American College of Rheumatology 1990 criteria "
                "(Wolfe F. et al., Arthritis & Rheumatism 1990;33:160–172)."
            )
        )
    notes.append(_tr(legend_sentence(viewpoint)))
    return " ".join(notes)


class LegendItem(QGraphicsItem):
    """A box under the drawing; it is part of the scene so exports carry it too."""

    def __init__(self, body_map: BodyMap, theme: Theme) -> None:
        super().__init__()
        self._theme = theme
        self._body_map = body_map
        x, y, width, height = body_map.view_box
        self._lines = legend_lines(body_map)
        self._note = legend_note(body_map)
        rows = max(len(self._lines), 1)
        self._rect = QRectF(x, y + height + LEGEND_GAP, width, rows * ROW + 2 * ROW + 16)
        self._children: list[QGraphicsItem] = []
        top = self._rect.top() + ROW * 0.9
        if body_map.arrows:
            sample = _straight_arrow(x + 90, top + ROW * 0.3, SAMPLE_WIDTH - 110)
            self._children.append(ArrowItem(sample, theme))
            self._children.append(BadgeItem(1, (x + 52, top + ROW * 0.3), theme))
        if any(a.style == "return" for a in body_map.arrows):
            dashed = _straight_arrow(x + 90, top + ROW * 1.6, SAMPLE_WIDTH - 110, "return")
            self._children.append(ArrowItem(dashed, theme))
        if body_map.points and not body_map.arrows:
            self._children.append(PointItem(MapPoint("", x + 120, top + ROW * 0.3, 10), "", theme))
        for child in self._children:
            child.setParentItem(self)

    def set_theme(self, theme: Theme) -> None:
        """Paint from another theme from now on, the samples too."""
        self._theme = theme
        for child in self._children:
            if isinstance(child, ThemedItem):
                child.set_theme(theme)
        self.update()

    def set_viewpoint(self, viewpoint: Viewpoint) -> None:
        """Say whose left and right the map's side labels name."""
        self._note = legend_note(self._body_map, viewpoint)
        self.update()

    def boundingRect(self) -> QRectF:
        """Qt override."""
        return self._rect.adjusted(-2, -2, 2, 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Paint from the theme (Qt override)."""
        t = self._theme
        painter.setPen(QPen(QColor(t.card_edge), 1.5))
        painter.setBrush(QColor(t.legend_fill))
        painter.drawRoundedRect(self._rect, 10, 10)
        left = self._rect.left() + SAMPLE_WIDTH + 20
        painter.setPen(QColor(t.text))
        painter.setFont(map_font(TEXT_SIZE))
        y = self._rect.top() + ROW * 0.9 + ROW * 0.3 + TEXT_SIZE * 0.35
        for line in self._lines:
            painter.drawText(QPointF(left, y), line)
            y += ROW
        painter.setPen(QColor(t.text_muted))
        painter.setFont(map_font(NOTE_SIZE))
        note_rect = QRectF(self._rect.left() + 24, y - ROW * 0.4, self._rect.width() - 48, ROW * 2)
        painter.drawText(note_rect, int(Qt.TextFlag.TextWordWrap), self._note)
