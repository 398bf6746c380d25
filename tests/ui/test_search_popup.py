from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QImage, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QWidget

from app.model.search_index import HitKind, SearchHit, build_index
from app.services.library import load_library
from app.ui.search_popup import HIT_ROLE, PADDING, SearchPopup


@pytest.fixture(scope="module")
def catalog():
    return load_library().catalog


@pytest.fixture
def popup(qtbot, catalog):
    made = SearchPopup(build_index(catalog))
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    yield made
    made.close()


def test_typing_updates_the_results(qtbot, popup):
    assert popup.hits() == []
    qtbot.keyClicks(popup.edit, "trap")
    first = popup.hits()
    assert first
    assert all("trap" in (h.title + h.snippet).casefold() for h in first[:5])
    qtbot.keyClicks(popup.edit, "ezus")  # "trapezus": one letter short of trapezius
    hits = popup.hits()
    assert hits
    assert "trapezius" in hits[0].title.casefold()
    assert popup.results.currentRow() == 0
    assert "result" in popup.status.text()
    popup.edit.clear()
    assert popup.hits() == []


def test_enter_emits_the_current_hit_and_closes(qtbot, popup):
    qtbot.keyClicks(popup.edit, "petris")
    hits = popup.hits()
    assert len(hits) >= 2
    qtbot.keyClick(popup.edit, Qt.Key.Key_Down)
    qtbot.keyClick(popup.edit, Qt.Key.Key_Down)
    qtbot.keyClick(popup.edit, Qt.Key.Key_Up)
    assert popup.results.currentRow() == 1
    with qtbot.waitSignal(popup.hit_chosen) as blocker:
        qtbot.keyClick(popup.edit, Qt.Key.Key_Return)
    chosen = blocker.args[0]
    assert isinstance(chosen, SearchHit)
    assert chosen == hits[1]
    assert chosen.kind is HitKind.TECHNIQUE
    assert not popup.isVisible()


def test_a_click_emits_the_hit(qtbot, popup):
    qtbot.keyClicks(popup.edit, "thenar eminence")
    item = popup.results.item(0)
    rect = popup.results.visualItemRect(item)
    with qtbot.waitSignal(popup.hit_chosen) as blocker:
        qtbot.mouseClick(popup.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    hit = blocker.args[0]
    assert (hit.kind, hit.map_id) == (HitKind.REGION, "hand")


def test_escape_closes_without_choosing(qtbot, popup):
    qtbot.keyClicks(popup.edit, "knee")
    with qtbot.assertNotEmitted(popup.hit_chosen):
        qtbot.keyClick(popup.edit, Qt.Key.Key_Escape)
    assert not popup.isVisible()


def test_enter_with_no_results_does_nothing(qtbot, popup):
    qtbot.keyClicks(popup.edit, "zzzqqqxx")
    assert popup.status.text() == "No results"
    with qtbot.assertNotEmitted(popup.hit_chosen):
        qtbot.keyClick(popup.edit, Qt.Key.Key_Return)
    assert popup.isVisible()


def test_widgets_have_accessible_names(popup):
    assert popup.accessibleName()
    assert popup.edit.accessibleName()
    assert popup.results.accessibleName()
    popup.update_results("occiput")
    text = popup.results.item(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "Tender point" in text
    assert "Occiput" in text


def test_content_is_drawn_as_plain_text(qtbot, catalog):
    """Markup in the content is shown literally; a <b> tag must not make the text bold."""
    nasty = "<b>XXXXXXXXXXXX</b> marker"
    technique = replace(next(iter(catalog.techniques.values())), id="nasty", title=nasty, purpose="zqxplain")
    index = build_index(replace(catalog, techniques={"nasty": technique}, maps={}, points={}))
    popup = SearchPopup(index)
    qtbot.addWidget(popup)
    popup.show()
    qtbot.waitExposed(popup)
    popup.update_results("zqxplain")
    item = popup.results.item(0)
    assert item.data(HIT_ROLE).title == nasty
    assert item.text() == nasty
    assert item.data(HIT_ROLE).title_spans == ()
    # The title ink is as wide as the literal text, tags included, not as the text without them.
    image: QImage = popup.results.viewport().grab().toImage()
    rect = popup.results.visualItemRect(item)
    background = QColor(image.pixelColor(rect.right() - 2, rect.bottom() - 2))
    title_rows = range(rect.top() + PADDING, rect.top() + PADDING + 14)
    inked = [
        x
        for x in range(rect.left(), rect.left() + rect.width() // 2)
        for y in title_rows
        if image.pixelColor(x, y) != background
    ]
    assert inked, "the title is drawn"
    title_font = QFont(popup.results.font())
    title_font.setPointSizeF(title_font.pointSizeF() * 1.1)
    metrics = QFontMetrics(title_font)
    width = max(inked) - min(inked)
    assert width == pytest.approx(metrics.horizontalAdvance(nasty), abs=8)
    assert width > metrics.horizontalAdvance("XXXXXXXXXXXX marker") + 20
    popup.close()


def test_popup_over_places_it_on_its_anchor(qtbot, catalog):
    anchor = QWidget()
    qtbot.addWidget(anchor)
    anchor.resize(900, 700)
    anchor.show()
    qtbot.waitExposed(anchor)
    popup = SearchPopup(build_index(catalog), anchor)
    popup.edit.setText("old query")
    popup.popup_over(anchor)
    assert popup.isVisible()
    assert popup.parentWidget() is anchor
    assert popup.edit.selectedText() == "old query"
    assert anchor.rect().contains(popup.geometry())
    popup.close()
    assert not popup.isVisible()


def test_escape_closes_the_box_before_a_window_shortcut(qtbot, catalog):
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(900, 700)
    stop = QAction("Stop timer", window)
    stop.setShortcut(QKeySequence("Esc"))
    window.addAction(stop)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    popup = SearchPopup(build_index(catalog), window)
    other = QLineEdit(window)
    other.show()
    other.setFocus()
    popup.popup_over(window)
    qtbot.waitUntil(popup.edit.hasFocus)
    # Through the window, as the platform delivers keys, so that shortcuts are tried first.
    with qtbot.assertNotEmitted(stop.triggered):
        QTest.keyClick(window.windowHandle(), Qt.Key.Key_Escape)
    assert not popup.isVisible()
    assert other.hasFocus()
    # Without the box, the window's shortcut works as before.
    with qtbot.waitSignal(stop.triggered, timeout=1000):
        QTest.keyClick(window.windowHandle(), Qt.Key.Key_Escape)
