"""The File menu's export and print commands: ask what and where, then do it, and say what happened.

Each command has a part that asks (dialogs) and a part that does the work
without asking (``write_handout``, ``print_to``, ``write_image``,
``start_batch``), which tests call directly.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from app.model.handout_layout import PaperSize
from app.model.wording import counted
from app.services.library import Library
from app.ui.handout_batch import BatchMode, BatchRequest, HandoutBatch
from app.ui.handout_export import (
    configure_printer,
    geometry_for,
    handout_pdf,
    map_png,
    map_svg,
    print_handout,
    printer_geometry,
    write_file,
)
from app.ui.handout_options import ExportOptionsDialog
from app.ui.handout_painter import HandoutRenderer, map_scene
from app.ui.theme import Theme


def _tr(text: str) -> str:
    return QCoreApplication.translate("HandoutCommands", text)


def default_paper() -> PaperSize:
    """US Letter where the locale measures in US units, A4 everywhere else."""
    us = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return PaperSize.LETTER if us else PaperSize.A4


class HandoutCommands(QObject):
    """Export Handout, Print, Export Map Image and Export All Maps, for the window's current map.

    Args:
        library: the maps and content.
        current_map: returns the id of the map shown.
        theme: returns the window's theme (map images use it; handouts are always light).
        report: shows a short message (the status bar).
        parent: the window dialogs open over.
    """

    def __init__(
        self,
        library: Library,
        current_map: Callable[[], str],
        theme: Callable[[], Theme],
        report: Callable[[str], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self._current_map = current_map
        self._theme = theme
        self._report = report
        self._window = parent
        self.paper = default_paper()
        self.batch: HandoutBatch | None = None

    # --- the work, without asking -------------------------------------------------

    def write_handout(self, path: Path, paper: PaperSize, map_id: str | None = None) -> int:
        """Write the handout of a map (the current one by default) as a vector PDF.

        Returns:
            The number of pages.

        Raises:
            OSError: the file could not be written; the message names it.
        """
        map_id = map_id or self._current_map()
        renderer = HandoutRenderer.for_map(self.library, map_id, geometry_for(paper))
        write_file(path, handout_pdf([renderer], paper, renderer.content.title))
        return renderer.page_count

    def print_to(self, printer: QPrinter, map_id: str | None = None) -> int:
        """Print the handout of a map on a printer already set up; return the page count."""
        map_id = map_id or self._current_map()
        renderer = HandoutRenderer.for_map(self.library, map_id, printer_geometry(printer))
        print_handout(printer, renderer)
        return renderer.page_count

    def write_image(self, path: Path, width: int | None = None, map_id: str | None = None) -> None:
        """Write the map with its legend as PNG (``width`` pixels) or SVG, chosen by the suffix.

        Raises:
            OSError: the file could not be written; the message names it.
            ValueError: the suffix is neither .png nor .svg.
        """
        map_id = map_id or self._current_map()
        scene = map_scene(self.library, map_id, self._theme())
        suffix = path.suffix.lower()
        if suffix == ".svg":
            data = map_svg(scene, self.library.catalog.maps[map_id].title)
        elif suffix == ".png":
            data = map_png(scene, width or 3840)
        else:
            raise ValueError(_tr("{path}: choose a .png or .svg file").format(path=path))
        write_file(path, data)

    def start_batch(self, request: BatchRequest) -> HandoutBatch:
        """Start exporting every map in steps; the caller listens to the batch's signals."""
        self.batch = HandoutBatch(self.library, request, self)
        self.batch.start()
        return self.batch

    # --- the menu commands, which ask first ----------------------------------------

    def _fail(self, title: str, exc: Exception) -> None:
        QMessageBox.warning(self._window, title, str(exc))

    def export_handout(self) -> None:
        """Handle File ▸ Export Handout (PDF)."""
        map_id = self._current_map()
        if not map_id:
            return
        options = ExportOptionsDialog(self._window, paper=self.paper)
        if options.exec() != ExportOptionsDialog.DialogCode.Accepted:
            return
        self.paper = options.paper()
        default = f"fibromap-{map_id}-{self.paper.label.lower().replace(' ', '-')}.pdf"
        name, _ = QFileDialog.getSaveFileName(
            self._window, _tr("Export Handout as PDF"), default, _tr("PDF files (*.pdf)")
        )
        if not name:
            return
        path = _with_suffix(name, ".pdf")
        try:
            pages = self.write_handout(path, self.paper)
        except OSError as exc:
            self._fail(_tr("The handout was not saved"), exc)
            return
        self._report(_tr("Saved {path} ({n} pages)").format(path=path, n=pages))

    def print_current(self) -> None:
        """File ▸ Print…: the handout of the current map, through the system print dialog."""
        if not self._current_map():
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure_printer(printer, self.paper)
        dialog = QPrintDialog(printer, self._window)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        try:
            self.print_to(printer)
        except OSError as exc:
            self._fail(_tr("The handout was not printed"), exc)

    def export_image(self) -> None:
        """Handle File ▸ Export Map Image (PNG/SVG)."""
        map_id = self._current_map()
        if not map_id:
            return
        options = ExportOptionsDialog(self._window, image=True)
        if options.exec() != ExportOptionsDialog.DialogCode.Accepted:
            return
        suffix = ".svg" if options.svg() else ".png"
        name, _ = QFileDialog.getSaveFileName(
            self._window,
            _tr("Export Map Image"),
            f"fibromap-{map_id}{suffix}",
            _tr("SVG images (*.svg)") if options.svg() else _tr("PNG images (*.png)"),
        )
        if not name:
            return
        path = _with_suffix(name, suffix)
        try:
            self.write_image(path, options.width())
        except (OSError, ValueError) as exc:
            self._fail(_tr("The image was not saved"), exc)
            return
        self._report(_tr("Saved {path}").format(path=path))

    def export_all(self) -> None:
        """File ▸ Export All Maps…: one PDF per map in a folder, or one combined PDF."""
        if self.batch is not None and self.batch.running:
            return
        options = ExportOptionsDialog(self._window, paper=self.paper, batch=True)
        if options.exec() != ExportOptionsDialog.DialogCode.Accepted:
            return
        self.paper = options.paper()
        if options.combined():
            name, _ = QFileDialog.getSaveFileName(
                self._window,
                _tr("Export All Maps to One PDF"),
                "fibromap-handouts.pdf",
                _tr("PDF files (*.pdf)"),
            )
            target = _with_suffix(name, ".pdf") if name else None
        else:
            folder = QFileDialog.getExistingDirectory(self._window, _tr("Export All Maps to a Folder"))
            target = Path(folder) if folder else None
        if target is None:
            return
        ids = tuple(info.id for info in self.library.map_infos())
        mode = BatchMode.COMBINED if options.combined() else BatchMode.FOLDER
        self._run_with_progress(BatchRequest(ids, self.paper, mode, target))

    def _run_with_progress(self, request: BatchRequest) -> None:
        dialog = QProgressDialog(_tr("Preparing…"), _tr("Cancel"), 0, len(request.map_ids), self._window)
        dialog.setWindowTitle(_tr("Export All Maps"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        try:
            batch = self.start_batch(request)
        except OSError as exc:
            dialog.close()
            self._fail(_tr("The handouts were not saved"), exc)
            return

        def progressed(done: int, text: str) -> None:
            dialog.setLabelText(text)
            dialog.setValue(done)

        def finished(paths: list[Path]) -> None:
            dialog.close()
            self._report(
                _tr("Saved {files} in {where}").format(
                    files=counted(len(paths), "file"), where=request.target
                )
            )

        def cancelled() -> None:
            batch.cancel()
            self._report(
                _tr("Export cancelled; {files} kept, nothing half-written.").format(
                    files=counted(len(batch.written), "complete file")
                )
            )

        def failed(message: str) -> None:
            dialog.close()
            self._fail(_tr("The handouts were not saved"), OSError(message))

        batch.progressed.connect(progressed)
        batch.finished.connect(finished)
        batch.failed.connect(failed)
        dialog.canceled.connect(cancelled)
        dialog.show()


def _with_suffix(name: str, suffix: str) -> Path:
    path = Path(name)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)
