"""The scene of one body map: builds its items and turns clicks into region ids.

Hit testing is the model's (``BodyMap.region_at``); the scene only asks it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QColor, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from app.model.body_map import BodyMap
from app.model.content import MapInfo
from app.model.map_focus import FocusTarget, focus_order
from app.model.viewpoint import Viewpoint, side_labels
from app.services import map_cache
from app.ui.map_focus_ring import FocusRingItem
from app.ui.map_items import (
    ArrowItem,
    BadgeItem,
    LabelItem,
    LeaderItem,
    OutlineItem,
    PointItem,
    RegionItem,
    ThemedItem,
    ZoneItem,
)
from app.ui.map_legend import LegendItem
from app.ui.theme import BADGE_RADIUS, Theme


class BodyMapScene(QGraphicsScene):
    """One map, drawn in map units (the SVG viewBox) with its legend below.

    Signals:
        region_activated(str): a region was clicked; carries its id.
        point_activated(str): a tender point was clicked; carries its id.
        hovered_changed(str): the region under the pointer changed ("" for none).
        focus_changed(int): the keyboard focus moved to this index of ``focus_targets`` (-1: none).
    """

    region_activated = Signal(str)
    point_activated = Signal(str)
    hovered_changed = Signal(str)
    focus_changed = Signal(int)

    def __init__(
        self,
        body_map: BodyMap,
        info: MapInfo,
        theme: Theme,
        point_names: dict[str, str],
        viewpoint: Viewpoint = Viewpoint.CLIENT,
    ) -> None:
        super().__init__()
        self.body_map = body_map
        self.info = info
        self.theme = theme
        self.viewpoint = viewpoint
        self.point_names = point_names
        self.setBackgroundBrush(QColor(theme.canvas))
        self.region_items: dict[str, RegionItem] = {}
        for region in body_map.regions.values():
            item = RegionItem(region, info.regions[region.id].name, theme)
            self.addItem(item)
            self.region_items[region.id] = item
        for zone in body_map.zones.values():
            self.addItem(ZoneItem(zone, info.zones[zone.id].name, theme))
        self.addItem(OutlineItem(body_map.outline, theme))
        self.leader_items = [LeaderItem(leader, theme) for leader in body_map.leaders]
        for leader_item in self.leader_items:
            self.addItem(leader_item)
        self.label_items = [
            LabelItem(label, theme) for label in side_labels(body_map.labels, viewpoint, self._bottom())
        ]
        for label in self.label_items:
            self.addItem(label)
        self.point_items = {
            p.id: PointItem(p, point_names.get(p.id, p.id), theme) for p in body_map.points.values()
        }
        for point in self.point_items.values():
            self.addItem(point)
        self.arrow_items = {a.order: ArrowItem(a, theme) for a in body_map.arrows}
        for arrow_item in self.arrow_items.values():
            self.addItem(arrow_item)
        self.badge_items = {
            order: BadgeItem(order, centre, theme) for order, centre in self._badge_centres().items()
        }
        for badge in self.badge_items.values():
            self.addItem(badge)
        self.legend = LegendItem(body_map, theme)
        self.legend.set_viewpoint(viewpoint)
        self.addItem(self.legend)
        self.focus_targets: list[FocusTarget] = focus_order(body_map)
        self.focus_index = -1
        self.focus_ring = FocusRingItem(theme)
        self.addItem(self.focus_ring)
        self.setSceneRect(self.map_rect().united(self.legend.boundingRect()).adjusted(-10, -10, 10, 10))
        self._drawing = self.items()  # the map's own items (not playback's, added later)
        self._hovered = ""
        self._selected = ""
        # Connected before any view shows the scene: Qt then reports every changed area through
        # ``changed`` (once a view is attached it may stop doing so), and BodyMapView redraws only those.
        self.changed.connect(self._changed)

    def _changed(self, _areas: list[QRectF]) -> None:
        """Nothing to do: being connected keeps ``changed`` coming for the views."""

    def _badge_centres(self) -> Mapping[int, tuple[float, float]]:
        # Numbers keep clear of the labels of both viewpoints, so switching never covers one.
        worded = {
            *side_labels(self.body_map.labels, Viewpoint.THERAPIST, self._bottom()),
            *self.body_map.labels,
        }
        # Plain values, sorted (a set has no fixed order), so the places come from the cache.
        boxes = sorted(_corners(LabelItem(label, self.theme).text_rect()) for label in worded)
        circles = [(p.x, p.y, p.radius + 6) for p in self.body_map.points.values()]
        return map_cache.badge_centres(self.body_map.arrows, BADGE_RADIUS, boxes, circles)

    def keep_pictures_on_screen(self) -> None:
        """Let each item keep a picture of itself at the screen's resolution (a view calls this).

        A frame is then mostly blits and a change redraws only what changed (the labels'
        halos are slow to stroke). Only for scenes shown on screen: a scene rendered into a
        PDF or SVG must draw vectors, and cached items would draw pictures there.
        """
        for each in self._drawing:
            each.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def _bottom(self) -> float:
        return self.body_map.view_box[1] + self.body_map.view_box[3]

    def map_rect(self) -> QRectF:
        """Return the drawing's area (the viewBox), without the legend."""
        return QRectF(*self.body_map.view_box)

    @property
    def selected_region(self) -> str:
        """The id of the selected region, or ""."""
        return self._selected

    def activate_at(self, pos: QPointF) -> None:
        """Handle a click at a scene position: a tender point wins over the region under it."""
        point_id = self.body_map.point_at(pos.x(), pos.y())
        if point_id:
            self.select_point(point_id)
            self.point_activated.emit(point_id)
            return
        region_id = self.body_map.region_at(pos.x(), pos.y())
        if region_id:
            self.select_region(region_id)
            self.region_activated.emit(region_id)

    def hover_at(self, pos: QPointF | None) -> None:
        """Show which region is under the pointer (``None`` when it leaves)."""
        region_id = (self.body_map.region_at(pos.x(), pos.y()) if pos is not None else None) or ""
        if region_id == self._hovered:
            return
        if self._hovered in self.region_items:
            self.region_items[self._hovered].set_state(hovered=False)
        if region_id:
            self.region_items[region_id].set_state(hovered=True)
        self._hovered = region_id
        self.hovered_changed.emit(region_id)

    def select_region(self, region_id: str) -> None:
        """Select a region and make its arrows stand out ("" clears)."""
        for rid, item in self.region_items.items():
            item.set_state(selected=rid == region_id)
        self._selected = region_id
        self.highlight_arrows(a.order for a in self.body_map.arrows_in(region_id))
        for point_item in self.point_items.values():
            point_item.set_marked(False)

    def select_point(self, point_id: str) -> None:
        """Mark a tender point as the current one."""
        self.select_region("")
        for pid, item in self.point_items.items():
            item.set_marked(pid == point_id)

    def highlight_regions(self, region_ids: Iterable[str]) -> None:
        """Tint the regions where a card applies, and their arrows."""
        wanted = set(region_ids)
        for rid, item in self.region_items.items():
            item.set_state(highlighted=rid in wanted)
        self.highlight_arrows(a.order for a in self.body_map.arrows if a.region in wanted)

    def highlight_arrows(self, orders: Iterable[int]) -> None:
        """Make some arrows and their badges stand out; the rest go plain."""
        wanted = set(orders)
        for order, item in self.arrow_items.items():
            item.set_marked(order in wanted)
            self.badge_items[order].set_marked(order in wanted)

    def set_theme(self, theme: Theme) -> None:
        """Repaint every item of the map from another theme (selection and focus stay)."""
        self.theme = theme
        self.setBackgroundBrush(QColor(theme.canvas))
        for item in self.items():
            if isinstance(item, ThemedItem | RegionItem | ZoneItem | LegendItem):
                item.set_theme(theme)

    def set_viewpoint(self, viewpoint: Viewpoint) -> None:
        """Word the side labels for the client's or the therapist's viewpoint."""
        if viewpoint is self.viewpoint:
            return
        self.viewpoint = viewpoint
        visible = all(item.isVisible() for item in self.label_items)
        for item in self.label_items:
            self.removeItem(item)
        self.label_items = [
            LabelItem(label, self.theme)
            for label in side_labels(self.body_map.labels, viewpoint, self._bottom())
        ]
        for item in self.label_items:
            item.setVisible(visible)
            self.addItem(item)
        self.legend.set_viewpoint(viewpoint)

    # --- keyboard focus -------------------------------------------------------

    @property
    def focused(self) -> FocusTarget | None:
        """The target with the keyboard focus, if any."""
        return self.focus_targets[self.focus_index] if self.focus_index >= 0 else None

    def set_focus_index(self, index: int) -> None:
        """Move the keyboard focus to a target (-1 hides the ring)."""
        self.focus_index = index if 0 <= index < len(self.focus_targets) else -1
        target = self.focused
        if target is None:
            self.focus_ring.hide()
        elif target.kind == "region":
            self.focus_ring.surround(self.region_items[target.id].path())
        elif target.kind == "arrow":
            arrow_item = self.arrow_items[int(target.id)]
            self.focus_ring.surround(arrow_item.shape() + _badge_path(self.badge_items.get(int(target.id))))
        else:
            point = self.body_map.points[target.id]
            self.focus_ring.surround_circle(QPointF(point.x, point.y), max(point.radius, 10.0))
        self.focus_changed.emit(self.focus_index)

    def activate_focused(self) -> None:
        """Open what the keyboard focus is on: a region's (or an arrow's region's) cards, a point's card."""
        target = self.focused
        if target is None:
            return
        if target.kind == "point":
            self.select_point(target.id)
            self.point_activated.emit(target.id)
            return
        region_id = target.id
        if target.kind == "arrow":
            region_id = next(a.region for a in self.body_map.arrows if a.order == int(target.id))
        if region_id in self.region_items:
            self.select_region(region_id)
            self.region_activated.emit(region_id)

    def set_layer_visible(self, layer: str, visible: bool) -> None:
        """Show or hide a layer: arrows, numbers, labels or points."""
        groups: dict[str, list[QGraphicsItem]] = {
            "arrows": list(self.arrow_items.values()),
            "numbers": list(self.badge_items.values()),
            "labels": [*self.label_items, *self.leader_items],
            "points": list(self.point_items.values()),
        }
        for item in groups[layer]:
            item.setVisible(visible)


def _badge_path(badge: BadgeItem | None) -> QPainterPath:
    path = QPainterPath()
    if badge is not None:
        path.addEllipse(badge.boundingRect())
    return path


def _corners(rect: QRectF) -> tuple[float, float, float, float]:
    return rect.left(), rect.top(), rect.right(), rect.bottom()
