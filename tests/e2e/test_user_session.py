"""FibroMap driven like a user: real clicks and keys on a real X window, checked on screen.

Each test starts the app as its own process (see conftest.py) with a fresh user, so the
window opens at its default 1440x900 on the first map. What is checked is what a user
sees: the window title (the current map, a normal desktop feature) and the pixels of
the window, grabbed from the screen, at places whose colours come from the app's theme.
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage

from app.services.library import load_library
from app.ui.map_navigator import THUMB
from app.ui.theme import LIGHT
from tests.e2e.x11 import AppWindow, changed_box

pytestmark = pytest.mark.e2e

SUFFIX = " — FibroMap"
# Where things are in the default 1440x900 window (Fusion style, DejaVu fonts).
NAVIGATOR_TOP = 80  # below the menu bar, toolbar and the Maps/Starred tabs
NAVIGATOR_X = 83
CENTRAL_PALM = QPoint(455, 480)  # inside the central palm of the hand map's palmar view
CARD_COLUMN_LEFT = 0.68  # the card panel and timer fill the window's right third


def map_titles() -> list[str]:
    """The maps in the navigator's order, as the content names them."""
    return [info.title for info in load_library().map_infos()]


def count_colour(image: QImage, area: QRect, colour: QColor, tolerance: int = 3, step: int = 2) -> int:
    """Count the pixels of an area (sampled every ``step``) that have a colour."""
    found = 0
    for y in range(area.top(), area.bottom() + 1, step):
        for x in range(area.left(), area.right() + 1, step):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - colour.red()) <= tolerance
                and abs(pixel.green() - colour.green()) <= tolerance
                and abs(pixel.blue() - colour.blue()) <= tolerance
            ):
                found += 1
    return found


def card_column(image: QImage) -> QRect:
    left = int(image.width() * CARD_COLUMN_LEFT)
    return QRect(left, 0, image.width() - left, image.height())


def test_the_window_opens_on_the_first_map(fibromap: AppWindow):
    assert fibromap.title() == map_titles()[0] + SUFFIX
    assert fibromap.geometry().size().toTuple() == (1440, 900)


def test_clicking_a_map_in_the_navigator_opens_it(fibromap: AppWindow):
    before = fibromap.grab("first-map")
    second = map_titles()[1]
    grid_height = THUMB.height() + 54  # MapNavigator's grid: thumbnail and two lines of name
    fibromap.click(NAVIGATOR_X, NAVIGATOR_TOP + grid_height + THUMB.height() // 2)

    assert fibromap.wait_for_title(lambda t: t == second + SUFFIX) == second + SUFFIX
    after = fibromap.settle("second-map")
    # The map canvas and the card panel both changed to the new map.
    changed = changed_box(before, after)
    assert changed.left() < after.width() * 0.3, changed
    assert changed.right() > after.width() * 0.8, changed


def test_clicking_a_region_shows_its_card(fibromap: AppWindow):
    fibromap.click(10, 880)  # the status bar: nothing there reacts to a click
    before = fibromap.settle("map-overview")
    caution = QColor(LIGHT.caution_fill)
    assert count_colour(before, card_column(before), caution) == 0  # the overview has no cautions

    fibromap.click(CENTRAL_PALM.x(), CENTRAL_PALM.y())
    after = fibromap.settle("region-card")

    # The region is drawn selected where it was clicked...
    spot = after.pixelColor(CENTRAL_PALM.x() + 6, CENTRAL_PALM.y() + 6)
    assert spot == QColor(LIGHT.region_selected), spot.name()
    # ...and its technique card, with its cautions box, fills the card panel.
    assert count_colour(after, card_column(after), caution) > 2000
    assert fibromap.title() == map_titles()[0] + SUFFIX  # still the same map


def test_space_starts_a_tender_point_hold_that_counts_down(fibromap: AppWindow):
    fibromap.key("ctrl+t")  # Timer ▸ Tender-Point Round
    ready = fibromap.settle("round-ready")
    time.sleep(1.5)
    assert changed_box(ready, fibromap.grab("round-still-ready")).isEmpty()  # nothing counts yet

    fibromap.key("space")
    time.sleep(4.5)  # past the 3-2-1 get-ready count, into the 30 s hold
    first = fibromap.grab("holding")
    time.sleep(1.5)
    second = fibromap.grab("holding-later")

    changed = changed_box(first, second)
    assert not changed.isEmpty(), "the countdown did not move"
    # Only the countdown moved: its ring and digits at the top of the right column.
    assert changed.left() >= card_column(first).left(), changed
    assert changed.bottom() < first.height() // 2, changed
    fibromap.key("Escape")  # stop, as a user would


def test_search_jumps_to_a_result(fibromap: AppWindow):
    target = next(t for t in map_titles()[2:] if len(t.split()) <= 2)  # a short, distinct map name
    before = fibromap.grab("before-search")
    fibromap.key("ctrl+f")
    time.sleep(1.0)
    fibromap.type(target.lower())
    popup = fibromap.settle("search-results")
    assert not changed_box(before, popup).isEmpty(), "no search box appeared"

    fibromap.key("Return")
    assert fibromap.wait_for_title(lambda t: t == target + SUFFIX) == target + SUFFIX
    fibromap.settle("search-result-opened")
