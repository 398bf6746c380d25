"""The main window's three columns (map list | map | cards): the user's widths, or good defaults.

Sizes given to a ``QSplitter`` before its window is laid out are shared out again
against whatever width it had then, so the card column used to open at its minimum
(about 290 px at 1440 wide). :class:`PanelSplit` applies the default shares
(``appearance_controller.PANEL_WIDTHS``, grown with the text size, the map keeping
the most room) once the splitter is shown at its real width, unless the widths the
user left last time were restored; those are saved when the window closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject

from app.ui.appearance_controller import fit_panels_to_text

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class PanelSplit(QObject):
    """Gives a main window's splitter its default widths when first shown, unless the user's came back.

    Args:
        window: the main window (its ``splitter`` and ``appearance``).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._saved = QByteArray()  # the widths the user left, applied when first shown
        self.restored = False  # the user's own widths were put back
        self._settled = False  # the first showing has happened
        window.splitter.installEventFilter(self)

    def restore(self, state: QByteArray) -> None:
        """Put back the widths the user left (from :meth:`state`) when the window is first shown."""
        self._saved = QByteArray(state)
        if self._settled:
            self._settle()

    def state(self) -> QByteArray:
        """Return the widths to remember."""
        return self._window.splitter.saveState()

    def _settle(self) -> None:
        splitter = self._window.splitter
        self.restored = not self._saved.isEmpty() and splitter.restoreState(self._saved)
        if not self.restored:
            fit_panels_to_text(self._window, self._window.appearance.text_factor)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On the splitter's first showing, at its real width, set its widths (Qt override)."""
        if event.type() == QEvent.Type.Show and not self._settled:
            self._settled = True
            self._settle()
        return False
