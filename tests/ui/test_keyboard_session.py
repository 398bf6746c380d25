"""A whole session with the keyboard only: map, cards, timer, round, search, guide, preferences."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from app.model.clock import ManualClock
from app.services.library import load_library
from app.ui.preferences_dialog import PreferencesDialog

Mod = Qt.KeyboardModifier


def test_a_session_with_the_keyboard_only(make_window, qtbot, restore_appearance) -> None:
    clock = ManualClock()
    window = make_window(load_library(), clock=clock)

    def activate(widget) -> None:
        # Offscreen Qt has no window manager to activate new windows; a desktop does it.
        widget.activateWindow()
        qtbot.waitUntil(widget.isActiveWindow)

    def key(k: Qt.Key, modifiers: Qt.KeyboardModifier = Mod.NoModifier) -> None:
        QTest.keyClick(QApplication.focusWidget() or QApplication.activeWindow(), k, modifiers)

    def tab_to(found, limit: int = 150) -> None:
        for _ in range(limit):
            if found(QApplication.focusWidget()):
                return
            key(Qt.Key.Key_Tab)
        raise AssertionError(f"Tab never reached it; stuck at {QApplication.focusWidget()}")

    activate(window)
    window.navigator.setFocus(Qt.FocusReason.OtherFocusReason)
    key(Qt.Key.Key_PageDown, Mod.ControlModifier)
    assert window.current_map == window.navigator.map_ids()[1]
    key(Qt.Key.Key_PageUp, Mod.ControlModifier)
    assert window.current_map == "hand"

    # A region's cards, shown on the map, then starred.
    tab_to(lambda w: w is window.view and window.view.focus_text().startswith("Region: Thenar"))
    key(Qt.Key.Key_Return)
    assert window.cards.heading == "Thenar eminence"
    tab_to(lambda w: isinstance(w, QPushButton) and w.text() == "Show on map")
    key(Qt.Key.Key_Space)
    assert re.search(r": \d+ regions? of this map", window.statusBar().currentMessage())
    card = window.cards.cards[0]
    tab_to(lambda w: w is card.star)
    key(Qt.Key.Key_Space)
    assert card.star is not None
    assert card.star.isChecked()

    # A tender point's card and its 30-second timer.
    key(Qt.Key.Key_PageUp, Mod.ControlModifier)  # wraps round to the last map
    assert window.current_map == "tender-points"
    tab_to(lambda w: w is window.view)
    key(Qt.Key.Key_End)
    key(Qt.Key.Key_Return)
    assert window.cards.heading.startswith("Greater trochanter")
    tab_to(lambda w: isinstance(w, QPushButton) and w.text().startswith("Timer"))
    key(Qt.Key.Key_Space)
    assert window.timer.isVisible()
    key(Qt.Key.Key_Space)
    clock.advance(5)
    window.timer.countdown.tick()
    assert "Holding" in window.timer.countdown.accessibleDescription()
    key(Qt.Key.Key_R)
    assert window.timer.countdown.accessibleDescription().startswith("0:30")

    # The tender-point round moves on by itself.
    key(Qt.Key.Key_T, Mod.ControlModifier)
    key(Qt.Key.Key_Space)
    clock.advance(40)
    window.timer.countdown.tick()
    assert "1 done" in window.timer.progress.text()

    # Search.
    key(Qt.Key.Key_F, Mod.ControlModifier)
    QTest.keyClicks(QApplication.focusWidget(), "kneading")
    key(Qt.Key.Key_Return)
    assert window.cards.heading == "Kneading"

    # The session guide: session 3, start, four screens on, end.
    key(Qt.Key.Key_G, Mod.ControlModifier)
    guide = window.session_guide
    assert guide is not None
    activate(guide)
    QTest.keyClicks(QApplication.focusWidget(), "3")
    key(Qt.Key.Key_Return)
    assert guide.running
    for expected in range(1, 5):
        key(Qt.Key.Key_PageDown)
        assert guide.index == expected
    key(Qt.Key.Key_Escape)
    key(Qt.Key.Key_Return)
    assert not guide.running
    key(Qt.Key.Key_Escape)
    assert not guide.isVisible()

    # Preferences: the dark theme, by keys.
    activate(window)

    def in_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PreferencesDialog)
        activate(dialog)
        assert QApplication.focusWidget() is dialog.theme
        key(Qt.Key.Key_Down)
        key(Qt.Key.Key_Escape)

    QTimer.singleShot(0, in_dialog)
    key(Qt.Key.Key_Comma, Mod.ControlModifier)
    assert window.theme.name == "dark"
