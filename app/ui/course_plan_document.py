"""The course plan as a printable document: HTML for a QTextDocument, printed or saved as PDF.

The HTML is built here, and every string in it, the content's texts
included, passes through :func:`html.escape`, so nothing in the content can
add markup, load an image or follow a link.
"""

from __future__ import annotations

import html
import tempfile
from datetime import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from app import APP_NAME
from app.model.content import Catalog, Citation
from app.model.course_plan import CoursePlan, PlannedBreak
from app.services import course_plan_text as words
from app.services.atomic_file import write_atomically
from app.ui.theme import LIGHT

FONT_POINTS = 9.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("CoursePlanDocument", text)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _rules_html(lines: list[tuple[str, bool]]) -> str:
    parts = []
    for text, warning in lines:
        if warning:
            parts.append(f'<b style="color:{LIGHT.caution_text}">{_e(text)}</b>')
        else:
            parts.append(_e(text))
    return "<br>".join(parts) or "&#8212;"


def _sources(catalog: Catalog, plan: CoursePlan) -> list[str]:
    cites: dict[Citation, None] = {}
    for phase in plan.phases:
        cites.update(dict.fromkeys(phase.cite))
    for session in plan.sessions:
        for rule in session.rules:
            cites.update(dict.fromkeys(rule.cite))
    lines = []
    for cite in cites:
        source = catalog.sources.get(cite.source)
        lines.append(f"{source.short if source else cite.source} — {cite.locator}")
    return lines


def plan_html(catalog: Catalog, plan: CoursePlan, session_time: time | None = None) -> str:
    """Return the whole plan as an HTML page for a QTextDocument.

    Args:
        catalog: the content the plan comes from (for its sources and disclaimer).
        plan: the plan.
        session_time: the time sessions start, shown in the heading; ``None`` for none.
    """
    common = plan.common_rules()
    common_ids = {rule.id for rule in common}
    head = _e(_tr("{app}: course of treatment").format(app=APP_NAME))
    when = words.format_range(plan.start, plan.end)
    if session_time is not None:
        when = _tr("{days}, sessions at {time}").format(days=when, time=session_time.strftime("%H:%M"))
    rows = []
    phase_id = None
    for entry in plan.entries():
        if entry.phase_id != phase_id and not isinstance(entry, PlannedBreak):
            title = plan.phase(entry.phase_id).title
            rows.append(f'<tr><td colspan="4" bgcolor="{LIGHT.legend_fill}"><b>{_e(title)}</b></td></tr>')
        phase_id = entry.phase_id
        if isinstance(entry, PlannedBreak):
            date_text = words.format_range(entry.start, entry.end)
            label = words.break_label(entry)
            exercise = words.exercise_text(plan.exercise_on(entry.start))
            applies = _e(plan.phase(entry.phase_id).text)
        else:
            date_text = words.format_date(entry.date)
            label = words.session_label(entry, plan.course_length)
            exercise = words.exercise_text(plan.exercise_on(entry.date))
            lines = [(words.rule_line(r), r.kind == "warning") for r in entry.rules if r.id not in common_ids]
            applies = _rules_html(lines)
        shade = f' bgcolor="{LIGHT.caution_fill}"' if isinstance(entry, PlannedBreak) else ""
        cells = "".join(
            f"<td{shade}>{cell}</td>" for cell in (_e(date_text), _e(label), _e(exercise), applies)
        )
        rows.append(f"<tr>{cells}</tr>")
    every = _rules_html([(words.rule_line(r), r.kind == "warning") for r in common])
    columns = ((_tr("Date"), 15), (_tr("Session"), 11), (_tr("Exercise"), 19), (_tr("What applies"), 55))
    headers = "".join(
        f'<th align="left" width="{width}%" bgcolor="{LIGHT.card_edge}">{_e(title)}</th>'
        for title, width in columns
    )
    sources = "<br>".join(_e(line) for line in _sources(catalog, plan))
    return (
        f'<html><body style="color:{LIGHT.text}">'
        f"<h2>{head}</h2><p>{_e(when)}</p>"
        f'<table width="100%" border="1" cellspacing="0" cellpadding="4"'
        f' style="border-collapse: collapse; border-style: solid; border-color: {LIGHT.card_edge}">'
        f"<thead><tr>{headers}</tr></thead>{''.join(rows)}</table>"
        f"<h3>{_e(_tr('In every session'))}</h3><p>{every}</p>"
        f'<p style="color:{LIGHT.text_muted}">{_e(_tr("Sources:"))}<br>{sources}</p>'
        f'<p style="color:{LIGHT.text_muted}"><i>{_e(catalog.disclaimer)}</i></p>'
        "</body></html>"
    )


def plan_document(catalog: Catalog, plan: CoursePlan, session_time: time | None = None) -> QTextDocument:
    """Return the plan as a QTextDocument ready to print."""
    document = QTextDocument()
    font = QFont(document.defaultFont())
    font.setPointSizeF(FONT_POINTS)
    document.setDefaultFont(font)
    document.setHtml(plan_html(catalog, plan, session_time))
    return document


def configure_printer(printer: QPrinter) -> None:
    """Set A4 landscape, the shape the plan's table reads best in.

    The printer's own margins are zero because ``QTextDocument.print_`` adds 2 cm
    around the text (and the page number) by itself.
    """
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    )
    printer.setPageLayout(layout)


def write_pdf(document: QTextDocument, path: Path) -> None:
    """Save a document as a PDF file in one step.

    Qt writes the PDF to a temporary folder first; the bytes then replace ``path``
    atomically, so a failed export never leaves a half-written file.

    Raises:
        OSError: the PDF could not be made or written.
    """
    with tempfile.TemporaryDirectory(prefix="fibromap-pdf-") as folder:
        temp = Path(folder) / "plan.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(temp))
        printer.setDocName(_tr("Course of treatment"))
        configure_printer(printer)
        document.print_(printer)
        if not temp.is_file() or temp.stat().st_size == 0:
            raise OSError(_tr("Qt could not make the PDF"))
        data = temp.read_bytes()
    write_atomically(path, data)
