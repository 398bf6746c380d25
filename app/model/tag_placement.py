"""Where a tag goes on a map: as near its place as it can be without covering a label.

The quiz shows the right answer (✓) and a wrong one (✗) as tags on the map. A
tag centred on its region would often sit on that region's own name or a
neighbour's; :func:`place_box` looks outward from the place, ring by ring, for
the nearest spot where the tag covers nothing it must not and stays on the
drawing. Pure geometry in map units, so it is tested without Qt.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

from app.model.presentation import Box, overlaps

STEP = 10.0  # map units between the rings (and the points on a ring) searched
REACH = 420.0  # map units: the farthest a tag moves from its place


def place_box(
    size: tuple[float, float],
    anchor: tuple[float, float],
    obstacles: Sequence[Box],
    bounds: Box,
    *,
    gap: float = 4.0,
    step: float = STEP,
    reach: float = REACH,
) -> Box:
    """Return a box of ``size`` as near ``anchor`` as possible, clear of ``obstacles`` and inside ``bounds``.

    Centred on the anchor when that is clear; otherwise the nearest clear centre on
    rings ``step`` apart out to ``reach``. With nowhere clear, the box stays on the
    anchor (kept inside the bounds).

    Args:
        size: the box's width and height.
        anchor: where it belongs (a region's centre, a point).
        obstacles: boxes it must not cover (labels, numbers, other tags).
        bounds: the area it must stay in (the drawing).
        gap: the space kept around each obstacle.
        step: the distance between rings, and about that between points on a ring.
        reach: the largest ring.
    """
    width, height = size
    grown = [(x - gap, y - gap, w + 2 * gap, h + 2 * gap) for x, y, w, h in obstacles]
    for cx, cy in _candidates(anchor, step, reach):
        box = _inside((cx - width / 2, cy - height / 2, width, height), bounds)
        if not any(overlaps(box, other) for other in grown):
            return box
    ax, ay = anchor
    return _inside((ax - width / 2, ay - height / 2, width, height), bounds)


def _candidates(anchor: tuple[float, float], step: float, reach: float) -> Iterator[tuple[float, float]]:
    """Yield the anchor, then points on rings around it, nearest first, starting straight up."""
    ax, ay = anchor
    yield ax, ay
    radius = step
    while radius <= reach:
        count = max(8, round(2 * math.pi * radius / step))
        for k in range(count):
            # Up first, then alternately either side: a tag reads best above its place.
            turn = (k + 1) // 2 * (1 if k % 2 else -1)
            angle = -math.pi / 2 + 2 * math.pi * turn / count
            yield ax + radius * math.cos(angle), ay + radius * math.sin(angle)
        radius += step


def _inside(box: Box, bounds: Box) -> Box:
    x, y, w, h = box
    bx, by, bw, bh = bounds
    x = min(max(x, bx), bx + bw - w)
    y = min(max(y, by), by + bh - h)
    return (x, y, w, h)
