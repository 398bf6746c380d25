"""The geometry of one body map, read from its SVG file.

The shapely polygons are built from the paths the first time they are asked
for, and hit testing needs none (see hit_test.py), so a map read from the
geometry cache is drawn and clicked without importing shapely (or numpy).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from app.model.geometry import XY, PathData
from app.model.problems import Problem

if TYPE_CHECKING:
    from app.model.hit_test import RegionIndex


@dataclass(frozen=True)
class Stroke:
    """A line of the drawing; ``kind`` is contour, detail, hidden or leader."""

    path: PathData
    kind: str


@dataclass(frozen=True)
class Region:
    """A clickable closed area of the map."""

    id: str
    path: PathData
    # The polygon's area, kept by the loader (and the cache) so hit testing never needs shapely.
    area: float | None = field(default=None, compare=False)
    # A point well inside, kept by the loader (and the cache) for the same reason.
    inner_point: XY | None = field(default=None, compare=False)

    @cached_property
    def polygon(self) -> Any:
        """The area as a shapely Polygon or MultiPolygon (built on first use)."""
        return polygon_of(self.path)

    def rings(self) -> list[list[XY]]:
        """Return the closed polylines whose union is the region (those shapely is given)."""
        return [run for run in self.path.subpaths() if len(run) >= 4]

    @property
    def centroid(self) -> XY:
        """Return a point well inside the region (for keyboard focus and labels)."""
        if self.inner_point is not None:
            return self.inner_point
        point = self.polygon.representative_point()
        return float(point.x), float(point.y)


@dataclass(frozen=True)
class Arrow:
    """A numbered stroke: base = where the fingers start, tip = end of the pull."""

    order: int
    region: str
    path: PathData
    polyline: tuple[XY, ...]
    start_direction: XY
    end_direction: XY
    style: str = "pull"
    technique: str | None = None
    view: str | None = None
    id: str | None = None

    @property
    def base(self) -> XY:
        """Return the arrow's first point: the initial position of the fingers."""
        return self.polyline[0]

    @property
    def tip(self) -> XY:
        """Return the arrow's last point: the direction of pull and end of application."""
        return self.polyline[-1]


@dataclass(frozen=True)
class MapPoint:
    """A tender point drawn as a circle."""

    id: str
    x: float
    y: float
    radius: float


@dataclass(frozen=True)
class Label:
    """A text on the map; ``kind`` is view, side, region or note."""

    text: str
    x: float
    y: float
    anchor: str
    kind: str


@dataclass(frozen=True)
class BodyMap:
    """Everything drawn on one map, in map coordinates (the SVG viewBox)."""

    file: str
    view_box: tuple[float, float, float, float]
    outline: tuple[Stroke, ...]
    regions: dict[str, Region]
    arrows: tuple[Arrow, ...]
    points: dict[str, MapPoint] = field(default_factory=dict)
    zones: dict[str, Region] = field(default_factory=dict)
    labels: tuple[Label, ...] = ()
    leaders: tuple[Stroke, ...] = ()

    @cached_property
    def index(self) -> RegionIndex:
        """The hit-test index over the regions (built on the first query)."""
        from app.model.hit_test import RegionIndex

        regions = self.regions.values()
        return RegionIndex(
            {r.id: r.rings() for r in regions}, {r.id: r.area for r in regions if r.area is not None}
        )

    # Warnings found while loading; errors never get this far (the map is refused instead).
    problems: tuple[Problem, ...] = ()

    def region_at(self, x: float, y: float) -> str | None:
        """Return the id of the region under a map point, or ``None``."""
        return self.index.region_at(x, y)

    def point_at(self, x: float, y: float, slack: float = 6.0) -> str | None:
        """Return the id of the tender point under a map point, or ``None``."""
        best, best_d2 = None, float("inf")
        for point in self.points.values():
            d2 = (point.x - x) ** 2 + (point.y - y) ** 2
            if d2 <= (point.radius + slack) ** 2 and d2 < best_d2:
                best, best_d2 = point.id, d2
        return best

    def arrows_in(self, region_id: str) -> list[Arrow]:
        """Return the arrows of a region in number order."""
        return [a for a in self.arrows if a.region == region_id]


def polygon_of(path: PathData) -> Any:
    """Return the area a closed path encloses: the union of its subpaths' rings.

    The loader checks the result (closed, not crossing itself, some area); a
    map from the cache passed those checks when it was first read.
    """
    import shapely
    from shapely.geometry import Polygon

    rings = [Polygon(run) for run in path.subpaths() if len(run) >= 4]
    return shapely.unary_union(rings) if rings else Polygon()
