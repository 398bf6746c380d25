from __future__ import annotations

import pytest

from app.model.handout_layout import MM, Block, Box, PageGeometry, PaperSize, paginate


def test_paper_sizes_are_the_standard_ones_in_points():
    assert PaperSize.A4.width == pytest.approx(595.28, abs=0.01)
    assert PaperSize.A4.height == pytest.approx(841.89, abs=0.01)
    assert (PaperSize.LETTER.width, PaperSize.LETTER.height) == (612.0, 792.0)
    assert PaperSize.LETTER.label == "US Letter"


@pytest.mark.parametrize("paper", list(PaperSize))
def test_content_sits_inside_the_margins_header_and_footer(paper):
    geometry = PageGeometry.for_paper(paper)
    area = geometry.content()
    assert area.x == pytest.approx(12 * MM)
    assert area.y == pytest.approx(geometry.margin + geometry.header)
    assert area.bottom == pytest.approx(paper.height - geometry.margin - geometry.footer)
    assert geometry.footer_box().y == pytest.approx(area.bottom)
    columns = geometry.columns_below(area.y)
    assert len(columns) == 2
    assert columns[1].x + columns[1].width == pytest.approx(paper.width - geometry.margin)
    assert columns[1].x - (columns[0].x + columns[0].width) == pytest.approx(geometry.gutter)


def test_letter_is_wider_and_shorter_than_a4():
    a4, letter = (PageGeometry.for_paper(p) for p in (PaperSize.A4, PaperSize.LETTER))
    assert letter.column_width > a4.column_width
    assert letter.content().height < a4.content().height


def test_a_wide_map_fills_the_width():
    geometry = PageGeometry.for_paper(PaperSize.A4)
    box = geometry.map_box(aspect=1.3, intro_height=40)
    assert box.width == pytest.approx(geometry.content().width)
    assert box.height == pytest.approx(box.width / 1.3)
    assert box.y == pytest.approx(geometry.content().y + 40)


def test_a_tall_map_is_capped_and_centred():
    geometry = PageGeometry.for_paper(PaperSize.A4)
    box = geometry.map_box(aspect=0.5)
    area = geometry.content()
    assert box.height == pytest.approx(area.height * geometry.max_map_share)
    assert box.width == pytest.approx(box.height * 0.5)
    assert box.x - area.x == pytest.approx(area.x + area.width - (box.x + box.width))


def test_bad_geometry_is_refused():
    with pytest.raises(ValueError, match="no room"):
        PageGeometry(100, 100, margin=60)
    with pytest.raises(ValueError, match="column"):
        PageGeometry.for_paper(PaperSize.A4, columns=0)
    with pytest.raises(ValueError, match="aspect"):
        PageGeometry.for_paper(PaperSize.A4).map_box(0)


def _columns(height: float, count: int = 2) -> list[Box]:
    return [Box(i * 110.0, 0.0, 100.0, height) for i in range(count)]


def test_blocks_fill_columns_then_pages_in_order():
    blocks = [Block((40.0,)) for _ in range(7)]
    result = paginate(blocks, _columns(100), _columns(100), spacing=10)
    # two blocks fit a 100-high column (40 + 10 + 40); seven blocks take four columns.
    assert [(p.page, p.column) for p in result.placements] == [
        (0, 0),
        (0, 0),
        (0, 1),
        (0, 1),
        (1, 0),
        (1, 0),
        (1, 1),
    ]
    assert result.pages == 2
    second = result.placements[1]
    assert second.box.y == pytest.approx(50.0)
    assert second.box.height == pytest.approx(40.0)
    assert len(result.on_page(1)) == 3


def test_the_first_page_can_have_short_or_no_columns():
    blocks = [Block((40.0,)) for _ in range(3)]
    short = paginate(blocks, _columns(45), _columns(100), spacing=10)
    assert [(p.page, p.column) for p in short.placements] == [(0, 0), (0, 1), (1, 0)]
    none = paginate(blocks, [], _columns(100), spacing=10)
    assert {p.page for p in none.placements} == {1}
    assert none.pages == 2


def test_a_block_that_does_not_fit_moves_whole_when_a_split_would_strand_a_piece():
    blocks = [Block((60.0,)), Block((10.0, 10.0, 10.0, 10.0, 10.0))]
    # 30 left in the column: three pieces would fit but leave two; a split keeps >= 2 on each side.
    result = paginate(blocks, _columns(100, 1), _columns(100, 1), spacing=10)
    assert [(p.block, p.first, p.last, p.page) for p in result.placements] == [
        (0, 0, 1, 0),
        (1, 0, 3, 0),
        (1, 3, 5, 1),
    ]
    # with only 15 left, one piece would stand alone: the block moves whole.
    moved = paginate([Block((75.0,)), blocks[1]], _columns(100, 1), _columns(100, 1), spacing=10)
    assert [(p.block, p.first, p.last, p.page) for p in moved.placements] == [(0, 0, 1, 0), (1, 0, 5, 1)]


def test_a_split_backs_off_so_no_piece_is_left_alone():
    blocks = [Block((45.0,)), Block((10.0, 10.0, 10.0, 10.0, 10.0))]
    # 45 left: four pieces would fit, but the fifth would stand alone on the next page.
    result = paginate(blocks, _columns(100, 1), _columns(100, 1), spacing=10)
    assert [(p.first, p.last, p.page) for p in result.placements[1:]] == [(0, 3, 0), (3, 5, 1)]


def test_padding_and_continued_space_count_in_every_part():
    block = Block((30.0, 30.0, 30.0, 30.0), padding=5.0, continued=8.0)
    result = paginate([block], _columns(100, 1), _columns(100, 1), spacing=10)
    parts = result.placements
    assert [(p.first, p.last) for p in parts] == [(0, 2), (2, 4)]
    assert parts[0].box.height == pytest.approx(70.0)  # 60 + 2 x 5
    assert parts[1].box.height == pytest.approx(78.0)  # 60 + 2 x 5 + 8 "continued"


def test_a_heading_never_ends_a_column():
    blocks = [Block((70.0,)), Block((12.0,), keep_with_next=True), Block((20.0, 20.0, 20.0))]
    result = paginate(blocks, _columns(100, 1), _columns(100, 1), spacing=5)
    heading = result.placements[1]
    assert heading.block == 1
    assert heading.page == 1  # 12 fits after 70, but not with the two pieces that must follow it
    assert result.placements[2].page == 1


def test_a_block_taller_than_a_column_is_cut_and_nothing_loops_forever():
    tall = Block(tuple(30.0 for _ in range(10)))
    result = paginate([tall], _columns(100, 1), _columns(100, 1), spacing=10)
    assert sum(p.last - p.first for p in result.placements) == 10
    assert all(p.box.height <= 100 for p in result.placements)
    huge = Block((250.0, 10.0))  # one piece taller than any column: it still gets a column of its own
    result = paginate([huge], _columns(100, 1), _columns(100, 1), spacing=10)
    assert [(p.first, p.last) for p in result.placements] == [(0, 1), (1, 2)]


def test_no_blocks_is_one_page():
    assert paginate([], _columns(100), _columns(100), spacing=10).pages == 1
    with pytest.raises(ValueError, match="later pages"):
        paginate([Block((1.0,))], _columns(100), [], spacing=10)
