"""The side panel that shows the cards for what was clicked on the map."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from app.model.content import Catalog, MapInfo, Technique
from app.ui.card_widgets import TechniqueCard, citation_text, plain_label
from app.ui.reference_views import fill_course, fill_page, fill_protocol
from app.ui.theme import Theme

SIDE_WORDS = {"left": "Client's left", "right": "Client's right", "midline": "Midline"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("CardPanel", text)


class CardPanel(QScrollArea):
    """A scrolling column: a heading for the selection, then its technique cards.

    Signals:
        technique_requested(str): a card asked to show a related card.
    """

    technique_requested = Signal(str)

    def __init__(self, catalog: Catalog, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.theme = theme
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(_tr("Technique cards"))
        self.setMinimumWidth(300)
        self.cards: list[TechniqueCard] = []
        self.heading = ""
        self._publish(self._reset())

    def _reset(self) -> QVBoxLayout:
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

    def _add_cards(self, layout: QVBoxLayout, techniques: list[Technique], expanded: bool) -> None:
        for technique in techniques:
            card = TechniqueCard(technique, self.catalog, self.theme, expanded=expanded)
            card.related_requested.connect(self.technique_requested)
            layout.addWidget(card)
            self.cards.append(card)

    def _general_section(self, layout: QVBoxLayout, info: MapInfo, shown: set[str]) -> None:
        extra = [t for t in self.catalog.techniques_for_map(info.id) if t.id not in shown]
        if extra:
            layout.addWidget(plain_label(_tr("Also for every area of this map"), scale=1.15, bold=True))
            self._add_cards(layout, extra, expanded=False)

    def show_map(self, info: MapInfo) -> None:
        """Show the map's overview: its summary, how to use it, and the cards for all areas."""
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
        self._general_section(layout, info, set())
        self._publish(layout)

    def show_region(self, info: MapInfo, region_id: str) -> None:
        """Show a region's heading and cards, then the map-wide cards folded."""
        region = info.regions[region_id]
        layout = self._reset()
        where = [w for w in (region.view, SIDE_WORDS.get(region.side or "")) if w]
        self._header(layout, region.name, " · ".join([info.title, *map(_tr, where)]))
        techniques = self.catalog.techniques_for_region(info.id, region_id)
        self._add_cards(layout, techniques, expanded=True)
        self._general_section(layout, info, {t.id for t in techniques})
        self._publish(layout)

    def show_point(self, point_id: str) -> None:
        """Show a tender point: where it is, its source, and its cards."""
        point = self.catalog.points[point_id]
        layout = self._reset()
        self._header(layout, point.name, _tr(SIDE_WORDS[point.side]))
        layout.addWidget(plain_label(point.location, scale=1.1))
        layout.addWidget(
            plain_label(
                _tr("Source: ") + citation_text(self.catalog, point.cite),
                scale=0.92,
                color=self.theme.text_muted,
            )
        )
        self._add_cards(layout, [self.catalog.techniques[t] for t in point.techniques], expanded=True)
        self._publish(layout)

    def show_technique(self, technique_id: str) -> None:
        """Show one card on its own (from a "See also" link)."""
        technique = self.catalog.techniques[technique_id]
        layout = self._reset()
        self._header(layout, technique.title, "")
        self._add_cards(layout, [technique], expanded=True)
        self._publish(layout)

    def show_page(self, page_id: str) -> None:
        """Show a reference page (FM versus MPS, the authors' theory, history, sources…)."""
        page = self.catalog.pages[page_id]
        layout = self._reset()
        self._header(layout, page.title, _tr("Reference"))
        fill_page(layout, page, self.catalog, self.theme)
        self._publish(layout)

    def show_protocol(self) -> None:
        """Show the 8 steps of the protocol with links to their cards."""
        layout = self._reset()
        self._header(layout, _tr("Medical massage protocol"), _tr("The 8 steps of every session"))
        fill_protocol(layout, self.catalog, self.theme, self.technique_requested.emit)
        self._publish(layout)

    def show_course(self) -> None:
        """Show the course of treatment and the session-number rules."""
        layout = self._reset()
        self._header(layout, _tr("Course of treatment"), _tr("Sessions, breaks, exercise and maintenance"))
        fill_course(layout, self.catalog, self.theme)
        self._publish(layout)

    def card_titles(self) -> list[str]:
        """Return the titles of the cards shown, in order."""
        return [card.technique.title for card in self.cards]
