"""The quiz window's look: the map, the question, the answers panel and the verdict, in large type.

:class:`QuizFrame` only lays the widgets out and shows what it is given;
:class:`~app.ui.quiz_window.QuizWindow` adds the quiz itself.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.model.quiz_questions import Question
from app.ui.quiz_text import clue_heading, place_text
from app.ui.quiz_widgets import ChoiceButton, QuizMapView, quiz_style
from app.ui.theme import Theme

PANEL_WIDTH = 460  # answers in large type, and still 800 pixels of map on a 1280-pixel projector


def _tr(text: str) -> str:
    return QCoreApplication.translate("Quiz", text)


class QuizFrame(QDialog):
    """The quiz's widgets, laid out for large type.

    Progress and the map choice on top, then the question, the map beside the
    answers panel (a card's text, the choices, or the review's mistakes), and
    the verdict with the Undo and Next buttons at the foot.
    """

    def __init__(
        self, theme: Theme, map_titles: list[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("quiz_window")
        self.setWindowTitle(_tr("Quiz"))
        self.setStyleSheet(quiz_style(theme))
        self.choice_buttons: list[ChoiceButton] = []
        self.map_box = QComboBox()
        self.map_box.setAccessibleName(_tr("Map to be quizzed on"))
        for map_id, title in map_titles:
            self.map_box.addItem(title, map_id)
        self.new_button = QPushButton(_tr("&New Quiz"))
        self.map_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.map_box.setMinimumContentsLength(22)
        self.progress = QLabel()
        self.progress.setObjectName("quiz_progress")
        self.progress.setWordWrap(True)  # never widens the window past a 1280-pixel projector
        top = QHBoxLayout()
        top.addWidget(self.progress, 1)
        map_label = QLabel(_tr("&Map:"))
        map_label.setBuddy(self.map_box)  # Alt+M reaches the map list from the keyboard
        top.addWidget(map_label)
        top.addWidget(self.map_box)
        top.addWidget(self.new_button)

        self.prompt = QLabel()
        self.prompt.setObjectName("quiz_prompt")
        self.prompt.setWordWrap(True)
        self.view = QuizMapView()
        self.view.setAccessibleName(_tr("Quiz map"))

        self.panel = QWidget()
        self.panel.setFixedWidth(PANEL_WIDTH)
        self.panel_layout = QVBoxLayout(self.panel)
        self.panel_layout.setContentsMargins(8, 0, 0, 0)
        self.clue_heading = QLabel()
        self.clue_heading.setObjectName("quiz_clue_heading")
        self.clue = QLabel()
        self.clue.setObjectName("quiz_clue")
        self.clue.setWordWrap(True)
        self.choices = QVBoxLayout()
        self.review = QListWidget()
        self.review.setObjectName("quiz_review")
        self.review.setWordWrap(True)
        self.review.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.review.setAccessibleName(_tr("Mistakes"))
        for widget in (self.clue_heading, self.clue):
            self.panel_layout.addWidget(widget)
        self.panel_layout.addLayout(self.choices)
        self.panel_layout.addWidget(self.review, 1)
        self.panel_layout.addStretch(0)
        middle = QHBoxLayout()
        middle.addWidget(self.view, 1)
        middle.addWidget(self.panel)

        self.verdict = QLabel()
        self.verdict.setObjectName("quiz_verdict")
        self.verdict.setWordWrap(True)
        self.next_button = QPushButton(_tr("Next"))
        self.next_button.setAutoDefault(True)
        self.undo_button = QPushButton(_tr("Undo"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.verdict, 1)
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.prompt)
        layout.addLayout(middle, 1)
        layout.addLayout(bottom)
        self.resize(1280, 800)

    def clear_choices(self) -> None:
        """Take the answers panel's choices and card text away."""
        for button in self.choice_buttons:
            # Gone at once, not at the next turn of the event loop, so the panel never shows old answers.
            self.choices.removeWidget(button)
            button.hide()
            button.setParent(None)
            button.deleteLater()
        self.choice_buttons = []
        self.clue_heading.hide()
        self.clue.hide()

    def set_choices(self, question: Question) -> None:
        """Show a question's choices (numbered from 1) and its card text, if it has them."""
        self.clear_choices()
        for number, choice in enumerate(question.choices, 1):
            text = place_text(choice.place) if choice.place else choice.text
            button = ChoiceButton(number, text)
            self.choices.addWidget(button)
            self.choice_buttons.append(button)
        clue = question.clue
        self.clue_heading.setVisible(clue is not None)
        self.clue.setVisible(clue is not None)
        if clue is not None:
            self.clue_heading.setText(clue_heading(question))
            self.clue.setText(clue.text)

    def set_verdict(self, text: str, verdict: str) -> None:
        """Show the verdict line ("right" or "wrong" colours it; "" for none)."""
        self.verdict.setText(text)
        self.verdict.setProperty("verdict", verdict)
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)

    # -- answering --------------------------------------------------------------
