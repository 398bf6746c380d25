"""Words for a course plan, shared by the planner dialog, its printout and the .ics export.

Every string people read goes through ``QCoreApplication.translate``; the
content's own texts (phase titles, rule texts) are passed through unchanged.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from app.model.content import Rule
from app.model.course_plan import CoursePlan, ExerciseGuidance, PlannedBreak, PlannedSession

WARNING_MARK = "\N{WARNING SIGN}"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"(])")


def _tr(text: str) -> str:
    return QCoreApplication.translate("CoursePlan", text)


def calendar_name() -> str:
    """Name the exported calendar."""
    return _tr("FibroMap course of treatment")


def session_label(session: PlannedSession, length: int) -> str:
    """Name a session for a table row: "Session 3 of 30" or "Maintenance"."""
    if session.number is None:
        return _tr("Maintenance")
    return _tr("Session {number} of {length}").format(number=session.number, length=length)


def break_label(entry: PlannedBreak) -> str:
    """Name a break for a table row: "Break: 2 weeks"."""
    if entry.weeks == 1:
        return _tr("Break: 1 week")
    return _tr("Break: {weeks} weeks").format(weeks=entry.weeks)


def event_summary(session: PlannedSession, length: int) -> str:
    """Title a calendar event: "FibroMap: massage session 12 of 30"."""
    if session.number is None:
        return _tr("FibroMap: maintenance massage session")
    return _tr("FibroMap: massage session {number} of {length}").format(number=session.number, length=length)


def break_summary(entry: PlannedBreak) -> str:
    """Title a break's calendar event."""
    if entry.weeks == 1:
        return _tr("FibroMap: break from massage (1 week)")
    return _tr("FibroMap: break from massage ({weeks} weeks)").format(weeks=entry.weeks)


def exercise_text(guidance: ExerciseGuidance | None) -> str:
    """Say how often to exercise each week, from the phase's figures."""
    low = guidance.per_week_min if guidance else None
    high = guidance.per_week_max if guidance else None
    if low is None:
        return _tr("Exercise: not stated")
    if low == 0 and high == 0:
        return _tr("No exercise yet")
    if high is None or high == low:
        return _tr("Exercise at least {low}× a week").format(low=low)
    return _tr("Exercise at least {low}–{high}× a week").format(low=low, high=high)


def rule_kind_label(rule: Rule) -> str:
    """Name a rule's kind: Warning, Reminder, Allowed, Not allowed, Positioning."""
    labels = {
        "warning": _tr("Warning"),
        "reminder": _tr("Reminder"),
        "allow": _tr("Allowed"),
        "forbid": _tr("Not allowed"),
        "position": _tr("Positioning"),
    }
    return labels.get(rule.kind, rule.kind)


def short_text(text: str) -> str:
    """Return the first sentence of a content text."""
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0]


def rule_line(rule: Rule, *, full: bool = False) -> str:
    """Return one rule as a line: its kind, then its text; warnings carry a warning sign."""
    text = rule.text if full else short_text(rule.text)
    mark = f"{WARNING_MARK} " if rule.kind == "warning" else ""
    return f"{mark}{rule_kind_label(rule)}: {text}"


def format_date(day: date) -> str:
    """Format a day in the user's locale with its weekday, e.g. "Mon 12 Feb 2024"."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "ddd d MMM yyyy")


def format_range(first: date, last: date) -> str:
    """Format a span of days, e.g. "Mon 12 Feb 2024 – Sun 25 Feb 2024"."""
    return _tr("{first} – {last}").format(first=format_date(first), last=format_date(last))


def session_description(plan: CoursePlan, session: PlannedSession) -> str:
    """Describe a session for a calendar event: its phase, exercise and every rule that applies."""
    lines = [
        plan.phase(session.phase_id).title,
        exercise_text(plan.exercise_on(session.date)),
        "",
        _tr("What applies:"),
    ]
    lines += [f"- {rule_line(rule, full=True)}" for rule in session.rules]
    return "\n".join(lines)


def break_description(plan: CoursePlan, entry: PlannedBreak) -> str:
    """Describe a break for a calendar event: the phase's own text and the exercise guidance."""
    phase = plan.phase(entry.phase_id)
    return "\n".join([phase.title, exercise_text(plan.exercise_on(entry.start)), "", phase.text])
