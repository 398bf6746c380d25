"""The quiz's map: the map scene with clicks reported as points, no name tips, and answer tags.

A quiz must not give its answers away: region and point tooltips are removed,
and the stage (:mod:`app.ui.quiz_stage`) hides the names on the map while a
question is asked. Clicks go to the quiz, which decides what they hit.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from app.model.body_map import BodyMap
from app.model.content import MapInfo
from app.model.map_names import naming_labels
from app.ui.body_map_scene import BodyMapScene
from app.ui.map_items import Z_LABEL, ThemedItem, map_font
from app.ui.theme import Theme

TAG_FONT_SIZE = 30.0  # map units: larger than the map's own labels, read from across a room
TAG_PADDING = 9.0
LEADER_DOT = 5.0  # map units: the dot where a moved tag's line ends


class TagStyle:
    """How a tag looks: a letter or number to pick, a pick made, the right answer, a wrong answer."""

    ASK = "ask"
    PICKED = "picked"
    RIGHT = "right"
    WRONG = "wrong"


class QuizTagItem(ThemedItem):
    """A short text in a rounded box on the map: an option's letter, a pick, or a verdict.

    The box is kept inside ``bounds`` (the drawing) so a tag at a region near the edge stays whole.
    """

    def __init__(
        self,
        text: str,
        centre: QPointF,
        style: str,
        theme: Theme,
        bounds: QRectF,
        leader_to: QPointF | None = None,
    ) -> None:
        self.text = text
        self.style = style
        glyphs = _glyphs(text)
        box = glyphs.boundingRect()
        width, height = self.size_of(text)
        rect = QRectF(centre.x() - width / 2, centre.y() - height / 2, width, height)
        rect.moveLeft(min(max(rect.left(), bounds.left()), bounds.right() - rect.width()))
        rect.moveTop(min(max(rect.top(), bounds.top()), bounds.bottom() - rect.height()))
        self._box = rect
        self._glyphs = glyphs.translated(
            rect.center().x() - box.center().x(), rect.center().y() - box.center().y()
        )
        # A tag moved off its place points back to it with a thin line ending in a dot.
        self.leader: QLineF | None = None
        drawn = rect.adjusted(-4, -4, 4, 4)
        if leader_to is not None and not rect.contains(leader_to):
            self.leader = QLineF(_edge_towards(rect, leader_to), leader_to)
            reach = LEADER_DOT + 4
            drawn = drawn.united(QRectF(leader_to, leader_to).adjusted(-reach, -reach, reach, reach))
        super().__init__(theme, drawn, Z_LABEL + 1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    @staticmethod
    def size_of(text: str) -> tuple[float, float]:
        """Return the width and height of a tag showing ``text``, in map units."""
        height = TAG_FONT_SIZE + 2 * TAG_PADDING
        return max(
            _glyphs(text).boundingRect().width() + 2 * TAG_PADDING, height
        ), height  # a letter: a circle

    def box(self) -> QRectF:
        """Return the tag's rounded box in map units (for collision checks)."""
        return QRectF(self._box)

    def colours(self) -> tuple[str, str, str]:
        """Return the fill, edge and text colours of this tag's style."""
        t = self._theme
        return {
            TagStyle.ASK: (t.badge_fill, t.arrow, t.badge_text),
            TagStyle.PICKED: (t.arrow, t.arrow, t.badge_fill),
            TagStyle.RIGHT: (t.arrow_highlight, t.canvas, t.badge_fill),
            TagStyle.WRONG: (t.text_muted, t.canvas, t.badge_fill),
        }[self.style]

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Paint from the theme (Qt override)."""
        fill, edge, text = self.colours()
        if self.leader is not None:
            halo = QPen(QColor(self._theme.canvas), 7.0)
            halo.setCapStyle(Qt.PenCapStyle.RoundCap)
            line = QPen(QColor(fill), 3.0)
            line.setCapStyle(Qt.PenCapStyle.RoundCap)
            for pen in (halo, line):
                painter.setPen(pen)
                painter.drawLine(self.leader)
            painter.setPen(QPen(QColor(self._theme.canvas), 2.0))
            painter.setBrush(QColor(fill))
            painter.drawEllipse(self.leader.p2(), LEADER_DOT, LEADER_DOT)
        painter.setPen(QColor(edge))
        painter.setBrush(QColor(fill))
        radius = self._box.height() / 2
        painter.drawRoundedRect(self._box, radius, radius)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(text))
        painter.drawPath(self._glyphs)


def _edge_towards(rect: QRectF, target: QPointF) -> QPointF:
    """Return where a line from the rectangle's centre to ``target`` leaves the rectangle."""
    centre = rect.center()
    dx, dy = target.x() - centre.x(), target.y() - centre.y()
    scales = [
        rect.width() / 2 / abs(dx) if dx else float("inf"),
        rect.height() / 2 / abs(dy) if dy else float("inf"),
    ]
    t = min(1.0, *scales)
    return QPointF(centre.x() + dx * t, centre.y() + dy * t)


def _glyphs(text: str) -> QPainterPath:
    glyphs = QPainterPath()
    glyphs.addText(0, 0, map_font(TAG_FONT_SIZE, bold=True), text)
    return glyphs


class QuizMapScene(BodyMapScene):
    """A map scene for the quiz: a click is reported where it fell, not as a region chosen.

    Signals:
        map_clicked(float, float): the map was clicked at these map coordinates.
    """

    map_clicked = Signal(float, float)

    def __init__(self, body_map: BodyMap, info: MapInfo, theme: Theme, point_names: dict[str, str]) -> None:
        super().__init__(body_map, info, theme, point_names)
        self.theme = theme
        for item in (*self.region_items.values(), *self.point_items.values()):
            item.setToolTip("")

    def activate_at(self, pos: QPointF) -> None:
        """Report the click; the quiz decides what it hit (Qt view calls this)."""
        self.map_clicked.emit(pos.x(), pos.y())

    def show_names(self, on: bool) -> None:
        """Show or hide what names things on the map.

        Hidden: region names, their leader lines, and notes that name a figure or an
        arrow (the figures map's "Fig. 6 Ironing", "Dashed arrows 7 and 9") with their
        continuation lines. The view titles, the client's left and right and the other
        notes (landmarks such as C7, "Back" and "Front", the carotid caution) stay, so
        the student keeps their bearings.
        """
        names = naming_labels([item.label for item in self.label_items])
        for item, naming in zip(self.label_items, names, strict=True):
            if naming:
                item.setVisible(on)
        for leader in self.leader_items:
            leader.setVisible(on)
