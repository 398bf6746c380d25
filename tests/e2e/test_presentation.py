"""Presentation mode entered and left like a user: F5, Right and Esc on the real window.

What is checked is what a user sees: the window's pixels grabbed from the screen,
measured in known areas against the projector theme's colours, its title and geometry.

Full screen is the window manager's job, and the tests' bare Xvfb has none: there Qt's
``showFullScreen`` changes nothing on the X side (no ``_NET_WM_STATE`` property, no
client message, the window stays 1440x900 at 0,0), so the test does not look for a
screen-sized window. It checks what the app itself does: the presentation fills the whole
window, black to all four edges where the menu bar, toolbar, navigator, card panel and
status bar were, and leaving brings back the same window, pixel for pixel.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage

from app.ui.theme import HIGH_CONTRAST, LIGHT
from tests.e2e.test_user_session import SUFFIX, map_titles
from tests.e2e.x11 import AppWindow, changed_box

pytestmark = pytest.mark.e2e

TOP_BAND = 44  # the menu bar and the toolbar of the normal window (Fusion, DejaVu fonts)
EDGE = 24  # the status bar's height; the navigator and the card panel are wider
TOLERANCE = 8  # anti-aliased edges aside, the theme's colours come out exactly


def colour_shares(image: QImage, area: QRect, colours: Mapping[str, str], step: int = 3) -> dict[str, float]:
    """Return, for each named colour, the share of an area's pixels (sampled every ``step``) that have it."""
    wanted = {name: QColor(value) for name, value in colours.items()}
    counts = dict.fromkeys(wanted, 0)
    samples = 0
    for y in range(area.top(), area.bottom() + 1, step):
        row = bytes(image.constScanLine(y))  # RGB32: blue, green, red, unused
        for x in range(area.left(), area.right() + 1, step):
            blue, green, red = row[4 * x], row[4 * x + 1], row[4 * x + 2]
            samples += 1
            for name, colour in wanted.items():
                if (
                    abs(red - colour.red()) <= TOLERANCE
                    and abs(green - colour.green()) <= TOLERANCE
                    and abs(blue - colour.blue()) <= TOLERANCE
                ):
                    counts[name] += 1
    return {name: count / max(samples, 1) for name, count in counts.items()}


def wait_for_screen(
    window: AppWindow, name: str, wanted: Callable[[QImage], bool], timeout: float = 15
) -> QImage:
    """Grab until the window shows what ``wanted`` accepts, then until it stops changing."""
    deadline = time.monotonic() + timeout
    while not wanted(window.grab(f"{name}-waiting")) and time.monotonic() < deadline:
        time.sleep(0.3)
    return window.settle(name)


def whole(image: QImage) -> QRect:
    return QRect(0, 0, image.width(), image.height())


def top_band(image: QImage) -> QRect:
    return QRect(0, 0, image.width(), TOP_BAND)


def edges(image: QImage) -> dict[str, QRect]:
    """The window's borders: where the normal window has its bars and side panels."""
    width, height = image.width(), image.height()
    return {
        "top": top_band(image),
        "bottom": QRect(0, height - EDGE, width, EDGE),
        "left": QRect(0, 0, EDGE, height),
        "right": QRect(width - EDGE, 0, EDGE, height),
    }


def left_half(image: QImage) -> QRect:
    return QRect(0, 0, image.width() // 2, image.height())


def is_black(image: QImage, area: QRect) -> bool:
    return colour_shares(image, area, {"canvas": HIGH_CONTRAST.canvas})["canvas"] > 0.9


def test_f5_presents_the_map_and_esc_puts_the_window_back(fibromap: AppWindow) -> None:
    title = map_titles()[0] + SUFFIX
    geometry = fibromap.geometry()
    before = fibromap.grab("normal-window")
    # The normal window: light theme (half of it the white map canvas), its menu bar and
    # toolbar along the top, nothing black.
    normal = colour_shares(before, whole(before), {"light": LIGHT.canvas, "black": HIGH_CONTRAST.canvas})
    assert normal["light"] > 0.3, normal
    assert normal["black"] < 0.01, normal
    assert not any(is_black(before, edge) for edge in edges(before).values())

    fibromap.key("F5")
    shown = wait_for_screen(fibromap, "presenting", lambda grab: is_black(grab, top_band(grab)))

    # Bars and panels are gone: the black canvas runs to all four edges of the window.
    for side, edge in edges(shown).items():
        assert is_black(shown, edge), (side, colour_shares(shown, edge, {"black": HIGH_CONTRAST.canvas}))
    # The projector look: mostly black, the body dark grey, thin white contours (the light
    # canvas's white is gone), yellow arrows, and no arrow picked out yet.
    shares = colour_shares(
        shown,
        whole(shown),
        {
            "canvas": HIGH_CONTRAST.canvas,
            "body": HIGH_CONTRAST.body_fill,
            "contour": HIGH_CONTRAST.contour,
            "arrow": HIGH_CONTRAST.arrow,
            "highlight": HIGH_CONTRAST.arrow_highlight,
        },
    )
    assert shares["canvas"] > 0.6, shares
    assert shares["body"] > 0.1, shares
    assert 0.01 < shares["contour"] < 0.1, shares
    assert shares["arrow"] > 0.005, shares
    assert shares["highlight"] == 0, shares
    # The same window (no window manager: see the module's docstring), on the same map.
    assert fibromap.geometry() == geometry
    assert fibromap.title() == title

    fibromap.key("Right")  # the first arrow, picked out with its instruction
    arrow = wait_for_screen(
        fibromap,
        "first-arrow",
        lambda grab: colour_shares(grab, left_half(grab), {"h": HIGH_CONTRAST.arrow_highlight})["h"] > 0,
    )
    highlight = colour_shares(arrow, left_half(arrow), {"h": HIGH_CONTRAST.arrow_highlight})["h"]
    assert highlight > 0.002, highlight  # arrow 1 and its badge, on the palm at the left
    # Its instruction card opened away from it, on the right.
    assert changed_box(shown, arrow).right() > arrow.width() * 0.7, changed_box(shown, arrow)

    fibromap.key("Escape")
    back = wait_for_screen(fibromap, "back-to-normal", lambda grab: not is_black(grab, top_band(grab)))

    # Exactly the window that was there before: same place and size, same pixels.
    assert fibromap.geometry() == geometry
    assert changed_box(before, back).isEmpty(), changed_box(before, back)
    assert fibromap.title() == title
