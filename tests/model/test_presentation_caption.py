import pytest

from app.model.presentation import overlaps
from app.model.presentation_caption import (
    CAPTION_GAP,
    CAPTION_MARGIN,
    CAPTION_MAX_SHARE,
    best_layout,
    caption_layout,
    caption_width,
    column_layout,
    fitted_scale,
)


def test_the_caption_is_a_band_under_the_map_area():
    layout = caption_layout((0, 0, 1280, 800), 150, 24)
    cx, cy, cw, ch = layout.caption
    mx, my, mw, mh = layout.map_area
    assert ch == 150
    assert cy + ch == 800 - CAPTION_MARGIN  # the margin under it
    assert my + mh <= cy - CAPTION_GAP  # the gap above it
    assert not overlaps(layout.caption, layout.map_area)
    assert layout.reserved == 800 - mh
    assert cx == pytest.approx((1280 - cw) / 2)  # centred


def test_a_long_caption_takes_at_most_its_share_and_a_wide_screen_caps_the_line():
    layout = caption_layout((0, 0, 1280, 800), 2000, 24)
    assert layout.caption[3] == 800 * CAPTION_MAX_SHARE
    assert caption_width(1280, 24) == 1280 - 2 * CAPTION_MARGIN  # the screen less its margins
    assert caption_width(4000, 24) == 56 * 24  # lines a class can follow


def test_an_offset_screen_keeps_its_offset():
    layout = caption_layout((100, 50, 1000, 600), 100, 24)
    assert layout.map_area[:2] == (100, 50)
    assert layout.caption[1] + layout.caption[3] == 50 + 600 - CAPTION_MARGIN


@pytest.mark.parametrize(("screen", "height", "unit"), [((0, 0, 0, 800), 10, 24), ((0, 0, 800, 600), 10, 0)])
def test_nothing_to_lay_out_on_is_an_error(screen, height, unit):
    with pytest.raises(ValueError, match="cannot lay a caption out"):
        caption_layout(screen, height, unit)


def test_a_column_sits_at_the_right_and_the_map_has_the_rest_of_the_width():
    layout = column_layout((0, 0, 1920, 1080), 352, 600)
    assert layout is not None
    assert layout.side == "right"
    cx, cy, cw, ch = layout.caption
    mx, my, mw, mh = layout.map_area
    assert (cw, ch) == (352, 600)
    assert cx + cw == 1920 - CAPTION_MARGIN
    assert cy == pytest.approx((1080 - 600) / 2)  # centred down the screen
    assert mx + mw <= cx - CAPTION_GAP
    assert mh == 1080
    assert not overlaps(layout.caption, layout.map_area)


def test_a_column_too_wide_or_a_caption_too_tall_for_it_is_refused():
    assert column_layout((0, 0, 1280, 800), 1280 * 0.5, 100) is None
    assert column_layout((0, 0, 1920, 1080), 352, 1080) is None


def test_the_layout_leaving_the_map_larger_wins_and_a_tie_keeps_the_band():
    map_size = (1616.0, 1016.0)
    wide = (0, 0, 1920, 1080)
    band = caption_layout(wide, 200, 32)
    column = column_layout(wide, 352, 700)
    assert column is not None
    assert fitted_scale(column.map_area, map_size) > fitted_scale(band.map_area, map_size)
    assert best_layout([band, column], map_size) is column
    narrow = (0, 0, 1024, 768)  # the map already fills the width: a column only costs
    band, column = caption_layout(narrow, 100, 24), column_layout(narrow, 264, 500)
    assert column is not None
    assert best_layout([band, column], map_size) is band
    assert best_layout([band, band], map_size) is band
    with pytest.raises(ValueError, match="no caption layout"):
        best_layout([], map_size)
