"""The map list | map | cards columns: good default widths at 1440 wide, the user's widths kept."""

from __future__ import annotations

import pytest

from app.services import settings as options
from app.services.library import load_library
from app.ui.appearance import Appearance
from app.ui.appearance_controller import apply_appearance
from app.ui.theme import LIGHT
from tests.ui.events import settle


@pytest.fixture(scope="module")
def library():
    return load_library()


def test_a_fresh_window_gives_the_cards_about_400_px_and_the_map_the_most(make_window, library):
    window = make_window(library)  # a fresh user: 1440 x 900
    settle()
    assert window.width() == 1440
    left, centre, right = window.splitter.sizes()
    assert 380 <= right <= 430
    assert window.cards.width() >= 380
    assert centre > max(left, right)


def test_at_200_percent_the_cards_grow_and_the_map_still_keeps_the_most(
    make_window, library, restore_appearance
):
    window = make_window(library, show=False)
    apply_appearance(window, Appearance(LIGHT, 200))  # before the window is laid out, as at start
    window.show()
    settle()
    left, centre, right = window.splitter.sizes()
    assert right > 430
    assert centre > max(left, right)


def test_the_widths_the_user_left_come_back(make_window, library):
    first = make_window(library)
    settle()
    first.splitter.setSizes([250, 900, 290])  # the user drags the handles
    settle()
    chosen = first.splitter.sizes()
    first.close()
    # The offscreen screen is 800 x 600, which a restored window geometry would be clamped to;
    # forget the geometry so the second window opens at 1440 x 900 like the first.
    settings = options.open_settings()
    settings.remove(options.WINDOW_GEOMETRY.key)
    settings.sync()
    second = make_window(library)  # the same settings folder, as a restart
    settle()
    assert second.panel_split.restored
    assert second.splitter.sizes() == chosen
