"""The content that ships: it validates, and maps and text agree in both directions."""

import pytest

from app.services.library import load_library


@pytest.fixture(scope="module")
def library():
    return load_library()


def test_shipped_content_loads_without_problems(library):
    assert [str(p) for p in library.problems] == []
    assert set(library.maps) == set(library.catalog.maps)


def test_every_region_has_a_card_and_every_card_cites(library):
    catalog = library.catalog
    for info in catalog.maps.values():
        for region in info.regions.values():
            assert region.techniques, f"{info.id}/{region.id} has no card"
    for technique in catalog.techniques.values():
        assert technique.cite, technique.id
        for cite in technique.cite:
            assert cite.source in catalog.sources
    for point in catalog.points.values():
        assert point.cite, point.id


def test_arrows_are_numbered_one_to_n_on_every_map(library):
    for map_id, body_map in library.maps.items():
        assert [a.order for a in body_map.arrows] == list(range(1, len(body_map.arrows) + 1)), map_id


def test_every_map_cites_the_article_and_says_the_layout_is_ours(library):
    for info in library.catalog.maps.values():
        sources = {c.source for c in info.cite}
        assert "article" in sources or "acr1990" in sources, info.id
        if library.maps[info.id].arrows:
            assert "fibromap" in sources, info.id


def test_general_techniques_are_reachable_from_every_map(library):
    catalog = library.catalog
    for info in catalog.maps.values():
        ids = {t.id for t in catalog.techniques_for_map(info.id)}
        assert set(catalog.general_techniques) <= ids
