"""Render the quiz to PNG files at projector size: a question of each kind and the review.

Quizzes are made with fixed seeds and answered by script, some answers right
and some wrong, as a student would; the pictures are the same on every run.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize

from app.model.quiz_questions import Question, QuestionKind
from app.services.library import Library
from app.ui.quiz_window import QuizWindow
from app.ui.shot_files import write_settled_grab

K = QuestionKind
SIZE = QSize(1280, 800)  # the projector size the quiz must read well at
SEED = 11


def wrong_response(question: Question, window: QuizWindow) -> tuple[str, ...]:
    """Return a response to a question that is wrong (for pictures and tests of the review)."""
    if question.kind is K.ARROW_ORDER:
        return tuple(reversed(question.expected))
    if question.kind is K.DIRECTION:
        return ("reversed",)
    if question.choices:
        return (next(c.id for c in question.choices if c.id not in question.expected),)
    body_map = window.library.maps[question.map_id]
    places = body_map.points if question.kind is K.FIND_POINT else body_map.regions
    return (next(p for p in places if p not in question.expected),)


def answer(window: QuizWindow, response: tuple[str, ...]) -> None:
    """Answer the window's current question as a student would: arrows one by one, else at once."""
    question = window.question
    if question is not None and question.kind is K.ARROW_ORDER:
        for key in response:
            window.choose(key)
    else:
        window.submit(response)


def answer_until(window: QuizWindow, wanted: Callable[[Question], bool], right: bool) -> bool:
    """Answer questions (right or wrong) until one that ``wanted`` accepts is asked; False if none is."""
    while window.quiz is not None and not window.quiz.finished:
        question = window.question
        if question is None:
            return False
        if wanted(question):
            return True
        answer(window, question.expected if right else wrong_response(question, window))
        window.next_question()
    return False


def take_quiz_shots(library: Library, directory: Path) -> list[Path]:
    """Write an arrow-order question with picks made, a direction question, a card question and a review.

    Returns:
        The files written, in order.
    """
    directory.mkdir(parents=True, exist_ok=True)
    window = QuizWindow(library, seed=SEED)
    window.resize(SIZE)
    window.show()
    written: list[Path] = []

    def save(name: str) -> None:
        write_settled_grab(window, directory / name, written)

    maps = list(library.maps)
    if "hand" in maps:
        window.start("hand", SEED)
        if answer_until(window, lambda q: q.kind is K.ARROW_ORDER, right=True) and window.question:
            for key in window.question.expected[:2]:
                window.choose(key)
            save("quiz-arrow-order.png")
    if "cervical" in maps:
        window.start("cervical", SEED)
        if answer_until(window, lambda q: q.kind is K.DIRECTION, right=True):
            save("quiz-direction.png")
    if "trunk" in maps:
        window.start("trunk", SEED)
        if answer_until(window, lambda q: q.kind is K.CARD_TECHNIQUE, right=True):
            save("quiz-technique-card.png")
    if "tender-points" in maps:
        window.start("tender-points", SEED)
        while window.quiz is not None and (question := window.question) is not None:
            right = window.quiz.index % 3 == 2  # one in three right
            answer(window, question.expected if right else wrong_response(question, window))
            window.next_question()
        # Show a "find" mistake: the right place and the wrong click, both tagged on the map.
        finds = [i for i, g in enumerate(window.quiz.mistakes() if window.quiz else []) if g.question.place]
        window.review.setCurrentRow(finds[0] if finds else 0)
        save("quiz-review.png")
    window.close()
    window.deleteLater()
    return written
