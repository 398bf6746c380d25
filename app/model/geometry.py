"""Vector paths as plain values, and their sampling into polylines and polygons.

A path is a tuple of segments ``(command, coordinates)`` with the commands
``M`` (x, y), ``L`` (x, y), ``C`` (x1, y1, x2, y2, x, y) and ``Z`` (). The UI
turns them into QPainterPaths; the model samples them for shapely.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

XY = tuple[float, float]
Segment = tuple[str, tuple[float, ...]]

CURVE_SAMPLES = 16


@dataclass(frozen=True)
class PathData:
    """A vector path made of move, line, cubic and close commands."""

    segments: tuple[Segment, ...]

    def subpaths(self) -> list[list[XY]]:
        """Sample the path into polylines, one per subpath (curves as short lines)."""
        runs: list[list[XY]] = []
        current: list[XY] = []
        start: XY | None = None
        for command, c in self.segments:
            if command == "M":
                if len(current) > 1:
                    runs.append(current)
                current = [(c[0], c[1])]
                start = current[0]
            elif command == "L":
                current.append((c[0], c[1]))
            elif command == "C":
                current.extend(_cubic_points(current[-1], c))
            elif command == "Z" and start is not None and current[-1] != start:
                current.append(start)
        if len(current) > 1:
            runs.append(current)
        return runs

    def points(self) -> list[XY]:
        """Sample the whole path into one polyline."""
        return [p for run in self.subpaths() for p in run]

    def is_closed(self) -> bool:
        """Tell whether every subpath ends where it starts."""
        runs = self.subpaths()
        return bool(runs) and all(_close(run[0], run[-1]) for run in runs)


def _close(a: XY, b: XY, tolerance: float = 0.5) -> bool:
    return abs(a[0] - b[0]) <= tolerance and abs(a[1] - b[1]) <= tolerance


def _cubic_points(p0: XY, c: tuple[float, ...]) -> list[XY]:
    x1, y1, x2, y2, x3, y3 = c
    out = []
    for i in range(1, CURVE_SAMPLES + 1):
        t = i / CURVE_SAMPLES
        u = 1 - t
        a, b, d, e = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
        out.append((a * p0[0] + b * x1 + d * x2 + e * x3, a * p0[1] + b * y1 + d * y2 + e * y3))
    return out


def polyline_length(points: Sequence[XY]) -> float:
    """Return the length of a polyline."""
    return sum(math.dist(a, b) for a, b in zip(points, points[1:], strict=False))


def direction_at(points: Sequence[XY], from_end: bool, reach: float = 12.0) -> XY:
    """Return the unit direction of a polyline at one end, measured over ``reach`` units.

    At the start it points along the path; at the end it points along the path too
    (toward the tip), which is what an arrowhead needs.
    """
    run = list(reversed(points)) if from_end else list(points)
    anchor = run[0]
    far = run[-1]
    walked = 0.0
    for a, b in zip(run, run[1:], strict=False):
        walked += math.dist(a, b)
        far = b
        if walked >= reach:
            break
    dx, dy = far[0] - anchor[0], far[1] - anchor[1]
    if from_end:
        dx, dy = -dx, -dy
    norm = math.hypot(dx, dy) or 1.0
    return dx / norm, dy / norm


def point_along(points: Sequence[XY], fraction: float) -> XY:
    """Return the point at ``fraction`` (0..1) of a polyline's length."""
    total = polyline_length(points)
    if total == 0:
        return points[0]
    target = max(0.0, min(1.0, fraction)) * total
    walked = 0.0
    for a, b in zip(points, points[1:], strict=False):
        step = math.dist(a, b)
        if walked + step >= target and step > 0:
            t = (target - walked) / step
            return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        walked += step
    return points[-1]
