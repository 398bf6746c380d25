"""An arrow's caption in presentation mode never covers a title, a label, a number or its region."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QGraphicsItem

from app.model.presentation import Stop
from app.services.library import load_library
from app.ui.presentation_stage import PresentationStage
from tests.ui.arrow_stops import arrow_stops, on_stage, shown_stage


@pytest.fixture(scope="module")
def library():
    return load_library()


def _boxes(stage: PresentationStage, order: int) -> dict[str, QRect]:
    """What must stay in sight: every label, every number, the arrow and its region."""
    scene = stage.scene
    found: dict[str, QRect] = {}
    for label in scene.label_items:
        if label.isVisible():
            found[f"{label.label.kind} label {label.label.text!r}"] = on_stage(
                stage, label.mapRectToScene(label.text_rect())
            )
    items: dict[str, QGraphicsItem] = {f"number {n}": badge for n, badge in scene.badge_items.items()}
    arrow = scene.arrow_items[order]
    items[f"arrow {order}"] = arrow
    items[f"region {arrow.arrow.region}"] = scene.region_items[arrow.arrow.region]
    for name, item in items.items():
        found[name] = on_stage(stage, item.sceneBoundingRect())
    return found


@pytest.mark.parametrize("size", [QSize(1280, 800), QSize(1920, 1080), QSize(1024, 768)])
def test_no_arrow_caption_covers_what_is_on_the_map(qtbot, library, size):
    covered = []
    checked = 0
    for stage, map_id, order in arrow_stops(qtbot, library, size):
        caption = stage.card_overlay.geometry()
        assert stage.card_visible
        assert stage.rect().contains(caption), f"{map_id} arrow {order}: the caption is off the screen"
        for name, box in _boxes(stage, order).items():
            checked += 1
            if caption.intersects(box):
                covered.append(f"{map_id} arrow {order} covers {name}")
    assert checked > 500  # every map with arrows was looked at
    assert not covered, covered[:10]


def test_the_map_stays_put_while_stepping_through_its_arrows_and_comes_back_whole(qtbot, library):
    stage = shown_stage(qtbot, library)
    stage.go_to(Stop("shoulder-forearm"))
    whole = stage.view.view_scale()
    places = set()
    for order in stage.plan.arrows_of("shoulder-forearm"):
        stage.go_to(Stop("shoulder-forearm", order))
        places.add((round(stage.view.view_scale(), 6), stage.card_overlay.geometry().top()))
        assert stage.scene.badge_items[order].zValue() > max(
            b.zValue() for n, b in stage.scene.badge_items.items() if n != order
        )  # the number talked about is on top where grown numbers touch
    assert len(places) == 1  # one scale, one caption top: nothing jumps
    assert next(iter(places))[0] < whole  # the map made room
    stage.go_to(Stop("shoulder-forearm"))
    assert stage.view.view_scale() == pytest.approx(whole)
    assert not stage.card_visible
