"""How long the client has been lying prone, against the article's limit of 12 minutes at a time.

The watch runs on an injected monotonic clock, like the countdown: it keeps
the moment the current prone stretch began and computes everything from it,
so it keeps counting across the guide's screens while the client stays
prone. Turning the client (side-lying or supine) ends the stretch: the limit
is "at a time". The limit itself comes from the content (the positioning
card's ``duration_seconds``); the earlier warning is FibroMap's choice.
"""

from __future__ import annotations

import time
from enum import Enum

from app.model.countdown import Clock

PRONE_WARN_SECONDS = 600.0  # FibroMap's warning, two minutes before the article's 12-minute limit


class Position(Enum):
    """What a screen's content says about the client's position."""

    PRONE = "prone"
    SIDE_LYING = "side-lying"
    UNSTATED = "unstated"


class ProneLevel(Enum):
    """Where the current stretch stands against the limit."""

    NOT_PRONE = "not_prone"
    PRONE = "prone"
    WARNING = "warning"
    ALARM = "alarm"


_PRONE_WORDS = ("prone", "lying on her stomach", "lies on her stomach", "face down")
_SIDE_WORDS = ("on her side", "side-lying", "side lying")


def position_from_text(text: str | None) -> Position:
    """Read a card's client-position text: prone, side-lying, or not stated.

    Text that names neither (an arm position, or no text at all) is UNSTATED,
    so the guide keeps the position the client already has.
    """
    lowered = (text or "").lower()
    if any(word in lowered for word in _PRONE_WORDS):
        return Position.PRONE
    if any(word in lowered for word in _SIDE_WORDS):
        return Position.SIDE_LYING
    return Position.UNSTATED


class ProneWatch:
    """Times the current prone stretch and the prone time of the whole session.

    Args:
        limit: seconds prone at a time that raise the alarm (> 0).
        warn_at: seconds prone at which the warning comes; capped below the limit.
        clock: monotonic seconds; ``time.monotonic`` unless a test injects one.

    Raises:
        ValueError: on a limit that is not positive.
    """

    def __init__(
        self, limit: float, *, warn_at: float = PRONE_WARN_SECONDS, clock: Clock = time.monotonic
    ) -> None:
        if not limit > 0:
            raise ValueError(f"limit must be a positive number of seconds, not {limit!r}")
        self._clock = clock
        self.limit = float(limit)
        self.warn_at = min(float(warn_at), self.limit)
        self._since: float | None = None  # clock time the current stretch began
        self._earlier = 0.0  # prone seconds of stretches that have ended
        self._announced: set[ProneLevel] = set()
        self._stopped_at: float | None = None

    def _now(self) -> float:
        return self._stopped_at if self._stopped_at is not None else self._clock()

    @property
    def prone(self) -> bool:
        """Whether the client is prone now."""
        return self._since is not None

    @property
    def stretch(self) -> float:
        """Seconds of the current prone stretch (0 when not prone)."""
        return 0.0 if self._since is None else max(0.0, self._now() - self._since)

    @property
    def total(self) -> float:
        """Prone seconds of the whole session so far."""
        return self._earlier + self.stretch

    @property
    def remaining(self) -> float:
        """Seconds of the current stretch left before the limit (0 once over)."""
        return max(0.0, self.limit - self.stretch)

    @property
    def level(self) -> ProneLevel:
        """The state now, from the clock."""
        if self._since is None:
            return ProneLevel.NOT_PRONE
        stretch = self.stretch
        if stretch >= self.limit:
            return ProneLevel.ALARM
        if stretch >= self.warn_at:
            return ProneLevel.WARNING
        return ProneLevel.PRONE

    def set_prone(self, prone: bool) -> None:
        """Record that the client is now prone, or no longer (which ends the stretch)."""
        if self._stopped_at is not None or prone == self.prone:
            return
        if prone:
            self._since = self._clock()
            self._announced = set()
        else:
            self._earlier += self.stretch
            self._since = None

    def apply(self, position: Position) -> None:
        """Follow a screen's position: prone or side-lying; an unstated one changes nothing."""
        if position is not Position.UNSTATED:
            self.set_prone(position is Position.PRONE)

    def poll(self) -> list[ProneLevel]:
        """Return WARNING and ALARM once each per stretch, when they are reached, in order."""
        level = self.level
        reached = {
            ProneLevel.WARNING: (ProneLevel.WARNING,),
            ProneLevel.ALARM: (ProneLevel.WARNING, ProneLevel.ALARM),
        }
        due = [lvl for lvl in reached.get(level, ()) if lvl not in self._announced]
        self._announced.update(due)
        return due

    def stop(self) -> None:
        """Freeze the watch at the end of the session."""
        if self._stopped_at is None:
            self._stopped_at = self._clock()
