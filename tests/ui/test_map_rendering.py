from PySide6.QtCore import QSize
from PySide6.QtGui import QColor

from app.model.geometry import point_along
from app.ui.body_map_scene import BodyMapScene
from app.ui.map_render import fitted_target, render_scene
from app.ui.theme import BADGE_RADIUS, LIGHT


def make_scene(library) -> BodyMapScene:
    info = library.catalog.maps["mini"]
    return BodyMapScene(library.maps["mini"], info, LIGHT, {})


def colour_near(
    image, x: float, y: float, scale: float, offset: tuple[float, float], want: str, slack=2
) -> bool:
    target = QColor(want)
    cx, cy = round(offset[0] + x * scale), round(offset[1] + y * scale)
    for dx in range(-slack, slack + 1):
        for dy in range(-slack, slack + 1):
            c = image.pixelColor(cx + dx, cy + dy)
            if (
                abs(c.red() - target.red()) + abs(c.green() - target.green()) + abs(c.blue() - target.blue())
                < 60
            ):
                return True
    return False


def test_arrows_and_badges_are_drawn(qapp, mini_library):
    scene = make_scene(mini_library)
    size = QSize(1600, 1400)
    image = render_scene(scene, size)
    rect = scene.sceneRect()
    target = fitted_target(rect, size)
    scale = target.width() / rect.width()
    offset = (target.left() - rect.left() * scale, target.top() - rect.top() * scale)
    arrow = mini_library.maps["mini"].arrows[1]
    mid = point_along(arrow.polyline, 0.5)
    assert colour_near(image, *arrow.base, scale, offset, LIGHT.arrow)  # base dot
    assert colour_near(image, *mid, scale, offset, LIGHT.arrow)  # shaft
    tip_x = arrow.tip[0] - arrow.end_direction[0] * 10
    tip_y = arrow.tip[1] - arrow.end_direction[1] * 10
    assert colour_near(image, tip_x, tip_y, scale, offset, LIGHT.arrow)  # head
    badge = scene.badge_items[2].boundingRect().center()
    ring = (badge.x() + BADGE_RADIUS - 0.5, badge.y())
    assert colour_near(image, *ring, scale, offset, LIGHT.arrow)  # badge ring
    assert colour_near(image, badge.x() - BADGE_RADIUS * 0.8, badge.y(), scale, offset, LIGHT.badge_fill, 0)
    # Somewhere in the badge there are text pixels in the badge text colour.
    assert any(
        colour_near(image, badge.x() + dx, badge.y() + dy, scale, offset, LIGHT.badge_text, 0)
        for dx in range(-6, 7, 2)
        for dy in range(-8, 9, 2)
    )


def test_labels_and_badges_never_overlap(qapp, mini_library):
    scene = make_scene(mini_library)
    boxes = [("label", lbl.label.text, lbl.text_rect()) for lbl in scene.label_items]
    boxes += [("badge", str(n), b.boundingRect()) for n, b in scene.badge_items.items()]
    for i, (kind_a, name_a, a) in enumerate(boxes):
        for kind_b, name_b, b in boxes[i + 1 :]:
            assert not a.intersects(b), f"{kind_a} {name_a} overlaps {kind_b} {name_b}"


def test_hover_and_selection_change_region_fill(qapp, mini_library):
    scene = make_scene(mini_library)
    item = scene.region_items["mini-left"]
    plain = item.brush().color().name()
    scene.hover_at(type(item.boundingRect().center())(300, 500))
    assert item.brush().color().name() == QColor(LIGHT.region_hover).name() != plain
    scene.select_region("mini-left")
    assert item.brush().color().name() == QColor(LIGHT.region_selected).name()
    assert scene.arrow_items[1].marked
    assert not scene.arrow_items[2].marked
