"""The projected map's numbers: grown for the class, each placed again clear of the rest, tied to its arrow.

:func:`app.model.projected_badges.place_projected_badges` decides the places;
this grows the :class:`BadgeItem` s, moves them there and draws a thin leader
line from a badge set away from its base to the base dot. The leader is a
child of its badge, so it shows and hides with it (stroke playback hides the
numbers not yet played).
"""

from __future__ import annotations

import math
from dataclasses import replace

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from app.model.plane import Box, box_distance
from app.model.presentation import text_scale
from app.model.projected_badges import BadgePlace, BadgeSizes, place_projected_badges
from app.ui.body_map_scene import BodyMapScene
from app.ui.map_items import BASE_DOT_RADIUS, HEAD_HALF_WIDTH, HEAD_LENGTH, BadgeItem, LabelItem
from app.ui.theme import BADGE_RADIUS, Theme

BADGE_GAP_PX = 6.0  # screen pixels kept between a number and anything else
LEADER_WIDTH_PX = 2.0
RADIUS_STEP = 0.5  # map units: the grid the layout's inputs are snapped to (see place)
GAP_STEP = 0.5
GRID = 8.0
KEPT_LAYOUTS = 24  # per map: the stops' few layouts (with and without a caption) at a few sizes
BADGE_RING = 1.5  # half the badge's ring pen (BadgeItem paints a 3-unit ring on its radius)


class BadgeLeaderItem(QGraphicsItem):
    """A thin line from a badge's edge to its arrow's base dot; a child of the badge.

    The badge is grown about its centre; this item undoes that growth, so its
    coordinates are the scene's less the badge's move.
    """

    def __init__(self, badge: BadgeItem, theme: Theme) -> None:
        super().__init__(badge)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)
        self._badge = badge
        self._line = QLineF()
        self._theme = theme

    def set_line(self, start: QPointF, end: QPointF, badge_scale: float) -> None:
        """Draw from ``start`` to ``end`` (scene coordinates), the badge grown by ``badge_scale``."""
        parent = self.parentItem()
        assert parent is not None
        self.prepareGeometryChange()
        self.setTransformOriginPoint(parent.transformOriginPoint())
        self.setScale(1.0 / badge_scale)
        self._line = QLineF(start - parent.pos(), end - parent.pos())

    def line(self) -> QLineF:
        """The line in scene coordinates."""
        parent = self.parentItem()
        offset = parent.pos() if parent is not None else QPointF()
        return self._line.translated(offset)

    def boundingRect(self) -> QRectF:
        """Qt override."""
        return QRectF(self._line.p1(), self._line.p2()).normalized().adjusted(-6, -6, 6, 6)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Paint a thin line in the arrows' colour (Qt override)."""
        # The colour of its badge's ring: the arrow being talked about stands out, leader too.
        colour = self._theme.arrow_highlight if self._badge.marked else self._theme.arrow
        pen = QPen(QColor(colour), LEADER_WIDTH_PX)
        pen.setCosmetic(True)  # thin on every screen, whatever the map's scale
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(self._line)


class ProjectedBadges:
    """Grows and places one scene's numbers for the stage, remembering the layouts made.

    Args:
        scene: the projected map.
    """

    def __init__(self, scene: BodyMapScene) -> None:
        self.scene = scene
        self.leaders = {
            order: BadgeLeaderItem(badge, scene.theme) for order, badge in scene.badge_items.items()
        }
        for leader in self.leaders.values():
            leader.hide()
        self._layouts: dict[tuple[object, ...], dict[int, BadgePlace]] = {}
        self.factor = 1.0

    def grow(self, view_scale: float) -> float:
        """Grow every badge until the smallest number is readable; return the growth."""
        badges = self.scene.badge_items.values()
        self.factor = max(text_scale(round(b.font_size()), view_scale) for b in badges)
        for badge in badges:
            badge.setTransformOriginPoint(badge.centre)
            badge.setScale(self.factor)
        return self.factor

    def sizes(self, view_scale: float) -> BadgeSizes:
        """Return the sizes the layout keeps to at this scale, in map units."""
        theme = self.scene.theme
        return BadgeSizes(
            radius=(BADGE_RADIUS + BADGE_RING) * self.factor,
            gap=BADGE_GAP_PX / view_scale,
            dot_radius=BASE_DOT_RADIUS + 1.0,
            shaft_half_width=(theme.arrow_width * 1.25 + 4.0) / 2,  # a marked arrow is wider, with a halo
            head_length=HEAD_LENGTH,
            head_half_width=HEAD_HALF_WIDTH + 1.0,
        )

    def place(self, view_scale: float, area: QRectF, settled: bool = False) -> None:
        """Move the grown badges clear of each other, the arrows and the shown texts, inside ``area``.

        Args:
            view_scale: screen pixels per map unit.
            area: what the screen shows of the map, in map units.
            settled: keep off the texts where spreading put them too, not only where
                they are anchored (a second pass, when spreading left one on a number).
        """
        shown = [label for label in self.scene.label_items if label.isVisible()]
        rects = [natural_text_rect(label) for label in shown]
        if settled:
            rects += [label.mapRectToScene(label.text_rect()) for label in shown]
        # Inputs snapped to a coarse grid (badges a little larger, the area a little smaller,
        # texts a little wider), so a window resized in small steps reuses its layouts.
        sizes = self.sizes(view_scale)
        sizes = replace(sizes, radius=_up(sizes.radius, RADIUS_STEP), gap=_up(sizes.gap, GAP_STEP))
        texts = tuple(_snapped(rect, outward=True) for rect in rects)
        screen = _snapped(area, outward=False)
        key = (sizes.radius, sizes.gap, screen, texts)
        places = self._layouts.get(key)
        if places is None:
            places = place_projected_badges(self.scene.body_map.arrows, sizes, screen, texts)
            if len(self._layouts) >= KEPT_LAYOUTS:
                self._layouts.pop(next(iter(self._layouts)))  # the oldest: a window resized many times
            self._layouts[key] = places
        for order, badge in self.scene.badge_items.items():
            place = places[order]
            badge.setPos(QPointF(*place.centre) - badge.centre)
            leader = self.leaders[order]
            if place.leader is None:
                leader.hide()
            else:
                start, end = place.leader
                leader.set_line(QPointF(*start), QPointF(*end), self.factor)
                leader.show()

    def touch_texts(self) -> bool:
        """Tell whether a shown badge touches a shown text."""
        texts = [
            _box(label.mapRectToScene(label.text_rect()))
            for label in self.scene.label_items
            if label.isVisible()
        ]
        radius = (BADGE_RADIUS + BADGE_RING) * self.factor
        for badge in self.scene.badge_items.values():
            centre = badge.mapToScene(badge.centre)
            if badge.isVisible() and any(
                box_distance((centre.x(), centre.y()), box) < radius for box in texts
            ):
                return True
        return False


def natural_text_rect(label: LabelItem) -> QRectF:
    """Return a grown text's box where it is anchored, before spreading moves it (map units)."""
    rect = label.text_rect()
    origin = label.transformOriginPoint()
    scale = label.scale()
    return QRectF(origin + (rect.topLeft() - origin) * scale, rect.size() * scale)


def _box(rect: QRectF) -> Box:
    return (rect.x(), rect.y(), rect.width(), rect.height())


def _up(value: float, step: float) -> float:
    return math.ceil(value / step) * step


def _snapped(rect: QRectF, outward: bool) -> Box:
    """Return a rectangle with its edges on a :data:`GRID` (grown or shrunk to it) as a box."""
    low, high = (math.floor, math.ceil) if outward else (math.ceil, math.floor)
    left, top = low(rect.left() / GRID) * GRID, low(rect.top() / GRID) * GRID
    right, bottom = high(rect.right() / GRID) * GRID, high(rect.bottom() / GRID) * GRID
    return (left, top, max(0.0, right - left), max(0.0, bottom - top))
