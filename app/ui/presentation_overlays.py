"""What presentation mode lays over the map: the large card, the blank screen and the pointer halo.

Every text here is set in pixels, never under ``MIN_PROJECTED_TEXT_PX``, so it
reads from the back of a class whatever the projector's DPI says.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.model.presentation import MIN_PROJECTED_TEXT_PX, Box
from app.model.presentation_cards import BlockKind, ProjectedCard
from app.ui.theme import MAP_FONT_FAMILY, Theme

# Each kind of block's size as a multiple of the smallest text.
BLOCK_SCALES = {
    BlockKind.TITLE: 1.5,
    BlockKind.SUBTITLE: 1.0,
    BlockKind.HEADING: 1.25,
    BlockKind.TEXT: 1.0,
    BlockKind.STEP: 1.0,
    BlockKind.CAUTION: 1.0,
}
# A caption under the map takes its height from the map, so it is set tighter: its heading
# (the arrow's number, then its region) at the body's size, in bold, on one line.
CAPTION_TITLE_SCALE = 1.0
CARD_MARGINS = (20, 16, 12, 16)  # left, top, right, bottom: a card's padding, in pixels
CAPTION_MARGINS = (16, 8, 12, 8)
HALO_RADIUS = 56  # pixels at 1280x800: a ring the back row can follow


def projector_font(px: float, bold: bool = False) -> QFont:
    """Return the presentation's font at a pixel size (never under the minimum)."""
    font = QFont(MAP_FONT_FAMILY)
    font.setPixelSize(max(round(MIN_PROJECTED_TEXT_PX), round(px)))
    font.setBold(bold)
    return font


def _label(text: str, font: QFont, color: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # content is never markup
    label.setWordWrap(True)
    label.setFont(font)
    label.setStyleSheet(f"color: {color}; background: transparent;")
    return label


class OverlayCard(QFrame):
    """A large card over the map: a title, then the card's text, scrolling if it must.

    Args:
        theme: the projector theme.
        parent: the stage.
    """

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._unit = MIN_PROJECTED_TEXT_PX
        self.card = ProjectedCard(())
        self._compact = False
        self.one_line_heading = True  # a caption's number and region share a line (a band, not a column)
        self.setObjectName("OverlayCard")
        self.setStyleSheet(
            f"QFrame#OverlayCard {{ background: {theme.card_fill};"
            f" border: 3px solid {theme.region_selected_edge}; border-radius: 12px; }}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*CARD_MARGINS)
        self._layout = layout
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroller.setStyleSheet(
            f"QWidget {{ background: {theme.card_fill}; }}"
            f" QScrollBar:vertical {{ background: {theme.card_fill}; width: 14px; border: none; }}"
            f" QScrollBar::handle:vertical {{ background: {theme.text_muted};"
            " border-radius: 6px; min-height: 40px; }"
            " QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0px; }"
        )
        layout.addWidget(self.scroller)
        self.labels: list[QLabel] = []
        self.hide()

    @property
    def compact(self) -> bool:
        """Whether the card is an arrow's caption: set tight, the title and subtitle on one line."""
        return self._compact

    @compact.setter
    def compact(self, on: bool) -> None:
        self._compact = on
        self._layout.setContentsMargins(*(CAPTION_MARGINS if on else CARD_MARGINS))

    @property
    def unit(self) -> float:
        """The smallest text's size in pixels."""
        return self._unit

    def set_unit(self, px: float) -> None:
        """Set the smallest text's size in pixels (it grows with the screen)."""
        self._unit = max(MIN_PROJECTED_TEXT_PX, px)
        self.show_card(self.card)

    def show_card(self, card: ProjectedCard, compact: bool | None = None) -> None:
        """Lay out a card's blocks (hidden until :meth:`place` is called).

        Args:
            card: what to show.
            compact: put the title and subtitle on one line (an arrow's caption under the
                map, where every line taken from the map shrinks it); ``None`` keeps the last choice.
        """
        self.card = card
        if compact is not None:
            self.compact = compact
        body, self.labels = self._body(card)
        self.scroller.setWidget(body)

    def needed_height(self, card: ProjectedCard, width: float) -> int:
        """Return how tall this overlay must be to show a card whole at a width, in pixels."""
        body, _labels = self._body(card)
        try:
            return self._height_for(body, round(width))
        finally:
            body.deleteLater()

    def _height_for(self, body: QWidget | None, width: int) -> int:
        if body is not None:
            body.ensurePolished()  # a caution's padding comes from its style sheet
        inner = self._layout.contentsMargins()
        # The text's width: the card less its padding, border, the column's margin and a scroll bar.
        text_width = width - inner.left() - inner.right() - 6 - 8 - 14
        return (
            (body.heightForWidth(text_width) if body is not None else 0) + inner.top() + inner.bottom() + 12
        )

    def _body(self, card: ProjectedCard) -> tuple[QWidget, list[QLabel]]:
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(round(self._unit * (0.2 if self.compact else 0.4)))
        t = self._theme
        colours = {BlockKind.SUBTITLE: t.text_muted, BlockKind.CAUTION: t.caution_text}
        labels: list[QLabel] = []
        head: QHBoxLayout | None = None
        for index, block in enumerate(card.blocks):
            bold = block.kind in (BlockKind.TITLE, BlockKind.HEADING)
            scale = BLOCK_SCALES[block.kind]
            if self.compact and block.kind is BlockKind.TITLE:
                scale = CAPTION_TITLE_SCALE
            font = projector_font(self._unit * scale, bold)
            label = _label(block.text, font, colours.get(block.kind, t.text))
            if block.kind is BlockKind.CAUTION:
                label.setStyleSheet(
                    f"color: {t.caution_text}; background: {t.caution_fill};"
                    f" border-left: 6px solid {t.caution_edge}; padding: 4px 8px;"
                )
            label.setAccessibleName(block.text)
            labels.append(label)
            if self.compact and self.one_line_heading and index == 0 and block.kind is BlockKind.TITLE:
                head = QHBoxLayout()
                head.setSpacing(round(self._unit))
                head.addWidget(label, 0, Qt.AlignmentFlag.AlignBaseline)
                column.addLayout(head)
                continue
            if head is not None and index == 1 and block.kind is BlockKind.SUBTITLE:
                head.addWidget(label, 1, Qt.AlignmentFlag.AlignBaseline)
                continue
            column.addWidget(label)
        column.addStretch(1)
        return body, labels

    def place(self, rect: Box) -> None:
        """Take a box on the stage: as wide as it, as tall as the text needs (at most its height)."""
        x, y, width, height = (round(v) for v in rect)
        self.setFixedWidth(width)
        needed = self._height_for(self.scroller.widget(), width)
        self.setGeometry(QRect(x, y, width, min(height, max(needed, round(self._unit * 3)))))
        self.show()
        self.raise_()

    def scroll_by(self, pages: float) -> None:
        """Scroll the card's text by a fraction of its height (Up and Down)."""
        bar = self.scroller.verticalScrollBar()
        bar.setValue(bar.value() + round(pages * bar.pageStep()))

    def text(self) -> str:
        """Return every text shown, in order (for tests and the presenter)."""
        return "\n".join(label.text() for label in self.labels)


class BlankCover(QWidget):
    """The whole stage in the canvas colour: the class looks at the instructor (B)."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colour = QColor("#000000" if theme.name == "high-contrast" else theme.canvas)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt override."""
        QPainter(self).fillRect(self.rect(), self._colour)


class PointerHalo(QWidget):
    """A large ring around the mouse pointer, so a class can follow it (L).

    It lets every mouse event through to the map, and repaints only where the
    ring was and where it is.
    """

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._colour = QColor(theme.arrow_highlight)
        self._centre: QPoint | None = None
        self.radius = HALO_RADIUS
        self.hide()

    @property
    def centre(self) -> QPoint | None:
        """Where the ring is, in stage pixels (``None`` before the pointer moved)."""
        return self._centre

    def _area(self, centre: QPoint | None) -> QRect:
        if centre is None:
            return QRect()
        r = self.radius + 8
        return QRect(centre.x() - r, centre.y() - r, 2 * r, 2 * r)

    def move_to(self, centre: QPoint) -> None:
        """Follow the pointer."""
        old = self._area(self._centre)
        self._centre = QPoint(centre)
        self.update(old.united(self._area(self._centre)))

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt override."""
        if self._centre is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(self._colour)
        fill.setAlphaF(0.22)
        painter.setBrush(fill)
        painter.setPen(QPen(QColor("#000000"), 9))
        rect = QRectF(self._area(self._centre)).adjusted(8, 8, -8, -8)
        painter.drawEllipse(rect)
        painter.setPen(QPen(self._colour, 5))
        painter.drawEllipse(rect)
