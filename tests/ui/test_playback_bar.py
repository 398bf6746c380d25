"""The playback bar fits the map's column at every text size: one row, or two, never a wider window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication

from app.services.library import load_library
from app.ui.actions import ActionId
from app.ui.appearance import Appearance
from app.ui.appearance_controller import apply_appearance
from app.ui.theme import LIGHT


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.mark.parametrize(
    ("width", "percent", "rows"), [(1440, 100, 1), (1440, 150, 2), (1440, 200, 2), (1280, 200, 3)]
)
def test_the_bar_shows_the_current_arrow_without_widening_the_window(
    make_window, library, restore_appearance, width, percent, rows
):
    window = make_window(library, show=False)
    apply_appearance(window, Appearance(LIGHT, percent))
    window.resize(width, 800 if width < 1440 else 900)
    window.show()
    window.show_map("hand")
    window.actions_by_id[ActionId.PLAY_STROKES].setChecked(True)
    window.playback.step_next()
    for _ in range(3):
        QApplication.processEvents()
    bar = window.playback_bar
    assert window.width() == width
    assert bar.rows == rows
    label = bar.position_label
    assert label.text() == "Arrow 1 of 13"
    assert label.isVisible()
    assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())
    for button in [bar.previous_button, bar.play_button, bar.next_button, bar.stop_button, bar.loop_box]:
        assert button.isVisible()
        assert bar.rect().contains(QRect(button.mapTo(bar, QPoint(0, 0)), button.size()))
    window.actions_by_id[ActionId.PLAY_STROKES].setChecked(False)
