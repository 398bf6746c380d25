"""Colours, pens and type sizes of the map and the panels.

Map files carry geometry only; every colour comes from here so themes and high
contrast work. The arrow, highlight, selected-region, point and zone colours are
chosen to stay apart (CIEDE2000 >= 20) under simulated protanopia, deuteranopia
and tritanopia (tests/model/test_colour.py checks it): they differ in lightness as
well as hue. They never carry meaning alone: numbers, dashes, hatching and labels
do too.
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
    link: str
    on_accent: str
    focus: str
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
    arrow_highlight="#b34700",
    badge_fill="#ffffff",
    badge_text="#0a4f8c",
    point="#1f1f24",
    point_edge="#ffffff",
    zone="#8a8a8a",
    text="#1f1f24",
    text_muted="#4d4d55",
    legend_fill="#f4f6f8",
    caution_fill="#fff4e5",
    caution_edge="#b35900",
    caution_text="#5c2d00",
    card_fill="#ffffff",
    card_edge="#c9ced6",
    link="#0a5fa8",
    on_accent="#ffffff",
    focus="#b34700",
)

DARK = Theme(
    name="dark",
    canvas="#1e1f22",
    body_fill="#2b2d31",
    contour="#e8e6e3",
    detail="#9a9ca3",
    region_hover="#2f4a5e",
    region_selected="#184f72",
    region_selected_edge="#56b4e9",
    arrow="#56b4e9",
    arrow_highlight="#e69f00",
    badge_fill="#1e1f22",
    badge_text="#8fd0ff",
    point="#ffffff",
    point_edge="#1e1f22",
    zone="#80808a",
    text="#ececec",
    text_muted="#b8b8c0",
    legend_fill="#26282c",
    caution_fill="#3a2a14",
    caution_edge="#e69f00",
    caution_text="#ffd39a",
    card_fill="#26282c",
    card_edge="#44474e",
    link="#8fd0ff",
    on_accent="#1e1f22",
    focus="#e69f00",
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
    arrow_highlight="#00c8ff",
    badge_fill="#000000",
    badge_text="#ffd400",
    point="#ffffff",
    point_edge="#000000",
    zone="#a0a0a0",
    text="#ffffff",
    text_muted="#e0e0e0",
    legend_fill="#000000",
    caution_fill="#2a1a00",
    caution_edge="#ffb000",
    caution_text="#ffd27a",
    card_fill="#000000",
    card_edge="#ffffff",
    link="#ffd400",
    on_accent="#000000",
    focus="#00c8ff",
    contour_width=4.0,
    detail_width=2.0,
    arrow_width=7.0,
)

THEMES = {theme.name: theme for theme in (LIGHT, DARK, HIGH_CONTRAST)}
THEME_TITLES = {"light": "Light", "dark": "Dark", "high-contrast": "High contrast (projector)"}

# Every text colour on every background the app paints, as (text field, background field).
# The Qt palette and the styled widgets take their pairs from here, and a test checks each
# pair's WCAG contrast in every theme (4.5:1; 7:1 in high contrast), so the two cannot drift.
TEXT_PAIRS: dict[str, tuple[str, str]] = {
    "window": ("text", "canvas"),
    "window_muted": ("text_muted", "canvas"),
    "panel": ("text", "legend_fill"),
    "panel_muted": ("text_muted", "legend_fill"),
    "card": ("text", "card_fill"),
    "card_muted": ("text_muted", "card_fill"),
    "link": ("link", "card_fill"),
    "link_on_panel": ("link", "legend_fill"),
    "link_on_window": ("link", "canvas"),
    "caution": ("caution_text", "caution_fill"),
    "caution_plain": ("text", "caution_fill"),
    "caution_on_window": ("caution_text", "canvas"),
    "caution_on_card": ("caution_text", "card_fill"),
    "done_status": ("caution_edge", "canvas"),
    "badge": ("badge_text", "badge_fill"),
    "badge_marked": ("badge_fill", "arrow_highlight"),
    "accent": ("on_accent", "arrow"),
    "accent_highlight": ("on_accent", "arrow_highlight"),
    "accent_text": ("arrow", "canvas"),
    "highlight_text": ("arrow_highlight", "canvas"),
    "highlight_on_card": ("arrow_highlight", "card_fill"),
    "hover": ("text", "region_hover"),
    "map_label": ("text", "canvas"),
    "map_note": ("text_muted", "canvas"),
    "legend": ("text", "legend_fill"),
    "legend_note": ("text_muted", "legend_fill"),
}

# Colours that carry meaning on the map; each pair must stay apart under colour-vision
# deficiencies (a test simulates them). Numbers, dashes and labels carry the meaning too.
MAP_MEANING_COLOURS = ("arrow", "arrow_highlight", "region_selected", "point", "zone")


def pair(theme: Theme, name: str) -> tuple[str, str]:
    """Return the (text, background) colours of a declared text pair in a theme."""
    text_field, background_field = TEXT_PAIRS[name]
    return getattr(theme, text_field), getattr(theme, background_field)


def minimum_contrast(theme: Theme) -> float:
    """Return the contrast every text pair of a theme must reach (WCAG AA, or AAA for high contrast)."""
    return 7.0 if theme.name == "high-contrast" else 4.5


# Label sizes in map units (docs/map-format.md promises these to map authors).
LABEL_SIZES = {"view": 34.0, "side": 26.0, "region": 24.0, "note": 20.0, "viewpoint": 20.0}
BADGE_RADIUS = 18.0
BADGE_FONT_SIZE = 21.0
MAP_FONT_FAMILY = "DejaVu Sans"
