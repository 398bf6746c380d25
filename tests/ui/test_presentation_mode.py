"""Presentation mode: F5 and Esc, the restored window, stepping, keys, the card beside its region, screens."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QToolBar

from app.model.presentation import MIN_PROJECTED_TEXT_PX, Stop, overlaps
from app.services.library import load_library
from app.ui.actions import ActionId

PROBE = Path(__file__).parent / "presentation_probe.py"


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture
def window(make_window, library, qtbot):
    w = make_window(library)
    w.resize(1100, 720)
    # Shortcuts reach the active window only, as on a desktop.
    _activate(w, qtbot)
    return w


def _stage(window):
    stage = window.presentation.stage
    assert stage is not None, "not presenting"
    return stage


def _present(window, qtbot):
    window.presentation.enter()
    _activate(window, qtbot)
    return _stage(window)


def _activate(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _marked(scene) -> list[int]:
    return [order for order, item in scene.arrow_items.items() if item.marked]


def test_f5_enters_and_esc_leaves_through_key_events(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F5)
    _activate(window, qtbot)
    assert window.presentation.active
    assert window.actions_by_id[ActionId.PRESENTATION].isChecked()
    assert window.isFullScreen()
    assert window.menuBar().isHidden()
    assert window.statusBar().isHidden()
    assert all(bar.isHidden() for bar in window.findChildren(QToolBar))
    assert window.centralWidget() is _stage(window)
    qtbot.keyClick(_stage(window).view.viewport(), Qt.Key.Key_Escape)
    assert not window.presentation.active
    assert not window.actions_by_id[ActionId.PRESENTATION].isChecked()
    assert window.centralWidget() is window.splitter


def test_leaving_restores_geometry_bars_map_and_selection(window, qtbot):
    window.show_map("trunk")
    region = next(iter(window.scenes["trunk"].region_items))
    window.show_region(region)
    window.move(40, 50)
    qtbot.wait(10)
    geometry, sizes = window.geometry(), window.splitter.sizes()
    stage = _present(window, qtbot)
    stage.step_map(1)  # presenting another map must not change the window's own
    stage.open_region(next(iter(stage.scene.region_items)))
    window.presentation.leave()
    qtbot.wait(10)
    assert window.geometry() == geometry
    assert window.windowState() == Qt.WindowState.WindowNoState
    assert not window.menuBar().isHidden()
    assert not window.statusBar().isHidden()
    assert all(not bar.isHidden() for bar in window.findChildren(QToolBar))
    assert window.splitter.sizes() == sizes
    assert window.current_map == "trunk"
    assert window.view.map_scene() is window.scenes["trunk"]
    assert window.scenes["trunk"].selected_region == region
    assert not window.actions_by_id[ActionId.FULL_SCREEN].isChecked()


def test_a_maximised_window_comes_back_maximised(window, qtbot):
    window.showMaximized()
    qtbot.wait(10)
    window.presentation.enter()
    window.presentation.leave()
    qtbot.wait(10)
    assert window.isMaximized()
    assert not window.isFullScreen()


def test_f11_still_toggles_full_screen_while_presenting(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F5)
    _activate(window, qtbot)
    assert window.actions_by_id[ActionId.FULL_SCREEN].isChecked()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert not window.isFullScreen()
    assert window.presentation.active
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.isFullScreen()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isFullScreen()


def test_right_steps_through_every_shipped_map_in_number_order(window, qtbot, library):
    stage = _present(window, qtbot)
    stage.go_to(Stop(stage.plan.map_ids[0]))
    seen: dict[str, list[int]] = {stage.stop.map_id: []}
    for _ in range(len(stage.plan.stops) - 1):
        qtbot.keyClick(window, Qt.Key.Key_Right)
        orders = seen.setdefault(stage.stop.map_id, [])
        if stage.stop.arrow is not None:
            assert _marked(stage.scene) == [stage.stop.arrow]
            assert stage.card_overlay.isVisible()
            assert stage.card.title == f"Arrow {stage.stop.arrow} of {len(stage.scene.arrow_items)}"
            orders.append(stage.stop.arrow)
    for map_id in stage.plan.map_ids:
        numbers = sorted(a.order for a in library.maps[map_id].arrows)
        assert seen[map_id] == numbers == list(range(1, len(numbers) + 1))
        instructions = library.catalog.maps[map_id].arrow_instructions
        assert set(instructions) <= set(numbers)
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert stage.stop == stage.plan.stops[-2]


def test_an_arrow_shows_its_instruction_from_the_content(window, qtbot, library):
    stage = _present(window, qtbot)
    stage.go_to(Stop("hand", 3))
    assert library.catalog.maps["hand"].arrow_instructions[3] in stage.card_overlay.text()


def test_page_keys_move_between_maps(window, qtbot):
    stage = _present(window, qtbot)
    first, second = stage.plan.map_ids[:2]
    stage.go_to(Stop(first, 2))
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert stage.stop == Stop(second)
    assert stage.view.map_scene() is stage.scenes[second]
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert stage.stop == Stop(first)


def test_b_blanks_and_unblanks_and_l_toggles_the_halo(window, qtbot):
    stage = _present(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert stage.blank.isVisible()
    assert stage.blank.geometry() == stage.rect()
    image = stage.grab().toImage()
    assert {image.pixelColor(x, y).name() for x in (5, 300, 700) for y in (5, 400)} == {"#000000"}
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert not stage.blank.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_L)
    assert stage.halo.isVisible()
    viewport = stage.view.viewport()
    target = viewport.rect().center() + QPoint(30, 20)
    qtbot.mouseMove(viewport, target)
    assert stage.halo.centre == viewport.mapTo(stage, target)
    qtbot.keyClick(window, Qt.Key.Key_L)
    assert not stage.halo.isVisible()


def test_tab_and_enter_open_a_region_card_and_a_click_opens_one_too(window, qtbot, library):
    stage = _present(window, qtbot)
    stage.go_to(Stop("hand"))
    qtbot.keyClick(window, Qt.Key.Key_Tab)
    qtbot.keyClick(window, Qt.Key.Key_Tab)
    second = list(library.catalog.maps["hand"].regions)[1]
    assert stage.focused_region == second
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert stage.card_visible
    assert stage.scene.selected_region == second
    assert library.catalog.maps["hand"].regions[second].name == stage.card.title
    qtbot.keyClick(window, Qt.Key.Key_Backspace)
    assert not stage.card_visible
    region = stage.scene.body_map.regions["hand-thenar-right"]
    point = stage.view.mapFromScene(*region.centroid)
    qtbot.mouseClick(stage.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert stage.card_visible
    assert stage.scene.selected_region == "hand-thenar-right"


def test_the_card_never_covers_its_region(window, qtbot, library):
    stage = _present(window, qtbot)
    for map_id in stage.plan.map_ids:
        stage.go_to(Stop(map_id))
        for region_id in stage.scene.region_items:
            stage.open_region(region_id)
            target = stage.target_box()
            assert target is not None
            card = stage.card_overlay.geometry().getRect()
            assert not overlaps(card, target), f"the card covers {map_id}/{region_id}"
            assert stage.rect().contains(stage.card_overlay.geometry())


def test_p_plays_the_strokes_and_pauses(window, qtbot):
    stage = _present(window, qtbot)
    stage.go_to(Stop("hand"))
    qtbot.keyClick(window, Qt.Key.Key_P)
    assert stage.playback.active
    assert stage.playback.frame.state.value == "playing"
    assert stage.playback.scene is stage.scene
    qtbot.keyClick(window, Qt.Key.Key_P)
    assert stage.playback.frame.state.value == "paused"
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert not stage.playback.active


def test_presentation_scenes_use_the_projector_theme_and_leave_the_window_theme(window, qtbot):
    stage = _present(window, qtbot)
    assert stage.theme.name == "high-contrast"
    assert stage.scene is not window.scenes[stage.stop.map_id]
    assert stage.scene.backgroundBrush().color().name() == "#000000"


def test_map_text_is_grown_to_the_minimum_on_this_screen(window, qtbot):
    stage = _present(window, qtbot)
    stage.go_to(Stop("hand"))
    scale = stage.view.view_scale()
    for item in [*stage.scene.label_items, *stage.scene.badge_items.values()]:
        assert round(item.font_size()) * item.scale() * scale >= MIN_PROJECTED_TEXT_PX - 1e-6


def test_one_screen_has_no_presenter_window_and_n_docks_the_presenter(window, qtbot):
    _present(window, qtbot)
    assert window.presentation.presenter is None
    qtbot.keyClick(window, Qt.Key.Key_N)
    docked = window.presentation.docked
    assert docked is not None
    assert docked.isVisible()
    assert docked.geometry().top() >= _stage(window).view.geometry().bottom()
    qtbot.keyClick(window, Qt.Key.Key_N)
    assert window.presentation.docked is None


def _probe(tmp_path: Path, screens: list[dict[str, object]]) -> dict[str, object]:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": screens}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # never the user's settings
    done = subprocess.run(
        [sys.executable, str(PROBE)], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


LAPTOP = {"name": "laptop", "x": 0, "y": 0, "width": 1440, "height": 900, "logicalDpi": 96}
PROJECTOR = {"name": "projector", "x": 1440, "y": 0, "width": 1280, "height": 800, "logicalDpi": 96}


def test_two_screens_put_the_map_on_the_projector_and_the_presenter_on_the_laptop(tmp_path):
    report = _probe(tmp_path, [LAPTOP, PROJECTOR])
    assert report["screens"] == ["laptop", "projector"]
    assert report["audience"] == "projector"
    assert report["audience_full_screen"]
    assert report["presenter"] == "laptop"
    assert report["stage_size"] == [1280, 800]
    assert report["swapped"] == ["laptop", "projector"]
    assert report["swapped_back"] == ["projector", "laptop"]
    assert report["covered"] == []
    assert report["restored"]
    assert report["presenter_left"]
    sizes = report["smallest_text_px"]
    assert set(sizes) == {"map labels", "arrow numbers", "overlays"}
    assert min(sizes.values()) >= MIN_PROJECTED_TEXT_PX - 1e-6, sizes


def test_one_1280x800_projector_keeps_every_text_at_24_px_even_with_the_presenter_docked(tmp_path):
    report = _probe(tmp_path, [dict(PROJECTOR, x=0)])
    assert report["presenter"] is None
    assert report["stage_size"] == [1280, 800]
    for sizes in (report["smallest_text_px"], report["docked_smallest_text_px"]):
        assert min(sizes.values()) >= MIN_PROJECTED_TEXT_PX - 1e-6, sizes
    assert report["restored"]


def test_stepping_on_clears_the_region_tab_picked_out(window, qtbot):
    stage = _present(window, qtbot)
    stage.go_to(Stop("hip"))
    qtbot.keyClick(window, Qt.Key.Key_Tab)
    picked = stage.focused_region
    assert picked
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert stage.focused_region == ""
    assert stage.scene.region_items[picked].brush().color().name() == stage.theme.body_fill


def test_the_docked_presenter_shows_the_instructors_note_for_the_card(window, qtbot):
    window.store.set_note("connective-tissue-massage", "Show the finger bend first.")
    stage = _present(window, qtbot)
    stage.go_to(Stop("hand", 1))
    qtbot.keyClick(window, Qt.Key.Key_N)
    docked = window.presentation.docked
    assert docked is not None
    assert "Show the finger bend first." in docked.notes_label.text()
    assert docked.next_label.text().startswith("Next: Arrow 2 of 13")


def test_the_presenter_follows_the_stage_drives_it_and_times_a_hold(window, qtbot, library):
    from app.ui.presenter_view import PresenterView

    stage = _present(window, qtbot)
    presenter = PresenterView(stage, window.store, window.clock)
    qtbot.addWidget(presenter)
    presenter.resize(1440, 900)
    presenter.show()
    qtbot.waitExposed(presenter)
    stage.go_to(Stop("hand", 1))
    instruction = library.catalog.maps["hand"].arrow_instructions[2]
    assert presenter.next_label.text() == f"Arrow 2 of 13: {instruction}"
    assert "Connective tissue massage" in presenter.current.text()  # the arrow's technique in full
    region = stage.scene.body_map.regions["hand-palm-right"]
    qtbot.mouseClick(
        presenter.preview.viewport(),
        Qt.MouseButton.LeftButton,
        pos=presenter.preview.mapFromScene(*region.centroid),
    )
    assert stage.card_visible
    assert stage.scene.selected_region == "hand-palm-right"
    qtbot.mouseClick(presenter.buttons["next"], Qt.MouseButton.LeftButton)
    assert stage.stop == Stop("hand", 2)
    point = next(iter(library.catalog.points))
    stage.go_to(Stop("tender-points"))
    stage.open_point(point)
    assert presenter.hold is not None
    assert presenter.hold.countdown.duration == 30
    presenter.toggle_hold()
    assert presenter.hold.countdown.state.value != "idle"
    assert presenter.hold.hint_text().startswith("T ")
