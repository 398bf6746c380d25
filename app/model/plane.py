"""Small plane geometry for placing round badges among arrows: distances, crossings, covered lengths.

Plain Python on a few dozen points, so the projected map can place its numbers
again on every resize without shapely or numpy.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from app.model.geometry import XY

Box = tuple[float, float, float, float]  # x, y, width, height


def segment_distance(p: XY, a: XY, b: XY) -> float:
    """Return the distance from point ``p`` to the segment ``a``-``b``."""
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length2))
    return math.hypot(p[0] - ax - t * dx, p[1] - ay - t * dy)


def polyline_distance(p: XY, points: Sequence[XY]) -> float:
    """Return the distance from point ``p`` to a polyline (its only point, when it has one)."""
    if len(points) == 1:
        return math.dist(p, points[0])
    return min(segment_distance(p, a, b) for a, b in zip(points, points[1:], strict=False))


def segment_length_in_circle(a: XY, b: XY, centre: XY, radius: float) -> float:
    """Return how much of the segment ``a``-``b`` lies inside a circle."""
    cx, cy = centre
    if (
        (a[0] < cx - radius and b[0] < cx - radius)
        or (a[0] > cx + radius and b[0] > cx + radius)
        or (a[1] < cy - radius and b[1] < cy - radius)
        or (a[1] > cy + radius and b[1] > cy + radius)
    ):
        return 0.0  # wholly beside the circle's square: the common case, answered cheaply
    dx, dy = b[0] - a[0], b[1] - a[1]
    fx, fy = a[0] - centre[0], a[1] - centre[1]
    qa = dx * dx + dy * dy
    if qa == 0:
        return 0.0
    qb = 2 * (fx * dx + fy * dy)
    qc = fx * fx + fy * fy - radius * radius
    disc = qb * qb - 4 * qa * qc
    if disc <= 0:
        return 0.0
    root = math.sqrt(disc)
    t0 = max(0.0, (-qb - root) / (2 * qa))
    t1 = min(1.0, (-qb + root) / (2 * qa))
    return max(0.0, t1 - t0) * math.sqrt(qa)


def polyline_length_in_circle(points: Sequence[XY], centre: XY, radius: float) -> float:
    """Return how much of a polyline lies inside a circle."""
    return sum(
        segment_length_in_circle(a, b, centre, radius) for a, b in zip(points, points[1:], strict=False)
    )


def segments_cross(a: XY, b: XY, c: XY, d: XY) -> bool:
    """Tell whether the segments ``a``-``b`` and ``c``-``d`` cross (touching ends do not count)."""

    def side(p: XY, q: XY, r: XY) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    d1, d2 = side(c, d, a), side(c, d, b)
    d3, d4 = side(a, b, c), side(a, b, d)
    return d1 * d2 < 0 and d3 * d4 < 0


def crosses_polyline(a: XY, b: XY, points: Sequence[XY]) -> bool:
    """Tell whether the segment ``a``-``b`` crosses a polyline."""
    return any(segments_cross(a, b, p, q) for p, q in zip(points, points[1:], strict=False))


def box_distance(p: XY, box: Box) -> float:
    """Return the distance from a point to a box (0 inside it)."""
    x, y, w, h = box
    dx = max(x - p[0], 0.0, p[0] - x - w)
    dy = max(y - p[1], 0.0, p[1] - y - h)
    return math.hypot(dx, dy)


def circle_box_overlap(centre: XY, radius: float, box: Box) -> float:
    """Return the area the circle's bounding square shares with a box, over the square's area (0..1).

    A cheap measure of how much a round badge sits on a text: 0 when apart.
    """
    if box_distance(centre, box) >= radius:
        return 0.0
    x, y, w, h = box
    cx, cy = centre
    width = min(cx + radius, x + w) - max(cx - radius, x)
    height = min(cy + radius, y + h) - max(cy - radius, y)
    return max(0.0, width) * max(0.0, height) / (4 * radius * radius)


def trimmed(points: Sequence[XY], keep: float) -> tuple[XY, ...]:
    """Return the first ``keep`` units of a polyline (at least its first point)."""
    out = [points[0]]
    walked = 0.0
    for a, b in zip(points, points[1:], strict=False):
        step = math.dist(a, b)
        if walked + step >= keep:
            t = (keep - walked) / step if step > 0 else 0.0
            out.append((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t))
            return tuple(out)
        out.append(b)
        walked += step
    return tuple(out)
