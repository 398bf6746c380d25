import pytest
from PySide6.QtCore import Qt

from app.model.countdown import CountdownState
from app.model.tender_round import RoundPhase
from app.services.library import load_library
from app.ui.actions import ActionId
from tests.fake_clock import FakeClock


@pytest.fixture(scope="module")
def shipped():
    return load_library()


def test_a_full_tender_point_round_visits_all_18_points(make_window, shipped, qtbot):
    clock = FakeClock()
    window = make_window(shipped, clock=clock)
    window.actions_by_id[ActionId.TENDER_ROUND].trigger()
    timer = window.timer
    assert timer.isVisible()
    visited = [window.current_point]
    timer.point_changed.connect(lambda pid: visited.append(pid))
    qtbot.keyClick(timer.countdown, Qt.Key.Key_Space)  # Space on the focused countdown starts the round
    hold = shipped.catalog.techniques["tender-point-therapy"].duration_seconds
    assert timer.round is not None
    assert timer.round.phase is RoundPhase.HOLD
    for _ in range(18):
        clock.advance(3 + hold + timer.rest.value() + 0.01)
        timer.countdown.tick()
    assert timer.round.phase is RoundPhase.FINISHED
    assert timer.round.done_count == 18
    assert len(set(visited)) == 18
    assert window.current_map == "tender-points"
    assert (
        window.scenes["tender-points"].point_items[visited[5]].marked or window.current_point == visited[-1]
    )


def test_round_marks_the_current_point_and_opens_its_card(make_window, shipped, qtbot):
    window = make_window(shipped, clock=FakeClock())
    window.start_tender_round()
    first = window.timer.round.current_point
    assert window.current_point == first
    assert window.scenes["tender-points"].point_items[first].marked
    assert window.cards.heading.startswith(shipped.catalog.points[first].name)
    window.timer.next_point()
    second = window.timer.round.current_point
    assert second != first
    assert window.scenes["tender-points"].point_items[second].marked
    assert not window.scenes["tender-points"].point_items[first].marked


def test_card_timer_uses_the_contents_duration(make_window, shipped, qtbot):
    clock = FakeClock()
    window = make_window(shipped, clock=clock)
    window.show_point("tp-occiput-left")
    window.cards.cards[0].timer_requested.emit("tender-point-therapy")
    countdown = window.timer.countdown.countdown
    assert countdown.duration == shipped.catalog.techniques["tender-point-therapy"].duration_seconds
    assert window.timer.title.text() == "Occiput (client's left)"
    window.actions_by_id[ActionId.TIMER_TOGGLE].trigger()
    clock.advance(3 + 5)
    window.timer.countdown.tick()
    assert countdown.state is CountdownState.RUNNING
    assert countdown.remaining == pytest.approx(countdown.duration - 5)
    window.actions_by_id[ActionId.TIMER_RESET].trigger()
    assert countdown.state is CountdownState.IDLE


def test_timer_keys_only_act_while_the_timer_is_shown(make_window, shipped, qtbot):
    window = make_window(shipped, clock=FakeClock())
    toggle = window.actions_by_id[ActionId.TIMER_TOGGLE]
    assert not toggle.isEnabled()
    window.open_timer("occipital-work")
    assert toggle.isEnabled()
    assert window.timer.countdown.countdown.duration == 180
    window.timer.close_panel()
    assert not toggle.isEnabled()


def test_session_guide_and_planner_open_from_the_window(make_window, shipped, qtbot, monkeypatch):
    from app.ui.course_planner import CoursePlannerDialog

    window = make_window(shipped, clock=FakeClock())
    window.actions_by_id[ActionId.SESSION_GUIDE].trigger()
    assert window.session_guide is not None
    assert window.session_guide.isVisible()
    opened = []
    monkeypatch.setattr(CoursePlannerDialog, "exec", lambda self: opened.append(self) or 0)
    window.actions_by_id[ActionId.COURSE_PLANNER].trigger()
    assert len(opened) == 1
    window.close()
    assert not window.session_guide.isVisible()


def test_play_strokes_draws_every_arrow_of_the_map_in_order(make_window, shipped, qtbot):
    clock = FakeClock()
    window = make_window(shipped, clock=clock)
    window.show_map("hand")
    scene = window.scenes["hand"]
    started = []
    window.playback.arrow_started.connect(started.append)
    window.actions_by_id[ActionId.PLAY_STROKES].setChecked(True)
    assert window.playback_bar.isVisible()
    assert not scene.arrow_items[2].isVisible()  # not yet played
    for _ in range(200):
        clock.advance(0.5)
        window.playback.refresh()
    assert started == [a.order for a in shipped.maps["hand"].arrows]
    window.show_map("trunk")  # switching maps stops playback and restores the hand map
    assert not window.actions_by_id[ActionId.PLAY_STROKES].isChecked()
    assert all(item.isVisible() for item in scene.arrow_items.values())


def test_search_goes_to_a_region_a_card_and_a_point(make_window, shipped, qtbot):
    window = make_window(shipped, clock=FakeClock())
    window.actions_by_id[ActionId.SEARCH].trigger()
    assert window.search.isVisible()
    hits = window.search.index.query("thenar eminense")
    region = next(h for h in hits if h.kind.value == "region")
    window.open_hit(region)
    assert window.current_map == "hand"
    assert window.cards.heading == "Thenar eminence"
    window.open_hit(window.search.index.query("ironing")[0])
    assert "Ironing" in window.cards.card_titles()[0]
    point = next(h for h in window.search.index.query("greater trochanter") if h.kind.value == "point")
    window.open_hit(point)
    assert window.current_point == point.target_id


def test_unticking_the_3_2_1_box_applies_to_the_hold_ready_to_start(make_window, shipped, qtbot):
    # A therapist who unticks "3-2-1 get-ready count" and presses Space gets the hold at once.
    clock = FakeClock()
    window = make_window(shipped, clock=clock)
    window.open_timer("tender-point-therapy")
    timer = window.timer
    assert timer.get_ready.isChecked()
    timer.get_ready.setChecked(False)
    qtbot.keyClick(timer.countdown, Qt.Key.Key_Space)
    assert timer.countdown.countdown.state is CountdownState.RUNNING
    hold = shipped.catalog.techniques["tender-point-therapy"].duration_seconds
    assert timer.countdown.countdown.duration == hold
    timer.get_ready.setChecked(True)  # a hold under way is left alone
    assert timer.countdown.countdown.state is CountdownState.RUNNING


def test_the_3_2_1_box_applies_to_the_rounds_holds_to_come(make_window, shipped, qtbot):
    clock = FakeClock()
    window = make_window(shipped, clock=clock)
    window.start_tender_round()
    timer = window.timer
    timer.get_ready.setChecked(False)  # before the first hold
    qtbot.keyClick(timer.countdown, Qt.Key.Key_Space)
    assert timer.round.countdown.state is CountdownState.RUNNING
    timer.get_ready.setChecked(True)  # during the round: the next point counts 3-2-1 again
    hold = shipped.catalog.techniques["tender-point-therapy"].duration_seconds
    clock.advance(hold + timer.rest.value() + 0.01)
    timer.countdown.tick()
    assert timer.round.index == 1
    assert timer.round.countdown.state is CountdownState.GET_READY
