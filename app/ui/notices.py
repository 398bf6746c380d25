"""What the window tells the user about itself: content problems, sources and disclaimer."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from app import APP_NAME, __version__
from app.model.content import Catalog
from app.model.problems import Problem
from app.ui.theme import Theme


def _tr(text: str) -> str:
    return QCoreApplication.translate("Notices", text)


def problem_bar(
    theme: Theme,
    lines: Sequence[str],
    on_details: Callable[[], None] | None,
    parent: QWidget | None = None,
) -> QWidget:
    """Return a warning strip for above the map; hidden when there is nothing to say."""
    bar = QWidget(parent)
    bar.setObjectName("ProblemBar")
    style_problem_bar(bar, theme)
    layout = QHBoxLayout(bar)
    layout.setContentsMargins(10, 4, 10, 4)
    label = QLabel("⚠ " + "\n".join(lines))
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    layout.addWidget(label, 1)
    if on_details is not None:
        details = QPushButton(_tr("Details…"))
        details.clicked.connect(on_details)
        layout.addWidget(details)
    bar.setVisible(bool(lines))
    return bar


def style_problem_bar(bar: QWidget, theme: Theme) -> None:
    """Colour the warning strip from a theme."""
    bar.setStyleSheet(
        f"#ProblemBar {{ background: {theme.caution_fill}; border-bottom: 1px solid {theme.caution_edge}; }}"
        f" #ProblemBar QLabel {{ color: {theme.caution_text}; }}"
    )


def show_problems(parent: QWidget, problems: Sequence[Problem]) -> None:
    """List every problem found while loading the content, one ``file: location: message`` a line."""
    text = "\n".join(str(p) for p in problems) or _tr("No problems were found.")
    box = QMessageBox(
        QMessageBox.Icon.Warning if problems else QMessageBox.Icon.Information,
        _tr("Content problems"),
        _tr("Problems found in the content files:"),
        parent=parent,
    )
    box.setDetailedText(text)
    box.setInformativeText(text[:2000])
    box.exec()


def about_text(catalog: Catalog) -> str:
    """Return the About text: what the app is, the disclaimer and the sources."""
    sources = "\n".join(f"• {s.short}: {s.citation}" for s in catalog.sources.values())
    intro = _tr(
        "{name} {version} — an interactive body-map reference for the medical-massage protocol "
        "for fibromyalgia."
    ).format(name=APP_NAME, version=__version__)
    return f"{intro}\n\n{catalog.disclaimer}\n\n{_tr('Sources:')}\n{sources}"


def show_about(parent: QWidget, catalog: Catalog) -> None:
    """Show the version, the disclaimer and the sources."""
    QMessageBox.about(parent, _tr("About {name}").format(name=APP_NAME), about_text(catalog))
