"""The quiz review at projector size: every mistake's line is shown whole, the right answer last."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QListWidget

from app.services.library import load_library
from app.ui.quiz_shots import answer, wrong_response
from app.ui.quiz_window import QuizWindow


@pytest.fixture(scope="module")
def library():
    return load_library()


def _item_pixels(review: QListWidget, row: int) -> QImage:
    QApplication.processEvents()
    rect = review.visualItemRect(review.item(row))
    return review.viewport().grab(rect).toImage()


@pytest.mark.parametrize("size", [QSize(1280, 800), QSize(1920, 1080)], ids=["1280x800", "1920x1080"])
@pytest.mark.parametrize("map_id", ["trunk", "tender-points", "hand"])
def test_every_mistake_line_ends_on_screen(qtbot, library, size, map_id):
    window = QuizWindow(library, seed=3)
    qtbot.addWidget(window)
    window.resize(size)
    window.show()
    qtbot.waitExposed(window)
    window.start(map_id, 5)
    number = 0
    while window.quiz is not None and not window.quiz.finished:
        question = window.question
        assert question is not None
        answer(window, wrong_response(question, window) if number % 2 == 0 else question.expected)
        window.next_question()
        number += 1
    review = window.review
    assert review.isVisible()
    assert review.count() >= 3
    for row in range(review.count()):
        item = review.item(row)
        text = item.text()
        shown = _item_pixels(review, row)
        # An elided line ends in "…": a different last letter would then change no pixel.
        item.setText(text[:-1] + ("x" if text[-1] != "x" else "y"))
        changed = _item_pixels(review, row)
        item.setText(text)
        assert shown != changed, f"the end of mistake line {text!r} is cut off"
