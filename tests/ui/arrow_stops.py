"""Step a presentation stage of a given size through every map and every arrow of it."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QRect, QRectF, QSize
from PySide6.QtWidgets import QApplication

from app.model.presentation import Stop
from app.ui.presentation_stage import PresentationStage

PROJECTOR = QSize(1280, 800)


def arrow_stops(qtbot, library, size: QSize) -> Iterator[tuple[PresentationStage, str, int]]:
    """Yield the stage, the map and the arrow at each arrow stop, once it is laid out."""
    for stage, stop in every_stop(qtbot, library, size, overviews=False):
        assert stop.arrow is not None
        yield stage, stop.map_id, stop.arrow


def shown_stage(qtbot, library, size: QSize = PROJECTOR) -> PresentationStage:
    """Return a presentation stage of ``size``, shown and exposed."""
    stage = PresentationStage(library)
    qtbot.addWidget(stage)
    stage.setFixedSize(size)
    stage.show()
    qtbot.waitExposed(stage)
    return stage


def every_stop(
    qtbot, library, size: QSize, overviews: bool = True
) -> Iterator[tuple[PresentationStage, Stop]]:
    """Yield the stage at each map as a whole (unless ``overviews`` is off) and at each arrow, laid out."""
    stage = shown_stage(qtbot, library, size)
    for map_id in stage.plan.map_ids:
        wholes: list[int | None] = [None] if overviews else []
        for order in [*wholes, *stage.plan.arrows_of(map_id)]:
            stop = Stop(map_id, order)
            stage.go_to(stop)
            QApplication.processEvents()
            yield stage, stop


def on_stage(stage: PresentationStage, rect: QRectF) -> QRect:
    """Map a rectangle in map units to stage pixels."""
    viewport = stage.view.viewport()
    box = stage.view.mapFromScene(rect).boundingRect()
    return box.translated(viewport.mapTo(stage, box.topLeft()) - box.topLeft())
