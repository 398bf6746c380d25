"""The guide's top bar (session, screen, time, prone watch) and its bottom bar (Previous, End, Next)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QStackedWidget, QWidget

from app.model.prone_watch import ProneLevel
from app.ui.session_guide_style import (
    BODY_PT,
    CLOCK_PT,
    HEADING_PT,
    SMALL_PT,
    big_button,
    design_size,
    duration_text,
    text_label,
    tr,
)
from app.ui.theme import Theme


class TopBar(QFrame):
    """Always on screen during a session: which session, which screen, time, and the prone watch."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self.setObjectName("GuideTopBar")
        self.setStyleSheet(
            f"#GuideTopBar {{ background: {theme.legend_fill}; border-bottom: 1px solid {theme.card_edge}; }}"
        )
        self.session = text_label("", BODY_PT, bold=True, colour=theme.text)
        self.place = text_label("", BODY_PT, colour=theme.text_muted)
        self.clock = text_label("", CLOCK_PT, bold=True, colour=theme.text)
        self.clock.setAccessibleName(tr("Session time"))
        self.prone = big_button("", theme)
        design_size(self.prone, min_height=64)
        self.prone.setAccessibleName(tr("Client prone (P)"))
        for label in (self.place, self.clock):
            label.setWordWrap(False)
        self.session.setMinimumWidth(240)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(32, 8, 24, 8)
        layout.setSpacing(28)
        layout.addWidget(self.session, 1)
        layout.addWidget(self.place)
        layout.addWidget(self.clock)
        layout.addWidget(self.prone)

    def set_time(self, seconds: float) -> None:
        """Show the session's elapsed time."""
        self.clock.setText(tr("Elapsed {time}").format(time=duration_text(seconds)))

    def set_prone(self, level: ProneLevel, stretch: float, limit: float) -> None:
        """Show the prone watch: minutes, and colour with words at the warning and the limit."""
        t = self._theme
        limit_text = duration_text(limit)
        if level is ProneLevel.NOT_PRONE:
            text, fill, colour, edge = tr("Not prone  ·  P"), t.card_fill, t.text_muted, t.card_edge
        elif level is ProneLevel.PRONE:
            text = tr("Prone {time} of {limit}  ·  P").format(time=duration_text(stretch), limit=limit_text)
            fill, colour, edge = t.region_hover, t.text, t.arrow
        elif level is ProneLevel.WARNING:
            text = tr("Prone {time}: turn soon  ·  P").format(time=duration_text(stretch))
            fill, colour, edge = t.caution_fill, t.caution_text, t.caution_edge
        else:
            text = tr("Prone {time}: over {limit}!  ·  P").format(
                time=duration_text(stretch), limit=limit_text
            )
            fill, colour, edge = t.arrow_highlight, t.on_accent, t.caution_text
        self.prone.setText(text)
        self.prone.setStyleSheet(
            f"QPushButton {{ background: {fill}; color: {colour}; border: 3px solid {edge};"
            f" border-radius: 10px; padding: 4px 20px; font-weight: bold; }}"
        )


class ProneBanner(QFrame):
    """The suggestion shown while the prone watch warns or alarms."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self.setObjectName("ProneBanner")
        self.text = text_label("", SMALL_PT, bold=True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(32, 6, 32, 6)
        layout.addWidget(self.text, 1)
        self.setVisible(False)

    def show_level(self, level: ProneLevel, limit: float, suggestion: str | None) -> None:
        """Show or hide the banner for a level of the prone watch."""
        t = self._theme
        if level not in (ProneLevel.WARNING, ProneLevel.ALARM):
            self.setVisible(False)
            return
        minutes = int(limit // 60)
        if level is ProneLevel.ALARM:
            head = tr("{n} minutes prone.").format(n=minutes)
            fill, colour = t.arrow_highlight, t.on_accent
        else:
            head = tr("Nearly {n} minutes prone.").format(n=minutes)
            fill, colour = t.caution_fill, t.caution_text
        self.setStyleSheet(f"#ProneBanner {{ background: {fill}; }}")
        self.text.setStyleSheet(f"color: {colour};")
        self.text.setText(f"{head} {suggestion}" if suggestion else head)
        self.setVisible(True)


class NavBar(QFrame):
    """Big ◀ Previous and Next ▶ buttons, End session, and the confirmation that ends it."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("GuideNavBar")
        self.setStyleSheet(
            f"#GuideNavBar {{ background: {theme.legend_fill}; border-top: 1px solid {theme.card_edge}; }}"
        )
        self.previous = big_button(tr("◀  Previous"), theme)
        self.next = big_button(tr("Next  ▶"), theme, primary=True)
        self.end = big_button(tr("End session (Esc)"), theme)
        for button in (self.previous, self.next):
            design_size(button, min_width=360)
        self.question = text_label(tr("End the session now and show its summary?"), HEADING_PT, bold=True)
        self.confirm = big_button(tr("End session (Enter)"), theme, primary=True)
        self.keep = big_button(tr("Keep going (Esc)"), theme)
        normal, confirming = QWidget(), QWidget()
        row = QHBoxLayout(normal)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.previous)
        row.addStretch(1)
        row.addWidget(self.end)
        row.addStretch(1)
        row.addWidget(self.next)
        ask = QHBoxLayout(confirming)
        ask.setContentsMargins(0, 0, 0, 0)
        ask.addWidget(self.question, 1)
        ask.addWidget(self.keep)
        ask.addWidget(self.confirm)
        self.stack = QStackedWidget()
        self.stack.addWidget(normal)
        self.stack.addWidget(confirming)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(32, 12, 32, 12)
        layout.addWidget(self.stack)
        self.question.setAlignment(Qt.AlignmentFlag.AlignVCenter)

    @property
    def confirming(self) -> bool:
        """Whether the bar asks to confirm the end of the session."""
        return self.stack.currentIndex() == 1

    def set_confirming(self, on: bool) -> None:
        """Ask to confirm the end of the session, or go back to the normal buttons."""
        self.stack.setCurrentIndex(1 if on else 0)

    def set_place(self, index: int, total: int) -> None:
        """Enable Previous except on the first screen; on the last, Next finishes the session."""
        self.previous.setEnabled(index > 0)
        self.next.setText(tr("Finish  ▶") if index >= total - 1 else tr("Next  ▶"))
