"""At every stop of every map, the projected numbers stand clear of each other, the arrows and the texts.

Measured on the scene's own items after the stage laid them out, with Qt's
geometry (not the layout's): the badges' grown discs, the arrows' drawn heads,
shafts and base dots, the shown texts' boxes, and the stage's edges.
"""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPointF, QRect, QSize
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QApplication

from app.model.presentation import Stop
from app.model.projected_badges import SMALL_PART
from app.services.library import load_library
from app.ui.map_items import BASE_DOT_RADIUS, ArrowItem, BadgeItem
from app.ui.presentation_stage import PresentationStage
from app.ui.theme import BADGE_RADIUS
from tests.ui.arrow_stops import every_stop, on_stage
from tests.ui.presenters import make_presenter

SIZES = [QSize(1280, 800), QSize(1920, 1080), QSize(3840, 2160)]
SAMPLES = 120  # points along each shaft


@pytest.fixture(scope="module")
def library():
    return load_library()


def disc(badge: BadgeItem) -> tuple[QPointF, float]:
    """Return a badge's drawn disc (its ring included) in map units."""
    return badge.mapToScene(badge.centre), (BADGE_RADIUS + 1.5) * badge.scale()


def disc_path(badge: BadgeItem) -> QPainterPath:
    centre, radius = disc(badge)
    path = QPainterPath()
    path.addEllipse(centre, radius, radius)
    return path


def shaft_points(item: ArrowItem) -> list[QPointF]:
    shaft, _head = ArrowItem.shapes(item.arrow)
    return [shaft.pointAtPercent(k / SAMPLES) for k in range(SAMPLES + 1)]


def problems(stage: PresentationStage) -> list[str]:
    """Every badge that touches another, covers an arrow's head, dot or too much shaft, a text, or an edge."""
    scene = stage.scene
    badges = {n: b for n, b in scene.badge_items.items() if b.isVisible()}
    found = []
    numbers = sorted(badges)
    for index, number in enumerate(numbers):
        centre, radius = disc(badges[number])
        for other in numbers[index + 1 :]:
            there, _ = disc(badges[other])
            if math.dist((centre.x(), centre.y()), (there.x(), there.y())) < 2 * radius:
                found.append(f"badges {number} and {other} overlap")
    for order, item in scene.arrow_items.items():
        _shaft, head = ArrowItem.shapes(item.arrow)
        dot = QPainterPath()
        dot.addEllipse(QPointF(*item.arrow.base), BASE_DOT_RADIUS, BASE_DOT_RADIUS)
        points = shaft_points(item)
        covered = 0
        for number, badge in badges.items():
            shape = disc_path(badge)
            if shape.intersects(head):
                found.append(f"badge {number} covers the head of arrow {order}")
            if item.arrow.style != "return" and shape.intersects(dot):
                found.append(f"badge {number} covers the base dot of arrow {order}")
            centre, radius = disc(badge)
            covered += sum(1 for p in points if math.hypot(p.x() - centre.x(), p.y() - centre.y()) < radius)
        if covered > SMALL_PART * len(points):
            found.append(f"badges cover {covered / len(points):.0%} of the shaft of arrow {order}")
    texts = [
        (label.label.text, label.mapRectToScene(label.text_rect()))
        for label in scene.label_items
        if label.isVisible()
    ]
    caption = stage.card_overlay.geometry() if stage.card_visible else QRect()
    for number, badge in badges.items():
        shape = disc_path(badge)
        found += [f"badge {number} touches {text!r}" for text, rect in texts if shape.intersects(rect)]
        box = on_stage(stage, badge.sceneBoundingRect())
        if not stage.view.geometry().contains(box) or box.intersects(caption):
            found.append(f"badge {number} is cut by the screen's edge or under the caption")
    return found


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_numbers_stand_clear_of_each_other_the_arrows_and_the_texts_at_every_stop(qtbot, library, size):
    found = []
    stops = 0
    for stage, stop in every_stop(qtbot, library, size):
        stops += 1
        found += [f"{stop.map_id} {stop.arrow or 'map'}: {problem}" for problem in problems(stage)]
    assert stops > 100
    assert not found, found[:12]


def test_a_number_set_away_from_its_base_has_a_leader_to_the_dot(qtbot, library):
    leaders = 0
    for stage, stop in every_stop(qtbot, library, QSize(1280, 800)):
        if stop.arrow is None:
            continue
        for order, badge in stage.scene.badge_items.items():
            item = stage.badges[stop.map_id].leaders[order]
            centre, radius = disc(badge)
            base = QPointF(*stage.scene.arrow_items[order].arrow.base)
            away = math.dist((centre.x(), centre.y()), (base.x(), base.y()))
            if item.isVisible():
                leaders += 1
                line = item.line()
                assert (
                    math.dist((line.p2().x(), line.p2().y()), (base.x(), base.y())) <= BASE_DOT_RADIUS + 1.5
                )
                assert math.dist((line.p1().x(), line.p1().y()), (centre.x(), centre.y())) == pytest.approx(
                    radius, rel=0.02
                )
            else:  # at its base: no further than the dot, a gap and the badge itself
                assert away < radius + BASE_DOT_RADIUS + 0.5 * radius, (
                    f"{stop.map_id} badge {order} is far, alone"
                )
    assert leaders > 0  # the dense maps need some at 1280x800


@pytest.mark.parametrize(
    "stop", [Stop("neck-back-techniques", 3), Stop("neck-back-techniques"), Stop("trunk", 16)]
)
def test_the_presenters_preview_shows_every_text_and_number_whole(qtbot, library, tmp_path, stop):
    presenter = make_presenter(qtbot, library, tmp_path, QSize(1440, 900))
    stage = presenter.stage
    stage.go_to(stop)
    QApplication.processEvents()
    preview = presenter.preview
    shown = preview.viewport().rect()
    scene = stage.scene
    items = [item for item in [*scene.label_items, *scene.badge_items.values()] if item.isVisible()]
    cut = [
        f"number {item.number}" if isinstance(item, BadgeItem) else item.label.text
        for item in items
        if not shown.contains(preview.mapFromScene(item.sceneBoundingRect()).boundingRect())
    ]
    assert len(items) > 10
    assert not cut, f"cut at the preview's edges: {cut}"
