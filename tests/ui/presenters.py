"""A presenter view beside a 1280x800 stage, as on a laptop driving a projector."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize

from app.services.user_data import UserDataStore
from app.ui.presentation_stage import PresentationStage
from app.ui.presenter_view import PresenterView


def make_presenter(qtbot, library, tmp_path: Path, size: QSize) -> PresenterView:
    """Return a shown presenter view of ``size`` for a new 1280x800 stage of ``library``."""
    stage = PresentationStage(library)
    qtbot.addWidget(stage)
    stage.setFixedSize(QSize(1280, 800))
    stage.show()
    presenter = PresenterView(stage, UserDataStore(tmp_path))
    qtbot.addWidget(presenter)
    presenter.resize(size)
    presenter.show()
    qtbot.waitExposed(presenter)
    return presenter
