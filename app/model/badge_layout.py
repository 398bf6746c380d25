"""Where each arrow's number badge goes: near its base, clear of everything else.

The article's arrows carry their number at the start of the stroke. We try
positions around the base, preferring behind it (opposite the pull), and keep
the first one that touches no other arrow, badge, label or tender point.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from shapely.geometry import LineString, Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from app.model.body_map import Arrow
from app.model.geometry import XY

# Angles (degrees) away from "straight behind the base", tried in this order.
CANDIDATE_TURNS = (0, 35, -35, 70, -70, 105, -105, 140, -140, 180)
CANDIDATE_DISTANCES = (1.0, 1.5, 2.1)


def place_badges(
    arrows: Sequence[Arrow],
    radius: float,
    obstacles: Sequence[BaseGeometry] = (),
    gap: float = 4.0,
    shaft_half_width: float = 4.0,
) -> dict[int, XY]:
    """Return the centre of each arrow's number badge, keyed by arrow number.

    Args:
        arrows: the map's arrows.
        radius: the badge radius in map units.
        obstacles: other things to keep clear of (label boxes, points).
        gap: the least space between a badge and anything else.
        shaft_half_width: half the drawn width of an arrow's shaft.

    Returns:
        Badge centres; an arrow whose every candidate collides gets the least bad one.
    """
    shafts = {a.order: LineString(a.polyline).buffer(shaft_half_width + gap) for a in arrows}
    fixed = unary_union(list(obstacles)) if obstacles else None
    placed: dict[int, XY] = {}
    placed_discs: list[BaseGeometry] = []
    for arrow in arrows:
        others = unary_union([s for order, s in shafts.items() if order != arrow.order] + placed_discs)
        own_shaft = LineString(arrow.polyline).buffer(shaft_half_width + gap)
        best: tuple[float, XY] | None = None
        for centre in _candidates(arrow, radius, gap):
            disc = Point(centre).buffer(radius)
            overlap = disc.intersection(others).area if not others.is_empty else 0.0
            if fixed is not None:
                overlap += disc.intersection(fixed).area
            overlap += disc.intersection(own_shaft).area
            if overlap == 0.0:
                best = (0.0, centre)
                break
            if best is None or overlap < best[0]:
                best = (overlap, centre)
        assert best is not None
        placed[arrow.order] = best[1]
        placed_discs.append(Point(best[1]).buffer(radius + gap))
    return placed


def _candidates(arrow: Arrow, radius: float, gap: float) -> list[XY]:
    bx, by = arrow.base
    dx, dy = arrow.start_direction
    behind = math.atan2(-dy, -dx)
    base_distance = radius + gap + 6.0  # clear of the base dot
    out = []
    for scale in CANDIDATE_DISTANCES:
        for turn in CANDIDATE_TURNS:
            angle = behind + math.radians(turn)
            d = base_distance * scale
            out.append((bx + d * math.cos(angle), by + d * math.sin(angle)))
    return out
