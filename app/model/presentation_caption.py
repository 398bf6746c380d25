"""Where an arrow's caption goes in presentation mode: a band under the map, never over it.

Stepping through arrows (Right/Left) shows each one's instruction. A card laid
over the picture would cover a view's title, a label or the stroke itself on
a dense map (the shoulder and forearm map has two views edge to edge), and
the projected map leaves no corner free at the class's text size. So the
caption takes a band across the bottom of the screen and the map is fitted
into the space above it: by construction nothing on the map is covered. The
band is as tall as the map's longest caption, so the map stays still while
the class steps from one arrow to the next (FibroMap's choice).

On a screen wider than the map (1920x1080 for the 16:10 maps) the map leaves
black bars at its sides; there a column beside the map can hold the caption
for less than a band costs. :func:`best_layout` takes whichever leaves the
map larger, map by map. The column is never narrower than ``COLUMN_EMS[0]``
units, so its lines stay long enough to read.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.model.presentation import Box

CAPTION_MAX_SHARE = 0.4  # of the screen's height: a longer caption scrolls
CAPTION_MAX_EMS = 56.0  # the widest caption, in text units: lines a class can follow
CAPTION_MARGIN = 12.0  # pixels between the caption and the screen's edges
CAPTION_GAP = 8.0  # pixels between the map's area and the caption
COLUMN_EMS = (11.0, 12.0, 13.0, 14.0, 16.0)  # caption column widths tried, in text units
COLUMN_MAX_SHARE = 0.35  # of the screen's width: the most a column may take
# A column's short lines read less easily than a band's: it must grow the map by this much.
COLUMN_MIN_GAIN = 1.05


@dataclass(frozen=True)
class CaptionLayout:
    """The stage split for a caption.

    Attributes:
        caption: the caption's box (the band's full height; a shorter text uses its top).
        map_area: where the map is fitted, above the band.
        reserved: the pixels the map leaves to the caption, at the bottom of the screen
            (a band) or at its right (a column).
        side: "bottom" (a band under the map) or "right" (a column beside it).
    """

    caption: Box
    map_area: Box
    reserved: float
    side: str = "bottom"


def caption_layout(
    screen: Box,
    needed_height: float,
    unit: float,
    *,
    margin: float = CAPTION_MARGIN,
    gap: float = CAPTION_GAP,
    max_share: float = CAPTION_MAX_SHARE,
    max_ems: float = CAPTION_MAX_EMS,
) -> CaptionLayout:
    """Split a screen into the map's area and a caption band under it.

    Args:
        screen: the stage (x, y, width, height) in pixels.
        needed_height: the height the longest caption of this map needs, at the
            caption's width (see :func:`caption_width`).
        unit: the smallest text's size in pixels (the caption's width is capped in these).
        margin: the space between the caption and the screen's edges.
        gap: the space between the map's area and the caption.
        max_share: the most of the screen's height the caption may take.
        max_ems: the widest caption, in units.

    Raises:
        ValueError: a screen, height or unit that is not positive.
    """
    sx, sy, sw, sh = screen
    if sw <= 0 or sh <= 0 or unit <= 0 or needed_height < 0:
        raise ValueError(f"cannot lay a caption out on {screen} at {unit} px for {needed_height} px")
    width = caption_width(sw, unit, margin=margin, max_ems=max_ems)
    height = max(1.0, min(needed_height, sh * max_share))
    top = sy + sh - margin - height
    caption = (sx + (sw - width) / 2, top, width, height)
    map_height = max(1.0, top - gap - sy)
    return CaptionLayout(caption, (sx, sy, sw, map_height), sh - map_height)


def caption_width(
    screen_width: float, unit: float, *, margin: float = CAPTION_MARGIN, max_ems: float = CAPTION_MAX_EMS
) -> float:
    """Return a caption's width on a screen this wide: the screen less margins, at most ``max_ems`` units."""
    return max(1.0, min(screen_width - 2 * margin, max_ems * unit))


def column_layout(
    screen: Box,
    width: float,
    needed_height: float,
    *,
    margin: float = CAPTION_MARGIN,
    gap: float = CAPTION_GAP,
) -> CaptionLayout | None:
    """Split a screen into the map's area and a caption column at its right.

    Args:
        screen: the stage (x, y, width, height) in pixels.
        width: the column's width in pixels.
        needed_height: the height the map's longest caption needs at that width.
        margin: the space between the caption and the screen's edges.
        gap: the space between the map's area and the caption.

    Returns:
        The layout (the caption centred down the column), or ``None`` when the
        caption does not fit the screen's height or the column would take more
        than ``COLUMN_MAX_SHARE`` of its width.
    """
    sx, sy, sw, sh = screen
    if width > sw * COLUMN_MAX_SHARE or needed_height > sh - 2 * margin or needed_height <= 0:
        return None
    caption = (sx + sw - margin - width, sy + (sh - needed_height) / 2, width, needed_height)
    map_width = max(1.0, sw - width - margin - gap)
    return CaptionLayout(caption, (sx, sy, map_width, sh), sw - map_width, "right")


def fitted_scale(area: Box, map_size: tuple[float, float]) -> float:
    """Return the pixels per map unit of a map of ``map_size`` fitted into ``area``."""
    return min(area[2] / map_size[0], area[3] / map_size[1])


def best_layout(layouts: list[CaptionLayout], map_size: tuple[float, float]) -> CaptionLayout:
    """Return the band (the first layout) unless another grows the map by ``COLUMN_MIN_GAIN`` or more.

    Raises:
        ValueError: no layouts, or a map size that is not positive.
    """
    if not layouts or min(map_size) <= 0:
        raise ValueError(f"no caption layout to choose for a map of {map_size}")
    best = layouts[0]
    for layout in layouts[1:]:
        if fitted_scale(layout.map_area, map_size) > fitted_scale(best.map_area, map_size) * COLUMN_MIN_GAIN:
            best = layout
    return best
