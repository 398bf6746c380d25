"""The countdown model, driven by a fake clock: no test here waits for real time."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.model.countdown import Countdown, CountdownState, Cue, CueKind
from tests.fake_clock import FakeClock


def kinds(cues: list[Cue]) -> list[tuple[str, float]]:
    return [(c.kind.value, c.value) for c in cues]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def test_idle_until_started(clock):
    c = Countdown(30, clock=clock)
    clock.advance(100)
    assert c.state is CountdownState.IDLE
    assert c.remaining == 30
    assert c.progress == 0
    assert c.poll() == []


def test_start_counts_down_from_the_deadline(clock):
    c = Countdown(30, clock=clock)
    c.start()
    assert c.state is CountdownState.RUNNING
    clock.advance(12.5)
    assert c.remaining == 17.5
    assert c.progress == pytest.approx(12.5 / 30)
    clock.advance(17.5)
    assert c.state is CountdownState.FINISHED
    assert c.remaining == 0
    assert c.progress == 1
    clock.advance(5)
    assert c.remaining == 0, "never negative"


def test_pause_freezes_and_resume_continues(clock):
    c = Countdown(30, clock=clock)
    c.start()
    clock.advance(10)
    c.pause()
    assert c.state is CountdownState.PAUSED
    clock.advance(60)
    assert c.remaining == 20
    c.resume()
    assert c.state is CountdownState.RUNNING
    clock.advance(5)
    assert c.remaining == 15


def test_pause_and_resume_are_no_ops_where_they_do_not_apply(clock):
    c = Countdown(30, clock=clock)
    c.resume()
    c.pause()
    assert c.state is CountdownState.IDLE
    c.start()
    c.resume()
    assert c.state is CountdownState.RUNNING
    clock.advance(31)
    c.pause()
    assert c.state is CountdownState.FINISHED


def test_reset_returns_to_idle_with_the_full_duration(clock):
    c = Countdown(30, clock=clock)
    c.start()
    clock.advance(20)
    c.reset()
    assert c.state is CountdownState.IDLE
    assert c.remaining == 30
    clock.advance(40)
    assert c.poll() == [], "a reset run delivers no end"


def test_stop_abandons_the_run_without_an_end_cue(clock):
    c = Countdown(30, clock=clock)
    c.start()
    assert kinds(c.poll()) == [("start", 0)]
    clock.advance(5)
    c.stop()
    clock.advance(60)
    assert c.state is CountdownState.IDLE
    assert c.poll() == []


def test_toggle_has_space_semantics(clock):
    c = Countdown(30, clock=clock)
    c.toggle()
    assert c.state is CountdownState.RUNNING
    clock.advance(4)
    c.toggle()
    assert c.state is CountdownState.PAUSED
    clock.advance(4)
    c.toggle()
    assert c.state is CountdownState.RUNNING
    assert c.remaining == 26
    clock.advance(26)
    assert c.state is CountdownState.FINISHED
    c.toggle()
    assert c.state is CountdownState.RUNNING, "finished -> restart"
    assert c.remaining == 30


def test_end_is_cued_exactly_once(clock):
    c = Countdown(30, clock=clock)
    c.start()
    ends = 0
    for _ in range(400):
        clock.advance(0.1)
        ends += sum(1 for cue in c.poll() if cue.kind is CueKind.END)
    assert ends == 1


def test_warning_at_ten_seconds_left_once(clock):
    c = Countdown(30, clock=clock)
    c.start()
    c.poll()
    clock.advance(19.9)
    assert c.poll() == []
    clock.advance(0.1)
    assert kinds(c.poll()) == [("warning", 10)]
    clock.advance(0.05)
    assert c.poll() == []


def test_warning_is_skipped_when_the_hold_is_shorter(clock):
    c = Countdown(8, clock=clock)
    c.start()
    clock.advance(10)
    assert kinds(c.poll()) == [("start", 0), ("end", 0)]
    assert c.warn_at is None


def test_configurable_warning(clock):
    c = Countdown(60, clock=clock, warn_at=30)
    c.start()
    c.poll()
    clock.advance(30)
    assert kinds(c.poll()) == [("warning", 30)]


def test_marks_for_a_seven_to_ten_minute_area_limit(clock):
    c = Countdown(600, clock=clock, warn_at=None, marks=[420, 600])
    c.start()
    assert kinds(c.poll()) == [("start", 0)]
    clock.advance(419)
    assert c.poll() == []
    clock.advance(1)
    assert kinds(c.poll()) == [("mark", 420)]
    clock.advance(180)
    assert kinds(c.poll()) == [("mark", 600), ("end", 0)]


def test_marks_outside_the_hold_are_refused(clock):
    with pytest.raises(ValueError, match="marks"):
        Countdown(180, clock=clock, marks=[200])
    with pytest.raises(ValueError, match="duration"):
        Countdown(0, clock=clock)


def test_a_two_second_stall_does_not_stretch_the_hold(clock):
    c = Countdown(30, clock=clock)
    c.start()
    for _ in range(10):  # polls every 0.25 s ...
        clock.advance(0.25)
        c.poll()
    clock.advance(2.0)  # ... then the UI thread stalls
    c.poll()
    assert c.remaining == 30 - 2.5 - 2.0
    clock.advance(25.5)
    assert kinds(c.poll())[-1] == ("end", 0)
    assert c.state is CountdownState.FINISHED


def test_late_polls_deliver_each_cue_once_in_order(clock):
    c = Countdown(30, clock=clock, get_ready=3, marks=[15])
    c.start()
    clock.advance(2.5)
    first = c.poll()
    clock.advance(100)
    rest = c.poll()
    assert kinds(first + rest) == [
        ("get_ready", 3),
        ("get_ready", 2),
        ("get_ready", 1),
        ("start", 0),
        ("mark", 15),
        ("warning", 10),
        ("end", 0),
    ]
    assert rest[-1].late == pytest.approx(100 + 2.5 - 33)
    assert c.poll() == []


def test_next_cue_in_points_at_the_next_undelivered_cue(clock):
    c = Countdown(30, clock=clock, get_ready=3)
    assert c.next_cue_in() is None  # idle
    c.start()
    assert c.next_cue_in() == 0  # the "3" falls due at once
    c.poll()
    assert c.next_cue_in() == pytest.approx(1.0)  # the "2"
    clock.advance(3.25)
    c.poll()  # "2", "1" and the start
    assert c.next_cue_in() == pytest.approx(30 - 10 - 0.25)  # the warning at 10 s left
    c.pause()
    assert c.next_cue_in() is None  # nothing falls due while paused
    c.resume()
    clock.advance(30)
    c.poll()
    assert c.next_cue_in() is None  # every cue handed out


def test_get_ready_counts_three_two_one_then_starts(clock):
    c = Countdown(30, clock=clock, get_ready=3)
    c.start()
    assert c.state is CountdownState.GET_READY
    assert c.remaining == 30
    seen = kinds(c.poll())
    assert c.get_ready_remaining == 3
    clock.advance(1)
    seen += kinds(c.poll())
    clock.advance(1)
    seen += kinds(c.poll())
    assert c.get_ready_remaining == 1
    clock.advance(0.999)
    assert c.state is CountdownState.GET_READY
    clock.advance(0.001)
    seen += kinds(c.poll())
    assert seen == [("get_ready", 3), ("get_ready", 2), ("get_ready", 1), ("start", 0)]
    assert c.state is CountdownState.RUNNING
    assert c.remaining == 30


def test_pause_during_get_ready_keeps_the_count(clock):
    c = Countdown(30, clock=clock, get_ready=3)
    c.start()
    clock.advance(1.5)
    c.pause()
    clock.advance(10)
    c.resume()
    assert c.state is CountdownState.GET_READY
    assert c.get_ready_remaining == 1.5


def test_restart_delivers_the_cues_again(clock):
    c = Countdown(5, clock=clock)
    c.start()
    clock.advance(6)
    assert kinds(c.poll()) == [("start", 0), ("end", 0)]
    c.start()
    clock.advance(6)
    assert kinds(c.poll()) == [("start", 0), ("end", 0)]


def test_start_at_a_past_time_chains_runs_exactly(clock):
    c = Countdown(30, clock=clock)
    c.start(at=clock.now - 12)
    assert c.remaining == 18


ACTIONS = ("start", "pause", "resume", "toggle", "reset", "stop", "poll")
# Multiples of 1/8 s are exact in binary, so the comparison can be exact too.
steps = st.lists(
    st.tuples(st.integers(min_value=0, max_value=120).map(lambda n: n / 8), st.sampled_from(ACTIONS)),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(steps=steps, get_ready=st.integers(min_value=0, max_value=3))
def test_remaining_is_duration_minus_running_time(steps, get_ready):
    """Property: remaining = duration - time spent counting in the hold, clamped to [0, duration]."""
    clock = FakeClock()
    duration = 30.0
    c = Countdown(duration, clock=clock, get_ready=get_ready)
    counted = 0.0  # seconds the run has been counting (get-ready included)
    started = paused = False
    for advance, action in steps:
        clock.advance(advance)
        if started and not paused:
            counted += advance
        over = started and counted >= get_ready + duration
        if action == "start" or (action == "toggle" and (not started or over)):
            started, paused, counted = True, False, 0.0
        elif action == "pause" or (action == "toggle" and not paused):
            paused = started and not over
        elif action == "resume" or action == "toggle":
            paused = False
        elif action in ("reset", "stop"):
            started, paused, counted = False, False, 0.0
        getattr(c, action)()
        expected = min(duration, max(0.0, duration - max(0.0, counted - get_ready)))
        assert c.remaining == expected
        assert (c.state is CountdownState.PAUSED) == paused
