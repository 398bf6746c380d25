"""Arrow geometry for the quiz: the reversed stroke, arrows set side by side, and which arrow a click hits.

The direction question draws the true stroke and the same stroke reversed
next to each other; both are plain :class:`~app.model.body_map.Arrow` values,
so the UI draws them with the map's own arrow painter.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import replace

from app.model.body_map import Arrow
from app.model.geometry import XY, PathData, Segment, direction_at

# How far each of the two direction options is set off the true line, in map units:
# far enough apart that the two heads and base dots never touch (head half-width 11).
OPTION_OFFSET = 24.0
# A click within this distance of an arrow's line picks it (about a fingertip on the map).
ARROW_HIT_SLACK = 22.0


def reversed_path(path: PathData) -> PathData:
    """Return the same path run from its end to its start (curves keep their shape).

    Raises:
        ValueError: for a path that does not start with a move or that closes (an arrow never does).
    """
    if not path.segments or path.segments[0][0] != "M":
        raise ValueError("a path must start with a move (M)")
    ends: list[XY] = []
    pieces: list[Segment] = []
    for command, c in path.segments:
        if command == "Z":
            raise ValueError("a closed path has no direction to reverse")
        if command == "M" and ends:
            raise ValueError("an arrow is one stroke; this path has several")
        ends.append((c[-2], c[-1]))
        pieces.append((command, c))
    segments: list[Segment] = [("M", ends[-1])]
    # Walk back: each segment now runs from its end to the end of the one before it.
    for i in range(len(pieces) - 1, 0, -1):
        command, c = pieces[i]
        start = ends[i - 1]
        if command == "C":
            segments.append(("C", (c[2], c[3], c[0], c[1], start[0], start[1])))
        else:
            segments.append(("L", start))
    return PathData(tuple(segments))


def shifted_path(path: PathData, dx: float, dy: float) -> PathData:
    """Return the path moved by (dx, dy)."""
    moved: list[Segment] = []
    for command, c in path.segments:
        coords = tuple(v + (dx if k % 2 == 0 else dy) for k, v in enumerate(c))
        moved.append((command, coords))
    return PathData(tuple(moved))


def _with_path(arrow: Arrow, path: PathData, polyline: tuple[XY, ...]) -> Arrow:
    return replace(
        arrow,
        path=path,
        polyline=polyline,
        start_direction=direction_at(polyline, from_end=False),
        end_direction=direction_at(polyline, from_end=True),
    )


def reversed_arrow(arrow: Arrow) -> Arrow:
    """Return the stroke pulled the other way: its tip becomes the base and its base the tip."""
    return _with_path(arrow, reversed_path(arrow.path), tuple(reversed(arrow.polyline)))


def shifted_arrow(arrow: Arrow, dx: float, dy: float) -> Arrow:
    """Return the arrow moved by (dx, dy)."""
    polyline = tuple((x + dx, y + dy) for x, y in arrow.polyline)
    return _with_path(arrow, shifted_path(arrow.path, dx, dy), polyline)


def side_normal(arrow: Arrow) -> XY:
    """Return the unit vector square to the line from base to tip (the side to set options off to)."""
    (bx, by), (tx, ty) = arrow.base, arrow.tip
    length = math.hypot(tx - bx, ty - by) or 1.0
    return -(ty - by) / length, (tx - bx) / length


def direction_options(arrow: Arrow, true_first: bool) -> tuple[tuple[str, Arrow, XY], ...]:
    """Return the two options of a direction question: (id, arrow as drawn, outward side).

    Option 1 is set off to one side of the true line and option 2 to the other,
    so neither sits where the map draws the stroke. ``true_first`` says which
    of them is the true pull ("pull"); the other is reversed ("reversed").
    """
    nx, ny = side_normal(arrow)
    sides = ((nx, ny), (-nx, -ny))
    kinds = ("pull", "reversed") if true_first else ("reversed", "pull")
    options = []
    for kind, (sx, sy) in zip(kinds, sides, strict=True):
        drawn = arrow if kind == "pull" else reversed_arrow(arrow)
        options.append((kind, shifted_arrow(drawn, sx * OPTION_OFFSET, sy * OPTION_OFFSET), (sx, sy)))
    return tuple(options)


def distance_to_polyline(points: Sequence[XY], x: float, y: float) -> float:
    """Return the shortest distance from a point to a polyline."""
    best = math.inf
    for (ax, ay), (bx, by) in zip(points, points[1:], strict=False):
        vx, vy = bx - ax, by - ay
        span = vx * vx + vy * vy
        t = 0.0 if span == 0 else max(0.0, min(1.0, ((x - ax) * vx + (y - ay) * vy) / span))
        best = min(best, math.hypot(x - (ax + t * vx), y - (ay + t * vy)))
    return best


def arrow_at(arrows: Iterable[Arrow], x: float, y: float, slack: float = ARROW_HIT_SLACK) -> Arrow | None:
    """Return the arrow whose line passes nearest a map point, within ``slack``, or ``None``."""
    best: Arrow | None = None
    best_distance = slack
    for arrow in arrows:
        distance = distance_to_polyline(arrow.polyline, x, y)
        if distance <= best_distance:
            best, best_distance = arrow, distance
    return best
