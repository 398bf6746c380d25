"""The side panel that shows the cards for what was clicked on the map."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from app.model.content import MapInfo, Technique
from app.ui.reference_views import fill_course, fill_page, fill_protocol
from app.ui.technique_card import CardContext, TechniqueCard
from app.ui.text_widgets import citation_text, link_label, plain_label
from app.ui.theme import Theme

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
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(_tr("Technique cards"))
        self.setMinimumWidth(300)
        self.cards: list[TechniqueCard] = []
        self.heading = ""
        self._shown: Callable[[], None] = lambda: self._publish(self._reset())
        self._shown()

    def set_theme(self, theme: Theme) -> None:
        """Show what is shown again in another theme (and at the application's new text size)."""
        self.context = replace(self.context, theme=theme)
        self.theme = theme
        scroll = self.verticalScrollBar().value()
        self._shown()
        self.verticalScrollBar().setValue(scroll)

    def _remember(self, show: Callable[[], None]) -> None:
        self._shown = show
        show()

    def _reset(self) -> QVBoxLayout:
        self.flush_notes()
        content = QWidget()
        content.setObjectName("CardPanelContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(12)
        self._building = content  # keeps the widget alive until _publish
        self.cards = []
        return layout

    def _publish(self, layout: QVBoxLayout) -> None:
        # Set the widget only once it is filled: children added to a shown widget stay hidden.
        layout.addStretch(1)
        self.setWidget(self._building)

    def _header(self, layout: QVBoxLayout, title: str, subtitle: str) -> None:
        self.heading = title
        heading = plain_label(title, scale=1.6, bold=True)
        heading.setObjectName("PanelHeading")
        heading.setAccessibleName(title)
        layout.addWidget(heading)
        if subtitle:
            layout.addWidget(plain_label(subtitle, scale=1.05, color=self.theme.text_muted))

    def _add_cards(self, layout: QVBoxLayout, techniques: list[Technique]) -> None:
        for technique in techniques:
            card = TechniqueCard(technique, self.context)
            card.related_requested.connect(self.technique_requested)
            card.map_requested.connect(self.map_requested)
            card.timer_requested.connect(self.timer_requested)
            card.section_toggled.connect(self._toggle_section)
            layout.addWidget(card)
            self.cards.append(card)

    def _toggle_section(self, key: str, on: bool) -> None:
        # One choice for every card: a therapist who folds "Details" wants it folded everywhere.
        self.context.open_sections[key] = on
        for card in self.cards:
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
                _tr("Map source: ") + citation_text(self.catalog, info.cite),
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
        region = info.regions[region_id]
        layout = self._reset()
        where = [w for w in (region.view, SIDE_WORDS.get(region.side or "")) if w]
        self._header(layout, region.name, " · ".join([info.title, *map(_tr, where)]))
        techniques = self.catalog.techniques_for_region(info.id, region_id)
        self._add_cards(layout, techniques)
        self._map_wide(layout, info, {t.id for t in techniques})
        self._publish(layout)

    def show_point(self, point_id: str) -> None:
        """Show a tender point: where it is, its source, and its cards."""
        self._remember(lambda: self._show_point(point_id))

    def _show_point(self, point_id: str) -> None:
        point = self.catalog.points[point_id]
        layout = self._reset()
        self._header(layout, f"{point.name} ({_tr(SIDE_WORDS[point.side]).lower()})", _tr("Tender point"))
        layout.addWidget(plain_label(point.location, scale=1.1))
        layout.addWidget(
            plain_label(
                _tr("Source: ") + citation_text(self.catalog, point.cite),
                scale=0.92,
                color=self.theme.text_muted,
            )
        )
        self._add_cards(layout, [self.catalog.techniques[t] for t in point.techniques])
        self._publish(layout)

    def show_technique(self, technique_id: str) -> None:
        """Show one card on its own (from a link, the Starred list or the protocol)."""
        self._remember(lambda: self._show_technique(technique_id))

    def _show_technique(self, technique_id: str) -> None:
        technique = self.catalog.techniques[technique_id]
        layout = self._reset()
        self._header(layout, technique.title, _tr("Technique card"))
        self._add_cards(layout, [technique])
        self._publish(layout)

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
        for card in self.cards:
            card.flush_note()

    def refresh_stars(self) -> None:
        """Update the stars of the cards shown (the starred list changed elsewhere)."""
        for card in self.cards:
            card.refresh_star()

    def card_titles(self) -> list[str]:
        """Return the titles of the cards shown, in order."""
        return [card.technique.title for card in self.cards]
