"""Export every map's handout, one small step at a time on the UI thread.

A painter on a PDF writer must stay on the thread that made it, and scenes are
not safe to render off the UI thread; so a QTimer drives the work one page per
step and the window stays responsive in between. Each PDF is made in memory
and written in one step when it is complete, so cancelling leaves no
half-written file.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from app.model.handout_content import handout_file_name
from app.model.handout_layout import PaperSize
from app.services.library import Library
from app.ui.handout_export import PdfPages, geometry_for, write_file
from app.ui.handout_painter import HandoutRenderer


def _tr(text: str) -> str:
    return QCoreApplication.translate("HandoutBatch", text)


class BatchMode(Enum):
    """One PDF per map in a folder, or every map in one PDF."""

    FOLDER = "folder"
    COMBINED = "combined"


@dataclass(frozen=True)
class BatchRequest:
    """What to export: the maps, the paper, and where (a folder, or the combined file)."""

    map_ids: tuple[str, ...]
    paper: PaperSize
    mode: BatchMode
    target: Path


class HandoutBatch(QObject):
    """Export many handouts, one page per timer step.

    Signals:
        progressed(int, str): maps done so far, and what is being made now.
        finished(list): the files written (a list of Path).
        failed(str): a file could not be written; the message names it.
    """

    progressed = Signal(int, str)
    finished = Signal(list)
    failed = Signal(str)

    def __init__(self, library: Library, request: BatchRequest, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.request = request
        self.written: list[Path] = []
        self.cancelled = False
        self._map_index = 0
        self._page = 0
        self._renderer: HandoutRenderer | None = None
        self._pdf: PdfPages | None = None
        self._busy = False
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.step)

    @property
    def running(self) -> bool:
        """Whether steps are still to come."""
        return self._timer.isActive()

    def start(self) -> None:
        """Begin; the steps run from the event loop."""
        if self.request.mode is BatchMode.FOLDER:
            self.request.target.mkdir(parents=True, exist_ok=True)
        self._timer.start()

    def cancel(self) -> None:
        """Stop after the current step; the PDF in progress is dropped, finished files stay whole."""
        self.cancelled = True
        self._timer.stop()
        if self._pdf is not None:
            self._pdf.abort()
            self._pdf = None

    def run_to_end(self) -> None:
        """Do every remaining step now (for tests and scripts without an event loop)."""
        while not self.cancelled and self._map_index < len(self.request.map_ids):
            self.step()

    def step(self) -> None:
        """Do one step: lay out the next map, or paint its next page (and write the file after the last)."""
        if self._busy:  # a modal progress dialog runs the event loop inside a step
            return
        self._busy = True
        try:
            self._step()
        except OSError as exc:
            self.cancel()
            self.failed.emit(str(exc))
        finally:
            self._busy = False

    def _step(self) -> None:
        ids = self.request.map_ids
        if self._map_index >= len(ids):
            self._timer.stop()
            return
        map_id = ids[self._map_index]
        if self._renderer is None:  # laying out a map is a step of its own, to keep steps short
            self._renderer = HandoutRenderer.for_map(self.library, map_id, geometry_for(self.request.paper))
            self._page = 0
            return
        if self._pdf is None:
            title = (
                _tr("FibroMap handouts")
                if self.request.mode is BatchMode.COMBINED
                else self.library.catalog.maps[map_id].title
            )
            self._pdf = PdfPages(self.request.paper, title)
        renderer = self._renderer
        self.progressed.emit(
            self._map_index,
            _tr("{title}: page {page} of {pages}").format(
                title=renderer.content.title, page=self._page + 1, pages=renderer.page_count
            ),
        )
        self._pdf.add(renderer, self._page)
        self._page += 1
        if self._page < renderer.page_count:
            return
        self._renderer = None
        self._map_index += 1
        if self.request.mode is BatchMode.FOLDER:
            name = handout_file_name(self._map_index, map_id, self.request.paper.label)
            self._write(self.request.target / name)
        elif self._map_index == len(ids):
            self._write(self.request.target)
        if self._map_index == len(ids):
            self._timer.stop()
            self.progressed.emit(len(ids), _tr("Done"))
            self.finished.emit(list(self.written))

    def _write(self, path: Path) -> None:
        pdf, self._pdf = self._pdf, None
        if pdf is None:
            return
        write_file(path, pdf.finish())
        self.written.append(path)
