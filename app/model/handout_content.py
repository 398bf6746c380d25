"""What a map's handout says: its strokes, the cards that apply to it, and the sources it cites.

The UI turns this into pages; choosing and ordering the content is plain
Python so it is tested without Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.model.content import Catalog, Citation, Source, Technique


@dataclass(frozen=True)
class HandoutCard:
    """A card on a handout and the areas of the map it applies to (empty: every area)."""

    technique: Technique
    areas: tuple[str, ...]


@dataclass(frozen=True)
class HandoutContent:
    """Everything a handout shows besides the drawing, in reading order.

    Attributes:
        title: the map's title.
        views: the views it shows (anterior, palmar…).
        summary: the map's summary, or "".
        strokes: (number, instruction) for each numbered arrow that the content describes.
        points: (name, sides, location) for each tender point drawn, a left and right pair as one.
        area_cards: the cards of the map's regions and tender points, in the content's order.
        map_wide_cards: the cards for every area of the map not already listed.
        map_cite: where the map itself comes from.
        sources: every source the handout cites, in the catalog's order.
        disclaimer: the content's disclaimer.
    """

    title: str
    views: tuple[str, ...]
    summary: str
    strokes: tuple[tuple[int, str], ...]
    points: tuple[tuple[str, tuple[str, ...], str], ...]
    area_cards: tuple[HandoutCard, ...]
    map_wide_cards: tuple[HandoutCard, ...]
    map_cite: tuple[Citation, ...]
    sources: tuple[Source, ...]
    disclaimer: str

    @property
    def cards(self) -> tuple[HandoutCard, ...]:
        """Every card, area cards first."""
        return self.area_cards + self.map_wide_cards


def handout_content(catalog: Catalog, map_id: str, point_ids: tuple[str, ...] = ()) -> HandoutContent:
    """Collect what the handout of one map shows.

    Args:
        catalog: the content.
        map_id: the map.
        point_ids: the tender points drawn on the map (their cards count as the map's).

    Raises:
        KeyError: the catalog has no such map.
    """
    info = catalog.maps[map_id]
    areas: dict[str, list[str]] = {}
    places = [(r.name, r.techniques) for r in info.regions.values()]
    places += [
        (catalog.points[p].name, catalog.points[p].techniques) for p in point_ids if p in catalog.points
    ]
    for name, technique_ids in places:
        for technique_id in technique_ids:
            names = areas.setdefault(technique_id, [])
            if name not in names:  # a left and a right region or point share a name
                names.append(name)
    area_cards = tuple(HandoutCard(catalog.techniques[t], tuple(names)) for t, names in areas.items())
    map_wide = tuple(HandoutCard(t, ()) for t in catalog.techniques_for_map(map_id) if t.id not in areas)
    cites = list(info.cite)
    for card in area_cards + map_wide:
        cites += card.technique.cite
    if point_ids:
        cites += [c for pid in point_ids if pid in catalog.points for c in catalog.points[pid].cite]
    used = {c.source for c in cites}
    pairs: dict[tuple[str, str], list[str]] = {}
    for point_id in point_ids:
        point = catalog.points.get(point_id)
        if point is not None:
            pairs.setdefault((point.name, point.location), []).append(point.side)
    return HandoutContent(
        title=info.title,
        views=info.views,
        summary=info.summary or "",
        strokes=tuple(sorted(info.arrow_instructions.items())),
        points=tuple((name, tuple(sides), location) for (name, location), sides in pairs.items()),
        area_cards=area_cards,
        map_wide_cards=map_wide,
        map_cite=info.cite,
        sources=tuple(s for s in catalog.sources.values() if s.id in used),
        disclaimer=catalog.disclaimer,
    )


def handout_file_name(index: int, map_id: str, paper_label: str) -> str:
    """Return the file name of one map's handout in an "Export All Maps" folder."""
    paper = paper_label.lower().replace(" ", "-")
    return f"fibromap-{index:02d}-{map_id}-{paper}.pdf"
