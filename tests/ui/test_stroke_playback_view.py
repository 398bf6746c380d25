import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor

from app.model.stroke_playback import PlaybackState
from app.services.library import load_library
from app.ui.body_map_scene import BodyMapScene
from app.ui.map_render import fitted_target, render_scene
from app.ui.stroke_playback_view import FINGERTIP_RADIUS, PlaybackBar, PlaybackOverlay
from app.ui.theme import LIGHT
from tests.fake_clock import FakeClock


@pytest.fixture
def scene(qapp, mini_library) -> BodyMapScene:
    return BodyMapScene(mini_library.maps["mini"], mini_library.catalog.maps["mini"], LIGHT, {})


@pytest.fixture
def overlay(qapp, scene):
    made = PlaybackOverlay(scene, LIGHT, FakeClock())
    yield made
    made.stop()


def test_overlay_follows_the_model(scene, overlay):
    clock = overlay.playback._clock
    assert len(scene.body_map.arrows) >= 2
    overlay.play()
    assert overlay._timer.isActive()
    assert overlay._timer.timerType() == Qt.TimerType.PreciseTimer
    clock.advance(0.4)
    overlay.refresh()
    frame = overlay.playback.frame()
    assert frame.current == 1
    assert 0 < frame.fraction < 1
    assert overlay.arrow_item.fraction == pytest.approx(frame.fraction)
    assert (overlay.marker.pos().x(), overlay.marker.pos().y()) == pytest.approx(frame.fingertip)
    # Arrows not yet played are hidden; the current one is drawn by the overlay.
    assert not any(item.isVisible() for item in scene.arrow_items.values())
    assert overlay.arrow_item.isVisible()
    assert overlay.marker.isVisible()
    # On to the second arrow: the first is the scene's own item again.
    overlay.step_next()
    overlay.step_next()
    assert overlay.playback.state is PlaybackState.PAUSED
    assert not overlay._timer.isActive()
    assert scene.arrow_items[1].isVisible()
    assert not scene.arrow_items[2].isVisible()
    assert overlay.arrow_item.arrow is not None
    assert overlay.arrow_item.arrow.order == 2


def test_stop_restores_the_scene(scene, overlay):
    scene.set_layer_visible("numbers", False)
    overlay.play()
    overlay.playback._clock.advance(0.2)
    overlay.refresh()
    overlay.stop()
    assert all(item.isVisible() for item in scene.arrow_items.values())
    assert not any(badge.isVisible() for badge in scene.badge_items.values())  # as the user left them
    assert overlay.arrow_item.scene() is None
    assert overlay.marker.scene() is None
    assert not overlay._timer.isActive()


def test_playing_to_the_end_stops_the_timer(scene, overlay):
    overlay.play()
    overlay.playback._clock.advance(600)
    overlay.refresh()
    assert overlay.playback.state is PlaybackState.FINISHED
    assert not overlay._timer.isActive()
    last = max(scene.arrow_items)
    assert all(scene.arrow_items[o].isVisible() for o in scene.arrow_items if o != last)
    assert overlay.arrow_item.fraction == 1.0


def test_timer_drives_frames(qtbot, scene):
    overlay = PlaybackOverlay(scene, LIGHT)  # the real clock
    overlay.play()
    qtbot.waitUntil(lambda: overlay.arrow_item.fraction > 0.05, timeout=2000)
    overlay.stop()


def test_marker_is_painted(scene, overlay):
    overlay.play()
    overlay.playback._clock.advance(0.5)
    overlay.refresh()
    size = QSize(1600, 1400)
    image = render_scene(scene, size)
    rect = scene.sceneRect()
    target = fitted_target(rect, size)
    scale = target.width() / rect.width()
    x = target.left() + (overlay.marker.pos().x() - rect.left()) * scale
    y = target.top() + (overlay.marker.pos().y() - rect.top()) * scale
    ring = QColor(LIGHT.arrow_highlight)

    def near_in(picture, px: float, py: float, want: QColor) -> bool:
        c = picture.pixelColor(round(px), round(py))
        return abs(c.red() - want.red()) + abs(c.green() - want.green()) + abs(c.blue() - want.blue()) < 60

    def near(px: float, py: float, want: QColor) -> bool:
        return near_in(image, px, py, want)

    r = FINGERTIP_RADIUS * scale
    # The ring, on one side or another, in the highlight colour.
    assert any(near(x + dx * r, y + dy * r, ring) for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)))
    # Inside, a soft (part-transparent) fill: tinted, neither white nor the full ring colour.
    inside = image.pixelColor(round(x + r / 3), round(y - r / 3))
    assert inside != QColor("#ffffff")
    assert not near(x + r / 3, y - r / 3, ring)

    def ring_pixels(picture) -> int:
        span = range(-round(r) - 2, round(r) + 3)
        return sum(1 for dx in span for dy in span if near_in(picture, x + dx, y + dy, ring))

    painted = ring_pixels(image)
    overlay.stop()
    assert ring_pixels(render_scene(scene, size)) < painted / 2


def test_bar_drives_the_overlay(qtbot, scene, overlay):
    bar = PlaybackBar()
    qtbot.addWidget(bar)
    bar.connect_overlay(overlay)
    for widget in (bar.play_button, bar.previous_button, bar.next_button, bar.restart_button, bar.loop_box):
        assert widget.accessibleName()
    qtbot.mouseClick(bar.play_button, Qt.MouseButton.LeftButton)
    assert overlay.playback.state is PlaybackState.PLAYING
    assert bar.play_button.text() == "Pause"
    qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
    assert overlay.playback.state is PlaybackState.PAUSED
    assert bar.play_button.text() == "Play"
    assert bar.position_label.text().startswith("Arrow 1 of")
    with qtbot.wait_signal(bar.speed_changed) as blocker:
        qtbot.mouseClick(bar.speed_buttons[2.0], Qt.MouseButton.LeftButton)
    assert blocker.args == [2.0]
    assert overlay.playback.speed_factor == 2.0
    bar.loop_box.click()
    assert overlay.playback.loop
    qtbot.mouseClick(bar.stop_button, Qt.MouseButton.LeftButton)
    assert overlay.playback.state is PlaybackState.STOPPED
    assert not overlay.active


def test_a_map_without_arrows_plays_without_adding_twice(qtbot):
    """The tender-points map has no arrows: playing it must not re-add the overlay each frame.

    Qt warns "item has already been added to this scene" on a second ``addItem``, and
    pytest fails on Qt warnings; the overlay must also leave the scene clean when stopped.
    """
    library = load_library()
    body_map = library.maps["tender-points"]
    assert not body_map.arrows  # what makes this map the case under test
    scene = BodyMapScene(body_map, library.catalog.maps["tender-points"], LIGHT, {})
    overlay = PlaybackOverlay(scene, LIGHT, FakeClock())
    bar = PlaybackBar()
    qtbot.addWidget(bar)
    bar.connect_overlay(overlay)
    before = set(scene.items())
    overlay.play()
    for _ in range(5):
        overlay.playback._clock.advance(0.1)
        overlay.refresh()
    overlay.step_next()
    overlay.step_previous()
    overlay.set_loop(True)
    overlay.toggle()
    overlay.refresh()
    assert overlay.active
    assert bar.position_label.text() == "No arrows on this map"
    assert not overlay.arrow_item.isVisible()
    assert not overlay.marker.isVisible()
    overlay.stop()
    assert not overlay.active
    assert overlay.arrow_item.scene() is None
    assert overlay.marker.scene() is None
    assert set(scene.items()) == before
    # And again, as a second press of the toolbar button would.
    overlay.play()
    overlay.refresh()
    overlay.stop()
    assert set(scene.items()) == before
