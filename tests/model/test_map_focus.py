"""Keyboard order and directions on a body map."""

from __future__ import annotations

from app.model.map_focus import FocusTarget, describe, focus_order, nearest_in_direction, step
from app.services.library import load_library


def test_every_region_arrow_and_point_of_every_map_is_in_the_order_once() -> None:
    library = load_library()
    for map_id, body_map in library.maps.items():
        targets = focus_order(body_map)
        keys = [(t.kind, t.id) for t in targets]
        assert len(keys) == len(set(keys)), map_id
        assert {t.id for t in targets if t.kind == "region"} == set(body_map.regions), map_id
        assert {t.id for t in targets if t.kind == "arrow"} == {str(a.order) for a in body_map.arrows}
        assert {t.id for t in targets if t.kind == "point"} == set(body_map.points), map_id


def test_arrows_follow_their_region_in_number_order() -> None:
    body_map = load_library().maps["trunk"]
    targets = focus_order(body_map)
    for i, target in enumerate(targets):
        if target.kind != "region":
            continue
        following = []
        for later in targets[i + 1 :]:
            if later.kind != "arrow":
                break
            following.append(int(later.id))
        assert following == [a.order for a in body_map.arrows_in(target.id)]


def test_step_runs_off_both_ends_so_focus_can_leave_the_map() -> None:
    targets = [FocusTarget("region", str(i), (i * 10.0, 0.0)) for i in range(3)]
    assert step(targets, -1, True) == 0
    assert step(targets, -1, False) == 2
    assert step(targets, 1, True) == 2
    assert step(targets, 2, True) is None
    assert step(targets, 0, False) is None
    assert step([], -1, True) is None


def test_nearest_in_direction_prefers_straight_ahead() -> None:
    targets = [
        FocusTarget("region", "centre", (0.0, 0.0)),
        FocusTarget("region", "right", (100.0, 5.0)),
        FocusTarget("region", "diagonal", (60.0, 60.0)),
        FocusTarget("region", "below", (0.0, 120.0)),
    ]
    assert nearest_in_direction(targets, 0, (1.0, 0.0)) == 1
    assert nearest_in_direction(targets, 0, (0.0, 1.0)) == 3
    assert nearest_in_direction(targets, 0, (-1.0, 0.0)) is None
    assert nearest_in_direction(targets, 1, (-1.0, 0.0)) == 0
    assert nearest_in_direction(targets, -1, (1.0, 0.0)) == 0


def test_descriptions_name_every_target_with_its_number_and_side() -> None:
    library = load_library()
    for map_id, body_map in library.maps.items():
        info = library.catalog.maps[map_id]
        names = {p.id: p.name for p in library.catalog.points.values()}
        for target in focus_order(body_map):
            text = describe(target, body_map, info, names)
            assert "Enter" in text
            if target.kind == "arrow":
                assert text.startswith(f"Arrow {target.id} of {len(body_map.arrows)}")
            elif target.kind == "region":
                region = info.regions[target.id]
                assert region.name in text
                if region.side in ("left", "right"):
                    assert f"client's {region.side}" in text
            else:
                assert names[target.id] in text
