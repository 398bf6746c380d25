"""The palette and fonts from the preferences, and theme switching on the map."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from app.services.library import load_library
from app.ui.appearance import Appearance, apply_to_application, build_palette, clamp_percent, system_font
from app.ui.body_map_scene import BodyMapScene
from app.ui.map_items import ZoneItem
from app.ui.map_render import fitted_target, render_scene
from app.ui.theme import DARK, HIGH_CONTRAST, LIGHT, THEMES, pair
from tests.ui.test_map_rendering import colour_near

Role = QPalette.ColorRole


@pytest.mark.parametrize("theme", THEMES.values(), ids=THEMES.keys())
def test_palette_pairs_are_the_checked_text_pairs(qapp, theme) -> None:
    palette = build_palette(theme)
    for text_role, background_role, name in (
        (Role.WindowText, Role.Window, "panel"),
        (Role.Text, Role.Base, "card"),
        (Role.ButtonText, Role.Button, "panel"),
        (Role.HighlightedText, Role.Highlight, "accent"),
        (Role.ToolTipText, Role.ToolTipBase, "card"),
    ):
        text, background = pair(theme, name)
        assert palette.color(text_role).name() == QColor(text).name()
        assert palette.color(background_role).name() == QColor(background).name()


def test_dark_palette_leaves_no_light_widget_background(qapp) -> None:
    palette = build_palette(DARK)
    for role in (Role.Window, Role.Base, Role.Button, Role.AlternateBase, Role.ToolTipBase):
        assert palette.color(role).lightness() < 80, role


def test_text_size_scales_the_system_font_and_stays_in_range(qapp, restore_appearance) -> None:
    base = system_font().pointSizeF()
    apply_to_application(Appearance(LIGHT, 200))
    assert QApplication.font().pointSizeF() == pytest.approx(2 * base)
    apply_to_application(Appearance(LIGHT, 150))
    assert QApplication.font().pointSizeF() == pytest.approx(1.5 * base)  # from the system font, not 200 %
    assert QApplication.palette().color(Role.Window).name() == QColor(LIGHT.legend_fill).name()
    assert clamp_percent(80) == 100
    assert clamp_percent(500) == 200


def _image_and_mapping(scene: BodyMapScene):
    size = QSize(1200, 1000)
    image = render_scene(scene, size)
    rect = scene.sceneRect()
    target = fitted_target(rect, size)
    scale = target.width() / rect.width()
    return image, scale, (target.left() - rect.left() * scale, target.top() - rect.top() * scale)


def test_switching_theme_restyles_the_scene_in_place(qapp, mini_library) -> None:
    info = mini_library.catalog.maps["mini"]
    scene = BodyMapScene(mini_library.maps["mini"], info, LIGHT, {})
    scene.select_region("mini-right")
    arrow = mini_library.maps["mini"].arrows[0]
    corner = scene.sceneRect().topLeft()
    for theme in (LIGHT, DARK, HIGH_CONTRAST, LIGHT):
        scene.set_theme(theme)
        image, scale, offset = _image_and_mapping(scene)
        assert colour_near(image, corner.x() + 2, corner.y() + 2, scale, offset, theme.canvas, 0)
        colour = theme.arrow_highlight if scene.arrow_items[arrow.order].marked else theme.arrow
        assert colour_near(image, *arrow.base, scale, offset, colour)
        selected = scene.region_items["mini-right"]
        assert selected.brush().color().name() == QColor(theme.region_selected).name()
    assert scene.selected_region == "mini-right"  # the selection survives the switch


def test_zone_hatch_and_edge_follow_the_theme(qapp) -> None:
    library = load_library()
    scene = BodyMapScene(library.maps["cervical"], library.catalog.maps["cervical"], LIGHT, {})
    zones = [item for item in scene.items() if isinstance(item, ZoneItem)]
    assert zones
    scene.set_theme(HIGH_CONTRAST)
    for zone in zones:
        assert zone.pen().color().name() == QColor(HIGH_CONTRAST.zone).name()
    image, scale, offset = _image_and_mapping(scene)
    rect = zones[0].path().boundingRect()
    hits = 0
    for i in range(1, 20):  # somewhere inside, the hatch bands show in the zone colour
        x = rect.left() + rect.width() * i / 20
        y = rect.top() + rect.height() * i / 20
        if zones[0].path().contains(QPointF(x, y)):
            hits += colour_near(image, x, y, scale, offset, HIGH_CONTRAST.zone, 3)
    assert hits
