"""Presentation states that must hold: B blanks everything shown after it; P puts out the Tab pick."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from app.model.presentation import Stop
from app.services.library import load_library
from app.ui.presentation_stage import PresentationStage
from tests.ui.arrow_stops import shown_stage


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture
def stage(qtbot, library):
    stage = shown_stage(qtbot, library)
    stage.go_to(Stop("hand"))
    return stage


def _all_black(stage: PresentationStage) -> bool:
    QApplication.processEvents()
    shown = stage.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    black = QImage(shown.size(), QImage.Format.Format_RGB32)
    black.fill(QColor(Qt.GlobalColor.black))
    return shown == black


def test_stepping_to_an_arrow_while_blank_shows_no_caption(stage):
    stage.toggle_blank()
    assert _all_black(stage)
    stage.step(1)
    assert stage.card_visible  # the caption is there, for when the screen comes back
    assert _all_black(stage), "the arrow's caption shows on the blank screen"
    stage.toggle_blank()
    assert not _all_black(stage)


def test_a_card_opened_while_blank_stays_hidden(stage):
    stage.toggle_blank()
    stage.open_region("hand-thenar-right")
    assert stage.card_visible
    assert _all_black(stage), "the region's card shows on the blank screen"


def test_the_halo_does_not_show_on_the_blank_screen(stage):
    stage.toggle_blank()
    stage.toggle_halo()
    stage.halo.move_to(QPoint(640, 400))
    assert stage.halo.isVisible()
    assert _all_black(stage), "the halo's ring shows on the blank screen"


def test_the_presenter_strip_docked_while_blank_stays_hidden(make_window, library, qtbot):
    window = make_window(library)
    window.presentation.enter("hand")
    stage = window.presentation.stage
    assert stage is not None
    stage.toggle_blank()
    window.presentation.toggle_docked()
    assert window.presentation.docked is not None
    assert _all_black(stage), "the presenter's strip shows on the blank screen"
    window.presentation.leave()


def test_playing_the_strokes_puts_out_the_region_tab_picked(stage):
    stage.focus_next_region(1)
    picked = stage.focused_region
    assert picked
    lit = stage.scene.region_items[picked].brush().color().name()
    assert lit != stage.theme.body_fill
    stage.toggle_playback()
    assert stage.playback.active
    assert stage.focused_region == ""
    assert stage.scene.region_items[picked].brush().color().name() == stage.theme.body_fill
    stage.playback.stop()
