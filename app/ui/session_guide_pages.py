"""The session guide's start page (session and focus), its intro and closing screens, and the summary."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QHBoxLayout, QSpinBox, QVBoxLayout, QWidget

from app.model.content import Catalog, Rule
from app.model.session_focus import FocusArea, focus_areas
from app.model.session_guide import FOCUS_RULE_IDS, ScreenKind, SessionGuide, full_body_considered
from app.model.session_record import SessionSummary
from app.model.session_rules import course_length, rules_for_session
from app.ui.session_guide_style import (
    BODY_PT,
    HEADING_PT,
    SMALL_PT,
    TITLE_PT,
    big_button,
    clear_layout,
    design_size,
    duration_text,
    list_box,
    rule_box,
    section,
    text_label,
    tr,
)
from app.ui.theme import Theme


def session_text(session: int | None, length: int) -> str:
    """Name a session for people: "Session 12 of 30" or "Maintenance session"."""
    if session is None:
        return tr("Maintenance session")
    return tr("Session {n} of {total}").format(n=session, total=length)


def guide_label(guide: SessionGuide) -> str:
    """Return "Session 12 of 30 · Neck and upper back"."""
    return f"{session_text(guide.session, guide.course_length)}  ·  {tr(guide.focus.title)}"


class SessionSpinBox(QSpinBox):
    """Sessions 1..n of the course, then "Maintenance" (shown as the value n + 1)."""

    def __init__(self, length: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.length = length
        self.setRange(1, length + 1)

    def textFromValue(self, value: int) -> str:
        """Show the maintenance value as a word (Qt override)."""
        return tr("Maintenance") if value > self.length else str(value)

    def valueFromText(self, text: str) -> int:
        """Read digits, or the word for maintenance (Qt override)."""
        stripped = text.strip()
        return int(stripped) if stripped.isdigit() else self.length + 1

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        """Accept a number of the course or (the start of) the word for maintenance (Qt override)."""
        typed = text.strip().lower()
        word = tr("Maintenance").lower()
        if typed.isdigit():
            value = int(typed)
            state = QValidator.State.Acceptable if 1 <= value <= self.length + 1 else QValidator.State.Invalid
            if value == 0:
                state = QValidator.State.Intermediate
        elif typed == word:
            state = QValidator.State.Acceptable
        elif word.startswith(typed):
            state = QValidator.State.Intermediate
        else:
            state = QValidator.State.Invalid
        return (state, text, pos)

    def session(self) -> int | None:
        """Return the session chosen (``None``: maintenance)."""
        return None if self.value() > self.length else self.value()


class StartPage(QWidget):
    """Choose the session's number and focus, then start.

    Signals:
        start_requested(): the Start button was pressed.
    """

    start_requested = Signal()

    def __init__(self, catalog: Catalog, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._theme = theme
        self.length = course_length(catalog)
        self.areas = focus_areas(catalog)
        self.spin = SessionSpinBox(self.length)
        design_size(self.spin, points=TITLE_PT, fixed_width=300, min_height=76)
        self.spin.setFont(text_label("", TITLE_PT, bold=True).font())
        self.spin.setAccessibleName(tr("Session number"))
        self.session_buttons = QButtonGroup(self)
        self.focus_buttons = QButtonGroup(self)
        self.focus_rule = text_label("", BODY_PT, colour=theme.text)
        self.start_button = big_button(tr("Start session (Enter)  ▶"), theme, primary=True, focusable=True)
        self.start_button.clicked.connect(self.start_requested)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 28, 48, 28)
        layout.setSpacing(10)
        layout.addWidget(text_label(tr("Session guide"), TITLE_PT, bold=True, colour=theme.text))
        layout.addWidget(
            text_label(
                tr(
                    "FibroMap lays the session out from the article's 8 steps, one screen at a time. "
                    "Here: type the session number, Tab and the arrow keys choose the focus, Enter starts."
                ),
                SMALL_PT,
                colour=theme.text_muted,
            )
        )
        row = QHBoxLayout()
        question = text_label(tr("Which session of the course is this?"), HEADING_PT, bold=True)
        question.setWordWrap(False)
        row.addWidget(question)
        row.addWidget(self.spin)
        row.addStretch(1)
        layout.addSpacing(8)
        layout.addLayout(row)
        layout.addLayout(self._session_grid())
        layout.addSpacing(10)
        layout.addWidget(text_label(tr("Focus of this session"), HEADING_PT, bold=True))
        focus_row = QHBoxLayout()
        for index, area in enumerate(self.areas):
            button = big_button(tr(area.title), theme, focusable=True)
            button.setCheckable(True)
            self.focus_buttons.addButton(button, index)
            focus_row.addWidget(button)
        focus_row.addStretch(1)
        layout.addLayout(focus_row)
        layout.addWidget(self.focus_rule)
        layout.addStretch(1)
        start_row = QHBoxLayout()
        start_row.addStretch(1)
        start_row.addWidget(self.start_button)
        layout.addLayout(start_row)

        self.spin.valueChanged.connect(self._session_changed)
        self.session_buttons.idClicked.connect(self.spin.setValue)
        first = self.focus_buttons.button(0)
        if first is not None:
            first.setChecked(True)
        self._session_changed(self.spin.value())
        self.setTabOrder(self.spin, first or self.start_button)

    def _session_grid(self) -> QGridLayout:
        """One row of buttons per phase of the course, captioned with the phase's title."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        number, row = 1, 0
        for phase in self._catalog.course:
            if phase.kind == "treatments" and phase.sessions:
                values = list(range(number, number + phase.sessions))
                number += phase.sessions
            elif phase.kind == "maintenance":
                values = [self.length + 1]
            else:
                continue
            grid.addWidget(text_label(phase.title, SMALL_PT, colour=self._theme.text_muted), row, 0, 1, 15)
            for column, value in enumerate(values):
                button = big_button(self.spin.textFromValue(value), self._theme, padding=4)
                button.setCheckable(True)
                design_size(button, min_height=58, min_width=84 if value <= self.length else 260)
                self.session_buttons.addButton(button, value)
                grid.addWidget(button, row + 1, column, 1, 1 if value <= self.length else 4)
            row += 2
        return grid

    def _session_changed(self, value: int) -> None:
        button = self.session_buttons.button(value)
        if button is not None:
            button.setChecked(True)
        session = self.spin.session()
        allowed = full_body_considered(self._catalog, session)
        for index, area in enumerate(self.areas):
            focus_button = self.focus_buttons.button(index)
            if area.full_body and focus_button is not None:
                focus_button.setEnabled(allowed)
                if not allowed and focus_button.isChecked():
                    first = self.focus_buttons.button(0)
                    if first is not None:
                        first.setChecked(True)
        rules = [r for r in rules_for_session(self._catalog, session) if r.id in FOCUS_RULE_IDS]
        self.focus_rule.setText("\n".join(r.text for r in rules))

    def session(self) -> int | None:
        """Return the session chosen (``None``: maintenance)."""
        return self.spin.session()

    def focus_area(self) -> FocusArea:
        """Return the focus chosen."""
        return self.areas[max(0, self.focus_buttons.checkedId())]

    def set_choice(self, session: int | None, focus_id: str) -> None:
        """Choose a session and a focus (for the window's callers and tests)."""
        self.spin.setValue(self.length + 1 if session is None else session)
        for index, area in enumerate(self.areas):
            button = self.focus_buttons.button(index)
            if area.id == focus_id and button is not None and button.isEnabled():
                button.setChecked(True)

    def prepare(self) -> None:
        """Put the keyboard in the session number, all selected, so typing replaces it."""
        self.spin.setFocus()
        self.spin.selectAll()


KEYS = (
    "Next: → or PageDown.  Back: ← or PageUp.",
    "Timer: Space starts and pauses, R resets.",
    "Other maps of a step: ↑ and ↓.",
    "Client prone or not: P.  End the session: Esc.",
)


class RulesPage(QWidget):
    """The intro screen (warnings, focus and positioning rules) or the closing one (what comes next)."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self.eyebrow = text_label("", HEADING_PT, bold=True, colour=theme.arrow)
        self.title = text_label("", TITLE_PT, bold=True, colour=theme.text)
        left, self.left = section()
        right, self.right = section()
        self.left.setSpacing(14)
        self.right.setSpacing(14)
        columns = QHBoxLayout()
        columns.setSpacing(36)
        columns.addWidget(left, 3)
        columns.addWidget(right, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 14, 32, 8)
        layout.setSpacing(6)
        layout.addWidget(self.eyebrow)
        layout.addWidget(self.title)
        layout.addSpacing(12)
        layout.addLayout(columns, 1)

    def show_screen(self, guide: SessionGuide, kind: ScreenKind, rules: tuple[Rule, ...]) -> None:
        """Fill the page for the intro or the closing screen."""
        clear_layout(self.left)
        clear_layout(self.right)
        theme = self._theme
        if kind is ScreenKind.INTRO:
            self.eyebrow.setText(tr("Before you start"))
            self.title.setText(tr("Warnings, focus and positioning"))
            for rule in rules:
                if rule.kind != "position":
                    self.left.addWidget(rule_box(theme, rule))
            positions = [r.text for r in rules if r.kind == "position"]
            if positions:
                self.right.addWidget(list_box(theme, "position", tr("Positioning"), positions))
            self.right.addWidget(list_box(theme, "plain", tr("Keys"), [tr(k) for k in KEYS], SMALL_PT))
        else:
            self.eyebrow.setText(tr("After the session"))
            self.title.setText(tr("Exercise and what comes next"))
            for rule in rules:
                self.left.addWidget(rule_box(theme, rule))
            self.right.addWidget(
                list_box(
                    theme,
                    "plain",
                    tr("Ending"),
                    [
                        tr("Next ▶ ends the session and shows its summary."),
                        tr("Nothing about the client is stored."),
                    ],
                )
            )
        self.left.addStretch(1)
        self.right.addStretch(1)


class SummaryPage(QWidget):
    """What the session did: time, steps done, holds completed, time per area.

    Signals:
        new_requested(): start another session.
        close_requested(): close the guide.
    """

    new_requested = Signal()
    close_requested = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self.title = text_label(tr("Session summary"), TITLE_PT, bold=True, colour=theme.text)
        self.subtitle = text_label("", HEADING_PT, colour=theme.text_muted)
        body, self.lines = section()
        self.lines.setSpacing(10)
        self.new_button = big_button(tr("New session (Enter)"), theme, primary=True)
        self.close_button = big_button(tr("Close guide (Esc)"), theme)
        self.new_button.clicked.connect(self.new_requested)
        self.close_button.clicked.connect(self.close_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 28, 48, 28)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(16)
        layout.addWidget(body, 1)
        layout.addLayout(buttons)

    def show_summary(self, guide: SessionGuide, summary: SessionSummary, prone_seconds: float | None) -> None:
        """Fill the page from a finished session (``prone_seconds``: the time prone, if watched)."""
        self.subtitle.setText(guide_label(guide))
        clear_layout(self.lines)
        theme = self._theme
        applicable = guide.step_numbers
        done = [n for n in summary.steps_done if n in applicable]
        facts = [
            (tr("Session time"), duration_text(summary.elapsed)),
            (
                tr("Steps done"),
                tr("{n} of {total}").format(n=len(done), total=len(applicable))
                + (f"  ({', '.join(str(n) for n in done)})" if done else ""),
            ),
            (tr("Holds completed"), str(summary.holds_completed)),
            *([(tr("Time prone"), duration_text(prone_seconds))] if prone_seconds is not None else []),
            (
                tr("Screens seen"),
                tr("{n} of {total}").format(n=summary.screens_seen, total=len(guide.screens)),
            ),
        ]
        for name, value in facts:
            row = QHBoxLayout()
            row.addWidget(text_label(name, HEADING_PT, colour=theme.text_muted), 2)
            row.addWidget(text_label(value, HEADING_PT, bold=True, colour=theme.text), 5)
            holder = QWidget()
            holder.setLayout(row)
            self.lines.addWidget(holder)
        areas = [f"{tr(area)}: {duration_text(seconds)}" for area, seconds in summary.seconds_by_area]
        if areas:
            self.lines.addWidget(list_box(theme, "plain", tr("Time per area"), areas, HEADING_PT))
        self.lines.addWidget(
            text_label(
                tr("Nothing about the client is stored: this summary is gone when you close the guide."),
                SMALL_PT,
                colour=theme.text_muted,
            )
        )
        self.lines.addStretch(1)
