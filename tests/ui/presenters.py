"""A presenter view beside a 1280x800 stage, as on a laptop driving a projector."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize

from app.services.user_data import UserDataStore
from app.ui.presenter_view import PresenterView
from tests.ui.arrow_stops import shown_stage


def make_presenter(qtbot, library, tmp_path: Path, size: QSize) -> PresenterView:
    """Return a shown presenter view of ``size`` for a new 1280x800 stage of ``library``."""
    stage = shown_stage(qtbot, library)
    presenter = PresenterView(stage, UserDataStore(tmp_path))
    qtbot.addWidget(presenter)
    presenter.resize(size)
    presenter.show()
    qtbot.waitExposed(presenter)
    return presenter
