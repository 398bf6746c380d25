"""The session guide walked with the keyboard only, and with the mouse only, on fake time."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.model.countdown import CountdownState
from app.model.guide_layout import TimerKind
from app.model.session_guide import ScreenKind
from app.services.library import load_library
from app.ui.session_guide import SessionGuideWindow
from tests.fake_clock import FakeClock
from tests.ui.recorders import RecordingInhibitor, RecordingPlayer

K = Qt.Key


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def guide(qtbot, library, clock) -> SessionGuideWindow:
    window = SessionGuideWindow(
        library.catalog, library.maps, clock=clock, player=RecordingPlayer(), inhibitor=RecordingInhibitor()
    )
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    return window


def press(qtbot, window: QWidget, key: Qt.Key, text: str = "") -> None:
    """Press a key where the keyboard focus is, as a user (or a pedal) would."""
    target = window.focusWidget() or window
    if text:
        qtbot.keyClicks(target, text)
    else:
        qtbot.keyClick(target, key)


def wait(window: SessionGuideWindow, clock: FakeClock, seconds: float) -> None:
    """Let time pass and give the window its regular look at the clock."""
    clock.advance(seconds)
    window.tick()


def test_a_whole_session_by_keyboard_only(qtbot, guide, clock):
    assert guide.page() is guide.start_page
    press(qtbot, guide, K.Key_1, "12")  # the session number is selected: typing replaces it
    press(qtbot, guide, K.Key_Tab)  # to the focus choice, then along it with the arrows
    press(qtbot, guide, K.Key_Right)
    press(qtbot, guide, K.Key_Space)
    press(qtbot, guide, K.Key_Return)
    assert guide.running
    assert guide.guide.session == 12
    assert guide.guide.focus.id == "lower-back-buttocks"
    assert guide.inhibitor.calls == [True]
    assert guide.page() is guide.rules_page
    assert guide.current.kind is ScreenKind.INTRO

    press(qtbot, guide, K.Key_PageDown)  # step 1: the area timer
    step = guide.current
    assert step.step_number == 1
    assert step.timer.kind is TimerKind.AREA
    assert guide.page() is guide.step_page
    timer = guide.step_page.timer_column
    press(qtbot, guide, K.Key_Space)
    assert timer.widget.countdown.state is CountdownState.RUNNING
    wait(guide, clock, 421)
    assert "7 min" in timer.status.text()
    assert "mark" in guide.player.played
    wait(guide, clock, 180)
    assert timer.widget.countdown.state is CountdownState.FINISHED
    assert timer.widget.end_prompt_visible
    assert guide.top.clock.text().endswith("10:01")

    press(qtbot, guide, K.Key_Right)
    press(qtbot, guide, K.Key_Left)  # back and forth with the arrows too
    assert guide.current.step_number == 1
    while guide.current.key != "step-6-tender-point-therapy":
        press(qtbot, guide, K.Key_PageDown)
    hold = guide.step_page.timer_column
    assert hold.timer.kind is TimerKind.HOLD
    for _ in range(2):
        press(qtbot, guide, K.Key_Space)
        wait(guide, clock, hold.timer.get_ready + hold.timer.seconds + 0.1)
    assert hold.holds == 2
    assert "2" in hold.status.text()
    press(qtbot, guide, K.Key_Space)  # a third hold, paused on leaving the screen
    wait(guide, clock, 5)
    press(qtbot, guide, K.Key_PageDown)
    press(qtbot, guide, K.Key_PageUp)
    assert guide.step_page.timer_column.widget.countdown.state is CountdownState.PAUSED

    press(qtbot, guide, K.Key_Escape)  # end? no, keep going
    assert guide.nav.confirming
    press(qtbot, guide, K.Key_PageDown)
    assert guide.current.key == "step-6-tender-point-therapy", "no moving on while asked to confirm"
    press(qtbot, guide, K.Key_Escape)
    assert not guide.nav.confirming
    assert guide.running
    press(qtbot, guide, K.Key_Escape)
    press(qtbot, guide, K.Key_Return)

    assert not guide.running
    assert guide.page() is guide.summary_page
    assert guide.inhibitor.calls == [True, False]
    summary = guide.record.summary()
    assert summary.holds_completed == 2
    assert summary.timers_completed == 1
    assert summary.steps_done == (1, 2, 3, 4, 5, 6)
    on_screen = 10 * 60 + 1 + 2 * 33.1 + 5
    assert dict(summary.seconds_by_area) == {"Lower back and buttocks": pytest.approx(on_screen)}
    texts = [w.text() for w in guide.summary_page.findChildren(type(guide.top.clock))]
    assert "Holds completed" in texts
    assert any(t.startswith("6 of 7") for t in texts)
    assert any("Lower back and buttocks: 11:12" in t for t in texts)
    press(qtbot, guide, K.Key_Return)  # another session
    assert guide.page() is guide.start_page


def test_next_through_every_screen_finishes_with_the_summary(qtbot, guide, clock):
    press(qtbot, guide, K.Key_2, "28")
    press(qtbot, guide, K.Key_Return)
    screens = guide.guide.screens
    assert 8 in guide.guide.step_numbers, "periosteal massage belongs to session 28"
    seen = []
    for _ in screens:
        seen.append(guide.current.key)
        wait(guide, clock, 30)
        press(qtbot, guide, K.Key_PageDown)
    assert seen == [s.key for s in screens]
    assert guide.page() is guide.summary_page
    assert guide.record.summary().screens_seen == len(screens)
    assert guide.record.summary().steps_done == tuple(range(1, 9))


def test_a_held_pedal_moves_one_screen(qtbot, guide):
    press(qtbot, guide, K.Key_Return)
    for repeat in (False, True, True):
        event = QKeyEvent(QEvent.Type.KeyPress, K.Key_PageDown, Qt.KeyboardModifier.NoModifier, "", repeat)
        QApplication.sendEvent(guide, event)
    assert guide.index == 1


def test_session_1_shows_the_aggravation_warning_and_no_full_body(qtbot, guide):
    start = guide.start_page
    full = start.focus_buttons.button(len(start.areas) - 1)
    assert not full.isEnabled(), "full body comes after the first three to four treatments"
    assert "Full-body treatment comes into consideration" in start.focus_rule.text()
    start.set_choice(4, "full-body")
    assert full.isEnabled()
    start.set_choice(1, "neck-upper-back")
    press(qtbot, guide, K.Key_Return)
    texts = [w.text() for w in guide.rules_page.findChildren(type(guide.top.clock))]
    assert any("Tell the client this may happen" in t for t in texts)
    assert any("massage chair" in t for t in texts)
    while guide.current.kind is not ScreenKind.CLOSING:
        press(qtbot, guide, K.Key_PageDown)
    closing = [w.text() for w in guide.rules_page.findChildren(type(guide.top.clock))]
    assert any(t.startswith("No exercise program yet") for t in closing)


def test_periosteal_massage_is_marked_not_in_session_5(qtbot, guide):
    guide.start_page.set_choice(5, "neck-upper-back")
    press(qtbot, guide, K.Key_Return)
    while guide.current.step_number != 8:
        press(qtbot, guide, K.Key_PageDown)
    assert guide.step_page.title.text().startswith("Not in this session")
    assert not guide.step_page.timer_column.isVisibleTo(guide)
    assert not guide.step_page.map_panel.isVisibleTo(guide)


def test_prone_watch_warns_then_alarms_across_screens(qtbot, guide, clock, library):
    press(qtbot, guide, K.Key_Return)
    suggestion = next(r.text for r in library.catalog.rules if r.id == "neck-side-lying")
    press(qtbot, guide, K.Key_P)  # the client lies prone
    assert guide.prone.prone
    wait(guide, clock, 5 * 60)
    press(qtbot, guide, K.Key_PageDown)  # a screen that does not state a position keeps her prone
    wait(guide, clock, 5 * 60)
    assert guide.top.prone.text().startswith("Prone 10:00")
    assert guide.banner.isVisibleTo(guide)
    assert suggestion in guide.banner.text.text()
    assert guide.player.played == ["warning"]
    wait(guide, clock, 2 * 60)
    assert "over 12:00" in guide.top.prone.text()
    assert guide.player.played == ["warning", "end"]
    while guide.current.technique is None or guide.current.technique.id != "occipital-work":
        press(qtbot, guide, K.Key_PageDown)  # side-lying: the stretch ends
    assert not guide.prone.prone
    assert not guide.banner.isVisibleTo(guide)
    assert guide.top.prone.text().startswith("Not prone")


def test_maintenance_by_keyboard(qtbot, guide):
    spin = guide.start_page.spin
    press(qtbot, guide, K.Key_3, "30")
    press(qtbot, guide, K.Key_Up)
    assert spin.text() == "Maintenance"
    press(qtbot, guide, K.Key_Return)
    assert guide.guide.session is None
    assert guide.top.session.text().startswith("Maintenance session")


def test_a_session_by_mouse_only(qtbot, guide, clock):
    start = guide.start_page
    qtbot.mouseClick(start.session_buttons.button(12), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(start.focus_buttons.button(0), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(start.start_button, Qt.MouseButton.LeftButton)
    assert guide.guide.session == 12
    qtbot.mouseClick(guide.nav.next, Qt.MouseButton.LeftButton)
    column = guide.step_page.timer_column
    qtbot.mouseClick(column.toggle_button, Qt.MouseButton.LeftButton)
    wait(guide, clock, 60)
    assert column.widget.countdown.state is CountdownState.RUNNING
    qtbot.mouseClick(column.reset_button, Qt.MouseButton.LeftButton)
    assert column.widget.countdown.state is CountdownState.IDLE
    panel = guide.step_page.map_panel
    first = panel.index
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert panel.index == first + 1
    qtbot.mouseClick(guide.top.prone, Qt.MouseButton.LeftButton)
    assert guide.prone.prone
    qtbot.mouseClick(guide.nav.end, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(guide.nav.confirm, Qt.MouseButton.LeftButton)
    assert guide.page() is guide.summary_page
    qtbot.mouseClick(guide.summary_page.close_button, Qt.MouseButton.LeftButton)
    assert not guide.isVisible()


def test_type_is_large_at_1920_by_1080_and_scales_with_the_window(qtbot, guide, clock):
    guide.start_page.set_choice(12, "neck-upper-back")
    press(qtbot, guide, K.Key_Return)
    press(qtbot, guide, K.Key_PageDown)
    page = guide.step_page
    assert guide.scale == pytest.approx(1.0)
    assert page.title.font().pointSizeF() >= 28
    bullets = [w for w in page.text_column.findChildren(type(page.title)) if w.text().startswith("• ")]
    assert bullets
    assert min(w.font().pointSizeF() for w in bullets) >= 18
    assert not page.text_scroll.verticalScrollBar().maximum(), "the step's text fits without scrolling"
    guide.resize(1280, 800)
    qtbot.waitUntil(lambda: guide.scale < 0.7)
    assert page.title.font().pointSizeF() == pytest.approx(34 * guide.scale)
    press(qtbot, guide, K.Key_PageDown)  # a screen filled at the new size is scaled too
    assert page.title.font().pointSizeF() == pytest.approx(34 * guide.scale)


def test_closing_the_guide_forgets_the_session_as_its_summary_promises(qtbot, guide, clock):
    # "This summary is gone when you close the guide": opened again, the guide starts afresh.
    guide.start_session(3, guide.start_page.focus_area())
    press(qtbot, guide, K.Key_Right)
    wait(guide, clock, 90)
    guide.close()  # closed in the middle of the session, as between two clients
    assert not guide.running
    guide.show()
    qtbot.waitExposed(guide)
    assert guide.page() is guide.start_page
    assert guide.record is None
    assert guide.guide is None
    assert not guide.countdowns
    press(qtbot, guide, K.Key_Return)  # Enter on the start page still starts a session
    assert guide.running
    assert guide.index == 0
    press(qtbot, guide, K.Key_Escape)
    press(qtbot, guide, K.Key_Return)
    assert guide.page() is guide.summary_page
    qtbot.mouseClick(guide.summary_page.close_button, Qt.MouseButton.LeftButton)
    guide.show()
    assert guide.page() is guide.start_page, "a summary closed with its button is gone too"
