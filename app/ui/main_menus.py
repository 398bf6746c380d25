"""The menu bar and the toolbar, as tables of action ids (None is a separator)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from app.ui.actions import ActionId

A = ActionId
LAYER_ACTIONS = (A.SHOW_ARROWS, A.SHOW_NUMBERS, A.SHOW_LABELS, A.SHOW_POINTS)

MENUS: tuple[tuple[str, tuple[ActionId | None, ...]], ...] = (
    (
        "&File",
        (A.OPEN_PACK, None, A.EXPORT_HANDOUT, A.PRINT_HANDOUT, A.EXPORT_IMAGE, A.EXPORT_ALL, None, A.QUIT),
    ),
    ("&Edit", (A.PREFERENCES,)),
    (
        "&View",
        (
            A.ZOOM_IN,
            A.ZOOM_OUT,
            A.ZOOM_FIT,
            None,
            *LAYER_ACTIONS,
            None,
            A.PLAY_STROKES,
            None,
            A.FULL_SCREEN,
            A.PRESENTATION,
        ),
    ),
    ("&Map", (A.PREVIOUS_MAP, A.NEXT_MAP)),
    ("&Timer", (A.TENDER_ROUND, None, A.TIMER_TOGGLE, A.TIMER_RESET, A.TIMER_STOP)),
    ("&Session", (A.SESSION_GUIDE, A.COURSE_PLANNER)),
    ("S&tudy", (A.QUIZ,)),
    ("&Reference", (A.SEARCH, None, A.PROTOCOL, A.COURSE, None)),
    ("&Help", (A.CONTENT_PROBLEMS, A.ABOUT)),
)

TOOLBAR: tuple[ActionId | None, ...] = (
    A.PREVIOUS_MAP,
    A.NEXT_MAP,
    None,
    *LAYER_ACTIONS,
    A.PLAY_STROKES,
    None,
    A.SESSION_GUIDE,
    A.TENDER_ROUND,
    A.COURSE_PLANNER,
    None,
    A.PROTOCOL,
    A.COURSE,
)


def _fill(
    target: QMenu | QToolBar, entries: Sequence[ActionId | None], actions: dict[ActionId, QAction]
) -> None:
    for entry in entries:
        if entry is None:
            target.addSeparator()
        else:
            target.addAction(actions[entry])


def build_menus(window: QMainWindow, actions: dict[ActionId, QAction]) -> dict[str, QMenu]:
    """Add the menus to the window's menu bar; return them by their (untranslated) title."""
    menus = {}
    for title, entries in MENUS:
        menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", title))
        _fill(menu, entries, actions)
        menus[title] = menu
    return menus


def build_toolbar(window: QMainWindow, actions: dict[ActionId, QAction]) -> QToolBar:
    """Add the main toolbar to the window."""
    toolbar = QToolBar(QCoreApplication.translate("MainWindow", "Main"))
    toolbar.setObjectName("main_toolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    _fill(toolbar, TOOLBAR, actions)
    window.addToolBar(toolbar)
    return toolbar
