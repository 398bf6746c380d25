"""Presentation mode's decisions: stops, overlay sides, projected text size, screens."""

from __future__ import annotations

import pytest

from app.model.presentation import (
    PresentationPlan,
    Side,
    Stop,
    assign_screens,
    clock_text,
    cycle,
    describe_next,
    overlaps,
    place_overlay,
    spread_apart,
    text_scale,
)

PLAN = PresentationPlan([("hand", [3, 1, 2]), ("points", []), ("hip", [2, 1])])


def test_each_map_is_followed_by_its_arrows_in_number_order():
    assert PLAN.stops == (
        Stop("hand"),
        Stop("hand", 1),
        Stop("hand", 2),
        Stop("hand", 3),
        Stop("points"),
        Stop("hip"),
        Stop("hip", 1),
        Stop("hip", 2),
    )
    assert PLAN.arrows_of("hand") == (1, 2, 3)


def test_right_and_left_step_one_stop_and_hold_at_the_ends():
    assert PLAN.step(Stop("hand", 3), 1) == Stop("points")
    assert PLAN.step(Stop("points"), -1) == Stop("hand", 3)
    assert PLAN.step(Stop("hand"), -1) == Stop("hand")
    assert PLAN.step(Stop("hip", 2), 1) == Stop("hip", 2)


def test_page_keys_go_to_a_whole_map_and_hold_at_the_ends():
    assert PLAN.step_map(Stop("hand", 2), 1) == Stop("points")
    assert PLAN.step_map(Stop("hip", 1), -1) == Stop("points")
    assert PLAN.step_map(Stop("hip", 1), 1) == Stop("hip")
    assert PLAN.step_map(Stop("hand", 1), -1) == Stop("hand")


def test_an_unknown_stop_is_named_in_the_error():
    with pytest.raises(ValueError, match="hand.*not a stop"):
        PLAN.index(Stop("hand", 9))


def test_a_plan_needs_maps_named_once():
    with pytest.raises(ValueError, match="at least one map"):
        PresentationPlan([])
    with pytest.raises(ValueError, match="'hand' is named twice"):
        PresentationPlan([("hand", [1]), ("hand", [2])])


def test_what_comes_next_is_the_next_arrow_with_its_instruction_or_the_next_map():
    titles = {"hand": "Hand", "points": "Tender points", "hip": "Hip"}
    instructions = {"hand": {2: "Along the crease."}}
    assert describe_next(PLAN, Stop("hand", 1), titles, instructions) == "Arrow 2 of 3: Along the crease."
    assert describe_next(PLAN, Stop("hand", 2), titles, instructions) == "Arrow 3 of 3"
    assert describe_next(PLAN, Stop("hand", 3), titles, instructions) == "Next map: Tender points"
    assert describe_next(PLAN, Stop("hip", 2), titles, instructions) == "End of the maps."


def test_tab_cycles_through_regions_both_ways():
    items = ["a", "b", "c"]
    assert cycle(items, "", 1) == "a"
    assert cycle(items, "", -1) == "c"
    assert cycle(items, "c", 1) == "a"
    assert cycle(items, "a", -1) == "c"
    assert cycle([], "a", 1) == ""


SCREEN = (0.0, 0.0, 1280.0, 800.0)


@pytest.mark.parametrize(
    ("target", "side"),
    [
        ((100.0, 300.0, 150.0, 120.0), Side.RIGHT),  # a region on the left: the card goes right
        ((1000.0, 100.0, 150.0, 500.0), Side.LEFT),
        ((620.0, 300.0, 100.0, 100.0), Side.LEFT),  # in the middle, right of centre
    ],
)
def test_the_overlay_goes_away_from_its_target_and_never_covers_it(target, side):
    placement = place_overlay(SCREEN, target)
    assert placement.side is side
    assert placement.shift == 0.0
    assert not overlaps(placement.rect, target)
    x, y, w, h = placement.rect
    assert w >= 480
    assert x >= 0
    assert x + w <= 1280
    assert y >= 0
    assert y + h <= 800


def test_a_central_target_that_only_fits_beside_one_side_gets_that_side():
    # Centred left of the middle, but too wide for a right-hand overlay: the left one fits.
    target = (500.0, 100.0, 200.0, 200.0)
    placement = place_overlay(SCREEN, target, fraction=0.3, min_width=300)
    assert not overlaps(placement.rect, target)
    assert placement.shift == 0.0


def test_a_target_too_wide_for_either_side_asks_for_the_smallest_shift():
    target = (300.0, 100.0, 700.0, 200.0)
    placement = place_overlay(SCREEN, target)
    assert placement.shift != 0.0
    x, y, w, h = target
    assert not overlaps(placement.rect, (x + placement.shift, y, w, h))


def test_text_grows_only_as_much_as_it_must():
    assert text_scale(20, 0.8) == pytest.approx(1.5)
    assert text_scale(40, 0.8) == 1.0
    assert 20 * 0.8 * text_scale(20, 0.8) >= 24 - 1e-9
    with pytest.raises(ValueError, match="positive"):
        text_scale(0, 1.0)


LAPTOP = (0.0, 0.0, 1440.0, 900.0)
PROJECTOR = (1440.0, 0.0, 1280.0, 800.0)


def test_the_class_gets_the_other_screen_and_swapping_exchanges_them():
    assert assign_screens([LAPTOP, PROJECTOR], 0) == (1, 0)
    assert assign_screens([LAPTOP, PROJECTOR], 0, swapped=True) == (0, 1)
    assert assign_screens([LAPTOP, PROJECTOR], 1) == (0, 1)
    assert assign_screens([LAPTOP], 0) == (0, None)
    small = (2720.0, 0.0, 800.0, 600.0)
    assert assign_screens([LAPTOP, small, PROJECTOR], 0) == (2, 0)
    with pytest.raises(ValueError, match="screen 3 does not exist"):
        assign_screens([LAPTOP], 3)


def test_clock_text():
    assert clock_text(0) == "0:00"
    assert clock_text(605.7) == "10:05"
    assert clock_text(3725) == "1:02:05"


def _moved(boxes, moves):
    return [(x + dx, y + dy, w, h) for (x, y, w, h), (dx, dy) in zip(boxes, moves, strict=True)]


def test_captions_side_by_side_part_sideways_with_a_gap_and_the_rest_stay():
    boxes = [(0.0, 0.0, 100.0, 20.0), (90.0, 5.0, 100.0, 20.0), (0.0, 100.0, 50.0, 20.0)]
    moves = spread_apart(boxes, gap=4.0)
    assert moves[0][0] < 0 < moves[1][0]
    assert moves[2] == (0.0, 0.0)
    moved = _moved(boxes, moves)
    assert moved[1][0] - (moved[0][0] + moved[0][2]) == pytest.approx(4.0)
    assert moved[0][1] == boxes[0][1]


def test_stacked_captions_part_up_and_down():
    boxes = [(0.0, 0.0, 200.0, 30.0), (20.0, 25.0, 200.0, 30.0)]
    moved = _moved(boxes, spread_apart(boxes))
    assert moved[0][0] == 0.0
    assert moved[1][0] == 20.0
    assert not overlaps(moved[0], moved[1])


def test_grown_captions_stay_inside_the_picture():
    boxes = [(-30.0, 0.0, 100.0, 20.0), (1550.0, 0.0, 100.0, 20.0), (1480.0, 990.0, 100.0, 20.0)]
    moved = _moved(boxes, spread_apart(boxes, gap=4.0, within=(0.0, 0.0, 1600.0, 1000.0)))
    assert all(x >= 0.0 and x + w <= 1600.0 and y >= 0.0 and y + h <= 1000.0 for x, y, w, h in moved)
    assert moved[0][0] == 0.0
    assert not overlaps(moved[1], moved[2])


def test_a_caption_on_an_arrow_number_moves_off_it_and_the_number_stays():
    boxes = [(100.0, 100.0, 200.0, 30.0)]
    badge = (280.0, 95.0, 40.0, 40.0)
    moved = _moved(boxes, spread_apart(boxes, fixed=[badge]))
    assert not overlaps(moved[0], badge)
    assert moved[0][1] == 100.0
