import pytest

from app.model.body_map import Arrow
from app.model.geometry import PathData, point_along
from app.model.stroke_playback import (
    SLOW_PULL_UNITS_PER_SECOND,
    PlaybackCue,
    PlaybackCueKind,
    PlaybackState,
    StrokePlayback,
)
from tests.fake_clock import FakeClock

SPEED = 60.0  # map units a second
PAUSE = 0.5


def arrow(order: int, length: float, y: float = 0.0, style: str = "pull") -> Arrow:
    points = ((0.0, y), (length / 2, y), (length, y))
    path = PathData((("M", points[0]), ("L", points[1]), ("L", points[2])))
    return Arrow(order, "r", path, points, (1.0, 0.0), (1.0, 0.0), style)


def make(loop: bool = False, lengths=(60.0, 120.0, 30.0)) -> tuple[StrokePlayback, FakeClock]:
    clock = FakeClock()
    # Given out of order on purpose: playback goes by number.
    arrows = [arrow(n, length, y=10.0 * n) for n, length in enumerate(lengths, 1)][::-1]
    return StrokePlayback(arrows, clock, SPEED, PAUSE, loop), clock


def test_default_speed_is_a_slow_pull():
    # FibroMap's choice: a 100-unit hand arrow (about 5 cm) takes well over a second.
    assert 1.2 <= 100 / SLOW_PULL_UNITS_PER_SECOND <= 2.0


def test_stopped_draws_nothing():
    playback, _ = make()
    frame = playback.frame()
    assert frame.state is PlaybackState.STOPPED
    assert frame.current is None
    assert frame.fingertip is None
    assert playback.poll() == []


def test_playback_reaches_every_arrow_in_order_with_monotone_fractions():
    playback, clock = make()
    playback.play()
    seen: list[int] = []
    last: tuple[int, float] = (0, -1.0)
    cues: list[PlaybackCue] = []
    while playback.state is PlaybackState.PLAYING:
        frame = playback.frame()
        assert frame.current is not None
        assert frame.completed == tuple(range(1, frame.current))
        if not seen or seen[-1] != frame.current:
            seen.append(frame.current)
        # Progress is monotone: by arrow number, then by fraction within an arrow.
        assert (frame.current, frame.fraction) >= last
        last = (frame.current, frame.fraction)
        expected = point_along(playback.arrows[frame.current - 1].polyline, frame.fraction)
        assert frame.fingertip == pytest.approx(expected)
        cues += playback.poll()
        clock.advance(1 / 60)
    assert seen == [1, 2, 3]
    assert playback.state is PlaybackState.FINISHED
    cues += playback.poll()
    assert [(c.kind.value, c.order) for c in cues] == [
        ("arrow_start", 1),
        ("arrow_end", 1),
        ("arrow_start", 2),
        ("arrow_end", 2),
        ("arrow_start", 3),
        ("arrow_end", 3),
        ("finished", 0),
    ]
    final = playback.frame()
    assert (final.completed, final.current, final.fraction) == ((1, 2), 3, 1.0)


def test_timing_follows_the_clock():
    playback, clock = make()
    playback.play()
    clock.advance(0.5)  # arrow 1 is 60 units: 1 s at 60 units/s
    frame = playback.frame()
    assert (frame.current, frame.fraction) == (1, pytest.approx(0.5))
    assert frame.fingertip == pytest.approx((30.0, 10.0))
    clock.advance(0.5 + PAUSE / 2)  # resting after arrow 1, fingers at its tip
    assert (playback.frame().current, playback.frame().fraction) == (1, 1.0)
    clock.advance(PAUSE / 2 + 1.0)  # half of arrow 2 (120 units, 2 s)
    frame = playback.frame()
    assert (frame.completed, frame.current, frame.fraction) == ((1,), 2, pytest.approx(0.5))


def test_pause_freezes_and_play_resumes():
    playback, clock = make()
    playback.play()
    clock.advance(0.25)
    playback.pause()
    frozen = playback.frame()
    clock.advance(30.0)
    assert playback.frame() == frozen
    assert playback.state is PlaybackState.PAUSED
    playback.toggle()
    clock.advance(0.25)
    frame = playback.frame()
    assert (frame.current, frame.fraction) == (1, pytest.approx(0.5))


def test_speed_changes_from_where_it_is():
    playback, clock = make()
    playback.play()
    clock.advance(0.25)
    playback.set_speed(2.0)
    clock.advance(0.25)
    assert playback.frame().fraction == pytest.approx(0.75)
    playback.set_speed(0.5)
    clock.advance(0.25)
    assert playback.frame().fraction == pytest.approx(0.875)
    with pytest.raises(ValueError, match="positive"):
        playback.set_speed(0)


def test_step_moves_one_arrow():
    playback, clock = make()
    playback.step_next()
    frame = playback.frame()
    assert playback.state is PlaybackState.PAUSED
    assert (frame.completed, frame.current, frame.fraction) == ((), 1, 1.0)
    playback.step_next()
    assert (playback.frame().current, playback.frame().fraction) == (2, 1.0)
    playback.step_previous()
    assert (playback.frame().current, playback.frame().fraction) == (1, 1.0)
    playback.step_previous()
    assert (playback.frame().current, playback.frame().fraction) == (1, 0.0)
    # Mid-arrow, "next" completes the arrow being drawn.
    playback.play()
    clock.advance(0.5)
    playback.step_next()
    assert (playback.frame().current, playback.frame().fraction) == (1, 1.0)
    clock.advance(5.0)  # stepping paused it
    assert playback.frame().current == 1
    # Play on from the step: the next cue is the start of arrow 2.
    playback.poll()
    playback.play()
    clock.advance(PAUSE + 0.1)
    assert playback.poll() == [PlaybackCue(PlaybackCueKind.ARROW_START, 2)]


def test_loop_restarts_and_no_loop_finishes():
    playback, clock = make(loop=True)
    playback.play()
    cycle = (60 + 120 + 30) / SPEED + 3 * PAUSE
    clock.advance(cycle + 0.5)
    frame = playback.frame()
    assert playback.state is PlaybackState.PLAYING
    assert (frame.completed, frame.current, frame.fraction) == ((), 1, pytest.approx(0.5))
    kinds = [c.kind for c in playback.poll()]
    assert kinds.count(PlaybackCueKind.LOOP) == 1
    assert kinds[-1] is PlaybackCueKind.ARROW_START
    playback.set_loop(False)
    clock.advance(cycle)
    assert playback.state is PlaybackState.FINISHED
    playback.play()  # from the start again
    assert playback.frame().current == 1
    assert playback.frame().fraction == 0.0


def test_restart_and_stop():
    playback, clock = make()
    playback.play()
    clock.advance(2.0)
    playback.restart()
    assert playback.frame().completed == ()
    assert playback.frame().fraction == 0.0
    assert playback.poll()[0] == PlaybackCue(PlaybackCueKind.ARROW_START, 1)
    playback.stop()
    assert playback.frame().current is None


def test_a_two_second_stall_does_not_skip_cue_order():
    playback, clock = make(lengths=(30.0, 30.0, 30.0, 30.0))
    playback.play()
    clock.advance(0.1)
    first = playback.poll()
    clock.advance(2.0)  # arrows 1 and 2 end, arrow 3 starts, in one stall
    late = playback.poll()
    assert [(c.kind.value, c.order) for c in first + late] == [
        ("arrow_start", 1),
        ("arrow_end", 1),
        ("arrow_start", 2),
        ("arrow_end", 2),
        ("arrow_start", 3),
    ]
    # The picture is where the clock says, not a tick later than before the stall.
    frame = playback.frame()
    assert (frame.completed, frame.current) == ((1, 2), 3)
    assert frame.fraction == pytest.approx((2.1 - 2 * (0.5 + PAUSE)) / 0.5)


def test_no_arrows_finishes_at_once():
    playback = StrokePlayback([], FakeClock())
    playback.play()
    assert playback.state is PlaybackState.FINISHED
    assert playback.frame().current is None


def test_bad_arguments():
    with pytest.raises(ValueError, match="speed"):
        StrokePlayback([], FakeClock(), 0)
    with pytest.raises(ValueError, match="pause_between"):
        StrokePlayback([], FakeClock(), 60, -1)
