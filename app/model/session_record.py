"""What happened in one guided session: screens seen, holds completed, time per area.

It holds nothing about the client (no name, no notes, no findings) and is
never written to disk; the summary at the end of a session is made from it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from app.model.countdown import Clock


@dataclass(frozen=True)
class SessionSummary:
    """The numbers the end-of-session summary shows.

    Attributes:
        elapsed: seconds from the start to the end of the session.
        screens_seen: how many of the guide's screens were shown.
        steps_done: the protocol step numbers shown at least once, in order.
        holds_completed: how many timed holds ran to their end.
        timers_completed: how many other timers ran to their end.
        seconds_by_area: time spent on each area's screens, in the order first met.
    """

    elapsed: float
    screens_seen: int
    steps_done: tuple[int, ...]
    holds_completed: int
    timers_completed: int
    seconds_by_area: tuple[tuple[str, float], ...]


class SessionRecord:
    """Keeps the time on each screen and the holds completed, on an injected clock."""

    def __init__(self, clock: Clock = time.monotonic) -> None:
        self._clock = clock
        self._started = clock()
        self._ended: float | None = None
        self._current: tuple[str, str | None, int | None] | None = None
        self._entered = self._started
        self._seen: dict[str, int | None] = {}
        self._by_area: dict[str, float] = {}
        self.holds_completed = 0
        self.timers_completed = 0

    @property
    def elapsed(self) -> float:
        """Seconds since the session started (frozen once it ended)."""
        end = self._ended if self._ended is not None else self._clock()
        return max(0.0, end - self._started)

    @property
    def ended(self) -> bool:
        """Whether :meth:`end` was called."""
        return self._ended is not None

    @property
    def screens_seen(self) -> list[str]:
        """The keys of the screens shown, in the order first shown."""
        return list(self._seen)

    def enter(self, key: str, area: str | None = None, step: int | None = None) -> None:
        """Note that a screen is shown from now on (the previous one's time is booked)."""
        if self._ended is not None:
            return
        self._book()
        self._current = (key, area, step)
        self._seen.setdefault(key, step)

    def hold_completed(self) -> None:
        """Count a timed hold that ran to its end."""
        self.holds_completed += 1

    def timer_completed(self) -> None:
        """Count another timer (an area's, a technique's) that ran to its end."""
        self.timers_completed += 1

    def end(self) -> SessionSummary:
        """End the session (again is harmless) and return its summary."""
        if self._ended is None:
            self._book()
            self._current = None
            self._ended = self._clock()
        return self.summary()

    def summary(self) -> SessionSummary:
        """Return the numbers so far (the current screen's time included)."""
        by_area = dict(self._by_area)
        if self._current is not None and self._current[1] is not None and self._ended is None:
            area = self._current[1]
            by_area[area] = by_area.get(area, 0.0) + max(0.0, self._clock() - self._entered)
        steps = sorted({s for s in self._seen.values() if s is not None})
        return SessionSummary(
            elapsed=self.elapsed,
            screens_seen=len(self._seen),
            steps_done=tuple(steps),
            holds_completed=self.holds_completed,
            timers_completed=self.timers_completed,
            seconds_by_area=tuple(by_area.items()),
        )

    def _book(self) -> None:
        now = self._clock()
        if self._current is not None and self._current[1] is not None:
            area = self._current[1]
            self._by_area[area] = self._by_area.get(area, 0.0) + max(0.0, now - self._entered)
        self._entered = now
