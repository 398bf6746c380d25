"""Which region is under a point: bounding boxes first, then the even-odd rule on each ring.

A region's area is the union of the rings of its path (``body_map.polygon_of``),
so a point is inside when it is inside any of its rings. The rings are the
same sampled polylines shapely gets when the map is loaded and checked; the
test here needs neither shapely nor numpy, so the running app never loads
them (about 20 MB and 0.1 s) unless a map has to be parsed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from app.model.geometry import XY

Ring = Sequence[XY]


def ring_area(ring: Ring) -> float:
    """Return the area a closed polyline encloses (shoelace formula)."""
    total = 0.0
    for (x0, y0), (x1, y1) in zip(ring, [*ring[1:], ring[0]], strict=True):
        total += x0 * y1 - x1 * y0
    return abs(total) / 2


def in_ring(ring: Ring, x: float, y: float) -> bool:
    """Tell whether (x, y) is inside a closed polyline (even-odd rule)."""
    inside = False
    x0, y0 = ring[-1]
    for x1, y1 in ring:
        if (y1 > y) != (y0 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
        x0, y0 = x1, y1
    return inside


class _Entry:
    __slots__ = ("bounds", "ident", "rings")

    def __init__(self, ident: str, rings: list[Ring]) -> None:
        self.ident = ident
        self.rings = rings
        xs = [p[0] for ring in rings for p in ring]
        ys = [p[1] for ring in rings for p in ring]
        self.bounds = (min(xs), min(ys), max(xs), max(ys))

    def contains(self, x: float, y: float) -> bool:
        x0, y0, x1, y1 = self.bounds
        return x0 <= x <= x1 and y0 <= y <= y1 and any(in_ring(ring, x, y) for ring in self.rings)


class RegionIndex:
    """Hit testing over a map's regions.

    Where regions nest (a nail inside a finger) the smallest one containing the
    point wins, so the more specific region is picked.

    Args:
        rings: each region's rings (closed polylines), by region id.
        areas: each region's area; by default the sum of its rings' areas.
    """

    def __init__(self, rings: Mapping[str, Sequence[Ring]], areas: Mapping[str, float] | None = None) -> None:
        def area(ident: str) -> float:
            if areas is not None and ident in areas:
                return areas[ident]
            return sum(ring_area(r) for r in rings[ident])

        # Smallest first, so the first hit is the most specific region.
        ordered = sorted((ident for ident, rs in rings.items() if rs), key=area)
        self._entries = [_Entry(ident, [r for r in rings[ident] if len(r) >= 3]) for ident in ordered]

    def region_at(self, x: float, y: float) -> str | None:
        """Return the id of the smallest region containing (x, y), or ``None``."""
        for entry in self._entries:
            if entry.contains(x, y):
                return entry.ident
        return None
