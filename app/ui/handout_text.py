"""The text of a handout as blocks of pieces, each piece a small QTextDocument.

Every string from the content passes through :func:`html.escape`, so nothing
in it can add markup, load an image or follow a link. Colours are the light
theme's: handouts are for paper, whatever the window's theme.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QImage, QTextDocument

from app.model.content import Catalog, Citation
from app.model.handout_content import HandoutCard, HandoutContent
from app.ui.technique_card import TechniqueCard
from app.ui.theme import LIGHT, MAP_FONT_FAMILY

# Text is laid out against a reference device of this resolution, so a page breaks
# the same way in the PDF and on any printer; painters scale from it to their device.
LAYOUT_DPI = 1200
DOTS_PER_PT = LAYOUT_DPI / 72

BODY_PT = 8.4
SMALL_PT = 7.4
CARD_TITLE_PT = 10.5
HEADING_PT = 12.0
SOURCE_PT = 7.8


def _tr(text: str) -> str:
    return QCoreApplication.translate("HandoutText", text)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


class PieceStyle(Enum):
    """How a piece is framed when painted."""

    PLAIN = "plain"
    CAUTION = "caution"


class BlockKind(Enum):
    """How a block is framed when painted."""

    PLAIN = "plain"
    HEADING = "heading"
    CARD = "card"


@dataclass
class Piece:
    """One paragraph: its HTML and how it is framed."""

    html: str
    style: PieceStyle = PieceStyle.PLAIN


@dataclass
class TextBlock:
    """A block of pieces that paginates as a unit (see :mod:`app.model.handout_layout`)."""

    kind: BlockKind
    pieces: list[Piece] = field(default_factory=list)
    title: str = ""


_REFERENCE: QImage | None = None


def reference_device() -> QImage:
    """Return the device text is measured on: a 1×1 image at :data:`LAYOUT_DPI`."""
    global _REFERENCE
    if _REFERENCE is None:
        _REFERENCE = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
        dots_per_metre = round(LAYOUT_DPI / 0.0254)
        _REFERENCE.setDotsPerMeterX(dots_per_metre)
        _REFERENCE.setDotsPerMeterY(dots_per_metre)
    return _REFERENCE


def text_document(body: str, width_pt: float, points: float = BODY_PT) -> QTextDocument:
    """Return an HTML fragment laid out at ``width_pt`` on the reference device (units: dots)."""
    document = QTextDocument()
    document.documentLayout().setPaintDevice(reference_device())
    document.setUseDesignMetrics(True)
    document.setDocumentMargin(0)
    font = QFont(MAP_FONT_FAMILY)
    font.setPointSizeF(points)
    document.setDefaultFont(font)
    document.setHtml(f'<div style="color:{LIGHT.text}">{body}</div>')
    document.setTextWidth(width_pt * DOTS_PER_PT)
    return document


def _span(text: str, points: float, *, bold: bool = False, colour: str = "", italic: bool = False) -> str:
    style = f"font-size:{points}pt;"
    if bold:
        style += "font-weight:bold;"
    if italic:
        style += "font-style:italic;"
    if colour:
        style += f"color:{colour};"
    return f'<span style="{style}">{_e(text)}</span>'


def citation_lines(catalog: Catalog, cites: tuple[Citation, ...]) -> list[str]:
    """Return "Short name — locator" for each citation."""
    lines = []
    for cite in cites:
        source = catalog.sources.get(cite.source)
        lines.append(f"{source.short if source else cite.source} — {cite.locator}")
    return lines


def heading_block(text: str) -> TextBlock:
    """A section heading (kept with what follows it)."""
    return TextBlock(BlockKind.HEADING, [Piece(_span(text, HEADING_PT, bold=True, colour=LIGHT.badge_text))])


def intro_html(content: HandoutContent) -> str:
    """The first page's line under the title: the views and the map's summary."""
    views = _span(" · ".join(content.views), BODY_PT + 0.6, bold=True, colour=LIGHT.text_muted)
    summary = f"<br>{_span(content.summary, BODY_PT + 0.6)}" if content.summary else ""
    return views + summary


def strokes_block(content: HandoutContent) -> TextBlock:
    """The numbered arrows, one instruction a piece."""
    pieces = [
        Piece(f"{_span(f'{number}.', BODY_PT, bold=True, colour=LIGHT.badge_text)}&nbsp;{_e(text)}")
        for number, text in content.strokes
    ]
    return TextBlock(BlockKind.PLAIN, pieces)


def points_block(content: HandoutContent) -> TextBlock:
    """The tender points drawn on the map, a left and right pair in one line."""
    pieces = []
    for name, sides, location in content.points:
        both = _tr("left and right") if len(set(sides)) > 1 else _tr("client's {side}").format(side=sides[0])
        head = _span(f"{name} ({both}):", BODY_PT, bold=True, colour=LIGHT.point)
        pieces.append(Piece(f"{head} {_e(location)}"))
    return TextBlock(BlockKind.PLAIN, pieces)


def card_block(catalog: Catalog, card: HandoutCard) -> TextBlock:
    """A technique card: title and tags; areas; cautions; details; steps; source."""
    t = card.technique
    tags = []
    if t.protocol_step:
        tags.append(_tr("Protocol step {n} of 8").format(n=t.protocol_step))
    if t.figure:
        tags.append(_tr("Figure {n}").format(n=t.figure))
    if t.lubrication is None:
        tags.append(_tr("Lubrication: not stated"))
    else:
        tags.append(_tr("With lubrication") if t.lubrication else _tr("No lubrication"))
    head = (
        _span(t.title, CARD_TITLE_PT, bold=True)
        + "<br>"
        + _span(" · ".join(tags), BODY_PT, colour=LIGHT.text_muted)
    )
    pieces = [Piece(head)]
    if card.areas:
        where = _tr("On this map: ") + ", ".join(card.areas)
        pieces.append(Piece(_span(where, SMALL_PT + 0.4, italic=True, colour=LIGHT.text_muted)))
    if t.cautions:  # one piece: the cautions are never cut apart by a page break
        lines = [_span("⚠ " + _tr("Cautions"), BODY_PT, bold=True, colour=LIGHT.caution_text)]
        lines += [_span("• " + caution, BODY_PT, colour=LIGHT.caution_text) for caution in t.cautions]
        pieces.append(Piece("<br>".join(lines), PieceStyle.CAUTION))
    for attribute, title in TechniqueCard.FIELDS:
        value = getattr(t, attribute)
        if value:
            pieces.append(Piece(f"{_span(_tr(title) + ':', BODY_PT, bold=True)} {_e(value)}"))
    for number, step in enumerate(t.steps, 1):
        lead = _span(_tr("Steps"), BODY_PT, bold=True) + "<br>" if number == 1 else ""
        pieces.append(Piece(f"{lead}{_span(f'{number}.', BODY_PT, bold=True)}&nbsp;{_e(step)}"))
    source = _tr("Source: ") + "; ".join(citation_lines(catalog, t.cite))
    pieces.append(Piece(_span(source, SMALL_PT, colour=LIGHT.text_muted)))
    return TextBlock(BlockKind.CARD, pieces, t.title)


def sources_block(catalog: Catalog, content: HandoutContent) -> TextBlock:
    """The map's own citation, then the full citation of every source the handout cites."""
    pieces = [
        Piece(
            _span(_tr("This map: "), SOURCE_PT, bold=True)
            + _span("; ".join(citation_lines(catalog, content.map_cite)), SOURCE_PT)
        )
    ]
    for source in content.sources:
        # Many citations begin with their own short name; say it once.
        lead = (
            ""
            if source.citation.startswith(source.short)
            else _span(source.short + ": ", SOURCE_PT, bold=True)
        )
        pieces.append(Piece(lead + _span(source.citation, SOURCE_PT)))
    return TextBlock(BlockKind.PLAIN, pieces)


def handout_blocks(catalog: Catalog, content: HandoutContent) -> list[TextBlock]:
    """Return the text that flows under the map, in reading order."""
    blocks: list[TextBlock] = []
    if content.strokes:
        blocks += [heading_block(_tr("The strokes, in order")), strokes_block(content)]
    if content.points:
        blocks += [heading_block(_tr("The tender points")), points_block(content)]
    if content.area_cards:
        blocks.append(heading_block(_tr("Cards for the areas of this map")))
        blocks += [card_block(catalog, card) for card in content.area_cards]
    if content.map_wide_cards:
        blocks.append(heading_block(_tr("Also for every area of this map")))
        blocks += [card_block(catalog, card) for card in content.map_wide_cards]
    blocks += [heading_block(_tr("Sources")), sources_block(catalog, content)]
    return blocks


def footer_html(disclaimer: str, page: int, pages: int, title: str) -> str:
    """The footer of a page: the disclaimer, then the page number and the map."""
    line = _tr("FibroMap handout — {title} — page {page} of {pages}").format(
        title=title, page=page, pages=pages
    )
    return (
        _span(disclaimer, SMALL_PT, italic=True, colour=LIGHT.text_muted)
        + "<br>"
        + _span(line, SMALL_PT, colour=LIGHT.text_muted)
    )
