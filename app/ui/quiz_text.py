"""The quiz's words: each question's prompt, the verdict after an answer, and the review's lines."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.model.content import Catalog
from app.model.quiz import Grade
from app.model.quiz_questions import Place, Question, QuestionKind

K = QuestionKind

KIND_NAMES = {
    K.ARROW_ORDER: "Arrow order",
    K.DIRECTION: "Direction of pull",
    K.FIND_REGION: "Find the region",
    K.FIND_POINT: "Find the tender point",
    K.NAME_REGION: "Name the region",
    K.NAME_POINT: "Name the tender point",
    K.REGION_TECHNIQUE: "Technique for a region",
    K.CARD_TECHNIQUE: "Technique from its card",
}
CLUE_FIELDS = {
    "purpose": "Purpose",
    "hand_position": "Hand position",
    "direction": "Direction",
    "step": "Step",
}
SIDES = {"left": "client's left", "right": "client's right"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Quiz", text)


def place_text(place: Place, with_view: bool = False) -> str:
    """Return a place's name with the client's side (unless the name says it) and, if asked, its view."""
    text = place.name
    if place.side in SIDES and not place.side_in_name:
        text += ", " + _tr(SIDES[place.side])
    if with_view and place.view:
        text += " " + _tr("({view} view)").format(view=place.view)
    return text


def kind_name(kind: QuestionKind) -> str:
    """Return the name of a kind of question."""
    return _tr(KIND_NAMES[kind])


def prompt(question: Question) -> str:
    """Return what a question asks, with how to answer it by mouse and by keyboard."""
    kind, place = question.kind, question.place
    if kind is K.ARROW_ORDER:
        return _tr(
            "Put the {n} arrows in order: click them from the first stroke to the last "
            "(or type their letters; Backspace takes the last one back)."
        ).format(n=len(question.arrows))
    if kind is K.DIRECTION and place is not None:
        return _tr(
            "Stroke {n}, {where}: which way is the pull? Click arrow 1 or 2, or press 1 or 2. "
            "The dot is where the fingers start."
        ).format(n=question.arrows[0], where=place_text(place))
    if kind is K.FIND_REGION and place is not None:
        return _tr("Click the region: {where}. (Tab moves, Enter chooses.)").format(
            where=place_text(place, with_view=True)
        )
    if kind is K.FIND_POINT and place is not None:
        return _tr("Click the tender point: {where}. (Tab moves, Enter chooses.)").format(
            where=place_text(place)
        )
    if kind is K.NAME_REGION:
        return _tr("Which region is highlighted on the map? Press 1–{n} or click an answer.").format(
            n=len(question.choices)
        )
    if kind is K.NAME_POINT:
        return _tr("Which tender point is ringed on the map? Press 1–{n} or click an answer.").format(
            n=len(question.choices)
        )
    if kind is K.REGION_TECHNIQUE and place is not None:
        return _tr("Which of these cards applies to the highlighted region, {where}?").format(
            where=place_text(place)
        )
    return _tr("Which technique's card says this? Its name is hidden as ___.")


def missed_text(question: Question) -> str:
    """Return what to say when a click on the map hits nothing the question can take."""
    if question.kind is K.FIND_POINT:
        return _tr("That is not a tender point: click on one of the dots.")
    if question.kind is K.FIND_REGION:
        return _tr("That is outside the regions: click inside the body.")
    return _tr("Click on one of the arrows (on its line or head).")


def clue_heading(question: Question) -> str:
    """Return the heading of a card question's text ("Purpose", "Hand position"...)."""
    field = question.clue.field if question.clue else ""
    return _tr(CLUE_FIELDS.get(field, field))


def answer_text(question: Question, response: tuple[str, ...], catalog: Catalog) -> str:
    """Return a response in words: arrow numbers, option number, a place's or a card's name."""
    if question.kind is K.ARROW_ORDER:
        return ", ".join(response) if response else _tr("nothing")
    if not response:
        return _tr("nothing")
    (chosen,) = response[:1]
    if question.kind is K.DIRECTION:
        numbers = {o.id: str(n) for n, o in enumerate(question.options, 1)}
        return _tr("arrow {n}").format(n=numbers.get(chosen, "?"))
    for choice in question.choices:
        if choice.id == chosen:
            return place_text(choice.place) if choice.place else choice.text
    if chosen in catalog.techniques:
        return catalog.techniques[chosen].title
    info = catalog.maps.get(question.map_id)
    if info is not None and chosen in info.regions:
        region = info.regions[chosen]
        return place_text(Place(region.id, region.name, region.view, region.side))
    if chosen in catalog.points:
        point = catalog.points[chosen]
        return place_text(Place(point.id, point.name, None, point.side))
    return _tr("a place with no name")


def verdict_text(verdict: Grade, catalog: Catalog) -> str:
    """Return what the student reads after answering: right, or what the right answer is."""
    question = verdict.question
    if verdict.correct:
        return _tr("Right!")
    right = answer_text(question, question.expected, catalog)
    if question.kind is K.ARROW_ORDER:
        return _tr(
            "Not quite: {k} of {n} in the right place. You clicked {given}; the numbers on the map "
            "show the right order."
        ).format(
            k=verdict.in_place, n=len(question.expected), given=answer_text(question, verdict.given, catalog)
        )
    if question.kind is K.DIRECTION:
        text = _tr("Not quite: the pull is {right}, from the dot to the head.").format(right=right)
        instruction = catalog.maps[question.map_id].arrow_instructions.get(question.arrows[0])
        return f"{text} {instruction}" if instruction else text
    return _tr("Not quite. The right answer, shown on the map: {right}.").format(right=right)


def review_line(number: int, verdict: Grade, catalog: Catalog) -> str:
    """Return one mistake as the review lists it: the question, your answer, the right one."""
    question = verdict.question
    return _tr("{number}. {kind} — you: {given} — right: {right}").format(
        number=number,
        kind=kind_name(question.kind),
        given=answer_text(question, verdict.given, catalog),
        right=answer_text(question, question.expected, catalog),
    )
