"""Stroke-order playback: a map's arrows drawn one after another, base to tip.

Like :mod:`app.model.countdown`, playback never counts ticks. It keeps one
anchor (a clock time and the timeline position at that time) and computes
everything from ``now - anchor``, so a UI thread that stalls makes the picture
late but never changes the order or the speed of the strokes.

The timeline is measured in *nominal seconds* (seconds at 1x speed): arrow 1 is
drawn over ``length / speed`` seconds, then the fingers rest for
``pause_between`` seconds, then arrow 2, and so on. With ``loop`` on, a rest
follows the last arrow and the timeline starts again. The speed factor (0.5x,
2x ...) scales how fast the clock walks the timeline.
"""

from __future__ import annotations

import bisect
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from app.model.body_map import Arrow
from app.model.countdown import Clock
from app.model.geometry import XY, point_along, polyline_length

# FibroMap's choice, not the article's: the article asks for a slow pull but gives
# no speed, and the maps have no physical scale. At 60 map units a second the
# hand map's arrows (75-115 units, roughly 5 cm of skin) take 1.2-1.9 s each,
# which reads as a slow connective-tissue pull and still plays a map in ~30 s.
SLOW_PULL_UNITS_PER_SECOND = 60.0
# FibroMap's choice: the rest between two strokes, while the fingers move on.
PAUSE_BETWEEN_SECONDS = 0.6
# The speed factors the UI offers.
SPEED_FACTORS = (0.5, 1.0, 2.0)


class PlaybackState(Enum):
    """Where a playback is; see :attr:`StrokePlayback.state`."""

    STOPPED = "stopped"
    PLAYING = "playing"
    PAUSED = "paused"
    FINISHED = "finished"


class PlaybackCueKind(Enum):
    """What a cue announces."""

    ARROW_START = "arrow_start"
    ARROW_END = "arrow_end"
    LOOP = "loop"
    FINISHED = "finished"


@dataclass(frozen=True)
class PlaybackCue:
    """A moment of the playback, handed out once by :meth:`StrokePlayback.poll`.

    Attributes:
        kind: what happened.
        order: the arrow's number for ARROW_START and ARROW_END, else 0.
    """

    kind: PlaybackCueKind
    order: int = 0


@dataclass(frozen=True)
class PlaybackFrame:
    """What to draw now.

    Attributes:
        state: the playback's state.
        completed: the numbers of the arrows drawn in full before the current one.
        current: the number of the arrow being drawn (or just drawn, during the
            rest after it); ``None`` when stopped or when the map has no arrows.
        fraction: how much of the current arrow is drawn, 0..1 of its length.
        fingertip: where the fingers are (on the current arrow), or ``None``.
    """

    state: PlaybackState
    completed: tuple[int, ...] = ()
    current: int | None = None
    fraction: float = 0.0
    fingertip: XY | None = None


STOPPED_FRAME = PlaybackFrame(PlaybackState.STOPPED)


class StrokePlayback:
    """Plays a map's arrows in number order on an injected monotonic clock.

    Args:
        arrows: the map's arrows (any order; played by number).
        clock: returns monotonic seconds; ``time.monotonic`` unless a test
            injects a fake one.
        speed_units_per_second: drawing speed at 1x, in map units a second.
        pause_between: nominal seconds of rest between two arrows.
        loop: start again after the last arrow.

    Raises:
        ValueError: on a speed that is not positive or a negative pause.
    """

    def __init__(
        self,
        arrows: Sequence[Arrow],
        clock: Clock = time.monotonic,
        speed_units_per_second: float = SLOW_PULL_UNITS_PER_SECOND,
        pause_between: float = PAUSE_BETWEEN_SECONDS,
        loop: bool = False,
    ) -> None:
        if not speed_units_per_second > 0 or math.isinf(speed_units_per_second):
            raise ValueError(
                f"speed must be a positive number of units a second, not {speed_units_per_second!r}"
            )
        if not pause_between >= 0:
            raise ValueError(f"pause_between must be 0 or more seconds, not {pause_between!r}")
        self._arrows = tuple(sorted(arrows, key=lambda a: a.order))
        self._clock = clock
        self._pause = float(pause_between)
        self._durations = [polyline_length(a.polyline) / speed_units_per_second for a in self._arrows]
        self._starts: list[float] = []
        at = 0.0
        for duration in self._durations:
            self._starts.append(at)
            at += duration + self._pause
        self._total = max(0.0, at - self._pause)  # the end of the last arrow
        self._loop = loop
        self._factor = 1.0
        self._state = PlaybackState.STOPPED
        self._anchor_time = clock()
        self._anchor_pos = 0.0  # unwrapped timeline position at the anchor time
        self._cue_pos = -1.0  # cues due at or before this position were handed out

    # -- what it is -------------------------------------------------------------

    @property
    def arrows(self) -> tuple[Arrow, ...]:
        """The arrows in the order they are played."""
        return self._arrows

    @property
    def speed_factor(self) -> float:
        """The current speed factor (1.0 is the slow pull)."""
        return self._factor

    @property
    def loop(self) -> bool:
        """Whether playback starts again after the last arrow."""
        return self._loop

    @property
    def total_seconds(self) -> float:
        """Nominal seconds from the first base to the last tip (at 1x)."""
        return self._total

    @property
    def state(self) -> PlaybackState:
        """Where the playback is; PLAYING turns FINISHED when the last arrow is drawn."""
        self._settle()
        return self._state

    # -- controls ---------------------------------------------------------------

    def play(self) -> None:
        """Play: from the start when stopped or finished, else from where it paused."""
        state = self.state
        if state is PlaybackState.PLAYING:
            return
        if state in (PlaybackState.STOPPED, PlaybackState.FINISHED):
            self._jump(0.0)
        self._reanchor(self._position())
        self._state = PlaybackState.PLAYING

    def pause(self) -> None:
        """Freeze the picture where it is."""
        if self.state is PlaybackState.PLAYING:
            self._reanchor(self._position())
            self._state = PlaybackState.PAUSED

    def toggle(self) -> None:
        """Pause when playing, else play."""
        if self.state is PlaybackState.PLAYING:
            self.pause()
        else:
            self.play()

    def stop(self) -> None:
        """Stop and go back to the start; nothing is drawn by the playback."""
        self._state = PlaybackState.STOPPED
        self._jump(0.0)

    def restart(self) -> None:
        """Play again from the first arrow."""
        self._state = PlaybackState.PLAYING
        self._jump(0.0)

    def step_next(self) -> None:
        """Pause with the next arrow drawn in full (the current one, if it is not yet)."""
        here = self._cycle_position()
        ends = [s + d for s, d in zip(self._starts, self._durations, strict=True)]
        later = [e for e in ends if e > here + 1e-9]
        if later:
            self._jump(self._cycle_base() + later[0])
        elif self._loop and ends:
            self._jump(self._cycle_base() + self._cycle() + ends[0])
        self._state = PlaybackState.PAUSED

    def step_previous(self) -> None:
        """Pause with the previous arrow drawn in full, or at the very start."""
        here = self._cycle_position()
        ends = [s + d for s, d in zip(self._starts, self._durations, strict=True)]
        earlier = [e for e in ends if e < here - 1e-9]
        self._jump(self._cycle_base() + (earlier[-1] if earlier else 0.0))
        self._state = PlaybackState.PAUSED

    def set_speed(self, factor: float) -> None:
        """Play at ``factor`` times the slow pull, from where it is now.

        Raises:
            ValueError: on a factor that is not positive.
        """
        if not factor > 0 or math.isinf(factor):
            raise ValueError(f"speed factor must be positive, not {factor!r}")
        self._reanchor(self._position())
        self._factor = float(factor)

    def set_loop(self, on: bool) -> None:
        """Start again after the last arrow, or stop there."""
        if on == self._loop:
            return
        position = self._position()
        if not on:
            # Keep the place within the current pass, not the passes already played.
            base = self._cycle_base()
            position -= base
            self._cue_pos -= base
        self._reanchor(position)
        self._loop = on

    # -- what to draw -----------------------------------------------------------

    def frame(self) -> PlaybackFrame:
        """Return what to draw now."""
        state = self.state
        if state is PlaybackState.STOPPED or not self._arrows:
            return PlaybackFrame(state)
        here = self._cycle_position()
        index = max(0, bisect.bisect_right(self._starts, here) - 1)
        duration = self._durations[index]
        fraction = 1.0 if duration <= 0 else min(1.0, max(0.0, (here - self._starts[index]) / duration))
        arrow = self._arrows[index]
        return PlaybackFrame(
            state,
            tuple(a.order for a in self._arrows[:index]),
            arrow.order,
            fraction,
            point_along(arrow.polyline, fraction),
        )

    def poll(self) -> list[PlaybackCue]:
        """Return the cues due since the last poll, each once and in timeline order.

        However late or seldom the polls come, no arrow's start or end is skipped;
        after a jump (step, restart) the cues before the new place are not given.
        """
        if self.state is PlaybackState.STOPPED:
            return []
        now = self._position()
        if now <= self._cue_pos:
            return []
        due: list[tuple[float, int, PlaybackCue]] = []
        cycle = self._cycle()
        first = max(0, math.floor(self._cue_pos / cycle)) if self._loop and cycle > 0 else 0
        last = math.floor(now / cycle) if self._loop and cycle > 0 else 0
        for k in range(first, last + 1):
            base = k * cycle
            for rank, (arrow, start, duration) in enumerate(
                zip(self._arrows, self._starts, self._durations, strict=True)
            ):
                due.append((base + start, 2 * rank, PlaybackCue(PlaybackCueKind.ARROW_START, arrow.order)))
                due.append(
                    (
                        base + start + duration,
                        2 * rank + 1,
                        PlaybackCue(PlaybackCueKind.ARROW_END, arrow.order),
                    )
                )
            if self._loop:
                if k > 0:  # a new pass begins before its first arrow does
                    due.append((base, -1, PlaybackCue(PlaybackCueKind.LOOP)))
            else:
                due.append((self._total, 2 * len(self._arrows), PlaybackCue(PlaybackCueKind.FINISHED)))
        out = [cue for at, _, cue in sorted(due, key=lambda d: (d[0], d[1])) if self._cue_pos < at <= now]
        self._cue_pos = now
        return out

    # -- the timeline -----------------------------------------------------------

    def _cycle(self) -> float:
        """Nominal seconds of one pass when looping: the arrows and a rest after the last."""
        return self._total + self._pause if self._arrows else 0.0

    def _position(self) -> float:
        """The unwrapped timeline position now (frozen unless playing)."""
        if self._state is not PlaybackState.PLAYING:
            return self._anchor_pos
        position = self._anchor_pos + (self._clock() - self._anchor_time) * self._factor
        return position if self._loop else min(position, self._total)

    def _cycle_base(self) -> float:
        """Where the current pass began on the unwrapped timeline."""
        cycle = self._cycle()
        if not self._loop or cycle <= 0:
            return 0.0
        return math.floor(self._position() / cycle) * cycle

    def _cycle_position(self) -> float:
        """The position within the current pass."""
        return self._position() - self._cycle_base()

    def _settle(self) -> None:
        """Turn PLAYING into FINISHED once the last tip is reached (without looping)."""
        if self._state is not PlaybackState.PLAYING:
            return
        if not self._arrows or (not self._loop and self._position() >= self._total):
            self._reanchor(self._total)
            self._state = PlaybackState.FINISHED

    def _reanchor(self, position: float) -> None:
        self._anchor_time = self._clock()
        self._anchor_pos = position

    def _jump(self, position: float) -> None:
        """Move to a place; cues due exactly there are handed out by the next poll."""
        self._reanchor(position)
        self._cue_pos = math.nextafter(position, -math.inf)
