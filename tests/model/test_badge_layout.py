from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, Point, box

from app.model.badge_layout import place_badges
from app.model.map_loader import load_map
from tests.conftest import FIXTURES
from tests.model.straight_arrows import arrow

RADIUS = 18.0


def test_badge_sits_behind_the_base_when_free():
    (centre,) = place_badges([arrow(1, [(100.0, 100.0), (200.0, 100.0)])], RADIUS).values()
    assert centre[1] == 100.0
    assert centre[0] < 100.0 - RADIUS


def test_badges_avoid_obstacles_other_arrows_and_each_other():
    body_map = load_map(FIXTURES / "mini" / "mini.svg")
    label = box(250, 610, 330, 650)  # right where arrow 1's badge would go
    centres = place_badges(body_map.arrows, RADIUS, [label])
    discs = {n: Point(c).buffer(RADIUS) for n, c in centres.items()}
    assert not any(d.intersects(label) for d in discs.values())
    for n, disc in discs.items():
        for a in body_map.arrows:
            assert not disc.intersects(LineString(a.polyline)), (n, a.order)
        for m, other in discs.items():
            assert m == n or not disc.intersects(other)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 14),
            st.integers(0, 9),
            st.sampled_from([(1, 0), (0, 1), (-1, 0), (0, -1)]),
        ),
        min_size=1,
        max_size=12,
        unique_by=lambda t: (t[0], t[1]),
    )
)
def test_badges_on_a_sparse_grid_never_touch_arrows_or_each_other(cells):
    arrows = []
    for n, (cx, cy, (dx, dy)) in enumerate(cells, 1):
        x, y = 120.0 + cx * 160, 120.0 + cy * 160
        arrows.append(arrow(n, [(x, y), (x + dx * 60, y + dy * 60)]))
    centres = place_badges(arrows, RADIUS)
    discs = [Point(c).buffer(RADIUS) for c in centres.values()]
    for disc in discs:
        assert all(not disc.intersects(LineString(a.polyline)) for a in arrows)
    assert all(not a.intersects(b) for i, a in enumerate(discs) for b in discs[i + 1 :])
