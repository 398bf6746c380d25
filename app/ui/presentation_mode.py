"""Entering and leaving presentation mode, and which screen shows what.

Entering takes the main window's central widget out (it is kept, untouched),
puts a :class:`PresentationStage` in its place, hides menus, toolbars, docks and
the status bar, and shows the window full screen on the class's screen; with a
second screen a :class:`PresenterView` window fills the presenter's. Leaving
puts every one of those back exactly as it was: geometry, maximised or full
screen state, bars and docks, the map and its selection (the main window's own
scenes were never touched).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QByteArray, QObject, QRect, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QScreen
from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolBar, QWidget

from app.model.countdown import Clock
from app.model.presentation import Stop, assign_screens
from app.services.library import Library
from app.services.user_data import UserDataStore
from app.ui.presentation_keys import bind_keys
from app.ui.presentation_stage import PresentationStage
from app.ui.presenter_view import PresenterView
from app.ui.theme import HIGH_CONTRAST, Theme


@dataclass
class _SavedWindow:
    """What presentation mode changes in the main window, to put back on leaving."""

    geometry: QByteArray
    normal_geometry: QRect
    state: QByteArray
    window_state: Qt.WindowState
    central: QWidget
    menu_bar: bool
    status_bar: bool
    full_screen_checked: bool
    bars: dict[QWidget, bool] = field(default_factory=dict)


class PresentationMode(QObject):
    """Presentation mode for one main window.

    Args:
        window: the main window (it hosts the stage).
        library: content and maps.
        store: the user's notes, shown to the presenter.
        clock: monotonic seconds.
        full_screen: the F11 action, kept in step with the window.
        window_actions: actions whose keys must work on every presentation window (F5, F11).
        theme: the projector theme.

    Signals:
        active_changed(bool): presentation mode began (True) or ended (False).
    """

    active_changed = Signal(bool)

    def __init__(
        self,
        window: QMainWindow,
        library: Library,
        store: UserDataStore,
        clock: Clock = time.monotonic,
        full_screen: QAction | None = None,
        window_actions: Sequence[QAction] = (),
        theme: Theme = HIGH_CONTRAST,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.library = library
        self.store = store
        self.clock = clock
        self.theme = theme
        self._full_screen = full_screen
        self._window_actions = tuple(window_actions)
        self.stage: PresentationStage | None = None
        self.presenter: PresenterView | None = None  # its own window on a second screen
        self.docked: PresenterView | None = None  # under the map, on one screen (N)
        self.swapped = False
        self._home = 0  # the screen the window was on: the presenter's
        self._saved: _SavedWindow | None = None

    @property
    def active(self) -> bool:
        """Whether the window is presenting."""
        return self.stage is not None

    def set_active(self, on: bool) -> None:
        """Enter (True) or leave (False); doing what is already done does nothing."""
        if on and not self.active:
            self.enter()
        elif not on and self.active:
            self.leave()

    # -- entering and leaving ----------------------------------------------------------------

    def enter(self, map_id: str = "") -> None:
        """Present, starting at ``map_id`` (default: the map the window shows)."""
        if self.active:
            return
        w = self.window
        bars: list[QWidget] = [*w.findChildren(QToolBar), *w.findChildren(QDockWidget)]
        central = w.centralWidget()
        if central is None:
            raise RuntimeError("presentation mode needs a window with a central widget")
        self._saved = _SavedWindow(
            geometry=w.saveGeometry(),
            normal_geometry=w.normalGeometry()
            if w.windowState() != Qt.WindowState.WindowNoState
            else w.geometry(),
            state=w.saveState(),
            window_state=w.windowState(),
            central=central,
            menu_bar=not w.menuBar().isHidden(),
            status_bar=not w.statusBar().isHidden(),
            full_screen_checked=self._full_screen.isChecked() if self._full_screen else False,
            bars={bar: not bar.isHidden() for bar in bars if bar.parent() is w},
        )
        w.takeCentralWidget()
        screens = QGuiApplication.screens()
        self._home = screens.index(w.screen()) if w.screen() in screens else 0
        stage = PresentationStage(self.library, self.clock, self.theme)
        self.stage = stage
        w.setCentralWidget(stage)
        stage.show()  # now, not from the layout's queued show: its keys must work at once
        w.menuBar().hide()
        w.statusBar().hide()
        for bar in self._saved.bars:
            bar.hide()
        bind_keys(stage, self._commands())
        start = map_id or getattr(w, "current_map", "")
        stage.go_to(Stop(start if start in stage.plan.map_ids else stage.plan.map_ids[0]))
        self._sync_full_screen(True)
        self._place()
        w.activateWindow()
        stage.view.setFocus()
        self.active_changed.emit(True)

    def leave(self) -> None:
        """Put the window back exactly as it was before presenting."""
        saved, stage = self._saved, self.stage
        if saved is None or stage is None:
            return
        w = self.window
        stage.playback.stop()
        self._close_presenter()
        self.docked = None
        w.takeCentralWidget()
        stage.hide()
        stage.deleteLater()
        self.stage = None
        w.setCentralWidget(saved.central)
        saved.central.show()
        w.menuBar().setVisible(saved.menu_bar)
        w.statusBar().setVisible(saved.status_bar)
        for bar, visible in saved.bars.items():
            bar.setVisible(visible)
        w.restoreState(saved.state)
        # Leave full screen first: restoring the geometry then sets the old state and place.
        w.setWindowState(Qt.WindowState.WindowNoState)
        w.restoreGeometry(saved.geometry)
        # restoreGeometry keeps a window inside its screen; the window had its own idea.
        w.setGeometry(saved.normal_geometry)
        w.setWindowState(saved.window_state)
        w.show()
        self._sync_full_screen(saved.full_screen_checked)
        self._saved = None
        self.active_changed.emit(False)

    def request_leave(self) -> None:
        """Esc or the presenter's Leave button."""
        self.set_active(False)

    # -- screens ------------------------------------------------------------------------------

    def swap(self) -> None:
        """Exchange the class's screen and the presenter's (S, or the presenter's button)."""
        if self.presenter is None:
            return
        self.swapped = not self.swapped
        self._place()

    def screens(self) -> tuple[QScreen, QScreen | None]:
        """Return (the class's screen, the presenter's screen or None) as things stand."""
        screens = QGuiApplication.screens()
        boxes = [
            (
                float(s.geometry().x()),
                float(s.geometry().y()),
                float(s.geometry().width()),
                float(s.geometry().height()),
            )
            for s in screens
        ]
        audience, presenter = assign_screens(boxes, min(self._home, len(screens) - 1), self.swapped)
        return screens[audience], screens[presenter] if presenter is not None else None

    def _place(self) -> None:
        stage = self.stage
        if stage is None:
            return
        audience, presenter = self.screens()
        _full_screen_on(self.window, audience)
        if presenter is None:
            self._close_presenter()
            return
        if self.presenter is None:
            self.presenter = PresenterView(stage, self.store, self.clock)
            self.presenter.setParent(self.window, Qt.WindowType.Window)
            self.presenter.setWindowTitle(self.window.tr("FibroMap — Presenter"))
            self.presenter.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
            self.presenter.swap_requested.connect(self.swap)
            self.presenter.leave_requested.connect(self.request_leave)
            self.presenter.addActions(list(self._window_actions))
            bind_keys(self.presenter, self._commands())
        _full_screen_on(self.presenter, presenter)
        self.window.activateWindow()

    def _close_presenter(self) -> None:
        if self.presenter is not None:
            self.presenter.close()
            self.presenter.deleteLater()
            self.presenter = None

    def toggle_docked(self) -> None:
        """N on a single screen: show the presenter's view under the map, or hide it."""
        stage = self.stage
        if stage is None or self.presenter is not None:
            return
        if self.docked is None:
            self.docked = PresenterView(stage, self.store, self.clock, stage, compact=True)
            stage.layout_.addWidget(self.docked)
            self.docked.show()
            stage.keep_blank_on_top()
            return
        stage.layout_.removeWidget(self.docked)
        self.docked.deleteLater()
        self.docked = None

    def _sync_full_screen(self, on: bool) -> None:
        if self._full_screen is not None:
            blocked = self._full_screen.blockSignals(True)
            self._full_screen.setChecked(on)
            self._full_screen.blockSignals(blocked)

    def _presenter_now(self) -> PresenterView | None:
        return self.presenter or self.docked

    def _commands(self) -> dict[str, Callable[[], object]]:
        stage = self.stage
        assert stage is not None  # only bound while presenting

        def hold_timer() -> None:
            presenter = self._presenter_now()
            if presenter is not None:
                presenter.toggle_hold()

        return {
            "next": lambda: stage.step(1),
            "previous": lambda: stage.step(-1),
            "next_map": lambda: stage.step_map(1),
            "previous_map": lambda: stage.step_map(-1),
            "next_region": lambda: stage.focus_next_region(1),
            "previous_region": lambda: stage.focus_next_region(-1),
            "open_region": stage.open_focused,
            "close_card": stage.close_card,
            "scroll_down": lambda: stage.scroll_card(0.5),
            "scroll_up": lambda: stage.scroll_card(-0.5),
            "blank": stage.toggle_blank,
            "halo": stage.toggle_halo,
            "play": stage.toggle_playback,
            "hold_timer": hold_timer,
            "presenter": self.toggle_docked,
            "swap": self.swap,
            "leave": self.request_leave,
        }


def _full_screen_on(widget: QWidget, screen: QScreen) -> None:
    """Show a top-level widget full screen on a given screen (moving it there first)."""
    if widget.screen() is screen and widget.isFullScreen():
        return
    if widget.isFullScreen():
        widget.showNormal()
    handle = widget.windowHandle()
    if handle is not None:
        handle.setScreen(screen)
    widget.move(screen.geometry().topLeft())
    widget.showFullScreen()
