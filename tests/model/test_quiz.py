import pytest

from app.model.quiz import Quiz, Score, grade
from app.model.quiz_questions import Choice, Question, QuestionKind

K = QuestionKind
ORDER = Question(K.ARROW_ORDER, "m", expected=("3", "4", "5"), arrows=(3, 4, 5))
FIND = Question(K.FIND_REGION, "m", expected=("r1",))
CHOOSE = Question(K.REGION_TECHNIQUE, "m", expected=("t2",), choices=(Choice("t1", "A"), Choice("t2", "B")))


def test_arrow_order_is_right_only_in_number_order():
    assert grade(ORDER, ["3", "4", "5"]).correct
    wrong = grade(ORDER, ["3", "5", "4"])
    assert not wrong.correct
    assert wrong.in_place == 1
    assert wrong.misplaced() == ("4", "5")


def test_an_incomplete_order_is_wrong_and_names_the_missing_arrows():
    partial = grade(ORDER, ["3"])
    assert not partial.correct
    assert partial.misplaced() == ("4", "5")


@pytest.mark.parametrize(
    ("given", "right"), [(["r1"], True), (["r2"], False), ([], False), (["r1", "r1"], False)]
)
def test_single_answers_are_right_only_when_they_are_the_expected_one(given, right):
    verdict = grade(FIND, given)
    assert verdict.correct is right
    assert verdict.in_place == (1 if right else 0)
    assert verdict.expected == ("r1",)


def test_a_quiz_asks_each_question_once_then_finishes():
    quiz = Quiz([ORDER, FIND, CHOOSE])
    assert quiz.current is ORDER
    assert not quiz.answered
    with pytest.raises(RuntimeError, match="answer the question first"):
        quiz.advance()
    quiz.answer(["3", "4", "5"])
    with pytest.raises(RuntimeError, match="already answered"):
        quiz.answer(["3", "4", "5"])
    assert quiz.advance() is FIND
    quiz.answer(["elsewhere"])
    quiz.advance()
    quiz.answer(["t1"])
    assert quiz.advance() is None
    assert quiz.finished
    with pytest.raises(RuntimeError, match="over"):
        quiz.answer(["t2"])


def test_the_score_counts_right_answers_out_of_those_answered():
    quiz = Quiz([ORDER, FIND, CHOOSE])
    assert quiz.score() == Score(0, 0, 3)
    assert quiz.score().percent == 0
    quiz.answer(["3", "4", "5"])
    assert quiz.score() == Score(1, 1, 3)
    quiz.advance()
    quiz.answer(["r2"])
    assert quiz.score() == Score(1, 2, 3)
    assert quiz.score().percent == 50
    quiz.advance()
    quiz.answer(["t2"])
    assert quiz.score() == Score(2, 3, 3)
    assert quiz.score().percent == 67


def test_the_review_lists_the_mistakes_with_the_right_answers():
    quiz = Quiz([ORDER, FIND, CHOOSE])
    quiz.answer(["4", "3", "5"])
    quiz.advance()
    quiz.answer(["r1"])
    quiz.advance()
    quiz.answer(["t1"])
    mistakes = quiz.mistakes()
    assert [m.question for m in mistakes] == [ORDER, CHOOSE]
    assert [m.given for m in mistakes] == [("4", "3", "5"), ("t1",)]
    assert [m.expected for m in mistakes] == [("3", "4", "5"), ("t2",)]
    assert CHOOSE.right_choice == Choice("t2", "B")


def test_a_quiz_needs_questions():
    with pytest.raises(ValueError, match="at least one"):
        Quiz([])
