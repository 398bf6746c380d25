"""The map of a guide screen: the step's regions tinted, its arrows drawn, other maps a key away.

Only the arrows that belong to the screen's technique are drawn: on the
figures map the arrows name their technique; on the stroke maps they are the
connective-tissue strokes (the technique every region with arrows lists).
A screen whose technique has no arrows shows the drawing without any, so no
one follows a connective-tissue stroke during another step.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QResizeEvent
from PySide6.QtWidgets import QGraphicsView, QHBoxLayout, QVBoxLayout, QWidget

from app.model.body_map import BodyMap
from app.model.content import Catalog, MapInfo
from app.model.guide_layout import StepMap
from app.ui.body_map_scene import BodyMapScene
from app.ui.session_guide_style import SMALL_PT, big_button, design_size, text_label, tr
from app.ui.theme import Theme


def stroke_techniques(body_map: BodyMap, info: MapInfo) -> set[str]:
    """Return the techniques a map's unnamed arrows belong to: those every region with arrows lists."""
    regions = {a.region for a in body_map.arrows if a.technique is None and a.region in info.regions}
    sets = [set(info.regions[r].techniques) for r in regions]
    return set.intersection(*sets) if sets else set()


def arrow_orders(body_map: BodyMap, info: MapInfo, step_map: StepMap) -> list[int]:
    """Return the numbers of the arrows that belong to a screen's technique on this map."""
    wanted = set(step_map.techniques)
    strokes = wanted & stroke_techniques(body_map, info)
    orders = []
    for arrow in body_map.arrows:
        if arrow.technique is not None:
            if arrow.technique in wanted:
                orders.append(arrow.order)
        elif strokes and arrow.region in step_map.regions:
            orders.append(arrow.order)
    return orders


class FittedMapView(QGraphicsView):
    """A map drawing fitted to the view: no zoom, no pan, no clicks, no keyboard focus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setInteractive(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._source = QRectF()

    def show_rect(self, scene: BodyMapScene, source: QRectF) -> None:
        """Show part of a scene (the drawing without its legend), fitted."""
        self.setScene(scene)
        self._source = source
        self.fit()

    def fit(self) -> None:
        """Fit the shown part to the view."""
        if self.scene() is not None and not self._source.isEmpty():
            self.fitInView(self._source, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Stay fitted (Qt override)."""
        super().resizeEvent(event)
        self.fit()


class GuideMapPanel(QWidget):
    """One or more maps for a screen, one at a time, with ◀ ▶ (and Up/Down) to change."""

    def __init__(
        self, catalog: Catalog, maps: Mapping[str, BodyMap], theme: Theme, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._maps = maps
        # Tinted regions must show from across the room: the guide tints with the selection colour.
        self._theme = replace(theme, region_hover=theme.region_selected)
        self._scenes: dict[str, BodyMapScene] = {}
        self._step_maps: tuple[StepMap, ...] = ()
        self.index = 0
        self.view = FittedMapView()
        self.view.setAccessibleName(tr("Map of this step"))
        self.title = text_label("", SMALL_PT, bold=True, colour=theme.text)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.previous_button = big_button("◀", theme)
        self.next_button = big_button("▶", theme)
        for button in (self.previous_button, self.next_button):
            design_size(button, min_height=52, fixed_width=86)
        self.previous_button.setAccessibleName(tr("Previous map"))
        self.next_button.setAccessibleName(tr("Next map"))
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        row = QHBoxLayout()
        row.addWidget(self.previous_button)
        row.addWidget(self.title, 1)
        row.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addWidget(
            text_label(
                tr("Client's left and right. Drawings: FibroMap's, after the article."),
                SMALL_PT,
                colour=theme.text_muted,
            )
        )

    def scene(self, map_id: str) -> BodyMapScene:
        """Return the scene of a map, made on first use."""
        if map_id not in self._scenes:
            names = {p.id: p.name for p in self._catalog.points.values()}
            scene = BodyMapScene(self._maps[map_id], self._catalog.maps[map_id], self._theme, names)
            scene.legend.setVisible(False)  # it speaks of clicks; the caption says whose drawing it is
            self._scenes[map_id] = scene
        return self._scenes[map_id]

    def set_maps(self, step_maps: tuple[StepMap, ...]) -> None:
        """Show a screen's maps (those that loaded), starting with the first."""
        self._step_maps = tuple(m for m in step_maps if m.map_id in self._maps)
        self.index = 0
        self.setVisible(bool(self._step_maps))
        self._show()

    @property
    def map_ids(self) -> list[str]:
        """The maps of the screen, in order."""
        return [m.map_id for m in self._step_maps]

    def step(self, delta: int) -> None:
        """Show the next (1) or previous (-1) map of the screen, wrapping around."""
        if len(self._step_maps) > 1:
            self.index = (self.index + delta) % len(self._step_maps)
            self._show()

    def _show(self) -> None:
        if not self._step_maps:
            return
        step_map = self._step_maps[self.index]
        info = self._catalog.maps[step_map.map_id]
        scene = self.scene(step_map.map_id)
        scene.select_region("")
        # Marking everything marks nothing: where a step covers the whole map, it is drawn plain.
        whole = set(step_map.regions) >= set(scene.body_map.regions)
        scene.highlight_regions(() if whole else step_map.regions)
        orders = arrow_orders(scene.body_map, info, step_map)
        scene.highlight_arrows(() if whole and len(orders) == len(scene.body_map.arrows) else orders)
        for layer in ("arrows", "numbers"):
            scene.set_layer_visible(layer, bool(orders))
        for point_id, item in scene.point_items.items():
            item.set_marked(point_id in step_map.points)
        self.view.show_rect(scene, scene.map_rect())
        several = len(self._step_maps) > 1
        self.previous_button.setVisible(several)
        self.next_button.setVisible(several)
        text = info.title
        if several:
            text = tr("Map {i} of {n}: {title}").format(
                i=self.index + 1, n=len(self._step_maps), title=info.title
            )
        self.title.setText(text)
