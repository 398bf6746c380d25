"""The application's look from the preferences: Qt palette, focus rings and text size.

Widgets take their colours from the palette built here, so a dark theme leaves
no light widget behind; the pairs come from ``theme.TEXT_PAIRS``, the table the
contrast test checks. The text size scales the system font (100–200 %), so the
app follows the desktop's font by default.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from app.services import settings as options
from app.ui.theme import THEMES, Theme, pair

TEXT_PERCENTS = (100, 125, 150, 175, 200)
MIN_PERCENT, MAX_PERCENT = TEXT_PERCENTS[0], TEXT_PERCENTS[-1]
_BASE_FONT_PROPERTY = "fibromap_system_font"

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


@dataclass(frozen=True)
class Appearance:
    """What the preferences say about the look: the theme, the text size and the map's viewpoint."""

    theme: Theme
    text_percent: int = 100
    therapist_view: bool = False

    @property
    def text_factor(self) -> float:
        """The text size as a factor of the system font (1.0–2.0)."""
        return clamp_percent(self.text_percent) / 100

    @property
    def guide_text_factor(self) -> float:
        """The factor for the session guide, whose type is already sized to be read from two metres.

        It grows half as much as the rest (200 % makes it 150 %), so it still fits a laptop screen.
        """
        return 1 + (self.text_factor - 1) / 2


def clamp_percent(percent: int) -> int:
    """Keep a text size within 100–200 %."""
    return max(MIN_PERCENT, min(MAX_PERCENT, int(percent)))


def theme_named(name: str) -> Theme:
    """Return a theme by name, the light one for an unknown name (an old or edited settings file)."""
    return THEMES.get(name, THEMES["light"])


def build_palette(theme: Theme) -> QPalette:
    """Return a Qt palette whose every text/background pair is one of the theme's checked pairs."""
    palette = QPalette()
    roles = {
        (Role.WindowText, Role.Window): "panel",
        (Role.Text, Role.Base): "card",
        (Role.ButtonText, Role.Button): "panel",
        (Role.ToolTipText, Role.ToolTipBase): "card",
        (Role.HighlightedText, Role.Highlight): "accent",
        (Role.PlaceholderText, Role.AlternateBase): "card_muted",
    }
    for (text_role, background_role), name in roles.items():
        text, background = pair(theme, name)
        for group in (Group.Active, Group.Inactive, Group.Disabled):
            palette.setColor(group, text_role, QColor(text))
            palette.setColor(group, background_role, QColor(background))
    muted, _ = pair(theme, "panel_muted")
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(Group.Disabled, role, QColor(muted))
    palette.setColor(Role.Link, QColor(pair(theme, "link")[0]))
    palette.setColor(Role.LinkVisited, QColor(pair(theme, "link")[0]))
    palette.setColor(Role.BrightText, QColor(theme.caution_text))
    for role, colour in (
        (Role.Light, theme.card_fill),
        (Role.Midlight, theme.legend_fill),
        (Role.Mid, theme.card_edge),
        (Role.Dark, theme.card_edge),
        (Role.Shadow, theme.contour),
    ):
        palette.setColor(role, QColor(colour))
    palette.setColor(Role.Accent, QColor(theme.focus))
    return palette


def system_font() -> QFont:
    """Return the desktop's font as it was before FibroMap scaled it."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = app.property(_BASE_FONT_PROPERTY)
    if isinstance(saved, QFont):
        return QFont(saved)
    font = QGuiApplication.font()
    app.setProperty(_BASE_FONT_PROPERTY, QFont(font))
    return font


def scaled_font(percent: int) -> QFont:
    """Return the system font at a text size (100–200 %)."""
    font = system_font()
    factor = clamp_percent(percent) / 100
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    else:
        font.setPixelSize(max(1, round(font.pixelSize() * factor)))
    return font


def appearance_from_settings(settings: QSettings) -> Appearance:
    """Read the appearance preferences."""
    return Appearance(
        theme_named(options.THEME.get(settings)),
        clamp_percent(options.TEXT_PERCENT.get(settings)),
        options.THERAPIST_VIEW.get(settings),
    )


def install_style(text_factor: float) -> None:
    """Give the application the accessible style (Fusion with visible check boxes and focus frames)."""
    from app.ui.accessible_style import AccessibleStyle

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style = app.style()
    if isinstance(style, AccessibleStyle):
        style.text_factor = text_factor
    else:
        # No application style sheet: under one, painting costs a third more and a new
        # application font never reaches existing widgets. The proxy style draws the rings.
        app.setStyle(AccessibleStyle(text_factor))


def save_appearance(settings: QSettings, appearance: Appearance) -> None:
    """Store the appearance preferences."""
    options.THEME.set(settings, appearance.theme.name)
    options.TEXT_PERCENT.set(settings, appearance.text_percent)
    options.THERAPIST_VIEW.set(settings, appearance.therapist_view)


def apply_to_application(appearance: Appearance, style_now: bool = True) -> None:
    """Give the whole application the appearance's palette, focus rings and font.

    Args:
        appearance: what to apply.
        style_now: install the accessible style (:func:`install_style`) now. The start passes
            False: it makes the application with plain Fusion, the style the accessible one
            proxies, paints the window and installs that one when idle. The first picture is
            the same (it has no check box and no keyboard focus frame), and the start skips
            the cost of Python style methods and of the style enums PySide6 makes for them.
    """
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    system_font()  # remember the desktop's font before the first change
    if style_now:
        install_style(appearance.text_factor)
    QApplication.setPalette(build_palette(appearance.theme))
    QApplication.setFont(scaled_font(appearance.text_percent))
    # The widgets hear of it through posted events; deliver them now, so what is laid out
    # next (thumbnails, panel widths, a screenshot) already has the new font and colours.
    for change in (QEvent.Type.ApplicationFontChange, QEvent.Type.ApplicationPaletteChange):
        QCoreApplication.sendPostedEvents(None, change)
