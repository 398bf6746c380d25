"""The floor of the start benchmark: a bare PySide6 process that shows one empty window, paints once, quits.

It quits the same way ``python -m app --exit-after-first-paint`` does (a zero timer
set from the first paint event), so the two processes differ only in FibroMap's
own work.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class _QuitAfterPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    """Show an empty window, paint it once and quit."""
    app = QApplication([sys.argv[0]])
    window = QWidget()
    window.resize(1440, 900)
    watcher = _QuitAfterPaint()
    window.installEventFilter(watcher)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
