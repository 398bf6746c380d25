"""Shared fixtures: offscreen Qt before any Qt import, settings in tmp_path, window factory."""

from __future__ import annotations

import os

# Before any QApplication exists; an empty value would defeat setdefault.
if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent
SCHEMA = ROOT / "data" / "schema" / "techniques.schema.json"


@pytest.fixture(autouse=True)
def _fresh_settings(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[None]:
    """Point QSettings at a temporary folder so tests never see a user's settings."""
    if "qapp" not in request.fixturenames and "qtbot" not in request.fixturenames:
        yield
        return
    from PySide6.QtCore import QSettings

    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(tmp_path / "settings"))
    yield


@pytest.fixture
def mini_library():
    """The small test map and its content."""
    from app.services.library import load_library

    return load_library(FIXTURES / "mini" / "content.json", SCHEMA, FIXTURES / "mini")


@pytest.fixture
def make_window(qtbot, tmp_path) -> Iterator[Callable[..., object]]:
    """Create main windows, close them after the test, and fail on leaked top-level widgets."""
    from PySide6.QtWidgets import QApplication

    from app.ui.main_window import MainWindow

    before = set(QApplication.topLevelWidgets())
    made: list[MainWindow] = []

    from app.services.user_data import UserDataStore

    def factory(library, show: bool = True, **kwargs) -> MainWindow:
        # Every window of a test shares one notes folder in tmp_path, as restarts would.
        kwargs.setdefault("store", UserDataStore(tmp_path / "user-data"))
        window = MainWindow(library, **kwargs)
        qtbot.addWidget(window)
        made.append(window)
        if show:
            window.show()
            qtbot.waitExposed(window)
        return window

    yield factory
    for window in made:
        window.close()
        window.deleteLater()
    QApplication.processEvents()
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    leaked = [w for w in QApplication.topLevelWidgets() if w not in before and w.isVisible()]
    assert not leaked, f"top-level widgets leaked: {leaked}"
