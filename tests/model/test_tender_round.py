"""Tender-point rounds: their order and a full round on a fake clock."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest

from app.model.catalog_loader import load_catalog
from app.model.countdown import CueKind
from app.model.tender_round import RoundEventKind, RoundPhase, TenderRound, point_site, round_order
from tests.conftest import ROOT, SCHEMA
from tests.fake_clock import FakeClock

SITES = [
    "occiput",
    "low-cervical",
    "trapezius",
    "supraspinatus",
    "second-rib",
    "lateral-epicondyle",
    "gluteal",
    "greater-trochanter",
    "knee",
]
EXPECTED = [f"tp-{site}-{side}" for site in SITES for side in ("left", "right")]


@dataclass(frozen=True)
class Point:
    id: str
    name: str
    side: str


def synthetic_points() -> list[Point]:
    return [
        Point(pid, point_site(pid).replace("-", " ").capitalize(), pid.rsplit("-", 1)[1]) for pid in EXPECTED
    ]


def test_point_site():
    assert point_site("tp-low-cervical-right") == "low-cervical"
    assert point_site("tp-greater-trochanter-left") == "greater-trochanter"
    assert point_site("tp-knee-right") == "knee"


@pytest.mark.parametrize("seed", range(5))
def test_round_order_runs_head_to_knee_left_before_right(seed):
    points = synthetic_points()
    random.Random(seed).shuffle(points)
    assert [p.id for p in round_order(points)] == EXPECTED


def test_round_order_puts_unknown_sites_last_in_given_order():
    points = [
        Point("tp-elbow-right", "Elbow", "right"),
        *synthetic_points()[:2],
        Point("tp-ankle-left", "", "left"),
    ]
    assert [p.id for p in round_order(points)] == [
        "tp-occiput-left",
        "tp-occiput-right",
        "tp-elbow-right",
        "tp-ankle-left",
    ]


def test_shipped_points_order():
    catalog = load_catalog(ROOT / "data" / "techniques.json", SCHEMA)
    ordered = round_order(catalog.points.values())
    assert [p.id for p in ordered] == EXPECTED


def run_round(rnd: TenderRound, clock: FakeClock, step: float) -> list:
    events = []
    for _ in range(100_000):
        events += rnd.poll()
        if rnd.phase is RoundPhase.FINISHED:
            break
        clock.advance(step)
    return events


def test_a_full_round_through_all_18_points_auto_advances():
    clock = FakeClock()
    rnd = TenderRound(EXPECTED, hold_seconds=30, pause_seconds=5, clock=clock)
    assert rnd.phase is RoundPhase.READY
    begin = clock.now
    rnd.start()
    events = run_round(rnd, clock, 0.25)
    started = [e.point for e in events if e.kind is RoundEventKind.POINT_STARTED]
    done = [e.point for e in events if e.kind is RoundEventKind.POINT_DONE]
    assert started == EXPECTED
    assert done == EXPECTED
    assert rnd.done_count == 18
    assert sum(1 for e in events if e.kind is RoundEventKind.REST_STARTED) == 17
    assert events[-1].kind is RoundEventKind.ROUND_FINISHED
    assert rnd.countdown.finished_at == begin + 18 * 30 + 17 * 5
    hold_cues = [e.cue.kind for e in events if e.cue is not None and e.point == "tp-knee-right"]
    assert hold_cues == [CueKind.START, CueKind.WARNING, CueKind.END]


def test_one_late_poll_catches_up_the_whole_round_in_order():
    clock = FakeClock()
    rnd = TenderRound(EXPECTED, hold_seconds=30, pause_seconds=5, clock=clock)
    rnd.start()
    clock.advance(18 * 30 + 17 * 5)
    events = rnd.poll()
    assert [e.point for e in events if e.kind is RoundEventKind.POINT_DONE] == EXPECTED
    assert rnd.phase is RoundPhase.FINISHED
    assert rnd.done_count == 18


def test_a_stall_does_not_stretch_the_round():
    clock = FakeClock()
    rnd = TenderRound(EXPECTED[:2], hold_seconds=30, pause_seconds=5, clock=clock)
    rnd.start()
    clock.advance(33)  # the first hold ended 3 s ago, unnoticed
    rnd.poll()
    assert rnd.phase is RoundPhase.REST
    assert rnd.countdown.remaining == 2
    clock.advance(2)
    rnd.poll()
    assert rnd.phase is RoundPhase.HOLD
    assert rnd.current_point == EXPECTED[1]
    assert rnd.countdown.remaining == 30


def test_rest_length_is_adjustable():
    clock = FakeClock()
    rnd = TenderRound(EXPECTED[:3], hold_seconds=30, pause_seconds=5, clock=clock)
    rnd.pause_seconds = 12
    rnd.start()
    clock.advance(30)
    rnd.poll()
    assert rnd.countdown.remaining == 12
    with pytest.raises(ValueError, match="pause_seconds"):
        rnd.pause_seconds = -1


def test_zero_rest_goes_straight_on():
    clock = FakeClock()
    rnd = TenderRound(EXPECTED[:3], hold_seconds=30, pause_seconds=0, clock=clock)
    rnd.start()
    clock.advance(30)
    rnd.poll()
    assert rnd.phase is RoundPhase.HOLD
    assert rnd.index == 1


def test_previous_next_and_skip_while_waiting():
    clock = FakeClock()
    rnd = TenderRound(EXPECTED, hold_seconds=30, clock=clock)
    rnd.next()
    rnd.next()
    assert rnd.current_point == "tp-low-cervical-left"
    rnd.previous()
    assert rnd.index == 1
    rnd.skip()
    assert rnd.index == 2
    assert rnd.skipped == {1}
    assert rnd.phase is RoundPhase.READY, "navigation while waiting does not start a hold"
    rnd.previous()
    rnd.previous()
    rnd.previous()
    assert rnd.index == 0


def test_skip_while_holding_rests_then_holds_the_next_point():
    clock = FakeClock()
    rnd = TenderRound(EXPECTED, hold_seconds=30, pause_seconds=5, clock=clock)
    rnd.start()
    clock.advance(10)
    rnd.poll()
    rnd.skip()
    assert rnd.phase is RoundPhase.REST
    assert rnd.current_point == "tp-occiput-right"
    clock.advance(5)
    events = rnd.poll()
    assert [e.kind for e in events][:2] == [RoundEventKind.REST_STARTED, RoundEventKind.POINT_STARTED]
    assert rnd.done_count == 0
    assert rnd.skipped == {0}
    clock.advance(30)
    rnd.poll()
    assert rnd.done == {1}


def test_holding_a_skipped_point_later_clears_it():
    clock = FakeClock()
    rnd = TenderRound(EXPECTED[:3], hold_seconds=30, pause_seconds=0, clock=clock)
    rnd.skip()
    rnd.previous()
    rnd.start()
    clock.advance(30)
    rnd.poll()
    assert rnd.skipped == set()
    assert rnd.done == {0}


def test_next_after_the_last_point_finishes_and_start_begins_again():
    clock = FakeClock()
    rnd = TenderRound(EXPECTED[:2], hold_seconds=30, clock=clock)
    rnd.next()
    rnd.next()
    assert rnd.phase is RoundPhase.FINISHED
    assert [e.kind for e in rnd.poll()] == [RoundEventKind.ROUND_FINISHED]
    rnd.previous()
    assert rnd.phase is RoundPhase.READY
    assert rnd.index == 1
    rnd.next()
    rnd.start()
    assert rnd.index == 0
    assert rnd.phase is RoundPhase.HOLD


def test_pause_holds_the_round():
    clock = FakeClock()
    rnd = TenderRound(EXPECTED, hold_seconds=30, clock=clock)
    rnd.toggle()
    clock.advance(10)
    rnd.toggle()
    assert rnd.paused
    clock.advance(600)
    rnd.poll()
    assert rnd.phase is RoundPhase.HOLD
    assert rnd.countdown.remaining == 20
    rnd.toggle()
    clock.advance(20)
    rnd.poll()
    assert rnd.done_count == 1


def test_stop_keeps_the_place_and_reset_redoes_the_point():
    clock = FakeClock()
    rnd = TenderRound(EXPECTED, hold_seconds=30, pause_seconds=5, clock=clock)
    rnd.start()
    clock.advance(36)
    rnd.poll()
    rnd.stop()
    assert rnd.phase is RoundPhase.READY
    assert rnd.index == 1
    assert rnd.countdown.remaining == 30
    clock.advance(100)
    assert rnd.poll() == []


def test_a_round_needs_points():
    with pytest.raises(ValueError, match="point"):
        TenderRound([], hold_seconds=30)


def test_get_ready_changes_the_hold_not_yet_begun_and_the_holds_to_come():
    clock = FakeClock()
    rnd = TenderRound(["a", "b"], 30, 0, clock=clock, get_ready=3)
    rnd.get_ready = 0
    assert rnd.get_ready == 0
    assert rnd.countdown.get_ready == 0
    rnd.start()
    rnd.get_ready = 3  # the hold under way keeps its count; the next one has it
    assert rnd.countdown.get_ready == 0
    clock.advance(30.01)
    rnd.poll()
    assert rnd.index == 1
    assert rnd.countdown.get_ready == 3
    with pytest.raises(ValueError, match="get_ready"):
        rnd.get_ready = -1
