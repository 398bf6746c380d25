import pytest

from app.model.presentation import overlaps
from app.model.presentation_caption import (
    CAPTION_GAP,
    CAPTION_MARGIN,
    CAPTION_MAX_SHARE,
    caption_layout,
    caption_width,
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
