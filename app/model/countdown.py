"""A countdown that keeps exact time: tender-point holds, area limits, the prone limit.

The countdown never counts ticks. While it runs it keeps one deadline on an
injected monotonic clock and computes everything (remaining time, state, due
cues) from ``deadline - now``, so a UI thread that stalls for two seconds makes
the display late but never makes the hold longer.

One run is a single timeline measured in seconds *to go*: an optional get-ready
count (3-2-1) followed by the hold. ``to_go`` starts at ``get_ready + duration``
and falls to 0. Every cue of the run sits at a fixed point of that timeline and
is handed out once by :meth:`Countdown.poll`, in timeline order, however late
or seldom the polls come.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum

Clock = Callable[[], float]


class CountdownState(Enum):
    """Where a countdown is; see :attr:`Countdown.state`."""

    IDLE = "idle"
    GET_READY = "get_ready"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


class CueKind(Enum):
    """What a cue announces; the value is the name the UI uses for it."""

    GET_READY_TICK = "get_ready"
    START = "start"
    MARK = "mark"
    WARNING = "warning"
    END = "end"


@dataclass(frozen=True)
class Cue:
    """A moment of a run that the user should hear and see.

    Attributes:
        kind: what the moment is.
        value: the count for GET_READY_TICK (3, 2, 1), the seconds elapsed in
            the hold for MARK, the seconds left for WARNING, else 0.
        to_go: where on the run's timeline the cue is due (seconds to go).
        late: how many seconds after its due time the poll handed it out.
    """

    kind: CueKind
    value: float
    to_go: float
    late: float = 0.0


def _timeline(duration: float, get_ready: int, warn_at: float | None, marks: Sequence[float]) -> list[Cue]:
    """Return every cue of one run in the order they fall due."""
    cues = [Cue(CueKind.GET_READY_TICK, n, duration + n) for n in range(get_ready, 0, -1)]
    cues.append(Cue(CueKind.START, 0, duration))
    cues += [Cue(CueKind.MARK, m, duration - m) for m in sorted(marks)]
    if warn_at is not None and 0 < warn_at < duration:
        cues.append(Cue(CueKind.WARNING, warn_at, warn_at))
    cues.append(Cue(CueKind.END, 0, 0.0))
    # Stable: at equal times the order above (marks, then warning) holds.
    return sorted(cues, key=lambda c: -c.to_go)


class Countdown:
    """A deadline-based countdown with an optional get-ready count and cues.

    Args:
        duration: length of the hold in seconds (> 0).
        clock: returns monotonic seconds; ``time.monotonic`` unless a test
            injects a fake one.
        get_ready: length of the 3-2-1 count before the hold, in whole
            seconds; 0 starts the hold at once.
        warn_at: seconds left at which the WARNING cue falls; ``None`` or a
            value not below ``duration`` gives no warning.
        marks: seconds elapsed in the hold at which a MARK cue falls (for
            example 420 and 600 for a 7-10 minute area limit); each in
            ``(0, duration]``.

    Raises:
        ValueError: on a duration, get-ready length or mark out of range.
    """

    def __init__(
        self,
        duration: float,
        *,
        clock: Clock = time.monotonic,
        get_ready: int = 0,
        warn_at: float | None = 10.0,
        marks: Sequence[float] = (),
    ) -> None:
        if not duration > 0 or math.isinf(duration):
            raise ValueError(f"duration must be a positive number of seconds, not {duration!r}")
        if get_ready < 0:
            raise ValueError(f"get_ready must be 0 or more seconds, not {get_ready!r}")
        bad = [m for m in marks if not 0 < m <= duration]
        if bad:
            raise ValueError(f"marks must lie within the hold (0, {duration}], not {bad}")
        self._clock = clock
        self._duration = float(duration)
        self._get_ready = int(get_ready)
        self._warn_at = warn_at
        self._marks = tuple(float(m) for m in marks)
        self._cues = _timeline(self._duration, self._get_ready, warn_at, self._marks)
        self._deadline: float | None = None  # clock time the run ends, while it runs
        self._frozen: float | None = None  # seconds to go, while paused
        self._next_cue = 0

    # -- configuration ----------------------------------------------------------

    @property
    def duration(self) -> float:
        """Length of the hold in seconds."""
        return self._duration

    @property
    def get_ready(self) -> int:
        """Length of the get-ready count in seconds (0: none)."""
        return self._get_ready

    @property
    def warn_at(self) -> float | None:
        """Seconds left at which the WARNING cue falls, if it falls at all."""
        return self._warn_at if self._warn_at is not None and 0 < self._warn_at < self._duration else None

    @property
    def marks(self) -> tuple[float, ...]:
        """Seconds elapsed in the hold at which MARK cues fall."""
        return self._marks

    # -- what the clock says ----------------------------------------------------

    def _to_go(self) -> float:
        """Seconds until the end of the run, including any get-ready left."""
        if self._deadline is not None:
            return self._deadline - self._clock()
        if self._frozen is not None:
            return self._frozen
        return self._get_ready + self._duration

    @property
    def state(self) -> CountdownState:
        """The state now; GET_READY, RUNNING and FINISHED follow the clock."""
        if self._frozen is not None:
            return CountdownState.PAUSED
        if self._deadline is None:
            return CountdownState.IDLE
        to_go = self._deadline - self._clock()
        if to_go <= 0:
            return CountdownState.FINISHED
        return CountdownState.GET_READY if to_go > self._duration else CountdownState.RUNNING

    @property
    def remaining(self) -> float:
        """Seconds left in the hold, between 0 and :attr:`duration`."""
        return min(self._duration, max(0.0, self._to_go()))

    @property
    def get_ready_remaining(self) -> float:
        """Seconds left in the get-ready count (0 once the hold has begun)."""
        return max(0.0, self._to_go() - self._duration)

    @property
    def progress(self) -> float:
        """Fraction of the hold done, from 0 (not begun) to 1 (over)."""
        return 1.0 - self.remaining / self._duration

    @property
    def is_active(self) -> bool:
        """Whether the clock is moving this countdown (get-ready or running)."""
        return self.state in (CountdownState.GET_READY, CountdownState.RUNNING)

    @property
    def finished_at(self) -> float | None:
        """Clock time at which the run ended, once it has finished."""
        if self.state is CountdownState.FINISHED:
            return self._deadline
        return None

    # -- commands -----------------------------------------------------------------

    def start(self, at: float | None = None) -> None:
        """Begin a fresh run (the get-ready count first, if any), from any state.

        Args:
            at: clock time the run counts from; ``None`` for now. A caller
                chaining runs (a tender-point round) passes the previous
                run's end so late polls never add up.
        """
        begin = self._clock() if at is None else at
        self._deadline = begin + self._get_ready + self._duration
        self._frozen = None
        self._next_cue = 0

    def pause(self) -> None:
        """Freeze the run where it is; nothing happens unless it is counting."""
        if self.is_active:
            self._frozen = self._to_go()
            self._deadline = None

    def resume(self) -> None:
        """Continue a paused run with the time it had left; else nothing."""
        if self._frozen is not None:
            self._deadline = self._clock() + self._frozen
            self._frozen = None

    def toggle(self) -> None:
        """Do what Space does: start when idle, pause when counting, resume when paused, restart when over."""
        state = self.state
        if state is CountdownState.PAUSED:
            self.resume()
        elif state in (CountdownState.GET_READY, CountdownState.RUNNING):
            self.pause()
        else:
            self.start()

    def reset(self) -> None:
        """Go back to IDLE with the full duration; cues not yet handed out are dropped."""
        self._deadline = None
        self._frozen = None
        self._next_cue = 0

    def stop(self) -> None:
        """Abandon the run (Esc): the same as :meth:`reset`, and no END cue follows.

        It is a separate command so that owners can give Esc and R different
        meanings (a round stops altogether on Esc, but only redoes a hold on R).
        """
        self.reset()

    def next_cue_in(self) -> float | None:
        """Seconds until the next cue not yet handed out falls due; ``None`` unless counting.

        A view that polls on a frame timer can also wake exactly then, so a cue
        (above all the END) is never a frame late.
        """
        if self._deadline is None or self._next_cue >= len(self._cues):
            return None
        return max(0.0, self._to_go() - self._cues[self._next_cue].to_go)

    def poll(self) -> list[Cue]:
        """Return, in order, the cues that fell due since the last poll.

        Each cue of a run is returned exactly once, however late or seldom the
        polls come; a paused or idle countdown returns nothing new.
        """
        if self._deadline is None and self._frozen is None:
            return []
        to_go = self._to_go()
        due: list[Cue] = []
        while self._next_cue < len(self._cues) and self._cues[self._next_cue].to_go >= to_go:
            cue = self._cues[self._next_cue]
            due.append(Cue(cue.kind, cue.value, cue.to_go, late=max(0.0, cue.to_go - to_go)))
            self._next_cue += 1
        return due
