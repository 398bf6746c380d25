"""Every toolbar button stays on screen at 1440 x 900 for every text size, without the » menu."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QToolBar, QToolButton

from app.services.library import load_library
from app.ui.actions import ActionId
from app.ui.appearance import Appearance
from app.ui.appearance_controller import apply_appearance
from app.ui.theme import LIGHT
from app.ui.toolbar_fit import SHORT_LABELS
from tests.ui.events import settle


@pytest.fixture(scope="module")
def library():
    return load_library()


def _hidden_buttons(window) -> list[str]:
    """Name every toolbar action that is not shown as a whole button on the bar."""
    bar = window.findChild(QToolBar, "main_toolbar")
    extension = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    hidden = ["the » menu is shown"] if extension is not None and extension.isVisible() else []
    for action in bar.actions():
        if action.isSeparator():
            continue
        button = bar.widgetForAction(action)
        if button is None or not button.isVisible() or not bar.rect().contains(button.geometry()):
            hidden.append(action.text())
        elif button.sizeHint().width() > button.width():
            hidden.append(f"{action.text()} (clipped)")
    return hidden


@pytest.mark.parametrize("percent", [100, 125, 150, 175, 200])
def test_every_button_fits_at_1440_wide(make_window, library, restore_appearance, percent):
    window = make_window(library, show=False)
    apply_appearance(window, Appearance(LIGHT, percent))  # before the window is laid out, as at start
    window.resize(QSize(1440, 900))
    window.show()
    settle()
    assert window.width() == 1440
    assert _hidden_buttons(window) == []
    bar = window.findChild(QToolBar, "main_toolbar")
    round_button = bar.widgetForAction(window.actions_by_id[ActionId.TENDER_ROUND])
    # Short or not, the button keeps the full name for a screen reader and a description as its tip.
    assert round_button.accessibleName() == "Tender-Point Round"
    assert round_button.toolTip() == "Hold each of the 18 tender points in turn"
    assert window.toolbar_labels.short == (percent > 100)
    assert window.actions_by_id[ActionId.TENDER_ROUND].text() == "Tender-Point &Round…"  # the menu's


def test_labels_follow_a_text_size_change_and_a_resize(make_window, library, restore_appearance):
    window = make_window(library, show=False)
    window.resize(QSize(1440, 900))
    window.show()
    settle()
    labels = window.toolbar_labels
    assert not labels.short
    apply_appearance(window, Appearance(LIGHT, 200))  # Preferences, while the window is open
    settle()
    assert labels.short
    assert _hidden_buttons(window) == []
    assert window.actions_by_id[ActionId.PROTOCOL].iconText() == SHORT_LABELS[ActionId.PROTOCOL]
    apply_appearance(window, Appearance(LIGHT, 100))
    settle()
    assert not labels.short
    assert window.actions_by_id[ActionId.PROTOCOL].iconText() == "The 8-Step Protocol"
    window.resize(QSize(1000, 800))  # too narrow for the full labels even at 100 %
    settle()
    assert labels.short
    assert _hidden_buttons(window) == []
