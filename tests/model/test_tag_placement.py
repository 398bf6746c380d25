import pytest

from app.model.presentation import overlaps
from app.model.tag_placement import place_box

BOUNDS = (0.0, 0.0, 1600.0, 1000.0)


def test_a_free_anchor_keeps_the_tag_centred_on_it():
    assert place_box((100, 40), (500, 500), [(0, 0, 50, 50)], BOUNDS) == (450, 480, 100, 40)


def test_a_label_on_the_anchor_moves_the_tag_to_the_nearest_clear_spot_above_first():
    label = (440, 490, 120, 30)
    box = place_box((100, 40), (500, 500), [label], BOUNDS, gap=4)
    assert not overlaps(box, (436, 486, 128, 38))
    x, y, w, h = box
    assert y + h <= 486  # above it: the first clear ring, straight up
    assert x == pytest.approx(450)
    assert 486 - (y + h) < 10  # no farther than one ring too many


def test_the_tag_stays_inside_the_bounds_and_clear_of_every_obstacle():
    obstacles = [(0, 0, 200, 60), (0, 60, 60, 200), (200, 0, 60, 60)]
    box = place_box((120, 48), (10, 10), obstacles, BOUNDS)
    bx, by, bw, bh = box
    assert bx >= 0
    assert by >= 0
    assert bx + bw <= 1600
    assert by + bh <= 1000
    assert not any(overlaps(box, o) for o in obstacles)


def test_with_nowhere_clear_it_stays_on_its_place():
    everything = [(-10, -10, 1700, 1100)]
    assert place_box((100, 40), (800, 500), everything, BOUNDS, reach=50) == (750, 480, 100, 40)
