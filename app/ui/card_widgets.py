"""Technique cards: every field from the content, rendered as plain text only."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.model.content import Catalog, Citation, Technique
from app.ui.theme import Theme


def _tr(text: str) -> str:
    return QCoreApplication.translate("TechniqueCard", text)


def plain_label(text: str, *, scale: float = 1.0, bold: bool = False, color: str | None = None) -> QLabel:
    """Return a word-wrapped label that shows its text literally (no rich text, no links)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if scale != 1.0 or bold:
        font = QFont(label.font())
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        label.setFont(font)
    if color:
        label.setStyleSheet(f"color: {color};")
    return label


def citation_text(catalog: Catalog, cites: tuple[Citation, ...]) -> str:
    """Format citations as "Short name — locator", one per line."""
    lines = []
    for cite in cites:
        source = catalog.sources.get(cite.source)
        lines.append(f"{source.short if source else cite.source} — {cite.locator}")
    return "\n".join(lines)


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


class ClickableLabel(QLabel):
    """A word-wrapped plain-text label that acts as a button (mouse, Enter or Space).

    Buttons do not wrap their text, so long card titles would widen a narrow panel.

    Signals:
        clicked(): the label was activated.
    """

    clicked = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(text)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Activate on a left click (Qt override)."""
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Activate on Enter, Return or Space (Qt override)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


class TechniqueCard(QFrame):
    """One technique, laid out the same way every time; its header folds the body.

    Signals:
        related_requested(str): the user clicked a related card's link.
    """

    related_requested = Signal(str)

    FIELDS = (
        ("purpose", "Purpose"),
        ("hand_position", "Hand position"),
        ("direction", "Direction"),
        ("pressure", "Pressure"),
        ("speed", "Speed"),
        ("duration", "Duration"),
        ("client_position", "Client position"),
    )

    def __init__(self, technique: Technique, catalog: Catalog, theme: Theme, expanded: bool = True) -> None:
        super().__init__()
        self.technique = technique
        self.setObjectName("TechniqueCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"QFrame#TechniqueCard {{ background: {theme.card_fill}; border: 1px solid {theme.card_edge};"
            " border-radius: 8px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(6)

        self.title = ClickableLabel(technique.title)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAccessibleDescription(_tr("Show or hide this card"))
        self.title.clicked.connect(lambda: self.set_expanded(not self.expanded))
        layout.addWidget(self.title)

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(8)
        tags = []
        if technique.protocol_step:
            tags.append(_tr("Protocol step {n} of 8").format(n=technique.protocol_step))
        if technique.figure:
            tags.append(_tr("Figure {n}").format(n=technique.figure))
        if tags:
            body.addWidget(plain_label(" · ".join(tags), color=theme.text_muted))

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        row = 0
        for attribute, title in self.FIELDS:
            value = getattr(technique, attribute)
            grid.addWidget(plain_label(_tr(title), bold=True), row, 0, Qt.AlignmentFlag.AlignTop)
            text = value if value is not None else _tr("Not stated in the source")
            grid.addWidget(plain_label(text, color=None if value else theme.text_muted), row, 1)
            row += 1
        grid.addWidget(plain_label(_tr("Lubrication"), bold=True), row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self._lubrication_row(technique.lubrication, theme), row, 1)
        body.addLayout(grid)

        if technique.steps:
            body.addWidget(plain_label(_tr("Steps"), bold=True))
            for number, step in enumerate(technique.steps, 1):
                body.addWidget(plain_label(f"{number}.  {step}"))
        if technique.cautions:
            body.addWidget(self._cautions(technique.cautions, theme))
        if technique.related:
            body.addWidget(self._related(technique, catalog, theme))
        source = plain_label(
            _tr("Source: ") + citation_text(catalog, technique.cite),
            scale=0.92,
            color=theme.text_muted,
        )
        source.setObjectName("CardSource")
        body.addWidget(source)
        layout.addWidget(self.body)
        self.set_expanded(expanded)

    def set_expanded(self, on: bool) -> None:
        """Unfold or fold the card's body; the title shows which."""
        self.expanded = on
        self.body.setVisible(on)
        self.title.setText(("▾ " if on else "▸ ") + self.technique.title)

    @staticmethod
    def _lubrication_row(value: bool | None, theme: Theme) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        if value is None:
            layout.addWidget(plain_label(_tr("Not stated in the source"), color=theme.text_muted))
            return row
        icon = QLabel()
        icon.setPixmap(lubrication_icon(value, 22, theme))
        icon.setAccessibleName(_tr("With lubrication") if value else _tr("No lubrication"))
        layout.addWidget(icon)
        layout.addWidget(plain_label(_tr("Yes, with lubrication") if value else _tr("No lubrication")), 1)
        return row

    @staticmethod
    def _cautions(cautions: tuple[str, ...], theme: Theme) -> QFrame:
        box = QFrame()
        box.setObjectName("Cautions")
        box.setStyleSheet(
            f"QFrame#Cautions {{ background: {theme.caution_fill};"
            f" border-left: 5px solid {theme.caution_edge}; border-radius: 4px; }}"
        )
        layout = QVBoxLayout(box)
        layout.setContentsMargins(10, 6, 8, 6)
        layout.addWidget(plain_label("⚠ " + _tr("Cautions"), bold=True, color=theme.caution_text))
        for caution in cautions:
            layout.addWidget(plain_label("• " + caution, color=theme.caution_text))
        return box

    def _related(self, technique: Technique, catalog: Catalog, theme: Theme) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(plain_label(_tr("See also"), bold=True))
        for ident in technique.related:
            link = ClickableLabel("→ " + catalog.techniques[ident].title)
            link.setStyleSheet(f"color: {theme.arrow}; text-decoration: underline;")
            link.clicked.connect(lambda i=ident: self.related_requested.emit(i))
            layout.addWidget(link)
        return box
