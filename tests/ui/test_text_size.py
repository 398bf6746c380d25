"""At 200 % text and 1440 × 900 the card panel, the timer and the session guide clip no text."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from app.services.library import load_library
from app.ui.appearance import Appearance
from app.ui.appearance_controller import apply_appearance
from app.ui.text_block import TextBlock
from app.ui.theme import DARK

SLACK = 1  # pixels of rounding


def clipped(root: QWidget) -> list[str]:
    """Name every shown label or button under ``root`` whose text does not fit its box."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            box = widget.contentsRect()
            if widget.wordWrap():
                need_h = widget.heightForWidth(widget.width())
                if need_h > widget.height() + SLACK:
                    found.append(f"label {widget.text()[:40]!r}: {widget.height()} < {need_h} px high")
            else:
                metrics = widget.fontMetrics()
                need_w = max(metrics.horizontalAdvance(line) for line in widget.text().split("\n"))
                if need_w > box.width() + SLACK or metrics.height() > box.height() + SLACK:
                    found.append(f"label {widget.text()[:40]!r}: {box.width()}x{box.height()} for {need_w}")
        elif isinstance(widget, TextBlock):
            need_h = widget.heightForWidth(widget.width())
            if need_h > widget.height() + SLACK:
                found.append(f"text {widget.text()[:40]!r}: {widget.height()} < {need_h} px high")
        elif isinstance(widget, QAbstractButton) and widget.text():
            need = widget.sizeHint()
            if need.width() > widget.width() + SLACK or widget.fontMetrics().height() > widget.height():
                found.append(
                    f"button {widget.text()!r}: {widget.width()}x{widget.height()} for {need.width()}"
                )
    return found


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_card_panel_and_timer_at_200_percent(make_window, qtbot, restore_appearance) -> None:
    library = load_library()
    window = make_window(library, show=False)
    apply_appearance(window, Appearance(DARK, 200))  # before the window is laid out, as at start
    window.resize(QSize(1440, 900))
    window.show()
    qtbot.waitExposed(window)
    window.show_map("trunk")
    window.show_region(window.library.maps["trunk"].arrows[0].region)
    window.start_tender_round()
    settle()
    assert QApplication.font().pointSizeF() > 15  # really at 200 %
    assert window.width() <= 1440, "the window's minimum width grew past the screen"
    for map_id, scene in window.scenes.items():
        window.show_map(map_id)  # the status line names each map
        window.show_region(next(iter(scene.region_items)))
        settle()
        assert window.minimumSizeHint().width() <= 1440, map_id
        assert not window.cards.horizontalScrollBar().isVisible(), map_id  # cards wrap, never scroll across
    assert clipped(window.cards.widget()) == []
    assert not window.cards.horizontalScrollBar().isVisible()  # cards wrap; they never scroll across
    assert clipped(window.timer) == []
    pages = [lambda pid=pid: window.cards.show_page(pid) for pid in library.catalog.pages]
    for show in (window.cards.show_protocol, window.cards.show_course, *pages):
        show()
        settle()
        assert clipped(window.cards.widget()) == [], window.cards.heading
        assert reachable(window.cards), window.cards.heading


def reachable(panel) -> bool:
    """Whether everything in a scroll area can be seen: it fits, or a scroll bar reaches it."""
    content, viewport = panel.widget(), panel.viewport()
    fits_across = content.width() <= viewport.width() or panel.horizontalScrollBar().isVisibleTo(panel)
    fits_down = content.height() <= viewport.height() or panel.verticalScrollBar().isVisibleTo(panel)
    return fits_across and fits_down


def test_session_guide_at_200_percent(make_window, qtbot, restore_appearance) -> None:
    library = load_library()
    window = make_window(library)
    apply_appearance(window, Appearance(DARK, 200))
    window.open_session_guide()
    guide = window.session_guide
    assert guide is not None
    guide.showNormal()
    guide.resize(QSize(1440, 900))
    settle()
    assert clipped(guide) == [], clipped(guide)
    areas = guide.start_page
    guide.start_chosen()
    for index in range(4):
        guide.go_to(index)
        settle()
        assert guide.width() <= 1440, "the guide grew wider than the screen"
        assert clipped(guide) == [], index
    assert areas is guide.start_page
