"""Open a content pack while the app runs: from the File menu, or a folder or .zip dropped on the window.

The pack is read on a worker thread (a hostile zip takes a moment to refuse),
then the window adopts the new library: new maps appear in the navigator, the
cards, search and starred list see the pack's cards, and the problem bar says
which pack failed and why. A refused pack changes nothing else.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QWidget

from app.model.problems import Problem
from app.services.library import Library, PackReport
from app.services.pack_library import add_pack

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("PackOpening", text)


def pack_lines(library: Library) -> list[str]:
    """Return a line for the problem bar for every pack that was refused or lost maps."""
    return [report.summary() for report in library.packs if not report.loaded or report.problems]


def is_pack_path(path: Path) -> bool:
    """Return whether a dropped path could be a pack: a folder, a .zip or a pack.json."""
    return path.is_dir() or path.suffix.lower() == ".zip" or path.name == "pack.json"


def choose_pack(parent: QWidget) -> Path | None:
    """Ask for a pack: its .zip, or the pack.json inside its folder."""
    name, _ = QFileDialog.getOpenFileName(
        parent, _tr("Open Content Pack"), "", _tr("Content packs (pack.json *.zip);;All files (*)")
    )
    return Path(name) if name else None


class _Signals(QObject):
    loaded = Signal(object)  # the new Library


class _PackJob(QRunnable):
    def __init__(self, library: Library, path: Path, signals: _Signals) -> None:
        super().__init__()
        self.library, self.path, self.signals = library, path, signals

    def run(self) -> None:
        # add_pack reports every failure of the pack in the library it returns. Anything else is a
        # bug, but must not leave the window waiting for an answer: it is reported like a refusal.
        try:
            library = add_pack(self.library, self.path)
        except Exception as exc:  # noqa: BLE001 - the window must always hear back
            problem = Problem(self.path.name, "file", f"could not be opened: {type(exc).__name__}: {exc}")
            report = PackReport(self.path.name, False, (problem,))
            library = dataclasses.replace(
                self.library, problems=[*self.library.problems, problem], packs=[*self.library.packs, report]
            )
        self.signals.loaded.emit(library)


class PackOpener(QObject):
    """Loads packs off the UI thread and hands the window the new library.

    Signals:
        library_loaded(object): a pack was added or refused; the new Library.
    """

    library_loaded = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._signals = _Signals(self)
        self._signals.loaded.connect(self._adopt)
        self._pending: list[Path] = []
        self._busy = False
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def open_dialog(self) -> None:
        """File ▸ Open Content Pack…."""
        path = choose_pack(self.window)
        if path is not None:
            self.open(path)

    def open(self, path: Path) -> None:
        """Load a pack; packs asked for while one loads wait their turn (each builds on the last)."""
        self._pending.append(path)
        self._next()

    def _next(self) -> None:
        if self._busy or not self._pending:
            return
        self._busy = True
        path = self._pending.pop(0)
        self.window.statusBar().showMessage(_tr("Opening content pack {name}…").format(name=path.name))
        QThreadPool.globalInstance().start(_PackJob(self.window.library, path, self._signals))

    def _adopt(self, library: Library) -> None:
        self._busy = False
        adopt_library(self.window, library)
        report = library.packs[-1]
        self.window.statusBar().showMessage(report.summary(), 10000)
        self.library_loaded.emit(library)
        self._next()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Accept folders and .zip files dragged onto the window, and open them when dropped."""
        if watched is self.window and isinstance(event, QDragEnterEvent | QDropEvent):
            paths = _dropped_paths(event)
            if paths:
                event.acceptProposedAction()
                if isinstance(event, QDropEvent) and event.type() == QEvent.Type.Drop:
                    for path in paths:
                        self.open(path)
                return True
        return super().eventFilter(watched, event)


def _dropped_paths(event: QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if is_pack_path(p)]


def adopt_library(window: MainWindow, library: Library) -> None:
    """Make the window show a library that has more packs than before."""
    known = set(window.scenes)
    window.library = library
    window.cards.set_catalog(library.catalog)
    window.starred.set_catalog(library.catalog)
    # What is made on first use is made from window.library; what exists already is told.
    if window._search is not None:
        from app.model.search_index import build_index  # as MainWindow.search: only once it exists

        window._search.index = build_index(library.catalog)
    if window._handouts is not None:
        window._handouts.library = library
    if window._presentation is not None:
        window._presentation.library = library  # its stage is built from it on the next F5
    if window.session_guide is not None:  # rebuilt with the new content when next opened
        window.session_guide.close()
        window.session_guide.deleteLater()
        window.session_guide = None
    if window.quiz_window is not None:
        window.quiz_window.close()
        window.quiz_window.deleteLater()
        window.quiz_window = None
    new_ids = [info.id for info in library.map_infos() if info.id not in known]
    for map_id in new_ids:
        window.add_map_scene(library.catalog.maps[map_id])
    _replace_problem_bar(window)
    if new_ids:
        window.show_map(new_ids[0])


def _replace_problem_bar(window: MainWindow) -> None:
    old = window.problem_bar
    holder = old.parentWidget()
    # Made as a child of the same holder, so it never shows as a window of its own.
    window.problem_bar = window._problem_bar(holder)
    layout = holder.layout() if holder is not None else None
    if layout is not None:
        layout.replaceWidget(old, window.problem_bar)
    old.deleteLater()


def connect_pack_opening(window: MainWindow) -> Callable[[], None]:
    """Install drag and drop of packs on the window; return the File menu's handler."""
    window.pack_opener = PackOpener(window)
    return window.pack_opener.open_dialog
