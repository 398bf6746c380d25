"""The session guide: one session of the course, a large screen per step, driven by big buttons or keys.

Keys, as presentation clickers and foot pedals send them: Right or PageDown
next, Left or PageUp back, Space starts and pauses the step's timer (R resets
it), Up and Down show the step's other maps, P says whether the client is
prone, Esc ends the session after a confirmation (Enter ends, Esc again keeps
going), F11 fills the screen. On the start page Enter starts and Esc closes
the guide; on the summary Enter begins another session and Esc closes it. Held keys do not
repeat, so a pedal held down moves one screen only.

The window owns the clock's consumers: one countdown per timed screen (a
screen's timer pauses when you leave it and waits there), the prone watch
and the session record. Nothing about the client is kept.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from app import APP_NAME
from app.model.body_map import BodyMap
from app.model.content import Catalog
from app.model.countdown import Clock, Countdown
from app.model.guide_layout import GuideTimer, TimerKind
from app.model.prone_watch import ProneLevel, ProneWatch
from app.model.session_focus import FocusArea
from app.model.session_guide import GuideStep, ScreenKind, SessionGuide, build_guide
from app.model.session_record import SessionRecord
from app.services.screensaver import ScreenSaverInhibitor
from app.ui.cue_player import CuePlayer
from app.ui.session_guide_bars import NavBar, ProneBanner, TopBar
from app.ui.session_guide_pages import RulesPage, StartPage, SummaryPage, guide_label
from app.ui.session_guide_style import rescale, scale_for, scroller, tr
from app.ui.session_step_page import StepPage
from app.ui.theme import LIGHT, Theme

TICK_MS = 250
K = Qt.Key


class SessionGuideWindow(QWidget):
    """A window that leads a therapist through one session, full screen or not.

    Args:
        catalog: the content.
        maps: the maps that loaded, by id.
        theme: colours.
        text_factor: the text-size preference (1.0–2.0), on top of the window's own scale.
        clock: monotonic seconds for every timer, the prone watch and the record.
        player: plays the cue sounds (default: a new :class:`CuePlayer`).
        inhibitor: keeps the screen awake for the whole session.
        flash: whether timer cues flash (screenshots turn it off).
        sound_cues: whether the cues are heard (the "Sound cues" preference; off mutes the player).
        get_ready: whether holds begin with the 3-2-1 count (the "3-2-1 get-ready count" preference).
        parent: the owning widget (the guide stays a window of its own).

    Signals:
        session_started(): a session began (its intro screen is shown).
        session_ended(): a session ended; its summary is shown.
    """

    session_started = Signal()
    session_ended = Signal()

    def __init__(
        self,
        catalog: Catalog,
        maps: Mapping[str, BodyMap],
        theme: Theme = LIGHT,
        clock: Clock = time.monotonic,
        *,
        player: CuePlayer | None = None,
        inhibitor: ScreenSaverInhibitor | None = None,
        flash: bool = True,
        text_factor: float = 1.0,
        sound_cues: bool = True,
        get_ready: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.catalog = catalog
        self.clock = clock
        self.setWindowTitle(f"{tr('Session guide')} — {APP_NAME}")
        self.setObjectName("SessionGuideWindow")
        self.setStyleSheet(
            f"#SessionGuideWindow, #GuidePage, #GuideColumn {{ background: {theme.canvas}; }}"
            f" QScrollArea, #qt_scrollarea_viewport {{ background: {theme.canvas}; border: none; }}"
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        palette = self.palette()
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
            palette.setColor(role, QColor(theme.canvas))
        self.setPalette(palette)
        self.player = player if player is not None else CuePlayer(self)
        self.player.muted = not sound_cues
        self.get_ready = get_ready
        self.inhibitor = inhibitor if inhibitor is not None else ScreenSaverInhibitor(parent=self)
        self.guide: SessionGuide | None = None
        self.record: SessionRecord | None = None
        self.prone: ProneWatch | None = None
        self.index = 0
        self.scale = 1.0
        self.text_factor = text_factor
        self.countdowns: dict[str, Countdown] = {}
        self.holds: dict[str, int] = {}

        self.start_page = StartPage(catalog, theme)
        self.rules_page = RulesPage(theme)
        self.step_page = StepPage(catalog, maps, theme, self.player)
        self.step_page.timer_column.flash = flash
        self.summary_page = SummaryPage(theme)
        self.pages = QStackedWidget()
        for page in (self.start_page, self.rules_page, self.step_page, self.summary_page):
            page.setObjectName("GuidePage")
            self.pages.addWidget(scroller(page))
        self.top = TopBar(theme)
        self.banner = ProneBanner(theme)
        self.nav = NavBar(theme)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.top)
        layout.addWidget(self.banner)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.nav)

        self.start_page.start_requested.connect(self.start_chosen)
        self.summary_page.new_requested.connect(self.show_start)
        self.summary_page.close_requested.connect(self.close)
        self.nav.previous.clicked.connect(lambda: self.go(-1))
        self.nav.next.clicked.connect(lambda: self.go(1))
        self.nav.end.clicked.connect(self.request_end)
        self.nav.confirm.clicked.connect(self.end_session)
        self.nav.keep.clicked.connect(self.cancel_end)
        self.top.prone.clicked.connect(self.toggle_prone)
        self.step_page.timer_column.finished.connect(self._timer_finished)
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.tick)
        self.show_start()
        if text_factor != 1.0:
            rescale(self, self.scale, text_factor)

    # --- what is shown ------------------------------------------------------------------

    @property
    def running(self) -> bool:
        """Whether a session is under way (between Start and its summary)."""
        return self.record is not None and not self.record.ended

    @property
    def current(self) -> GuideStep | None:
        """The guide's screen shown now, during a session."""
        if self.guide is None or not self.running:
            return None
        return self.guide.screens[self.index]

    def show_start(self) -> None:
        """Show the start page: the session's number and focus."""
        self._set_bars(False)
        self._show_page(self.start_page)
        self.start_page.prepare()

    def start_chosen(self) -> None:
        """Start the session chosen on the start page."""
        self.start_session(self.start_page.session(), self.start_page.focus_area())

    def start_session(self, session: int | None, focus: FocusArea) -> SessionGuide:
        """Lay out a session and show its intro screen; the session clock starts now."""
        if self.running:
            self.end_session()
        guide = build_guide(self.catalog, session, focus)
        self.guide = guide
        self.index = 0
        self.record = SessionRecord(self.clock)
        self.prone = ProneWatch(guide.prone_limit, clock=self.clock) if guide.prone_limit else None
        self.countdowns = {s.key: self._countdown(s.timer) for s in guide.screens if s.timer is not None}
        self.holds = {}
        self.top.session.setText(guide_label(guide))
        self.top.prone.setVisible(self.prone is not None)
        self._set_bars(True)
        self.inhibitor.inhibit(tr("A massage session is being guided"))
        self._ticker.start()
        self.setFocus()
        self.go_to(0)
        self.session_started.emit()
        return guide

    def go(self, delta: int) -> None:
        """Move one screen on (1) or back (-1); on from the last screen ends the session."""
        if not self.running or self.guide is None or self.nav.confirming:
            return
        target = self.index + delta
        if target >= len(self.guide.screens):
            self.end_session()
        elif target >= 0:
            self.go_to(target)

    def go_to(self, index: int) -> None:
        """Show a screen of the session; the timer of the screen left pauses and waits there."""
        assert self.guide is not None
        assert self.record is not None
        self._pause_timer()
        self.index = index
        screen = self.guide.screens[index]
        self.record.enter(screen.key, screen.area, screen.done_step)
        if self.prone is not None and screen.applies:
            self.prone.apply(screen.position)
        if screen.kind is ScreenKind.STEP:
            self.step_page.show_step(screen, len(self.catalog.protocol))
            countdown = self.countdowns.get(screen.key)
            if screen.timer is not None and countdown is not None:
                self.step_page.timer_column.show_timer(screen.timer, countdown, self.holds.get(screen.key, 0))
            self._show_page(self.step_page)
        else:
            self.rules_page.show_screen(self.guide, screen.kind, screen.rules)
            self._show_page(self.rules_page)
        total = len(self.guide.screens)
        self.nav.set_place(index, total)
        self.top.place.setText(tr("Screen {i} of {n}").format(i=index + 1, n=total))
        self.tick()

    # --- commands -----------------------------------------------------------------------

    def toggle_timer(self) -> None:
        """Start, pause or resume the screen's timer (Space)."""
        if self._timer_shown():
            self.step_page.timer_column.widget.toggle()

    def reset_timer(self) -> None:
        """Put the screen's timer back to its full time (R)."""
        if self._timer_shown():
            self.step_page.timer_column.reset()

    def toggle_prone(self) -> None:
        """Say that the client is now prone, or no longer (P)."""
        if self.prone is not None and self.running:
            self.prone.set_prone(not self.prone.prone)
            self.tick()

    def request_end(self) -> None:
        """Ask to confirm the end of the session (Esc)."""
        if self.running:
            self.nav.set_confirming(True)

    def cancel_end(self) -> None:
        """Keep going after all."""
        self.nav.set_confirming(False)

    def end_session(self) -> None:
        """End the session and show its summary."""
        if not self.running or self.guide is None or self.record is None:
            return
        for countdown in self.countdowns.values():
            countdown.stop()
        self.step_page.timer_column.widget.stop()
        if self.prone is not None:
            self.prone.stop()
        summary = self.record.end()
        self._ticker.stop()
        self.inhibitor.release()
        self.nav.set_confirming(False)
        self._set_bars(False)
        self.summary_page.show_summary(self.guide, summary, self.prone.total if self.prone else None)
        self._show_page(self.summary_page)
        self.setFocus()
        self.session_ended.emit()

    def tick(self) -> None:
        """Bring the clock, the prone watch and the timer up to date (every 250 ms while a session runs)."""
        if not self.running or self.record is None:
            return
        self.top.set_time(self.record.elapsed)
        if self.prone is not None:
            for level in self.prone.poll():
                self.player.play("end" if level is ProneLevel.ALARM else "warning")
            self.top.set_prone(self.prone.level, self.prone.stretch, self.prone.limit)
            suggestion = self.guide.prone_suggestion if self.guide is not None else None
            self.banner.show_level(self.prone.level, self.prone.limit, suggestion)
        if self._timer_shown():
            self.step_page.timer_column.widget.tick()
            self.step_page.timer_column.refresh()

    # --- inside -------------------------------------------------------------------------

    def page(self) -> QWidget | None:
        """Return the page shown: start, rules (intro and closing), step or summary."""
        holder = self.pages.currentWidget()
        return holder.widget() if isinstance(holder, QScrollArea) else None

    def _show_page(self, page: QWidget) -> None:
        rescale(
            page, self.scale, self.text_factor
        )  # the page was just filled with widgets at their 1920 × 1080 sizes
        for index in range(self.pages.count()):
            holder = self.pages.widget(index)
            if isinstance(holder, QScrollArea) and holder.widget() is page:
                self.pages.setCurrentIndex(index)

    def _countdown(self, timer: GuideTimer) -> Countdown:
        if not self.get_ready:  # the preference turned the 3-2-1 count off, here as in the timer panel
            timer = replace(timer, get_ready=0)
        return timer.countdown(self.clock)

    def _timer_shown(self) -> bool:
        screen = self.current
        return screen is not None and screen.kind is ScreenKind.STEP and screen.key in self.countdowns

    def _pause_timer(self) -> None:
        if self._timer_shown():
            self.step_page.timer_column.widget.pause()

    def _timer_finished(self) -> None:
        screen = self.current
        if screen is None or screen.timer is None or self.record is None:
            return
        if screen.timer.kind is TimerKind.HOLD:
            self.holds[screen.key] = self.holds.get(screen.key, 0) + 1
            self.record.hold_completed()
            self.step_page.timer_column.holds = self.holds[screen.key]
        else:
            self.record.timer_completed()
        self.step_page.timer_column.refresh()

    def _set_bars(self, on: bool) -> None:
        self.top.setVisible(on)
        self.nav.setVisible(on)
        if not on:
            self.banner.setVisible(False)

    # --- Qt overrides -------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Route the guide's keys (Qt override)."""
        key = K(event.key())
        if key == K.Key_F11:
            self.showNormal() if self.isFullScreen() else self.showFullScreen()
        elif self.page() is self.start_page and key in (K.Key_Return, K.Key_Enter):
            self.start_chosen()
        elif self.page() is self.start_page and key == K.Key_Escape:
            self.close()
        elif self.page() is self.summary_page and key in (K.Key_Return, K.Key_Enter):
            self.show_start()
        elif self.page() is self.summary_page and key == K.Key_Escape:
            self.close()
        elif self.running and not event.isAutoRepeat() and self._session_key(key):
            pass
        elif not (self.running and event.isAutoRepeat()):
            super().keyPressEvent(event)
            return
        event.accept()

    def _session_key(self, key: Qt.Key) -> bool:
        """Act on a key during a session; return whether it was one of the guide's."""
        if self.nav.confirming:
            if key in (K.Key_Return, K.Key_Enter):
                self.end_session()
            elif key == K.Key_Escape:
                self.cancel_end()
            return True
        actions = {
            K.Key_Right: lambda: self.go(1),
            K.Key_PageDown: lambda: self.go(1),
            K.Key_Left: lambda: self.go(-1),
            K.Key_PageUp: lambda: self.go(-1),
            K.Key_Space: self.toggle_timer,
            K.Key_R: self.reset_timer,
            K.Key_Up: lambda: self.step_page.map_panel.step(-1),
            K.Key_Down: lambda: self.step_page.map_panel.step(1),
            K.Key_P: self.toggle_prone,
            K.Key_Escape: self.request_end,
        }
        action = actions.get(key)
        if action is None:
            return False
        action()
        return True

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Scale type and controls with the window (Qt override)."""
        super().resizeEvent(event)
        scale = scale_for(event.size().width(), event.size().height())
        if abs(scale - self.scale) > 0.01:
            self.scale = scale
            rescale(self, scale, self.text_factor)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop every timer, let the screen sleep again and forget the session (Qt override)."""
        if self.running:
            self.end_session()  # stops the timers and releases the screen
        self._ticker.stop()
        # The summary promises it is gone when the guide closes: the next Ctrl+G starts afresh.
        self.guide = self.record = self.prone = None
        self.countdowns, self.holds = {}, {}
        self.show_start()
        super().closeEvent(event)
