"""A quiz being taken: grading each response, the score, and the review of mistakes.

Nothing here knows who is taking the quiz, and nothing is written anywhere:
the score and the mistakes live only as long as the quiz.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.model.quiz_questions import Question, QuestionKind


@dataclass(frozen=True)
class Grade:
    """The verdict on one response.

    Attributes:
        question: what was asked.
        given: the response, as the student gave it.
        correct: whether it is the right response.
        in_place: for arrow order, how many arrows were clicked at their right place
            in the sequence; for other kinds 1 when right, else 0.
    """

    question: Question
    given: tuple[str, ...]
    correct: bool
    in_place: int

    @property
    def expected(self) -> tuple[str, ...]:
        """The right response."""
        return self.question.expected

    def misplaced(self) -> tuple[str, ...]:
        """For arrow order: the arrows clicked at the wrong place in the sequence (or not at all)."""
        expected = self.question.expected
        given = (*self.given, *[""] * (len(expected) - len(self.given)))
        return tuple(want for want, got in zip(expected, given, strict=False) if want != got)


def grade(question: Question, given: Sequence[str]) -> Grade:
    """Check a response against a question's right response.

    An arrow-order response is right only when every arrow is clicked once, in
    number order; a response naming something the question does not offer is
    simply wrong.
    """
    response = tuple(given)
    correct = response == question.expected
    if question.kind is QuestionKind.ARROW_ORDER:
        in_place = sum(1 for want, got in zip(question.expected, response, strict=False) if want == got)
    else:
        in_place = 1 if correct else 0
    return Grade(question, response, correct, in_place)


@dataclass(frozen=True)
class Score:
    """How the quiz is going: right answers out of those answered, and the quiz's length."""

    right: int
    answered: int
    total: int

    @property
    def percent(self) -> int:
        """Right answers as a whole percentage of the questions answered (0 before the first)."""
        return round(100 * self.right / self.answered) if self.answered else 0


class Quiz:
    """Questions asked one at a time; each is answered once, then the quiz moves on.

    Args:
        questions: the questions, in the order asked.

    Raises:
        ValueError: for a quiz with no questions.
    """

    def __init__(self, questions: Sequence[Question]) -> None:
        if not questions:
            raise ValueError("a quiz needs at least one question")
        self._questions = tuple(questions)
        self._index = 0
        self._grades: list[Grade] = []

    @property
    def questions(self) -> tuple[Question, ...]:
        """Every question, in the order asked."""
        return self._questions

    @property
    def index(self) -> int:
        """The number of the current question, from 0 (equal to the length once finished)."""
        return self._index

    @property
    def current(self) -> Question | None:
        """The question being asked, or ``None`` once the quiz is over."""
        return self._questions[self._index] if self._index < len(self._questions) else None

    @property
    def answered(self) -> bool:
        """Whether the current question has been answered (the next one is not yet asked)."""
        return len(self._grades) > self._index

    @property
    def finished(self) -> bool:
        """Whether every question has been asked and answered."""
        return self._index >= len(self._questions)

    @property
    def last_grade(self) -> Grade | None:
        """The verdict on the latest answer."""
        return self._grades[-1] if self._grades else None

    @property
    def grades(self) -> tuple[Grade, ...]:
        """Every verdict so far, in question order."""
        return tuple(self._grades)

    def answer(self, given: Sequence[str]) -> Grade:
        """Grade a response to the current question.

        Raises:
            RuntimeError: when the quiz is over or the question was already answered.
        """
        question = self.current
        if question is None:
            raise RuntimeError("the quiz is over")
        if self.answered:
            raise RuntimeError("this question is already answered")
        verdict = grade(question, given)
        self._grades.append(verdict)
        return verdict

    def advance(self) -> Question | None:
        """Go on to the next question once this one is answered; return it (``None`` at the end).

        Raises:
            RuntimeError: when the current question has not been answered.
        """
        if not self.finished and not self.answered:
            raise RuntimeError("answer the question first")
        self._index = min(self._index + 1, len(self._questions))
        return self.current

    def score(self) -> Score:
        """Return the score so far."""
        right = sum(1 for g in self._grades if g.correct)
        return Score(right, len(self._grades), len(self._questions))

    def mistakes(self) -> list[Grade]:
        """Return the verdicts of the questions answered wrongly, in question order (for the review)."""
        return [g for g in self._grades if not g.correct]
