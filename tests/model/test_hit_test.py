"""Hit testing without shapely agrees with shapely's polygons."""

import random

import pytest
import shapely

from app.model.hit_test import RegionIndex, in_ring, ring_area
from app.model.map_loader import load_map
from app.services import resources
from tests.conftest import FIXTURES

SQUARE = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0)]
INNER = [(2.0, 2.0), (4.0, 2.0), (4.0, 4.0), (2.0, 4.0), (2.0, 2.0)]


def test_ring_basics():
    assert ring_area(SQUARE) == 100
    assert in_ring(SQUARE, 5, 5)
    assert not in_ring(SQUARE, 11, 5)
    assert not in_ring(SQUARE, -0.1, 5)


def test_the_smallest_containing_region_wins():
    index = RegionIndex({"big": [SQUARE], "nail": [INNER]})
    assert index.region_at(3, 3) == "nail"
    assert index.region_at(8, 8) == "big"
    assert index.region_at(20, 20) is None
    assert RegionIndex({}).region_at(1, 1) is None


def test_given_areas_decide_the_order():
    index = RegionIndex({"a": [SQUARE], "b": [INNER]}, {"a": 1.0, "b": 50.0})
    assert index.region_at(3, 3) == "a"


def _shipped_maps():
    yield load_map(FIXTURES / "mini" / "mini.svg")
    for svg in sorted(resources.map_file("hand.svg").parent.glob("*.svg")):
        yield load_map(svg)


@pytest.mark.parametrize("body_map", list(_shipped_maps()), ids=lambda m: m.file)
def test_it_agrees_with_shapely_on_every_map(body_map):
    rng = random.Random(body_map.file)
    ordered = sorted(body_map.regions.values(), key=lambda r: r.polygon.area)
    x0, y0, width, height = body_map.view_box
    for _ in range(800):
        x, y = rng.uniform(x0, x0 + width), rng.uniform(y0, y0 + height)
        expected = next((r.id for r in ordered if shapely.contains_xy(r.polygon, x, y)), None)
        assert body_map.region_at(x, y) == expected, (x, y)
    for region in ordered:  # a point well inside each region finds it (or a smaller one inside it)
        point = region.polygon.representative_point()
        found = body_map.region_at(point.x, point.y)
        assert found is not None
        assert body_map.regions[found].polygon.area <= region.polygon.area
