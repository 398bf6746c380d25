"""Arrows for layout tests, drawn through given points."""

from __future__ import annotations

from app.model.body_map import Arrow
from app.model.geometry import PathData, direction_at


def arrow(order: int, points: list[tuple[float, float]], style: str = "pull") -> Arrow:
    """Return arrow ``order`` in region "r", straight from point to point."""
    segments = (("M", points[0]), *(("L", p) for p in points[1:]))
    return Arrow(
        order,
        "r",
        PathData(segments),
        tuple(points),
        direction_at(points, False),
        direction_at(points, True),
        style,
    )
