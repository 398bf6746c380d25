import math

import pytest

from app.model.plane import (
    box_distance,
    circle_box_overlap,
    crosses_polyline,
    polyline_distance,
    polyline_length_in_circle,
    segment_distance,
    segment_length_in_circle,
    segments_cross,
    trimmed,
)


def test_distance_to_a_segment_is_to_its_nearest_point_ends_included():
    assert segment_distance((5, 3), (0, 0), (10, 0)) == 3
    assert segment_distance((13, 4), (0, 0), (10, 0)) == 5
    assert segment_distance((1, 1), (0, 0), (0, 0)) == pytest.approx(math.sqrt(2))
    assert polyline_distance((5, 5), [(0, 0), (10, 0), (10, 10)]) == 5
    assert polyline_distance((3, 4), [(0, 0)]) == 5


def test_length_inside_a_circle_is_the_chord_or_the_part_of_the_segment_within():
    assert segment_length_in_circle((-20, 0), (20, 0), (0, 0), 5) == pytest.approx(10)
    assert segment_length_in_circle((0, 0), (20, 0), (0, 0), 5) == pytest.approx(5)
    assert segment_length_in_circle((-20, 3), (20, 3), (0, 0), 5) == pytest.approx(8)
    assert segment_length_in_circle((-20, 6), (20, 6), (0, 0), 5) == 0
    assert polyline_length_in_circle([(-20, 0), (0, 0), (0, 20)], (0, 0), 5) == pytest.approx(10)


def test_segments_cross_only_through_each_other():
    assert segments_cross((0, 0), (10, 10), (0, 10), (10, 0))
    assert not segments_cross((0, 0), (10, 0), (0, 5), (10, 5))
    assert not segments_cross((0, 0), (10, 0), (10, 0), (10, 10))  # ends touching
    assert crosses_polyline((5, -5), (5, 5), [(0, 0), (10, 0), (10, 10)])


def test_a_box_is_near_a_point_at_its_edge_and_shares_area_with_a_circle():
    assert box_distance((5, 5), (0, 0, 10, 10)) == 0
    assert box_distance((13, 14), (0, 0, 10, 10)) == 5
    assert circle_box_overlap((0, 0), 10, (20, 20, 5, 5)) == 0
    assert circle_box_overlap((0, 0), 10, (-50, -50, 100, 100)) == 1
    assert circle_box_overlap((0, 0), 10, (0, -50, 100, 100)) == pytest.approx(0.5)


def test_trimmed_keeps_the_first_part_of_a_polyline():
    assert trimmed([(0, 0), (10, 0), (10, 10)], 15) == ((0, 0), (10, 0), (10, 5))
    assert trimmed([(0, 0), (10, 0)], 50) == ((0, 0), (10, 0))
    assert trimmed([(0, 0), (10, 0)], 0) == ((0, 0), (0, 0))
