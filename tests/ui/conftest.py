"""UI fixtures: put the application's palette, font, style and style sheet back after a test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QStyleFactory


@pytest.fixture
def restore_appearance(qapp) -> Iterator[None]:
    """Tests that apply an appearance change the whole application; undo it afterwards."""
    palette, font, sheet = QApplication.palette(), QApplication.font(), qapp.styleSheet()
    style_name = qapp.style().name()
    yield
    qapp.setStyleSheet(sheet)
    qapp.setStyle(QStyleFactory.create(style_name))
    QApplication.setPalette(palette)
    QApplication.setFont(font)
