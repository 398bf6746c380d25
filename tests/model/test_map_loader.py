import math

import pytest

from app.model.map_loader import load_map, parse_map
from app.model.problems import ContentError
from tests.conftest import FIXTURES

MINI = FIXTURES / "mini" / "mini.svg"


def svg(body: str, attrs: str = 'viewBox="0 0 100 100"') -> bytes:
    outline = '<g id="outline"><path d="M0 0 L10 10"/></g>'
    return f'<svg xmlns="http://www.w3.org/2000/svg" {attrs}>{outline}{body}</svg>'.encode()


SQUARE = '<g id="regions"><path id="sq" d="M10 10 L60 10 L60 60 L10 60 Z"/></g>'


def problems_of(data: bytes) -> list[str]:
    with pytest.raises(ContentError) as exc:
        parse_map(data, "m.svg")
    return [str(p) for p in exc.value.problems]


def test_mini_map_reads_every_group():
    body_map = load_map(MINI)
    assert body_map.view_box == (0.0, 0.0, 1600.0, 1000.0)
    assert set(body_map.regions) == {"mini-left", "mini-right", "mini-spot"}
    assert [a.order for a in body_map.arrows] == [1, 2, 3]
    first = body_map.arrows[0]
    assert first.base == (300.0, 600.0)
    assert first.tip == pytest.approx((360.0, 460.0))
    assert body_map.arrows[2].style == "return"
    assert set(body_map.points) == {"tp-mini-left"}
    assert [label.kind for label in body_map.labels] == ["view", "side", "region"]
    assert [s.kind for s in body_map.outline] == ["contour", "detail"]
    assert len(body_map.leaders) == 1


def test_arrow_directions_follow_the_path():
    arrow = load_map(MINI).arrows[1]  # M600 600 L700 500
    assert arrow.start_direction == pytest.approx((math.sqrt(0.5), -math.sqrt(0.5)))
    assert arrow.end_direction == pytest.approx((math.sqrt(0.5), -math.sqrt(0.5)))


def test_region_at_hits_regions_and_prefers_the_smallest():
    body_map = load_map(MINI)
    assert body_map.region_at(300, 500) == "mini-left"
    assert body_map.region_at(560, 700) == "mini-right"
    assert body_map.region_at(650, 340) == "mini-spot"  # inside mini-right too
    assert body_map.region_at(1500, 900) is None


def test_label_positions_include_group_translation():
    data = svg('<g id="labels" transform="translate(5,7)"><text class="note" x="10" y="20">Hi</text></g>')
    (label,) = parse_map(data, "m.svg").labels
    assert (label.x, label.y, label.kind) == (15.0, 27.0, "note")


def test_numbering_gaps_and_duplicates_are_reported():
    arrows = "".join(f'<path data-order="{n}" data-region="sq" d="M20 20 L30 30"/>' for n in (1, 2, 2, 5))
    assert problems_of(svg(SQUARE + f'<g id="arrows">{arrows}</g>')) == [
        "m.svg: arrows: must be numbered 1..4 (duplicated: 2; missing: 3, 4)"
    ]


def test_arrow_base_outside_its_region_is_reported():
    data = svg(SQUARE + '<g id="arrows"><path data-order="1" data-region="sq" d="M80 80 L30 30"/></g>')
    assert problems_of(data) == ["m.svg: <path>: arrow 1: its base lies outside its region 'sq'"]


def test_arrow_naming_an_unknown_region_is_reported():
    data = svg(SQUARE + '<g id="arrows"><path data-order="1" data-region="nope" d="M20 20 L30 30"/></g>')
    assert problems_of(data) == ["m.svg: <path>: data-region names unknown region 'nope'"]


@pytest.mark.parametrize(
    ("region", "message"),
    [
        (
            '<path id="r" d="M10 10 L60 10 L60 60"/>',
            "a region must be a closed path (end it with Z)",
        ),
        ('<path id="r" d="M10 10 L60 60 L60 10 L10 60 Z"/>', "the region outline crosses itself"),
        ('<path id="r" d="M10 10 L60 60 L30 30 L60 60 Z"/>', "a region must enclose an area"),
        ('<path id="r" d="M10 10 L60 10 L30 10 Z"/>', "a region must enclose an area"),
        ('<path d="M10 10 L60 10 L60 60 Z"/>', "a region needs an id"),
    ],
)
def test_bad_regions_are_reported(region, message):
    (problem,) = problems_of(svg(f'<g id="regions">{region}</g>'))
    assert problem.endswith(message)


def test_an_arrow_whose_tip_leaves_its_region_is_reported():
    arrow = '<g id="arrows"><path data-order="1" data-region="sq" d="M20 20 L200 20"/></g>'
    (problem,) = problems_of(svg(SQUARE + arrow, 'viewBox="0 0 300 100"'))
    assert problem == "m.svg: <path>: arrow 1: its tip lies 140 units outside its region 'sq' (at most 40)"


def test_nan_coordinates_are_refused():
    (problem,) = problems_of(svg('<g id="regions"><path id="r" d="M10 10 L nan 10 L60 60 Z"/></g>'))
    assert "m.svg" in problem


def test_missing_outline_group_is_reported():
    data = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g id="regions"/></svg>'
    assert problems_of(data) == ['m.svg: <svg>: has no <g id="outline"> group']


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg/>', "declares a DTD"),
        (svg('<image href="file:///etc/passwd"/>'), "<image> elements are not allowed"),
        (
            svg('<g id="labels"><a href="https://example.org"><text>x</text></a></g>'),
            "may not reference files or URLs",
        ),
        (b"<svg", "is not well-formed XML"),
        (b"<html><body/></html>", "is <html>, not <svg>"),
        (svg("", 'width="10" height="10" viewBox="0 0 10 10"'), "give only a viewBox"),
        (svg("", ""), "has no viewBox"),
    ],
)
def test_hostile_or_broken_svg_is_refused(data, expected):
    problems = problems_of(data)
    assert len(problems) == 1
    assert expected in problems[0]
    assert problems[0].startswith("m.svg: ")


def test_deep_nesting_is_refused():
    data = svg("<g>" * 40 + "</g>" * 40)
    assert "nested more than" in problems_of(data)[0]
