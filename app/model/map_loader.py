"""Read a body-map SVG (see docs/map-format.md) into a :class:`BodyMap`.

svgelements parses the geometry; shapely builds the region polygons. Checks
that need only the file (numbering, bases inside their regions, valid
polygons) happen here; checks against the content are in crossref.py.
"""

from __future__ import annotations

import dataclasses
import io
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import shapely
import svgelements as se
from shapely.geometry import Point, Polygon

from app.model.body_map import Arrow, BodyMap, Label, MapPoint, Region, Stroke
from app.model.geometry import PathData, Segment, direction_at
from app.model.problems import ContentError, Problem, has_errors
from app.model.svg_safety import check_svg_bytes

GROUPS = ("outline", "regions", "arrows", "points", "zones", "labels")
STROKE_KINDS = ("contour", "detail", "hidden")
LABEL_KINDS = ("view", "side", "region", "note")
BASE_SLACK = 2.0  # map units a base may sit outside its region (anti-aliased edges)
TIP_SLACK = 40.0  # map units a stroke's tip may pull past its region's edge (about a fingertip)


def load_map(path: Path) -> BodyMap:
    """Load and check one map file.

    Raises:
        ContentError: with every problem found in the file.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ContentError.single(path.name, "file", f"cannot be read: {exc.strerror or exc}") from exc
    return parse_map(data, path.name)


def parse_map(data: bytes, name: str) -> BodyMap:
    """Parse map bytes; ``name`` is used in messages."""
    root = check_svg_bytes(data, name)
    if root.get("width") or root.get("height"):
        raise ContentError.single(name, "<svg>", "has width/height attributes; give only a viewBox")
    try:
        document = se.SVG.parse(io.BytesIO(data), reify=True)
    except Exception as exc:  # svgelements raises many kinds; all mean "unreadable".
        raise ContentError.single(name, "file", f"could not be parsed as SVG: {exc}") from exc
    view_box = document.viewbox
    if view_box is None:
        raise ContentError.single(name, "<svg>", "has no viewBox")
    box = (float(view_box.x), float(view_box.y), float(view_box.width), float(view_box.height))
    if not all(math.isfinite(v) for v in box) or box[2] <= 0 or box[3] <= 0:
        raise ContentError.single(name, "<svg>", f"has an unusable viewBox {box}")
    groups = _groups(document)
    if "outline" not in groups:
        raise ContentError.single(name, "<svg>", 'has no <g id="outline"> group')
    problems: list[Problem] = []
    builder = _Builder(name, problems)
    body_map = builder.build(groups, box)
    if has_errors(problems):
        raise ContentError(problems)
    return dataclasses.replace(body_map, problems=tuple(problems))


def _groups(document: se.SVG) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for group in document.elements(conditional=lambda e: isinstance(e, se.Group)):
        ident = group.values.get("id")
        if ident in GROUPS and ident not in found:
            found[ident] = [e for e in group.select() if not isinstance(e, se.Group)]
    return found


def _where(element: Any) -> str:
    ident = element.values.get("id")
    tag = element.values.get("tag", type(element).__name__.lower())
    return f"<{tag} id={ident!r}>" if ident else f"<{tag}>"


class _Builder:
    def __init__(self, name: str, problems: list[Problem]) -> None:
        self.name = name
        self.problems = problems

    def fail(self, where: str, message: str) -> None:
        self.problems.append(Problem(self.name, where, message))

    def path_data(self, element: Any) -> PathData | None:
        try:
            path = element if isinstance(element, se.Path) else se.Path(element)
            segments: list[Segment] = []
            for seg in path.segments():
                segments.extend(_convert(seg))
        except Exception as exc:  # malformed path data
            self.fail(_where(element), f"has unreadable path data: {exc}")
            return None
        if not segments:
            self.fail(_where(element), "is empty")
            return None
        if not all(math.isfinite(v) for _, coords in segments for v in coords):
            self.fail(_where(element), "has a coordinate that is not a finite number")
            return None
        return PathData(tuple(segments))

    def build(self, groups: dict[str, list[Any]], box: tuple[float, float, float, float]) -> BodyMap:
        outline = tuple(self.strokes(groups["outline"], STROKE_KINDS, "contour"))
        regions = self.regions(groups.get("regions", []), "region")
        zones = self.regions(groups.get("zones", []), "zone")
        arrows = self.arrows(groups.get("arrows", []), regions)
        points = self.points(groups.get("points", []))
        label_elements = groups.get("labels", [])
        labels = tuple(self.labels(label_elements))
        leaders = tuple(
            self.strokes([e for e in label_elements if not isinstance(e, se.Text)], ("leader",), "leader")
        )
        self.check_unique_ids([*regions, *zones, *points])
        return BodyMap(
            file=self.name,
            view_box=box,
            outline=outline,
            regions=regions,
            arrows=arrows,
            points=points,
            zones=zones,
            labels=labels,
            leaders=leaders,
        )

    def check_unique_ids(self, ids: Iterable[str]) -> None:
        seen: set[str] = set()
        for ident in ids:
            if ident in seen:
                self.fail(f"id {ident!r}", "is used by more than one region, zone or point")
            seen.add(ident)

    def strokes(self, elements: list[Any], kinds: tuple[str, ...], default: str) -> Iterable[Stroke]:
        for element in elements:
            if not isinstance(element, se.Shape):
                continue
            kind = element.values.get("class", default)
            if kind not in kinds:
                self.fail(_where(element), f"has class {kind!r}; expected one of {', '.join(kinds)}")
                continue
            data = self.path_data(element)
            if data is not None:
                yield Stroke(data, kind)

    def regions(self, elements: list[Any], what: str) -> dict[str, Region]:
        found: dict[str, Region] = {}
        for element in elements:
            if not isinstance(element, se.Shape):
                continue
            ident = element.values.get("id")
            if not ident:
                self.fail(_where(element), f"a {what} needs an id")
                continue
            if ident in found:
                self.fail(_where(element), f"duplicate {what} id")
                continue
            data = self.path_data(element)
            if data is None:
                continue
            region = Region(ident, data)
            if self.check_area(region, _where(element), what):
                inner = region.polygon.representative_point()
                kept = Region(ident, data, float(region.polygon.area), (float(inner.x), float(inner.y)))
                kept.__dict__["polygon"] = region.polygon  # the cached_property's value, not built twice
                found[ident] = kept
        return found

    def check_area(self, region: Region, where: str, what: str) -> bool:
        data = region.path
        if not data.is_closed():
            self.fail(where, f"a {what} must be a closed path (end it with Z)")
            return False
        rings = [Polygon(run) for run in data.subpaths() if len(run) >= 4]
        # A bowtie has zero signed area but repairs to a real one; a flat shape does not.
        if any(not ring.is_valid and shapely.make_valid(ring).area > 0 for ring in rings):
            self.fail(where, f"the {what} outline crosses itself")
            return False
        polygon = region.polygon  # the union of the same rings, kept by the region
        if polygon.is_empty or polygon.area <= 0:
            self.fail(where, f"a {what} must enclose an area")
            return False
        return True

    def arrows(self, elements: list[Any], regions: dict[str, Region]) -> tuple[Arrow, ...]:
        arrows: list[Arrow] = []
        for element in elements:
            if not isinstance(element, se.Shape):
                continue
            where = _where(element)
            order_text = element.values.get("data-order")
            try:
                order = int(order_text)
            except (TypeError, ValueError):
                self.fail(where, f"data-order must be a whole number, not {order_text!r}")
                continue
            region_id = element.values.get("data-region")
            if not region_id:
                self.fail(where, "an arrow needs data-region")
                continue
            data = self.path_data(element)
            if data is None:
                continue
            polyline = tuple(data.points())
            if len(polyline) < 2 or polyline[0] == polyline[-1]:
                self.fail(where, "an arrow needs a base and a different tip")
                continue
            region = regions.get(region_id)
            if region is None:
                self.fail(where, f"data-region names unknown region {region_id!r}")
            elif region.polygon.distance(Point(polyline[0])) > BASE_SLACK:
                self.fail(where, f"arrow {order}: its base lies outside its region {region_id!r}")
            elif (
                element.values.get("data-technique") is None
                and (gap := region.polygon.distance(Point(polyline[-1]))) > TIP_SLACK
            ):
                # Technique-figure arrows may sweep across the back; connective-tissue strokes are short.
                self.fail(
                    where,
                    f"arrow {order}: its tip lies {gap:.0f} units outside its region {region_id!r} "
                    f"(at most {TIP_SLACK:.0f})",
                )
            arrows.append(
                Arrow(
                    order=order,
                    region=region_id,
                    path=data,
                    polyline=polyline,
                    start_direction=direction_at(polyline, from_end=False),
                    end_direction=direction_at(polyline, from_end=True),
                    style="return" if element.values.get("data-style") == "return" else "pull",
                    technique=element.values.get("data-technique"),
                    view=element.values.get("data-view"),
                    id=element.values.get("id"),
                )
            )
        arrows.sort(key=lambda a: a.order)
        self.check_numbering([a.order for a in arrows])
        return tuple(arrows)

    def check_numbering(self, orders: list[int]) -> None:
        expected = list(range(1, len(orders) + 1))
        if orders != expected:
            duplicates = sorted({n for n in orders if orders.count(n) > 1})
            missing = sorted(set(expected) - set(orders))
            detail = []
            if duplicates:
                detail.append(f"duplicated: {', '.join(map(str, duplicates))}")
            if missing:
                detail.append(f"missing: {', '.join(map(str, missing))}")
            self.fail("arrows", f"must be numbered 1..{len(orders)} ({'; '.join(detail)})")

    def points(self, elements: list[Any]) -> dict[str, MapPoint]:
        found: dict[str, MapPoint] = {}
        for element in elements:
            if not isinstance(element, se.Circle):
                continue
            ident = element.values.get("id")
            values = (float(element.cx), float(element.cy), float(element.rx))
            if not ident:
                self.fail(_where(element), "a tender point needs an id")
            elif not all(math.isfinite(v) for v in values):
                self.fail(_where(element), "has a coordinate that is not a finite number")
            else:
                found[ident] = MapPoint(ident, *values)
        return found

    def labels(self, elements: list[Any]) -> Iterable[Label]:
        for element in elements:
            if not isinstance(element, se.Text) or not (element.text or "").strip():
                continue
            kind = element.values.get("class", "region")
            if kind not in LABEL_KINDS:
                self.fail(_where(element), f"has class {kind!r}; expected one of {', '.join(LABEL_KINDS)}")
                continue
            # svgelements does not reify text, so apply the transform here.
            point = element.transform.point_in_matrix_space((element.x, element.y))
            anchor = element.values.get("text-anchor", "start")
            yield Label(element.text.strip(), float(point.x), float(point.y), anchor, kind)


def _convert(segment: Any) -> list[Segment]:
    if isinstance(segment, se.Move):
        return [("M", (segment.end.x, segment.end.y))]
    if isinstance(segment, se.Line):
        return [("L", (segment.end.x, segment.end.y))]
    if isinstance(segment, se.Close):
        return [("Z", ())]
    if isinstance(segment, se.CubicBezier):
        return [("C", _cubic(segment))]
    if isinstance(segment, se.QuadraticBezier):
        # Elevate the quadratic to a cubic with the same shape.
        s, c, e = segment.start, segment.control, segment.end
        return [
            (
                "C",
                (
                    s.x + 2 / 3 * (c.x - s.x),
                    s.y + 2 / 3 * (c.y - s.y),
                    e.x + 2 / 3 * (c.x - e.x),
                    e.y + 2 / 3 * (c.y - e.y),
                    e.x,
                    e.y,
                ),
            )
        ]
    if isinstance(segment, se.Arc):
        return [("C", _cubic(c)) for c in segment.as_cubic_curves()]
    return []


def _cubic(c: Any) -> tuple[float, ...]:
    return (c.control1.x, c.control1.y, c.control2.x, c.control2.y, c.end.x, c.end.y)
