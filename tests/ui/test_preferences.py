"""Edit ▸ Preferences: every change is stored and applies at once to the whole window."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QToolButton

from app.services import settings as options
from app.ui.actions import ActionId
from app.ui.appearance import system_font
from app.ui.preferences_dialog import PreferencesDialog
from app.ui.theme import DARK, HIGH_CONTRAST, LIGHT


def open_preferences(window, qtbot, change) -> None:
    """Open the dialog from its action, make a change in it, close it."""

    def act() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PreferencesDialog))
        change(dialog)
        dialog.reject()

    QTimer.singleShot(0, act)
    window.actions_by_id[ActionId.PREFERENCES].trigger()


def test_theme_applies_at_once_everywhere(make_window, mini_library, qtbot, restore_appearance) -> None:
    window = make_window(mini_library)
    window.show_region("mini-right")
    window.open_session_guide()
    old_guide = window.session_guide
    open_preferences(window, qtbot, lambda d: d.theme.setCurrentIndex(d.theme.findData("dark")))
    assert options.THEME.get(window.settings) == "dark"
    assert window.theme is DARK
    scene = window.scenes["mini"]
    assert scene.theme is DARK
    assert scene.backgroundBrush().color().name() == QColor(DARK.canvas).name()
    assert scene.region_items["mini-right"].brush().color().name() == QColor(DARK.region_selected).name()
    assert window.cards.theme is DARK
    assert window.cards.heading == "Right part"
    assert window.timer.countdown.theme is DARK
    assert QApplication.palette().window().color().name() == QColor(DARK.legend_fill).name()
    assert window.session_guide is not old_guide
    assert window.session_guide is not None
    assert window.session_guide.isVisible()
    window.session_guide.close()
    open_preferences(window, qtbot, lambda d: d.theme.setCurrentIndex(d.theme.findData("high-contrast")))
    assert scene.theme is HIGH_CONTRAST
    assert window.playback._theme is HIGH_CONTRAST


def test_text_size_and_viewpoint_and_cue_defaults(
    make_window, mini_library, qtbot, restore_appearance
) -> None:  # noqa: F811
    window = make_window(mini_library)
    base = system_font().pointSizeF()

    def change(dialog) -> None:
        dialog.text_size.setCurrentIndex(dialog.text_size.findData(200))
        dialog.therapist_view.setChecked(True)
        dialog.sound.setChecked(False)
        dialog.get_ready.setChecked(False)

    open_preferences(window, qtbot, change)
    assert QApplication.font().pointSizeF() == 2 * base
    # Widgets that already existed follow too (a style sheet would otherwise keep their old font).
    toolbar_button = window.findChild(QToolButton)
    for widget in (window.map_label, window.menuBar(), toolbar_button, window.navigator):
        assert widget.font().pointSizeF() == 2 * base, widget
    assert options.TEXT_PERCENT.get(window.settings) == 200
    assert window.appearance.therapist_view
    assert "therapist" in window.map_label.text()
    assert not window.timer.get_ready.isChecked()
    assert not window.timer.sound.isChecked()
    assert options.SOUND_CUES.get(window.settings) is False
    # A new window starts with the stored preferences.
    again = make_window(mini_library)
    assert again.appearance.text_percent == 200
    assert again.appearance.therapist_view
    assert again.theme is LIGHT


def test_preferences_shortcut_and_names(make_window, mini_library, qtbot) -> None:
    window = make_window(mini_library)
    action = window.actions_by_id[ActionId.PREFERENCES]
    assert "Ctrl+," in [s.toString() for s in action.shortcuts()]
    dialog = PreferencesDialog(window.settings, window)
    qtbot.addWidget(dialog)
    for widget in (dialog.theme, dialog.text_size, dialog.therapist_view, dialog.sound, dialog.get_ready):
        assert widget.accessibleName()
        assert widget.accessibleDescription()
    assert [dialog.theme.itemData(i) for i in range(dialog.theme.count())] == [
        "light",
        "dark",
        "high-contrast",
    ]


def test_the_session_guide_keeps_the_timer_cue_preferences(make_window, qtbot, restore_appearance) -> None:
    # A therapist who turned the sounds and the 3-2-1 count off gets neither in the guide either.
    from app.services.library import load_library

    window = make_window(load_library())
    window.open_session_guide()
    guide = window.session_guide
    guide.start_session(1, guide.start_page.focus_area())
    assert not guide.player.muted
    assert any(c.get_ready for c in guide.countdowns.values()), "the holds begin with 3-2-1 by default"
    guide.close()

    def change(dialog) -> None:
        dialog.sound.setChecked(False)
        dialog.get_ready.setChecked(False)

    open_preferences(window, qtbot, change)
    window.open_session_guide()
    guide = window.session_guide
    guide.start_session(1, guide.start_page.focus_area())
    assert guide.player.muted
    assert not any(c.get_ready for c in guide.countdowns.values())
    guide.close()
