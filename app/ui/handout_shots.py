"""Screenshots of handouts for ``--screenshot``: the first pages of two handouts, rendered from the PDF.

The PDF is made exactly as File ▸ Export Handout makes it, then QtPdf renders
its pages, so the pictures show what a reader of the file sees.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument

from app.model.handout_layout import PaperSize
from app.services.library import Library
from app.ui.handout_export import geometry_for, handout_pdf
from app.ui.handout_painter import HandoutRenderer
from app.ui.shot_files import write_image

SHOT_WIDTH = 1240  # about 150 dpi on A4: text is readable at full size
SHOTS = (("hand", PaperSize.A4, 2), ("neck-back-techniques", PaperSize.LETTER, 1))


def pdf_page_images(pdf: bytes, pages: int, width: int = SHOT_WIDTH) -> list[QImage]:
    """Render the first ``pages`` pages of a PDF to images ``width`` pixels wide."""
    with tempfile.TemporaryDirectory(prefix="fibromap-shot-") as folder:
        path = Path(folder) / "handout.pdf"
        path.write_bytes(pdf)
        document = QPdfDocument()
        if document.load(str(path)) != QPdfDocument.Error.None_:
            raise OSError(f"QtPdf could not read the handout made for {path.name}")
        images = []
        for page in range(min(pages, document.pageCount())):
            size = document.pagePointSize(page)
            height = round(width * size.height() / size.width())
            images.append(document.render(page, QSize(width, height)))
        document.close()
    return images


def take_handout_shots(library: Library, directory: Path) -> list[Path]:
    """Write the first pages of a few handouts as PNG files; return them."""
    written: list[Path] = []
    for map_id, paper, pages in SHOTS:
        if map_id not in library.maps:
            continue
        renderer = HandoutRenderer.for_map(library, map_id, geometry_for(paper))
        pdf = handout_pdf([renderer], paper, renderer.content.title)
        for number, image in enumerate(pdf_page_images(pdf, pages), 1):
            write_image(image, directory / f"handout-{map_id}-{paper.name.lower()}-p{number}.png", written)
    return written
