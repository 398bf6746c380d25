"""A table delegate that draws a cell as word-wrapped lines, warnings in bold caution colour.

The lines are plain text drawn with ``QPainter.drawText``, never rich text,
so nothing in the content is read as markup.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QWidget

LINES_ROLE = Qt.ItemDataRole.UserRole + 2
PADDING = 4
TOP = 2
LINE_GAP = 2
_FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)

Index = QModelIndex | QPersistentModelIndex


class RuleLinesDelegate(QStyledItemDelegate):
    """Draws ``LINES_ROLE`` data, a list of ``(text, is_warning)``, one line under another.

    Cells without that data are drawn as usual.
    """

    def __init__(self, view: QTableView, warning_color: str, parent: QWidget | None = None) -> None:
        super().__init__(parent or view)
        self._view = view
        self._warning = QColor(warning_color)

    @staticmethod
    def _lines(index: Index) -> list[tuple[str, bool]] | None:
        data = index.data(LINES_ROLE)
        return [(str(text), bool(warning)) for text, warning in data] if isinstance(data, list) else None

    @staticmethod
    def _font(base: QFont, warning: bool) -> QFont:
        font = QFont(base)
        font.setBold(warning)
        return font

    def _boxes(self, base: QFont, lines: list[tuple[str, bool]], width: int) -> list[QRect]:
        boxes = []
        top = TOP
        for text, warning in lines:
            metrics = QFontMetrics(self._font(base, warning))
            box = metrics.boundingRect(
                QRect(PADDING, top, max(width - 2 * PADDING, 1), 100_000), _FLAGS, text
            )
            box.setWidth(max(width - 2 * PADDING, 1))
            boxes.append(box)
            top = box.bottom() + 1 + LINE_GAP
        return boxes

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """Return the height the wrapped lines need at the column's width (Qt override)."""
        lines = self._lines(index)
        if lines is None:
            return super().sizeHint(option, index)
        width = self._view.columnWidth(index.column())
        boxes = self._boxes(option.font, lines, width)
        height = (boxes[-1].bottom() + 1 + TOP + 1) if boxes else 2 * TOP
        return QSize(width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Draw the background as usual, then the lines (Qt override)."""
        lines = self._lines(index)
        if lines is None:
            super().paint(painter, option, index)
            return
        view_option = QStyleOptionViewItem(option)
        self.initStyleOption(view_option, index)
        view_option.text = ""
        style = self._view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view_option, painter, self._view)
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        for (text, warning), box in zip(lines, self._boxes(option.font, lines, rect.width()), strict=True):
            painter.setFont(self._font(option.font, warning))
            painter.setPen(self._warning if warning and not selected else palette.color(text_role))
            painter.drawText(box.translated(rect.topLeft()), _FLAGS, text)
        painter.restore()
