"""A block of word-wrapped, selectable text painted from one QTextDocument.

A card written as one QLabel per line costs a widget, a text control and a layout pass
for every line, and a click on the map must show its cards within a frame. A block holds a
whole part of a card (the details table, the steps, the cautions) in one document and
keeps its height for each width it was asked about, so showing a kept card again lays out
no text. Content text is always escaped (``escaped``): a block never shows markup from a
content file.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QAccessible,
    QAccessibleInterface,
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QFont,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QAccessibleWidget, QMenu, QSizePolicy, QWidget

MIN_WIDTH = 120  # narrower than this, any text is unreadable; longer words wrap anywhere


def _tr(text: str) -> str:
    return QCoreApplication.translate("TextBlock", text)


def escaped(text: str) -> str:
    """Return content text as HTML that shows it literally, line breaks kept."""
    return html.escape(text).replace("\n", "<br>")


def paragraphs(lines: Iterable[str], *, spacing: int = 6) -> str:
    """Return HTML for lines of content text, one paragraph each."""
    return "".join(f'<p style="margin-bottom:{spacing}px">{escaped(line)}</p>' for line in lines)


class _StaticText(QAccessibleWidget):
    """What a screen reader is told about a block: static text, read as the label's was."""

    def __init__(self, block: TextBlock) -> None:
        super().__init__(block, QAccessible.Role.StaticText)


def _accessible(key: str, target: QObject) -> QAccessibleInterface | None:
    return _StaticText(target) if isinstance(target, TextBlock) else None


_factory_installed = False


def _install_accessibility() -> None:
    global _factory_installed  # noqa: PLW0603  # once per process, on the first block
    if not _factory_installed:
        QAccessible.installFactory(_accessible)
        _factory_installed = True


def _literal_spaces(markup: str) -> str:
    # Content text keeps its spaces ("1.  Touch."), as a plain-text label did.
    return f'<body style="white-space:pre-wrap">{markup}</body>'


class TextBlock(QWidget):
    """Painted rich text (built from escaped content) with mouse selection and Copy.

    ``plain`` is what screen readers, Copy All and tests read: the text as shown.
    """

    def __init__(
        self,
        markup: str,
        plain: str,
        *,
        font: QFont | None = None,
        color: str | None = None,
        box: tuple[str, str] | None = None,
        images: dict[str, QImage] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._markup, self._plain = markup, plain
        self._color = QColor(color) if color else None
        self._box = (QColor(box[0]), QColor(box[1])) if box else None
        self._pad = (13, 6, 8, 6) if box else (0, 0, 0, 0)  # left, top, right, bottom
        self._heights: dict[int, int] = {}  # width -> height, for as long as text and font stay
        self._doc = QTextDocument(self)
        self._doc.setUndoRedoEnabled(False)  # never edited; the undo record of setHtml costs ~35 kB
        self._doc.setDocumentMargin(0)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._doc.setDefaultTextOption(option)
        for name, image in (images or {}).items():
            self._doc.addResource(QTextDocument.ResourceType.ImageResource, name, image)
        if font is not None:
            self.setFont(font)
        self._doc.setDefaultFont(self.font())
        self._doc.setHtml(_literal_spaces(markup))
        self._cursor = QTextCursor(self._doc)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sizing = self.sizePolicy()
        sizing.setHeightForWidth(True)
        self.setSizePolicy(sizing)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setCursor(Qt.CursorShape.IBeamCursor)
        self.setAccessibleName(plain)
        _install_accessibility()

    # --- text ---------------------------------------------------------------------

    def text(self) -> str:
        """The text as shown, without markup."""
        return self._plain

    def rendered_text(self) -> str:
        """The text the document holds once its markup is read (what is drawn)."""
        return self._doc.toPlainText()

    def selected_text(self) -> str:
        """The text the user selected (empty when none)."""
        return self._cursor.selectedText().replace("\u2029", "\n")

    def set_content(self, markup: str, plain: str) -> None:
        """Show other text (a kept block reused for another selection)."""
        if (markup, plain) == (self._markup, self._plain):
            return
        self._markup, self._plain = markup, plain
        self._doc.setHtml(_literal_spaces(markup))
        self._cursor = QTextCursor(self._doc)
        self._heights.clear()
        self.setAccessibleName(plain)
        self.updateGeometry()
        self.update()

    # --- size ---------------------------------------------------------------------

    def _lay_out(self, width: int) -> None:
        inner = max(1, width - self._pad[0] - self._pad[2])
        if self._doc.textWidth() != inner:
            self._doc.setTextWidth(inner)

    def hasHeightForWidth(self) -> bool:
        """Qt override."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height the text needs at this width, kept for the next time (Qt override)."""
        height = self._heights.get(width)
        if height is None:
            self._lay_out(width)
            height = math.ceil(self._doc.size().height()) + self._pad[1] + self._pad[3]
            self._heights[width] = height
        return height

    def sizeHint(self) -> QSize:
        """As wide as the text wants up to a card's width (Qt override)."""
        width = min(420, math.ceil(self._doc.idealWidth()) + self._pad[0] + self._pad[2] + 1)
        width = max(width, MIN_WIDTH)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        """Qt override."""
        return QSize(MIN_WIDTH, self.heightForWidth(MIN_WIDTH))

    def changeEvent(self, event: QEvent) -> None:
        """Take a new font (the text size preference) into the document (Qt override)."""
        if event.type() == QEvent.Type.FontChange and hasattr(self, "_doc"):
            self._doc.setDefaultFont(self.font())
            self._heights.clear()
            self.updateGeometry()
        super().changeEvent(event)

    # --- painting -----------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the box, the text and the selection (Qt override)."""
        painter = QPainter(self)
        if self._box is not None:
            fill, edge = self._box
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(QRectF(self.rect()), 4, 4)
            painter.setBrush(edge)
            painter.drawRect(QRectF(0, 0, 5, self.height()))
        self._lay_out(self.width())
        painter.translate(self._pad[0], self._pad[1])
        context = QAbstractTextDocumentLayout.PaintContext()
        palette = QPalette(self.palette())
        if self._color is not None:
            palette.setColor(QPalette.ColorRole.Text, self._color)
        else:
            palette.setColor(QPalette.ColorRole.Text, self.palette().color(QPalette.ColorRole.WindowText))
        context.palette = palette
        context.clip = QRectF(event.rect()).translated(-self._pad[0], -self._pad[1])
        if self._cursor.hasSelection():
            selection = QAbstractTextDocumentLayout.Selection()
            selection.cursor = self._cursor
            selection.format.setBackground(palette.color(QPalette.ColorRole.Highlight))
            selection.format.setForeground(palette.color(QPalette.ColorRole.HighlightedText))
            context.selections = [selection]
        self._doc.documentLayout().draw(painter, context)
        painter.end()

    # --- selection ----------------------------------------------------------------

    def _position_at(self, point: QPointF) -> int:
        self._lay_out(self.width())
        inside = point - QPointF(self._pad[0], self._pad[1])
        return int(self._doc.documentLayout().hitTest(inside, Qt.HitTestAccuracy.FuzzyHit))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Start a selection (Qt override)."""
        if event.button() == Qt.MouseButton.LeftButton:
            self._cursor.setPosition(max(0, self._position_at(event.position())))
            self.update()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Extend the selection (Qt override)."""
        if event.buttons() & Qt.MouseButton.LeftButton:
            position = self._position_at(event.position())
            if position >= 0:
                self._cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
                self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Select the word (Qt override)."""
        self._cursor.setPosition(max(0, self._position_at(event.position())))
        self._cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Clear the selection when the focus goes elsewhere, as labels do (Qt override)."""
        self._cursor.clearSelection()
        self.update()
        super().focusOutEvent(event)

    def select_all(self) -> None:
        """Select all the text."""
        self._cursor.select(QTextCursor.SelectionType.Document)
        self.update()

    def copy(self) -> None:
        """Put the selection, or all the text when nothing is selected, on the clipboard."""
        QGuiApplication.clipboard().setText(self.selected_text() or self._plain)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Copy and Select All (Qt override)."""
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
        elif event.matches(QKeySequence.StandardKey.SelectAll):
            self.select_all()
        else:
            super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Offer Copy and Select All (Qt override)."""
        menu = QMenu(self)
        menu.addAction(_tr("Copy"), QKeySequence.StandardKey.Copy, self.copy)
        menu.addAction(_tr("Select All"), QKeySequence.StandardKey.SelectAll, self.select_all)
        menu.exec(event.globalPos())
