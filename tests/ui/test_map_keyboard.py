"""Keyboard-only use of the map: Tab and arrow keys reach every region, Enter opens its cards."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.services.library import load_library


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Send a key to whatever has the keyboard focus, as a keyboard would."""
    focused = QApplication.focusWidget()
    assert focused is not None, "nothing has the keyboard focus"
    QTest.keyClick(focused, key, modifier)


def tab_to_map(window, limit: int = 40) -> None:
    window.navigator.setFocus(Qt.FocusReason.OtherFocusReason)
    for _ in range(limit):
        if QApplication.focusWidget() is window.view:
            return
        press(Qt.Key.Key_Tab)
    raise AssertionError("Tab never reached the map")


def test_tab_reaches_every_region_and_enter_opens_its_cards(make_window, qtbot) -> None:
    library = load_library()
    window = make_window(library)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_map("trunk")
    scene = window.scenes["trunk"]
    info = library.catalog.maps["trunk"]
    tab_to_map(window)
    assert scene.focus_index == 0
    assert scene.focus_ring.isVisible()
    opened: set[str] = set()
    seen_arrows: set[str] = set()
    while QApplication.focusWidget() is window.view:
        target = scene.focused
        assert target is not None
        assert window.view.accessibleName().endswith(window.view.focus_text())
        if target.kind == "region":
            press(Qt.Key.Key_Return)
            assert window.cards.heading == info.regions[target.id].name
            assert scene.selected_region == target.id
            opened.add(target.id)
        elif target.kind == "arrow":
            seen_arrows.add(target.id)
        press(Qt.Key.Key_Tab)
    assert opened == set(scene.region_items)
    assert seen_arrows == {str(a.order) for a in scene.body_map.arrows}
    assert not scene.focus_ring.isVisible()  # focus left the map: no ring left behind
    press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.view
    assert scene.focus_index == len(scene.focus_targets) - 1  # back in at the last target


def test_arrow_keys_move_spatially_and_enter_on_a_point_opens_its_card(make_window, qtbot) -> None:
    library = load_library()
    window = make_window(library)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_map("tender-points")
    scene = window.scenes["tender-points"]
    tab_to_map(window)
    start = scene.focused
    press(Qt.Key.Key_Right)
    moved = scene.focused
    assert moved is not None
    assert start is not None
    assert moved.centre[0] > start.centre[0]
    press(Qt.Key.Key_End)
    last = scene.focused
    assert last is not None
    assert last.kind == "point"
    press(Qt.Key.Key_Enter)
    assert window.cards.heading.startswith(library.catalog.points[last.id].name)
    assert "Tender point" in window.view.accessibleDescription()
