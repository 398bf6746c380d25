"""Render every screen to PNG files, for the README, reviews and smoke tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from app.model.clock import ManualClock
from app.model.tender_round import RoundPhase
from app.ui.actions import ActionId
from app.ui.appearance_shots import take_appearance_shots
from app.ui.body_map_scene import BodyMapScene
from app.ui.course_planner import CoursePlannerDialog
from app.ui.handout_shots import take_handout_shots
from app.ui.main_window import MainWindow
from app.ui.map_render import render_scene
from app.ui.pack_shots import take_pack_shots
from app.ui.presentation_shots import take_presentation_shots
from app.ui.quiz_shots import take_quiz_shots
from app.ui.session_guide_shots import take_session_guide_shots
from app.ui.shot_files import write_image

WINDOW_SIZE = QSize(1440, 900)
TIMER_SIZES = {"1280x800": QSize(1280, 800), "1920x1080": QSize(1920, 1080)}
MAP_SIZES = {"1280x800": QSize(1280, 800), "3840x2160": QSize(3840, 2160)}


def _settle(window: MainWindow) -> None:
    for _ in range(3):
        QApplication.processEvents()
    window.repaint()


def take_screenshots(
    window: MainWindow, directory: Path, clock: ManualClock | None = None, map_sizes: bool = True
) -> list[Path]:
    """Write the main window with each map, then with a region or point selected.

    Returns:
        The files written, in order.
    """
    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    window.resize(WINDOW_SIZE)
    window.show()
    window.idle.run_all()  # thumbnails and the rest of the idle work, so every shot is complete

    def save(image: QImage, name: str) -> None:
        write_image(image, directory / name, written)

    for index, map_id in enumerate(window.navigator.map_ids(), 1):
        window.show_map(map_id)
        _settle(window)
        stem = f"{index:02d}-{map_id}"
        save(window.grab().toImage(), f"{stem}.png")
        scene = window.scenes[map_id]
        target = _representative(scene)
        if target is not None:
            if target in scene.body_map.points:
                scene.select_point(target)
                window.cards.show_point(target)
            else:
                window.show_region(target)
            _settle(window)
            save(window.grab().toImage(), f"{stem}-selected.png")
            scene.select_region("")
        if map_sizes:
            for label, size in MAP_SIZES.items():
                save(render_scene(scene, size), f"{stem}-map-{label}.png")
    cards = window.cards
    reference: list[tuple[str, Callable[[], None]]] = [
        ("protocol", cards.show_protocol),
        ("course", cards.show_course),
    ]
    reference += [(f"page-{pid}", partial(cards.show_page, pid)) for pid in window.library.catalog.pages]
    for name, show in reference:
        show()
        _settle(window)
        save(window.grab().toImage(), f"reference-{name}.png")
    if clock is not None:
        for name, image in _timer_shots(window, clock):
            save(image, name)
        save(_playback_shot(window, clock), "playback-hand.png")
    save(_planner_shot(window), "course-planner.png")
    window.search.popup_over(window)
    window.search.edit.setText("trapezus")
    _settle(window)
    save(window.grab().toImage(), "search-trapezus.png")
    window.search.hide()
    written += take_session_guide_shots(window.library, directory)
    written += take_quiz_shots(window.library, directory)
    written += take_presentation_shots(window, window.presentation, directory)
    written += take_handout_shots(window.library, directory)
    written += take_appearance_shots(window, directory)
    written += take_pack_shots(window, directory)
    return written


def _playback_shot(window: MainWindow, clock: ManualClock) -> QImage:
    """The hand map part way through stroke-order playback."""
    window.show_map(window.navigator.map_ids()[0])
    play = window.actions_by_id[ActionId.PLAY_STROKES]
    play.setChecked(True)
    clock.advance(6.0)
    window.playback.refresh()
    _settle(window)
    image = window.grab().toImage()
    play.setChecked(False)
    return image


def _planner_shot(window: MainWindow) -> QImage:
    # A fixed start date keeps the picture the same from day to day.
    dialog = CoursePlannerDialog(window.library.catalog, window, today=date(2026, 1, 5), theme=window.theme)
    dialog.resize(1100, 800)
    dialog.show()
    QApplication.processEvents()
    image = dialog.grab().toImage()
    dialog.close()
    dialog.deleteLater()
    return image


def _timer_shots(window: MainWindow, clock: ManualClock) -> list[tuple[str, QImage]]:
    """The tender-point round at its third point, 12 s into the hold, and a hold at its end."""
    shots = []
    window.start_tender_round()
    timer = window.timer
    hold = timer.round.countdown.duration if timer.round else 30.0
    for _ in range(2):  # two points done: get ready, hold, rest
        if timer.round is not None and timer.round.phase is RoundPhase.READY:
            timer.toggle()
        clock.advance(timer.countdown.countdown.get_ready + hold + timer.rest.value() + 0.1)
        timer.countdown.tick()
    clock.advance(timer.countdown.countdown.get_ready + 12)
    timer.countdown.tick()
    for label, size in TIMER_SIZES.items():
        window.resize(size)
        _settle(window)
        shots.append((f"timer-tender-round-{label}.png", window.grab().toImage()))
    clock.advance(timer.countdown.countdown.remaining + 0.2)  # just past the end, inside the rest
    timer.countdown.tick()
    _settle(window)
    shots.append(("timer-withdraw-pressure-1920x1080.png", window.grab().toImage()))
    timer.close_panel()
    window.resize(WINDOW_SIZE)
    return shots


def _representative(scene: BodyMapScene) -> str | None:
    """Pick what to select for the "selected" shot: the region of arrow 1, else a point."""
    if scene.body_map.arrows:
        return scene.body_map.arrows[0].region
    if scene.body_map.points:
        return next(iter(scene.body_map.points))
    return next(iter(scene.body_map.regions), None)
