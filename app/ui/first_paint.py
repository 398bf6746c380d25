"""Run something once a widget has been painted for the first time.

The window queues its idle work (thumbnails, the search index) to start after
the map's first paint, so nothing delays what the user sees first. The start
benchmark's ``--exit-after-first-paint`` quits there: the window starts
exactly as usual, and the process ends right after the first map is on screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class _FirstPaintWatcher(QObject):
    def __init__(self, target: QWidget, then: Callable[[], object]) -> None:
        super().__init__(target)
        self._then: Callable[[], object] | None = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Call back on the first paint event, once (Qt override)."""
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            watched.removeEventFilter(self)
            then()  # the paint itself goes on: this filter never eats it
        return False


def after_first_paint(target: QWidget, then: Callable[[], object]) -> None:
    """Call ``then`` when ``target`` is first painted (just before the paint is drawn).

    ``then`` should only schedule work (start a timer, ask the loop to quit):
    it runs inside the paint's delivery.
    """
    target.installEventFilter(_FirstPaintWatcher(target, then))
