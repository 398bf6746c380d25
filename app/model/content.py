"""Content values: sources, technique cards, maps and the rest of techniques.json.

These are plain frozen dataclasses built by :mod:`app.model.catalog_loader`;
nothing here reads files.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Citation:
    """Where a piece of content comes from: a source id and a place in it."""

    source: str
    locator: str


@dataclass(frozen=True)
class Source:
    """A work the content cites."""

    id: str
    short: str
    citation: str
    note: str | None = None


@dataclass(frozen=True)
class Technique:
    """One technique card. ``None`` fields are not stated in the source."""

    id: str
    title: str
    protocol_step: int | None
    figure: int | None
    purpose: str | None
    hand_position: str | None
    direction: str | None
    pressure: str | None
    speed: str | None
    duration: str | None
    lubrication: bool | None
    client_position: str | None
    steps: tuple[str, ...]
    cautions: tuple[str, ...]
    cite: tuple[Citation, ...]
    related: tuple[str, ...] = ()
    duration_seconds: int | None = None

    def card_texts(self) -> list[str]:
        """Return every text of the card below its title, in reading order (search, layout checks)."""
        fields = (
            self.purpose,
            *self.steps,
            *self.cautions,
            self.hand_position,
            self.direction,
            self.pressure,
            self.speed,
            self.duration,
            self.client_position,
        )
        return [text for text in fields if text]


@dataclass(frozen=True)
class RegionInfo:
    """What the content says about one clickable region of a map."""

    id: str
    name: str
    techniques: tuple[str, ...]
    view: str | None = None
    side: str | None = None


@dataclass(frozen=True)
class ZoneInfo:
    """An area marked on a map as not to be massaged."""

    id: str
    name: str
    caution: str
    cite: tuple[Citation, ...]


@dataclass(frozen=True)
class MapInfo:
    """The content of one body map (its geometry lives in the SVG file)."""

    id: str
    title: str
    file: str
    views: tuple[str, ...]
    regions: dict[str, RegionInfo]
    cite: tuple[Citation, ...]
    summary: str | None = None
    techniques: tuple[str, ...] = ()
    arrow_instructions: dict[int, str] = field(default_factory=dict)
    zones: dict[str, ZoneInfo] = field(default_factory=dict)


@dataclass(frozen=True)
class TenderPointInfo:
    """One of the 18 tender points."""

    id: str
    name: str
    side: str
    location: str
    techniques: tuple[str, ...]
    cite: tuple[Citation, ...]


@dataclass(frozen=True)
class ProtocolStep:
    """One of the 8 steps of the medical massage protocol."""

    number: int
    title: str
    summary: str
    techniques: tuple[str, ...]
    cite: tuple[Citation, ...]


@dataclass(frozen=True)
class CoursePhase:
    """A phase of the course of treatment (treatments, a break, maintenance)."""

    id: str
    title: str
    kind: str
    text: str
    cite: tuple[Citation, ...]
    sessions: int | None = None
    massage_per_week_min: int | None = None
    exercise_per_week_min: int | None = None
    exercise_per_week_max: int | None = None
    weeks: int | None = None


@dataclass(frozen=True)
class Rule:
    """A rule that applies to some sessions of the course."""

    id: str
    kind: str
    text: str
    cite: tuple[Citation, ...]
    session_from: int | None = None
    session_to: int | None = None
    maintenance: bool = False
    techniques: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageSection:
    """A section of a reference page."""

    paragraphs: tuple[str, ...]
    cite: tuple[Citation, ...]
    heading: str | None = None
    table: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Page:
    """A reference page (FM versus MPS, the authors' theory, history, sources)."""

    id: str
    title: str
    sections: tuple[PageSection, ...]


@dataclass(frozen=True)
class Catalog:
    """Everything in techniques.json, indexed by id."""

    schema_version: int
    disclaimer: str
    sources: dict[str, Source]
    techniques: dict[str, Technique]
    general_techniques: tuple[str, ...]
    maps: dict[str, MapInfo]
    points: dict[str, TenderPointInfo] = field(default_factory=dict)
    protocol: tuple[ProtocolStep, ...] = ()
    course: tuple[CoursePhase, ...] = ()
    rules: tuple[Rule, ...] = ()
    pages: dict[str, Page] = field(default_factory=dict)

    def techniques_for_region(self, map_id: str, region_id: str) -> list[Technique]:
        """Return the cards of a region, in the order the content lists them."""
        region = self.maps[map_id].regions[region_id]
        return [self.techniques[t] for t in region.techniques]

    def techniques_for_regions(self, map_id: str) -> list[Technique]:
        """Return every card a region of this map shows, each once, in the map's order."""
        ids = dict.fromkeys(t for region in self.maps[map_id].regions.values() for t in region.techniques)
        return [self.techniques[t] for t in ids]

    def techniques_for_map(self, map_id: str) -> list[Technique]:
        """Return the cards that apply anywhere on a map: its own, then the general ones."""
        ids = dict.fromkeys((*self.maps[map_id].techniques, *self.general_techniques))
        return [self.techniques[t] for t in ids]
