from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.model.content import Rule
from app.model.course_plan import CoursePlan, plan_for_catalog
from app.services.ics_export import calendar_text, escape_text, fold_line, write_ics
from app.services.library import load_library

NOW = datetime(2024, 1, 15, 12, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def catalog():
    return load_library().catalog


@pytest.fixture(scope="module")
def plan(catalog) -> CoursePlan:
    return plan_for_catalog(catalog, date(2024, 2, 7), {0, 3}, maintenance_weeks=8)


def events(data: bytes) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return list(calendar.walk("VEVENT"))


def test_export_parses_back_with_one_event_per_session_and_break(plan, tmp_path):
    path = tmp_path / "course.ics"
    write_ics(plan, path, now=NOW)
    data = path.read_bytes()
    calendar = icalendar.Calendar.from_ical(data)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"].startswith("-//FibroMap//")
    assert calendar["CALSCALE"] == "GREGORIAN"
    found = events(data)
    assert len(found) == 30 + 2 + 8
    summaries = [str(e["SUMMARY"]) for e in found]
    assert summaries[0] == "FibroMap: massage session 1 of 30"
    assert "FibroMap: massage session 12 of 30" in summaries
    assert summaries.count("FibroMap: maintenance massage session") == 8
    assert "FibroMap: break from massage (2 weeks)" in summaries
    assert "FibroMap: break from massage (3 weeks)" in summaries
    first = found[0]
    assert first.decoded("DTSTART") == date(2024, 2, 8)
    assert first.decoded("DTEND") == date(2024, 2, 9)
    assert first.decoded("DTSTAMP") == NOW
    two_weeks = next(e for e in found if "2 weeks" in str(e["SUMMARY"]))
    assert two_weeks.decoded("DTSTART") == date(2024, 3, 29)
    assert two_weeks.decoded("DTEND") == date(2024, 4, 12)  # exclusive: the break ends on 11 April


def test_every_date_of_the_plan_is_in_the_calendar(plan):
    found = events(calendar_text(plan, now=NOW).encode())
    sessions = [e.decoded("DTSTART") for e in found if "break" not in str(e["SUMMARY"])]
    assert sessions == [s.date for s in plan.sessions]


def test_descriptions_list_what_applies(plan):
    found = events(calendar_text(plan, now=NOW).encode())
    first = str(found[0]["DESCRIPTION"])
    assert "Treatments 1–10: twice a week, no exercise yet" in first
    assert "⚠ Warning: Because poly-fibromyositis is a chronic condition, the first" in first
    assert "No exercise yet" in first
    assert "\n- " in first


def test_timed_events_use_the_chosen_time(plan):
    found = events(calendar_text(plan, session_time=time(9, 30), duration=timedelta(minutes=45)).encode())
    first = found[0]
    assert first.decoded("DTSTART") == datetime(2024, 2, 8, 9, 30)
    assert first.decoded("DTEND") == datetime(2024, 2, 8, 10, 15)
    breaks = [e for e in found if "break" in str(e["SUMMARY"])]
    assert all(isinstance(e.decoded("DTSTART"), date) for e in breaks)
    assert not any(isinstance(e.decoded("DTSTART"), datetime) for e in breaks)


def test_uids_are_stable_per_plan_and_unique_per_event(catalog, plan):
    first = [str(e["UID"]) for e in events(calendar_text(plan, now=NOW).encode())]
    again = [str(e["UID"]) for e in events(calendar_text(plan).encode())]
    assert first == again
    assert len(set(first)) == len(first)
    other = plan_for_catalog(catalog, date(2024, 2, 14), {0, 3})
    assert not set(first) & {str(e["UID"]) for e in events(calendar_text(other).encode())}


def test_lines_are_crlf_and_at_most_75_octets(plan):
    data = calendar_text(plan, now=NOW).encode("utf-8")
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"\r" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # long descriptions were folded


def test_escaping_round_trips_awkward_text(catalog, plan):
    awkward = (
        'Commas, semicolons; back\\slashes \\, \\; and\nnew lines\r\nand "quotes" — ünïcødé ⚠ ' + "x" * 90
    )
    rule = Rule(id="awkward", kind="warning", text=awkward, cite=(), session_from=1)
    session = replace(plan.sessions[0], rules=(rule,))
    odd = replace(plan, sessions=(session,), breaks=())
    (event,) = events(calendar_text(odd, now=NOW).encode())
    description = str(event["DESCRIPTION"])
    assert description.endswith("- ⚠ Warning: " + awkward.replace("\r\n", "\n"))


@given(
    st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc")) | st.sampled_from(",;\\\n"), max_size=300)
)
def test_escaped_and_folded_text_round_trips(text):
    line = "DESCRIPTION:" + escape_text(text)
    folded = fold_line(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line
    raw = ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n" + folded + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").encode()
    (event,) = events(raw)
    assert str(event["DESCRIPTION"]) == text


def test_escape_text_follows_rfc_5545():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
