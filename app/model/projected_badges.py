"""Where the arrows' numbers go when they are grown for a projector: clear of each other and of every arrow.

Presentation mode grows the number badges so their digits are readable from the
back of a class; around the places :mod:`app.model.badge_layout` chose for the
small badges they would cover each other and the arrows. This places them again
for the grown radius: each badge as near its arrow's base (the dot) as it can
be, preferring behind it (opposite the pull), never on another badge, an
arrowhead, a base dot or more than :data:`SMALL_PART` of any shaft, inside the
screen, and off the map's texts where it can. A badge that finds no room at the
base goes further out and gets a thin leader line to its base dot, the usual
cartographic device; leaders that cross shafts or each other cost more.

Badges are placed in three orders (hardest first, by number, the reverse), each
then placed again among the others, and the cheapest layout kept; then pairs of
neighbours are placed again together, which undoes two badges blocking each
other. Pure Python on a few hundred points: about 10 ms for a map, under 200 ms
for the densest with every name shown.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from app.model.body_map import Arrow
from app.model.geometry import XY, polyline_length
from app.model.plane import (
    Box,
    box_distance,
    circle_box_overlap,
    crosses_polyline,
    polyline_length_in_circle,
    segment_distance,
    segments_cross,
    trimmed,
)

SMALL_PART = 0.2  # the most of any arrow's shaft that badges may cover, together
ANGLE_STEP = 15  # degrees between the directions tried around a base
RING_STEP = 0.6  # badge radii between the rings of places tried around a base
REACH = 6.0  # badge radii beyond the nearest ring: the farthest a badge goes
IMPROVING_ROUNDS = 3
LEADER_COST = 0.8  # what a leader line costs over a badge at its base
TEXT_TOUCH_COST = 2.0  # a badge touching a text at all (texts move aside, but not always far enough)
TEXT_COST = 20.0  # and wholly on it
CROSSING_COST = 3.0  # a leader across another arrow's shaft
ALONG_TURN = 35  # degrees off straight behind within which a leader lines up with its arrow
ALONG_COST = 1.0
AMBIGUOUS_COST = 1.5  # a badge as near another arrow's base as its own
VIOLATION = 100.0  # the cost of breaking a rule (only paid when nothing obeys them all)


@dataclass(frozen=True)
class BadgeSizes:
    """The sizes the layout keeps to, in map units.

    Attributes:
        radius: a badge's outer radius (its ring included).
        gap: the least clear space between a badge and anything else.
        dot_radius: an arrow's base dot.
        shaft_half_width: half the drawn width of a shaft (its halo included).
        head_length: an arrowhead's length along the arrow.
        head_half_width: half an arrowhead's width.
    """

    radius: float
    gap: float
    dot_radius: float = 8.0
    shaft_half_width: float = 5.5
    head_length: float = 26.0
    head_half_width: float = 11.0


@dataclass(frozen=True)
class BadgePlace:
    """A badge's centre and, when it sits away from its base, its leader line (badge edge to dot edge)."""

    centre: XY
    leader: tuple[XY, XY] | None = None


@dataclass(frozen=True)
class Stroke:
    """An arrow as the layout sees it: base dot, shaft (without the head's part) and head."""

    order: int
    base: XY
    shaft: tuple[XY, ...]
    head: tuple[XY, XY]  # tip, and the middle of the head's back
    behind: float  # the angle straight behind the base, opposite the pull
    bounds: Box

    @classmethod
    def of(cls, arrow: Arrow, sizes: BadgeSizes) -> Stroke:
        """Return the parts of ``arrow`` drawn with these sizes (as ``ArrowItem`` draws them)."""
        length = polyline_length(arrow.polyline)
        shaft = trimmed(arrow.polyline, max(0.0, length - sizes.head_length * 0.8))
        tx, ty = arrow.tip
        ex, ey = arrow.end_direction
        head = ((tx, ty), (tx - ex * sizes.head_length, ty - ey * sizes.head_length))
        sx, sy = arrow.start_direction
        xs = [p[0] for p in arrow.polyline]
        ys = [p[1] for p in arrow.polyline]
        bounds = (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        return cls(arrow.order, arrow.base, shaft, head, math.atan2(-sy, -sx), bounds)

    @property
    def shaft_length(self) -> float:
        """The drawn shaft's length."""
        return polyline_length(self.shaft)

    def near(self, point: XY, reach: float) -> bool:
        """Tell whether ``point`` is within ``reach`` of the arrow's bounding box (a quick pre-check)."""
        x, y, w, h = self.bounds
        return x - reach <= point[0] <= x + w + reach and y - reach <= point[1] <= y + h + reach


@dataclass
class _Candidate:
    place: BadgePlace
    cost: float  # what it costs alone (distance, direction, texts, leader crossings)
    broken: int  # rules it breaks alone
    covers: dict[int, float]  # shaft length covered, by arrow


def place_projected_badges(
    arrows: Sequence[Arrow],
    sizes: BadgeSizes,
    area: Box,
    texts: Sequence[Box] = (),
) -> dict[int, BadgePlace]:
    """Return each arrow's badge place, keyed by arrow number.

    Args:
        arrows: the map's arrows.
        sizes: the grown badge's radius and the gaps, in map units.
        area: where the badges must stay (what the screen shows), in map units.
        texts: the boxes of the texts shown; badges keep off them where they can
            (the texts are spread afterwards, clear of the badges).

    Returns:
        The places; when no place obeys every rule, the one that breaks fewest
        (:func:`app.model.badge_check.badge_problems` says which).
    """
    strokes = [Stroke.of(arrow, sizes) for arrow in arrows]
    allowed = {s.order: SMALL_PART * s.shaft_length for s in strokes}
    options = {s.order: _Options(s, strokes, sizes, area, texts, allowed) for s in strokes}
    near = {order: sum(1 for c in found.ring(0) if not c.broken) for order, found in options.items()}
    hardest_first = sorted(options, key=lambda o: (near[o], o))
    orders = (hardest_first, sorted(options), list(reversed(hardest_first)))
    layouts = [_settle(options, order) for order in orders]
    chosen = min(layouts, key=lambda layout: _total(layout, sizes, allowed))
    chosen = _trade(options, chosen, sizes, allowed)
    return {order: chosen[order].place for order in sorted(chosen)}


def _trade(
    options: dict[int, _Options], layout: dict[int, _Candidate], sizes: BadgeSizes, allowed: dict[int, float]
) -> dict[int, _Candidate]:
    """Place each pair of neighbouring badges again together, in both orders; keep what costs less.

    One badge moved alone cannot undo two that block each other (a leader across
    a neighbour's arrow because the neighbour took the free side).
    """
    best_total = _total(layout, sizes, allowed)
    reach = 6 * sizes.radius  # bases further apart seldom compete for one place
    numbers = sorted(layout)
    for index, first in enumerate(numbers):
        for second in numbers[index + 1 :]:
            if math.dist(options[first].stroke.base, options[second].stroke.base) > reach:
                continue
            for one, two in ((first, second), (second, first)):
                trial = {o: c for o, c in layout.items() if o not in (one, two)}
                trial[one] = options[one].best(trial)
                trial[two] = options[two].best(trial)
                total = _total(trial, sizes, allowed)
                if total < best_total - 1e-9:
                    layout, best_total = trial, total
    return layout


def _settle(options: dict[int, _Options], order: Sequence[int]) -> dict[int, _Candidate]:
    """Place the badges one by one in ``order``, then each again among the others until none moves."""
    chosen: dict[int, _Candidate] = {}
    for number in order:
        chosen[number] = options[number].best(chosen)
    for _ in range(IMPROVING_ROUNDS):
        changed = False
        for number in order:
            best = options[number].best({o: c for o, c in chosen.items() if o != number})
            if best is not chosen[number]:
                chosen[number], changed = best, True
        if not changed:
            break
    return chosen


def _total(layout: dict[int, _Candidate], sizes: BadgeSizes, allowed: dict[int, float]) -> float:
    """Return what a whole layout costs: each place alone and beside the others."""
    total = 0.0
    for number, place in layout.items():
        others = {o: c for o, c in layout.items() if o != number}
        total += place.cost + VIOLATION * place.broken + _among(place, others, sizes, allowed)
    return total


class _Options:
    """The places tried around one base, ring by ring outward, each ring made when first needed."""

    def __init__(
        self,
        stroke: Stroke,
        strokes: Sequence[Stroke],
        sizes: BadgeSizes,
        area: Box,
        texts: Sequence[Box],
        allowed: dict[int, float],
    ) -> None:
        self.stroke, self.strokes, self.sizes = stroke, strokes, sizes
        self.nearest = sizes.radius + sizes.dot_radius + sizes.gap
        farthest = self.nearest + (REACH + 1) * sizes.radius + sizes.gap
        self.area, self.allowed = area, allowed
        self.texts = [box for box in texts if box_distance(stroke.base, box) < farthest]  # those in reach
        self.rings: list[list[_Candidate]] = []
        self.turns = sorted(range(-180 + ANGLE_STEP, 181, ANGLE_STEP), key=lambda t: (abs(t), t))

    def ring(self, index: int) -> list[_Candidate]:
        """Return the places of one ring (0: touching the base dot), cheapest alone first."""
        while len(self.rings) <= index:
            self.rings.append(self._make_ring(len(self.rings)))
        return self.rings[index]

    def best(self, placed: dict[int, _Candidate]) -> _Candidate:
        """Return the cheapest place among the badges already placed: rules first, then cost."""
        best: _Candidate | None = None
        best_cost = math.inf
        for index in range(int(REACH / RING_STEP) + 1):
            if best_cost <= _least_cost(index):
                break  # every place further out costs more than this one
            for option in self.ring(index):  # cheapest alone first
                cost = option.cost + VIOLATION * option.broken
                if cost >= best_cost:
                    break
                cost += _among(option, placed, self.sizes, self.allowed)
                if cost < best_cost:
                    best, best_cost = option, cost
        return best if best is not None else self._nowhere()

    def _nowhere(self) -> _Candidate:
        """Return the place just behind the base, for an area with no place at all.

        A window too small to hold a badge (or a stage laid out before it is shown) gets a
        layout that breaks the screen rule, never an error; the next resize places it again.
        """
        bx, by = self.stroke.base
        angle = self.stroke.behind
        centre = (bx + self.nearest * math.cos(angle), by + self.nearest * math.sin(angle))
        return _Candidate(BadgePlace(centre, None), VIOLATION, 1, {})

    def _make_ring(self, index: int) -> list[_Candidate]:
        r, gap = self.sizes.radius, self.sizes.gap
        distance = self.nearest + index * RING_STEP * r
        ax, ay, aw, ah = self.area
        bx, by = self.stroke.base
        found = []
        for turn in self.turns:
            angle = self.stroke.behind + math.radians(turn)
            ux, uy = math.cos(angle), math.sin(angle)
            centre = (bx + distance * ux, by + distance * uy)
            if not (
                ax + r + gap <= centre[0] <= ax + aw - r - gap
                and ay + r + gap <= centre[1] <= ay + ah - r - gap
            ):
                continue  # off the screen: never
            leader = None
            if index > 0:
                dot = self.sizes.dot_radius
                leader = ((centre[0] - ux * r, centre[1] - uy * r), (bx + ux * dot, by + uy * dot))
            cost = _least_cost(index) + 0.4 * (1 - math.cos(math.radians(turn)))
            if leader is not None and abs(turn) < ALONG_TURN:
                cost += ALONG_COST  # a leader straight behind the base reads as the shaft's start
            broken, covers, extra = _alone(
                centre, leader, self.stroke, self.strokes, self.sizes, self.allowed
            )
            on_texts = [circle_box_overlap(centre, r + gap, box) for box in self.texts]
            cost += extra + sum(TEXT_TOUCH_COST + TEXT_COST * share for share in on_texts if share > 0)
            found.append(_Candidate(BadgePlace(centre, leader), cost, broken, covers))
        return sorted(found, key=lambda c: c.cost + VIOLATION * c.broken)


def _least_cost(ring: int) -> float:
    """Return the least a place on this ring costs: its distance out, and a leader beyond the first."""
    return ring * RING_STEP + (LEADER_COST if ring else 0.0)


def _alone(
    centre: XY,
    leader: tuple[XY, XY] | None,
    stroke: Stroke,
    strokes: Sequence[Stroke],
    sizes: BadgeSizes,
    allowed: dict[int, float],
) -> tuple[int, dict[int, float], float]:
    """Return the rules a place breaks against the arrows, the shafts it covers, and its extra cost."""
    r, gap = sizes.radius, sizes.gap
    reach = r + sizes.head_half_width + sizes.head_length + gap
    broken, cost = 0, 0.0
    covers: dict[int, float] = {}
    own = math.dist(centre, stroke.base)
    for other in strokes:
        if other.order != stroke.order and math.dist(centre, other.base) < own + r / 2:
            cost += AMBIGUOUS_COST  # it would read as the number of that arrow
        if other.near(centre, reach):
            if math.dist(centre, other.base) < r + sizes.dot_radius + gap:
                broken += 1
            if segment_distance(centre, *other.head) < r + sizes.head_half_width + gap:
                broken += 1
            covered = polyline_length_in_circle(other.shaft, centre, r + sizes.shaft_half_width)
            if covered > 0:
                covers[other.order] = covered
                if covered > allowed[other.order]:
                    broken += 1
                # Covering much of a short shaft hides the stroke; any long stretch of one is ugly too.
                cost += 4.0 * covered / max(other.shaft_length, 1.0) + 2.0 * covered / (2 * r)
    if broken or leader is None:
        return broken, covers, cost  # a place that breaks a rule is only taken when all do
    near = sizes.head_half_width + sizes.dot_radius + gap
    for other in strokes:
        if other.order != stroke.order and _boxes_meet(leader, other.bounds, near):
            if crosses_polyline(*leader, other.shaft):
                cost += CROSSING_COST
            if segment_distance(other.base, *leader) < sizes.dot_radius + gap:
                broken += 1  # a leader that runs through another dot points at the wrong arrow
            if _segment_gap(leader, other.head) < sizes.head_half_width:
                cost += 3.0
    if _runs_along(leader, stroke, sizes):
        broken += 1
    return broken, covers, cost


def _runs_along(leader: tuple[XY, XY], stroke: Stroke, sizes: BadgeSizes) -> bool:
    """Tell whether a leader runs over its own arrow (it would read as part of the stroke)."""
    (sx, sy), (ex, ey) = leader
    length = math.hypot(ex - sx, ey - sy)
    keep = max(0.0, length - sizes.dot_radius - sizes.gap) / max(length, 1e-9)
    far = (leader[0], (sx + (ex - sx) * keep, sy + (ey - sy) * keep))  # less its end at the dot
    clear = sizes.shaft_half_width + sizes.gap
    parts = [*zip(stroke.shaft, stroke.shaft[1:], strict=False), stroke.head]
    return any(_segment_gap(far, part) < clear for part in parts if _boxes_meet(part, _bounds(far), clear))


def _bounds(segment: tuple[XY, XY]) -> Box:
    (x1, y1), (x2, y2) = segment
    return (min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1))


def _among(
    option: _Candidate, placed: dict[int, _Candidate], sizes: BadgeSizes, allowed: dict[int, float]
) -> float:
    """Return what a place costs beside the badges already placed (a broken rule costs VIOLATION)."""
    r, gap = sizes.radius, sizes.gap
    centre, leader = option.place.centre, option.place.leader
    cost = 0.0
    for other in placed.values():
        there, its_leader = other.place.centre, other.place.leader
        if math.dist(centre, there) < 2 * r + gap:
            cost += VIOLATION
        if leader is not None and segment_distance(there, *leader) < r + gap / 2:
            cost += VIOLATION  # the leader would run under another badge
        if its_leader is not None and segment_distance(centre, *its_leader) < r + gap / 2:
            cost += VIOLATION
        if leader is not None and its_leader is not None and segments_cross(*leader, *its_leader):
            cost += 3.0
    for order, covered in option.covers.items():
        total = covered + sum(other.covers.get(order, 0.0) for other in placed.values())
        if total > allowed[order] >= covered:
            cost += VIOLATION  # together with the others it covers too much of that shaft
    return cost


def _boxes_meet(segment: tuple[XY, XY], bounds: Box, reach: float) -> bool:
    """Tell whether a segment's bounding box comes within ``reach`` of a box (a quick pre-check)."""
    (x1, y1), (x2, y2) = segment
    x, y, w, h = bounds
    return (
        min(x1, x2) <= x + w + reach
        and x - reach <= max(x1, x2)
        and min(y1, y2) <= y + h + reach
        and y - reach <= max(y1, y2)
    )


def _segment_gap(first: tuple[XY, XY], second: tuple[XY, XY]) -> float:
    """Return the least distance between two segments."""
    if segments_cross(*first, *second):
        return 0.0
    return min(
        segment_distance(first[0], *second),
        segment_distance(first[1], *second),
        segment_distance(second[0], *first),
        segment_distance(second[1], *first),
    )
