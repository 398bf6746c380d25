import pytest

from app.model.geometry import PathData, direction_at, point_along, polyline_length


def test_cubic_is_sampled_from_start_to_end():
    path = PathData((("M", (0.0, 0.0)), ("C", (0.0, 10.0, 10.0, 10.0, 10.0, 0.0))))
    points = path.points()
    assert points[0] == (0.0, 0.0)
    assert points[-1] == pytest.approx((10.0, 0.0))
    assert max(y for _, y in points) == pytest.approx(7.5)


def test_subpaths_are_split_and_closed():
    path = PathData(
        (
            ("M", (0.0, 0.0)),
            ("L", (1.0, 0.0)),
            ("L", (1.0, 1.0)),
            ("Z", ()),
            ("M", (5.0, 5.0)),
            ("L", (6.0, 5.0)),
            ("L", (6.0, 6.0)),
            ("Z", ()),
        )
    )
    runs = path.subpaths()
    assert len(runs) == 2
    assert runs[0][-1] == (0.0, 0.0)
    assert path.is_closed()


def test_open_path_is_not_closed():
    assert not PathData((("M", (0.0, 0.0)), ("L", (1.0, 0.0)), ("L", (1.0, 1.0)))).is_closed()


def test_directions_and_lengths():
    line = [(0.0, 0.0), (30.0, 0.0), (30.0, 40.0)]
    assert polyline_length(line) == 70.0
    assert direction_at(line, from_end=False) == pytest.approx((1.0, 0.0))
    assert direction_at(line, from_end=True) == pytest.approx((0.0, 1.0))
    assert point_along(line, 0.5) == pytest.approx((30.0, 5.0))
