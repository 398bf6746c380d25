"""WCAG contrast, colour-vision simulation and CIEDE2000 against published values."""

from __future__ import annotations

import pytest

from app.model.colour import (
    Deficiency,
    contrast_ratio,
    delta_e_2000,
    delta_e_2000_lab,
    parse_hex,
    relative_luminance,
    simulate,
)


def test_contrast_ratio_extremes_and_a_known_pair() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    # WebAIM's checker: #767676 on white is the lightest grey that passes AA, 4.54:1.
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#ffffff", "#767676") == contrast_ratio("#767676", "#ffffff")


def test_relative_luminance_of_primaries() -> None:
    assert relative_luminance("#ff0000") == pytest.approx(0.2126)
    assert relative_luminance("#00ff00") == pytest.approx(0.7152)
    assert relative_luminance("#0000ff") == pytest.approx(0.0722)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # Sharma, Wu and Dalal (2005), test data pairs 1, 7 and 17.
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ],
)
def test_ciede2000_matches_sharma_test_data(first, second, expected) -> None:
    assert delta_e_2000_lab(first, second) == pytest.approx(expected, abs=1e-4)
    assert delta_e_2000_lab(second, first) == pytest.approx(expected, abs=1e-4)


@pytest.mark.parametrize("deficiency", list(Deficiency))
def test_simulation_keeps_greys(deficiency: Deficiency) -> None:
    for grey in ("#000000", "#808080", "#ffffff"):
        assert delta_e_2000(simulate(grey, deficiency), grey) < 1.0


def test_red_green_confusion_collapses_for_red_green_deficiencies_only() -> None:
    red, green = "#cc3333", "#669933"
    normal = delta_e_2000(red, green)
    assert delta_e_2000(simulate(red, Deficiency.DEUTERANOPIA), simulate(green, Deficiency.DEUTERANOPIA)) < 10
    assert (
        delta_e_2000(simulate(red, Deficiency.PROTANOPIA), simulate(green, Deficiency.PROTANOPIA))
        < normal / 2
    )
    assert delta_e_2000(simulate(red, Deficiency.TRITANOPIA), simulate(green, Deficiency.TRITANOPIA)) > 40


def test_blue_green_confusion_collapses_for_tritanopia() -> None:
    blue, teal = "#3366ff", "#33cc99"
    tritan = delta_e_2000(simulate(blue, Deficiency.TRITANOPIA), simulate(teal, Deficiency.TRITANOPIA))
    assert tritan < delta_e_2000(blue, teal) / 2


@pytest.mark.parametrize("bad", ["fff", "#ffff", "#gg0000", "red", ""])
def test_bad_colours_are_refused_with_the_text(bad: str) -> None:
    with pytest.raises(ValueError, match="not a #rrggbb colour"):
        parse_hex(bad)
