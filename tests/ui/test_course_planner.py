from dataclasses import replace
from datetime import date, datetime, time

import icalendar
import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QMessageBox

from app.model.course_plan import plan_for_catalog
from app.services.library import load_library
from app.ui.course_plan_document import plan_html
from app.ui.course_planner import BREAK, MAINTENANCE, PHASE, SESSION, CoursePlannerDialog


@pytest.fixture(autouse=True)
def _english_dates():
    """Dates in the table follow the locale; the expected texts here are English."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)


@pytest.fixture(scope="module")
def catalog():
    return load_library().catalog


@pytest.fixture
def dialog(qtbot, catalog):
    planner = CoursePlannerDialog(catalog, today=date(2024, 2, 7))
    qtbot.addWidget(planner)
    return planner


def texts(dialog, column):
    table = dialog.table
    return [table.item(row, column).text() for row in range(table.rowCount()) if table.item(row, column)]


def test_the_table_shows_the_whole_course(dialog):
    kinds = dialog.row_kinds()
    assert kinds.count(SESSION) == 30
    assert kinds.count(BREAK) == 2
    assert kinds.count(MAINTENANCE) == 8
    assert kinds.count(PHASE) == 4  # the treatment phases and maintenance; a break is its own row
    labels = texts(dialog, 1)
    assert labels[:3] == ["Session 1 of 30", "Session 2 of 30", "Session 3 of 30"]
    assert "Break: 2 weeks" in labels
    assert "Break: 3 weeks" in labels
    assert labels[-1] == "Maintenance"
    assert texts(dialog, 0)[1] == "Thu 8 Feb 2024"


def test_rows_say_what_applies_with_warnings_marked(dialog):
    table = dialog.table
    first_session = dialog.row_kinds().index(SESSION)
    applies = table.item(first_session, 3).text()
    assert "⚠ Warning: Because poly-fibromyositis is a chronic condition" in applies
    assert "Not allowed: No exercise program yet." in applies
    exercise = [table.item(r, 2).text() for r, k in enumerate(dialog.row_kinds()) if k == SESSION]
    assert exercise[0] == "No exercise yet"
    assert exercise[10] == "Exercise at least 2–3× a week"
    assert exercise[15] == "Exercise at least 4× a week"


def test_choosing_weekdays_lays_out_the_plan_again(dialog, qtbot):
    dialog.set_weekdays({1, 3, 5})
    kinds = dialog.row_kinds()
    assert kinds.count(SESSION) == 30
    sessions = [r for r, k in enumerate(kinds) if k == SESSION]
    assert dialog.table.item(sessions[0], 0).text() == "Thu 8 Feb 2024"
    assert dialog.table.item(sessions[1], 0).text() == "Sat 10 Feb 2024"
    assert {s.date.weekday() for s in dialog.plan.sessions} <= {1, 3, 5}
    # Unticking a box by mouse lays the plan out again.
    dialog.show()
    qtbot.waitExposed(dialog)
    saturday = dialog._weekdays[5]
    qtbot.mouseClick(saturday, Qt.MouseButton.LeftButton, pos=saturday.rect().center())
    assert dialog.weekdays() == {1, 3}
    assert {s.date.weekday() for s in dialog.plan.sessions} <= {1, 3}
    assert dialog._every_lines.count() == len(dialog.plan.common_rules())  # rebuilt, not added to


def test_one_weekday_explains_how_many_to_choose(dialog, monkeypatch, tmp_path):
    dialog.set_weekdays({2})
    assert dialog.plan is None
    assert dialog.table.rowCount() == 0
    assert "Choose at least 2 weekdays" in dialog.error_text
    assert not dialog._export_button.isEnabled()
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    dialog._ask_export_ics()
    assert shown == [dialog.error_text]
    with pytest.raises(ValueError, match="at least 2"):
        dialog.export_ics(tmp_path / "never.ics")
    assert not (tmp_path / "never.ics").exists()


def test_export_writes_a_calendar_that_parses(dialog, tmp_path):
    dialog.set_maintenance_weeks(4)
    dialog.set_session_time(time(17, 15), minutes=50)
    path = tmp_path / "plan.ics"
    dialog.export_ics(path)
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    found = list(calendar.walk("VEVENT"))
    assert len(found) == 30 + 2 + 4
    assert found[0].decoded("DTSTART") == datetime(2024, 2, 8, 17, 15)
    assert found[0].decoded("DTEND") == datetime(2024, 2, 8, 18, 5)


def test_save_pdf_writes_a_pdf(dialog, tmp_path):
    path = tmp_path / "plan.pdf"
    dialog.save_pdf(path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(data) > 10_000
    assert b"%%EOF" in data[-1024:]


def test_the_printout_escapes_content(catalog):
    phases = list(catalog.course)
    phases[0] = replace(phases[0], title="<b>bold</b> & <img src='x'>")
    odd = replace(catalog, course=tuple(phases))
    html = plan_html(odd, plan_for_catalog(odd, date(2024, 2, 7), {0, 3}))
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;img src=&#x27;x&#x27;&gt;" in html
    assert "<img" not in html


def test_the_dialog_renders_legibly(dialog, qtbot):
    dialog.resize(1100, 800)
    dialog.show()
    qtbot.waitExposed(dialog)
    image = dialog.grab().toImage()
    assert image.width() == 1100
    first_session = dialog.row_kinds().index(SESSION)
    assert dialog.table.rowHeight(first_session) > 3 * dialog.fontMetrics().height()  # wrapped lines fit
