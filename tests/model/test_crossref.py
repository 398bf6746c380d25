from dataclasses import replace

from app.model.catalog_loader import load_catalog
from app.model.crossref import check_map_against_content, check_points_drawn
from app.model.map_loader import load_map
from tests.conftest import FIXTURES, SCHEMA


def test_matching_map_and_content_have_no_problems():
    catalog = load_catalog(FIXTURES / "mini" / "content.json", SCHEMA)
    body_map = load_map(FIXTURES / "mini" / "mini.svg")
    assert list(check_map_against_content(body_map, catalog.maps["mini"], catalog)) == []
    assert list(check_points_drawn(catalog, [body_map])) == []


def test_both_directions_of_mismatch_are_reported():
    catalog = load_catalog(FIXTURES / "mini" / "content.json", SCHEMA)
    info = catalog.maps["mini"]
    regions = dict(info.regions)
    regions["mini-ghost"] = regions.pop("mini-spot")
    info = replace(info, regions=regions, arrow_instructions={**info.arrow_instructions, 9: "x"})
    body_map = load_map(FIXTURES / "mini" / "mini.svg")
    assert sorted(str(p) for p in check_map_against_content(body_map, info, catalog)) == [
        "mini.svg: arrow 9: has an instruction in map 'mini' but is not drawn",
        "mini.svg: region 'mini-ghost': is named by map 'mini' but not drawn",
        "mini.svg: region 'mini-spot': has no entry in the content of map 'mini'",
    ]
    assert [str(p) for p in check_points_drawn(catalog, [])] == [
        "techniques.json: point 'tp-mini-left': is not drawn on any map"
    ]
