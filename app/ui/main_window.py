"""The main window: map navigator | map canvas | card panel, with menus and a status bar."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QColor, QPixmap
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.model.content import MapInfo
from app.model.wording import counted
from app.services import settings as options
from app.services.library import Library
from app.services.user_data import UserDataStore
from app.ui.actions import ActionId, make_actions
from app.ui.appearance import appearance_from_settings
from app.ui.appearance_controller import apply_appearance, fit_panels_to_text, side_note, viewpoint_of
from app.ui.body_map_scene import BodyMapScene
from app.ui.body_map_view import BodyMapView
from app.ui.card_context import CardContext
from app.ui.card_panel import SIDE_WORDS, CardPanel
from app.ui.first_paint import after_first_paint
from app.ui.main_menus import build_menus, build_toolbar
from app.ui.map_navigator import THUMB, MapNavigator, render_thumbnail
from app.ui.notices import problem_bar, show_about, show_problems
from app.ui.pack_opening import PackOpener, connect_pack_opening, pack_lines
from app.ui.panel_split import PanelSplit
from app.ui.scene_shelf import IdleQueue, SceneShelf
from app.ui.starred_list import StarredList
from app.ui.theme import Theme
from app.ui.toolbar_fit import ToolbarLabels

if TYPE_CHECKING:
    # Imported where they are opened: the start needs none of them (nor QtPrintSupport).
    from app.model.countdown import Clock
    from app.model.search_index import SearchHit
    from app.ui.handout_commands import HandoutCommands
    from app.ui.playback_bar import PlaybackBar
    from app.ui.presentation_mode import PresentationMode
    from app.ui.quiz_window import QuizWindow
    from app.ui.search_popup import SearchPopup
    from app.ui.session_guide import SessionGuideWindow
    from app.ui.stroke_playback_view import PlaybackOverlay
    from app.ui.timer_panel import TimerPanel

LAYERS = {
    ActionId.SHOW_ARROWS: ("arrows", options.SHOW_ARROWS),
    ActionId.SHOW_NUMBERS: ("numbers", options.SHOW_NUMBERS),
    ActionId.SHOW_LABELS: ("labels", options.SHOW_LABELS),
    ActionId.SHOW_POINTS: ("points", options.SHOW_POINTS),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    """FibroMap's main window; it decides what opens when the map reports a click."""

    def __init__(
        self,
        library: Library,
        theme: Theme | None = None,
        clock: Clock = time.monotonic,
        store: UserDataStore | None = None,
        notices: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self.library = library
        self.notices = list(notices)  # said in the problem bar (a preferences file set aside, say)
        self.store = store if store is not None else UserDataStore(parent=self)
        self.settings = options.open_settings()
        self.appearance = appearance_from_settings(self.settings)
        if theme is not None:  # a caller's theme wins over the preference (tests, screenshots)
            self.appearance = replace(self.appearance, theme=theme)
        self.theme = theme = self.appearance.theme
        self.setWindowTitle(APP_NAME)
        # Scenes are built when first needed; thumbnails and the search index in idle time.
        self.scenes = SceneShelf([info.id for info in library.map_infos()], self._build_scene)
        self.idle = IdleQueue(self)
        self.current_map = ""
        self.pack_opener: PackOpener | None = None

        self.navigator = MapNavigator()
        self.view = BodyMapView()
        self.view.setAccessibleName(_tr("Body map"))
        context = CardContext(
            library.catalog,
            theme,
            open_sections={key: option.get(self.settings) for key, option in options.CARD_SECTIONS.items()},
            notes=self.store,
            report=self._report_save_problem,
        )
        self.cards = CardPanel(context)
        self.cards.technique_requested.connect(self.show_technique)
        self.cards.map_requested.connect(self.show_technique_on_map)
        self.cards.section_toggled.connect(lambda key, on: options.CARD_SECTIONS[key].set(self.settings, on))
        self.cards.timer_requested.connect(self.open_timer)
        self.clock = clock
        self.session_guide: SessionGuideWindow | None = None
        self.quiz_window: QuizWindow | None = None
        # Stroke playback and its bar are made when first used (see the properties).
        self._playback: PlaybackOverlay | None = None
        self._playback_bar: PlaybackBar | None = None
        self._search: SearchPopup | None = None
        self._timer: TimerPanel | None = None  # made when first opened (see the timer property)
        self.current_point = ""

        self.problem_bar = self._problem_bar()
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        centre_layout.addWidget(self.problem_bar)
        centre_layout.addWidget(self.view, 1)
        self._centre_layout = centre_layout  # the playback bar goes under the map when made

        self.starred = StarredList(library.catalog, self.store)
        self.starred.card_chosen.connect(self.show_technique)
        self.store.changed.connect(lambda _card: self.cards.refresh_stars())
        self.left_tabs = QTabWidget()
        self.left_tabs.addTab(self.navigator, _tr("Maps"))
        self.left_tabs.addTab(self.starred, _tr("Starred"))

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.left_tabs)
        self.splitter.addWidget(centre)
        self.right_column = QSplitter(Qt.Orientation.Vertical)
        timer_place = QWidget()  # the timer's place, hidden until it is made
        timer_place.hide()
        self.right_column.addWidget(timer_place)
        self.right_column.addWidget(self.cards)
        self.right_column.setStretchFactor(1, 1)
        self.right_column.setChildrenCollapsible(False)
        self.splitter.addWidget(self.right_column)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([210, 900, 420])
        fit_panels_to_text(self, self.appearance.text_factor)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.panel_split = PanelSplit(self)  # the user's widths, or the defaults at the real width

        self._handouts: HandoutCommands | None = None  # made on first use (QtPrintSupport is slow to load)
        self.actions_by_id = make_actions(
            self,
            {
                ActionId.QUIT: self.close,
                ActionId.OPEN_PACK: connect_pack_opening(self),
                ActionId.ZOOM_IN: self.view.zoom_in,
                ActionId.ZOOM_OUT: self.view.zoom_out,
                ActionId.ZOOM_FIT: self.view.fit,
                ActionId.NEXT_MAP: lambda: self.step_map(1),
                ActionId.PREVIOUS_MAP: lambda: self.step_map(-1),
                ActionId.FULL_SCREEN: self._set_full_screen,
                ActionId.PRESENTATION: lambda on: self.presentation.set_active(on),
                ActionId.TIMER_TOGGLE: lambda: self.timer.toggle(),
                ActionId.TIMER_RESET: lambda: self.timer.reset(),
                ActionId.TIMER_STOP: lambda: self.timer.stop(),
                ActionId.TENDER_ROUND: self.start_tender_round,
                ActionId.SEARCH: lambda: self.search.popup_over(self),
                ActionId.SESSION_GUIDE: self.open_session_guide,
                ActionId.PLAY_STROKES: self._set_playback,
                ActionId.QUIZ: self.open_quiz,
                ActionId.COURSE_PLANNER: self.open_course_planner,
                ActionId.PROTOCOL: self.cards.show_protocol,
                ActionId.COURSE: self.cards.show_course,
                ActionId.CONTENT_PROBLEMS: self.show_problems,
                ActionId.ABOUT: self.show_about,
                ActionId.EXPORT_HANDOUT: lambda: self.handouts.export_handout(),
                ActionId.PRINT_HANDOUT: lambda: self.handouts.print_current(),
                ActionId.EXPORT_IMAGE: lambda: self.handouts.export_image(),
                ActionId.EXPORT_ALL: lambda: self.handouts.export_all(),
                ActionId.PREFERENCES: self.open_preferences,
                **{
                    aid: (lambda on, layer=layer: self._set_layer(layer, on))
                    for aid, (layer, _) in LAYERS.items()
                },
            },
        )
        for aid, (_, option) in LAYERS.items():
            self.actions_by_id[aid].setChecked(option.get(self.settings))
        self._build_menus()
        # F5 and F11 must work while presenting, when the menus and toolbar are hidden.
        window_keys = [self.actions_by_id[a] for a in (ActionId.PRESENTATION, ActionId.FULL_SCREEN)]
        self.addActions(window_keys)
        self._window_keys = window_keys
        self._presentation: PresentationMode | None = None  # made on the first F5 (see presentation)
        self._set_timer_keys(False)

        self.map_label = QLabel()
        self.map_label.setWordWrap(True)  # at a large text size it takes two lines, not the window's width
        self.hover_label = QLabel()
        self.statusBar().addWidget(self.map_label, 1)
        self.statusBar().addPermanentWidget(self.hover_label)

        blank = QPixmap(THUMB)
        blank.fill(QColor(theme.canvas))
        for info in library.map_infos():
            self.navigator.add_map(info.id, info.title, blank)
            self.idle.add(partial(self._fill_thumbnail, info.id))
        self.navigator.map_chosen.connect(self.show_map)
        self.idle.add(self._warm_hit_test)  # the search index is built on the first Ctrl+F
        after_first_paint(self.view.viewport(), self.idle.start)  # the map first, then the rest

        self._restore()

    def _build_scene(self, map_id: str) -> BodyMapScene:
        info = self.library.catalog.maps[map_id]
        from app.ui.point_names import point_label

        scene = BodyMapScene(
            self.library.maps[map_id],
            info,
            self.theme,
            {p.id: point_label(p) for p in self.library.catalog.points.values()},
            viewpoint_of(self.appearance),
        )
        scene.region_activated.connect(self.show_region)
        scene.point_activated.connect(self.show_point)
        scene.hovered_changed.connect(self._show_hover)
        return scene

    def add_map_scene(self, info: MapInfo) -> None:
        """List a map added later (a content pack) in the navigator; its scene is built when shown."""
        self.scenes.add(info.id)
        self.navigator.add_map(info.id, info.title, render_thumbnail(self.scenes[info.id]))

    def _fill_thumbnail(self, map_id: str) -> None:
        self.navigator.set_thumbnail(map_id, render_thumbnail(self.scenes[map_id]))

    def _warm_hit_test(self) -> None:
        # The first click would otherwise import shapely and build the polygons.
        if self.current_map:
            self.library.maps[self.current_map].index.region_at(0.0, 0.0)

    @property
    def handouts(self) -> HandoutCommands:
        """Export and print of handouts, made on first use (it loads QtPrintSupport)."""
        if self._handouts is None:
            from app.ui.handout_commands import HandoutCommands

            self._handouts = HandoutCommands(
                self.library, lambda: self.current_map, lambda: self.theme, self._show_status, self
            )
        return self._handouts

    @property
    def playback(self) -> PlaybackOverlay:
        """Stroke playback on the map shown, made when first asked for: the start needs none of it."""
        if self._playback is None:
            from app.ui.stroke_playback_view import PlaybackOverlay

            self._playback = PlaybackOverlay(None, self.theme, self.clock, parent=self)
            if self.current_map:
                self._playback.set_scene(self.scenes[self.current_map])
        return self._playback

    @property
    def playback_bar(self) -> PlaybackBar:
        """The playback controls under the map (made, hidden, when first needed)."""
        if self._playback_bar is None:
            from app.ui.playback_bar import PlaybackBar

            self._playback_bar = PlaybackBar()
            self._playback_bar.connect_overlay(self.playback)
            self._playback_bar.stop_requested.connect(self._stop_playback)
            self._playback_bar.hide()
            self._centre_layout.addWidget(self._playback_bar)
        return self._playback_bar

    @property
    def presentation(self) -> PresentationMode:
        """Presentation mode (F5), made when first asked for: the start needs none of it."""
        if self._presentation is None:
            from app.ui.presentation_mode import PresentationMode

            self._presentation = PresentationMode(
                self,
                self.library,
                self.store,
                self.clock,
                self.actions_by_id[ActionId.FULL_SCREEN],
                self._window_keys,
            )
            self._presentation.active_changed.connect(self.actions_by_id[ActionId.PRESENTATION].setChecked)
        return self._presentation

    @property
    def timer(self) -> TimerPanel:
        """The countdown above the cards (made, hidden, when first needed: the start needs none)."""
        if self._timer is None:
            from app.ui.timer_panel import TimerPanel

            self._timer = TimerPanel(self.theme, self.clock)
            self._timer.point_changed.connect(self.show_point)
            self._timer.set_cue_defaults(
                options.SOUND_CUES.get(self.settings), options.GET_READY.get(self.settings)
            )
            self._timer.visibility_changed.connect(self._set_timer_keys)
            place = self.right_column.replaceWidget(0, self._timer)
            if place is not None:
                place.deleteLater()
        return self._timer

    @property
    def search(self) -> SearchPopup:
        """The Ctrl+F box (made, with its index, when first needed or when idle)."""
        if self._search is None:
            from app.model.search_index import build_index
            from app.ui.search_popup import SearchPopup

            self._search = SearchPopup(build_index(self.library.catalog), self)
            self._search.hide()
            self._search.hit_chosen.connect(self.open_hit)
        return self._search

    def _build_menus(self) -> None:
        menus = build_menus(self, self.actions_by_id)
        for page in self.library.catalog.pages.values():
            action = menus["&Reference"].addAction(page.title)
            action.setObjectName(f"page_{page.id}")
            action.triggered.connect(lambda _=False, pid=page.id: self.cards.show_page(pid))
        self.toolbar_labels = ToolbarLabels(build_toolbar(self, self.actions_by_id), self.actions_by_id)

    def _problem_bar(self, parent: QWidget | None = None) -> QWidget:
        lines = []
        if self.library.problems:
            lines.append(
                _tr("{found} in the content; the maps affected are left out.").format(
                    found=counted(len(self.library.problems), "problem was found", "problems were found")
                )
            )
        lines.extend(pack_lines(self.library))
        lines.extend(self.notices)
        if self.store.last_problem:
            lines.append(self.store.last_problem)
        return problem_bar(self.theme, lines, self.show_problems if self.library.problems else None, parent)

    # --- what the map reports -------------------------------------------------

    def show_map(self, map_id: str) -> None:
        """Show a map in the canvas and its overview in the card panel."""
        if map_id not in self.scenes or map_id == self.current_map:
            return
        self.current_map = map_id
        self.current_point = ""
        scene = self.scenes[map_id]
        scene.select_region("")
        self.actions_by_id[ActionId.PLAY_STROKES].setChecked(False)
        if self._playback is not None:
            self._playback.set_scene(scene)  # stops and restores the previous map first
        for aid, (layer, _) in LAYERS.items():
            scene.set_layer_visible(layer, self.actions_by_id[aid].isChecked())
        self.view.show_scene(scene)
        self.navigator.set_current_map(map_id)
        info = self.library.catalog.maps[map_id]
        if self.idle.begun:
            self.cards.show_map(info)
        else:  # the first frame is the map; its overview comes with the first idle turn, a frame on
            self.idle.add(partial(self._show_overview, map_id, self.cards.heading), first=True)
        # The cards a click on this map can show are built in idle time, so a click only shows them.
        for job in self.cards.prepare_jobs(self.library.catalog.techniques_for_regions(map_id)):
            self.idle.add(job)
        self.refresh_map_label()
        self.setWindowTitle(f"{info.title} — {APP_NAME}")

    def _show_overview(self, map_id: str, heading_then: str) -> None:
        # Unless the map changed or something was chosen meanwhile (the panel shows another heading).
        if map_id == self.current_map and self.cards.heading == heading_then:
            self.cards.show_map(self.library.catalog.maps[map_id])

    def refresh_map_label(self) -> None:
        """Say in the status bar which map is shown and whose left and right it names."""
        info = self.library.catalog.maps[self.current_map]
        self.map_label.setText(
            _tr("{title} — {views} — {sides}").format(
                title=info.title, views=", ".join(info.views), sides=side_note(self.appearance)
            )
        )

    def show_region(self, region_id: str) -> None:
        """Show the cards of a region of the current map."""
        info = self.library.catalog.maps[self.current_map]
        self.scenes[self.current_map].select_region(region_id)
        self.cards.show_region(info, region_id)

    def show_point(self, point_id: str) -> None:
        """Show a tender point on its map, marked, with its cards."""
        if (
            self.scenes.get(self.current_map) is None
            or point_id not in self.scenes[self.current_map].point_items
        ):
            owner = next((mid for mid in self.scenes if point_id in self.library.maps[mid].points), None)
            if owner is None:
                return
            self.show_map(owner)
        self.scenes[self.current_map].select_point(point_id)
        self.current_point = point_id
        self.cards.show_point(point_id)

    def open_timer(self, technique_id: str) -> None:
        """Open the countdown with a card's duration (from the content), named for what is timed."""
        technique = self.library.catalog.techniques[technique_id]
        if not technique.duration_seconds:
            return
        title = technique.title
        point = self.library.catalog.points.get(self.current_point)
        if point is not None and technique_id in point.techniques:
            from app.ui.point_names import point_label

            title = point_label(point)
        self.timer.open_hold(title, technique.duration_seconds)

    def start_tender_round(self) -> None:
        """Open the round through every drawn tender point, head to knee, left then right."""
        drawn = {pid for mid in self.scenes for pid in self.library.maps[mid].points}
        from app.model.tender_round import round_order

        points = round_order(p for p in self.library.catalog.points.values() if p.id in drawn)
        timed = (
            self.library.catalog.techniques[t]
            for p in points
            for t in p.techniques
            if self.library.catalog.techniques[t].duration_seconds
        )
        hold = next(timed, None)
        if not points or hold is None or hold.duration_seconds is None:
            self.statusBar().showMessage(_tr("The content has no timed tender points."), 8000)
            return
        self.timer.open_round(points, hold.duration_seconds)

    def _set_timer_keys(self, on: bool) -> None:
        # Space, R and Esc belong to the timer only while it is shown.
        for action_id in (ActionId.TIMER_TOGGLE, ActionId.TIMER_RESET, ActionId.TIMER_STOP):
            self.actions_by_id[action_id].setEnabled(on)

    def open_hit(self, hit: SearchHit) -> None:
        """Go to what a search result names: its map, region, card, point or page."""
        from app.model.search_index import HitKind

        if hit.kind is HitKind.MAP:
            self.show_map(hit.target_id)
        elif hit.kind is HitKind.REGION and hit.map_id in self.scenes:  # not a map left out
            self.show_map(hit.map_id)
            self.show_region(hit.target_id)
        elif hit.kind is HitKind.TECHNIQUE:
            self.show_technique(hit.target_id)
        elif hit.kind is HitKind.POINT:
            self.show_point(hit.target_id)
        elif hit.kind is HitKind.PAGE:
            self.cards.show_page(hit.target_id)
        elif hit.kind is HitKind.PROTOCOL:
            self.cards.show_protocol()
        else:  # a course phase or a rule
            self.cards.show_course()

    def show_technique(self, technique_id: str) -> None:
        """Show one card, and where it applies on the current map."""
        self.cards.show_technique(technique_id)
        self.show_technique_on_map(technique_id)

    def show_technique_on_map(self, technique_id: str) -> None:
        """Highlight the regions and arrows of the current map where a technique applies."""
        scene = self.scenes.get(self.current_map)
        if scene is None:
            return
        info = self.library.catalog.maps[self.current_map]
        everywhere = technique_id in {t.id for t in self.library.catalog.techniques_for_map(info.id)}
        regions = [rid for rid, r in info.regions.items() if everywhere or technique_id in r.techniques]
        scene.highlight_regions(regions)
        scene.highlight_arrows(
            a.order for a in scene.body_map.arrows if a.region in regions or a.technique == technique_id
        )
        count = len(regions)
        self.statusBar().showMessage(
            _tr("{title}: {regions} of this map").format(
                title=self.library.catalog.techniques[technique_id].title, regions=counted(count, "region")
            )
            if count
            else _tr("This technique has no region on this map; try another map."),
            8000,
        )

    def step_map(self, delta: int) -> None:
        """Go to the next (1) or previous (-1) map, wrapping around."""
        ids = self.navigator.map_ids()
        if ids:
            index = ids.index(self.current_map) if self.current_map in ids else 0
            self.show_map(ids[(index + delta) % len(ids)])

    def _show_hover(self, region_id: str) -> None:
        if not region_id:
            self.hover_label.setText("")
            return
        region = self.library.catalog.maps[self.current_map].regions[region_id]
        side = SIDE_WORDS.get(region.side or "")
        parts = [region.name, region.view, _tr(side) if side else None]
        self.hover_label.setText(" — ".join(p for p in parts if p))

    def _stop_playback(self) -> None:
        self.actions_by_id[ActionId.PLAY_STROKES].setChecked(False)

    def _set_playback(self, on: bool) -> None:
        self.playback_bar.setVisible(on)
        if on:
            self.playback.play()
        else:
            self.playback.stop()

    def _set_layer(self, layer: str, on: bool) -> None:
        self.actions_by_id[ActionId.PLAY_STROKES].setChecked(False)
        for name, option in LAYERS.values():
            if name == layer and option.get(self.settings) != on:  # the start sets the stored value
                option.set(self.settings, on)
        for scene in self.scenes.built().values():  # a scene built later gets them in show_map
            scene.set_layer_visible(layer, on)

    def _set_full_screen(self, on: bool) -> None:
        self.showFullScreen() if on else self.showNormal()

    # --- dialogs ----------------------------------------------------------------

    def open_session_guide(self) -> None:
        """Open the session guide, a window of its own (Ctrl+G)."""
        if self.session_guide is None:
            from app.ui.session_guide import SessionGuideWindow

            self.session_guide = SessionGuideWindow(
                self.library.catalog,
                self.library.maps,
                self.theme,
                self.clock,
                text_factor=self.appearance.guide_text_factor,
                sound_cues=options.SOUND_CUES.get(self.settings),
                get_ready=options.GET_READY.get(self.settings),
                parent=self,
            )
        self.session_guide.showMaximized()
        self.session_guide.activateWindow()

    def open_quiz(self) -> None:
        """Open the quiz on the current map, a window of its own (Ctrl+Shift+Q)."""
        if self.quiz_window is None:
            from app.ui.quiz_window import QuizWindow

            self.quiz_window = QuizWindow(self.library, self.theme, parent=self)
        # A quiz in progress on this map is brought back, not thrown away.
        if not (self.quiz_window.isVisible() and self.quiz_window.map_box.currentData() == self.current_map):
            self.quiz_window.start(self.current_map)
        self.quiz_window.show()
        self.quiz_window.activateWindow()

    def open_course_planner(self) -> None:
        """Plan the course of treatment on a calendar."""
        from app.ui.course_planner import CoursePlannerDialog

        CoursePlannerDialog(self.library.catalog, self, theme=self.theme).exec()

    def open_preferences(self) -> None:
        """Edit the preferences; each change applies at once (Ctrl+,)."""
        from app.ui.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self)
        dialog.changed.connect(lambda: apply_appearance(self, appearance_from_settings(self.settings)))
        dialog.exec()

    def show_problems(self) -> None:
        """List every problem found while loading the content."""
        show_problems(self, self.library.problems)

    def show_about(self) -> None:
        """Show sources, disclaimer and version."""
        show_about(self, self.library.catalog)

    def _restore(self) -> None:
        geometry = options.WINDOW_GEOMETRY.get(self.settings)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1440, 900)
        state = options.WINDOW_STATE.get(self.settings)
        if not state.isEmpty():
            self.restoreState(state)
        self.panel_split.restore(options.PANEL_SPLIT.get(self.settings))
        ids = self.navigator.map_ids()
        last = options.LAST_MAP.get(self.settings)
        if ids:
            self.show_map(last if last in ids else ids[0])

    def _show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    def _report_save_problem(self, message: str) -> None:
        QMessageBox.warning(self, _tr("Not saved"), message)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Qt override."""
        if self._presentation is not None:
            self._presentation.set_active(False)  # so the window's own geometry is saved
        self.cards.flush_notes()
        if self.session_guide is not None:
            self.session_guide.close()
        if self.quiz_window is not None:
            self.quiz_window.close()
        options.WINDOW_GEOMETRY.set(self.settings, self.saveGeometry())
        options.WINDOW_STATE.set(self.settings, self.saveState())
        options.PANEL_SPLIT.set(self.settings, self.panel_split.state())
        options.LAST_MAP.set(self.settings, self.current_map)
        self.settings.sync()
        super().closeEvent(event)
