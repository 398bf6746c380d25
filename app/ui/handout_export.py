"""Write handouts (vector PDF), print them, and export a map alone as PNG or SVG.

Every file is made in memory and then written in one step through
:func:`app.services.atomic_file.write_atomically`, so a failed or cancelled
export never leaves a half-written file behind.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QImage, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtSvg import QSvgGenerator

from app import APP_NAME
from app.model.handout_layout import PageGeometry, PaperSize
from app.services.atomic_file import write_atomically
from app.ui.body_map_scene import BodyMapScene
from app.ui.handout_painter import HandoutRenderer
from app.ui.handout_text import LAYOUT_DPI
from app.ui.map_render import render_scene

PNG_WIDTHS = (1920, 3840, 7680)
PAGE_SIZE_IDS = {PaperSize.A4: QPageSize.PageSizeId.A4, PaperSize.LETTER: QPageSize.PageSizeId.Letter}
EXPORT_MODE = 0o644  # exports are meant to be shared, unlike notes (0600)


def _tr(text: str) -> str:
    return QCoreApplication.translate("HandoutExport", text)


def page_layout(paper: PaperSize) -> QPageLayout:
    """Return a portrait layout of ``paper`` without margins (the handout draws its own)."""
    return QPageLayout(
        QPageSize(PAGE_SIZE_IDS[paper]),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Point,
    )


def write_file(path: Path, data: bytes) -> None:
    """Write an export in one step, readable by others as exports usually are.

    Raises:
        OSError: the folder is missing or not writable, or the disk is full; the message names the file.
    """
    try:
        write_atomically(path, data)
        os.chmod(path, EXPORT_MODE)
    except OSError as exc:
        raise OSError(
            _tr("Could not write {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from exc


class PdfPages:
    """A PDF made page by page in memory: :meth:`add` pages, then :meth:`finish` or :meth:`abort`.

    A painter on a PDF writer must stay on one thread; this lets the UI thread
    add one page per step and stay responsive between steps.
    """

    def __init__(self, paper: PaperSize, title: str) -> None:
        self.paper = paper
        self._buffer = QBuffer()
        self._buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self._writer = QPdfWriter(self._buffer)
        self._writer.setResolution(LAYOUT_DPI)
        self._writer.setPageLayout(page_layout(paper))
        self._writer.setTitle(title)
        self._writer.setCreator(APP_NAME)
        self._painter: QPainter | None = None
        self.pages = 0

    def add(self, renderer: HandoutRenderer, page: int) -> None:
        """Paint one page of a handout as the next page of the PDF."""
        if self._painter is None:
            self._painter = QPainter()
            if not self._painter.begin(self._writer):
                raise OSError(_tr("Qt could not start the PDF"))
        elif not self._writer.newPage():
            raise OSError(_tr("Qt could not add a page to the PDF"))
        renderer.paint_page(self._painter, page, self._writer.resolution())
        self.pages += 1

    def finish(self) -> bytes:
        """End the PDF and return its bytes."""
        if self._painter is None:
            raise ValueError("a PDF needs at least one page")
        self._painter.end()
        self._painter = None
        self._buffer.close()
        return bytes(self._buffer.data().data())

    def __del__(self) -> None:
        # A writer destroyed while its painter is active crashes Qt; end the painter first.
        if self._painter is not None and self._painter.isActive():
            self._painter.end()

    def abort(self) -> None:
        """Drop the PDF: nothing was written anywhere."""
        if self._painter is not None:
            self._painter.end()
            self._painter = None
        self._buffer.close()


def handout_pdf(renderers: Sequence[HandoutRenderer], paper: PaperSize, title: str) -> bytes:
    """Return the PDF of one or more handouts, one after the other."""
    pdf = PdfPages(paper, title)
    try:
        for renderer in renderers:
            for page in range(renderer.page_count):
                pdf.add(renderer, page)
    except BaseException:
        pdf.abort()
        raise
    return pdf.finish()


def geometry_for(paper: PaperSize) -> PageGeometry:
    """The page geometry used for a paper size."""
    return PageGeometry.for_paper(paper)


def configure_printer(printer: QPrinter, paper: PaperSize) -> None:
    """Set up a printer for a handout: the paper, portrait, the whole sheet addressable."""
    printer.setFullPage(True)
    printer.setPageLayout(page_layout(paper))


def printer_geometry(printer: QPagedPaintDevice) -> PageGeometry:
    """The geometry of the sheet a printer was set to (the print dialog may change it)."""
    size = printer.pageLayout().fullRect(QPageLayout.Unit.Point).size()
    return PageGeometry(size.width(), size.height())


def print_handout(printer: QPrinter, renderer: HandoutRenderer) -> None:
    """Print a laid-out handout on a printer set up by :func:`configure_printer` (and the dialog).

    Raises:
        OSError: the printer could not be started.
    """
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(_tr("The printer could not be started"))
    try:
        for page in range(renderer.page_count):
            if page and not printer.newPage():
                raise OSError(_tr("The printer could not start a new page"))
            renderer.paint_page(painter, page, printer.resolution())
    finally:
        painter.end()


def map_png(scene: BodyMapScene, width: int) -> bytes:
    """Return the map with its legend as a PNG image ``width`` pixels wide."""
    rect = scene.sceneRect()
    size = QSize(width, max(1, round(width * rect.height() / rect.width())))
    image = render_scene(scene, size).convertToFormat(QImage.Format.Format_RGB32)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # the stubs say bytes; Qt takes str
        raise OSError(_tr("Qt could not encode the PNG image"))
    buffer.close()
    return bytes(data.data())


def map_svg(scene: BodyMapScene, title: str) -> bytes:
    """Return the map with its legend as SVG: paths and text, no embedded bitmap."""
    rect = scene.sceneRect()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(round(rect.width()), round(rect.height())))
    generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
    generator.setTitle(title)
    generator.setDescription(_tr("{app} body map").format(app=APP_NAME))
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(_tr("Qt could not start the SVG"))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    target = QRectF(0, 0, rect.width(), rect.height())
    painter.fillRect(target, scene.backgroundBrush())
    scene.render(painter, target, rect, Qt.AspectRatioMode.KeepAspectRatio)
    painter.end()
    buffer.close()
    return bytes(data.data())


def page_size_points(paper: PaperSize) -> QSizeF:
    """The paper's size in points, as Qt reports it (for checks)."""
    return QPageSize(PAGE_SIZE_IDS[paper]).size(QPageSize.Unit.Point)
