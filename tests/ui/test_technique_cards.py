import json

import pytest
from PySide6.QtWidgets import QLabel

from app.model.catalog_loader import catalog_from_document
from app.services.library import load_library
from app.ui.card_context import CardContext
from app.ui.card_panel import CardPanel
from app.ui.technique_card import TechniqueCard
from app.ui.text_block import TextBlock
from app.ui.theme import LIGHT
from tests.conftest import FIXTURES, SCHEMA
from tests.ui.shown_text import shown_lines


@pytest.fixture(scope="module")
def shipped():
    return load_library()


def text_length(technique) -> int:
    return sum(map(len, technique.card_texts()))


def test_longest_card_fits_the_narrowest_panel(qtbot, shipped):
    longest = max(shipped.catalog.techniques.values(), key=text_length)
    panel = CardPanel(CardContext(shipped.catalog, LIGHT))
    qtbot.addWidget(panel)
    panel.resize(panel.minimumWidth(), 700)
    panel.show()
    panel.show_technique(longest.id)
    qtbot.waitExposed(panel)
    content = panel.widget()
    assert content.width() <= panel.viewport().width()
    for label in content.findChildren(QLabel):
        if label.isVisibleTo(panel) and label.text():
            assert label.width() <= content.width()
            if label.wordWrap():
                assert label.height() >= label.heightForWidth(label.width()), label.text()[:40]
            else:
                assert label.width() >= label.sizeHint().width() - 1, label.text()[:40]
    blocks = [b for b in content.findChildren(TextBlock) if b.isVisibleTo(panel)]
    assert len(blocks) >= 5
    for block in blocks:
        assert block.width() <= content.width()
        assert block.height() >= block.heightForWidth(block.width()), block.text()[:40]


def test_sections_fold_for_every_card_and_are_remembered(make_window, mini_library, qtbot):
    from app.services import settings as options

    window = make_window(mini_library)
    window.show_region("mini-right")
    first, second = window.cards.cards
    first.sections["details"].header.clicked.emit()
    assert not first.sections["details"].is_open
    assert not second.sections["details"].is_open
    assert options.CARD_SECTIONS["details"].get(window.settings) is False
    window.close()
    again = make_window(mini_library)
    again.show_region("mini-left")
    assert not again.cards.cards[0].sections["details"].is_open
    assert again.cards.cards[0].sections["steps"].is_open


def test_cautions_are_never_folded(make_window, mini_library, qtbot):
    window = make_window(mini_library)
    window.show_region("mini-left")
    card = window.cards.cards[0]
    for section in card.sections.values():
        section.header.clicked.emit()
    lines = shown_lines(card, visible_to=card)
    assert "• Watch the reflex." in lines
    assert "Release tension." not in lines  # the details did fold


def test_show_on_map_highlights_where_the_card_applies(make_window, mini_library, qtbot):
    window = make_window(mini_library)
    window.show_region("mini-left")
    window.cards.cards[0].map_requested.emit("hold")
    scene = window.scenes["mini"]
    highlighted = {rid for rid, item in scene.region_items.items() if item._highlighted}
    assert highlighted == {"mini-right", "mini-spot"}
    assert [n for n, a in scene.arrow_items.items() if a.marked] == [2, 3]


def test_content_text_is_shown_literally_never_as_markup(qtbot):
    document = json.loads((FIXTURES / "mini" / "content.json").read_text(encoding="utf-8"))
    hostile = '<img src="file:///etc/passwd"><a href="https://example.org">click</a><b>bold</b>'
    document["techniques"][0]["purpose"] = hostile
    document["techniques"][0]["title"] = "<h1>Title</h1>"
    document["techniques"][0]["steps"] = ["<i>first</i>\nsecond & <third>"]
    catalog = catalog_from_document(document, json.loads(SCHEMA.read_text(encoding="utf-8")), "c.json")
    card = TechniqueCard(catalog.techniques["stroke"], CardContext(catalog, LIGHT))
    qtbot.addWidget(card)
    lines = shown_lines(card)
    assert hostile in lines  # read as markup, the tags would be gone from what is drawn
    assert "<h1>Title</h1>" in lines
    assert "1.  <i>first</i>" in lines
    assert "second & <third>" in lines
    for label in card.findChildren(QLabel):
        if label.text():
            assert label.textFormat().name == "PlainText", label.text()
        assert not label.openExternalLinks()


def test_notes_and_stars_survive_a_restart(make_window, mini_library, qtbot):
    window = make_window(mini_library)
    window.show_region("mini-left")
    card = window.cards.cards[0]
    card.star.click()
    card.note_edit.setPlainText("Client prefers lighter pressure here.")
    window.show_region("mini-right")  # leaving the card saves the note without waiting
    assert window.starred.card_ids() == ["stroke"]
    window.close()

    again = make_window(mini_library)
    assert again.starred.card_ids() == ["stroke"]
    again.starred.card_chosen.emit("stroke")
    card = again.cards.cards[0]
    assert card.star.isChecked()
    assert card.note_edit.toPlainText() == "Client prefers lighter pressure here."


def test_a_damaged_notes_file_is_set_aside_and_reported(make_window, mini_library, qtbot, tmp_path):
    folder = tmp_path / "user-data"
    folder.mkdir()
    (folder / "notes.json").write_bytes(b'{"schema_version": 1, "notes": {')
    window = make_window(mini_library)
    assert window.problem_bar.isVisibleTo(window)
    bar_text = " ".join(lbl.text() for lbl in window.problem_bar.findChildren(QLabel))
    assert "damaged" in bar_text
    kept = list(folder.glob("notes.json.damaged-*"))
    assert len(kept) == 1
    assert kept[0].read_bytes() == b'{"schema_version": 1, "notes": {'
