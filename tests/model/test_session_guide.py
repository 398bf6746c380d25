"""The session guide's layout, the prone watch and the session record, on the shipped content."""

from dataclasses import replace

import pytest

from app.model.countdown import CueKind
from app.model.guide_layout import SOFT_LIMIT_SECONDS, TimerKind, area_timer
from app.model.prone_watch import Position, ProneLevel, ProneWatch, position_from_text
from app.model.session_focus import REGIONAL_AREAS, focus_areas
from app.model.session_guide import GuideNote, ScreenKind, build_guide, full_body_considered
from app.model.session_record import SessionRecord
from app.services.library import load_library
from tests.fake_clock import FakeClock


@pytest.fixture(scope="module")
def catalog():
    return load_library().catalog


@pytest.fixture(scope="module")
def areas(catalog):
    return {area.id: area for area in focus_areas(catalog)}


def rule_ids(screen):
    return [rule.id for rule in screen.rules]


def screen(guide, technique_id):
    found = [s for s in guide.screens if s.technique is not None and s.technique.id == technique_id]
    assert found, technique_id
    return found[0]


def test_focus_areas_name_only_what_the_content_has(catalog, areas):
    assert list(areas) == ["neck-upper-back", "lower-back-buttocks", "full-body"]
    for data in REGIONAL_AREAS:
        kept = areas[data.id]
        assert kept.maps == data.maps, "every map and region of a focus area must exist in the content"
        assert kept.points == data.points
    full = areas["full-body"]
    assert {m.map_id for m in full.maps} == {i.id for i in catalog.maps.values() if i.arrow_instructions}
    assert set(full.points) == set(catalog.points)


def test_the_eight_steps_come_in_order_between_intro_and_closing(catalog, areas):
    guide = build_guide(catalog, 12, areas["neck-upper-back"])
    assert guide.screens[0].kind is ScreenKind.INTRO
    assert guide.screens[-1].kind is ScreenKind.CLOSING
    numbers = [s.step_number for s in guide.steps if s.step_number is not None]
    assert numbers == sorted(numbers)
    assert set(numbers) == set(range(1, 9))
    assert len({s.key for s in guide.screens}) == len(guide.screens)
    for s in guide.steps:
        if s.step_number is not None:
            step = catalog.protocol[s.step_number - 1]
            assert s.title == step.title
            assert s.summary == step.summary
        assert s.technique is not None
        assert s.instructions == s.technique.steps


def test_figures_without_a_step_are_placed_as_fibromap_says(catalog, areas):
    guide = build_guide(catalog, 12, areas["full-body"])
    keys = [s.key for s in guide.screens]
    group = [s for s in guide.steps if s.group is not None]
    assert [s.technique.figure for s in group] == [1, 3, 5, 6, 7]
    assert all(GuideNote.LUBRICATED_GROUP in s.notes for s in group)
    # After step 2, the last step that must be done without lubrication, and before step 3.
    last_step_2 = max(i for i, s in enumerate(guide.screens) if s.step_number == 2)
    assert keys.index(group[0].key) == last_step_2 + 1
    assert all(s.technique.lubrication is not False for s in group)
    # Figure 8 works "in a manner of cross-fiber friction": its card relates it to step 4.
    hand = screen(guide, "hand-against-hand")
    assert hand.step_number == 4
    assert GuideNote.PLACED_BY_RELATION in hand.notes
    assert screen(guide, "connective-tissue-back").step_number == 2
    assert {screen(guide, t).step_number for t in ("petrissage-no1-neck", "petrissage-back")} == {5}


def test_a_regional_focus_keeps_only_its_figures_and_maps(catalog, areas):
    lower = build_guide(catalog, 12, areas["lower-back-buttocks"])
    techniques = {s.technique.id for s in lower.steps}
    assert not techniques & {"occipital-work", "thumb-after-thumb", "petrissage-no1-neck"}
    assert {"ironing", "petrissage-back", "squeezing", "kneading"} <= techniques
    maps = {m.map_id for m in screen(lower, "connective-tissue-massage").maps}
    assert maps == {"hip", "trunk", "neck-back-techniques"}
    trunk = next(m for m in screen(lower, "connective-tissue-massage").maps if m.map_id == "trunk")
    assert set(trunk.regions) == {"trunk-lumbar-left", "trunk-lumbar-right", "trunk-sacral"}
    tender = screen(lower, "tender-point-therapy")
    assert tender.maps[0].map_id == "tender-points"
    assert set(tender.maps[0].points) == {p for p in catalog.points if "gluteal" in p or "trochanter" in p}
    # A general technique no region names is shown over the whole focus area.
    squeezing = screen(lower, "squeezing")
    assert [m.map_id for m in squeezing.maps] == [m.map_id for m in areas["lower-back-buttocks"].maps]


def test_session_1_warns_keeps_a_regional_focus_and_has_no_exercise(catalog, areas):
    guide = build_guide(catalog, 1, areas["neck-upper-back"])
    intro = guide.screens[0]
    assert rule_ids(intro)[0] == "aggravation-early-sessions"
    assert "regional-focus" in rule_ids(intro)
    positions = {"prone-12-minutes", "neck-side-lying", "prone-pillows", "no-massage-chair"}
    assert positions <= set(rule_ids(intro))
    aggravation = next(r for r in intro.rules if r.id == "aggravation-early-sessions")
    assert "Tell the client" in aggravation.text
    assert not full_body_considered(catalog, 1)
    assert not guide.full_body_considered
    closing = guide.screens[-1]
    assert rule_ids(closing) == ["no-exercise-before-11"]
    assert not any(r.kind == "allow" and "xercise" in r.text for r in guide.rules)
    assert [r.kind for r in guide.rules][0] == "warning"
    kinds = [r.kind for r in guide.rules]
    assert kinds.index("warning") < kinds.index("forbid") < kinds.index("reminder")


def test_session_12_gives_exercise_guidance_and_no_aggravation_warning(catalog, areas):
    guide = build_guide(catalog, 12, areas["neck-upper-back"])
    assert "aggravation-early-sessions" not in rule_ids(guide.screens[0])
    assert "exercise-sessions-11-15" in rule_ids(guide.screens[-1])
    assert "no-exercise-before-11" not in {r.id for r in guide.rules}
    assert guide.full_body_considered


def test_session_28_includes_periosteal_massage(catalog, areas):
    guide = build_guide(catalog, 28, areas["full-body"])
    periosteal = screen(guide, "periosteal-massage")
    assert periosteal.applies
    assert periosteal.done_step == 8
    assert "periosteal-last-five" in rule_ids(periosteal)
    assert 8 in guide.step_numbers
    assert "exercise-sessions-16-30" in rule_ids(guide.screens[-1])


def test_session_5_marks_periosteal_massage_as_not_in_this_session(catalog, areas):
    guide = build_guide(catalog, 5, areas["lower-back-buttocks"])
    periosteal = screen(guide, "periosteal-massage")
    assert not periosteal.applies
    assert periosteal.done_step is None
    assert periosteal.timer is None
    assert GuideNote.NOT_IN_SESSION in periosteal.notes
    assert rule_ids(periosteal) == ["periosteal-not-yet"]
    assert guide.step_numbers == (1, 2, 3, 4, 5, 6, 7)


def test_maintenance_sessions(catalog, areas):
    guide = build_guide(catalog, None, areas["full-body"])
    assert guide.session is None
    assert guide.course_length == 30
    assert "exercise-maintenance" in rule_ids(guide.screens[-1])
    assert "aggravation-early-sessions" not in {r.id for r in guide.rules}
    pir = screen(guide, "post-isometric-relaxation")
    assert rule_ids(pir)[0] == "pir-stop-rule"
    assert pir.rules[0].kind == "warning"
    # The card's own copy of the stop rule is not shown twice.
    assert pir.rules[0].text not in pir.cautions


def test_timers_come_from_the_cards(catalog, areas):
    guide = build_guide(catalog, 12, areas["neck-upper-back"])
    area = screen(guide, "inhibitory-regime").timer
    assert area.kind is TimerKind.AREA
    assert area.seconds == catalog.techniques["inhibitory-regime"].duration_seconds == 600
    assert area.soft_seconds == 420
    assert area.marks == (420, 600)
    occipital = screen(guide, "occipital-work").timer
    assert (occipital.kind, occipital.seconds, occipital.marks) == (TimerKind.TECHNIQUE, 180, ())
    hold = screen(guide, "tender-point-therapy").timer
    assert (hold.kind, hold.seconds) == (TimerKind.HOLD, 30)
    assert screen(guide, "squeezing").timer is None


def test_the_area_timer_marks_seven_and_ten_minutes(catalog, areas):
    clock = FakeClock()
    guide = build_guide(catalog, 12, areas["neck-upper-back"])
    countdown = screen(guide, "inhibitory-regime").timer.countdown(clock)
    countdown.start()
    countdown.poll()
    clock.advance(420)
    assert [(c.kind, c.value) for c in countdown.poll()] == [(CueKind.MARK, 420)]
    clock.advance(180)
    assert [c.kind for c in countdown.poll()] == [CueKind.WARNING, CueKind.MARK, CueKind.END]


def test_the_soft_limit_falls_back_to_the_articles_seven_minutes(catalog):
    card = catalog.techniques["inhibitory-regime"]
    odd = replace(card, duration="7–10 minutes per area", duration_seconds=540)
    assert area_timer(odd, catalog).soft_seconds == SOFT_LIMIT_SECONDS
    plain = replace(card, duration="Ten minutes.", duration_seconds=600)
    assert area_timer(plain, catalog).kind is TimerKind.TECHNIQUE
    assert area_timer(replace(card, duration_seconds=None), catalog) is None


def test_full_body_splits_the_area_limit_per_area(catalog, areas):
    guide = build_guide(catalog, 28, areas["full-body"])
    step_1 = [s for s in guide.steps if s.step_number == 1]
    assert [s.area for s in step_1] == ["Neck and upper back", "Lower back and buttocks"]
    assert all(GuideNote.AREA_SPLIT in s.notes and s.timer.kind is TimerKind.AREA for s in step_1)
    assert [(s.part, s.parts) for s in step_1] == [(1, 2), (2, 2)]
    assert screen(guide, "squeezing").maps == (), "a whole-body map set tells nothing"
    single = build_guide(catalog, 28, areas["neck-upper-back"])
    assert len([s for s in single.steps if s.step_number == 1]) == 1


def test_positions_come_from_the_cards(catalog, areas):
    assert position_from_text("Prone (lying on her stomach): one pillow") is Position.PRONE
    assert position_from_text("Lying on her side, with a folded towel") is Position.SIDE_LYING
    assert position_from_text("If possible, the client's arm is placed behind her back.") is Position.UNSTATED
    assert position_from_text(None) is Position.UNSTATED
    guide = build_guide(catalog, 12, areas["neck-upper-back"])
    assert screen(guide, "ironing").position is Position.PRONE
    assert screen(guide, "occipital-work").position is Position.SIDE_LYING
    assert screen(guide, "squeezing").position is Position.UNSTATED
    assert guide.prone_limit == catalog.techniques["positioning"].duration_seconds == 720
    assert guide.prone_suggestion == next(r.text for r in catalog.rules if r.id == "neck-side-lying")


def test_prone_watch_warns_then_alarms_across_steps(catalog, areas):
    clock = FakeClock()
    guide = build_guide(catalog, 12, areas["neck-upper-back"])
    watch = ProneWatch(guide.prone_limit, clock=clock)
    steps = {s.technique.id: s for s in guide.steps}
    watch.apply(steps["occipital-work"].position)  # side-lying: does not count
    clock.advance(20 * 60)
    assert watch.level is ProneLevel.NOT_PRONE
    assert watch.total == 0
    watch.apply(steps["ironing"].position)  # prone from here
    clock.advance(6 * 60)
    watch.apply(steps["squeezing"].position)  # unstated: she stays prone
    clock.advance(3 * 60)
    assert watch.level is ProneLevel.PRONE
    assert watch.poll() == []
    clock.advance(60)
    assert watch.level is ProneLevel.WARNING
    assert watch.poll() == [ProneLevel.WARNING]
    assert watch.poll() == []
    watch.apply(steps["petrissage-back"].position)  # still prone: the stretch goes on
    clock.advance(2 * 60)
    assert watch.level is ProneLevel.ALARM
    assert watch.stretch == 720
    assert watch.remaining == 0
    assert watch.poll() == [ProneLevel.ALARM]
    watch.apply(steps["occipital-work"].position)  # turned: the stretch ends
    assert watch.level is ProneLevel.NOT_PRONE
    assert watch.stretch == 0
    assert watch.total == 720
    watch.apply(Position.PRONE)
    clock.advance(11 * 60)  # a new stretch counts from zero: a warning, no alarm yet
    assert watch.poll() == [ProneLevel.WARNING]
    watch.stop()
    clock.advance(600)
    assert watch.total == 720 + 660


def test_prone_watch_announces_both_levels_after_a_stall_and_checks_its_limit():
    clock = FakeClock()
    watch = ProneWatch(720, warn_at=900, clock=clock)
    assert watch.warn_at == 720
    watch.set_prone(True)
    clock.advance(800)
    assert watch.poll() == [ProneLevel.WARNING, ProneLevel.ALARM]
    with pytest.raises(ValueError, match="positive"):
        ProneWatch(0)


def test_session_record_keeps_screens_holds_and_time_per_area(catalog, areas):
    clock = FakeClock()
    guide = build_guide(catalog, 28, areas["full-body"])
    record = SessionRecord(clock)
    for s in guide.screens[:4]:
        record.enter(s.key, s.area, s.done_step)
        clock.advance(60)
    record.hold_completed()
    record.hold_completed()
    record.timer_completed()
    record.enter(guide.screens[1].key, guide.screens[1].area, guide.screens[1].done_step)  # back again
    clock.advance(30)
    summary = record.end()
    clock.advance(500)
    assert record.end() == summary
    assert summary.elapsed == 4 * 60 + 30
    assert summary.screens_seen == 4
    assert summary.steps_done == (1, 2)
    assert summary.holds_completed == 2
    assert summary.timers_completed == 1
    assert dict(summary.seconds_by_area) == {
        "Neck and upper back": 90,
        "Lower back and buttocks": 60,
        "Full body": 60,
    }


def test_a_catalog_without_protocol_or_rules_still_gives_a_guide():
    from tests.conftest import FIXTURES, SCHEMA

    catalog = load_library(FIXTURES / "mini" / "content.json", SCHEMA, FIXTURES / "mini").catalog
    areas = focus_areas(catalog)
    assert [a.id for a in areas] == ["full-body"]
    guide = build_guide(catalog, 1, areas[0])
    assert [s.kind for s in guide.screens] == [ScreenKind.INTRO, ScreenKind.CLOSING]
    assert guide.prone_limit is None
    assert full_body_considered(catalog, 1)
