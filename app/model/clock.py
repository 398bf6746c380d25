"""A clock that moves only when told: screenshots and tests show timers at chosen moments."""

from __future__ import annotations


class ManualClock:
    """Monotonic seconds that change only through :meth:`advance`."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        """Return the current time."""
        return self.now

    def advance(self, seconds: float) -> None:
        """Move the clock forward."""
        self.now += seconds
