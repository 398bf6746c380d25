"""Every shipped map draws cleanly: no text, badge or arrow collides with another."""

import pytest
from PySide6.QtCore import QRectF
from shapely.geometry import LineString, Point, box

from app.model.viewpoint import Viewpoint
from app.services.library import load_library
from app.ui.body_map_scene import BodyMapScene
from app.ui.map_items import BASE_DOT_RADIUS
from app.ui.theme import BADGE_RADIUS, LIGHT

LIBRARY = load_library()
MAP_IDS = list(LIBRARY.maps)


def rect_box(rect: QRectF):
    return box(rect.left(), rect.top(), rect.right(), rect.bottom())


@pytest.fixture(params=[(m, v) for m in MAP_IDS for v in Viewpoint], ids=lambda p: f"{p[0]}-{p[1].value}")
def scene(request, qapp):
    map_id, viewpoint = request.param
    points = {p.id: p.name for p in LIBRARY.catalog.points.values()}
    made = BodyMapScene(LIBRARY.maps[map_id], LIBRARY.catalog.maps[map_id], LIGHT, points)
    made.set_viewpoint(viewpoint)  # the therapist's wording has two lines per side label
    return made


def test_no_two_labels_overlap(scene):
    labels = [(item.label.text, rect_box(item.text_rect())) for item in scene.label_items]
    for i, (name_a, a) in enumerate(labels):
        for name_b, b in labels[i + 1 :]:
            assert not a.intersects(b), f"labels {name_a!r} and {name_b!r} overlap"


def test_badges_touch_no_label_badge_or_arrow(scene):
    badges = {
        n: Point(item.boundingRect().center().x(), item.boundingRect().center().y()).buffer(BADGE_RADIUS)
        for n, item in scene.badge_items.items()
    }
    shafts = {a.order: LineString(a.polyline).buffer(2.5) for a in scene.body_map.arrows}
    for n, disc in badges.items():
        for item in scene.label_items:
            assert not disc.intersects(rect_box(item.text_rect())), f"badge {n} overlaps {item.label.text!r}"
        for m, other in badges.items():
            assert m <= n or not disc.intersects(other), f"badges {n} and {m} overlap"
        for m, shaft in shafts.items():
            assert not disc.intersects(shaft), f"badge {n} overlaps arrow {m}"


def test_arrows_cross_no_label_and_no_other_arrow(scene):
    arrows = scene.body_map.arrows
    for arrow in arrows:
        line = LineString(arrow.polyline)
        for item in scene.label_items:
            assert not line.intersects(rect_box(item.text_rect())), (
                f"arrow {arrow.order} crosses {item.label.text!r}"
            )
        for other in arrows:
            if other.order > arrow.order:
                assert not line.buffer(BASE_DOT_RADIUS / 2).intersects(LineString(other.polyline)), (
                    f"arrows {arrow.order} and {other.order} touch"
                )


def test_every_label_lies_inside_the_map(scene):
    view = scene.map_rect()
    for item in scene.label_items:
        assert view.contains(item.text_rect()), f"label {item.label.text!r} leaves the map's viewBox"
