"""Command line and application start."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from app import APP_ID, APP_NAME, __version__


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(
        prog="fibromap",
        description="Interactive body-map reference for the medical-massage protocol for fibromyalgia.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--screenshot",
        metavar="DIR",
        type=Path,
        help="render every screen to PNG files in DIR (offscreen) and exit",
    )
    parser.add_argument("--map", metavar="ID", help="open this map first")
    parser.add_argument(
        "--content",
        metavar="PATH",
        type=Path,
        action="append",
        default=[],
        help="also load this content pack (a folder or a .zip); may be given more than once",
    )
    parser.epilog = "fibromap validate PATH [--json] checks a content pack without opening a window."
    parser.add_argument(
        "--exit-after-first-paint",
        action="store_true",
        help="start as usual, then quit as soon as the first map is painted (for the start benchmark)",
    )
    return parser.parse_args(list(argv))


# Harmless Qt messages: the offscreen platform's, and the frozen app's, which leaves out
# the FFmpeg media backend because QSoundEffect (all FibroMap plays) works without one.
KNOWN_NOISE = (
    "does not support propagateSizeHints",
    "No QtMultimedia backends found. Only QMediaDevices, QAudioDevice, QSoundEffect,",
)


def _quiet_known_platform_noise() -> None:
    """Drop Qt's known harmless warnings (:data:`KNOWN_NOISE`); pass the rest on."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        if not any(noise in message for noise in KNOWN_NOISE):
            print(message, file=sys.stderr)  # noqa: T201

    qInstallMessageHandler(handler)


def main(argv: Sequence[str] | None = None) -> int:
    """Start FibroMap; returns the process exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["validate"]:
        # Before any Qt import: validating needs no display.
        from app.validate_command import run

        return run(arguments[1:])
    args = parse_args(arguments)
    # The start makes many objects and no garbage worth collecting: collecting them is switched
    # off until the first map is painted, then they are frozen (kept out of every later collection).
    gc.disable()
    try:
        return _run(args)
    finally:
        gc.enable()


def _run(args: argparse.Namespace) -> int:
    if args.screenshot is not None and not os.environ.get("QT_QPA_PLATFORM"):
        # Screenshots need no display; offscreen also works on a desktop.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    # Imported here so --help and --version work without Qt.
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.model.problems import ContentError
    from app.services import map_cache
    from app.services.library import load_library
    from app.services.resources import ResourceError

    _quiet_known_platform_noise()
    existing = QApplication.instance()
    # Fusion from the start, given as Qt's own -style option: calling setStyle from Python would
    # make PySide6 build every QStyle enum before the first paint (the accessible style, a proxy
    # of Fusion, is installed when idle; see app.ui.appearance.apply_to_application).
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], "-style", "Fusion"])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)

    folder = map_cache.default_folder()
    cache = map_cache.GeometryCache(folder) if folder is not None else None
    map_cache.install(cache)
    try:
        library = load_library(cache=cache)
    except (ContentError, ResourceError) as exc:
        print(f"{APP_NAME}: the built-in content cannot be used:\n{exc}", file=sys.stderr)  # noqa: T201
        return 2
    from app.services.pack_library import PACKS_FOLDER, add_packs, user_pack_paths
    from app.services.user_data import default_directory

    # The user's packs folder first (not for screenshots, which show a fresh user's view), then
    # the command line's; a broken pack is reported, never fatal.
    packs_folder = default_directory() / PACKS_FOLDER
    installed = user_pack_paths(packs_folder) if args.screenshot is None else []
    library = add_packs(library, [*installed, *args.content])
    for problem in library.problems:
        print(f"{APP_NAME}: {problem}", file=sys.stderr)  # noqa: T201

    from app.services.settings import open_settings
    from app.ui.appearance import Appearance, appearance_from_settings, apply_to_application, install_style
    from app.ui.main_window import MainWindow

    if args.screenshot is not None:
        from PySide6.QtCore import QSettings

        from app.model.clock import ManualClock
        from app.services.user_data import UserDataStore
        from app.ui.appearance_controller import apply_appearance
        from app.ui.screenshots import take_screenshots
        from app.ui.theme import THEMES

        # Timers in screenshots stand at chosen moments, whatever the machine's speed.
        clock = ManualClock()
        # Screenshots show a fresh user's view and never touch the user's notes.
        scratch = Path(tempfile.mkdtemp(prefix="fibromap-screenshot-"))
        # Nor the user's settings: no remembered map, layers or window, and nothing written back.
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch / "settings"))
        gc.enable()  # a long run that makes and drops many windows
        window = MainWindow(library, clock=clock, store=UserDataStore(scratch))
        apply_appearance(window, Appearance(THEMES["light"]))  # the defaults, whatever the user chose
        written = take_screenshots(window, args.screenshot, clock)
        print(f"wrote {len(written)} screenshots to {args.screenshot}")  # noqa: T201
        window.close()
        return 0
    from app.services.preferences_file import check_preferences

    # Before anything reads the preferences: a damaged file is set aside, not half-used.
    notice = check_preferences()
    appearance = appearance_from_settings(open_settings())
    apply_to_application(appearance, style_now=False)  # the accessible style once painted (below)
    from app.ui.first_paint import after_first_paint

    window = MainWindow(library, notices=[notice] if notice else [])
    window.idle.add(_set_window_icon)  # the SVG icon engine loads after the first paint
    if args.map:
        window.show_map(args.map)
    after_first_paint(window.view.viewport(), _collect_from_now_on)
    window.idle.add(lambda: install_style(appearance.text_factor), first=True)
    window.idle.add(gc.freeze)  # the scenes and thumbnails made when idle live as long as the app too
    if args.exit_after_first_paint:
        # Quit once this paint (and its flush to the screen) is done; what waits for idle time
        # comes after the first paint by design, so it is not part of the start.
        def quit_now() -> None:
            window.idle.cancel()
            QTimer.singleShot(0, app.quit)

        after_first_paint(window.view.viewport(), quit_now)
    window.show()
    return app.exec()


def _set_window_icon() -> None:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from app.services.resources import ResourceError, icon_file

    try:
        # Desktops take the icon from the .desktop file named by APP_ID; X11 without one
        # (and the frozen app before it is installed) shows this one.
        QApplication.setWindowIcon(QIcon(str(icon_file())))
    except ResourceError as exc:
        print(f"{APP_NAME}: {exc}", file=sys.stderr)  # noqa: T201


def _collect_from_now_on() -> None:
    gc.freeze()  # what the start made lives as long as the app
    gc.enable()
