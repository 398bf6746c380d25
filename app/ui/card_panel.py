"""The side panel that shows the cards for what was clicked on the map.

A click on the map must show its cards within a frame (16 ms), and building a
technique card takes longer than that. So the panel keeps built cards: when a
map is shown, the cards its regions use are built in idle time, laid out at the
panel's width, and kept; a region, a tender point or a single card is then
shown on one page that stays (``SelectionPage``), by setting its heading,
showing the kept cards it needs in order and hiding the rest. The map overview
and the reference pages are built afresh each time, beside that page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from app.model.content import Catalog, MapInfo, Technique
from app.ui.card_context import CardContext
from app.ui.reference_views import fill_course, fill_page, fill_protocol
from app.ui.text_widgets import link_label, plain_label, sources_text
from app.ui.theme import Theme

if TYPE_CHECKING:  # the cards' modules load when the first card is built, after the first paint
    from app.ui.selection_page import Selection, SelectionPage
    from app.ui.technique_card import TechniqueCard

# Cards kept built (about 0.4 MB each): enough for every region of the map with the most
# (13, trunk; a test checks the shipped content), so a map's cards are all built once.
KEPT_CARDS = 16
PAGE_MARGIN = 12  # around the panel's pages
SIDE_WORDS = {"left": "Client's left", "right": "Client's right", "midline": "Midline"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("CardPanel", text)


class CardPanel(QScrollArea):
    """A scrolling column: a heading for the selection, then its technique cards.

    Signals:
        technique_requested(str): show this technique's card (a link was followed).
        map_requested(str): show on the map where this technique applies.
        timer_requested(str): open the countdown for this technique.
        section_toggled(str, bool): a card section kind was opened or closed.
    """

    technique_requested = Signal(str)
    map_requested = Signal(str)
    timer_requested = Signal(str)
    section_toggled = Signal(str, bool)

    def __init__(self, context: CardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.catalog = context.catalog
        self.theme = context.theme
        self.setWidgetResizable(True)
        # Text wraps to the panel; only what cannot wrap (a wide table at a large text size) scrolls.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # Always there, so the cards' width never changes with their height: a card laid out
        # ahead of a click (see prepare_jobs) is then shown without laying out its text again.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(_tr("Technique cards"))
        self.setMinimumWidth(300)
        self.cards: list[TechniqueCard] = []
        self.heading = ""
        self._graveyard = QWidget(self)  # where discarded widgets wait for deletion, hidden
        self._graveyard.hide()
        self._kept: dict[str, TechniqueCard] = {}  # technique id -> its card, built once
        # One widget for the panel's life: the kept page and the page built for the moment.
        frame = QWidget()
        frame.setObjectName("CardPanelContent")
        frame_layout = QVBoxLayout(frame)
        frame_layout.setContentsMargins(0, 0, 0, 0)
        frame_layout.setSpacing(0)
        self._selection_page: SelectionPage | None = None  # made with the first card shown
        frame_layout.addStretch(1)
        self._frame_layout = frame_layout
        self._page: QWidget | None = None
        self.setWidget(frame)
        self._shown: Callable[[], None] = lambda: self._publish(self._reset())
        self._shown()

    def set_theme(self, theme: Theme) -> None:
        """Show what is shown again in another theme (and at the application's new text size)."""
        self.context = replace(self.context, theme=theme)
        self.theme = theme
        self._renew_kept_page()
        scroll = self.verticalScrollBar().value()
        self._shown()
        self.verticalScrollBar().setValue(scroll)

    def set_catalog(self, catalog: Catalog) -> None:
        """Show cards from another catalog (a content pack was opened): kept cards are built anew."""
        self.catalog = catalog
        self.context = replace(self.context, catalog=catalog)
        self._renew_kept_page()
        self._shown()

    def _renew_kept_page(self) -> None:
        # Kept cards and the kept page carry the old colours and text size: build them anew.
        for old_card in self._kept.values():
            old_card.flush_note()
            self._discard(old_card)
        self._kept = {}
        self.cards = []
        old, self._selection_page = self._selection_page, None
        if old is not None:
            self._frame_layout.removeWidget(old)
            self._discard(old)

    @property
    def _selection(self) -> SelectionPage:
        """The page that stays (see the module's docstring), made when first needed."""
        if self._selection_page is None:
            from app.ui.selection_page import SelectionPage

            self._selection_page = SelectionPage(self.theme, self.technique_requested.emit, PAGE_MARGIN)
            self._selection_page.hide()
            self._frame_layout.insertWidget(0, self._selection_page)
        return self._selection_page

    def _remember(self, show: Callable[[], None]) -> None:
        self._shown = show
        show()

    def _reset(self) -> QVBoxLayout:
        self.flush_notes()
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        layout.setSpacing(12)
        self._building = content  # keeps the widget alive until _publish
        self.cards = []
        return layout

    def _publish(self, layout: QVBoxLayout) -> None:
        # The new page replaces the last one; the kept page hides (its cards stay built).
        layout.addStretch(1)
        self._drop_page()
        if self._selection_page is not None:
            self._selection_page.hide()
        self._frame_layout.insertWidget(0, self._building, 1)
        self._page = self._building
        self._page.show()  # children added to a shown widget stay hidden until shown
        self._settle()

    def _discard(self, widget: QWidget) -> None:
        # Out of the page at once, deleted when the event loop next runs (it may be the sender of
        # the click being handled). Never parentless: a widget without a parent is a window.
        widget.hide()
        widget.setParent(self._graveyard)
        widget.deleteLater()

    def _drop_page(self) -> None:
        if self._page is not None:
            self._discard(self._page)
            self._page = None

    def _kept_card(self, technique: Technique) -> TechniqueCard:
        card = self._kept.get(technique.id)
        if card is None:
            from app.ui.technique_card import TechniqueCard

            card = TechniqueCard(technique, self.context)
            card.related_requested.connect(self.technique_requested)
            card.map_requested.connect(self.map_requested)
            card.timer_requested.connect(self.timer_requested)
            card.section_toggled.connect(self._toggle_section)
            self._kept[technique.id] = card
        else:
            self._kept[technique.id] = self._kept.pop(technique.id)  # the most recent last
            # As a new card would be: the sections folded as chosen, the star as stored.
            for key, section in card.sections.items():
                section.set_open(self.context.open_sections.get(key, True))
            card.refresh_star()
        return card

    def prepare_jobs(self, techniques: Iterable[Technique]) -> list[Callable[[], None]]:
        """Jobs that each build one card ahead of a click, for the caller's idle queue."""
        return [partial(self._prepare, t) for t in techniques if t.id not in self._kept]

    def _prepare(self, technique: Technique) -> None:
        if technique.id in self._kept or self.catalog.techniques.get(technique.id) is not technique:
            return  # built meanwhile, or another catalog since the job was queued
        card = self._kept_card(technique)
        # Polish it and lay it out at the width it will be shown at, hidden: a click then only
        # shows it. (A parent makes it a child, never a window of its own.)
        card.setParent(self._selection)
        card.hide()
        card.ensurePolished()
        width = self._card_width()
        card.resize(width, card.heightForWidth(width))
        self._forget_old_cards()

    def _card_width(self) -> int:
        return max(self.viewport().width() - 2 * PAGE_MARGIN, 100)

    def _forget_old_cards(self) -> None:
        shown = set(map(id, self.cards))
        for ident, card in list(self._kept.items()):
            if len(self._kept) <= KEPT_CARDS:
                break
            if id(card) not in shown and card.isHidden():
                card.flush_note()
                del self._kept[ident]
                self._selection.forget_card(card)
                self._discard(card)

    def _show_selection(self, selection: Selection) -> None:
        """Show the kept page with this selection (its cards are the kept ones)."""
        self.flush_notes()
        self._drop_page()
        self.heading = selection.title
        self.cards = list(selection.cards)
        # Only once the new cards are chosen: forgetting while choosing could discard a kept
        # card that this very selection is about to show (the soak test caught it).
        self._forget_old_cards()
        width = self._card_width()
        self._selection.show_selection(selection, self.viewport().height(), width)
        self._selection.show()
        self._settle()

    def _settle(self) -> None:
        # Lay the page out now, as setWidget did, so sizes are right before anything asks.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.verticalScrollBar().setValue(0)

    def _header(self, layout: QVBoxLayout, title: str, subtitle: str) -> None:
        self.heading = title
        heading = plain_label(title, scale=1.6, bold=True)
        heading.setObjectName("PanelHeading")
        heading.setAccessibleName(title)
        layout.addWidget(heading)
        if subtitle:
            layout.addWidget(plain_label(subtitle, scale=1.05, color=self.theme.text_muted))

    def _toggle_section(self, key: str, on: bool) -> None:
        # One choice for every card: a therapist who folds "Details" wants it folded everywhere.
        self.context.open_sections[key] = on
        for card in self._kept.values():
            if key in card.sections:
                card.sections[key].set_open(on)
        self.section_toggled.emit(key, on)

    def _links(self, layout: QVBoxLayout, title: str, techniques: list[Technique]) -> None:
        if not techniques:
            return
        layout.addWidget(plain_label(title, scale=1.15, bold=True))
        for technique in techniques:
            link = link_label(technique.title, self.theme.link)
            link.clicked.connect(lambda i=technique.id: self.technique_requested.emit(i))
            layout.addWidget(link)

    def _map_wide(self, layout: QVBoxLayout, info: MapInfo, shown: set[str]) -> None:
        extra = [t for t in self.catalog.techniques_for_map(info.id) if t.id not in shown]
        self._links(layout, _tr("Also for every area of this map"), extra)

    def show_map(self, info: MapInfo) -> None:
        """Show the map's overview: its summary, how to use it, and the cards for all areas."""
        self._remember(lambda: self._show_map(info))

    def _show_map(self, info: MapInfo) -> None:
        layout = self._reset()
        self._header(layout, info.title, " · ".join(info.views))
        if info.summary:
            layout.addWidget(plain_label(info.summary))
        layout.addWidget(plain_label(_tr("Click a region of the map to see the cards that apply to it.")))
        layout.addWidget(
            plain_label(
                sources_text(self.catalog, info.cite, lead=_tr("Map")),
                scale=0.92,
                color=self.theme.text_muted,
            )
        )
        self._map_wide(layout, info, set())
        self._publish(layout)

    def show_region(self, info: MapInfo, region_id: str) -> None:
        """Show a region's heading and cards, then links to the map-wide cards."""
        self._remember(lambda: self._show_region(info, region_id))

    def _show_region(self, info: MapInfo, region_id: str) -> None:
        from app.ui.selection_page import Selection

        region = info.regions[region_id]
        where = [w for w in (region.view, SIDE_WORDS.get(region.side or "")) if w]
        techniques = self.catalog.techniques_for_region(info.id, region_id)
        shown = {t.id for t in techniques}
        also = [(t.id, t.title) for t in self.catalog.techniques_for_map(info.id) if t.id not in shown]
        self._show_selection(
            Selection(
                region.name,
                " · ".join([info.title, *map(_tr, where)]),
                [self._kept_card(t) for t in techniques],
                links_title=_tr("Also for every area of this map"),
                links=also,
            )
        )

    def show_point(self, point_id: str) -> None:
        """Show a tender point: where it is, its source, and its cards."""
        self._remember(lambda: self._show_point(point_id))

    def _show_point(self, point_id: str) -> None:
        from app.ui.selection_page import Selection

        point = self.catalog.points[point_id]
        self._show_selection(
            Selection(
                f"{point.name} ({_tr(SIDE_WORDS[point.side]).lower()})",
                _tr("Tender point"),
                [self._kept_card(self.catalog.techniques[t]) for t in point.techniques],
                intro=point.location,
                intro_source=sources_text(self.catalog, point.cite),
            )
        )

    def show_technique(self, technique_id: str) -> None:
        """Show one card on its own (from a link, the Starred list or the protocol)."""
        self._remember(lambda: self._show_technique(technique_id))

    def _show_technique(self, technique_id: str) -> None:
        from app.ui.selection_page import Selection

        technique = self.catalog.techniques[technique_id]
        self._show_selection(Selection(technique.title, _tr("Technique card"), [self._kept_card(technique)]))

    def show_page(self, page_id: str) -> None:
        """Show a reference page (FM versus MPS, the authors' theory, history, sources…)."""
        self._remember(lambda: self._show_page(page_id))

    def _show_page(self, page_id: str) -> None:
        page = self.catalog.pages[page_id]
        layout = self._reset()
        self._header(layout, page.title, _tr("Reference"))
        fill_page(layout, page, self.catalog, self.theme)
        self._publish(layout)

    def show_protocol(self) -> None:
        """Show the 8 steps of the protocol with links to their cards."""
        self._remember(lambda: self._show_protocol())

    def _show_protocol(self) -> None:
        layout = self._reset()
        self._header(layout, _tr("Medical massage protocol"), _tr("The 8 steps of every session"))
        fill_protocol(layout, self.catalog, self.theme, self.technique_requested.emit)
        self._publish(layout)

    def show_course(self) -> None:
        """Show the course of treatment and the session-number rules."""
        self._remember(lambda: self._show_course())

    def _show_course(self) -> None:
        layout = self._reset()
        self._header(layout, _tr("Course of treatment"), _tr("Sessions, breaks, exercise and maintenance"))
        fill_course(layout, self.catalog, self.theme)
        self._publish(layout)

    def flush_notes(self) -> None:
        """Save notes still waiting for a pause in the typing (before the cards go)."""
        for card in self._kept.values() if hasattr(self, "_kept") else ():
            card.flush_note()

    def refresh_stars(self) -> None:
        """Update the stars of the cards (the starred list changed elsewhere)."""
        for card in self._kept.values():
            card.refresh_star()

    def card_titles(self) -> list[str]:
        """Return the titles of the cards shown, in order."""
        return [card.technique.title for card in self.cards]
