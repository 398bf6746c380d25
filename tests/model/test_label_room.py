import pytest

from app.model.label_room import free_spot
from app.model.presentation import overlaps

AREA = (0.0, 0.0, 400.0, 300.0)


def test_a_clear_text_stays_put():
    assert free_spot((10, 10, 50, 20), [(200, 200, 30, 30)], AREA, 5, 100) == (0, 0)


def test_a_boxed_in_text_goes_to_the_nearest_clear_place_inside_the_area():
    text = (100, 100, 60, 20)
    numbers = [(80, 95, 30, 30), (150, 95, 30, 30), (100, 80, 60, 25)]  # left, right and above
    move = free_spot(text, numbers, AREA, 5, 100)
    assert move is not None
    dx, dy = move
    moved = (100 + dx, 100 + dy, 60, 20)
    assert not any(overlaps(moved, n) for n in numbers)
    assert dy > 0  # out through the open side, below,
    assert abs(dx) < 30  # not far round
    assert moved[1] + 20 <= 300


def test_no_room_within_reach_is_none():
    walls = [(0, 0, 400, 300)]
    assert free_spot((100, 100, 60, 20), walls, AREA, 5, 50) is None


@pytest.mark.parametrize(("step", "distance"), [(0, 10), (5, 0)])
def test_a_step_or_reach_that_is_not_positive_is_an_error(step, distance):
    with pytest.raises(ValueError, match="must be positive"):
        free_spot((0, 0, 1, 1), [], AREA, step, distance)
