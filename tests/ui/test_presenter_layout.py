"""The presenter view on a laptop screen: long texts never push the side column over the buttons."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QApplication, QWidget

from app.model.presentation import Stop
from app.services.library import load_library
from app.services.user_data import UserDataStore
from app.ui.presentation_stage import PresentationStage
from app.ui.presenter_view import PresenterView
from tests.ui.presenters import make_presenter


@pytest.fixture(scope="module")
def library():
    return load_library()


def _box(widget: QWidget, presenter: PresenterView) -> QRect:
    return QRect(widget.mapTo(presenter, widget.rect().topLeft()), widget.size())


def _shown(widget: QWidget, presenter: PresenterView) -> QRect:
    """The part of a widget its parents let show (a scrolled label: the part in view)."""
    shown = widget.visibleRegion().boundingRect()
    return shown.translated(widget.mapTo(presenter, shown.topLeft()) - shown.topLeft())


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


@pytest.mark.parametrize("size", [QSize(1280, 800), QSize(1920, 1080)], ids=["1280x800", "1920x1080"])
@pytest.mark.parametrize(
    "stop", [Stop("neck-back-techniques"), Stop("neck-back-techniques", 1), Stop("trunk", 3)], ids=str
)
def test_every_button_stays_whole_and_uncovered(qtbot, library, tmp_path, size, stop):
    presenter = make_presenter(qtbot, library, tmp_path, size)
    # A long note of the instructor's own, on the occipital card (a hold timer too).
    presenter.store.set_note("occipital-work", "Demonstrate on a volunteer first. " * 12)
    presenter.stage.go_to(stop)
    _settle()
    side = [presenter.preview, presenter.next_label, presenter.notes_label]
    if presenter.hold is not None:
        side.append(presenter.hold)
    for key, button in presenter.buttons.items():
        box = _box(button, presenter)
        assert presenter.rect().contains(box), f"{key} button cut at the window's edge: {box}"
        for widget in side:
            assert not _shown(widget, presenter).intersects(box), (
                f"{widget.accessibleName() or widget} covers the {key} button"
            )


@pytest.mark.parametrize("size", [QSize(1280, 800), QSize(1920, 1080)], ids=["1280x800", "1920x1080"])
def test_the_state_line_reads_on_one_line(qtbot, library, tmp_path, size):
    presenter = make_presenter(qtbot, library, tmp_path, size)
    stage = presenter.stage
    stage.go_to(Stop("tender-points"))
    stage.open_point(next(iter(library.catalog.points)))
    stage.toggle_blank()
    stage.toggle_halo()
    _settle()
    label = presenter.state_label
    assert label.text() == "Screen blank · Halo on"
    line = label.fontMetrics()
    # Wrapped, the label is narrower than its text (and as tall as two lines wherever the header allows).
    assert label.width() >= line.horizontalAdvance(label.text()), "the state broke over two lines or is cut"
    assert label.sizeHint().height() < 2 * line.height()


def test_what_comes_next_is_whole_where_the_screen_has_room(qtbot, library, tmp_path):
    presenter = make_presenter(qtbot, library, tmp_path, QSize(1440, 900))
    presenter.stage.go_to(Stop("neck-back-techniques", 1))
    _settle()
    label = presenter.next_label
    assert label.text().startswith("Arrow 2 of 15")
    # The map preview gives way first: the text scrolls only when the screen is too short for it.
    assert label.visibleRegion().boundingRect().height() == label.height()
    assert presenter.side_texts.verticalScrollBar().value() == 0


def test_a_scroll_bar_never_costs_the_notes_their_last_line(qtbot, library, tmp_path):
    # Arrow 3 has no hold timer: there is room for every line. Measured without the scroll bar,
    # the column asked for a line too few, and the scroll bar it then needed hid the notes' last line.
    stage = PresentationStage(library)
    qtbot.addWidget(stage)
    stage.setFixedSize(QSize(1280, 800))
    stage.go_to(Stop("neck-back-techniques", 3))  # the stop first, as --screenshot does
    stage.show()
    presenter = PresenterView(stage, UserDataStore(tmp_path))
    qtbot.addWidget(presenter)
    presenter.resize(QSize(1440, 900))
    presenter.show()
    qtbot.waitExposed(presenter)
    _settle()
    for label in (presenter.next_label, presenter.notes_label):
        assert label.visibleRegion().boundingRect().height() == label.height(), label.text()
    assert not presenter.side_texts.verticalScrollBar().isVisible()
