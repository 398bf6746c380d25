from datetime import date, timedelta
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.model.content import Catalog, CoursePhase
from app.model.course_plan import (
    CoursePlan,
    PlannedSession,
    TooFewWeekdaysError,
    effective_massage_minimums,
    plan_course,
    plan_for_catalog,
)
from app.model.session_rules import course_length, rules_for_session
from app.services.library import load_library


@cache
def shipped() -> Catalog:
    return load_library().catalog


def phase(id_: str, kind: str, **figures: int) -> CoursePhase:
    return CoursePhase(id=id_, title=id_.title(), kind=kind, text="Text.", cite=(), **figures)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


starts = st.dates(min_value=date(2000, 1, 1), max_value=date(2098, 1, 1))
weekday_sets = st.sets(st.integers(min_value=0, max_value=6), min_size=2)


def test_the_default_plan_follows_the_article_course():
    catalog = shipped()
    plan = plan_for_catalog(catalog, date(2024, 2, 7), {0, 3})  # a Wednesday; Monday and Thursday
    numbered = [s for s in plan.sessions if s.number is not None]
    assert len(numbered) == course_length(catalog) == 30
    assert numbered[0].date == date(2024, 2, 8)
    assert [s.phase_id for s in numbered].count("first-10") == 10
    assert numbered[14].date == date(2024, 3, 28)  # session 15
    first_break, second_break = plan.breaks
    assert (first_break.start, first_break.end) == (date(2024, 3, 29), date(2024, 4, 11))
    assert numbered[15].date == date(2024, 4, 15)  # session 16: the first chosen weekday after the break
    assert (second_break.start, second_break.days) == (numbered[-1].date + timedelta(days=1), 21)
    maintenance = [s for s in plan.sessions if s.number is None]
    assert [s.date for s in maintenance[:2]] == [date(2024, 7, 1), date(2024, 7, 8)]
    assert len(maintenance) == 8


def test_entries_interleave_sessions_and_breaks_in_date_order():
    plan = plan_for_catalog(shipped(), date(2024, 2, 7), {0, 3})
    kinds = ["break" if not isinstance(e, PlannedSession) else e.number for e in plan.entries()]
    assert kinds[14:17] == [15, "break", 16]
    assert kinds[30:33] == [30, "break", None]
    assert kinds[-1] is None


def test_exercise_guidance_comes_from_the_phases():
    plan = plan_for_catalog(shipped(), date(2024, 2, 7), {0, 3})
    by_phase = {g.phase_id: (g.per_week_min, g.per_week_max) for g in plan.exercise}
    assert by_phase == {
        "first-10": (0, 0),
        "next-5": (2, 3),
        "break-2-weeks": (None, None),
        "next-15": (4, None),
        "break-3-weeks": (None, None),
        "maintenance": (4, None),
    }
    assert plan.exercise_on(date(2024, 3, 18)).phase_id == "next-5"
    assert plan.exercise_on(date(2023, 1, 1)) is None


@settings(max_examples=150, deadline=None)
@given(start=starts, weekdays=weekday_sets, maintenance_weeks=st.integers(min_value=0, max_value=12))
def test_every_plan_matches_the_content(start: date, weekdays: set[int], maintenance_weeks: int):
    catalog = shipped()
    plan = plan_for_catalog(catalog, start, weekdays, maintenance_weeks)
    check_plan(catalog, plan, start, weekdays, maintenance_weeks)


def check_plan(catalog: Catalog, plan: CoursePlan, start: date, weekdays: set[int], weeks: int) -> None:
    dates = [s.date for s in plan.sessions]
    assert all(a < b for a, b in zip(dates, dates[1:], strict=False)), "dates strictly increase"
    assert dates[0] >= start
    assert all(d.weekday() in weekdays for d in dates)
    assert all((start + timedelta(days=n)).weekday() not in weekdays for n in range((dates[0] - start).days))

    numbered = [s for s in plan.sessions if s.number is not None]
    assert [s.number for s in numbered] == list(range(1, course_length(catalog) + 1))
    for session in plan.sessions:
        assert session.rules == tuple(rules_for_session(catalog, session.number))

    minimums = effective_massage_minimums(catalog.course)
    for content in catalog.course:
        mine = [s.date for s in plan.sessions if s.phase_id == content.id]
        if content.kind == "treatments":
            assert len(mine) == content.sessions, content.id
            assert_minimum_in_full_weeks(mine, minimums[content.id] or 0)
        if content.kind == "break":
            (entry,) = [b for b in plan.breaks if b.phase_id == content.id]
            assert entry.days == 7 * content.weeks
            assert entry.start - timedelta(days=1) == max(d for d in dates if d < entry.start)
            assert not any(entry.start <= d <= entry.end for d in dates), "no session inside a break"
        if content.kind == "maintenance":
            assert len(mine) == weeks * (minimums[content.id] or 1)
            assert all(d > plan.breaks[-1].end for d in mine)
            assert all(d.weekday() == min(weekdays) for d in mine), "the first chosen weekday"
            assert all((b - a).days == 7 for a, b in zip(mine, mine[1:], strict=False)), "weekly"
            assert_minimum_in_full_weeks(mine, minimums[content.id] or 1)

    spans = [(g.start, g.end) for g in plan.exercise]
    assert spans[0][0] == start
    assert all(a[1] + timedelta(days=1) == b[0] for a, b in zip(spans, spans[1:], strict=False))


def assert_minimum_in_full_weeks(days: list[date], minimum: int) -> None:
    """Every Monday-to-Sunday week lying wholly between the first and the last day holds enough."""
    if not days:
        return
    monday = monday_of(days[0])
    while monday + timedelta(days=6) <= days[-1]:
        if monday >= days[0]:
            count = sum(monday <= d <= monday + timedelta(days=6) for d in days)
            assert count >= minimum, f"week of {monday}: {count} < {minimum}"
        monday += timedelta(days=7)


@pytest.mark.parametrize("weekdays", [{2}, set()])
def test_too_few_weekdays_is_refused_with_the_number_to_choose(weekdays):
    with pytest.raises(TooFewWeekdaysError, match="choose at least 2 weekdays") as caught:
        plan_for_catalog(shipped(), date(2024, 2, 7), weekdays)
    assert isinstance(caught.value, ValueError)
    assert caught.value.needed == 2
    assert caught.value.phase.id == "first-10"


def test_a_phase_without_a_frequency_keeps_the_one_before():
    phases = [
        phase("a", "treatments", sessions=6, massage_per_week_min=3),
        phase("b", "treatments", sessions=3),
    ]
    assert effective_massage_minimums(phases) == {"a": 3, "b": 3}
    with pytest.raises(TooFewWeekdaysError) as caught:
        plan_course(phases, date(2024, 1, 1), {0, 2})
    assert caught.value.needed == 3
    plan = plan_course(phases, date(2024, 1, 1), {0, 2, 4})
    assert [s.date.weekday() for s in plan.sessions] == [0, 2, 4] * 3


def test_the_schedule_follows_other_content_too():
    phases = [
        phase("one", "treatments", sessions=3, massage_per_week_min=1),
        phase("rest", "break", weeks=1),
        phase("two", "treatments", sessions=2),
        phase("keep", "maintenance", massage_per_week_min=2, exercise_per_week_min=3),
    ]
    plan = plan_course(phases, date(2024, 1, 3), {1, 3, 5}, maintenance_weeks=2)  # Wednesday
    assert [s.date for s in plan.sessions if s.number] == [
        date(2024, 1, 4),
        date(2024, 1, 6),
        date(2024, 1, 9),
        date(2024, 1, 18),
        date(2024, 1, 20),
    ]
    assert (plan.breaks[0].start, plan.breaks[0].end) == (date(2024, 1, 10), date(2024, 1, 16))
    # Maintenance: the first two chosen weekdays (Tuesday, Thursday) of each week.
    assert [s.date for s in plan.sessions if s.number is None] == [
        date(2024, 1, 23),
        date(2024, 1, 25),
        date(2024, 1, 30),
        date(2024, 2, 1),
    ]
    assert plan.exercise[-1].per_week_min == 3
    assert plan.end == date(2024, 2, 4)


def test_maintenance_skips_a_week_already_under_way():
    phases = [phase("one", "treatments", sessions=1), phase("keep", "maintenance")]
    plan = plan_course(phases, date(2024, 1, 2), {1, 4}, maintenance_weeks=1)  # session on Tuesday
    assert [s.date for s in plan.sessions] == [date(2024, 1, 2), date(2024, 1, 9)]


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="0 \\(Monday\\) to 6"):
        plan_for_catalog(shipped(), date(2024, 1, 1), {0, 7})
    with pytest.raises(ValueError, match="negative"):
        plan_for_catalog(shipped(), date(2024, 1, 1), {0, 3}, -1)


def test_common_rules_are_those_of_every_session():
    plan = plan_for_catalog(shipped(), date(2024, 2, 7), {0, 3})
    common = {r.id for r in plan.common_rules()}
    assert "no-carotid" in common
    assert "aggravation-early-sessions" not in common
    assert all(common <= {r.id for r in s.rules} for s in plan.sessions)
