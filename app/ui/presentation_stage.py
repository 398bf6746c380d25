"""The audience's screen in presentation mode: the map alone, large type, a card beside what it shows.

The stage keeps its own high-contrast scenes (built the first time a map is
shown), so the main window's scenes, selection and theme are untouched and come
back exactly as they were. Map text is scaled up until the smallest is
``MIN_PROJECTED_TEXT_PX`` on screen; the legend is left out (the presenter's
screen carries what it says).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent, QTransform, QWheelEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.model.countdown import Clock
from app.model.presentation import (
    PresentationPlan,
    Stop,
    cycle,
    place_overlay,
    text_scale,
)
from app.model.presentation_caption import (
    COLUMN_EMS,
    best_layout,
    caption_layout,
    caption_width,
    column_layout,
)
from app.model.presentation_cards import ProjectedCard, arrow_card, map_card, point_card, region_card
from app.services.library import Library
from app.ui.body_map_scene import BodyMapScene
from app.ui.body_map_view import BodyMapView
from app.ui.map_items import Z_LABEL
from app.ui.presentation_labels import caption_groups, show_names, spread_labels
from app.ui.presentation_overlays import BlankCover, OverlayCard, PointerHalo
from app.ui.projected_badges import ProjectedBadges
from app.ui.stroke_playback_view import PlaybackOverlay
from app.ui.theme import HIGH_CONTRAST, Theme

MARGIN = 8.0  # map units around the drawing


class PresentationView(BodyMapView):
    """The map fitted to the stage without its legend, optionally moved sideways; no zoom.

    Signals:
        scale_changed(float): the pixels per map unit changed (the stage rescales text).
        nothing_clicked(): a click landed on no region or point.
    """

    scale_changed = Signal(float)
    nothing_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.shift = 0.0  # pixels the drawing is moved right (negative: left)
        self.reserved = 0.0  # pixels at the bottom left free for a caption
        self.reserved_right = 0.0  # pixels at the right left free for a caption column
        self.extent: QRectF | None = None  # what to fit instead of the drawing (the presenter's preview)
        self._scale = 0.0

    def view_scale(self) -> float:
        """Return screen pixels per map unit."""
        return self.transform().m11()

    def set_shift(self, shift: float) -> None:
        """Move the drawing sideways (so a wide region clears a card), then refit."""
        if shift != self.shift:
            self.shift = shift
            self.fit()

    def set_reserved(self, pixels: float, right: float = 0.0) -> None:
        """Leave this many pixels free under the drawing, or at its right (an arrow's caption), then refit."""
        if (pixels, right) != (self.reserved, self.reserved_right):
            self.reserved, self.reserved_right = pixels, right
            self.fit()

    def free_rect(self) -> QRect:
        """Return the viewport less what is left to a caption, in viewport pixels."""
        viewport = self.viewport().rect()
        viewport.setWidth(max(1, viewport.width() - round(self.reserved_right)))
        viewport.setHeight(max(1, viewport.height() - round(self.reserved)))
        return viewport

    def fit(self) -> None:
        """Fit the drawing (not the legend) to the stage, moved by :attr:`shift`, above :attr:`reserved`."""
        scene = self.map_scene()
        if scene is None:
            return
        rect = (self.extent or scene.map_rect()).adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        self.resetTransform()
        if self.reserved > 0 or self.reserved_right > 0:
            self._fit_above(rect)
        else:
            self.setSceneRect(rect)
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        scale = self.view_scale()
        if self.shift and not (self.reserved or self.reserved_right):
            # The same size of scene rect keeps the scale; moving it moves the picture.
            moved = rect.translated(-self.shift / scale, 0)
            self.setSceneRect(moved)
            self.centerOn(moved.center())
        if scale != self._scale:
            self._scale = scale
            self.scale_changed.emit(scale)

    def _fit_above(self, rect: QRectF) -> None:
        """Fit ``rect`` into the viewport less the reserved band or column, centred in what is left."""
        viewport = self.viewport().rect()
        width = max(1.0, viewport.width() - self.reserved_right)
        height = max(1.0, viewport.height() - self.reserved)
        scale = min(width / rect.width(), height / rect.height())
        self.setTransform(QTransform.fromScale(scale, scale))
        # The scene rect is exactly the viewport, so nothing scrolls and the band stays empty.
        shown = QRectF(0, 0, viewport.width() / scale, viewport.height() / scale)
        spare = height / scale - rect.height()
        spare_x = width / scale - rect.width()
        shown.moveTopLeft(QPointF(rect.left() - spare_x / 2, rect.top() - spare / 2))
        self.setSceneRect(shown)
        self.centerOn(shown.center())

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Qt override: the projected map stays fitted."""
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Qt override: report clicks on nothing, so the card can close."""
        scene = self.map_scene()
        if event.button() == Qt.MouseButton.LeftButton and scene is not None and not self._dragging:
            pos = self.mapToScene(event.position().toPoint())
            if not scene.body_map.point_at(pos.x(), pos.y()) and not scene.body_map.region_at(
                pos.x(), pos.y()
            ):
                self.nothing_clicked.emit()
        super().mouseReleaseEvent(event)


class PresentationStage(QWidget):
    """The map full screen with the class's overlays; driven by keys, clicks and the presenter.

    Args:
        library: the content and the maps.
        clock: monotonic seconds (playback).
        theme: the projector theme.
        parent: the owning widget.

    Signals:
        changed(): the stop, the card, blanking, the halo or playback changed.
        laid_out(): the map's numbers and texts were set in place again (a resize, a caption).
    """

    changed = Signal()
    laid_out = Signal()

    def __init__(
        self,
        library: Library,
        clock: Clock = time.monotonic,
        theme: Theme = HIGH_CONTRAST,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("presentation_stage")
        self.library = library
        self.theme = theme
        self.setStyleSheet(f"QWidget#presentation_stage {{ background: {theme.canvas}; }}")
        self.plan = PresentationPlan(
            (info.id, [a.order for a in library.maps[info.id].arrows]) for info in library.map_infos()
        )
        self.point_names = {p.id: p.name for p in library.catalog.points.values()}
        self.scenes: dict[str, BodyMapScene] = {}
        self.badges: dict[str, ProjectedBadges] = {}  # each scene's grown numbers and their layouts
        self._laid_out: tuple[str, QRectF] | None = None  # the map and area the texts were last set in
        self.view = PresentationView(self)
        self.view.setAccessibleName("Projected map")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(0)
        self.layout_.addWidget(self.view, 1)
        self.card_overlay = OverlayCard(theme, self)
        self.blank = BlankCover(theme, self)
        self.halo = PointerHalo(theme, self)
        self.playback = PlaybackOverlay(None, theme, clock, parent=self)
        self.playback.state_changed.connect(lambda _state: self.changed.emit())
        self.playback.arrow_started.connect(self._show_played_arrow)
        self.stop = Stop(self.plan.map_ids[0])
        self.focused_region = ""
        self.card = ProjectedCard(())
        self._target: QRectF | None = None  # what the card talks about, in map units
        self._caption = False  # the card is an arrow's caption, in a band under the map
        self._caption_heights: dict[tuple[str, int, int, bool], int] = {}  # (map, width, unit, one line): px
        self._names_shown = True  # False while stepping through arrows (see _show_names)
        self.view.scale_changed.connect(self._rescale)
        self.view.nothing_clicked.connect(self.close_card)
        self.view.viewport().installEventFilter(self)

    # -- what is shown ----------------------------------------------------------------

    @property
    def scene(self) -> BodyMapScene:
        """The current map's projected scene."""
        return self._scene_for(self.stop.map_id)

    def _scene_for(self, map_id: str) -> BodyMapScene:
        scene = self.scenes.get(map_id)
        if scene is None:
            info = self.library.catalog.maps[map_id]
            scene = BodyMapScene(self.library.maps[map_id], info, self.theme, self.point_names)
            scene.legend.setVisible(False)
            # In a dense corner a grown caption may still touch a number: the number wins.
            for badge in scene.badge_items.values():
                badge.setZValue(Z_LABEL + 1)
            scene.region_activated.connect(self.open_region)
            scene.point_activated.connect(self.open_point)
            self.scenes[map_id] = scene
            self.badges[map_id] = ProjectedBadges(scene)
        return scene

    @property
    def card_visible(self) -> bool:
        """Whether a card overlay is up."""
        return not self.card_overlay.isHidden()

    def go_to(self, stop: Stop) -> None:
        """Show a stop: a map as a whole, or one of its arrows picked out with its instruction."""
        self.playback.stop()
        if stop.map_id != self.stop.map_id or self.view.map_scene() is None:
            scene = self._scene_for(stop.map_id)
            self.playback.set_scene(scene)
            self.focused_region = ""
            self.stop = stop
            self.view.set_shift(0.0)
            self.view.show_scene(scene)
            self._rescale(self.view.view_scale())
        self.stop = stop
        scene = self.scene
        if self.focused_region in scene.region_items:
            scene.region_items[self.focused_region].set_state(hovered=False)
        self.focused_region = ""
        scene.select_region("")
        if stop.arrow is None:
            self.close_card()
        else:
            self._show_arrow(stop.arrow)
        self.changed.emit()

    def _show_arrow(self, order: int) -> None:
        scene = self.scene
        scene.highlight_arrows([order])
        # Grown numbers may touch where arrows crowd: the one being talked about is on top.
        for number, badge in scene.badge_items.items():
            badge.setZValue(Z_LABEL + (2 if number == order else 1))
        arrow = scene.arrow_items[order]
        count = len(self.plan.arrows_of(self.stop.map_id))
        card = arrow_card(self.library.catalog, self.stop.map_id, order, count, arrow.arrow.region)
        target = arrow.sceneBoundingRect().united(scene.badge_items[order].sceneBoundingRect())
        self._open(card, target, caption=True)

    def _show_played_arrow(self, order: int) -> None:
        # During playback the caption follows the arrow being drawn.
        if order in self.scene.arrow_items:
            self._show_arrow(order)
            self.changed.emit()

    def open_region(self, region_id: str) -> None:
        """Select a region and open its card beside it."""
        scene = self.scene
        if region_id not in scene.region_items:
            return
        scene.select_region(region_id)
        self.focused_region = region_id
        self._open(
            region_card(self.library.catalog, self.stop.map_id, region_id),
            scene.region_items[region_id].sceneBoundingRect(),
        )
        self.changed.emit()

    def open_point(self, point_id: str) -> None:
        """Mark a tender point and open its card beside it."""
        scene = self.scene
        scene.select_point(point_id)
        self._open(
            point_card(self.library.catalog, point_id), scene.point_items[point_id].sceneBoundingRect()
        )
        self.changed.emit()

    def map_overview(self) -> ProjectedCard:
        """The current map's title card (the presenter shows it when no card is up)."""
        return map_card(self.library.catalog, self.stop.map_id)

    def _open(self, card: ProjectedCard, target: QRectF, caption: bool = False) -> None:
        self.card = card
        self._target = target
        self._caption = caption
        # Stepping through arrows: the caption names the region, the map keeps its bearings only.
        self._show_names(self.scene, not caption)
        self.card_overlay.show_card(card, compact=caption)
        self._place_card()

    def close_card(self) -> None:
        """Take the card down and put the map back in place."""
        self.card = ProjectedCard(())
        self._target = None
        self._caption = False
        self.card_overlay.hide()
        self.view.set_reserved(0.0, 0.0)
        self.view.set_shift(0.0)
        if self.view.map_scene() is not None:
            self._show_names(self.scene, True)
        self.changed.emit()

    def _place_card(self) -> None:
        if self._target is None:
            return
        if self._caption:
            self._place_caption()
            return
        self.view.set_reserved(0.0, 0.0)
        corners = self.view.mapFromScene(self._target).boundingRect()
        origin = self.view.mapTo(self, corners.topLeft())
        # Where the target would be with the map unmoved; the placement decides the move.
        target = (origin.x() - self.view.shift, origin.y(), corners.width(), corners.height())
        geometry = self.view.geometry()
        screen = (geometry.x(), geometry.y(), geometry.width(), geometry.height())
        placement = place_overlay(screen, target)
        self.view.set_shift(placement.shift)
        self.card_overlay.place(placement.rect)
        self.keep_blank_on_top()
        self._follow_area()

    def _place_caption(self) -> None:
        """Put an arrow's caption in a band under the map, or a column beside it, the map fitted in the rest.

        Whichever leaves this map larger on this screen is taken (see :func:`best_layout`).
        """
        geometry = self.view.geometry()
        screen = (geometry.x(), geometry.y(), geometry.width(), geometry.height())
        unit = self.card_overlay.unit
        map_id = self.stop.map_id
        band_height = self._caption_height(map_id, caption_width(geometry.width(), unit))
        band = caption_layout(screen, band_height, unit)
        layouts = [band]
        for ems in COLUMN_EMS:
            height = self._caption_height(map_id, ems * unit, one_line=False)
            column = column_layout(screen, ems * unit, height)
            if column is not None:
                layouts.append(column)  # the narrowest column the captions fit leaves the most
                break
        rect = self.scene.map_rect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        layout = best_layout(layouts, (rect.width(), rect.height()))
        one_line = layout.side == "bottom"  # a narrow column stacks the number over the region
        self.card_overlay.one_line_heading = one_line  # (measuring the heights changed it too)
        self.card_overlay.show_card(self.card, compact=True)
        self.view.set_shift(0.0)
        if layout.side == "right":
            self.view.set_reserved(0.0, layout.reserved)
        else:
            self.view.set_reserved(layout.reserved, 0.0)
        self.card_overlay.place(layout.caption)
        self.keep_blank_on_top()
        self._follow_area()

    def _follow_area(self) -> None:
        """Set the texts again when the map's part of the screen moved without a change of scale."""
        if self._laid_out != (self.stop.map_id, self._free_area()):
            self._spread_labels(self.scene, self.view.view_scale())

    def _caption_height(self, map_id: str, width: float, one_line: bool = True) -> int:
        """Return the height of the map's tallest arrow caption: one band for all, so the map stays put.

        Args:
            map_id: the map.
            width: the caption's width in pixels.
            one_line: the caption's number and region share a line (a band) or not (a column).
        """
        key = (map_id, round(width), round(self.card_overlay.unit), one_line)
        if key not in self._caption_heights:
            arrows = self.library.maps[map_id].arrows
            cards = (
                arrow_card(self.library.catalog, map_id, arrow.order, len(arrows), arrow.region)
                for arrow in arrows
            )
            self.card_overlay.compact = True
            self.card_overlay.one_line_heading = one_line
            heights = [self.card_overlay.needed_height(card, width) for card in cards]
            self._caption_heights[key] = max(heights, default=0)
        return self._caption_heights[key]

    def shown_rect(self) -> QRectF:
        """Return what the class sees of the map: the drawing and every number and text shown (map units)."""
        scene = self.scene
        rect = scene.map_rect()
        for item in [*scene.label_items, *scene.badge_items.values()]:
            if item.isVisible():
                rect = rect.united(item.sceneBoundingRect())
        return rect

    def target_box(self) -> tuple[float, float, float, float] | None:
        """Return where the card's subject is on the stage now, in pixels (for tests)."""
        if self._target is None:
            return None
        corners = self.view.mapFromScene(self._target).boundingRect()
        origin = self.view.mapTo(self, corners.topLeft())
        return (origin.x(), origin.y(), corners.width(), corners.height())

    def _rescale(self, view_scale: float) -> None:
        """Grow the map's text until the smallest is large enough on this screen."""
        if view_scale <= 0:
            return
        scene = self.view.map_scene()
        if scene is None:
            return
        if scene.badge_items:
            self.badges[scene.info.id].grow(view_scale)
        # A caption's lines (they share an anchor and follow one another) grow together
        # from its first line's anchor, so their spacing grows with them.
        captions = caption_groups(scene.label_items)
        for lines in captions:
            anchor = QPointF(lines[0].label.x, lines[0].label.y)
            for label in lines:
                label.setPos(0, 0)
                label.setTransformOriginPoint(anchor)
                label.setScale(text_scale(round(label.font_size()), view_scale))
        self._spread_labels(scene, view_scale)
        unit = max(24.0, self.height() / 800 * 24.0)
        self.card_overlay.set_unit(unit)
        if self.card_visible:
            self._place_card()

    def _free_area(self) -> QRectF:
        """Return the map's part of the screen in map units (the black bars too, never the caption)."""
        return self.view.mapToScene(self.view.free_rect()).boundingRect()

    def _spread_labels(self, scene: BodyMapScene, view_scale: float) -> None:
        """Place the numbers, then set the shown texts clear of each other and of them, in the map's part.

        The numbers go first: each is tied to its arrow, while a text can move
        further (its leader line, if any, follows it).
        """
        if view_scale <= 0:
            return
        area = self._free_area()
        badges = self.badges[scene.info.id] if scene.badge_items else None
        if badges is not None:
            badges.place(view_scale, area)
        spread_labels(scene, view_scale, area, drop_boxed_in=not self._names_shown)
        if badges is not None and badges.touch_texts():
            # A text found no room off the numbers: the numbers make room where it went.
            badges.place(view_scale, area, settled=True)
            spread_labels(scene, view_scale, area, drop_boxed_in=not self._names_shown)
        self._laid_out = (scene.info.id, area)
        self.laid_out.emit()

    def _show_names(self, scene: BodyMapScene, shown: bool) -> None:
        """Show every name, or only the bearings (an arrow stop); then spread the texts again."""
        self._names_shown = shown
        show_names(scene, shown)
        self._spread_labels(scene, self.view.view_scale())

    # -- commands (keys and the presenter call these) ---------------------------------------

    def step(self, delta: int) -> None:
        """Right (1) or Left (-1): the next or previous arrow, then the next map."""
        self.go_to(self.plan.step(self.stop, delta))

    def step_map(self, delta: int) -> None:
        """PageDown (1) or PageUp (-1): the next or previous map as a whole."""
        self.go_to(self.plan.step_map(self.stop, delta))

    def focus_next_region(self, delta: int) -> None:
        """Tab (1) or Shift+Tab (-1): pick out the next region, ready for Enter."""
        scene = self.scene
        regions = [
            rid for rid in self.library.catalog.maps[self.stop.map_id].regions if rid in scene.region_items
        ]
        if self.focused_region in scene.region_items:
            scene.region_items[self.focused_region].set_state(hovered=False)
        self.focused_region = cycle(regions, self.focused_region, delta)
        if self.focused_region:
            scene.region_items[self.focused_region].set_state(hovered=True)
        self.changed.emit()

    def open_focused(self) -> None:
        """Enter: open the card of the region Tab picked out."""
        if self.focused_region:
            self.open_region(self.focused_region)

    def toggle_blank(self) -> None:
        """B: blank the screen, or show it again."""
        self.blank.setGeometry(self.rect())
        self.blank.setVisible(self.blank.isHidden())
        self.blank.raise_()
        self.changed.emit()

    def toggle_halo(self) -> None:
        """L: a large ring follows the pointer, or not."""
        self.halo.setGeometry(self.rect())
        self.halo.setVisible(self.halo.isHidden())
        self.halo.raise_()
        self.keep_blank_on_top()
        self.changed.emit()

    def keep_blank_on_top(self) -> None:
        """While the screen is blank, a card, caption, halo or strip shown since stays under the cover."""
        if not self.blank.isHidden():
            self.blank.raise_()

    def toggle_playback(self) -> None:
        """P: play the map's strokes in order, pause, go on."""
        if self.playback.scene is not self.scene:
            self.playback.set_scene(self.scene)
        if self.playback.active:
            self.playback.toggle()
        else:
            self.scene.select_region("")
            # The region Tab picked out goes dark too: only the strokes being drawn are lit.
            if self.focused_region in self.scene.region_items:
                self.scene.region_items[self.focused_region].set_state(hovered=False)
            self.focused_region = ""
            self.close_card()
            self.playback.play()

    def scroll_card(self, pages: float) -> None:
        """Up and Down: scroll a long card."""
        if self.card_visible:
            self.card_overlay.scroll_by(pages)

    # -- Qt -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Move the halo with the pointer over the map."""
        if event.type() == QEvent.Type.MouseMove and isinstance(event, QMouseEvent) and self.halo.isVisible():
            self.halo.move_to(self.view.viewport().mapTo(self, event.position().toPoint()))
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Qt override: the covers keep covering, the card keeps its side."""
        super().resizeEvent(event)
        for cover in (self.blank, self.halo):
            cover.setGeometry(self.rect())
        self._rescale(self.view.view_scale())
