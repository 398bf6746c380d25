"""The focus areas a session guide can be laid out for, as data.

The article asks for a regional focus in the first treatments, "such as the
neck and upper back, or the lower back including the buttocks", and a
full-body treatment after the first three to four. Which maps, regions and
tender points make up each area is FibroMap's own grouping of the content's
maps; the guide says so on screen. Ids the content does not have are left
out, so a smaller content file (or a test fixture) still gets usable areas.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.model.content import Catalog, MapInfo

FULL_BODY_ID = "full-body"


@dataclass(frozen=True)
class FocusMap:
    """A map of a focus area; ``regions`` limits it to some of its regions (empty: all)."""

    map_id: str
    regions: tuple[str, ...] = ()


@dataclass(frozen=True)
class FocusArea:
    """A part of the body a session concentrates on.

    Attributes:
        id: a stable name.
        title: the English title (the UI translates it).
        maps: the maps it covers, in the order the guide shows them.
        points: the tender points in it.
        full_body: whether it is the whole body.
    """

    id: str
    title: str
    maps: tuple[FocusMap, ...]
    points: tuple[str, ...] = ()
    full_body: bool = False

    def allowed_regions(self, info: MapInfo) -> tuple[str, ...]:
        """Return the regions of a map that belong to this area, in content order ("" if none)."""
        for focus_map in self.maps:
            if focus_map.map_id == info.id:
                wanted = set(focus_map.regions)
                return tuple(r for r in info.regions if not wanted or r in wanted)
        return tuple(info.regions) if self.full_body else ()

    def covers_map(self, map_id: str) -> bool:
        """Tell whether the area lists a map."""
        return any(m.map_id == map_id for m in self.maps)


def _pair(*names: str) -> tuple[str, ...]:
    return tuple(f"{name}-{side}" for name in names for side in ("left", "right"))


_NB = "neck-back-techniques-"
_TP = "tp-"

REGIONAL_AREAS: tuple[FocusArea, ...] = (
    FocusArea(
        "neck-upper-back",
        "Neck and upper back",
        (
            FocusMap("cervical"),
            FocusMap("upper-thoracic"),
            FocusMap(
                "neck-back-techniques",
                (
                    f"{_NB}suboccipital-right",
                    f"{_NB}lateral-neck-right",
                    f"{_NB}upper-trapezius-right",
                    *_pair(
                        f"{_NB}suprascapular", f"{_NB}scapular", f"{_NB}interscapular", f"{_NB}infrascapular"
                    ),
                ),
            ),
        ),
        _pair(f"{_TP}occiput", f"{_TP}low-cervical", f"{_TP}trapezius", f"{_TP}supraspinatus"),
    ),
    FocusArea(
        "lower-back-buttocks",
        "Lower back and buttocks",
        (
            FocusMap("hip"),
            FocusMap("trunk", (*_pair("trunk-lumbar"), "trunk-sacral")),
            FocusMap("neck-back-techniques", (*_pair(f"{_NB}lumbar"), f"{_NB}sacral")),
        ),
        _pair(f"{_TP}gluteal", f"{_TP}greater-trochanter"),
    ),
)


def _present(area: FocusArea, catalog: Catalog) -> FocusArea:
    """Keep only the maps, regions and points the content has."""
    maps = []
    for focus_map in area.maps:
        info = catalog.maps.get(focus_map.map_id)
        if info is not None:
            regions = tuple(r for r in focus_map.regions if r in info.regions)
            if regions or not focus_map.regions:
                maps.append(FocusMap(focus_map.map_id, regions))
    points = tuple(p for p in area.points if p in catalog.points)
    return FocusArea(area.id, area.title, tuple(maps), points, area.full_body)


def full_body(catalog: Catalog) -> FocusArea:
    """Return the whole body: every stroke map of the content (maps with arrows), every tender point."""
    maps = tuple(FocusMap(info.id) for info in catalog.maps.values() if info.arrow_instructions)
    return FocusArea(FULL_BODY_ID, "Full body", maps, tuple(catalog.points), full_body=True)


def focus_areas(catalog: Catalog) -> list[FocusArea]:
    """Return the focus choices for this content: the regional areas it has maps for, then full body."""
    regional = [_present(area, catalog) for area in REGIONAL_AREAS]
    return [*(area for area in regional if area.maps), full_body(catalog)]
