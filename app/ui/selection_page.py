"""The card panel's page that stays: what was clicked, its kept cards, and links to more.

A click on the map must bring up its cards within a frame, so nothing on this page is
built for a click: the heading, the introduction and the links are kept widgets whose text
changes, the cards are the panel's kept cards, and a link label is made once per technique.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.ui.technique_card import TechniqueCard
from app.ui.text_block import TextBlock, escaped
from app.ui.text_widgets import ClickableLabel, link_label, plain_label, scaled_font
from app.ui.theme import Theme

REST_FALLBACK_MS = 100  # the cards below the first screenful, if the heading is never painted


@dataclass(frozen=True)
class Selection:
    """What the page shows: a heading, an optional introduction, cards, then links."""

    title: str
    subtitle: str
    cards: Sequence[TechniqueCard]
    intro: str = ""  # a tender point's location
    intro_source: str = ""  # and where that comes from
    links_title: str = ""
    links: Sequence[tuple[str, str]] = field(default_factory=tuple)  # (technique id, title)


def _place(layout: QVBoxLayout, old: Sequence[QWidget], new: Sequence[QWidget]) -> None:
    """Put ``new`` into ``layout`` in order, in place of ``old``; hide the ones not wanted."""
    if list(new) == list(old):
        return
    for widget in old:
        if widget not in new:
            widget.hide()
        layout.removeWidget(widget)
    for widget in new:
        layout.addWidget(widget)


class SelectionPage(QWidget):
    """A heading, an introduction, the kept cards in order, then links to other cards."""

    def __init__(self, theme: Theme, follow_link: Callable[[str], object], margin: int) -> None:
        super().__init__()
        self._theme = theme
        self._follow_link = follow_link
        layout = QVBoxLayout(self)
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(12)
        self.heading = plain_label("", scale=1.6, bold=True)
        self.heading.setObjectName("PanelHeading")
        self.subtitle = plain_label("", scale=1.05, color=theme.text_muted)
        self._intro = TextBlock("", "", font=scaled_font(1.1))
        self._intro_source = TextBlock("", "", font=scaled_font(0.92), color=theme.text_muted)
        self._cards = QVBoxLayout()
        self._cards.setSpacing(12)
        self._links_title = plain_label("", scale=1.15, bold=True)
        self._links = QVBoxLayout()
        self._links.setSpacing(12)
        for part in (self.heading, self.subtitle, self._intro, self._intro_source):
            layout.addWidget(part)
        layout.addLayout(self._cards)
        layout.addWidget(self._links_title)
        layout.addLayout(self._links)
        self._shown: list[TechniqueCard] = []
        self._link_labels: dict[str, ClickableLabel] = {}
        self._shown_links: list[ClickableLabel] = []
        self._waiting: list[TechniqueCard] = []
        self._rest_timer = QTimer(self)
        self._rest_timer.setSingleShot(True)
        self._rest_timer.timeout.connect(self.show_rest)
        self.heading.installEventFilter(self)

    def show_selection(self, selection: Selection, room: int, width: int) -> None:
        """Show this selection: kept cards move here in order, the ones not wanted hide.

        ``room`` is the height seen at once and ``width`` the cards' width; cards below
        the first screenful wait for ``show_rest``.
        """
        self.heading.setText(selection.title)
        self.heading.setAccessibleName(selection.title)
        self.subtitle.setText(selection.subtitle)
        self.subtitle.setVisible(bool(selection.subtitle))
        for block, text in ((self._intro, selection.intro), (self._intro_source, selection.intro_source)):
            block.set_content(escaped(text), text)
            block.setVisible(bool(text))
        cards = list(selection.cards)
        _place(self._cards, self._shown, cards)
        self._shown = cards
        # The cards on the first screenful show now; the ones below it (a region can have
        # seven long cards) wait for show_rest, a turn of the event loop later, so the
        # click's frame lays out and shows only what can be seen.
        spacing = self._cards.spacing()
        top = sum(w.sizeHint().height() + spacing for w in (self.heading, self.subtitle))
        top += sum(b.heightForWidth(width) + spacing for b in (self._intro, self._intro_source) if b.text())
        self._waiting = []
        for card in cards:
            if top < room or card is cards[0]:
                card.show()
            else:
                card.hide()
                self._waiting.append(card)
            top += card.heightForWidth(width) + spacing
        self._links_title.setText(selection.links_title)
        links = [self._link(ident, title) for ident, title in selection.links]
        _place(self._links, self._shown_links, links)
        self._shown_links = links
        self._links_title.setVisible(bool(links) and not self._waiting)
        for link in links:
            link.setVisible(not self._waiting)
        if self._waiting:
            # Once the heading is painted (the click's frame is on screen), or soon regardless.
            self._rest_timer.start(REST_FALLBACK_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """When the heading is painted, show the waiting cards on the next turn (Qt override)."""
        if event.type() == QEvent.Type.Paint and self._waiting:
            self._rest_timer.start(0)
        return False

    def show_rest(self) -> None:
        """Show the cards (and links) that waited below the first screenful."""
        for card in self._waiting:
            card.show()
        self._waiting = []
        self._links_title.setVisible(bool(self._shown_links))
        for link in self._shown_links:
            link.show()

    def _link(self, ident: str, title: str) -> ClickableLabel:
        link = self._link_labels.get(ident)
        if link is None:
            link = link_label(title, self._theme.link)
            link.clicked.connect(lambda: self._follow_link(ident))
            self._link_labels[ident] = link
        return link

    def forget_card(self, card: TechniqueCard) -> None:
        """Let go of a kept card the panel is about to delete."""
        if card in self._shown:
            self._shown.remove(card)
            self._cards.removeWidget(card)
        if card in self._waiting:
            self._waiting.remove(card)
