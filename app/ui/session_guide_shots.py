"""Render the session guide's screens to PNG files: sessions walked on a manual clock, as a therapist would.

Each screen gets some time; timers run (an area past its 7-minute mark,
tender-point holds done), and the client lies prone from the first screen
whose card says so, so the prone watch warns and alarms where it would.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize

from app.model.clock import ManualClock
from app.model.guide_layout import TimerKind
from app.model.session_focus import focus_areas
from app.services.library import Library
from app.services.screensaver import ScreenSaverInhibitor
from app.ui.cue_player import CuePlayer
from app.ui.session_guide import SessionGuideWindow
from app.ui.shot_files import write_settled_grab

SESSIONS: tuple[tuple[int | None, str], ...] = (
    (1, "neck-upper-back"),
    (12, "lower-back-buttocks"),
    (28, "full-body"),
)
SCREEN_SECONDS = 75.0


class _QuietInhibitor(ScreenSaverInhibitor):
    """Screenshots keep no screen awake."""

    def inhibit(self, reason: str) -> None:
        """Do nothing."""

    def release(self) -> None:
        """Do nothing."""


def _advance(window: SessionGuideWindow, clock: ManualClock, seconds: float) -> None:
    clock.advance(seconds)
    window.tick()


def _run_timer(window: SessionGuideWindow, clock: ManualClock) -> None:
    """Let the screen's timer run as it would during the work."""
    screen = window.current
    if screen is None or screen.timer is None:
        return
    timer = screen.timer
    if timer.kind is TimerKind.HOLD:
        for _ in range(2):
            window.toggle_timer()
            _advance(window, clock, timer.get_ready + timer.seconds + 0.5)
        window.toggle_timer()
        _advance(window, clock, timer.get_ready + timer.seconds * 0.4)
    elif timer.kind is TimerKind.AREA:
        window.toggle_timer()
        _advance(window, clock, (timer.soft_seconds or timer.seconds * 0.7) + 35)
    else:
        window.toggle_timer()
        _advance(window, clock, timer.seconds * 0.6)


def take_session_guide_shots(
    library: Library,
    directory: Path,
    size: QSize | None = None,
    sessions: tuple[tuple[int | None, str], ...] = SESSIONS,
) -> list[Path]:
    """Walk sessions in the guide and write every screen, the start page and the summary.

    Returns:
        The files written, in order.
    """
    directory.mkdir(parents=True, exist_ok=True)
    clock = ManualClock()
    window = SessionGuideWindow(
        library.catalog,
        library.maps,
        clock=clock,
        player=CuePlayer(enabled=False),
        inhibitor=_QuietInhibitor(),
        flash=False,
    )
    window.resize(size or QSize(1920, 1080))
    window.show()
    written: list[Path] = []
    areas = {area.id: area for area in focus_areas(library.catalog)}

    def save(name: str) -> None:
        write_settled_grab(window, directory / name, written)

    for session, focus_id in sessions:
        if focus_id not in areas:
            continue
        stem = f"guide-{'maintenance' if session is None else f'{session:02d}'}"
        window.show_start()
        window.start_page.set_choice(session, focus_id)
        save(f"{stem}-00-start.png")
        guide = window.start_session(session, areas[focus_id])
        for index, screen in enumerate(guide.screens):
            window.go_to(index)
            _run_timer(window, clock)
            _advance(window, clock, SCREEN_SECONDS)
            save(f"{stem}-{index + 1:02d}-{screen.key}.png")
        window.end_session()
        save(f"{stem}-99-summary.png")
    window.close()
    return written
