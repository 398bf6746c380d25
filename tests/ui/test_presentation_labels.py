"""At every arrow stop of every map, the projected texts stand clear of each other and of the numbers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize

from app.model.map_names import naming_labels
from app.model.presentation import Stop
from app.services.library import load_library
from app.ui.presentation_stage import PresentationStage
from tests.ui.arrow_stops import arrow_stops, on_stage, shown_stage

CLEARANCE = 2  # pixels: two texts that touch (their halos merge) read as one on a projector


@pytest.fixture(scope="module")
def library():
    return load_library()


def _crowding(stage: PresentationStage) -> list[str]:
    """Every pair of shown texts, or text and number, closer than the clearance; texts off the map's part."""
    scene = stage.scene
    texts = [
        (label.label.text, on_stage(stage, label.mapRectToScene(label.text_rect())))
        for label in scene.label_items
        if label.isVisible()
    ]
    numbers = [(n, on_stage(stage, badge.sceneBoundingRect())) for n, badge in scene.badge_items.items()]
    caption = stage.card_overlay.geometry()
    found = []
    for index, (text, box) in enumerate(texts):
        room = box.adjusted(-CLEARANCE, -CLEARANCE, CLEARANCE, CLEARANCE)
        found += [f"{text!r} touches {name!r}" for name, rect in texts[index + 1 :] if room.intersects(rect)]
        found += [f"{text!r} touches number {n}" for n, rect in numbers if box.intersects(rect)]
        if not stage.rect().contains(box) or box.intersects(caption):
            found.append(f"{text!r} is off the screen or under the caption")
    return found


@pytest.mark.parametrize("size", [QSize(1280, 800), QSize(1920, 1080), QSize(1024, 768)])
def test_no_two_texts_and_no_text_and_number_touch_at_any_arrow_stop(qtbot, library, size):
    crowded = []
    stops = 0
    for stage, map_id, order in arrow_stops(qtbot, library, size):
        stops += 1
        crowded += [f"{map_id} arrow {order}: {problem}" for problem in _crowding(stage)]
        lost = [
            item.label.text
            for item in stage.scene.label_items
            if item.label.kind in ("view", "side") and not item.isVisible()
        ]
        assert not lost, f"{map_id} arrow {order}: the class loses its bearings, {lost} hidden"
    assert stops > 100  # every arrow of every map
    assert not crowded, crowded[:10]


def test_stepping_through_arrows_hides_the_names_and_the_map_as_a_whole_shows_them_again(qtbot, library):
    stage = shown_stage(qtbot, library)
    stage.go_to(Stop("thigh-knee"))
    items = stage.scene.label_items
    naming = naming_labels([item.label for item in items])
    assert all(item.isVisible() for item in items)
    assert all(leader.isVisible() for leader in stage.scene.leader_items)
    stage.go_to(Stop("thigh-knee", 3))
    shown = {item.label.text for item, names in zip(items, naming, strict=True) if item.isVisible()}
    assert "Iliotibial tract" not in shown  # the caption names the arrow's region instead
    assert {"ANTERIOR (RIGHT LEG)", "CLIENT'S LEFT", "Medial fat pad"} <= shown  # bearings and landmarks stay
    assert not any(item.isVisible() for item, names in zip(items, naming, strict=True) if names)
    stage.go_to(Stop("thigh-knee"))
    assert all(item.isVisible() for item in items)
    assert all(leader.isVisible() for leader in stage.scene.leader_items)
