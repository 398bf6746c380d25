"""The quiz's questions, as values: what is asked, on which map, and the right response.

Questions are made from the content and the map (see :mod:`app.model.quiz_generator`),
never written by hand, so a new map gets a quiz with no extra work. Every
response is a tuple of strings: arrow numbers in the order clicked, the id of
the direction option, region, tender point or technique chosen.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from app.model.body_map import Arrow
from app.model.geometry import XY


class QuestionKind(Enum):
    """What a question asks the student to do."""

    ARROW_ORDER = "arrow-order"  # click the arrows shown in the order they are worked
    DIRECTION = "direction"  # two directions drawn for one stroke: which is the pull?
    FIND_REGION = "find-region"  # click the named region on the map
    FIND_POINT = "find-point"  # click the named tender point on the map
    NAME_REGION = "name-region"  # a region is highlighted: which is its name?
    NAME_POINT = "name-point"  # a tender point is marked: which is it?
    REGION_TECHNIQUE = "region-technique"  # a region is highlighted: which card applies to it?
    CARD_TECHNIQUE = "card-technique"  # a card's text, title hidden: which technique is it?

    @property
    def on_map(self) -> bool:
        """Whether the student answers by clicking the map (else by choosing from a list)."""
        return self in _ON_MAP


_ON_MAP = {
    QuestionKind.ARROW_ORDER,
    QuestionKind.DIRECTION,
    QuestionKind.FIND_REGION,
    QuestionKind.FIND_POINT,
}


@dataclass(frozen=True)
class Place:
    """A region or tender point as the quiz names it: the content's name, view and side."""

    id: str
    name: str
    view: str | None = None
    side: str | None = None

    @property
    def side_in_name(self) -> bool:
        """Whether the name already says the side ("Left upper limb", "Upper trapezius (left)")."""
        words = self.name.lower().replace("(", " ").replace(")", " ").split()
        return self.side in ("left", "right") and self.side in words


@dataclass(frozen=True)
class Choice:
    """One answer to pick from a list: an id (region, point or technique) and what it shows."""

    id: str
    text: str
    place: Place | None = None  # for regions and points: name, view and side to show


@dataclass(frozen=True)
class DirectionOption:
    """One of the two directions drawn for a direction question.

    Attributes:
        id: "pull" for the true direction, "reversed" for the stroke pulled the other way.
        arrow: the arrow as drawn, set off to one side of the map's line.
        outward: unit vector from the map's line toward this option (where its tag goes).
    """

    id: str
    arrow: Arrow
    outward: XY


@dataclass(frozen=True)
class CardClue:
    """A text of a card with the words of its title hidden.

    Attributes:
        field: which part of the card it is: purpose, hand_position, direction or step.
        text: the text, with each word of the technique's name replaced by "___".
    """

    field: str
    text: str


@dataclass(frozen=True)
class Question:
    """One question of a quiz on one map.

    Attributes:
        kind: what is asked.
        map_id: the map it is asked on.
        expected: the right response (see the module's docstring).
        place: the region or tender point asked about or shown, if any.
        arrows: the numbers of the arrows in play: for arrow order in a shuffled order (the
            order they are lettered A, B, C... in), for direction the one arrow asked about.
        choices: the answers to pick from, in the order shown (choice questions).
        options: the two directions drawn, as options 1 and 2 (direction questions).
        clue: the card text shown (card questions).
    """

    kind: QuestionKind
    map_id: str
    expected: tuple[str, ...]
    place: Place | None = None
    arrows: tuple[int, ...] = ()
    choices: tuple[Choice, ...] = ()
    options: tuple[DirectionOption, ...] = ()
    clue: CardClue | None = None

    @property
    def right_choice(self) -> Choice | None:
        """The choice that is right, for choice questions."""
        return next((c for c in self.choices if c.id in self.expected), None)

    @property
    def right_option(self) -> DirectionOption | None:
        """The true direction, for direction questions."""
        return next((o for o in self.options if o.id in self.expected), None)
