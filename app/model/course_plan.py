"""The whole course of treatment on a calendar, laid out from the content's phases.

Every number comes from the content's ``course`` phases (sessions, weeks,
massage and exercise per week); this module only knows the three kinds of
phase:

- ``treatments``: ``sessions`` numbered sessions, one on every weekday the user
  chose, from the start date or the first chosen weekday after the phase
  before. The chosen weekdays must give at least ``massage_per_week_min``
  sessions a week; a phase without that figure keeps the one before it.
- ``break``: ``weeks`` weeks without massage, from the day after the last
  session before it.
- ``maintenance``: ``massage_per_week_min`` sessions (one when not given) on the
  first chosen weekdays of each calendar week, for a chosen number of weeks.

Weeks are calendar weeks, Monday to Sunday; weekdays are numbered as
:meth:`datetime.date.weekday` numbers them (0 = Monday .. 6 = Sunday).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from app.model.content import Catalog, CoursePhase, Rule
from app.model.session_rules import applies
from app.model.wording import counted

DAYS_PER_WEEK = 7


class TooFewWeekdaysError(ValueError):
    """The chosen weekdays give fewer sessions a week than a phase asks for.

    Attributes:
        needed: how many weekdays to choose at least.
        chosen: how many were chosen.
        phase: the phase that asks for them.
    """

    def __init__(self, needed: int, chosen: int, phase: CoursePhase) -> None:
        self.needed = needed
        self.chosen = chosen
        self.phase = phase
        super().__init__(
            f"{phase.title!r} needs at least {needed} massage sessions a week, but "
            f"{counted(chosen, 'weekday was', 'weekdays were')} chosen: choose at least {needed} weekdays"
        )


@dataclass(frozen=True)
class PlannedSession:
    """One massage session on the calendar.

    Attributes:
        number: the session's number in the course (1..n), ``None`` for maintenance.
        date: the day of the session.
        phase_id: the course phase it belongs to.
        rules: the content's rules that apply to it, in content order.
    """

    number: int | None
    date: date
    phase_id: str
    rules: tuple[Rule, ...] = ()

    @property
    def is_maintenance(self) -> bool:
        """Tell whether this is a maintenance session after the course."""
        return self.number is None


@dataclass(frozen=True)
class PlannedBreak:
    """A break from massage, ``start`` to ``end`` inclusive."""

    phase_id: str
    start: date
    end: date
    weeks: int

    @property
    def days(self) -> int:
        """Return the length of the break in days."""
        return (self.end - self.start).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


@dataclass(frozen=True)
class ExerciseGuidance:
    """How often to exercise each week from ``start`` to ``end`` (inclusive).

    ``per_week_min``/``per_week_max`` are ``None`` where the phase gives no figure;
    0/0 means no exercise yet.
    """

    phase_id: str
    start: date
    end: date
    per_week_min: int | None
    per_week_max: int | None


PlanEntry = PlannedSession | PlannedBreak


@dataclass(frozen=True)
class CoursePlan:
    """A course of treatment laid out on the calendar."""

    start: date
    weekdays: frozenset[int]
    phases: tuple[CoursePhase, ...]
    sessions: tuple[PlannedSession, ...]
    breaks: tuple[PlannedBreak, ...]
    exercise: tuple[ExerciseGuidance, ...]

    @property
    def course_length(self) -> int:
        """Return how many numbered sessions the course has."""
        return sum(1 for s in self.sessions if s.number is not None)

    @property
    def end(self) -> date:
        """Return the last day the plan covers."""
        return self.exercise[-1].end if self.exercise else self.start

    def phase(self, phase_id: str) -> CoursePhase:
        """Return a phase of the plan by id.

        Raises:
            KeyError: no phase has that id.
        """
        for phase in self.phases:
            if phase.id == phase_id:
                return phase
        raise KeyError(phase_id)

    def entries(self) -> list[PlanEntry]:
        """Return the sessions and breaks in calendar order."""
        items: list[PlanEntry] = [*self.sessions, *self.breaks]
        return sorted(items, key=lambda e: e.date if isinstance(e, PlannedSession) else e.start)

    def exercise_on(self, day: date) -> ExerciseGuidance | None:
        """Return the exercise guidance in force on a day, if the plan covers it."""
        for guidance in self.exercise:
            if guidance.start <= day <= guidance.end:
                return guidance
        return None

    def common_rules(self) -> tuple[Rule, ...]:
        """Return the rules that apply to every session of the plan, in content order."""
        if not self.sessions:
            return ()
        shared = set.intersection(*({r.id for r in s.rules} for s in self.sessions))
        return tuple(r for r in self.sessions[0].rules if r.id in shared)


def effective_massage_minimums(phases: Sequence[CoursePhase]) -> dict[str, int | None]:
    """Return each phase's minimum massage sessions a week, carried over where a phase gives none.

    Breaks have no minimum; a treatment or maintenance phase without a figure keeps
    the figure of the treatment or maintenance phase before it.
    """
    minimums: dict[str, int | None] = {}
    carried: int | None = None
    for phase in phases:
        if phase.kind == "break":
            minimums[phase.id] = None
            continue
        if phase.massage_per_week_min is not None:
            carried = phase.massage_per_week_min
        minimums[phase.id] = carried
    return minimums


def plan_for_catalog(
    catalog: Catalog, start: date, weekdays: Iterable[int], maintenance_weeks: int = 8
) -> CoursePlan:
    """Lay out the catalog's course with its rules; see :func:`plan_course`."""
    return plan_course(catalog.course, start, weekdays, maintenance_weeks, rules=catalog.rules)


def plan_course(
    phases: Sequence[CoursePhase],
    start: date,
    weekdays: Iterable[int],
    maintenance_weeks: int = 8,
    *,
    rules: Sequence[Rule] = (),
) -> CoursePlan:
    """Lay out a course of treatment on the calendar.

    Args:
        phases: the content's course phases, in order.
        start: the first day a session may fall on.
        weekdays: the weekdays sessions fall on (0 = Monday .. 6 = Sunday).
        maintenance_weeks: how many weeks of maintenance to show.
        rules: the content's rules; each session gets those that apply to it.

    Returns:
        The plan.

    Raises:
        TooFewWeekdaysError: the weekdays give fewer sessions a week than a phase asks for.
        ValueError: a weekday outside 0..6 or a negative number of maintenance weeks.
    """
    days = frozenset(weekdays)
    if any(not 0 <= d < DAYS_PER_WEEK for d in days):
        raise ValueError(f"weekdays must be 0 (Monday) to 6 (Sunday), not {sorted(days)}")
    if maintenance_weeks < 0:
        raise ValueError(f"maintenance weeks must not be negative, not {maintenance_weeks}")
    minimums = effective_massage_minimums(phases)
    for phase in phases:
        needed = max(minimums[phase.id] or 0, 0 if phase.kind == "break" else 1)
        if len(days) < needed:
            raise TooFewWeekdaysError(needed, len(days), phase)
    return _Planner(days, tuple(rules), start).run(tuple(phases), minimums, maintenance_weeks)


class _Planner:
    """Walks the phases in order, keeping the first day the next phase may use."""

    def __init__(self, weekdays: frozenset[int], rules: tuple[Rule, ...], start: date) -> None:
        self.weekdays = sorted(weekdays)
        self.rules = rules
        self.start = start
        self.next_free = start
        self.number = 0
        self.sessions: list[PlannedSession] = []
        self.breaks: list[PlannedBreak] = []
        self.exercise: list[ExerciseGuidance] = []

    def run(
        self, phases: tuple[CoursePhase, ...], minimums: dict[str, int | None], maintenance_weeks: int
    ) -> CoursePlan:
        for phase in phases:
            first = self.next_free
            if phase.kind == "treatments":
                self._treatments(phase)
            elif phase.kind == "break":
                self._break(phase)
            elif phase.kind == "maintenance":
                self._maintenance(phase, minimums[phase.id] or 1, maintenance_weeks)
            last = self.next_free - timedelta(days=1)
            if last >= first:
                self.exercise.append(
                    ExerciseGuidance(
                        phase.id, first, last, phase.exercise_per_week_min, phase.exercise_per_week_max
                    )
                )
        return CoursePlan(
            self.start,
            frozenset(self.weekdays),
            phases,
            tuple(self.sessions),
            tuple(self.breaks),
            tuple(self.exercise),
        )

    def _add(self, number: int | None, day: date, phase: CoursePhase) -> None:
        rules = tuple(rule for rule in self.rules if applies(rule, number))
        self.sessions.append(PlannedSession(number, day, phase.id, rules))
        self.next_free = day + timedelta(days=1)

    def _treatments(self, phase: CoursePhase) -> None:
        day = self.next_free
        for _ in range(phase.sessions or 0):
            while day.weekday() not in self.weekdays:
                day += timedelta(days=1)
            self.number += 1
            self._add(self.number, day, phase)
            day += timedelta(days=1)

    def _break(self, phase: CoursePhase) -> None:
        if not phase.weeks:
            return
        end = self.next_free + timedelta(days=DAYS_PER_WEEK * phase.weeks - 1)
        self.breaks.append(PlannedBreak(phase.id, self.next_free, end, phase.weeks))
        self.next_free = end + timedelta(days=1)

    def _maintenance(self, phase: CoursePhase, per_week: int, weeks: int) -> None:
        first_day = self.next_free
        monday = first_day - timedelta(days=first_day.weekday())
        chosen = self.weekdays[:per_week]
        done = 0
        while done < weeks:
            days = [monday + timedelta(days=d) for d in chosen]
            if days[0] >= first_day:  # a week already under way is left out whole
                for day in days:
                    self._add(None, day, phase)
                done += 1
            monday += timedelta(days=DAYS_PER_WEEK)
        if weeks:  # the guidance runs to the end of the last maintenance week
            self.next_free = monday
