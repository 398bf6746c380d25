"""Screenshots of presentation mode at projector size: a card, an arrow (a band, a column), the presenter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMainWindow

from app.model.presentation import Stop
from app.ui.presentation_mode import PresentationMode
from app.ui.presenter_view import PresenterView
from app.ui.shot_files import write_image

PROJECTOR = QSize(1280, 800)
WIDE_PROJECTOR = QSize(1920, 1080)
LAPTOP = QSize(1440, 900)


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def take_presentation_shots(window: QMainWindow, mode: PresentationMode, directory: Path) -> list[Path]:
    """Present at 1280x800 and 1920x1080 (whatever the screen), shoot six states, and leave.

    Returns:
        The files written.
    """
    written: list[Path] = []

    def save(image: QImage, name: str) -> None:
        write_image(image, directory / name, written)

    mode.enter("hand")
    stage = mode.stage
    if stage is None:
        return written
    # The offscreen screen has its own size; the shots show a 1280x800 projector.
    stage.setFixedSize(PROJECTOR)
    stage.open_region("hand-thenar-right")
    _settle()
    save(stage.grab().toImage(), "presentation-card-1280x800.png")
    stage.go_to(Stop("shoulder-forearm", 3))
    _settle()
    save(stage.grab().toImage(), "presentation-arrow-1280x800.png")
    # The densest numbers: the trunk's arrows 14-18 (leader lines), and a map's every name and number.
    stage.go_to(Stop("trunk", 16))
    _settle()
    save(stage.grab().toImage(), "presentation-arrow-trunk-1280x800.png")
    stage.go_to(Stop("neck-back-techniques"))
    _settle()
    save(stage.grab().toImage(), "presentation-map-neck-back-1280x800.png")
    # A wide projector: the caption takes a column beside the densest map.
    stage.setFixedSize(WIDE_PROJECTOR)
    stage.go_to(Stop("neck-back-techniques", 3))
    _settle()
    save(stage.grab().toImage(), "presentation-arrow-1920x1080.png")
    stage.setFixedSize(PROJECTOR)
    presenter = PresenterView(stage, mode.store, mode.clock)
    presenter.resize(LAPTOP)
    presenter.show()
    _settle()
    save(presenter.grab().toImage(), "presentation-presenter-1440x900.png")
    presenter.close()
    presenter.deleteLater()
    mode.leave()
    return written
