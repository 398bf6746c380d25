"""The projected numbers' layout: near the base, clear of everything, with a leader when set away."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.model.badge_check import badge_problems
from app.model.body_map import Arrow
from app.model.plane import segments_cross
from app.model.projected_badges import BadgePlace, BadgeSizes, place_projected_badges
from app.services.library import load_library
from tests.model.straight_arrows import arrow

SIZES = BadgeSizes(radius=40.0, gap=6.0)
AREA = (-500.0, -500.0, 3000.0, 2000.0)


def column(count: int, spacing: float = 30.0) -> list[Arrow]:
    """Short arrows pulling right, one above the other, closer than two badges (the trunk's 14-18)."""
    return [
        arrow(n, [(300.0, 300.0 + n * spacing), (350.0, 300.0 + n * spacing)]) for n in range(1, count + 1)
    ]


def test_a_lone_badge_sits_just_behind_its_base_without_a_leader():
    places = place_projected_badges([arrow(1, [(100.0, 100.0), (200.0, 100.0)])], SIZES, AREA)
    place = places[1]
    assert place.leader is None
    assert place.centre[1] == pytest.approx(100.0)
    assert place.centre[0] == pytest.approx(100.0 - (SIZES.radius + SIZES.dot_radius + SIZES.gap))


def test_a_crowded_column_gets_leaders_and_breaks_no_rule():
    arrows = column(5)
    places = place_projected_badges(arrows, SIZES, AREA)
    assert badge_problems(arrows, places, SIZES, area=AREA) == []
    leaders = [place.leader for place in places.values() if place.leader is not None]
    assert leaders  # five badges do not fit beside five bases 30 apart
    for order, place in places.items():
        base = arrows[order - 1].base
        if place.leader is not None:
            start, end = place.leader
            assert math.dist(start, place.centre) == pytest.approx(SIZES.radius)
            assert math.dist(end, base) == pytest.approx(SIZES.dot_radius)
    assert not any(segments_cross(*a, *b) for i, a in enumerate(leaders) for b in leaders[i + 1 :])


def test_a_badge_keeps_off_a_text_behind_its_base_and_inside_the_area():
    lone = [arrow(1, [(100.0, 100.0), (200.0, 100.0)])]
    text = (0.0, 60.0, 90.0, 80.0)  # right behind the base
    places = place_projected_badges(lone, SIZES, AREA, texts=[text])
    assert badge_problems(lone, places, SIZES, texts=[text]) == []
    edge = (60.0, 0.0, 400.0, 400.0)  # the screen ends just behind the base
    places = place_projected_badges(lone, SIZES, edge)
    assert badge_problems(lone, places, SIZES, area=edge) == []
    assert places[1].centre[0] - SIZES.radius >= 60.0


def test_no_badge_runs_its_leader_along_its_own_arrow():
    arrows = column(6, spacing=25.0)
    for place, each in zip(place_projected_badges(arrows, SIZES, AREA).values(), arrows, strict=True):
        if place.leader is not None:
            (sx, sy), (ex, ey) = place.leader
            pull = each.start_direction
            # The leader comes from behind or beside the base, never from ahead along the pull.
            assert (sx - ex) * pull[0] + (sy - ey) * pull[1] < 0.9 * math.hypot(sx - ex, sy - ey)


@pytest.mark.parametrize("radius", [19.5, 30.0, 42.0, 50.0])
def test_every_shipped_map_at_projector_sizes_breaks_no_rule(radius):
    library = load_library()
    sizes = BadgeSizes(radius=radius, gap=8.0)
    for info in library.map_infos():
        arrows = library.maps[info.id].arrows
        area = (-60.0, -40.0, 1720.0, 1080.0)
        places = place_projected_badges(arrows, sizes, area)
        assert badge_problems(arrows, places, sizes, area=area) == [], info.id


def test_the_check_names_what_a_layout_breaks():
    arrows = [arrow(1, [(100.0, 100.0), (200.0, 100.0)]), arrow(2, [(100.0, 300.0), (200.0, 300.0)])]
    head_of_1 = arrows[0].tip
    places = {1: BadgePlace((150.0, 100.0)), 2: BadgePlace(head_of_1, ((0.0, 0.0), (10.0, 10.0)))}
    found = badge_problems(
        arrows, places, SIZES, texts=[(140.0, 90.0, 10.0, 10.0)], area=(0.0, 0.0, 190.0, 190.0)
    )
    assert "badges 1 and 2 overlap" in found
    assert "badge 2 covers the head of arrow 1" in found
    assert "badge 1 covers the base dot of arrow 1" not in found  # 50 from the base: clear of the dot
    assert any(problem.startswith("badges cover") and problem.endswith("arrow 1") for problem in found)
    assert any(problem.startswith("badge 1 touches a text") for problem in found)
    assert "badge 2 is not wholly on the screen" in found
    assert "the leader of badge 2 does not reach its base" in found
    assert "arrow 2 has no badge" in badge_problems(arrows, {1: places[1]}, SIZES)


def test_when_nothing_obeys_every_rule_the_least_bad_place_is_given_and_the_check_says_so():
    arrows = column(4)
    tight = (250.0, 300.0, 200.0, 160.0)  # room for two badges, not four
    places = place_projected_badges(arrows, SIZES, tight)
    assert set(places) == {1, 2, 3, 4}
    assert any("overlap" in problem for problem in badge_problems(arrows, places, SIZES, area=tight))


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 9), st.integers(0, 6), st.sampled_from([(1, 0), (0, 1), (-1, 0), (0, -1)])),
        min_size=1,
        max_size=14,
        unique_by=lambda t: (t[0], t[1]),
    ),
    st.sampled_from([20.0, 30.0, 40.0]),
)
def test_arrows_on_a_grid_get_badges_that_break_no_rule(cells, radius):
    arrows = [
        arrow(
            n,
            [(200.0 + 150 * cx, 200.0 + 150 * cy), (200.0 + 150 * cx + 60 * dx, 200.0 + 150 * cy + 60 * dy)],
        )
        for n, (cx, cy, (dx, dy)) in enumerate(cells, 1)
    ]
    sizes = BadgeSizes(radius=radius, gap=6.0)
    area = (-200.0, -200.0, 2000.0, 1600.0)
    places = place_projected_badges(arrows, sizes, area)
    assert badge_problems(arrows, places, sizes, area=area) == []


def test_an_area_smaller_than_a_badge_still_gives_every_badge_a_place():
    # A stage laid out before it is shown, or a window dragged very small: never an error.
    arrows = [arrow(1, [(100.0, 100.0), (200.0, 100.0)]), arrow(2, [(100.0, 300.0), (200.0, 300.0)])]
    places = place_projected_badges(arrows, SIZES, (0.0, 0.0, 30.0, 20.0))
    assert sorted(places) == [1, 2]
    assert all(place.leader is None for place in places.values())
    assert badge_problems(arrows, places, SIZES, area=(0.0, 0.0, 30.0, 20.0))  # and the check says so
