"""The user's starred cards, listed beside the maps."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from app.model.content import Catalog
from app.services.user_data import UserDataStore


class StarredList(QListWidget):
    """Titles of the starred cards, most recent first; choosing one opens it.

    Signals:
        card_chosen(str): the user picked a card.
    """

    card_chosen = Signal(str)

    def __init__(self, catalog: Catalog, store: UserDataStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._store = store
        self.setWordWrap(True)
        self.setAccessibleName(QCoreApplication.translate("StarredList", "Starred cards"))
        self.itemActivated.connect(self._chosen)
        self.itemClicked.connect(self._chosen)
        store.changed.connect(self.refresh)
        self.refresh()

    def refresh(self, _card_id: str = "") -> None:
        """Rebuild the list from the store (cards no longer in the content are left out)."""
        self.clear()
        for card_id in reversed(self._store.starred()):
            technique = self._catalog.techniques.get(card_id)
            if technique is not None:
                item = QListWidgetItem("★ " + technique.title)
                item.setData(Qt.ItemDataRole.UserRole, card_id)
                self.addItem(item)
        if not self.count():
            placeholder = QListWidgetItem(
                QCoreApplication.translate("StarredList", "No starred cards yet: click ☆ on a card.")
            )
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(placeholder)

    def set_catalog(self, catalog: Catalog) -> None:
        """Show the cards of new content (a content pack was opened)."""
        self._catalog = catalog
        self.refresh()

    def card_ids(self) -> list[str]:
        """Return the listed card ids, in order."""
        ids = (self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count()))
        return [i for i in ids if i]

    def _chosen(self, item: QListWidgetItem) -> None:
        card_id = item.data(Qt.ItemDataRole.UserRole)
        if card_id:
            self.card_chosen.emit(card_id)
