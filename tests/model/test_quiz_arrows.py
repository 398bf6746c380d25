import pytest

from app.model.body_map import Arrow
from app.model.geometry import PathData, direction_at
from app.model.quiz_arrows import (
    OPTION_OFFSET,
    arrow_at,
    direction_options,
    reversed_arrow,
    reversed_path,
    shifted_arrow,
)


def _arrow(segments, order=1) -> Arrow:
    path = PathData(tuple(segments))
    polyline = tuple(path.points())
    return Arrow(
        order=order,
        region="r",
        path=path,
        polyline=polyline,
        start_direction=direction_at(polyline, from_end=False),
        end_direction=direction_at(polyline, from_end=True),
    )


STRAIGHT = _arrow([("M", (0.0, 0.0)), ("L", (100.0, 0.0))])
CURVED = _arrow([("M", (0.0, 0.0)), ("L", (10.0, 0.0)), ("C", (30.0, 0.0, 50.0, 20.0, 60.0, 40.0))])


def test_reversed_path_runs_back_along_the_same_curve():
    back = reversed_path(CURVED.path)
    assert back.segments[0] == ("M", (60.0, 40.0))
    assert back.segments[1] == ("C", (50.0, 20.0, 30.0, 0.0, 10.0, 0.0))
    assert back.segments[2] == ("L", (0.0, 0.0))
    # The same points, the other way round.
    flat = [v for point in back.points() for v in point]
    assert flat == pytest.approx([v for point in reversed(CURVED.path.points()) for v in point])


def test_reversing_twice_gives_the_arrow_back():
    twice = reversed_arrow(reversed_arrow(CURVED))
    assert twice.path == CURVED.path
    assert twice.polyline == CURVED.polyline


def test_reversed_arrow_swaps_base_and_tip_and_points_the_other_way():
    back = reversed_arrow(STRAIGHT)
    assert back.base == STRAIGHT.tip
    assert back.tip == STRAIGHT.base
    assert back.end_direction == pytest.approx((-1.0, 0.0))
    assert STRAIGHT.end_direction == pytest.approx((1.0, 0.0))
    assert back.order == STRAIGHT.order
    assert back.region == STRAIGHT.region


@pytest.mark.parametrize("segments", [[("L", (1.0, 1.0))], [("M", (0.0, 0.0)), ("L", (1.0, 0.0)), ("Z", ())]])
def test_paths_without_a_direction_are_refused(segments):
    with pytest.raises(ValueError, match="move|closed"):
        reversed_path(PathData(tuple(segments)))


def test_shifted_arrow_moves_every_point():
    moved = shifted_arrow(CURVED, 5.0, -3.0)
    assert moved.base == (5.0, -3.0)
    assert moved.path.segments[2] == ("C", (35.0, -3.0, 55.0, 17.0, 65.0, 37.0))
    assert moved.end_direction == pytest.approx(CURVED.end_direction)


@pytest.mark.parametrize("true_first", [True, False])
def test_direction_options_are_the_true_and_the_reversed_stroke_either_side(true_first):
    options = direction_options(STRAIGHT, true_first)
    ids = [o[0] for o in options]
    assert ids == (["pull", "reversed"] if true_first else ["reversed", "pull"])
    by_id = {kind: (arrow, side) for kind, arrow, side in options}
    pull, pull_side = by_id["pull"]
    back, back_side = by_id["reversed"]
    assert pull.end_direction == pytest.approx((1.0, 0.0))
    assert back.end_direction == pytest.approx((-1.0, 0.0))
    # Set off square to the line, on opposite sides, neither on the map's own line.
    assert pull_side == pytest.approx((-back_side[0], -back_side[1]))
    assert abs(pull.base[1]) == pytest.approx(OPTION_OFFSET)
    assert pull.base[1] == pytest.approx(-back.base[1])


def test_arrow_at_picks_the_nearest_line_within_reach():
    lower = shifted_arrow(STRAIGHT, 0.0, 40.0)
    other = Arrow(**{**lower.__dict__, "order": 2})
    assert arrow_at([STRAIGHT, other], 50.0, 5.0) is STRAIGHT
    assert arrow_at([STRAIGHT, other], 50.0, 30.0) is other
    assert arrow_at([STRAIGHT, other], 50.0, 90.0) is None
    assert arrow_at([STRAIGHT], 150.0, 0.0) is None
