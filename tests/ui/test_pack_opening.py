"""Packs in the window: opened from the menu, dropped, or given at start; a broken one is only reported."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel

from app.services.library import load_library
from app.services.pack_library import add_pack
from app.ui.actions import ActionId
from app.ui.pack_opening import choose_pack
from tests.test_validate_command import EXAMPLE, HOSTILE
from tests.ui.shown_text import shown_lines

BUILT_IN_MAPS = 9


@pytest.fixture(scope="module")
def built_in():
    return load_library()


def open_and_wait(qtbot, window, path):
    with qtbot.waitSignal(window.pack_opener.library_loaded, timeout=20000):
        window.pack_opener.open(path)


def test_a_pack_given_at_start_adds_its_map_to_the_navigator_and_its_cards_to_a_click(
    make_window, built_in, qtbot
):
    window = make_window(add_pack(built_in, EXAMPLE))
    assert len(window.navigator.map_ids()) == BUILT_IN_MAPS + 1
    window.show_map("example-forearm")
    view = window.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(QPointF(700, 500)))
    assert [c.technique.id for c in window.cards.cards[:2]] == [
        "example-ctm-forearm",
        "connective-tissue-massage",
    ]
    assert not window.problem_bar.isVisible()


def test_opening_a_pack_while_running_adds_its_map_search_and_stars(make_window, built_in, qtbot):
    window = make_window(built_in)
    open_and_wait(qtbot, window, EXAMPLE)
    assert window.navigator.map_ids()[-1] == "example-forearm"
    assert window.current_map == "example-forearm", "the new map is shown"
    assert "was loaded: 1 map" in window.statusBar().currentMessage()
    assert window.handouts.library is window.library
    assert window.presentation.library is window.library
    assert window.search.index.query("forearm strokes", 5)[0].target_id == "example-forearm"
    window.show_technique("example-ctm-forearm")
    window.cards.cards[0].star.click()
    assert window.starred.card_ids() == ["example-ctm-forearm"]


@pytest.mark.parametrize(
    "case", ["json-malformed", "svg-entity-bomb", "zip-slip-dotdot.zip", "manifest-missing"]
)
def test_a_broken_pack_is_reported_in_the_problem_bar_and_the_built_in_maps_stay(
    make_window, built_in, qtbot, case
):
    window = make_window(built_in)
    current = window.current_map
    open_and_wait(qtbot, window, HOSTILE / case)
    assert window.navigator.map_ids()[:BUILT_IN_MAPS] == [i.id for i in built_in.map_infos()]
    assert window.current_map == current
    assert window.problem_bar.isVisible()
    text = "\n".join(label.text() for label in window.problem_bar.findChildren(QLabel))
    assert f"({case})" in text or f"Content pack {case}" in text, text
    window.step_map(1)  # the app goes on working
    assert window.current_map != current


def test_a_pack_dropped_on_the_window_is_opened(make_window, built_in, qtbot):
    window = make_window(built_in)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(EXAMPLE))])
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        QPoint(50, 50), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(50, 50), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(window.pack_opener.library_loaded, timeout=20000):
        QApplication.sendEvent(window, drop)
    assert "example-forearm" in window.navigator.map_ids()


def test_other_drops_are_not_taken(make_window, built_in, tmp_path):
    window = make_window(built_in)
    text_file = tmp_path / "notes.txt"
    text_file.write_text("x")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(text_file))])
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter.ignore()
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_the_file_menu_opens_a_pack(make_window, built_in, qtbot, monkeypatch):
    window = make_window(built_in)
    monkeypatch.setattr(
        "app.ui.pack_opening.QFileDialog.getOpenFileName", lambda *a, **k: (str(EXAMPLE / "pack.json"), "")
    )
    with qtbot.waitSignal(window.pack_opener.library_loaded, timeout=20000):
        window.actions_by_id[ActionId.OPEN_PACK].trigger()
    assert "example-forearm" in window.navigator.map_ids()
    file_menu = window.menuBar().actions()[0].menu()
    assert window.actions_by_id[ActionId.OPEN_PACK] in file_menu.actions()


def test_choosing_nothing_opens_nothing(qtbot, monkeypatch):
    monkeypatch.setattr("app.ui.pack_opening.QFileDialog.getOpenFileName", lambda *a, **k: ("", ""))
    assert choose_pack(None) is None  # type: ignore[arg-type]


def test_markup_and_file_links_in_a_packs_card_are_shown_as_text(make_window, built_in, qtbot):
    window = make_window(add_pack(built_in, HOSTILE / "json-html-in-card"))
    window.show_technique("example-ctm-forearm")
    lines = shown_lines(window.cards)
    # Read as markup, the text would have lost its tags (an image, a script) on the way to the screen.
    hostile = next(line for line in lines if '<img src="file:///etc/passwd">' in line)
    assert "<script>alert(1)</script>" in hostile
    for label in window.cards.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText or not label.text()
        assert not label.openExternalLinks()


def test_a_startup_notice_such_as_a_damaged_preferences_file_is_shown(make_window, mini_library):
    message = "Your preferences file was damaged; it was kept as /x/FibroMap.ini.damaged-1."
    window = make_window(mini_library, notices=[message])
    assert window.problem_bar.isVisible()
    assert message in "\n".join(label.text() for label in window.problem_bar.findChildren(QLabel))


def test_an_unexpected_failure_while_opening_is_reported_not_hung(make_window, built_in, qtbot, monkeypatch):
    def broken(library, path):
        raise MemoryError("simulated")

    monkeypatch.setattr("app.ui.pack_opening.add_pack", broken)
    window = make_window(built_in)
    open_and_wait(qtbot, window, EXAMPLE)
    assert "could not be opened: MemoryError: simulated" in window.library.packs[-1].summary()
    assert window.problem_bar.isVisible()


def test_search_hits_in_a_packs_map_that_was_left_out_open_nothing(make_window, built_in):
    window = make_window(add_pack(built_in, HOSTILE / "svg-entity-bomb"))
    assert "example-forearm" not in window.navigator.map_ids()
    current = window.current_map
    hits = window.search.index.query("forearm flexor area", 10)
    assert hits
    for hit in hits:
        window.open_hit(hit)  # never a KeyError for the missing map
    assert window.current_map in window.navigator.map_ids()
    window.show_map(current)
