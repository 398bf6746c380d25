"""The panel keeps built cards and reuses them, within a bound, without losing notes."""

from PySide6.QtWidgets import QLabel

from app.services.library import load_library
from app.services.user_data import UserDataStore
from app.ui import card_panel
from app.ui.card_context import CardContext
from app.ui.card_panel import CardPanel
from app.ui.theme import LIGHT


def _panel(qtbot, tmp_path, catalog):
    store = UserDataStore(tmp_path / "notes")
    panel = CardPanel(CardContext(catalog, LIGHT, notes=store))
    qtbot.addWidget(panel)
    panel.resize(420, 700)
    panel.show()
    return panel, store


def test_a_card_shown_again_is_the_same_widget_in_the_right_state(qtbot, tmp_path, mini_library):
    panel, _ = _panel(qtbot, tmp_path, mini_library.catalog)
    info = mini_library.catalog.maps["mini"]
    panel.show_region(info, "mini-right")
    first = list(panel.cards)
    assert panel.card_titles() == ["Stroke", "Hold"]
    first[0].sections["details"].set_open(False)
    panel.context.open_sections["details"] = True
    panel.show_region(info, "mini-left")
    assert panel.card_titles() == ["Stroke"]
    assert panel.cards[0] is first[0]
    assert panel.cards[0].sections["details"].is_open  # as a new card would be
    assert first[1].isHidden()  # "Hold" is kept, not shown
    headings = [w for w in panel.findChildren(QLabel, "PanelHeading") if w.isVisibleTo(panel)]
    assert [h.text() for h in headings] == ["Left part"]
    panel.show_map(info)  # a page built afresh hides the kept page
    assert [w.text() for w in panel.findChildren(QLabel, "PanelHeading") if w.isVisibleTo(panel)] == [
        info.title
    ]
    panel.show_region(info, "mini-right")
    assert panel.cards == first


def test_kept_cards_are_bounded_and_notes_saved_before_one_goes(qtbot, tmp_path, monkeypatch):
    catalog = load_library().catalog
    monkeypatch.setattr(card_panel, "KEPT_CARDS", 3)
    panel, store = _panel(qtbot, tmp_path, catalog)
    ids = list(catalog.techniques)[:6]
    panel.show_technique(ids[0])
    panel.cards[0].note_edit.setPlainText("kept until it goes")
    for ident in ids[1:]:
        panel.show_technique(ident)
        assert len(panel._kept) <= 3
    assert store.note(ids[0]) == "kept until it goes"
    panel.show_technique(ids[0])  # built again, from the saved note
    assert panel.cards[0].note_edit.toPlainText() == "kept until it goes"


def test_a_maps_cards_are_built_ahead_so_a_click_builds_none(make_window, qtbot, monkeypatch):
    from app.ui import technique_card

    library = load_library()
    window = make_window(library)
    window.show_map("trunk")
    window.idle.run_all()
    wanted = {t.id for t in library.catalog.techniques_for_regions("trunk")}
    assert wanted <= set(window.cards._kept)
    built = []
    real = technique_card.TechniqueCard.__init__

    def counting(self, *args, **kwargs):
        built.append(args[0].id)
        real(self, *args, **kwargs)

    monkeypatch.setattr(technique_card.TechniqueCard, "__init__", counting)
    for region_id in library.catalog.maps["trunk"].regions:
        window.show_region(region_id)
    assert built == []


def test_kept_cards_hold_every_card_of_the_map_with_the_most():
    catalog = load_library().catalog
    most = max(len(catalog.techniques_for_regions(m)) for m in catalog.maps)
    assert most <= card_panel.KEPT_CARDS


def test_cards_below_the_first_screenful_show_a_moment_later(qtbot, tmp_path):
    catalog = load_library().catalog
    panel, _ = _panel(qtbot, tmp_path, catalog)
    panel.resize(420, 500)
    info = catalog.maps["neck-back-techniques"]
    region = max(info.regions, key=lambda r: len(catalog.techniques_for_region(info.id, r)))
    panel.show_region(info, region)
    cards = list(panel.cards)
    assert len(cards) >= 5
    assert cards[0].isVisibleTo(panel)
    waiting = [c for c in cards if not c.isVisibleTo(panel)]
    assert waiting
    assert waiting == cards[-len(waiting) :]
    links = [w for w in panel.findChildren(QLabel) if w.text().startswith("→")]
    assert not any(w.isVisibleTo(panel) for w in links)  # they sit under the waiting cards
    qtbot.waitUntil(lambda: all(c.isVisibleTo(panel) for c in cards), timeout=1000)
    assert any(w.isVisibleTo(panel) for w in links)
    panel.show_technique(cards[-1].technique.id)  # another selection shows at once, whole
    assert panel.cards[0].isVisibleTo(panel)
