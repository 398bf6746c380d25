"""What a widget shows as text: its labels and its text blocks, line by line."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from app.ui.text_block import TextBlock


def shown_lines(root: QWidget, *, visible_to: QWidget | None = None) -> list[str]:
    """Every line of text under ``root`` as drawn (a block's markup read), shown ones only."""
    lines: list[str] = []
    for widget in root.findChildren(QWidget):
        if visible_to is not None and not widget.isVisibleTo(visible_to):
            continue
        if isinstance(widget, QLabel) and widget.text():
            lines.append(widget.text())
        elif isinstance(widget, TextBlock):
            lines += widget.rendered_text().splitlines()
    return lines
