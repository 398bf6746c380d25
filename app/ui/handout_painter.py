"""Paint a map's handout page by page: header, map with legend, text in columns, footer.

The map is drawn by the scene itself through QPainter, and the text by
QTextDocument, so on a PDF writer or a printer everything stays vector: lines,
arrows, numbers and text are crisp at any zoom. The painter works in *dots* of
:data:`~app.ui.handout_text.LAYOUT_DPI`; :meth:`HandoutRenderer.paint_page`
scales to the device's own resolution.
"""

from __future__ import annotations

from html import escape as _escape

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextDocument

from app.model.content import Catalog
from app.model.handout_content import HandoutContent, handout_content
from app.model.handout_layout import Block, Box, PageGeometry, paginate
from app.services.library import Library
from app.ui.body_map_scene import BodyMapScene
from app.ui.handout_text import (
    BODY_PT,
    DOTS_PER_PT,
    LAYOUT_DPI,
    SMALL_PT,
    BlockKind,
    PieceStyle,
    TextBlock,
    footer_html,
    handout_blocks,
    intro_html,
    text_document,
)
from app.ui.theme import LIGHT, Theme

TITLE_PT = 17.0
CARD_INSET = 7.0  # points of card box around its text, left and right
CARD_PADDING = 5.0  # points above the first and below the last piece of a card part
CAUTION_INSET = 6.0
PIECE_GAP = 2.3
BLOCK_SPACING = 8.0
MIN_FIRST_PAGE_COLUMN = 48.0  # below this the first page's columns are left empty


def map_scene(library: Library, map_id: str, theme: Theme = LIGHT) -> BodyMapScene:
    """Build a fresh scene of a map with every layer shown (handouts use the light theme)."""
    names = {p.id: p.name for p in library.catalog.points.values()}
    return BodyMapScene(library.maps[map_id], library.catalog.maps[map_id], theme, names)


def _dots(box: Box) -> QRectF:
    return QRectF(box.x * DOTS_PER_PT, box.y * DOTS_PER_PT, box.width * DOTS_PER_PT, box.height * DOTS_PER_PT)


def _height_pt(document: QTextDocument) -> float:
    return document.size().height() / DOTS_PER_PT


class HandoutRenderer:
    """The laid-out handout of one map; paint any page of it on any painter.

    Args:
        catalog: the content (citations, disclaimer).
        content: what the handout says (see :func:`app.model.handout_content.handout_content`).
        scene: the map, with its legend, drawn in the light theme.
        geometry: the paper and its margins.
    """

    def __init__(
        self, catalog: Catalog, content: HandoutContent, scene: BodyMapScene, geometry: PageGeometry
    ) -> None:
        self.content = content
        self.scene = scene
        self.geometry = geometry
        area = geometry.content()
        self._title = text_document(f"<b>{_escape(content.title)}</b>", area.width, TITLE_PT)
        self._intro = text_document(intro_html(content), area.width)
        intro_height = _height_pt(self._intro) + 6.0
        rect = scene.sceneRect()
        self.map_box = geometry.map_box(rect.width() / rect.height(), intro_height)
        first = geometry.columns_below(self.map_box.bottom + geometry.gutter)
        if first[0].height < MIN_FIRST_PAGE_COLUMN:
            first = []
        self.blocks = handout_blocks(catalog, content)
        self._documents = [[self._piece_document(b, p.html, p.style) for p in b.pieces] for b in self.blocks]
        layout_blocks = [
            Block(
                tuple(_height_pt(d) + PIECE_GAP for d in documents),
                keep_with_next=block.kind is BlockKind.HEADING,
                padding=CARD_PADDING if block.kind is BlockKind.CARD else 0.0,
                continued=self._continued_height(index) if block.kind is BlockKind.CARD else 0.0,
            )
            for index, (block, documents) in enumerate(zip(self.blocks, self._documents, strict=True))
        ]
        later = geometry.columns_below(area.y)
        self.pagination = paginate(layout_blocks, first, later, BLOCK_SPACING)

    def _continued_document(self, index: int) -> QTextDocument:
        title = self.blocks[index].title
        return text_document(
            f'<span style="color:{LIGHT.text_muted}"><i>{_escape(title)} (continued)</i></span>',
            self._text_width(self.blocks[index], PieceStyle.PLAIN),
            SMALL_PT,
        )

    def _continued_height(self, index: int) -> float:
        return _height_pt(self._continued_document(index)) + PIECE_GAP

    @classmethod
    def for_map(cls, library: Library, map_id: str, geometry: PageGeometry) -> HandoutRenderer:
        """Lay out the handout of one map of a library, in the light theme."""
        scene = map_scene(library, map_id)
        content = handout_content(library.catalog, map_id, tuple(library.maps[map_id].points))
        return cls(library.catalog, content, scene, geometry)

    @property
    def page_count(self) -> int:
        """How many pages the handout takes."""
        return self.pagination.pages

    def _text_width(self, block: TextBlock, style: PieceStyle) -> float:
        width = self.geometry.column_width
        if block.kind is BlockKind.CARD:
            width -= 2 * CARD_INSET
        if style is PieceStyle.CAUTION:
            width -= 2 * CAUTION_INSET
        return width

    def _piece_document(self, block: TextBlock, body: str, style: PieceStyle) -> QTextDocument:
        return text_document(body, self._text_width(block, style))

    def paint_page(self, painter: QPainter, page: int, device_dpi: float) -> None:
        """Paint one page (0-based); the painter's origin is the paper's top-left corner.

        Args:
            painter: a painter on the page, untransformed.
            page: which page.
            device_dpi: the resolution of the painter's device (``QPdfWriter.resolution()``…).
        """
        painter.save()
        painter.scale(device_dpi / LAYOUT_DPI, device_dpi / LAYOUT_DPI)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self._paint_header(painter, page)
        if page == 0:
            self._draw(painter, self._intro, self.geometry.content().x, self.geometry.content().y)
            self._paint_map(painter)
        for placement in self.pagination.on_page(page):
            self._paint_placement(painter, placement.block, placement.first, placement.last, placement.box)
        self._paint_footer(painter, page)
        painter.restore()

    def _draw(self, painter: QPainter, document: QTextDocument, x_pt: float, y_pt: float) -> None:
        painter.save()
        painter.translate(x_pt * DOTS_PER_PT, y_pt * DOTS_PER_PT)
        document.drawContents(painter)
        painter.restore()

    def _rule(self, painter: QPainter, y_pt: float) -> None:
        box = self.geometry.header_box()
        painter.setPen(QPen(QColor(LIGHT.card_edge), 0.8 * DOTS_PER_PT))
        painter.drawLine(
            QPointF(box.x * DOTS_PER_PT, y_pt * DOTS_PER_PT),
            QPointF((box.x + box.width) * DOTS_PER_PT, y_pt * DOTS_PER_PT),
        )

    def _paint_header(self, painter: QPainter, page: int) -> None:
        box = self.geometry.header_box()
        if page == 0:
            self._draw(painter, self._title, box.x, box.y)
        else:
            continued = text_document(
                f'<span style="color:{LIGHT.text_muted}">{_escape(self.content.title)} (continued)</span>',
                box.width,
                BODY_PT + 1,
            )
            self._draw(painter, continued, box.x, box.y + box.height - _height_pt(continued) - 8)
        self._rule(painter, box.y + box.height - 4)

    def _paint_map(self, painter: QPainter) -> None:
        source = self.scene.sceneRect()
        self.scene.render(painter, _dots(self.map_box), source, Qt.AspectRatioMode.KeepAspectRatio)

    def _paint_placement(self, painter: QPainter, index: int, first: int, last: int, box: Box) -> None:
        block = self.blocks[index]
        documents = self._documents[index]
        x, y = box.x, box.y
        if block.kind is BlockKind.CARD:
            painter.setPen(QPen(QColor(LIGHT.card_edge), 0.8 * DOTS_PER_PT))
            painter.setBrush(QColor(LIGHT.card_fill))
            radius = 4 * DOTS_PER_PT
            painter.drawRoundedRect(_dots(box), radius, radius)
            x += CARD_INSET
            y += CARD_PADDING
            if first:
                self._draw(painter, self._continued_document(index), x, y)
                y += self._continued_height(index)
        for piece, document in zip(block.pieces[first:last], documents[first:last], strict=True):
            height = _height_pt(document)
            if piece.style is PieceStyle.CAUTION:
                width = self._text_width(block, piece.style) + 2 * CAUTION_INSET
                band = Box(x, y - PIECE_GAP / 2, width, height + PIECE_GAP)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(LIGHT.caution_fill))
                painter.drawRect(_dots(band))
                painter.setBrush(QColor(LIGHT.caution_edge))
                painter.drawRect(_dots(Box(x, band.y, 2.2, band.height)))
                self._draw(painter, document, x + CAUTION_INSET, y)
            else:
                self._draw(painter, document, x, y)
            y += height + PIECE_GAP

    def _paint_footer(self, painter: QPainter, page: int) -> None:
        box = self.geometry.footer_box()
        footer = text_document(
            footer_html(self.content.disclaimer, page + 1, self.page_count, self.content.title), box.width
        )
        self._rule(painter, box.y + 4)
        self._draw(painter, footer, box.x, box.y + 8)
