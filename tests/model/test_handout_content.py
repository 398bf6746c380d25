from __future__ import annotations

from pathlib import Path

import pytest

from app.model.catalog_loader import load_catalog
from app.model.handout_content import handout_content, handout_file_name

ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(
        ROOT / "data" / "techniques.json", ROOT / "data" / "schema" / "techniques.schema.json"
    )


def test_area_cards_come_first_with_their_regions_then_the_map_wide_ones(catalog):
    content = handout_content(catalog, "hand")
    info = catalog.maps["hand"]
    region_cards = {t for r in info.regions.values() for t in r.techniques}
    assert {c.technique.id for c in content.area_cards} == region_cards
    first = content.area_cards[0]
    expected = [r.name for r in info.regions.values() if first.technique.id in r.techniques]
    assert list(first.areas) == expected
    wide = [c.technique.id for c in content.map_wide_cards]
    assert wide == [t.id for t in catalog.techniques_for_map("hand") if t.id not in region_cards]
    assert all(not c.areas for c in content.map_wide_cards)
    ids = [c.technique.id for c in content.cards]
    assert len(ids) == len(set(ids))


def test_strokes_are_in_number_order_and_sources_are_the_ones_cited(catalog):
    content = handout_content(catalog, "hand")
    numbers = [n for n, _ in content.strokes]
    assert numbers == sorted(catalog.maps["hand"].arrow_instructions)
    cited = {c.source for c in catalog.maps["hand"].cite}
    cited |= {c.source for card in content.cards for c in card.technique.cite}
    assert {s.id for s in content.sources} == cited
    assert content.disclaimer == catalog.disclaimer


def test_tender_points_bring_their_cards_and_names_once_per_pair(catalog):
    points = tuple(catalog.points)
    content = handout_content(catalog, "tender-points", points)
    therapy = next(c for c in content.area_cards if c.technique.id == "tender-point-therapy")
    names = [p.name for p in catalog.points.values()]
    assert set(therapy.areas) >= set(names)
    assert len(therapy.areas) == len(set(therapy.areas))
    assert "acr1990" in {s.id for s in content.sources}
    assert len(content.points) == 9  # nine bilateral pairs, one line each
    name, sides, location = content.points[0]
    assert sorted(sides) == ["left", "right"]
    assert location == next(p.location for p in catalog.points.values() if p.name == name)


def test_unknown_map_is_a_key_error(catalog):
    with pytest.raises(KeyError):
        handout_content(catalog, "nowhere")


def test_file_names_sort_in_map_order():
    assert handout_file_name(3, "hip", "US Letter") == "fibromap-03-hip-us-letter.pdf"
