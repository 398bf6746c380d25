"""The countdown widget: keys, cues in order, the end prompt, sounds, flashes and the screensaver.

Time is a fake clock injected into the model; the widget's own QTimer only
decides when to look at it, so no test here waits for the hold to pass.
"""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QImage, QKeyEvent
from PySide6.QtWidgets import QApplication

from app.model.countdown import Countdown, CountdownState
from app.services.screensaver import ScreenSaverInhibitor
from app.ui.countdown_face import RING_THICKNESS, clock_text, ring_rect
from app.ui.countdown_widget import CountdownWidget
from app.ui.theme import LIGHT
from tests.fake_clock import FakeClock
from tests.ui.recorders import RecordingInhibitor, RecordingPlayer


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_timer(qtbot, clock):
    def factory(duration: float = 30, get_ready: int = 0, **kwargs) -> CountdownWidget:
        kwargs.setdefault("player", RecordingPlayer())
        kwargs.setdefault("flash", False)
        widget = CountdownWidget(Countdown(duration, clock=clock, get_ready=get_ready), **kwargs)
        qtbot.addWidget(widget)
        widget.resize(400, 440)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return factory


def test_clock_text_rounds_up():
    assert clock_text(30) == "0:30"
    assert clock_text(29.2) == "0:30"
    assert clock_text(12.0) == "0:12"
    assert clock_text(0.01) == "0:01"
    assert clock_text(0) == "0:00"
    assert clock_text(600) == "10:00"
    assert clock_text(720) == "12:00"


def test_space_starts_pauses_and_resumes(qtbot, make_timer, clock):
    widget = make_timer()
    with qtbot.waitSignal(widget.started, timeout=1000):
        qtbot.keyClick(widget, Qt.Key.Key_Space)
    assert widget.countdown.state is CountdownState.RUNNING
    clock.advance(5)
    with qtbot.waitSignal(widget.paused, timeout=1000):
        qtbot.keyClick(widget, Qt.Key.Key_Space)
    assert widget.countdown.state is CountdownState.PAUSED
    assert widget.status_text() == "Paused"
    clock.advance(100)
    with qtbot.waitSignal(widget.resumed, timeout=1000):
        qtbot.keyClick(widget, Qt.Key.Key_Space)
    assert widget.countdown.remaining == 25


def test_held_space_does_not_toggle_again(qtbot, make_timer):
    widget = make_timer()
    qtbot.keyClick(widget, Qt.Key.Key_Space)
    repeat = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, " ", True)
    QApplication.sendEvent(widget, repeat)
    assert widget.countdown.state is CountdownState.RUNNING


def test_the_end_prompt_appears_at_the_end(qtbot, make_timer, clock):
    widget = make_timer()
    widget.start()
    clock.advance(29.9)
    widget.tick()
    assert not widget.end_prompt_visible
    clock.advance(0.1)
    with qtbot.waitSignal(widget.finished, timeout=1000):
        widget.tick()
    assert widget.end_prompt_visible
    assert widget.end_prompt == "Withdraw pressure quickly"
    assert "Withdraw pressure quickly" in widget.accessibleDescription()
    image = widget.grab().toImage()
    assert _near(image.pixelColor(*_ring_point(widget, -45, 0.8)), LIGHT.caution_fill)
    assert _ring_colour(widget, image, 200) == LIGHT.arrow_highlight


def test_the_repaint_timer_finds_the_end_by_itself(qtbot, make_timer, clock):
    widget = make_timer()
    widget.start()
    clock.advance(31)  # the hold is over; the next timer tick must notice
    with qtbot.waitSignal(widget.finished, timeout=2000):
        pass
    assert widget.end_prompt_visible
    qtbot.waitUntil(lambda: not widget._timer.isActive(), timeout=2000)


def test_the_repaint_timer_is_precise_and_runs_only_while_counting(make_timer, clock):
    widget = make_timer()
    assert widget._timer.timerType() is Qt.TimerType.PreciseTimer
    assert not widget._timer.isActive()
    widget.start()
    assert widget._timer.isActive()
    widget.toggle()
    assert not widget._timer.isActive()


def test_a_single_shot_wakes_the_widget_when_the_next_cue_is_due(qtbot, make_timer, clock):
    widget = make_timer(duration=30)
    widget.start()
    # The warning falls at 10 s left: 20 s from now on the model's clock.
    assert widget._cue_timer.isActive()
    assert widget._cue_timer.timerType() is Qt.TimerType.PreciseTimer
    assert 19_900 < widget._cue_timer.remainingTime() <= 20_000
    clock.advance(29.5)
    widget.tick()  # the warning is handed out; now the end is next, half a second away
    assert 400 < widget._cue_timer.remainingTime() <= 500
    widget.toggle()  # paused: nothing to wake for
    assert not widget._cue_timer.isActive()


def test_cues_fire_in_order_with_sounds(qtbot, make_timer, clock):
    widget = make_timer(get_ready=3)
    names: list[str] = []
    widget.cue.connect(names.append)
    qtbot.keyClick(widget, Qt.Key.Key_Space)
    for _ in range(3 + 30):
        clock.advance(1)
        widget.tick()
    assert names == ["get_ready", "get_ready", "get_ready", "start", "warning", "end"]
    assert widget.player.played == names


def test_after_a_stall_every_cue_is_signalled_but_one_sound_plays(qtbot, make_timer, clock):
    widget = make_timer()
    names: list[str] = []
    widget.cue.connect(names.append)
    widget.start()
    clock.advance(40)
    widget.tick()
    assert names == ["start", "warning", "end"]
    assert widget.player.played == ["start", "end"]


def test_r_resets_after_the_end(qtbot, make_timer, clock):
    widget = make_timer()
    widget.start()
    clock.advance(31)
    widget.tick()
    with qtbot.waitSignal(widget.stopped, timeout=1000):
        qtbot.keyClick(widget, Qt.Key.Key_R)
    assert not widget.end_prompt_visible
    assert widget.countdown.state is CountdownState.IDLE
    assert widget.countdown.remaining == 30


def test_r_resets_a_running_hold(qtbot, make_timer, clock):
    widget = make_timer()
    widget.start()
    clock.advance(12)
    qtbot.keyClick(widget, Qt.Key.Key_R)
    assert widget.countdown.state is CountdownState.IDLE
    assert widget.countdown.remaining == 30


def test_escape_stops_and_no_end_follows(qtbot, make_timer, clock):
    widget = make_timer()
    names: list[str] = []
    widget.cue.connect(names.append)
    widget.start()
    clock.advance(3)
    with qtbot.waitSignal(widget.stopped, timeout=1000):
        qtbot.keyClick(widget, Qt.Key.Key_Escape)
    clock.advance(60)
    widget.tick()
    assert names == ["start"]
    assert widget.countdown.state is CountdownState.IDLE


def test_ctrl_r_is_left_to_the_window(qtbot, make_timer, clock):
    widget = make_timer()
    widget.start()
    qtbot.keyClick(widget, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert widget.countdown.state is CountdownState.RUNNING


def test_the_screen_is_kept_on_only_while_counting(make_timer, clock):
    inhibitor = RecordingInhibitor()
    widget = make_timer(inhibitor=inhibitor)
    widget.start()
    widget.toggle()
    widget.toggle()
    clock.advance(31)
    widget.tick()
    assert inhibitor.calls == [True, False, True, False]


def test_a_new_model_that_counts_keeps_the_screen_on(make_timer, clock):
    inhibitor = RecordingInhibitor()
    widget = make_timer(inhibitor=inhibitor)
    rest = Countdown(5, clock=clock, warn_at=None)
    rest.start()
    widget.set_countdown(rest)
    clock.advance(5)
    widget.tick()
    assert inhibitor.calls == [True, False]


def test_cues_are_announced_to_screen_readers(make_timer, clock, monkeypatch):
    from PySide6.QtGui import QAccessible

    said: list[str] = []
    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(
        QAccessible, "updateAccessibility", staticmethod(lambda event: said.append(event.message()))
    )
    widget = make_timer(duration=15, get_ready=2)
    widget.start()
    for _ in range(17):
        clock.advance(1)
        widget.tick()
    assert said == ["2", "1", "0:15 left", "0:10 left", "Withdraw pressure quickly"]


def test_a_custom_end_prompt(make_timer, clock):
    widget = make_timer(duration=180, end_prompt="Occipital work done")
    widget.start()
    clock.advance(180)
    widget.tick()
    assert widget.end_prompt_visible
    assert widget.accessibleDescription().startswith("Occipital work done")


def test_the_ring_shows_what_is_left(make_timer, clock):
    widget = make_timer()
    widget.resize(600, 600)
    widget.start()
    clock.advance(18)  # 12 s left: two fifths of the ring, blue
    widget.tick()
    image = widget.grab().toImage()
    assert _ring_colour(widget, image, 60) == LIGHT.arrow
    assert _ring_colour(widget, image, 200) != LIGHT.arrow
    clock.advance(7)  # 5 s left: inside the warning, orange
    widget.tick()
    image = widget.grab().toImage()
    assert _ring_colour(widget, image, 30) == LIGHT.arrow_highlight


def test_a_cue_flashes_the_background(make_timer, clock):
    widget = make_timer(flash=True)
    widget.start()
    assert widget.flash_colour() is not None
    image = widget.grab().toImage()
    assert not _near(image.pixelColor(3, 3), LIGHT.canvas)


def test_accessible_name_and_description(make_timer, clock):
    widget = make_timer()
    assert widget.accessibleName() == "Countdown timer"
    assert widget.accessibleDescription() == "0:30 — Ready"
    widget.start()
    clock.advance(18)
    widget.tick()
    assert widget.accessibleDescription() == "0:12 — Holding"


def test_the_widget_takes_focus(make_timer):
    widget = make_timer()
    assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_set_countdown_keeps_the_end_prompt_until_the_next_hold_starts(make_timer, clock):
    widget = make_timer()
    widget.start()
    clock.advance(30)
    widget.tick()
    rest = Countdown(5, clock=clock, warn_at=None)
    rest.start()
    widget.set_countdown(rest)
    assert widget.end_prompt_visible, "a round's rest still says: let go"
    assert widget.countdown.remaining == 5
    clock.advance(5)
    widget.set_countdown(Countdown(30, clock=clock))
    widget.start()
    assert not widget.end_prompt_visible


def test_clear_end_prompt(make_timer, clock):
    widget = make_timer()
    widget.start()
    clock.advance(30)
    widget.tick()
    widget.clear_end_prompt()
    assert not widget.end_prompt_visible


def test_a_default_widget_is_quiet_without_sound_or_bus(qtbot, clock, monkeypatch, tmp_path):
    """The real CuePlayer and a real inhibitor where neither sound nor bus exists: no error, no warning."""
    monkeypatch.delenv("PULSE_SERVER", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    widget = CountdownWidget(
        Countdown(2, clock=clock), inhibitor=ScreenSaverInhibitor(bus_address=f"unix:path={tmp_path}/none")
    )
    qtbot.addWidget(widget)
    widget.start()
    clock.advance(2)
    widget.tick()
    assert widget.end_prompt_visible
    assert not widget.player.available


def _near(colour: QColor, want: str, slack: int = 40) -> bool:
    target = QColor(want)
    return (
        abs(colour.red() - target.red())
        + abs(colour.green() - target.green())
        + abs(colour.blue() - target.blue())
        < slack
    )


def _ring_point(widget: CountdownWidget, degrees_clockwise: float, radius: float) -> tuple[int, int]:
    """A pixel at an angle clockwise from twelve o'clock, ``radius`` times the ring's outer radius out."""
    ring = ring_rect(widget.width(), widget.height())
    angle = math.radians(degrees_clockwise)
    r = ring.width() / 2 * radius
    return round(ring.center().x() + r * math.sin(angle)), round(ring.center().y() - r * math.cos(angle))


def _ring_colour(widget: CountdownWidget, image: QImage, degrees_clockwise: float) -> str:
    """The colour on the middle of the ring's stroke at an angle, as a theme colour name if it is one."""
    colour = image.pixelColor(*_ring_point(widget, degrees_clockwise, 1 - RING_THICKNESS))
    for name in (LIGHT.arrow, LIGHT.arrow_highlight):
        if _near(colour, name):
            return name
    return colour.name()
