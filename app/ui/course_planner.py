"""The course planner: the whole course of treatment on a calendar, exported, printed or saved as PDF."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date, time, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTime
from PySide6.QtGui import QColor, QFont
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.model.content import Catalog, Rule
from app.model.course_plan import CoursePlan, PlannedBreak, TooFewWeekdaysError, plan_for_catalog
from app.services import course_plan_text as words
from app.services.ics_export import write_ics
from app.ui.course_plan_document import configure_printer, plan_document, write_pdf
from app.ui.rule_lines_delegate import LINES_ROLE, RuleLinesDelegate
from app.ui.text_widgets import citation_text, plain_label
from app.ui.theme import LIGHT, Theme

DEFAULT_WEEKDAYS = frozenset({0, 3})  # Monday and Thursday
DEFAULT_MAINTENANCE_WEEKS = 8
DEFAULT_TIME = time(9, 0)
DEFAULT_MINUTES = 60
ROW_KIND_ROLE = Qt.ItemDataRole.UserRole + 1
PHASE, SESSION, BREAK, MAINTENANCE = "phase", "session", "break", "maintenance"
DATE_COLUMN, LABEL_COLUMN, EXERCISE_COLUMN, APPLIES_COLUMN = range(4)


def _tr(text: str) -> str:
    return QCoreApplication.translate("CoursePlannerDialog", text)


def _with_suffix(name: str, suffix: str) -> Path:
    """Return the chosen file name, with ``suffix`` added when it does not end in it."""
    path = Path(name)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def _tip(text: str) -> str:
    """Return a tool tip that wraps long lines and shows every character of ``text`` literally."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class CoursePlannerDialog(QDialog):
    """Lays out the course of treatment from a start date and weekdays, and exports it.

    The plan follows every change of the controls at once. ``export_ics``,
    ``save_pdf`` and ``print_to`` do the work of the buttons without asking
    anything, so tests and other callers can use them directly.
    """

    def __init__(
        self,
        catalog: Catalog,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        theme: Theme = LIGHT,
    ) -> None:
        super().__init__(parent)
        self._theme = theme  # the screen's colours; the printed plan stays light, it is for paper
        self._catalog = catalog
        self._plan: CoursePlan | None = None
        self._error = ""
        self.setWindowTitle(_tr("Course Planner"))
        self.resize(1100, 800)

        self._start = QDateEdit(_qdate(today or date.today()))
        self._start.setCalendarPopup(True)
        self._start.setDisplayFormat("ddd d MMM yyyy")
        self._start.setMinimumDate(QDate(2000, 1, 1))
        self._start.setMaximumDate(QDate(2099, 12, 31))
        locale = self.locale()
        self._weekdays = [
            QCheckBox(locale.dayName(day + 1, QLocale.FormatType.ShortFormat)) for day in range(7)
        ]
        for day, box in enumerate(self._weekdays):
            box.setChecked(day in DEFAULT_WEEKDAYS)
            box.setToolTip(locale.dayName(day + 1))
        self._maintenance = QSpinBox()
        self._maintenance.setRange(0, 52)
        self._maintenance.setValue(DEFAULT_MAINTENANCE_WEEKS)
        self._maintenance.setSuffix(_tr(" weeks"))
        self._timed = QCheckBox(_tr("Sessions &at"))
        self._timed.setToolTip(_tr("Export timed calendar events instead of all-day ones"))
        self._time = QTimeEdit(QTime(DEFAULT_TIME.hour, DEFAULT_TIME.minute))
        self._time.setDisplayFormat("HH:mm")
        self._minutes = QSpinBox()
        self._minutes.setRange(10, 240)
        self._minutes.setSingleStep(5)
        self._minutes.setValue(DEFAULT_MINUTES)
        self._minutes.setPrefix(_tr("for "))
        self._minutes.setSuffix(_tr(" min"))

        self._error_label = plain_label("", bold=True, color=self._theme.caution_text)
        self._error_label.setStyleSheet(
            f"color: {self._theme.caution_text}; background: {self._theme.caution_fill};"
            f" border: 1px solid {self._theme.caution_edge}; padding: 6px;"
        )
        self._summary = plain_label("")
        self._table = self._make_table()
        self._every_box = QFrame()
        self._every_lines = QVBoxLayout()
        self._every_lines.setSpacing(1)

        self._export_button = QPushButton(_tr("&Export .ics…"))
        self._print_button = QPushButton(_tr("&Print…"))
        self._pdf_button = QPushButton(_tr("Save as P&DF…"))
        self._export_button.clicked.connect(self._ask_export_ics)
        self._print_button.clicked.connect(self._ask_print)
        self._pdf_button.clicked.connect(self._ask_save_pdf)

        self._lay_out()
        self._start.dateChanged.connect(self._refresh)
        self._maintenance.valueChanged.connect(self._refresh)
        for box in self._weekdays:
            box.toggled.connect(self._refresh)
        self._timed.toggled.connect(self._sync_time)
        self._sync_time()
        self._refresh()

    # --- layout ---------------------------------------------------------------------------------

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, 4)
        table.setHorizontalHeaderLabels([_tr("Date"), _tr("Session"), _tr("Exercise"), _tr("What applies")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        table.setAlternatingRowColors(False)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in ((DATE_COLUMN, 140), (LABEL_COLUMN, 125), (EXERCISE_COLUMN, 190)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            table.setColumnWidth(column, width)
        header.setSectionResizeMode(APPLIES_COLUMN, QHeaderView.ResizeMode.Stretch)
        table.setItemDelegateForColumn(APPLIES_COLUMN, RuleLinesDelegate(table, self._theme.caution_text))
        header.sectionResized.connect(lambda *_: table.resizeRowsToContents())
        return table

    def _lay_out(self) -> None:
        start_row = QHBoxLayout()
        start_row.addWidget(self._start)
        start_row.addSpacing(24)
        maintenance_label = QLabel(_tr("&Maintenance:"))
        maintenance_label.setBuddy(self._maintenance)
        widgets: tuple[QWidget, ...] = (maintenance_label, self._maintenance)
        for widget in widgets:
            start_row.addWidget(widget)
        start_row.addSpacing(24)
        widgets = (self._timed, self._time, self._minutes)
        for widget in widgets:
            start_row.addWidget(widget)
        start_row.addStretch(1)
        days = QHBoxLayout()
        days.setSpacing(12)
        for box in self._weekdays:
            days.addWidget(box)
        days.addStretch(1)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(_tr("&Start date:"), start_row)
        form.addRow(_tr("Weekdays:"), days)
        start_label = form.labelForField(start_row)
        if isinstance(start_label, QLabel):
            start_label.setBuddy(self._start)

        every_layout = QVBoxLayout(self._every_box)
        every_layout.addWidget(plain_label(_tr("In every session"), bold=True))
        every_layout.addLayout(self._every_lines)
        self._every_box.setFrameShape(QFrame.Shape.StyledPanel)
        self._every_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (self._export_button, self._print_button, self._pdf_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._error_label)
        layout.addWidget(self._summary)
        layout.addWidget(self._table, 1)
        layout.addWidget(self._every_box)
        layout.addWidget(buttons)

    # --- the plan -------------------------------------------------------------------------------

    @property
    def plan(self) -> CoursePlan | None:
        """Return the plan for the current choices, or ``None`` while they are invalid."""
        return self._plan

    @property
    def error_text(self) -> str:
        """Return why there is no plan ("" when there is one)."""
        return self._error

    @property
    def table(self) -> QTableWidget:
        """Return the table of the plan."""
        return self._table

    def weekdays(self) -> set[int]:
        """Return the chosen weekdays (0 = Monday .. 6 = Sunday)."""
        return {day for day, box in enumerate(self._weekdays) if box.isChecked()}

    def set_weekdays(self, weekdays: set[int]) -> None:
        """Choose the weekdays (0 = Monday .. 6 = Sunday)."""
        for day, box in enumerate(self._weekdays):
            box.blockSignals(True)
            box.setChecked(day in weekdays)
            box.blockSignals(False)
        self._refresh()

    def set_start(self, day: date) -> None:
        """Choose the start date."""
        self._start.setDate(_qdate(day))

    def set_maintenance_weeks(self, weeks: int) -> None:
        """Choose how many weeks of maintenance to show."""
        self._maintenance.setValue(weeks)

    def set_session_time(self, at: time | None, minutes: int = DEFAULT_MINUTES) -> None:
        """Choose the time sessions start and how long they last; ``None`` for all-day events."""
        self._timed.setChecked(at is not None)
        if at is not None:
            self._time.setTime(QTime(at.hour, at.minute))
        self._minutes.setValue(minutes)

    def session_time(self) -> time | None:
        """Return the time sessions start, or ``None`` for all-day events."""
        if not self._timed.isChecked():
            return None
        chosen = self._time.time()
        return time(chosen.hour(), chosen.minute())

    def _sync_time(self) -> None:
        self._time.setEnabled(self._timed.isChecked())
        self._minutes.setEnabled(self._timed.isChecked())

    def _refresh(self) -> None:
        start = self._start.date().toPython()
        assert isinstance(start, date)
        try:
            self._plan = plan_for_catalog(self._catalog, start, self.weekdays(), self._maintenance.value())
            self._error = ""
        except TooFewWeekdaysError as exc:
            self._plan = None
            self._error = _tr(
                "“{phase}” needs at least {needed} massage sessions a week. "
                "Choose at least {needed} weekdays."
            ).format(phase=exc.phase.title, needed=exc.needed)
        self._error_label.setText(self._error)
        self._error_label.setVisible(bool(self._error))
        for button in (self._export_button, self._print_button, self._pdf_button):
            button.setEnabled(self._plan is not None)
        self._fill_table()

    def _fill_table(self) -> None:
        table = self._table
        table.clearSpans()
        table.setRowCount(0)
        plan = self._plan
        self._summary.setVisible(plan is not None)
        self._every_box.setVisible(plan is not None)
        if plan is None:
            return
        numbered = [s for s in plan.sessions if s.number is not None]
        self._summary.setText(
            _tr("{count} sessions, {first} to {last}; the plan runs to {end}.").format(
                count=len(numbered),
                first=words.format_date(numbered[0].date) if numbered else "—",
                last=words.format_date(numbered[-1].date) if numbered else "—",
                end=words.format_date(plan.end),
            )
        )
        common = plan.common_rules()
        self._show_every_session(common)
        common_ids = {rule.id for rule in common}
        phase_id = None
        for entry in plan.entries():
            if entry.phase_id != phase_id and not isinstance(entry, PlannedBreak):
                phase = plan.phase(entry.phase_id)
                self._add_phase_row(phase.title, f"{phase.text}\n{citation_text(self._catalog, phase.cite)}")
            phase_id = entry.phase_id
            if isinstance(entry, PlannedBreak):
                phase = plan.phase(entry.phase_id)
                self._add_row(
                    BREAK,
                    _tr("{first} –\n{last}").format(
                        first=words.format_date(entry.start), last=words.format_date(entry.end)
                    ),
                    words.break_label(entry),
                    words.exercise_text(plan.exercise_on(entry.start)),
                    [(phase.text, False)],
                    f"{phase.text}\n{citation_text(self._catalog, phase.cite)}",
                )
                continue
            rules = [r for r in entry.rules if r.id not in common_ids]
            self._add_row(
                MAINTENANCE if entry.number is None else SESSION,
                words.format_date(entry.date),
                words.session_label(entry, plan.course_length),
                words.exercise_text(plan.exercise_on(entry.date)),
                [(words.rule_line(r), r.kind == "warning") for r in rules],
                "\n\n".join(
                    f"{words.rule_line(r, full=True)}\n{citation_text(self._catalog, r.cite)}" for r in rules
                ),
            )
        table.resizeRowsToContents()

    def _show_every_session(self, rules: tuple[Rule, ...]) -> None:
        while (old := self._every_lines.takeAt(0)) is not None:
            if (widget := old.widget()) is not None:
                widget.deleteLater()
        for rule in rules:
            warning = rule.kind == "warning"
            line = plain_label(
                words.rule_line(rule), bold=warning, color=self._theme.caution_text if warning else None
            )
            line.setToolTip(
                _tip(f"{words.rule_line(rule, full=True)}\n{citation_text(self._catalog, rule.cite)}")
            )
            self._every_lines.addWidget(line)

    def _add_phase_row(self, title: str, tip: str) -> None:
        row = self._table.rowCount()
        self._table.insertRow(row)
        item = QTableWidgetItem(title)
        item.setData(ROW_KIND_ROLE, PHASE)
        item.setToolTip(_tip(tip))
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        item.setBackground(QColor(self._theme.legend_fill))
        self._table.setItem(row, 0, item)
        self._table.setSpan(row, 0, 1, 4)

    def _add_row(
        self, kind: str, when: str, label: str, exercise: str, lines: list[tuple[str, bool]], tip: str
    ) -> None:
        row = self._table.rowCount()
        self._table.insertRow(row)
        applies = QTableWidgetItem("\n".join(text for text, _ in lines) or "—")
        applies.setData(LINES_ROLE, [[text, warning] for text, warning in lines] or [["—", False]])
        applies.setToolTip(_tip(tip))
        cells = [QTableWidgetItem(when), QTableWidgetItem(label), QTableWidgetItem(exercise), applies]
        if kind == BREAK:
            for cell in cells:
                cell.setBackground(QColor(self._theme.caution_fill))
        cells[0].setData(ROW_KIND_ROLE, kind)
        for column, cell in enumerate(cells):
            cell.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self._table.setItem(row, column, cell)

    def row_kinds(self) -> list[str]:
        """Return the kind of every table row: phase, session, break or maintenance."""
        kinds = []
        for row in range(self._table.rowCount()):
            item = self._table.item(row, 0)
            kinds.append(str(item.data(ROW_KIND_ROLE)) if item is not None else "")
        return kinds

    # --- the work of the buttons ----------------------------------------------------------------

    def _require_plan(self) -> CoursePlan:
        if self._plan is None:
            raise ValueError(self._error or _tr("There is no plan to export."))
        return self._plan

    def export_ics(self, path: Path) -> None:
        """Write the plan as an iCalendar file.

        Raises:
            ValueError: the current choices give no plan.
            OSError: the file could not be written.
        """
        write_ics(
            self._require_plan(),
            path,
            session_time=self.session_time(),
            duration=timedelta(minutes=self._minutes.value()),
        )

    def save_pdf(self, path: Path) -> None:
        """Save the plan as a PDF file.

        Raises:
            ValueError: the current choices give no plan.
            OSError: the file could not be written.
        """
        write_pdf(plan_document(self._catalog, self._require_plan(), self.session_time()), path)

    def print_to(self, printer: QPrinter) -> None:
        """Print the plan on a printer the caller has set up.

        Raises:
            ValueError: the current choices give no plan.
        """
        plan_document(self._catalog, self._require_plan(), self.session_time()).print_(printer)

    def _ask_export_ics(self) -> None:
        if not self._check_plan():
            return
        name, _ = QFileDialog.getSaveFileName(
            self, _tr("Export Course Plan"), "fibromap-course.ics", _tr("iCalendar files (*.ics)")
        )
        if name:
            self._run(lambda: self.export_ics(_with_suffix(name, ".ics")), _tr("The plan was not exported"))

    def _ask_save_pdf(self) -> None:
        if not self._check_plan():
            return
        name, _ = QFileDialog.getSaveFileName(
            self, _tr("Save Course Plan as PDF"), "fibromap-course.pdf", _tr("PDF files (*.pdf)")
        )
        if name:
            self._run(lambda: self.save_pdf(_with_suffix(name, ".pdf")), _tr("The PDF was not saved"))

    def _ask_print(self) -> None:
        if not self._check_plan():
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure_printer(printer)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._run(lambda: self.print_to(printer), _tr("The plan was not printed"))

    def _check_plan(self) -> bool:
        if self._plan is None:
            QMessageBox.warning(self, _tr("No Plan"), self._error)
            return False
        return True

    def _run(self, work: Callable[[], None], failure: str) -> None:
        try:
            work()
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            QMessageBox.critical(
                self, _tr("Not Done"), _tr("{failure}: {reason}").format(failure=failure, reason=reason)
            )
