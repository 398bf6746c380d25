"""Keyboard focus on a body map: what can take it, in which order, and what lies in a direction.

A keyboard user moves through the map's targets: each region followed by its
arrows in number order (so a region and its strokes are read together), then the
tender points. Regions go view by view (the nearest view title decides the view),
top to bottom, left to right. The arrow keys move to the nearest target in their
direction, so the map can also be explored spatially.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from app.model.body_map import BodyMap
from app.model.content import MapInfo, RegionInfo
from app.model.geometry import XY

ROW_BAND = 40.0  # map units: centres closer than this in y count as one row
CONE = 1.2  # a target lies "in a direction" if its sideways offset is at most this times its advance


@dataclass(frozen=True)
class FocusTarget:
    """Something on the map that takes keyboard focus.

    Attributes:
        kind: "region", "arrow" or "point".
        id: the region id, the arrow's number (as text) or the point id.
        centre: where it is, in map units.
    """

    kind: str
    id: str
    centre: XY


def focus_order(body_map: BodyMap) -> list[FocusTarget]:
    """Return every region, arrow and tender point of a map in keyboard order."""
    views = sorted(label.x for label in body_map.labels if label.kind == "view")

    def view_of(x: float) -> int:
        return min(range(len(views)), key=lambda i: abs(views[i] - x)) if views else 0

    def reading(item: tuple[str, XY]) -> tuple[int, int, float]:
        x, y = item[1]
        return view_of(x), round(y / ROW_BAND), x

    regions = sorted(((rid, r.centroid) for rid, r in body_map.regions.items()), key=reading)
    targets: list[FocusTarget] = []
    for region_id, centre in regions:
        targets.append(FocusTarget("region", region_id, centre))
        for arrow in body_map.arrows_in(region_id):
            targets.append(FocusTarget("arrow", str(arrow.order), _midpoint(arrow.polyline)))
    placed = {t.id for t in targets if t.kind == "arrow"}
    for arrow in sorted(body_map.arrows, key=lambda a: a.order):
        if str(arrow.order) not in placed:  # an arrow whose region is not drawn on this map
            targets.append(FocusTarget("arrow", str(arrow.order), _midpoint(arrow.polyline)))
    points = sorted(body_map.points.values(), key=lambda p: (view_of(p.x), round(p.y / ROW_BAND), p.x))
    targets += [FocusTarget("point", p.id, (p.x, p.y)) for p in points]
    return targets


def step(targets: list[FocusTarget], index: int, forward: bool) -> int | None:
    """Return the index after (or before) ``index``, or None past either end (focus leaves the map)."""
    if not targets:
        return None
    if index < 0:
        return 0 if forward else len(targets) - 1
    following = index + (1 if forward else -1)
    return following if 0 <= following < len(targets) else None


def nearest_in_direction(targets: list[FocusTarget], index: int, direction: XY) -> int | None:
    """Return the index of the closest target in a direction from ``targets[index]``, or None."""
    if not 0 <= index < len(targets):
        return 0 if targets else None
    ox, oy = targets[index].centre
    dx, dy = direction
    best, best_cost = None, math.inf
    for i, target in enumerate(targets):
        if i == index:
            continue
        vx, vy = target.centre[0] - ox, target.centre[1] - oy
        advance = vx * dx + vy * dy
        sideways = abs(vx * dy - vy * dx)
        if advance <= 0 or sideways > CONE * advance:
            continue
        cost = advance + 2 * sideways  # prefer straight ahead over merely close
        if cost < best_cost:
            best, best_cost = i, cost
    return best


def _midpoint(polyline: tuple[XY, ...]) -> XY:
    return polyline[len(polyline) // 2]


SIDE_NAMES = {"left": "client's left", "right": "client's right", "midline": "midline"}


def describe(target: FocusTarget, body_map: BodyMap, info: MapInfo, point_names: dict[str, str]) -> str:
    """Return what a screen reader says for a focused target: its name, side, number and what Enter does."""
    if target.kind == "point":
        return f"Tender point: {point_names.get(target.id, target.id)}. Enter shows its card."
    if target.kind == "arrow":
        arrow = next(a for a in body_map.arrows if a.order == int(target.id))
        region = info.regions.get(arrow.region)
        kind = "return without contact" if arrow.style == "return" else "stroke"
        parts = [f"Arrow {arrow.order} of {len(body_map.arrows)}, {kind}"]
        if region is not None:
            parts.append(_region_words(region))
        instruction = info.arrow_instructions.get(arrow.order)
        if instruction:
            parts.append(instruction)
        return (
            ": ".join(parts[:2]) + "".join(f". {p}" for p in parts[2:]) + ". Enter shows its region's cards."
        )
    region = info.regions[target.id]
    numbers = [str(a.order) for a in body_map.arrows_in(target.id)]
    arrows = f" Arrows {', '.join(numbers)}." if numbers else " No arrows."
    return f"Region: {_region_words(region)}.{arrows} Enter shows its cards."


def _region_words(region: RegionInfo) -> str:
    words = [region.name]
    if region.side:
        words.append(SIDE_NAMES.get(region.side, region.side))
    if region.view:
        words.append(region.view)
    return ", ".join(words)
