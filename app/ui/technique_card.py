"""A technique card: the same layout for every technique, every field from the content.

Layout, top to bottom: title and star; protocol step, figure and lubrication;
"Show on map" and the timer; the cautions (always shown, never folded); the
folding sections Details, Steps and My note; related cards; the source.
Text is plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QPointF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.model.content import Catalog, Technique
from app.ui.text_widgets import ClickableLabel, citation_text, link_label, plain_label
from app.ui.theme import Theme

SECTIONS = ("details", "steps", "note")
NOTE_SAVE_DELAY_MS = 700


def _tr(text: str) -> str:
    return QCoreApplication.translate("TechniqueCard", text)


class CardNotes(Protocol):
    """What a card needs from the user's notes and stars."""

    def note(self, card_id: str) -> str: ...  # noqa: D102

    def set_note(self, card_id: str, text: str) -> None: ...  # noqa: D102

    def is_starred(self, card_id: str) -> bool: ...  # noqa: D102

    def toggle_star(self, card_id: str) -> bool: ...  # noqa: D102


@dataclass
class CardContext:
    """What every card shares: content, colours, folded sections, the user's notes.

    ``report`` tells the user about a note or star that could not be saved.
    """

    catalog: Catalog
    theme: Theme
    open_sections: dict[str, bool] = field(default_factory=lambda: dict.fromkeys(SECTIONS, True))
    notes: CardNotes | None = None
    report: Callable[[str], None] = print

    def save(self, change: Callable[[], object]) -> bool:
        """Run a change to the notes; report and return False when it could not be saved."""
        try:
            change()
        except Exception as exc:  # the store raises UserDataError with a message for people
            self.report(str(exc))
            return False
        return True


def lubrication_icon(uses_oil: bool, size: int, theme: Theme) -> QPixmap:
    """Draw a drop (with oil) or a struck-through drop (without)."""
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size
    drop = QPainterPath(QPointF(s * 0.5, s * 0.08))
    drop.cubicTo(s * 0.62, s * 0.3, s * 0.82, s * 0.48, s * 0.82, s * 0.64)
    drop.cubicTo(s * 0.82, s * 0.83, s * 0.67, s * 0.94, s * 0.5, s * 0.94)
    drop.cubicTo(s * 0.33, s * 0.94, s * 0.18, s * 0.83, s * 0.18, s * 0.64)
    drop.cubicTo(s * 0.18, s * 0.48, s * 0.38, s * 0.3, s * 0.5, s * 0.08)
    color = QColor(theme.arrow if uses_oil else theme.text_muted)
    painter.setPen(QPen(color, max(1.5, s / 14)))
    painter.setBrush(color if uses_oil else Qt.BrushStyle.NoBrush)
    painter.drawPath(drop)
    if not uses_oil:
        painter.setPen(QPen(QColor(theme.caution_edge), max(2.0, s / 10)))
        painter.drawLine(QPointF(s * 0.12, s * 0.9), QPointF(s * 0.88, s * 0.12))
    painter.end()
    return pixmap


class FoldingSection(QWidget):
    """A titled part of a card that folds; the panel remembers which parts are open.

    Signals:
        toggled(str, bool): the user opened or closed the section named by the key.
    """

    toggled = Signal(str, bool)

    def __init__(self, key: str, title: str, body: QWidget, open_: bool) -> None:
        super().__init__()
        self.key = key
        self._title = title
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.header = ClickableLabel(title)
        font = QFont(self.header.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.08)
        self.header.setFont(font)
        self.header.setAccessibleDescription(_tr("Show or hide this part of the card"))
        self.header.clicked.connect(lambda: self.toggled.emit(self.key, not self.is_open))
        self.body = body
        layout.addWidget(self.header)
        layout.addWidget(body)
        self.set_open(open_)

    @property
    def is_open(self) -> bool:
        """Whether the body is shown."""
        return not self.body.isHidden()

    def set_open(self, on: bool) -> None:
        """Show or hide the body."""
        self.body.setHidden(not on)
        self.header.setText(("▾ " if on else "▸ ") + self._title)


class TechniqueCard(QFrame):
    """One technique card.

    Signals:
        related_requested(str): the user asked for a related card.
        map_requested(str): the user asked where this technique applies on the map.
        timer_requested(str): the user asked for this technique's timer.
        section_toggled(str, bool): a folding section was opened or closed.
    """

    related_requested = Signal(str)
    map_requested = Signal(str)
    timer_requested = Signal(str)
    section_toggled = Signal(str, bool)

    FIELDS = (
        ("purpose", "Purpose"),
        ("hand_position", "Hand position"),
        ("direction", "Direction"),
        ("pressure", "Pressure"),
        ("speed", "Speed"),
        ("duration", "Duration"),
        ("client_position", "Client position"),
    )

    def __init__(self, technique: Technique, context: CardContext) -> None:
        super().__init__()
        self.technique = technique
        self.context = context
        theme = context.theme
        self.setObjectName("TechniqueCard")
        self.setStyleSheet(
            f"QFrame#TechniqueCard {{ background: {theme.card_fill}; border: 1px solid {theme.card_edge};"
            " border-radius: 8px; }"
        )
        self.setAccessibleName(technique.title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(8)
        layout.addLayout(self._title_row())
        layout.addWidget(self._tags_row())
        # Actions sit high on the card: beside the table, the timer must be one glance away.
        layout.addLayout(self._buttons_row())
        if technique.cautions:
            layout.addWidget(self._cautions())
        self.sections: dict[str, FoldingSection] = {}
        for key, title, body in self._section_bodies():
            section = FoldingSection(key, title, body, context.open_sections.get(key, True))
            section.toggled.connect(self.section_toggled)
            self.sections[key] = section
            layout.addWidget(section)
        if technique.related:
            layout.addWidget(self._related())
        source = plain_label(
            _tr("Source: ") + citation_text(context.catalog, technique.cite),
            scale=0.92,
            color=theme.text_muted,
        )
        source.setObjectName("CardSource")
        layout.addWidget(source)

    # --- parts ---------------------------------------------------------------------

    def _title_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        title = plain_label(self.technique.title, scale=1.4, bold=True)
        title.setObjectName("CardTitle")
        row.addWidget(title, 1)
        self.star: QToolButton | None = None
        if self.context.notes is not None:
            self.star = QToolButton()
            self.star.setCheckable(True)
            self.star.setAutoRaise(True)
            self.star.setAccessibleName(_tr("Star this card"))
            self.star.setToolTip(_tr("Keep this card in your Starred list"))
            self.star.clicked.connect(self._toggle_star)
            self.refresh_star()
            row.addWidget(self.star, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def refresh_star(self) -> None:
        """Show whether the card is starred (after a change here or elsewhere)."""
        if self.star is None or self.context.notes is None:
            return
        on = self.context.notes.is_starred(self.technique.id)
        self.star.setChecked(on)
        self.star.setText("★" if on else "☆")
        font = QFont(self.star.font())
        font.setPointSizeF(QFont().pointSizeF() * 1.6)
        self.star.setFont(font)
        self.star.setStyleSheet(
            f"color: {self.context.theme.arrow_highlight if on else self.context.theme.text_muted};"
        )

    def _toggle_star(self) -> None:
        notes = self.context.notes
        if notes is not None:
            self.context.save(lambda: notes.toggle_star(self.technique.id))
        self.refresh_star()

    def _tags_row(self) -> QWidget:
        t, theme = self.technique, self.context.theme
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        tags = []
        if t.protocol_step:
            tags.append(_tr("Protocol step {n} of 8").format(n=t.protocol_step))
        if t.figure:
            tags.append(_tr("Figure {n}").format(n=t.figure))
        if tags:
            layout.addWidget(plain_label(" · ".join(tags), color=theme.text_muted), 1)
        if t.lubrication is None:
            word = _tr("Lubrication: not stated")
        else:
            icon = QLabel()
            icon.setPixmap(lubrication_icon(t.lubrication, 22, theme))
            layout.addWidget(icon)
            word = _tr("With lubrication") if t.lubrication else _tr("No lubrication")
            icon.setAccessibleName(word)
        layout.addWidget(plain_label(word, bold=t.lubrication is not None), 0 if tags else 1)
        return row

    def _cautions(self) -> QFrame:
        theme = self.context.theme
        box = QFrame()
        box.setObjectName("Cautions")
        box.setStyleSheet(
            f"QFrame#Cautions {{ background: {theme.caution_fill};"
            f" border-left: 5px solid {theme.caution_edge}; border-radius: 4px; }}"
        )
        box.setAccessibleName(_tr("Cautions"))
        layout = QVBoxLayout(box)
        layout.setContentsMargins(10, 6, 8, 6)
        layout.addWidget(plain_label("⚠ " + _tr("Cautions"), bold=True, color=theme.caution_text))
        for caution in self.technique.cautions:
            layout.addWidget(plain_label("• " + caution, color=theme.caution_text))
        return box

    def _section_bodies(self) -> list[tuple[str, str, QWidget]]:
        t, theme = self.technique, self.context.theme
        details = QWidget()
        grid = QGridLayout(details)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        for row, (attribute, title) in enumerate(self.FIELDS):
            value = getattr(t, attribute)
            grid.addWidget(plain_label(_tr(title), bold=True), row, 0, Qt.AlignmentFlag.AlignTop)
            text = value if value is not None else _tr("Not stated in the source")
            grid.addWidget(plain_label(text, color=None if value else theme.text_muted), row, 1)
        parts: list[tuple[str, str, QWidget]] = [("details", _tr("Details"), details)]
        if t.steps:
            steps = QWidget()
            steps_layout = QVBoxLayout(steps)
            steps_layout.setContentsMargins(0, 0, 0, 0)
            for number, step in enumerate(t.steps, 1):
                steps_layout.addWidget(plain_label(f"{number}.  {step}"))
            parts.append(("steps", _tr("Steps"), steps))
        if self.context.notes is not None:
            self.note_edit = QPlainTextEdit(self.context.notes.note(t.id))
            self.note_edit.setPlaceholderText(_tr("Your own note on this card (kept on this computer)"))
            self.note_edit.setAccessibleName(_tr("My note"))
            self.note_edit.setTabChangesFocus(True)
            self.note_edit.setFixedHeight(self.note_edit.fontMetrics().lineSpacing() * 5 + 12)
            # Each save syncs to disk; wait for a pause in the typing (flush_note saves the rest).
            self._note_timer = QTimer(self)
            self._note_timer.setSingleShot(True)
            self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
            self._note_timer.timeout.connect(self.flush_note)
            self.note_edit.textChanged.connect(self._note_timer.start)
            parts.append(("note", _tr("My note"), self.note_edit))
        return parts

    def flush_note(self) -> None:
        """Save the note now if it changed since the last save."""
        notes = self.context.notes
        if notes is None:  # without a store there is no note editor
            return
        self._note_timer.stop()
        text = self.note_edit.toPlainText()
        if text.strip() != notes.note(self.technique.id).strip():
            self.context.save(lambda: notes.set_note(self.technique.id, text))

    def _buttons_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        where = QPushButton(_tr("Show on map"))
        where.setToolTip(_tr("Highlight the regions and arrows of the map where this technique applies"))
        where.clicked.connect(lambda: self.map_requested.emit(self.technique.id))
        row.addWidget(where)
        seconds = self.technique.duration_seconds
        if seconds:
            label = f"{seconds} s" if seconds < 120 else f"{seconds // 60} min"
            timer = QPushButton(_tr("Timer ({length})").format(length=label))
            timer.setObjectName("TimerButton")
            timer.setToolTip(_tr("Open the countdown with this card's duration"))
            timer.clicked.connect(lambda: self.timer_requested.emit(self.technique.id))
            row.addWidget(timer)
        row.addStretch(1)
        return row

    def _related(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(plain_label(_tr("See also"), bold=True))
        for ident in self.technique.related:
            link = link_label(self.context.catalog.techniques[ident].title, self.context.theme.link)
            link.clicked.connect(lambda i=ident: self.related_requested.emit(i))
            layout.addWidget(link)
        return box
