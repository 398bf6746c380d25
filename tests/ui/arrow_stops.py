"""Step a presentation stage of a given size through every arrow of every map."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QRect, QRectF, QSize
from PySide6.QtWidgets import QApplication

from app.model.presentation import Stop
from app.ui.presentation_stage import PresentationStage


def arrow_stops(qtbot, library, size: QSize) -> Iterator[tuple[PresentationStage, str, int]]:
    """Yield the stage, the map and the arrow at each arrow stop, once it is laid out."""
    stage = PresentationStage(library)
    qtbot.addWidget(stage)
    stage.setFixedSize(size)
    stage.show()
    qtbot.waitExposed(stage)
    for map_id in stage.plan.map_ids:
        for order in stage.plan.arrows_of(map_id):
            stage.go_to(Stop(map_id, order))
            QApplication.processEvents()
            yield stage, map_id, order


def on_stage(stage: PresentationStage, rect: QRectF) -> QRect:
    """Map a rectangle in map units to stage pixels."""
    viewport = stage.view.viewport()
    box = stage.view.mapFromScene(rect).boundingRect()
    return box.translated(viewport.mapTo(stage, box.topLeft()) - box.topLeft())
