"""Small text widgets shared by the panels: plain-text labels, clickable labels, citations."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QLabel, QWidget

from app.model.content import Catalog, Citation


def _tr(text: str) -> str:
    return QCoreApplication.translate("Sources", text)


def scaled_font(scale: float = 1.0, *, bold: bool = False) -> QFont:
    """Return the application's font, larger or smaller by ``scale`` and maybe bold."""
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    return font


def plain_label(text: str, *, scale: float = 1.0, bold: bool = False, color: str | None = None) -> QLabel:
    """Return a word-wrapped label that shows its text literally (no rich text, no links)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if scale != 1.0 or bold:
        label.setFont(scaled_font(scale, bold=bold))
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


def sources_text(catalog: Catalog, cites: tuple[Citation, ...], lead: str = "") -> str:
    """Return "Source: …" for one citation, or "Sources:" and a bulleted line for each of several.

    Args:
        catalog: where the citations' sources are named.
        cites: the citations.
        lead: what the sources are of ("Map" gives "Map source: …"); empty for plain "Source".
    """
    if not cites:
        return ""
    if len(cites) == 1:
        heading = _tr("{lead} source: ") if lead else _tr("Source: ")
        return heading.format(lead=lead) + citation_text(catalog, cites)
    heading = _tr("{lead} sources:") if lead else _tr("Sources:")
    bullets = (f"• {line}" for line in citation_text(catalog, cites).splitlines())
    return "\n".join([heading.format(lead=lead), *bullets])


class ClickableLabel(QLabel):
    """A word-wrapped plain-text label that acts as a button (mouse, Enter or Space).

    Buttons do not wrap their text, so long titles would widen a narrow panel.

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

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the text, and a focus ring in the palette's accent while the keyboard is here (Qt override).

        A QLabel draws no focus hint of its own.
        """
        super().paintEvent(event)
        if self.hasFocus():
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Accent), 2))
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 3, 3)
            painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Activate on Enter, Return or Space (Qt override)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


def link_label(text: str, color: str) -> ClickableLabel:
    """Return a clickable label styled as a link (it opens something inside the app only)."""
    link = ClickableLabel("→ " + text)
    # A palette and a font, not a style sheet: a style sheet per label slows every show of a card.
    palette = link.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(color))
    link.setPalette(palette)
    font = QFont(link.font())
    font.setUnderline(True)
    link.setFont(font)
    return link
