"""Colour science for the themes: WCAG contrast, colour-vision simulation and colour difference.

Pure Python so the theme checks run without Qt. Colours are ``#rrggbb`` strings.

- Contrast follows WCAG 2.2 (relative luminance of linearised sRGB).
- Colour-vision deficiencies are simulated with the matrices of Machado, Oliveira and
  Fernandes (2009), "A physiologically-based model for simulation of color vision
  deficiency", IEEE TVCG 15(6), at severity 1.0, applied to linear RGB.
- Colour difference is CIEDE2000 (Sharma, Wu and Dalal 2005) in CIELAB under D65.
"""

from __future__ import annotations

import math
from enum import Enum

RGB = tuple[float, float, float]
Matrix = tuple[RGB, RGB, RGB]


class Deficiency(Enum):
    """The colour-vision deficiencies the map palette must survive (dichromacy, severity 1.0)."""

    PROTANOPIA = "protanopia"
    DEUTERANOPIA = "deuteranopia"
    TRITANOPIA = "tritanopia"


# Machado et al. 2009, table of severity 1.0 (linear RGB in, linear RGB out).
MACHADO_MATRICES: dict[Deficiency, Matrix] = {
    Deficiency.PROTANOPIA: (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    Deficiency.DEUTERANOPIA: (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    Deficiency.TRITANOPIA: (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}

# D65 white in XYZ (Y = 1).
_WHITE = (0.95047, 1.0, 1.08883)


def parse_hex(colour: str) -> RGB:
    """Return the sRGB channels (0–1) of a ``#rrggbb`` colour.

    Raises:
        ValueError: the text is not a ``#rrggbb`` colour.
    """
    text = colour.strip()
    if len(text) != 7 or not text.startswith("#"):
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    try:
        return (int(text[1:3], 16) / 255, int(text[3:5], 16) / 255, int(text[5:7], 16) / 255)
    except ValueError:
        raise ValueError(f"not a #rrggbb colour: {colour!r}") from None


def to_hex(rgb: RGB) -> str:
    """Return ``#rrggbb`` for sRGB channels (clipped to 0–1)."""
    return "#" + "".join(f"{round(min(1.0, max(0.0, c)) * 255):02x}" for c in rgb)


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _gamma(channel: float) -> float:
    channel = min(1.0, max(0.0, channel))
    return channel * 12.92 if channel <= 0.0031308 else 1.055 * channel ** (1 / 2.4) - 0.055


def linear_rgb(colour: str) -> RGB:
    """Return a colour's linear-light RGB."""
    r, g, b = parse_hex(colour)
    return _linear(r), _linear(g), _linear(b)


def relative_luminance(colour: str) -> float:
    """Return the WCAG relative luminance (0 for black, 1 for white)."""
    r, g, b = linear_rgb(colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground: str, background: str) -> float:
    """Return the WCAG contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def simulate(colour: str, deficiency: Deficiency) -> str:
    """Return how a colour looks with a colour-vision deficiency (Machado 2009, severity 1.0)."""
    rgb = linear_rgb(colour)
    matrix = MACHADO_MATRICES[deficiency]
    out = tuple(sum(row[i] * rgb[i] for i in range(3)) for row in matrix)
    return to_hex((_gamma(out[0]), _gamma(out[1]), _gamma(out[2])))


def to_lab(colour: str) -> RGB:
    """Return a colour's CIELAB coordinates (D65, 2° observer)."""
    r, g, b = linear_rgb(colour)
    xyz = (
        0.4124564 * r + 0.3575761 * g + 0.1804375 * b,
        0.2126729 * r + 0.7151522 * g + 0.0721750 * b,
        0.0193339 * r + 0.1191920 * g + 0.9503041 * b,
    )

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = (f(value / white) for value, white in zip(xyz, _WHITE, strict=True))
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e_2000(first: str, second: str) -> float:
    """Return the CIEDE2000 colour difference of two colours (about 2.3 is just noticeable)."""
    return delta_e_2000_lab(to_lab(first), to_lab(second))


def delta_e_2000_lab(first: RGB, second: RGB) -> float:
    """Return the CIEDE2000 difference of two CIELAB colours (Sharma, Wu and Dalal 2005)."""
    l1, a1, b1 = first
    l2, a2, b2 = second
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dl, dc = l2 - l1, c2p - c1p
    dh = 0.0
    if c1p * c2p:
        dh = h2p - h1p
        if dh > 180:
            dh -= 360
        elif dh < -180:
            dh += 360
    d_h = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    l_mean, cp_mean = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_mean = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_mean = (h1p + h2p) / 2
    else:
        h_mean = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_mean - 30))
        + 0.24 * math.cos(math.radians(2 * h_mean))
        + 0.32 * math.cos(math.radians(3 * h_mean + 6))
        - 0.20 * math.cos(math.radians(4 * h_mean - 63))
    )
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    s_c = 1 + 0.045 * cp_mean
    s_h = 1 + 0.015 * cp_mean * t
    r_t = (
        -2
        * math.sqrt(cp_mean**7 / (cp_mean**7 + 25**7))
        * math.sin(math.radians(60 * math.exp(-(((h_mean - 275) / 25) ** 2))))
    )
    return math.sqrt((dl / s_l) ** 2 + (dc / s_c) ** 2 + (d_h / s_h) ** 2 + r_t * (dc / s_c) * (d_h / s_h))
