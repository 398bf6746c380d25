"""A technique card: the same layout for every technique, every field from the content.

Layout, top to bottom: title and star; protocol step, figure and lubrication;
"Show on map" and the timer; the cautions (always shown, never folded); the
folding sections Details, Steps and My note; related cards; the source.
Content text is always shown literally (escaped), never as markup.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.model.content import Technique
from app.ui.card_context import CardContext
from app.ui.text_block import TextBlock, escaped, paragraphs
from app.ui.text_widgets import ClickableLabel, link_label, scaled_font, sources_text
from app.ui.theme import Theme

NOTE_SAVE_DELAY_MS = 700


def _tr(text: str) -> str:
    return QCoreApplication.translate("TechniqueCard", text)


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


class FoldingSection:
    """A titled part of a card that folds: a clickable header over a body.

    Not a widget of its own (the header and body sit in the card's layout): every widget a
    card does without is one less to show and lay out when a click brings the card up.
    """

    def __init__(
        self, key: str, title: str, body: QWidget, open_: bool, toggled: Callable[[str, bool], object]
    ) -> None:
        self.key = key
        self._title = title
        self.header = ClickableLabel(self._header_text(open_))
        self.header.setAccessibleName(title)  # the arrow is for the eye
        self.header.setFont(scaled_font(1.08, bold=True))
        self.header.setAccessibleDescription(_tr("Show or hide this part of the card"))
        self.header.clicked.connect(lambda: toggled(self.key, not self.is_open))
        self.body = body
        body.setHidden(not open_)

    @property
    def is_open(self) -> bool:
        """Whether the body is shown."""
        return not self.body.isHidden()

    def set_open(self, on: bool) -> None:
        """Show or hide the body."""
        if self.is_open == on:
            return  # already so: a kept card shown again changes nothing
        self.body.setHidden(not on)
        self.header.setText(self._header_text(on))

    def _header_text(self, on: bool) -> str:
        return ("▾ " if on else "▸ ") + self._title


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
        self.setAccessibleName(technique.title)
        self.setAutoFillBackground(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(8)
        layout.addLayout(self._title_row())
        layout.addWidget(self._tags())
        # Actions sit high on the card: beside the table, the timer must be one glance away.
        layout.addLayout(self._buttons_row())
        if technique.cautions:
            layout.addWidget(self._cautions())
        self.sections: dict[str, FoldingSection] = {}
        for key, title, body in self._section_bodies():
            section = FoldingSection(
                key, title, body, context.open_sections.get(key, True), self.section_toggled.emit
            )
            self.sections[key] = section
            layout.addWidget(section.header)
            layout.addWidget(body)
        if technique.related:
            self._related(layout)
        source = TextBlock(
            escaped(sources_text(context.catalog, technique.cite)),
            sources_text(context.catalog, technique.cite),
            font=scaled_font(0.92),
            color=theme.text_muted,
        )
        source.setObjectName("CardSource")
        layout.addWidget(source)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the card's rounded box (Qt override); painted, a style sheet would slow every show."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(self.context.theme.card_edge), 1))
        painter.setBrush(QColor(self.context.theme.card_fill))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        painter.end()

    def texts(self) -> list[str]:
        """The card's text blocks as shown (folded sections left out), top to bottom."""
        return [block.text() for block in self.findChildren(TextBlock) if block.isVisibleTo(self)]

    # --- parts ---------------------------------------------------------------------

    def _title_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        title = TextBlock(
            escaped(self.technique.title), self.technique.title, font=scaled_font(1.4, bold=True)
        )
        title.setObjectName("CardTitle")
        row.addWidget(title, 1)
        self.star: QToolButton | None = None
        if self.context.notes is not None:
            self.star = QToolButton()
            self.star.setCheckable(True)
            self.star.setAutoRaise(True)
            self.star.setFont(scaled_font(1.6))
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
        if self.star.isChecked() == on and self.star.text():
            return  # unchanged: a kept card shown again does no work here
        self.star.setChecked(on)
        self.star.setText("★" if on else "☆")
        palette = self.star.palette()
        color = QColor(self.context.theme.arrow_highlight if on else self.context.theme.text_muted)
        for role in (QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
            palette.setColor(role, color)
        self.star.setPalette(palette)

    def _toggle_star(self) -> None:
        notes = self.context.notes
        if notes is not None:
            self.context.save(lambda: notes.toggle_star(self.technique.id))
        self.refresh_star()

    def _tags(self) -> TextBlock:
        t, theme = self.technique, self.context.theme
        tags = []
        if t.protocol_step:
            tags.append(_tr("Protocol step {n} of 8").format(n=t.protocol_step))
        if t.figure:
            tags.append(_tr("Figure {n}").format(n=t.figure))
        muted = f'<span style="color:{theme.text_muted}">{escaped(" · ".join(tags))}</span>' if tags else ""
        gap = "&nbsp;&nbsp;&nbsp;" if tags else ""
        images = {}
        if t.lubrication is None:
            word = _tr("Lubrication: not stated")
            lubrication = escaped(word).replace(" ", "&nbsp;")
        else:
            word = _tr("With lubrication") if t.lubrication else _tr("No lubrication")
            size = QFontMetrics(scaled_font()).height() + 4
            images["lubrication"] = lubrication_icon(t.lubrication, size, theme).toImage()
            # The icon and its words wrap as one: "No" and "lubrication" apart would mislead.
            words = escaped(word).replace(" ", "&nbsp;")
            lubrication = f'<img src="lubrication" style="vertical-align:middle">&nbsp;<b>{words}</b>'
        plain = " · ".join(tags) + ("   " if tags else "") + word
        return TextBlock(muted + gap + lubrication, plain, images=images)

    def _cautions(self) -> TextBlock:
        theme = self.context.theme
        lines = ["• " + caution for caution in self.technique.cautions]
        heading = "⚠ " + _tr("Cautions")
        markup = f'<p style="margin-bottom:4px"><b>{escaped(heading)}</b></p>' + paragraphs(lines, spacing=2)
        box = TextBlock(
            markup,
            "\n".join([heading, *lines]),
            color=theme.caution_text,
            box=(theme.caution_fill, theme.caution_edge),
        )
        box.setObjectName("Cautions")
        return box

    def _details(self) -> TextBlock:
        t, theme = self.technique, self.context.theme
        rows, plain = [], []
        for attribute, title in self.FIELDS:
            value = getattr(t, attribute)
            text = value if value is not None else _tr("Not stated in the source")
            style = "" if value else f' style="color:{theme.text_muted}"'
            rows.append(
                f'<tr><td style="padding:0 12px 6px 0"><b>{escaped(_tr(title))}</b></td>'
                f'<td style="padding-bottom:6px"{style}>{escaped(text)}</td></tr>'
            )
            plain.append(f"{_tr(title)}: {text}")
        markup = f'<table width="100%" cellspacing="0" cellpadding="0">{"".join(rows)}</table>'
        return TextBlock(markup, "\n".join(plain))

    def _section_bodies(self) -> list[tuple[str, str, QWidget]]:
        t = self.technique
        parts: list[tuple[str, str, QWidget]] = [("details", _tr("Details"), self._details())]
        if t.steps:
            lines = [f"{number}.  {step}" for number, step in enumerate(t.steps, 1)]
            parts.append(("steps", _tr("Steps"), TextBlock(paragraphs(lines), "\n".join(lines))))
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

    def _related(self, layout: QVBoxLayout) -> None:
        layout.addWidget(TextBlock(f"<b>{escaped(_tr('See also'))}</b>", _tr("See also")))
        for ident in self.technique.related:
            link = link_label(self.context.catalog.techniques[ident].title, self.context.theme.link)
            link.clicked.connect(lambda i=ident: self.related_requested.emit(i))
            layout.addWidget(link)
