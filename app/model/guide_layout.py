"""Where the content puts each technique of a session: its step, its maps, its timer.

These are the pieces :mod:`app.model.session_guide` lays a session out
with; they read the content and the focus area, nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from app.model.content import Catalog, Technique
from app.model.countdown import Clock, Countdown
from app.model.session_focus import FocusArea

SOFT_LIMIT_SECONDS = 420.0  # the article's "7" of "7–10 minutes per area", used if the text cannot be read
HOLD_GET_READY = 3  # FibroMap's 3-2-1 before a hold, to get the hands in place
_RANGE = re.compile(r"(\d+)\s*[–-]\s*(\d+)\s*minutes")


class TimerKind(Enum):
    """How a screen's timer is used."""

    AREA = "area"  # a limit per area, with a soft mark before the end
    HOLD = "hold"  # a hold repeated point after point (tender points)
    TECHNIQUE = "technique"  # one timed technique (occipital work)


@dataclass(frozen=True)
class GuideTimer:
    """A screen's timer, from the card's ``duration_seconds``."""

    kind: TimerKind
    seconds: float
    soft_seconds: float | None = None
    get_ready: int = 0

    @property
    def marks(self) -> tuple[float, ...]:
        """Seconds elapsed at which a MARK cue falls: the soft limit, then the firm one."""
        if self.soft_seconds is None:
            return ()
        return (self.soft_seconds, self.seconds)

    def countdown(self, clock: Clock) -> Countdown:
        """Return a fresh countdown for this timer."""
        return Countdown(self.seconds, clock=clock, get_ready=self.get_ready, marks=self.marks)


@dataclass(frozen=True)
class StepMap:
    """A map shown on a screen.

    Attributes:
        map_id: the map.
        regions: the regions to tint.
        techniques: the techniques whose arrows stand out.
        points: the tender points to ring.
    """

    map_id: str
    regions: tuple[str, ...]
    techniques: tuple[str, ...]
    points: tuple[str, ...] = ()


def area_timer(technique: Technique, catalog: Catalog) -> GuideTimer | None:
    """Return the timer a card's duration gives, or ``None``.

    A card whose duration text gives a range of minutes ("7–10 minutes per
    area") times an area: the firm limit is ``duration_seconds``, the soft one
    the range's lower end when its upper end matches, else the article's 7
    minutes. A card the tender points name times a hold, repeated per point.
    """
    seconds = technique.duration_seconds
    if not seconds:
        return None
    if any(technique.id in point.techniques for point in catalog.points.values()):
        return GuideTimer(TimerKind.HOLD, seconds, get_ready=HOLD_GET_READY)
    found = _RANGE.findall(technique.duration or "")
    if len(found) == 1:
        low, high = (int(n) * 60 for n in found[0])
        soft = float(low) if high == seconds and 0 < low < high else SOFT_LIMIT_SECONDS
        return GuideTimer(TimerKind.AREA, seconds, soft if soft < seconds else None)
    return GuideTimer(TimerKind.TECHNIQUE, seconds)


def covered(catalog: Catalog, focus: FocusArea, technique_id: str) -> bool:
    """Tell whether a technique applies anywhere in the focus area."""
    if focus.full_body:
        return True
    for info in catalog.maps.values():
        regions = focus.allowed_regions(info)
        if any(technique_id in info.regions[r].techniques for r in regions):
            return True
    return False


def step_maps(catalog: Catalog, focus: FocusArea, techniques: tuple[str, ...]) -> tuple[StepMap, ...]:
    """Return the maps where techniques apply in a focus area.

    Maps made for the technique (listing it for the whole map: the figures
    map, the tender-point map) come first, from the whole content; then the
    focus area's own maps where one of its regions lists the technique. A
    general technique (one the content applies to every area of every map)
    that no region names gets a regional focus area's maps, all of their
    regions; in a full-body session it gets none (the whole body is no news).
    """
    wanted = set(techniques)
    point_techniques = {t for point in catalog.points.values() for t in point.techniques}
    points = tuple(p for p in focus.points if wanted & set(catalog.points[p].techniques))
    found: list[StepMap] = []
    for info in catalog.maps.values():
        if wanted & set(info.techniques):
            if wanted & point_techniques:
                found.append(StepMap(info.id, (), techniques, points))
                continue
            allowed = focus.allowed_regions(info) if focus.covers_map(info.id) else tuple(info.regions)
            regions = tuple(r for r in allowed if wanted & set(info.regions[r].techniques))
            found.append(StepMap(info.id, regions, techniques))
    shown = {m.map_id for m in found}
    for focus_map in focus.maps:
        info = catalog.maps[focus_map.map_id]
        if info.id in shown:
            continue
        regions = tuple(r for r in focus.allowed_regions(info) if wanted & set(info.regions[r].techniques))
        if regions:
            found.append(StepMap(info.id, regions, techniques))
    if not found and not focus.full_body and wanted & set(catalog.general_techniques):
        for focus_map in focus.maps:
            info = catalog.maps[focus_map.map_id]
            found.append(StepMap(info.id, focus.allowed_regions(info), techniques))
    return tuple(found)


def placement(catalog: Catalog) -> tuple[dict[int, list[tuple[str, bool]]], list[str], int | None]:
    """Place every technique: per protocol step (id, placed by relation), the lubrication group, and its step.

    Returns:
        The techniques of each step in order, the group's techniques, and the
        step after which the group comes (``None``: before the first step).
    """
    by_step: dict[int, list[tuple[str, bool]]] = {
        step.number: [(t, False) for t in step.techniques] for step in catalog.protocol
    }
    listed = {t for step in catalog.protocol for t in step.techniques}
    group: list[str] = []
    figures = sorted(
        (t for t in catalog.techniques.values() if t.figure is not None), key=lambda t: t.figure or 0
    )
    for technique in figures:
        if technique.id in listed:
            continue
        if technique.protocol_step in by_step:
            by_step[technique.protocol_step].append((technique.id, False))
            continue
        related = (catalog.techniques.get(r) for r in technique.related)
        step = next((r.protocol_step for r in related if r is not None and r.protocol_step in by_step), None)
        if step is not None:
            by_step[step].append((technique.id, True))
        else:
            group.append(technique.id)
    dry = [
        step.number
        for step in catalog.protocol
        if any(catalog.techniques[t].lubrication is False for t in step.techniques)
    ]
    after = max(dry) if dry else (catalog.protocol[0].number if catalog.protocol else None)
    return by_step, group, after
