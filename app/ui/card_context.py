"""What every technique card shares: content, colours, folded sections and the user's notes.

Apart from the cards themselves, so the window can make it at start without importing the
cards' widgets (they are built after the first paint).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from app.model.content import Catalog
from app.ui.theme import Theme

SECTIONS = ("details", "steps", "note")


class CardNotes(Protocol):
    """What a card needs from the user's notes and stars."""

    def note(self, card_id: str) -> str: ...  # noqa: D102

    def set_note(self, card_id: str, text: str) -> None: ...  # noqa: D102

    def is_starred(self, card_id: str) -> bool: ...  # noqa: D102

    def toggle_star(self, card_id: str) -> bool: ...  # noqa: D102


@dataclass
class CardContext:
    """What every card shares: content, colours, folded sections, the user's notes.

    ``report`` tells the user about a note or star that could not be saved.
    """

    catalog: Catalog
    theme: Theme
    open_sections: dict[str, bool] = field(default_factory=lambda: dict.fromkeys(SECTIONS, True))
    notes: CardNotes | None = None
    report: Callable[[str], None] = print

    def save(self, change: Callable[[], object]) -> bool:
        """Run a change to the notes; report and return False when it could not be saved."""
        try:
            change()
        except Exception as exc:  # the store raises UserDataError with a message for people
            self.report(str(exc))
            return False
        return True
