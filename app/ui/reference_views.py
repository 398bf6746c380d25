"""Reference pages in the card panel: the protocol, the course of treatment, and the text pages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QVBoxLayout, QWidget

from app.model.content import Catalog, Citation, Page, Rule
from app.ui.text_widgets import link_label, plain_label, sources_text
from app.ui.theme import Theme

RULE_KINDS = {
    "warning": "Warning",
    "reminder": "Reminder",
    "allow": "Applies",
    "forbid": "Not yet",
    "position": "Positioning",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Reference", text)


def _source(catalog: Catalog, cites: tuple[Citation, ...], theme: Theme) -> QWidget:
    return plain_label(sources_text(catalog, cites), scale=0.92, color=theme.text_muted)


def _section(title: str) -> QWidget:
    return plain_label(title, scale=1.2, bold=True)


def _table(rows: tuple[tuple[str, ...], ...], theme: Theme) -> QWidget:
    frame = QFrame()
    frame.setObjectName("RefTable")
    frame.setStyleSheet(f"#RefTable {{ border: 1px solid {theme.card_edge}; border-radius: 4px; }}")
    grid = QGridLayout(frame)
    grid.setHorizontalSpacing(10)
    grid.setVerticalSpacing(6)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            grid.addWidget(plain_label(cell, bold=r == 0 or c == 0), r, c, Qt.AlignmentFlag.AlignTop)
    for c in range(max((len(r) for r in rows), default=0)):
        grid.setColumnStretch(c, 1)
    return frame


def fill_page(layout: QVBoxLayout, page: Page, catalog: Catalog, theme: Theme) -> None:
    """Lay out a text page: headings, paragraphs, tables, and each section's source."""
    for section in page.sections:
        if section.heading:
            layout.addWidget(_section(section.heading))
        for paragraph in section.paragraphs:
            layout.addWidget(plain_label(paragraph))
        if section.table:
            layout.addWidget(_table(section.table, theme))
        layout.addWidget(_source(catalog, section.cite, theme))


def fill_protocol(
    layout: QVBoxLayout, catalog: Catalog, theme: Theme, open_card: Callable[[str], object]
) -> None:
    """Lay out the 8 protocol steps, each with links to its technique cards."""
    for step in catalog.protocol:
        layout.addWidget(_section(f"{step.number}. {step.title}"))
        layout.addWidget(plain_label(step.summary))
        for ident in step.techniques:
            link = link_label(catalog.techniques[ident].title, theme.link)
            link.clicked.connect(lambda i=ident: open_card(i))
            layout.addWidget(link)
        layout.addWidget(_source(catalog, step.cite, theme))


def rule_sessions(rule: Rule) -> str:
    """Say which sessions a rule applies to, in words."""
    if rule.session_from is None and rule.maintenance:
        return _tr("Maintenance")
    start = rule.session_from or 1
    if rule.session_to is None:
        text = _tr("Every session") if start == 1 else _tr("From session {n}").format(n=start)
    elif rule.session_to == start:
        text = _tr("Session {n}").format(n=start)
    else:
        text = _tr("Sessions {a}–{b}").format(a=start, b=rule.session_to)
    return text + (_tr(" and maintenance") if rule.maintenance and rule.session_to is not None else "")


def fill_course(layout: QVBoxLayout, catalog: Catalog, theme: Theme) -> None:
    """Lay out the course of treatment, then the rules that depend on the session number."""
    for phase in catalog.course:
        layout.addWidget(_section(phase.title))
        layout.addWidget(plain_label(phase.text))
        layout.addWidget(_source(catalog, phase.cite, theme))
    layout.addWidget(plain_label(_tr("What applies in which session"), scale=1.35, bold=True))
    for rule in catalog.rules:
        kind = _tr(RULE_KINDS.get(rule.kind, rule.kind))
        heading = plain_label(
            f"{kind} · {rule_sessions(rule)}",
            bold=True,
            color=theme.caution_text if rule.kind in ("warning", "forbid") else None,
        )
        layout.addWidget(heading)
        layout.addWidget(plain_label(rule.text))
        layout.addWidget(_source(catalog, rule.cite, theme))
