"""The Ctrl+F search box: a line edit over a list of hits that update as you type.

Every text here is content drawn as plain text with :class:`QTextLayout`; the
matched words are bold through format ranges at the model's offsets, so
nothing in the content is ever read as markup.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QFontMetrics,
    QHideEvent,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.model.search_index import HitKind, SearchHit, SearchIndex, Span
from app.model.wording import counted

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
PADDING = 6
SNIPPET_LINES = 2
LIMIT = 30

Index = QModelIndex | QPersistentModelIndex

_KEYS = (
    Qt.Key.Key_Escape,
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
)

# The user moved the focus elsewhere in the window (a context menu or another window does not count).
_LEFT = (
    Qt.FocusReason.MouseFocusReason,
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("SearchPopup", text)


def kind_label(hit: SearchHit) -> str:
    """Name what a hit leads to, translated."""
    labels = {
        HitKind.MAP: _tr("Map"),
        HitKind.REGION: _tr("Region"),
        HitKind.TECHNIQUE: _tr("Technique card"),
        HitKind.POINT: _tr("Tender point"),
        HitKind.PROTOCOL: _tr("Protocol step {n}").format(n=hit.target_id),
        HitKind.RULE: _tr("Course rule"),
        HitKind.COURSE: _tr("Course of treatment"),
        HitKind.PAGE: _tr("Reference page"),
    }
    return labels[hit.kind]


def _draw_spans(
    painter: QPainter, text: str, spans: tuple[Span, ...], font: QFont, rect: QRect, max_lines: int
) -> None:
    """Draw plain ``text`` in ``rect``, wrapped to at most ``max_lines``, with ``spans`` in bold."""
    layout = QTextLayout(text, font)
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    ranges = []
    for start, end in spans:
        span = QTextLayout.FormatRange()
        span.start, span.length, span.format = start, end - start, bold
        ranges.append(span)
    layout.setFormats(ranges)
    layout.beginLayout()
    top = 0.0
    for _ in range(max_lines):
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(rect.width())
        line.setPosition(QPointF(0, top))
        top += line.height()
    layout.endLayout()
    painter.save()
    painter.setClipRect(rect)
    layout.draw(painter, QPointF(rect.topLeft()))
    painter.restore()


class HitDelegate(QStyledItemDelegate):
    """Draws a hit: its title and kind on one line, the snippet under it, matched words bold."""

    def _fonts(self, base: QFont) -> tuple[QFont, QFont, QFont]:
        title = QFont(base)
        title.setPointSizeF(base.pointSizeF() * 1.1)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.9)
        return title, small, QFont(base)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """Return a title line and the snippet lines, padded (Qt override)."""
        title, small, body = self._fonts(option.font)
        height = QFontMetrics(title).lineSpacing() + SNIPPET_LINES * QFontMetrics(body).lineSpacing()
        return QSize(200, height + 3 * PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Draw the background as usual, then the hit as plain text with bold spans (Qt override)."""
        hit = index.data(HIT_ROLE)
        if not isinstance(hit, SearchHit):
            super().paint(painter, option, index)
            return
        view_option = QStyleOptionViewItem(option)
        self.initStyleOption(view_option, index)
        view_option.text = ""
        widget = option.widget
        style = widget.style() if isinstance(widget, QWidget) else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view_option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        title_font, small_font, body_font = self._fonts(option.font)
        rect: QRect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        label = kind_label(hit)
        label_width = QFontMetrics(small_font).horizontalAdvance(label) + PADDING
        title_height = QFontMetrics(title_font).lineSpacing()
        painter.save()
        painter.setPen(palette.color(text_role))
        title, spans = (hit.title, hit.title_spans) if hit.title else (label, ())
        title_box = QRect(rect.left(), rect.top(), rect.width() - label_width, title_height)
        _draw_spans(painter, title, spans, title_font, title_box, 1)
        if not selected:
            painter.setPen(palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText))
        painter.setFont(small_font)
        painter.drawText(
            QRect(rect.right() - label_width, rect.top(), label_width, title_height),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            label,
        )
        painter.setPen(palette.color(text_role))
        snippet_box = QRect(
            rect.left(), rect.top() + title_height + PADDING // 2, rect.width(), rect.height() - title_height
        )
        _draw_spans(painter, hit.snippet, hit.spans, body_font, snippet_box, SNIPPET_LINES)
        painter.restore()


class SearchPopup(QFrame):
    """One box over maps, regions, cards, points, protocol, course and pages.

    It is a child of the window it searches, floating at the top of it (not a
    ``Qt.Popup`` window, which needs a keyboard grab that some platforms
    refuse). Up and Down move through the results, Enter or a click chooses
    one; Esc, or moving the focus elsewhere, closes the box.

    Signals:
        hit_chosen(SearchHit): the user chose this result; the box has closed.
    """

    hit_chosen = Signal(object)

    def __init__(self, index: SearchIndex, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self._return_focus: QWidget | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setAccessibleName(_tr("Search"))
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(_tr("Search maps, regions, cards, tender points, protocol…"))
        self.edit.setAccessibleName(_tr("Search text"))
        self.edit.setAccessibleDescription(
            _tr("Results update as you type. Up and Down choose a result, Enter opens it, Esc closes.")
        )
        self.edit.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setAccessibleName(_tr("Search results"))
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.status = QLabel(self)
        self.status.setAccessibleName(_tr("Number of results"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PADDING, PADDING, PADDING, PADDING)
        layout.addWidget(self.edit)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self.edit.textChanged.connect(self.update_results)
        self.edit.installEventFilter(self)
        self.results.itemClicked.connect(self._choose_item)
        self.resize(640, 460)
        self.update_results("")

    def popup_over(self, anchor: QWidget) -> None:
        """Show the box at the top centre of ``anchor`` with its text selected for typing over.

        Args:
            anchor: the parent of the box, or a widget inside it.
        """
        width = max(320, min(640, anchor.width() - 40))
        self.resize(width, min(460, max(240, anchor.height() - 80)))
        top_left = QPoint((anchor.width() - width) // 2, 40)
        focus = QApplication.focusWidget()
        if focus is not None and not self.isAncestorOf(focus):
            self._return_focus = focus
        parent = self.parentWidget()
        self.move(anchor.mapTo(parent, top_left) if parent is not None and parent is not anchor else top_left)
        self.show()
        self.raise_()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def hideEvent(self, event: QHideEvent) -> None:
        """Give the keyboard back to where it was, so the window's shortcuts work again (Qt override)."""
        focus = QApplication.focusWidget()
        if focus is not None and self.isAncestorOf(focus):
            back = self._return_focus
            try:
                alive = back is not None and back.isVisible()
            except RuntimeError:  # deleted since
                alive = False
            if alive and back is not None:
                back.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                focus.clearFocus()
        super().hideEvent(event)

    def hits(self) -> list[SearchHit]:
        """Return the results shown, best first."""
        return [self.results.item(row).data(HIT_ROLE) for row in range(self.results.count())]

    def update_results(self, text: str) -> None:
        """Search for ``text`` and show the results, the best one current."""
        self.results.clear()
        hits = self.index.query(text, LIMIT) if text.strip() else []
        for hit in hits:
            item = QListWidgetItem(hit.title or kind_label(hit))
            item.setData(HIT_ROLE, hit)
            # Screen readers get the same plain text the delegate draws.
            words = [kind_label(hit), hit.title, hit.snippet]
            item.setData(Qt.ItemDataRole.AccessibleTextRole, ". ".join(w for w in words if w))
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)
            self.status.setText(counted(len(hits), "result"))
        else:
            self.status.setText(_tr("No results") if text.strip() else _tr("Type to search"))

    def _move(self, delta: int) -> None:
        count = self.results.count()
        if count:
            row = min(max(self.results.currentRow() + delta, 0), count - 1)
            self.results.setCurrentRow(row)

    def choose_current(self) -> None:
        """Choose the current result (the best one unless Up/Down moved), if there is one."""
        item = self.results.currentItem()
        if item is not None:
            self._choose_item(item)

    def _choose_item(self, item: QListWidgetItem) -> None:
        hit = item.data(HIT_ROLE)
        self.close()
        self.hit_chosen.emit(hit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Route Up, Down, PageUp, PageDown, Enter and Esc from the line edit (Qt override)."""
        if watched is self.edit and event.type() == QEvent.Type.FocusOut:
            assert isinstance(event, QFocusEvent)
            if event.reason() in _LEFT:
                self.close()
        if watched is self.edit and self.isVisible() and event.type() == QEvent.Type.ShortcutOverride:
            # Esc, Enter and the arrows belong to the box while it has the focus, even when
            # the window binds them (Esc stops a shown timer).
            assert isinstance(event, QKeyEvent)
            if event.key() in _KEYS:
                event.accept()
                return True
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            page = max(1, self.results.viewport().height() // max(1, self.results.sizeHintForRow(0)))
            steps = {
                Qt.Key.Key_Down: 1,
                Qt.Key.Key_Up: -1,
                Qt.Key.Key_PageDown: page,
                Qt.Key.Key_PageUp: -page,
            }
            key = event.key()
            if key in steps:
                self._move(steps[Qt.Key(key)])
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.choose_current()
                return True
            if key == Qt.Key.Key_Escape:
                self.close()
                return True
        return super().eventFilter(watched, event)
