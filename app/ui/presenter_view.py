"""The presenter's screen: the current card, what comes next, the time and the instructor's notes.

With a second screen it is a window of its own on the laptop; with one screen
it can be shown under the map (N). Either way it only asks the stage to act.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.model.countdown import Clock, Countdown, CountdownState
from app.model.presentation import clock_text, describe_next
from app.model.presentation_cards import ProjectedCard, presenter_card
from app.services.user_data import UserDataStore
from app.ui.countdown_widget import CountdownWidget
from app.ui.presentation_overlays import OverlayCard, projector_font
from app.ui.presentation_stage import PresentationStage, PresentationView
from app.ui.theme import Theme

UNIT = 24.0  # the presenter's smallest text, in pixels


def _tr(text: str) -> str:
    return QCoreApplication.translate("PresenterView", text)


class _TextColumn(QScrollArea):
    """A scroll area that asks for its text's full height: it scrolls only when the screen is short."""

    def sizeHint(self) -> QSize:
        """Qt override: the text's height at the column's width (Qt's own hint stops at a few lines)."""
        hint = super().sizeHint()
        texts = self.widget()
        # The width beside a scroll bar, shown or not: measured without it, the text would need
        # the scroll bar that then narrows it by a line.
        width = self.width() - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width()
        if texts is not None and texts.hasHeightForWidth() and width > 0:
            hint.setHeight(texts.heightForWidth(width) + 2 * self.frameWidth())
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Qt override: a new width wraps the text anew, so the height asked for changes too."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()


class PresenterHold(CountdownWidget):
    """The card's hold timer on the presenter's screen, where T (not Space, R or Esc) drives it."""

    def hint_text(self) -> str:
        """Return the key that applies now (Qt's keys here are presentation mode's)."""
        state = self.countdown.state
        if self.end_prompt_visible or state is CountdownState.FINISHED:
            return _tr("T again")
        if state is CountdownState.IDLE:
            return _tr("T start")
        if state is CountdownState.PAUSED:
            return _tr("T resume")
        return _tr("T pause")


class PresenterView(QWidget):
    """What only the instructor sees.

    Args:
        stage: the audience's stage it follows and drives.
        store: the user's notes (the "My note" of each card).
        clock: monotonic seconds (class time, hold timer).
        parent: the owning widget.

    Signals:
        swap_requested(): the instructor asked to swap the screens.
        leave_requested(): the instructor asked to leave presentation mode.
    """

    swap_requested = Signal()
    leave_requested = Signal()

    def __init__(
        self,
        stage: PresentationStage,
        store: UserDataStore,
        clock: Clock = time.monotonic,
        parent: QWidget | None = None,
        compact: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("presenter_view")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.compact = compact
        self.stage = stage
        self.store = store
        self.clock = clock
        self.started = clock()
        theme: Theme = stage.theme
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            f"QWidget#presenter_view {{ background: {theme.canvas}; }}"
            f" QLabel {{ color: {theme.text}; }}"
            f" QPushButton {{ color: {theme.text}; background: {theme.body_fill};"
            f" border: 2px solid {theme.card_edge}; border-radius: 6px; padding: 4px 12px; }}"
        )
        self.now_label = self._label("", 1.4, bold=True)
        self.clock_label = self._label("0:00", 1.6, bold=True)
        self.clock_label.setAccessibleName(_tr("Class time"))
        self.state_label = self._label("", 1.0, colour=theme.arrow_highlight)
        self.state_label.setWordWrap(False)  # "Screen blank · Halo on" reads as one line; the title wraps
        header = QHBoxLayout()
        header.addWidget(self.now_label, 1)
        header.addWidget(self.state_label)
        header.addSpacing(24)
        header.addWidget(self.clock_label)

        self.current = OverlayCard(theme)
        self.current.setVisible(not compact)
        self.next_label = self._label("", 1.0)
        self.notes_label = self._label("", 1.0)
        if compact:
            # One line each under the map: the class sees the card itself on the map.
            for label in (self.next_label, self.notes_label):
                label.setWordWrap(False)
        self.hold: CountdownWidget | None = None
        self._hold_technique = ""
        self.side = QVBoxLayout()
        self.side_texts = self._side_texts(theme)
        self.side.addWidget(self.side_texts)
        # What the class sees, small; a click here opens a card there too.
        self.preview = PresentationView()
        self.preview.setAccessibleName(_tr("The class's map"))
        self.preview.setMinimumHeight(160)
        self.preview.setVisible(not compact)
        self.side.addWidget(self.preview, 1)
        self.timer_slot = QVBoxLayout()
        self.side.addLayout(self.timer_slot)

        body = QGridLayout()
        body.addWidget(self.current, 0, 0)
        body.addLayout(self.side, 0, 1)
        body.setColumnStretch(0, 3)
        body.setColumnStretch(1, 2)

        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, command in self._commands():
            button = QPushButton(text)
            button.setFont(projector_font(UNIT))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the window's shortcuts
            button.clicked.connect(command)
            buttons.addWidget(button)
            self.buttons[key] = button

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(header)
        if compact:
            layout.setContentsMargins(16, 4, 16, 6)
            layout.setSpacing(2)
            layout.addWidget(self.next_label)
            layout.addWidget(self.notes_label)
            for button in self.buttons.values():
                button.hide()
        else:
            layout.addLayout(body, 1)
            layout.addLayout(buttons)

        self._tick = QTimer(self)
        self._tick.setInterval(500)
        self._tick.timeout.connect(self.update_clock)
        self._tick.start()
        stage.changed.connect(self.refresh)
        stage.laid_out.connect(self._fit_preview)
        store.changed.connect(lambda _card: self.refresh())
        self.refresh()

    def _side_texts(self, theme: Theme) -> QScrollArea:
        """What comes next and the notes, in a scroll area.

        A long instruction or note scrolls there rather than pushing the preview and the hold
        timer over the buttons on a laptop screen.
        """
        texts = QWidget()
        texts.setObjectName("presenter_texts")
        column = QVBoxLayout(texts)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._label(_tr("Next"), 1.1, bold=True, colour=theme.arrow))
        column.addWidget(self.next_label)
        column.addWidget(self._label(_tr("Your notes"), 1.1, bold=True, colour=theme.arrow))
        column.addWidget(self.notes_label)
        column.addStretch(1)
        holder = _TextColumn()
        holder.setWidget(texts)
        holder.setWidgetResizable(True)
        holder.setFrameShape(QFrame.Shape.NoFrame)
        holder.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the window's shortcuts
        holder.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder.setStyleSheet(
            f"QScrollArea, QWidget#presenter_texts {{ background: {theme.canvas}; border: none; }}"
            f" QScrollBar:vertical {{ background: {theme.canvas}; width: 14px; border: none; }}"
            f" QScrollBar::handle:vertical {{ background: {theme.text_muted};"
            " border-radius: 6px; min-height: 40px; }"
            " QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0px; }"
        )
        return holder

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        s = self.stage
        return [
            ("previous", _tr("◀ Back"), lambda: s.step(-1)),
            ("next", _tr("Next ▶"), lambda: s.step(1)),
            ("blank", _tr("Blank (B)"), s.toggle_blank),
            ("halo", _tr("Halo (L)"), s.toggle_halo),
            ("play", _tr("Play (P)"), s.toggle_playback),
            ("swap", _tr("Swap screens (S)"), self.swap_requested.emit),
            ("leave", _tr("Leave (Esc)"), self.leave_requested.emit),
        ]

    def _label(self, text: str, scale: float, *, bold: bool = False, colour: str | None = None) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setFont(projector_font(UNIT * scale, bold))
        if colour:
            label.setStyleSheet(f"color: {colour};")
        return label

    # -- following the stage -------------------------------------------------------------

    def card(self) -> ProjectedCard:
        """The card the presenter sees: the one up on the stage, else the map's title card."""
        return self.stage.card if self.stage.card_visible else self.stage.map_overview()

    def refresh(self) -> None:
        """Show the stage's current card, what comes next, the notes and the state."""
        stage = self.stage
        catalog = stage.library.catalog
        card = self.card()
        info = catalog.maps[stage.stop.map_id]
        self.now_label.setText(info.title if card.title == info.title else f"{info.title} — {card.title}")
        self.current.show_card(presenter_card(catalog, card))
        if not self.compact and self.preview.scene() is not stage.scene:
            self.preview.show_scene(stage.scene)
        self._fit_preview()
        upcoming = describe_next(
            stage.plan,
            stage.stop,
            {m.id: m.title for m in catalog.maps.values()},
            {m.id: m.arrow_instructions for m in catalog.maps.values()},
        )
        notes = [
            f"{catalog.techniques[t].title}: {self.store.note(t)}"
            for t in card.techniques
            if self.store.note(t)
        ]
        notes_text = (
            "\n\n".join(notes)
            if notes
            else _tr("No notes on these cards. Write them under “My note” on a card.")
        )
        if self.compact:
            self._set_line(self.next_label, _tr("Next: ") + upcoming)
            self._set_line(self.notes_label, _tr("Notes: ") + " · ".join(notes) if notes else "")
            self.notes_label.setVisible(bool(notes))
        else:
            self.next_label.setText(upcoming)
            self.notes_label.setText(notes_text)
            self.side_texts.updateGeometry()  # its hint is the texts' height
        states = []
        if stage.blank.isVisible():
            states.append(_tr("Screen blank"))
        if stage.halo.isVisible():
            states.append(_tr("Halo on"))
        if stage.playback.active:
            states.append(_tr("Playing strokes"))
        self.state_label.setText(" · ".join(states))
        self._show_hold(card)
        self.update_clock()

    def _fit_preview(self) -> None:
        """Fit the preview to all the class sees: texts spread into the screen's black bars too."""
        if self.compact or self.preview.scene() is not self.stage.scene:
            return
        self.preview.extent = self.stage.shown_rect()
        self.preview.fit()

    def _set_line(self, label: QLabel, text: str) -> None:
        width = max(200, (self.parentWidget() or self).width() - 40)
        line = " ".join(text.split())
        label.setText(QFontMetrics(label.font()).elidedText(line, Qt.TextElideMode.ElideRight, width))
        label.setToolTip(text)

    def _show_hold(self, card: ProjectedCard) -> None:
        # The card's own hold timer (a tender point's 30 s, occipital work's 3 min), from the content.
        catalog = self.stage.library.catalog
        timed = next(
            (catalog.techniques[t] for t in card.techniques if catalog.techniques[t].duration_seconds), None
        )
        technique_id = timed.id if timed is not None else ""
        if technique_id == self._hold_technique or self.compact:
            return
        self._hold_technique = technique_id
        if self.hold is not None:
            self.hold.stop()
            self.timer_slot.removeWidget(self.hold)
            self.hold.hide()
            self.hold.setParent(None)
            self.hold.deleteLater()
            self.hold = None
        if timed is not None and timed.duration_seconds:
            countdown = Countdown(timed.duration_seconds, clock=self.clock)
            self.hold = PresenterHold(countdown, caption=timed.title, theme=self.stage.theme, flash=False)
            self.hold.setMinimumHeight(220)
            self.hold.setMaximumHeight(260)  # the rest is for what comes next and the notes
            self.hold.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.timer_slot.addWidget(self.hold)

    def toggle_hold(self) -> None:
        """T: start, pause or resume the card's hold timer, if it has one."""
        if self.hold is not None:
            self.hold.toggle()

    def update_clock(self) -> None:
        """Show the time since presentation mode began."""
        self.clock_label.setText(clock_text(self.clock() - self.started))
