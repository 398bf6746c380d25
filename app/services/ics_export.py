"""Write a course plan as an iCalendar file (RFC 5545).

One VEVENT per massage session (all-day, or at a chosen local time) and one
all-day VEVENT per break. UIDs depend on the plan's start and weekdays and on
the session, so exporting the same plan again updates the events in a
calendar instead of adding them twice. Timed events use floating local time
(RFC 5545 §3.3.5, form 1): the session is at that hour wherever the calendar is.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from app import APP_NAME, __version__
from app.model.course_plan import CoursePlan, PlannedBreak, PlannedSession
from app.services import course_plan_text as words
from app.services.atomic_file import write_atomically

CRLF = "\r\n"
MAX_LINE_OCTETS = 75
DEFAULT_DURATION = timedelta(hours=1)
UID_DOMAIN = "fibromap.github.io"


def escape_text(value: str) -> str:
    r"""Escape a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold_line(line: str) -> str:
    """Fold a content line into lines of at most 75 octets (RFC 5545 §3.1).

    Continuation lines begin with a space; a UTF-8 character is never split.
    """
    pieces: list[str] = []
    current = ""
    size = 0
    limit = MAX_LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = "", 0, MAX_LINE_OCTETS - 1  # the leading space counts
        current += char
        size += width
    pieces.append(current)
    return (CRLF + " ").join(pieces)


def _date(day: date) -> str:
    return day.strftime("%Y%m%d")


def _local(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def plan_key(plan: CoursePlan) -> str:
    """Return a short id for a plan, the same for every export of the same plan."""
    weekdays = ",".join(str(d) for d in sorted(plan.weekdays))
    phases = ",".join(p.id for p in plan.phases)
    digest = hashlib.sha256(f"{plan.start.isoformat()}|{weekdays}|{phases}".encode())
    return digest.hexdigest()[:16]


def calendar_text(
    plan: CoursePlan,
    *,
    session_time: time | None = None,
    duration: timedelta = DEFAULT_DURATION,
    now: datetime | None = None,
) -> str:
    """Return the plan as an iCalendar document (CRLF line endings, folded lines).

    Args:
        plan: the plan to write.
        session_time: the local time sessions start; ``None`` for all-day events.
        duration: how long a timed session lasts.
        now: the time stamp (DTSTAMP) of every event; the current time if ``None``.
    """
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    key = plan_key(plan)
    lines = [
        "BEGIN:VCALENDAR",
        f"PRODID:-//{APP_NAME}//Course planner {__version__}//EN",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(words.calendar_name())}",
    ]
    maintenance = 0
    for entry in plan.entries():
        if isinstance(entry, PlannedBreak):
            lines += _break_event(plan, entry, f"{key}-break-{entry.phase_id}", stamp)
            continue
        if entry.number is None:
            maintenance += 1
            uid = f"{key}-maintenance-{maintenance}"
        else:
            uid = f"{key}-session-{entry.number}"
        lines += _session_event(plan, entry, uid, stamp, session_time, duration)
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + CRLF for line in lines)


def _session_event(
    plan: CoursePlan,
    session: PlannedSession,
    uid: str,
    stamp: str,
    session_time: time | None,
    duration: timedelta,
) -> list[str]:
    if session_time is None:
        when = [
            f"DTSTART;VALUE=DATE:{_date(session.date)}",
            f"DTEND;VALUE=DATE:{_date(session.date + timedelta(days=1))}",
            "TRANSP:TRANSPARENT",
        ]
    else:
        begin = datetime.combine(session.date, session_time)
        when = [f"DTSTART:{_local(begin)}", f"DTEND:{_local(begin + duration)}", "TRANSP:OPAQUE"]
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}@{UID_DOMAIN}",
        f"DTSTAMP:{stamp}",
        *when,
        f"SUMMARY:{escape_text(words.event_summary(session, plan.course_length))}",
        f"DESCRIPTION:{escape_text(words.session_description(plan, session))}",
        "END:VEVENT",
    ]


def _break_event(plan: CoursePlan, entry: PlannedBreak, uid: str, stamp: str) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}@{UID_DOMAIN}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_date(entry.start)}",
        f"DTEND;VALUE=DATE:{_date(entry.end + timedelta(days=1))}",
        "TRANSP:TRANSPARENT",
        f"SUMMARY:{escape_text(words.break_summary(entry))}",
        f"DESCRIPTION:{escape_text(words.break_description(plan, entry))}",
        "END:VEVENT",
    ]


def write_ics(
    plan: CoursePlan,
    path: Path,
    *,
    session_time: time | None = None,
    duration: timedelta = DEFAULT_DURATION,
    now: datetime | None = None,
) -> None:
    """Write the plan to an .ics file in one step (see :func:`calendar_text` for the options).

    Raises:
        OSError: the file could not be written; an existing file is then unchanged.
    """
    text = calendar_text(plan, session_time=session_time, duration=duration, now=now)
    write_atomically(path, text.encode("utf-8"))
