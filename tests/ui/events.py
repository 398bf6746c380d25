"""Let queued Qt work (posted events, zero timers) run, as a few turns of the event loop would."""

from PySide6.QtWidgets import QApplication


def settle(turns: int = 3) -> None:
    """Process events ``turns`` times."""
    for _ in range(turns):
        QApplication.processEvents()
