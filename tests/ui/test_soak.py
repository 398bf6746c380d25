"""Endurance: 5,000 region clicks with their cards and 500 map switches in one process.

After a warm-up, resident memory may grow by less than 5 MB and no top-level
widget may be left behind. Marked ``soak`` (it runs in CI; deselect it with
``-m "not soak"`` while developing).
"""

from __future__ import annotations

import gc
import os
import random

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt
from PySide6.QtWidgets import QApplication

from app.services.library import load_library

CLICKS = 5_000
SWITCHES = 500
WARM_UP = 1_000  # the card panel keeps and recycles cards; RSS levels off within 1,000 clicks
MAX_GROWTH_BYTES = 5 * 1024 * 1024


def resident_bytes() -> int:
    with open("/proc/self/statm") as stream:
        return int(stream.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def settle() -> None:
    QApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.mark.soak
@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="reads RSS from /proc")
def test_thousands_of_clicks_and_map_switches_do_not_leak(make_window, qtbot):
    window = make_window(load_library())
    before = set(QApplication.topLevelWidgets())
    rng = random.Random(2004)
    maps = window.navigator.map_ids()
    targets = {
        map_id: [
            window.scenes[map_id].body_map.regions[r].centroid for r in window.scenes[map_id].body_map.regions
        ]
        for map_id in maps
    }
    view = window.view
    clicks_per_map = CLICKS // SWITCHES
    measured_from = None
    clicked = 0
    for switch in range(SWITCHES):
        window.show_map(maps[switch % len(maps)])
        for _ in range(clicks_per_map):
            x, y = rng.choice(targets[window.current_map])
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(QPointF(x, y)))
            QApplication.processEvents()  # laid out and painted, as a user sees each click
            clicked += 1
        assert window.cards.cards or window.cards.heading, "every click shows something"
        settle()
        if clicked == WARM_UP:
            measured_from = resident_bytes()
    settle()
    growth = resident_bytes() - (measured_from or 0)
    assert clicked == CLICKS
    assert growth < MAX_GROWTH_BYTES, f"resident memory grew by {growth / 1e6:.1f} MB after the warm-up"
    leaked = [w for w in QApplication.topLevelWidgets() if w not in before]
    assert not leaked, f"top-level widgets left behind: {leaked}"
