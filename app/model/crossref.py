"""Check a map's geometry against what the content says about it, in both directions."""

from __future__ import annotations

from collections.abc import Iterable

from app.model.body_map import BodyMap
from app.model.content import Catalog, MapInfo
from app.model.problems import Problem


def check_map_against_content(body_map: BodyMap, info: MapInfo, catalog: Catalog) -> Iterable[Problem]:
    """Yield a problem for every id one side names and the other lacks.

    Every region drawn must have content (so every click opens a card), every
    region the content names must be drawn, and the same for zones, tender
    points and arrow instructions.
    """
    svg = body_map.file
    yield from _compare(svg, "region", body_map.regions, info.regions, info.id)
    yield from _compare(svg, "zone", body_map.zones, info.zones, info.id)
    for point_id in body_map.points:
        if point_id not in catalog.points:
            yield Problem(svg, f"point {point_id!r}", "has no entry in the content's points")
    for arrow in body_map.arrows:
        if arrow.technique is not None and arrow.technique not in catalog.techniques:
            yield Problem(svg, f"arrow {arrow.order}", f"names unknown technique {arrow.technique!r}")
    orders = {a.order for a in body_map.arrows}
    for order in info.arrow_instructions:
        if order not in orders:
            yield Problem(svg, f"arrow {order}", f"has an instruction in map {info.id!r} but is not drawn")


def _compare(
    svg: str, kind: str, drawn: Iterable[str], named: Iterable[str], map_id: str
) -> Iterable[Problem]:
    drawn, named = list(drawn), list(named)
    for ident in drawn:
        if ident not in named:
            yield Problem(svg, f"{kind} {ident!r}", f"has no entry in the content of map {map_id!r}")
    for ident in named:
        if ident not in drawn:
            yield Problem(svg, f"{kind} {ident!r}", f"is named by map {map_id!r} but not drawn")


def check_points_drawn(
    catalog: Catalog, maps: Iterable[BodyMap], file: str = "techniques.json"
) -> Iterable[Problem]:
    """Yield a problem for every tender point in the content (``file``) that no map draws."""
    drawn = {point for body_map in maps for point in body_map.points}
    for point_id in catalog.points:
        if point_id not in drawn:
            yield Problem(file, f"point {point_id!r}", "is not drawn on any map")
