"""A tender-point round: one timed hold on each point in turn, with a rest between.

A round runs on the same injected clock as :class:`~app.model.countdown.Countdown`
and chains its phases by deadline: the rest after a hold starts when the hold
ended, not when the UI noticed, and the next hold starts when the rest ended.
So a round of 18 holds of 30 s with 5 s rests takes exactly 18 x 30 + 17 x 5 s
of running time, however the polls fall.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Protocol, TypeVar

from app.model.countdown import Clock, Countdown, CountdownState, Cue, CueKind

# Top to bottom, as the hands travel over a client lying prone then supine.
SITE_ORDER = (
    "occiput",
    "low-cervical",
    "trapezius",
    "supraspinatus",
    "second-rib",
    "lateral-epicondyle",
    "gluteal",
    "greater-trochanter",
    "knee",
)
SIDE_ORDER = ("left", "right")  # the client's sides


class PointLike(Protocol):
    """What :func:`round_order` needs of a tender point (``TenderPointInfo`` fits)."""

    @property
    def id(self) -> str: ...  # noqa: D102

    @property
    def side(self) -> str: ...  # noqa: D102


P = TypeVar("P", bound=PointLike)


def point_site(point_id: str) -> str:
    """Return the body site of a tender-point id: ``"tp-low-cervical-right"`` -> ``"low-cervical"``."""
    site = point_id.removeprefix("tp-")
    for side in SIDE_ORDER:
        site = site.removesuffix(f"-{side}")
    return site


def round_order(points: Iterable[P]) -> list[P]:
    """Order tender points for a round: by site from head to knee, the client's left before right.

    Sites this module does not know go last, in the order they first appear.
    """
    indexed = list(enumerate(points))
    rank = {site: n for n, site in enumerate(SITE_ORDER)}
    for _, point in indexed:
        rank.setdefault(point_site(point.id), len(rank))

    def key(item: tuple[int, P]) -> tuple[int, int, int]:
        index, point = item
        side_rank = SIDE_ORDER.index(point.side) if point.side in SIDE_ORDER else len(SIDE_ORDER)
        return (rank[point_site(point.id)], side_rank, index)

    return [point for _, point in sorted(indexed, key=key)]


class RoundPhase(Enum):
    """What the round is doing."""

    READY = "ready"  # at a point, its hold not started
    HOLD = "hold"  # holding the current point (possibly paused)
    REST = "rest"  # the pause before the current point's hold (possibly paused)
    FINISHED = "finished"  # past the last point


class RoundEventKind(Enum):
    """What changed in a round; see :class:`RoundEvent`."""

    HOLD_CUE = "hold_cue"  # a cue of the current hold (``event.cue``)
    POINT_DONE = "point_done"  # the hold on ``event.index`` ran to its end
    REST_STARTED = "rest_started"  # resting before the hold on ``event.index``
    POINT_STARTED = "point_started"  # the hold on ``event.index`` began
    ROUND_FINISHED = "round_finished"


@dataclass(frozen=True)
class RoundEvent:
    """One change in a round, as returned by :meth:`TenderRound.poll`."""

    kind: RoundEventKind
    index: int
    point: str
    cue: Cue | None = None


class TenderRound:
    """Step through tender points with a timed hold on each and a rest between.

    Navigation (:meth:`next`, :meth:`previous`, :meth:`skip`) never starts a
    hold without a rest: while the round is counting, moving to another point
    starts the rest before it (time to move the hands); while it is paused or
    not started, it waits at the new point for :meth:`start`.

    Args:
        points: point ids in the order of the round (see :func:`round_order`).
        hold_seconds: length of each hold (from the content: 30 s).
        pause_seconds: rest between holds; 0 goes straight on.
        clock: monotonic seconds, as for :class:`Countdown`.
        get_ready: get-ready count before each hold, in seconds.
        warn_at: seconds left at which each hold warns, as for :class:`Countdown`.

    Raises:
        ValueError: with no points, or a negative pause.
    """

    def __init__(
        self,
        points: Sequence[str],
        hold_seconds: float,
        pause_seconds: float = 5.0,
        *,
        clock: Clock = time.monotonic,
        get_ready: int = 0,
        warn_at: float | None = 10.0,
    ) -> None:
        if not points:
            raise ValueError("a round needs at least one point")
        if pause_seconds < 0:
            raise ValueError(f"pause_seconds must be 0 or more, not {pause_seconds!r}")
        self._points = tuple(points)
        self._clock = clock
        self._hold_seconds = hold_seconds
        self._get_ready = get_ready
        self._warn_at = warn_at
        self._pause_seconds = float(pause_seconds)
        self._index = 0
        self._phase = RoundPhase.READY
        self._done: set[int] = set()
        self._skipped: set[int] = set()
        self._countdown = self._new_hold()
        self._events: list[RoundEvent] = []

    # -- what the round is ------------------------------------------------------

    @property
    def points(self) -> tuple[str, ...]:
        """The point ids, in round order."""
        return self._points

    @property
    def index(self) -> int:
        """Index of the current point (the last one once the round is finished)."""
        return self._index

    @property
    def current_point(self) -> str:
        """Id of the current point."""
        return self._points[self._index]

    @property
    def next_point(self) -> str | None:
        """Id of the point after the current one, if any."""
        return self._points[self._index + 1] if self._index + 1 < len(self._points) else None

    @property
    def phase(self) -> RoundPhase:
        """What the round is doing (as of the last poll)."""
        return self._phase

    @property
    def countdown(self) -> Countdown:
        """The countdown in charge now: the current hold, or the rest before it."""
        return self._countdown

    @property
    def done_count(self) -> int:
        """How many points have had a complete hold."""
        return len(self._done)

    @property
    def done(self) -> frozenset[int]:
        """Indices of the points that have had a complete hold."""
        return frozenset(self._done)

    @property
    def skipped(self) -> frozenset[int]:
        """Indices of the points skipped and not held since."""
        return frozenset(self._skipped - self._done)

    @property
    def pause_seconds(self) -> float:
        """Length of the rest between holds."""
        return self._pause_seconds

    @pause_seconds.setter
    def pause_seconds(self, seconds: float) -> None:
        """Change the rest for the rests still to come."""
        if seconds < 0:
            raise ValueError(f"pause_seconds must be 0 or more, not {seconds!r}")
        self._pause_seconds = float(seconds)

    @property
    def get_ready(self) -> int:
        """Length of the get-ready count before each hold, in seconds."""
        return self._get_ready

    @get_ready.setter
    def get_ready(self, seconds: int) -> None:
        """Change the get-ready count for the holds still to come, and for a hold not yet begun."""
        if seconds < 0:
            raise ValueError(f"get_ready must be 0 or more seconds, not {seconds!r}")
        self._get_ready = int(seconds)
        if self._phase is RoundPhase.READY:
            self._countdown = self._new_hold()

    @property
    def paused(self) -> bool:
        """Whether the hold or rest in progress is paused."""
        return self._countdown.state is CountdownState.PAUSED

    @property
    def total(self) -> int:
        """Number of points in the round."""
        return len(self._points)

    # -- commands -----------------------------------------------------------------

    def start(self) -> None:
        """Start the hold on the current point now (from READY, REST or a finished round: from the top)."""
        if self._phase is RoundPhase.FINISHED:
            self._index = 0
            self._done.clear()
            self._skipped.clear()
        self._begin_hold(None)

    def pause(self) -> None:
        """Pause the hold or rest in progress."""
        self._countdown.pause()

    def resume(self) -> None:
        """Resume a paused hold or rest."""
        self._countdown.resume()

    def toggle(self) -> None:
        """Do what Space does: start, pause or resume."""
        if self._phase in (RoundPhase.READY, RoundPhase.FINISHED):
            self.start()
        elif self.paused:
            self.resume()
        else:
            self.pause()

    def reset(self) -> None:
        """Redo the current point: back to READY with its full hold."""
        self._phase = RoundPhase.READY
        self._countdown = self._new_hold()

    def stop(self) -> None:
        """Stop the round where it is (Esc); :meth:`start` goes on from the current point."""
        self.reset()

    def next(self) -> None:
        """Go to the next point (the round finishes after the last)."""
        self._go_to(self._index + 1)

    def previous(self) -> None:
        """Go back to the previous point (redo the first; after the round, the last)."""
        self._go_to(self._index if self._phase is RoundPhase.FINISHED else max(0, self._index - 1))

    def skip(self) -> None:
        """Leave the current point out and go to the next; it is listed in :attr:`skipped`."""
        if self._phase is not RoundPhase.FINISHED and self._index not in self._done:
            self._skipped.add(self._index)
        self.next()

    def poll(self) -> list[RoundEvent]:
        """Advance the round to the clock and return what happened since the last poll, in order."""
        while True:
            cues = self._countdown.poll()
            if self._phase is RoundPhase.HOLD:
                self._emit_cues(cues)
            ended = self._countdown.finished_at
            if ended is None or self._phase not in (RoundPhase.HOLD, RoundPhase.REST):
                break
            if self._phase is RoundPhase.HOLD:
                self._done.add(self._index)
                self._skipped.discard(self._index)
                self._event(RoundEventKind.POINT_DONE)
                if self._index + 1 >= len(self._points):
                    self._finish()
                    break
                self._index += 1
                self._begin_rest(ended)
            else:
                self._begin_hold(ended)
        events, self._events = self._events, []
        return events

    # -- inside -------------------------------------------------------------------

    def _new_hold(self) -> Countdown:
        return Countdown(
            self._hold_seconds, clock=self._clock, get_ready=self._get_ready, warn_at=self._warn_at
        )

    def _event(self, kind: RoundEventKind, cue: Cue | None = None) -> None:
        self._events.append(RoundEvent(kind, self._index, self.current_point, cue))

    def _emit_cues(self, cues: list[Cue]) -> None:
        for cue in cues:
            if cue.kind is CueKind.START:
                self._event(RoundEventKind.POINT_STARTED)
            self._event(RoundEventKind.HOLD_CUE, cue)

    def _begin_hold(self, at: float | None) -> None:
        self._phase = RoundPhase.HOLD
        self._countdown = self._new_hold()
        self._countdown.start(at)

    def _begin_rest(self, at: float | None) -> None:
        if self._pause_seconds <= 0:
            self._begin_hold(at)
            return
        self._phase = RoundPhase.REST
        self._countdown = Countdown(self._pause_seconds, clock=self._clock, warn_at=None)
        self._countdown.start(at)
        self._countdown.poll()  # a rest has no cues of its own
        self._event(RoundEventKind.REST_STARTED)

    def _finish(self) -> None:
        self._phase = RoundPhase.FINISHED
        self._event(RoundEventKind.ROUND_FINISHED)

    def _go_to(self, index: int) -> None:
        counting = self._phase in (RoundPhase.HOLD, RoundPhase.REST) and not self.paused
        if self._phase is RoundPhase.FINISHED and index >= len(self._points):
            return
        if index >= len(self._points):
            self._countdown = self._new_hold()
            self._finish()
            return
        self._index = index
        if counting:
            self._begin_rest(None)
        else:
            self.reset()
