"""Applies the preferences to a running main window: theme, text size, viewpoint, cue defaults.

Nothing is rebuilt that holds the user's place: the maps are restyled in place
(selection, zoom and keyboard focus stay), the card panel shows the same thing
again, the timer keeps counting. A session guide in the middle of a session keeps
its colours until it closes (rebuilding it would lose the session's timers); one
that is idle is rebuilt; so is a hidden quiz window. Presentation mode keeps its
own high-contrast projector colours whatever the theme.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.model.viewpoint import Viewpoint
from app.services import settings as options
from app.ui.actions import ActionId
from app.ui.appearance import Appearance, apply_to_application
from app.ui.body_map_scene import BodyMapScene
from app.ui.map_navigator import render_thumbnail
from app.ui.notices import style_problem_bar

PANEL_WIDTHS = (210, 420)  # the map list and the card column at 100 % text, as the window lays them out
MAP_WIDTH = 900
CARD_MIN_WIDTH = 300
NAVIGATOR_MIN_WIDTH = 194
MIN_MAP_SHARE = 0.45
_PLAIN_COPIES: weakref.WeakKeyDictionary[MainWindow, dict[str, BodyMapScene]] = weakref.WeakKeyDictionary()

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def viewpoint_of(appearance: Appearance) -> Viewpoint:
    """Return whose left and right the maps name."""
    return Viewpoint.THERAPIST if appearance.therapist_view else Viewpoint.CLIENT


def side_note(appearance: Appearance) -> str:
    """Return the status bar's words on whose left and right the map shows."""
    if appearance.therapist_view:
        return _tr("sides as the therapist sees them (client's in brackets)")
    return _tr("left and right are the client's, as labelled")


def apply_appearance(window: MainWindow, appearance: Appearance) -> None:
    """Give a main window (and the application) an appearance at once."""
    apply_to_application(appearance)
    theme = appearance.theme
    fit_panels_to_text(
        window, appearance.text_factor, appearance.text_percent != window.appearance.text_percent
    )
    window.appearance = appearance
    window.theme = theme
    window.actions_by_id[ActionId.PLAY_STROKES].setChecked(False)  # playback restores the map first
    window.playback.set_theme(theme)
    viewpoint = viewpoint_of(appearance)
    for map_id, scene in window.scenes.items():
        scene.set_theme(theme)
        scene.set_viewpoint(viewpoint)
        # A plain copy for the thumbnail: the shown map may carry a selection or the focus ring.
        # Copies are built once per window (placing the numbers is the costly part), then restyled.
        copies = _PLAIN_COPIES.setdefault(window, {})
        plain = copies.get(map_id)
        if plain is None:
            plain = BodyMapScene(scene.body_map, scene.info, theme, scene.point_names, viewpoint)
            plain.setParent(window)
            copies[map_id] = plain
        plain.set_theme(theme)
        plain.set_viewpoint(viewpoint)
        window.navigator.set_thumbnail(map_id, render_thumbnail(plain))
    window.cards.set_theme(theme)
    window.timer.set_theme(theme)
    window.timer.set_cue_defaults(
        options.SOUND_CUES.get(window.settings), options.GET_READY.get(window.settings)
    )
    style_problem_bar(window.problem_bar, theme)
    guide = window.session_guide
    if guide is not None and not guide.running:
        was_shown = guide.isVisible()
        guide.close()
        guide.deleteLater()
        window.session_guide = None
        if was_shown:
            window.open_session_guide()
    quiz = window.quiz_window
    if quiz is not None and not quiz.isVisible():  # a hidden quiz is rebuilt in the new theme when asked for
        quiz.deleteLater()
        window.quiz_window = None
    if window.current_map:
        window.refresh_map_label()


def fit_panels_to_text(window: MainWindow, text_factor: float, resize: bool = True) -> None:
    """Give the map list and the cards more room as the text grows (the map scales itself).

    The card column's minimum grows too, so no layout can squeeze larger text off it.
    """
    grow = text_factor**0.5
    window.cards.setMinimumWidth(round(CARD_MIN_WIDTH * grow))
    window.navigator.setMinimumWidth(
        round(NAVIGATOR_MIN_WIDTH * grow)
    )  # names under thumbnails wrap, not elide
    if not resize:
        return
    sizes = window.splitter.sizes()
    total = sum(sizes) if len(sizes) == 3 and sum(sizes) > 0 else 0
    left, right = PANEL_WIDTHS[0] * grow, PANEL_WIDTHS[1] * grow
    if total:
        room = total * (1 - MIN_MAP_SHARE)  # the map keeps at least this share of the width
        if left + right > room:
            left, right = left * room / (left + right), right * room / (left + right)
        centre = total - round(left) - round(right)
    else:
        centre = MAP_WIDTH  # not laid out yet: the splitter shares out the real width later
    window.splitter.setSizes([round(left), centre, round(right)])
