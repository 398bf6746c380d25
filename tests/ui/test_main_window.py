from PySide6.QtCore import QPointF, Qt

from app.ui.technique_card import TechniqueCard
from app.ui.text_widgets import ClickableLabel
from tests.ui.shown_text import shown_lines


def click_scene_point(qtbot, window, x: float, y: float) -> None:
    view = window.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(QPointF(x, y)))


def test_click_on_region_opens_that_regions_cards(make_window, mini_library, qtbot):
    window = make_window(mini_library)
    click_scene_point(qtbot, window, 560, 700)
    assert window.cards.heading == "Right part"
    assert window.cards.card_titles() == ["Stroke", "Hold"]
    assert window.scenes["mini"].selected_region == "mini-right"
    # The map-wide card is offered as a link that opens it.
    links = [w for w in window.cards.widget().findChildren(ClickableLabel) if w.text() == "→ General"]
    assert len(links) == 1
    links[0].clicked.emit()
    assert window.cards.card_titles() == ["General"]

    click_scene_point(qtbot, window, 300, 500)
    assert window.cards.heading == "Left part"
    assert window.cards.card_titles() == ["Stroke"]


def test_click_on_tender_point_opens_point_card(make_window, mini_library, qtbot):
    window = make_window(mini_library)
    click_scene_point(qtbot, window, 401, 301)
    assert window.cards.heading == "Mini point (client's left)"
    assert window.cards.card_titles() == ["Hold"]


def test_drag_pans_instead_of_selecting(make_window, mini_library, qtbot):
    window = make_window(mini_library)
    window.view.zoom_in()
    window.view.zoom_in()
    viewport = window.view.viewport()
    start = window.view.mapFromScene(QPointF(300, 500))
    before = window.view.horizontalScrollBar().value()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, start + type(start)(step * 20, 0))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + type(start)(100, 0))
    assert window.view.horizontalScrollBar().value() < before
    assert window.scenes["mini"].selected_region == ""


def test_card_shows_every_field_as_plain_text(make_window, mini_library, qtbot):
    window = make_window(mini_library)
    window.show_region("mini-right")
    card = window.cards.cards[0]
    assert isinstance(card, TechniqueCard)
    lines = shown_lines(card)
    for expected in (
        "Release tension.",
        "Not stated in the source",
        "1.  Touch.",
        "• Watch the reflex.",
        "Source: Article — step 2",
    ):
        assert expected in lines
    assert "Purpose" in lines  # the details table: a cell per line
    assert any("No lubrication" in line for line in lines)
    assert all(
        label.textFormat() == Qt.TextFormat.PlainText
        for label in card.findChildren(type(window.map_label))
        if label.text()
    )


def test_related_link_opens_related_card(make_window, mini_library, qtbot):
    window = make_window(mini_library)
    window.show_region("mini-left")
    window.cards.cards[0].related_requested.emit("hold")
    assert window.cards.card_titles() == ["Hold"]


def test_zoom_actions_and_fit(make_window, mini_library, qtbot):
    from app.ui.actions import ActionId

    window = make_window(mini_library)
    scale = window.view.transform().m11()
    window.actions_by_id[ActionId.ZOOM_IN].trigger()
    assert window.view.transform().m11() > scale
    window.actions_by_id[ActionId.ZOOM_FIT].trigger()
    assert abs(window.view.transform().m11() - scale) < 1e-6


def test_layers_toggle_and_are_remembered(make_window, mini_library, qtbot):
    from app.ui.actions import ActionId

    window = make_window(mini_library)
    scene = window.scenes["mini"]
    window.actions_by_id[ActionId.SHOW_NUMBERS].setChecked(False)
    assert not any(b.isVisible() for b in scene.badge_items.values())
    window.close()
    again = make_window(mini_library)
    assert not again.actions_by_id[ActionId.SHOW_NUMBERS].isChecked()


def test_window_geometry_and_last_map_are_restored(make_window, mini_library, qtbot):
    window = make_window(mini_library)
    window.resize(611, 477)
    window.close()
    again = make_window(mini_library)
    assert again.size().width() == 611
    assert again.current_map == "mini"


def test_reference_pages_render_from_content(make_window, qtbot):
    from app.services.library import load_library
    from app.ui.actions import ActionId

    library = load_library()
    window = make_window(library)
    window.actions_by_id[ActionId.PROTOCOL].trigger()
    assert window.cards.heading == "Medical massage protocol"
    texts = [w.text() for w in window.cards.widget().findChildren(type(window.map_label))]
    for step in library.catalog.protocol:
        assert f"{step.number}. {step.title}" in texts
    window.actions_by_id[ActionId.COURSE].trigger()
    texts = [w.text() for w in window.cards.widget().findChildren(type(window.map_label))]
    assert all(phase.title in texts for phase in library.catalog.course)
    assert all(rule.text in texts for rule in library.catalog.rules)
    for page in library.catalog.pages.values():
        window.findChild(type(window.actions_by_id[ActionId.COURSE]), f"page_{page.id}").trigger()
        assert window.cards.heading == page.title


def test_the_first_frame_is_the_map_and_its_overview_follows_when_idle(make_window, qtbot):
    from app.services.library import load_library

    library = load_library()
    window = make_window(library, show=False)
    first = window.current_map
    assert window.cards.heading == ""  # nothing in the card column before the first paint
    other = next(m for m in library.catalog.maps if m != first)
    window.show_map(other)  # e.g. --map: only the map shown last gets its overview
    window.show()
    qtbot.waitUntil(lambda: window.cards.heading != "", timeout=3000)
    assert window.cards.heading == library.catalog.maps[other].title
    window.show_map(first)  # once idle work has begun, at once
    assert window.cards.heading == library.catalog.maps[first].title


def test_a_map_shown_before_idle_work_begins_replaces_the_overview_of_the_last(make_window, qtbot):
    # What --screenshot does: every queued job is run at once, then another map is shown
    # before the first paint; its overview must follow, not the previous map's stay.
    from app.services.library import load_library

    library = load_library()
    window = make_window(library, show=False)
    window.idle.run_all()
    before = window.cards.heading
    assert before == library.catalog.maps[window.current_map].title
    other = next(m for m in library.catalog.maps if m != window.current_map)
    window.show_map(other)
    window.show()
    qtbot.waitUntil(lambda: window.cards.heading != before, timeout=3000)
    assert window.cards.heading == library.catalog.maps[other].title


def test_a_choice_made_before_the_first_idle_turn_is_not_replaced_by_the_overview(make_window, qtbot):
    from app.services.library import load_library

    library = load_library()
    window = make_window(library, show=False)
    info = library.catalog.maps[window.current_map]
    region = next(iter(info.regions))
    window.show_region(region)  # a choice before the queued overview runs
    window.show()
    qtbot.waitUntil(lambda: window.idle.begun and window.idle.pending == 0, timeout=5000)
    assert window.cards.heading == info.regions[region].name
