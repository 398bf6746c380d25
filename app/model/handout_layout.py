"""The page layout of a handout: paper, margins, where the map goes, and how text blocks paginate.

Everything is in PDF points (1/72 inch) and knows nothing of Qt: the UI
measures each text piece and hands the heights in; this module says on which
page, in which column and at what height each piece is drawn.

A page has a header band, the content area and a footer band. The first page
shows the map across the full width under the header; the text flows below it
in columns, then on further pages in the same columns from the top. A *block*
(a card, a list, a heading) is a run of *pieces* (paragraphs) that are never
cut; a block moves to the next column when it does not fit, and is split
between pieces only when both parts keep at least two pieces or the block is
taller than a whole column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

MM = 72 / 25.4  # points per millimetre


class PaperSize(Enum):
    """The paper sizes a handout is laid out for: (width, height) in points, portrait."""

    A4 = (210 * MM, 297 * MM)
    LETTER = (8.5 * 72, 11 * 72)

    @property
    def width(self) -> float:
        """The paper's width in points."""
        return float(self.value[0])

    @property
    def height(self) -> float:
        """The paper's height in points."""
        return float(self.value[1])

    @property
    def label(self) -> str:
        """The name people know the size by."""
        return "A4" if self is PaperSize.A4 else "US Letter"


@dataclass(frozen=True)
class Box:
    """A rectangle in points, from the paper's top-left corner."""

    x: float
    y: float
    width: float
    height: float

    @property
    def bottom(self) -> float:
        """The y of the lower edge."""
        return self.y + self.height


@dataclass(frozen=True)
class PageGeometry:
    """The fixed measures of every page of a handout.

    Args:
        width: paper width in points.
        height: paper height in points.
        margin: the white border on every side (printers cannot print to the edge).
        header: the band at the top of each page for the title.
        footer: the band at the bottom for the disclaimer and page number.
        columns: text columns under the map.
        gutter: space between columns and between the map and the text.
        max_map_share: at most this share of the first page's content height is map.
    """

    width: float
    height: float
    margin: float = 12 * MM
    header: float = 30.0
    footer: float = 34.0
    columns: int = 2
    gutter: float = 16.0
    max_map_share: float = 0.62

    @classmethod
    def for_paper(cls, paper: PaperSize, **overrides: float | int) -> PageGeometry:
        """Return the geometry for a standard paper size (portrait)."""
        return cls(paper.width, paper.height, **overrides)  # type: ignore[arg-type]

    def __post_init__(self) -> None:
        if self.columns < 1:
            raise ValueError("a handout needs at least one column")
        if self.content().height <= 0 or self.column_width <= 0:
            raise ValueError(f"margins leave no room on a {self.width:.0f} × {self.height:.0f} pt page")

    def content(self) -> Box:
        """The area between the margins, the header and the footer."""
        top = self.margin + self.header
        return Box(
            self.margin,
            top,
            self.width - 2 * self.margin,
            self.height - top - self.margin - self.footer,
        )

    def header_box(self) -> Box:
        """The header band above the content."""
        return Box(self.margin, self.margin, self.width - 2 * self.margin, self.header)

    def footer_box(self) -> Box:
        """The footer band under the content."""
        return Box(
            self.margin, self.height - self.margin - self.footer, self.width - 2 * self.margin, self.footer
        )

    @property
    def column_width(self) -> float:
        """The width every text piece is measured at."""
        total = self.width - 2 * self.margin
        return (total - (self.columns - 1) * self.gutter) / self.columns

    def map_box(self, aspect: float, intro_height: float = 0.0) -> Box:
        """Where the map goes on the first page: full width, at most ``max_map_share`` high, centred.

        Args:
            aspect: the map's width divided by its height (with its legend).
            intro_height: space taken above the map by the first page's introduction.
        """
        if aspect <= 0:
            raise ValueError("the map's aspect ratio must be positive")
        area = self.content()
        width = area.width
        height = width / aspect
        limit = (area.height - intro_height) * self.max_map_share
        if height > limit:
            height = limit
            width = height * aspect
        return Box(area.x + (area.width - width) / 2, area.y + intro_height, width, height)

    def columns_below(self, top: float) -> list[Box]:
        """Return the text columns from ``top`` down to the footer."""
        area = self.content()
        return [
            Box(area.x + i * (self.column_width + self.gutter), top, self.column_width, area.bottom - top)
            for i in range(self.columns)
        ]


@dataclass(frozen=True)
class Block:
    """A unit of text to paginate: the heights of its pieces, in points, top to bottom.

    Args:
        pieces: the height of each paragraph; a piece is never cut.
        keep_with_next: a heading: never the last thing in a column.
        padding: extra space above the first and below the last piece of each part (a card's box).
        continued: extra space at the top of every part after the first (a "continued" line).
    """

    pieces: tuple[float, ...]
    keep_with_next: bool = False
    padding: float = 0.0
    continued: float = 0.0

    @property
    def height(self) -> float:
        """The block's height when it is not split."""
        return sum(self.pieces) + 2 * self.padding


@dataclass(frozen=True)
class Placement:
    """Where a run of a block's pieces is drawn: pieces ``[first, last)`` in ``frame``, from ``y``."""

    block: int
    first: int
    last: int
    page: int
    column: int
    box: Box


@dataclass(frozen=True)
class Pagination:
    """The result of :func:`paginate`: every placement, and how many pages it takes."""

    placements: tuple[Placement, ...]
    pages: int

    def on_page(self, page: int) -> list[Placement]:
        """Return the placements of one page (0-based)."""
        return [p for p in self.placements if p.page == page]


MIN_SPLIT_PIECES = 2


def paginate(
    blocks: Sequence[Block], first_page: Sequence[Box], later_pages: Sequence[Box], spacing: float
) -> Pagination:
    """Flow blocks through the first page's columns, then as many further pages as they need.

    Args:
        blocks: the text, in reading order.
        first_page: the columns of page 1 (under the map); may be empty or short.
        later_pages: the columns of every further page.
        spacing: the space between two blocks in a column.

    Returns:
        Every placement, in reading order, and the page count (at least 1).
    """
    if not later_pages:
        raise ValueError("later pages need at least one column")
    flow = _Flow(first_page, later_pages)
    placements: list[Placement] = []
    for index, block in enumerate(blocks):
        first = 0
        while first < len(block.pieces):
            need = _height(block, first, len(block.pieces))
            if block.keep_with_next and index + 1 < len(blocks):
                need += spacing + _lead_height(blocks[index + 1])
            room = flow.room(spacing)
            if need <= room:
                last = len(block.pieces)
            else:
                last = _split_point(block, first, room, flow.must_place(need))
            if last == first:
                flow.next_column()
                continue
            placements.append(flow.place(index, first, last, _height(block, first, last), spacing))
            first = last
            if first < len(block.pieces):
                flow.next_column()
    return Pagination(tuple(placements), flow.page + 1 if placements else 1)


def _height(block: Block, first: int, last: int) -> float:
    return sum(block.pieces[first:last]) + 2 * block.padding + (block.continued if first else 0.0)


def _lead_height(block: Block) -> float:
    """What must follow a heading in the same column: the next block, or its first pieces."""
    return _height(block, 0, min(len(block.pieces), MIN_SPLIT_PIECES))


def _split_point(block: Block, first: int, room: float, must_place: bool) -> int:
    """Return where to cut the block in this column, or ``first`` to move it to the next one.

    A cut leaves at least two pieces on each side; when the column is as good as
    any that follows (``must_place``), the block is cut where it must, one piece
    at least, so pagination always moves on.
    """
    fits = first
    while fits < len(block.pieces) and _height(block, first, fits + 1) <= room:
        fits += 1
    last = min(fits, len(block.pieces) - MIN_SPLIT_PIECES)  # leave no lone piece for the next column
    if last - first >= MIN_SPLIT_PIECES:
        return last
    if must_place:
        return max(fits, first + 1)
    return first


class _Flow:
    """The cursor moving down the columns and pages."""

    def __init__(self, first_page: Sequence[Box], later_pages: Sequence[Box]) -> None:
        self._first = list(first_page)
        self._later = list(later_pages)
        self.page = 0
        self.column = 0
        self._used = 0.0
        self.empty = True
        if not self._first:
            self.page = 1

    def _columns(self) -> list[Box]:
        return self._first if self.page == 0 else self._later

    def _box(self) -> Box:
        return self._columns()[self.column]

    def must_place(self, need: float) -> bool:
        """Tell whether something of ``need`` height must start here: no later column does better."""
        if not self.empty:
            return False
        fresh = self._later[0].height
        return self._box().height >= fresh or need > fresh

    def room(self, spacing: float) -> float:
        """The height left in this column for the next block."""
        return self._box().height - self._used - (0.0 if self.empty else spacing)

    def next_column(self) -> None:
        """Go to the top of the next column, on the next page after the last."""
        self.column += 1
        if self.column >= len(self._columns()):
            self.page += 1
            self.column = 0
        self._used = 0.0
        self.empty = True

    def place(self, block: int, first: int, last: int, height: float, spacing: float) -> Placement:
        """Put a run of pieces here and move the cursor below it."""
        box = self._box()
        top = box.y + self._used + (0.0 if self.empty else spacing)
        placement = Placement(block, first, last, self.page, self.column, Box(box.x, top, box.width, height))
        self._used = top + height - box.y
        self.empty = False
        return placement
