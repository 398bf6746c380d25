"""A text block draws escaped content literally, keeps its heights, and lets the user copy."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from app.ui.text_block import TextBlock, escaped, paragraphs
from app.ui.text_widgets import scaled_font

LONG = "Gentle kneading follows the effleurage of the paravertebral zones. " * 6


def _block(qtbot, markup: str, plain: str, width: int = 300) -> TextBlock:
    block = TextBlock(markup, plain)
    qtbot.addWidget(block)
    block.resize(width, block.heightForWidth(width))
    block.show()
    qtbot.waitExposed(block)
    return block


def test_markup_characters_and_spaces_in_content_are_drawn_as_they_are(qtbot):
    text = '<b>not bold</b> & "1.  two spaces"\nnext line'
    block = _block(qtbot, paragraphs([text]), text)
    assert block.rendered_text().splitlines() == ['<b>not bold</b> & "1.  two spaces"', "next line"]
    assert escaped("a<b") == "a&lt;b"


def test_height_grows_as_width_shrinks_and_is_kept_per_width(qtbot):
    block = _block(qtbot, escaped(LONG), LONG)
    narrow, wide = block.heightForWidth(150), block.heightForWidth(600)
    assert narrow > wide > 0
    block._doc.setHtml("")  # were the heights measured again, they would now be tiny
    assert block.heightForWidth(150) == narrow


def test_new_content_and_a_new_font_are_measured_again(qtbot):
    block = _block(qtbot, escaped("short"), "short")
    one_line = block.heightForWidth(300)
    block.set_content(escaped(LONG), LONG)
    assert block.text() == LONG
    assert block.accessibleName() == LONG
    several = block.heightForWidth(300)
    assert several > 2 * one_line
    block.setFont(scaled_font(2.0))
    assert block.heightForWidth(300) > several


def test_drag_selects_and_copy_puts_the_selection_on_the_clipboard(qtbot):
    block = _block(qtbot, escaped("alpha beta gamma"), "alpha beta gamma", width=400)
    y = block.height() // 2
    QTest.mousePress(block, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(1, y))
    end = block.fontMetrics().horizontalAdvance("alpha beta")
    QTest.mouseMove(block, QPoint(end, y))
    QTest.mouseRelease(block, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(end, y))
    assert block.selected_text().strip() == "alpha beta"
    QTest.keyClick(block, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text().strip() == "alpha beta"
    block.select_all()
    block.copy()
    assert QGuiApplication.clipboard().text() == "alpha beta gamma"


def test_the_box_leaves_room_around_the_text(qtbot):
    plain = TextBlock(escaped(LONG), LONG)
    boxed = TextBlock(escaped(LONG), LONG, box=("#fff4e5", "#b35900"))
    qtbot.addWidget(plain)
    qtbot.addWidget(boxed)
    assert boxed.heightForWidth(300) > plain.heightForWidth(300)


def test_screen_readers_are_told_it_is_static_text_with_the_text_as_shown(qtbot):
    from PySide6.QtGui import QAccessible

    block = _block(qtbot, paragraphs(["1.  Touch.", "2.  Hold."]), "1.  Touch.\n2.  Hold.")
    interface = QAccessible.queryAccessibleInterface(block)
    assert interface.role() == QAccessible.Role.StaticText
    assert interface.text(QAccessible.Text.Name) == "1.  Touch.\n2.  Hold."
