"""Colours, pens and type sizes of the map and the panels.

Map files carry geometry only; every colour comes from here so themes and high
contrast work. The arrow, highlight and point colours are from the Okabe-Ito
palette, which stays distinguishable with the common colour-vision deficiencies,
and never carry meaning alone: numbers, dashes and labels do too.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    """A set of colours (hex strings) and map pen widths (map units)."""

    name: str
    canvas: str
    body_fill: str
    contour: str
    detail: str
    region_hover: str
    region_selected: str
    region_selected_edge: str
    arrow: str
    arrow_highlight: str
    badge_fill: str
    badge_text: str
    point: str
    point_edge: str
    zone: str
    text: str
    text_muted: str
    legend_fill: str
    caution_fill: str
    caution_edge: str
    caution_text: str
    card_fill: str
    card_edge: str
    contour_width: float = 3.2
    detail_width: float = 1.6
    arrow_width: float = 5.0


LIGHT = Theme(
    name="light",
    canvas="#ffffff",
    body_fill="#fbf7f2",
    contour="#1f1f24",
    detail="#6a6a72",
    region_hover="#d6ebf8",
    region_selected="#9fd1f0",
    region_selected_edge="#0072b2",
    arrow="#0a5fa8",
    arrow_highlight="#d55e00",
    badge_fill="#ffffff",
    badge_text="#0a4f8c",
    point="#b3005e",
    point_edge="#ffffff",
    zone="#d55e00",
    text="#1f1f24",
    text_muted="#4d4d55",
    legend_fill="#f4f6f8",
    caution_fill="#fff4e5",
    caution_edge="#b35900",
    caution_text="#5c2d00",
    card_fill="#ffffff",
    card_edge="#c9ced6",
)

DARK = Theme(
    name="dark",
    canvas="#1e1f22",
    body_fill="#2b2d31",
    contour="#e8e6e3",
    detail="#9a9ca3",
    region_hover="#2f4a5e",
    region_selected="#1f5f86",
    region_selected_edge="#56b4e9",
    arrow="#56b4e9",
    arrow_highlight="#e69f00",
    badge_fill="#1e1f22",
    badge_text="#8fd0ff",
    point="#f07ab0",
    point_edge="#1e1f22",
    zone="#e69f00",
    text="#ececec",
    text_muted="#b8b8c0",
    legend_fill="#26282c",
    caution_fill="#3a2a14",
    caution_edge="#e69f00",
    caution_text="#ffd39a",
    card_fill="#26282c",
    card_edge="#44474e",
)

# For projectors: light lines on black survive a washed-out beam; thicker pens read from the back row.
HIGH_CONTRAST = Theme(
    name="high-contrast",
    canvas="#000000",
    body_fill="#141414",
    contour="#ffffff",
    detail="#c8c8c8",
    region_hover="#003a57",
    region_selected="#005f8f",
    region_selected_edge="#56d4ff",
    arrow="#ffd400",
    arrow_highlight="#00e0ff",
    badge_fill="#000000",
    badge_text="#ffd400",
    point="#ff6ec7",
    point_edge="#ffffff",
    zone="#ff8c00",
    text="#ffffff",
    text_muted="#e0e0e0",
    legend_fill="#000000",
    caution_fill="#2a1a00",
    caution_edge="#ffb000",
    caution_text="#ffd27a",
    card_fill="#000000",
    card_edge="#ffffff",
    contour_width=4.0,
    detail_width=2.0,
    arrow_width=7.0,
)

THEMES = {theme.name: theme for theme in (LIGHT, DARK, HIGH_CONTRAST)}

# Label sizes in map units (docs/map-format.md promises these to map authors).
LABEL_SIZES = {"view": 34.0, "side": 26.0, "region": 24.0, "note": 20.0}
BADGE_RADIUS = 18.0
BADGE_FONT_SIZE = 21.0
MAP_FONT_FAMILY = "DejaVu Sans"
