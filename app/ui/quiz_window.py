"""The study quiz: questions generated from a map, answered on the map or from choices, then a review.

The model (:mod:`app.model.quiz_generator`, :mod:`app.model.quiz`) makes the
questions and grades them; this window asks them over a :class:`QuizMapScene`
staged by :class:`QuizStage`, and lists the mistakes at the end with the right
answer shown on the map. Nothing about the student is kept: closing the
window forgets the quiz.
"""

from __future__ import annotations

import random

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from app.model.quiz import Grade, Quiz
from app.model.quiz_generator import generate_quiz
from app.model.quiz_questions import Question, QuestionKind
from app.services.library import Library
from app.ui.quiz_frame import QuizFrame
from app.ui.quiz_scene import QuizMapScene
from app.ui.quiz_stage import LETTERS, QuizStage
from app.ui.quiz_text import missed_text, prompt, review_line, verdict_text
from app.ui.theme import LIGHT, Theme

K = QuestionKind


def _tr(text: str) -> str:
    return QCoreApplication.translate("Quiz", text)


class QuizWindow(QuizFrame):
    """A quiz on one map at a time; another map or New Quiz starts a fresh one.

    Args:
        library: the content and maps.
        theme: the map's colours.
        seed: the first quiz's random seed (tests and screenshots fix it; else it is random).
        parent: the main window.
    """

    def __init__(
        self, library: Library, theme: Theme = LIGHT, seed: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(theme, [(info.id, info.title) for info in library.map_infos()], parent)
        self.library = library
        self.theme = theme
        self._seeds = random.Random(seed)
        self._stages: dict[str, QuizStage] = {}
        self.quiz: Quiz | None = None
        self.stage: QuizStage | None = None
        self.picks: list[str] = []
        self.targets: list[str] = []
        self.target_index = -1
        self.names = self._names()

        self.map_box.activated.connect(lambda _index: self.start(self.map_box.currentData()))
        self.new_button.clicked.connect(lambda: self.start(self.map_box.currentData()))
        self.view.target_stepped.connect(self._step_target)
        self.view.target_chosen.connect(self._choose_target)
        self.review.currentRowChanged.connect(self._show_mistake)
        self.next_button.clicked.connect(self.next_question)
        self.undo_button.clicked.connect(self.undo_pick)

    def _names(self) -> dict[str, str]:
        catalog = self.library.catalog
        names = {t.id: t.title for t in catalog.techniques.values()}
        names.update({p.id: p.name for p in catalog.points.values()})
        for info in catalog.maps.values():
            names.update({r.id: r.name for r in info.regions.values()})
        return names

    # -- the quiz ---------------------------------------------------------------

    def start(self, map_id: str, seed: int | None = None) -> None:
        """Start a new quiz on a map (with a given seed, or the next of this window's)."""
        if map_id not in self.library.maps:
            return
        catalog = self.library.catalog
        if map_id not in self._stages:
            points = {p.id: p.name for p in catalog.points.values()}
            scene = QuizMapScene(self.library.maps[map_id], catalog.maps[map_id], self.theme, points)
            scene.map_clicked.connect(self._map_clicked)
            # One stage per scene, kept with it, so whatever it drew is always its to take away.
            self._stages[map_id] = QuizStage(scene, frozenset(catalog.general_techniques))
        if self.stage is not None:
            self.stage.reset()
        self.stage = self._stages[map_id]
        self.view.show_scene(self.stage.scene)
        self.map_box.setCurrentIndex(self.map_box.findData(map_id))
        questions = generate_quiz(
            catalog, map_id, self.library.maps[map_id], self._seeds.randrange(2**31) if seed is None else seed
        )
        if not questions:
            self.quiz = None
            self.clear_choices()
            self.panel.hide()
            self.prompt.setText(_tr("This map has nothing to ask about yet."))
            self.set_verdict("", "")
            self.next_button.setEnabled(False)
            return
        self.quiz = Quiz(questions)
        self.ask()

    @property
    def question(self) -> Question | None:
        """The question being asked or just answered."""
        return self.quiz.current if self.quiz else None

    def ask(self) -> None:
        """Show the current question."""
        question = self.question
        if question is None or self.stage is None:
            return
        self.picks, self.target_index = [], -1
        self.targets = self.stage.ask(question)
        self.view.stepping = question.kind in (K.FIND_REGION, K.FIND_POINT)
        self.prompt.setText(prompt(question))
        self._set_choices(question)
        self.review.hide()
        self.panel.setVisible(bool(question.choices or question.clue))
        self.view.focus_on(self.stage.focus_rect(question))
        self.set_verdict("", "")
        self.undo_button.setVisible(question.kind is K.ARROW_ORDER)
        self.undo_button.setEnabled(False)
        self.next_button.setEnabled(False)
        self.next_button.setText(_tr("Next"))
        self._update_progress()
        if self.choice_buttons:
            self.choice_buttons[0].setFocus()
        else:
            self.view.setFocus()

    def _set_choices(self, question: Question) -> None:
        self.set_choices(question)
        for button, choice in zip(self.choice_buttons, question.choices, strict=True):
            button.clicked.connect(lambda _=False, cid=choice.id: self.submit((cid,)))

    def _update_progress(self) -> None:
        if self.quiz is None:
            return
        score = self.quiz.score()
        title = self.library.catalog.maps[self.quiz.questions[0].map_id].title
        number = min(self.quiz.index + 1, score.total)
        self.progress.setText(
            _tr("{title} — question {n} of {total} — score {right} of {answered}").format(
                title=title, n=number, total=score.total, right=score.right, answered=score.answered
            )
        )

    # -- answering --------------------------------------------------------------

    def _map_clicked(self, x: float, y: float) -> None:
        question = self.question
        if question is None or self.stage is None or self.quiz is None or self.quiz.answered:
            return
        target = self.stage.target_at(question, x, y)
        if target is None:
            self.set_verdict(missed_text(question), "")
        else:
            self.set_verdict("", "")
            self.choose(target)

    def choose(self, target: str) -> None:
        """Answer with a map target: an arrow to add to the order, a direction, a region or a point."""
        question = self.question
        if question is None or self.quiz is None or self.quiz.answered:
            return
        if question.kind is not K.ARROW_ORDER:
            self.submit((target,))
            return
        if target in self.picks:
            if target == self.picks[-1]:
                self.undo_pick()  # clicking the last pick again takes it back
            return
        self.picks.append(target)
        if self.stage is not None:
            self.stage.show_picks(question, self.picks)
        self.undo_button.setEnabled(True)
        # The last arrow has only one place left: the answer is complete.
        if len(self.picks) == len(question.arrows):
            self.submit(tuple(self.picks))

    def undo_pick(self) -> None:
        """Take back the last arrow picked in an order question."""
        question = self.question
        if question is None or self.quiz is None or self.quiz.answered or not self.picks:
            return
        self.picks.pop()
        if self.stage is not None:
            self.stage.show_picks(question, self.picks)
        self.undo_button.setEnabled(bool(self.picks))

    def submit(self, response: tuple[str, ...]) -> Grade | None:
        """Grade a response and show the right answer on the map."""
        if self.quiz is None or self.quiz.answered or self.quiz.current is None:
            return None
        verdict = self.quiz.answer(response)
        self._show_verdict(verdict)
        self.undo_button.setEnabled(False)
        self.view.stepping = False
        self.next_button.setEnabled(True)
        last = self.quiz.index + 1 >= len(self.quiz.questions)
        self.next_button.setText(_tr("See the Review") if last else _tr("Next"))
        self.next_button.setFocus()
        self._update_progress()
        return verdict

    def _show_verdict(self, verdict: Grade) -> None:
        if self.stage is not None:
            self.stage.reveal(verdict, self.names)
        for button, choice in zip(self.choice_buttons, verdict.question.choices, strict=False):
            right = choice.id in verdict.question.expected
            button.set_verdict("right" if right else "wrong" if choice.id in verdict.given else "")
        self.set_verdict(verdict_text(verdict, self.library.catalog), "right" if verdict.correct else "wrong")

    def next_question(self) -> None:
        """Go on to the next question, or to the review after the last; from the review, a new quiz."""
        if self.quiz is None:
            return
        if self.quiz.finished:
            self.start(self.map_box.currentData())
            return
        if not self.quiz.answered:
            return
        if self.quiz.advance() is None:
            self.show_review()
        else:
            self.ask()

    # -- the review -------------------------------------------------------------

    def show_review(self) -> None:
        """Show the score and the mistakes; choosing a mistake shows its right answer on the map."""
        if self.quiz is None or self.stage is None:
            return
        score = self.quiz.score()
        self.clear_choices()
        self.undo_button.hide()
        self.view.stepping = False
        self.prompt.setText(
            _tr(
                "Your score: {right} of {total} ({percent} %). Nothing is kept once the quiz is closed."
            ).format(right=score.right, total=score.total, percent=score.percent)
        )
        self.progress.setText(_tr("{title} — review").format(title=self.map_box.currentText()))
        self.next_button.setText(_tr("New Quiz"))
        self.next_button.setEnabled(True)
        self.review.clear()
        mistakes = self.quiz.mistakes()
        numbers = {id(g): n for n, g in enumerate(self.quiz.grades, 1)}
        for verdict in mistakes:
            self.review.addItem(review_line(numbers[id(verdict)], verdict, self.library.catalog))
        self.review.setVisible(bool(mistakes))
        self.panel.setVisible(bool(mistakes))
        if mistakes:
            self.review.setCurrentRow(0)
            self.review.setFocus()
        else:
            self.stage.reset()
            self.view.focus_on(None)
            self.set_verdict(_tr("No mistakes: every answer was right."), "right")
            self.next_button.setFocus()

    def _show_mistake(self, row: int) -> None:
        if self.quiz is None or self.stage is None or not 0 <= row < len(self.quiz.mistakes()):
            return
        verdict = self.quiz.mistakes()[row]
        self.stage.reveal(verdict, self.names)
        self.view.focus_on(self.stage.focus_rect(verdict.question))
        self.set_verdict(verdict_text(verdict, self.library.catalog), "wrong")

    # -- keyboard ---------------------------------------------------------------

    def _step_target(self, delta: int) -> None:
        question = self.question
        if question is None or not self.targets or self.stage is None:
            return
        self.target_index = (self.target_index + delta) % len(self.targets)
        self.stage.focus(question, self.targets[self.target_index])

    def _choose_target(self) -> None:
        if 0 <= self.target_index < len(self.targets):
            self.choose(self.targets[self.target_index])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Qt override: number keys pick a choice or a direction, letters an arrow, Backspace undoes."""
        question = self.question
        text = event.text().upper()
        if question is not None and self.quiz is not None and not self.quiz.answered and text:
            if text.isdigit() and 1 <= int(text) <= max(len(question.choices), len(question.options)):
                index = int(text) - 1
                ids = [c.id for c in question.choices] or [o.id for o in question.options]
                self.submit((ids[index],))
                return
            if question.kind is K.ARROW_ORDER and text in LETTERS[: len(question.arrows)]:
                self.choose(str(question.arrows[LETTERS.index(text)]))
                return
        if event.key() == Qt.Key.Key_Backspace:
            self.undo_pick()
            return
        super().keyPressEvent(event)
