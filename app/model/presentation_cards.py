"""What a projected card says: a region's, a tender point's or an arrow's text as a few blocks.

A card on a projector has room for less than the card panel: its title, where
it is, and per technique what the hands do (the steps) and the cautions. The
presenter's screen shows the rest (purpose, pressure, notes). Every text comes
from the content; nothing is added but labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from app.model.content import Catalog, Technique

SIDE_WORDS = {"left": "Client's left", "right": "Client's right", "midline": "Midline"}


class BlockKind(Enum):
    """How a block of a projected card is set."""

    TITLE = "title"
    SUBTITLE = "subtitle"
    HEADING = "heading"
    TEXT = "text"
    STEP = "step"
    CAUTION = "caution"


@dataclass(frozen=True)
class Block:
    """One paragraph of a projected card."""

    kind: BlockKind
    text: str


@dataclass(frozen=True)
class ProjectedCard:
    """A card for the projector and what it is about.

    Attributes:
        blocks: the paragraphs in reading order; the first is the title.
        techniques: the ids of the techniques it shows (for notes and timers).
    """

    blocks: tuple[Block, ...]
    techniques: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        """The card's title."""
        return self.blocks[0].text if self.blocks else ""


def technique_blocks(technique: Technique) -> list[Block]:
    """Return a technique's title, tags, steps and cautions."""
    tags = []
    if technique.protocol_step:
        tags.append(f"Protocol step {technique.protocol_step} of 8")
    if technique.figure:
        tags.append(f"Figure {technique.figure}")
    if technique.lubrication is not None:
        tags.append("with lubrication" if technique.lubrication else "no lubrication")
    blocks = [Block(BlockKind.HEADING, technique.title)]
    if tags:
        blocks.append(Block(BlockKind.TEXT, " · ".join(tags)))
    blocks += [Block(BlockKind.STEP, f"{n}. {step}") for n, step in enumerate(technique.steps, 1)]
    blocks += [Block(BlockKind.CAUTION, caution) for caution in technique.cautions]
    return blocks


def region_card(catalog: Catalog, map_id: str, region_id: str) -> ProjectedCard:
    """Return the projected card of a region: its name, view and side, then its techniques."""
    info = catalog.maps[map_id]
    region = info.regions[region_id]
    where = [w for w in (region.view, SIDE_WORDS.get(region.side or "")) if w]
    blocks = [
        Block(BlockKind.TITLE, region.name),
        Block(BlockKind.SUBTITLE, " · ".join([info.title, *where])),
    ]
    techniques = catalog.techniques_for_region(map_id, region_id)
    for technique in techniques:
        blocks += technique_blocks(technique)
    return ProjectedCard(tuple(blocks), tuple(t.id for t in techniques))


def point_card(catalog: Catalog, point_id: str) -> ProjectedCard:
    """Return the projected card of a tender point: its name and side, where it is, its techniques."""
    point = catalog.points[point_id]
    side = SIDE_WORDS.get(point.side, point.side).lower()
    blocks = [
        Block(BlockKind.TITLE, f"{point.name} ({side})"),
        Block(BlockKind.SUBTITLE, "Tender point"),
        Block(BlockKind.TEXT, point.location),
    ]
    for technique_id in point.techniques:
        blocks += technique_blocks(catalog.techniques[technique_id])
    return ProjectedCard(tuple(blocks), point.techniques)


def arrow_card(catalog: Catalog, map_id: str, order: int, count: int, region_id: str) -> ProjectedCard:
    """Return the caption of an arrow stepped to: its number, its region and its instruction."""
    info = catalog.maps[map_id]
    region = info.regions.get(region_id)
    blocks = [Block(BlockKind.TITLE, f"Arrow {order} of {count}")]
    if region is not None:
        blocks.append(Block(BlockKind.SUBTITLE, region.name))
    instruction = info.arrow_instructions.get(order)
    if instruction:
        blocks.append(Block(BlockKind.TEXT, instruction))
    techniques = region.techniques if region is not None else ()
    return ProjectedCard(tuple(blocks), techniques)


def map_card(catalog: Catalog, map_id: str) -> ProjectedCard:
    """Return a map's title card: its title, its views and its summary, about all its techniques."""
    info = catalog.maps[map_id]
    blocks = [Block(BlockKind.TITLE, info.title), Block(BlockKind.SUBTITLE, " · ".join(info.views))]
    if info.summary:
        blocks.append(Block(BlockKind.TEXT, info.summary))
    # The map's own cards, then every region's, so the presenter sees all their notes.
    techniques = dict.fromkeys((*info.techniques, *(t for r in info.regions.values() for t in r.techniques)))
    return ProjectedCard(tuple(blocks), tuple(techniques))


def presenter_card(catalog: Catalog, card: ProjectedCard) -> ProjectedCard:
    """Return what the presenter reads for a projected card: the card, then its techniques in full.

    A region's card already carries its techniques' steps; an arrow's caption or a
    map's title card does not, so the presenter gets them added below.
    """
    shown = {block.text for block in card.blocks if block.kind is BlockKind.HEADING}
    blocks = list(card.blocks)
    for technique_id in card.techniques:
        technique = catalog.techniques[technique_id]
        if technique.title not in shown:
            blocks += technique_blocks(technique)
    return ProjectedCard(tuple(blocks), card.techniques)
