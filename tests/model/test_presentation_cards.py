"""What projected cards say: every text from the content, arranged for a projector."""

from __future__ import annotations

import pytest

from app.model.presentation_cards import (
    BlockKind,
    arrow_card,
    map_card,
    point_card,
    presenter_card,
    region_card,
)
from app.services.library import load_library


@pytest.fixture(scope="module")
def catalog():
    return load_library().catalog


def test_a_region_card_names_the_region_then_each_technique_with_its_steps_and_cautions(catalog):
    card = region_card(catalog, "hand", "hand-thenar-right")
    region = catalog.maps["hand"].regions["hand-thenar-right"]
    assert card.title == region.name
    assert card.blocks[1].text == "Palmar and Dorsal Hand · Palmar · Client's right"
    techniques = catalog.techniques_for_region("hand", "hand-thenar-right")
    assert card.techniques == tuple(t.id for t in techniques)
    texts = [b.text for b in card.blocks]
    for technique in techniques:
        assert technique.title in texts
        assert all(f"{n}. {step}" in texts for n, step in enumerate(technique.steps, 1))
        assert all(caution in texts for caution in technique.cautions)
    assert {b.kind for b in card.blocks if b.text in techniques[0].cautions} == {BlockKind.CAUTION}


def test_an_arrow_card_carries_the_instruction_from_the_content(catalog):
    info = catalog.maps["shoulder-forearm"]
    region = "shoulder-forearm-upper-trapezius-right"
    card = arrow_card(catalog, "shoulder-forearm", 3, 11, region)
    assert card.title == "Arrow 3 of 11"
    assert card.blocks[1].text == info.regions[region].name
    assert card.blocks[-1].text == info.arrow_instructions[3]
    assert card.techniques == info.regions[region].techniques


def test_a_point_card_says_where_the_point_is(catalog):
    point_id = next(iter(catalog.points))
    point = catalog.points[point_id]
    card = point_card(catalog, point_id)
    assert card.title.startswith(point.name)
    assert point.location in [b.text for b in card.blocks]
    assert card.techniques == point.techniques


def test_the_presenter_gets_the_techniques_an_arrow_caption_leaves_out_once(catalog):
    card = arrow_card(catalog, "hand", 1, 13, "hand-thenar-right")
    full = presenter_card(catalog, card)
    headings = [b.text for b in full.blocks if b.kind is BlockKind.HEADING]
    assert headings == [catalog.techniques[t].title for t in card.techniques]
    region = region_card(catalog, "hand", "hand-thenar-right")
    assert presenter_card(catalog, region) == region
    assert map_card(catalog, "hand").title == catalog.maps["hand"].title
