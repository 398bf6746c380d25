"""Every theme's text pairs reach WCAG contrast; its map colours survive colour-vision deficiencies."""

from __future__ import annotations

import itertools
from dataclasses import fields

import pytest

from app.model.colour import Deficiency, contrast_ratio, delta_e_2000, parse_hex, simulate
from app.ui.theme import MAP_MEANING_COLOURS, TEXT_PAIRS, THEMES, Theme, minimum_contrast, pair

MIN_DELTA_E = 20.0  # CIEDE2000; about 2.3 is just noticeable, 20 is "clearly another colour"
MIN_GRAPHIC_CONTRAST = 3.0  # WCAG 1.4.11, non-text contrast of lines and marks


@pytest.mark.parametrize("theme", THEMES.values(), ids=THEMES.keys())
@pytest.mark.parametrize("pair_name", TEXT_PAIRS)
def test_every_text_pair_reaches_the_theme_contrast(theme: Theme, pair_name: str) -> None:
    text, background = pair(theme, pair_name)
    ratio = contrast_ratio(text, background)
    assert ratio >= minimum_contrast(theme), (
        f"{theme.name} {pair_name}: {text} on {background} is {ratio:.2f}:1"
    )


def test_high_contrast_demands_aaa() -> None:
    assert minimum_contrast(THEMES["high-contrast"]) == 7.0
    assert {minimum_contrast(t) for n, t in THEMES.items() if n != "high-contrast"} == {4.5}


@pytest.mark.parametrize("theme", THEMES.values(), ids=THEMES.keys())
@pytest.mark.parametrize("deficiency", [None, *Deficiency], ids=["normal", *(d.value for d in Deficiency)])
def test_map_colours_stay_apart_under_colour_vision_deficiencies(
    theme: Theme, deficiency: Deficiency | None
) -> None:
    def seen(colour: str) -> str:
        return colour if deficiency is None else simulate(colour, deficiency)

    for first, second in itertools.combinations(MAP_MEANING_COLOURS, 2):
        distance = delta_e_2000(seen(getattr(theme, first)), seen(getattr(theme, second)))
        assert distance >= MIN_DELTA_E, f"{theme.name}: {first} and {second} are only {distance:.1f} apart"


@pytest.mark.parametrize("theme", THEMES.values(), ids=THEMES.keys())
def test_map_marks_stand_out_from_the_body_and_canvas(theme: Theme) -> None:
    for mark in ("arrow", "arrow_highlight", "point", "zone", "contour"):
        for ground in ("canvas", "body_fill"):
            ratio = contrast_ratio(getattr(theme, mark), getattr(theme, ground))
            assert ratio >= MIN_GRAPHIC_CONTRAST, f"{theme.name}: {mark} on {ground} is {ratio:.2f}:1"
    for mark in ("arrow", "arrow_highlight"):  # arrows run over the selected region too
        assert contrast_ratio(getattr(theme, mark), theme.region_selected) >= MIN_GRAPHIC_CONTRAST


@pytest.mark.parametrize("theme", THEMES.values(), ids=THEMES.keys())
def test_every_colour_is_a_hex_colour_and_every_pair_names_fields(theme: Theme) -> None:
    names = {f.name for f in fields(Theme)}
    for f in fields(Theme):
        value = getattr(theme, f.name)
        if isinstance(value, str) and f.name != "name":
            parse_hex(value)
    for text, background in TEXT_PAIRS.values():
        assert {text, background} <= names
    assert set(MAP_MEANING_COLOURS) <= names
