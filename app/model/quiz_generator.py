"""Make a quiz for any map from its content and geometry, deterministically from a seed.

Every kind of question is built from what the map and the content hold: the
arrows and their numbers, the regions and their names, views and sides, the
tender points, and which cards apply where. A kind a map cannot support (no
arrows on the tender-point map, no card text unique enough) is simply left out.
Each question is unambiguous by construction: the wrong choices never apply
to what is asked (see :mod:`app.model.quiz_choices`).
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable

from app.model.body_map import Arrow, BodyMap
from app.model.content import Catalog, MapInfo
from app.model.quiz_arrows import direction_options
from app.model.quiz_choices import (
    card_clue,
    name_choices,
    point_places,
    region_places,
    technique_distractors,
    unique_places,
)
from app.model.quiz_questions import Choice, DirectionOption, Place, Question, QuestionKind

# How many questions of each kind one quiz asks, when the map supports them.
QUIZ_PLAN: tuple[tuple[QuestionKind, int], ...] = (
    (QuestionKind.ARROW_ORDER, 1),
    (QuestionKind.DIRECTION, 2),
    (QuestionKind.FIND_REGION, 2),
    (QuestionKind.FIND_POINT, 2),
    (QuestionKind.NAME_REGION, 1),
    (QuestionKind.NAME_POINT, 1),
    (QuestionKind.REGION_TECHNIQUE, 1),
    (QuestionKind.CARD_TECHNIQUE, 1),
)
MAX_ORDER_ARROWS = 8  # more than this many clicks in a row is a chore, not a question
MAX_CHOICES = 4  # the number keys 1-4 pick them


def order_groups(body_map: BodyMap, info: MapInfo) -> list[tuple[int, ...]]:
    """Split a map's arrows into groups to put in order: one view at a time, at most 8 arrows each.

    Returns:
        The groups, each the arrow numbers in number order (the right answer).
    """
    by_view: dict[str, list[int]] = {}
    for arrow in sorted(body_map.arrows, key=lambda a: a.order):
        region = info.regions.get(arrow.region)
        view = (region.view if region else None) or arrow.view or ""
        by_view.setdefault(view.lower(), []).append(arrow.order)
    runs = [run for run in by_view.values() if len(run) >= 2]
    if not runs and len(body_map.arrows) >= 2:
        runs = [sorted(a.order for a in body_map.arrows)]
    groups: list[tuple[int, ...]] = []
    for run in runs:
        parts = math.ceil(len(run) / MAX_ORDER_ARROWS)
        size = math.ceil(len(run) / parts)
        groups += [tuple(run[i : i + size]) for i in range(0, len(run), size)]
    return [g for g in groups if len(g) >= 2]


class _Builder:
    """Builds one map's questions from one random generator, never asking about a place twice."""

    def __init__(self, catalog: Catalog, info: MapInfo, body_map: BodyMap, rng: random.Random) -> None:
        self.catalog = catalog
        self.info = info
        self.body_map = body_map
        self.rng = rng
        self.used: set[str] = set()
        self.regions = region_places(info, body_map)
        self.points = point_places(catalog, body_map)

    def question(self, kind: QuestionKind, **fields: object) -> Question:
        return Question(kind=kind, map_id=self.info.id, **fields)  # type: ignore[arg-type]

    def _fresh(self, places: list[Place]) -> Place | None:
        left = [p for p in places if p.id not in self.used]
        if not left:
            return None
        place = self.rng.choice(left)
        self.used.add(place.id)
        return place

    def arrow_order(self) -> Question | None:
        groups = order_groups(self.body_map, self.info)
        if not groups:
            return None
        group = self.rng.choice(groups)
        # Shown in a shuffled order: the UI letters them A, B, C... so the letters give nothing away.
        shown = list(group)
        self.rng.shuffle(shown)
        return self.question(QuestionKind.ARROW_ORDER, expected=tuple(map(str, group)), arrows=tuple(shown))

    def direction(self) -> Question | None:
        # A return without contact pulls nothing; only real strokes are asked.
        pulls = [
            a for a in self.body_map.arrows if a.style != "return" and f"arrow-{a.order}" not in self.used
        ]
        if not pulls:
            return None
        arrow: Arrow = self.rng.choice(pulls)
        self.used.add(f"arrow-{arrow.order}")
        options = tuple(
            DirectionOption(kind, drawn, outward)
            for kind, drawn, outward in direction_options(arrow, true_first=self.rng.random() < 0.5)
        )
        region = self.info.regions.get(arrow.region)
        place = Place(arrow.region, region.name, region.view, region.side) if region else None
        return self.question(
            QuestionKind.DIRECTION, expected=("pull",), place=place, arrows=(arrow.order,), options=options
        )

    def find(self, kind: QuestionKind, places: list[Place]) -> Question | None:
        place = self._fresh(unique_places(places, with_view=True))
        return None if place is None else self.question(kind, expected=(place.id,), place=place)

    def name(self, kind: QuestionKind, places: list[Place]) -> Question | None:
        place = self._fresh(unique_places(places, with_view=False))
        if place is None:
            return None
        choices = name_choices(place, places, self.rng, MAX_CHOICES)
        if len(choices) < 2:
            return None
        return self.question(kind, expected=(place.id,), place=place, choices=choices)

    def region_technique(self) -> Question | None:
        candidates = [p for p in self.regions if p.id not in self.used and self.info.regions[p.id].techniques]
        self.rng.shuffle(candidates)
        best: tuple[Place, str, list[str]] | None = None
        for place in candidates:
            right = self.rng.choice(self.info.regions[place.id].techniques)
            applies = {*self.info.regions[place.id].techniques, *self.info.techniques}
            wrong = technique_distractors(self.catalog, right, applies, self.rng, MAX_CHOICES - 1)
            # A full set of choices is a better question than a coin toss between two.
            if wrong and (best is None or len(wrong) > len(best[2])):
                best = (place, right, wrong)
            if len(wrong) == MAX_CHOICES - 1:
                break
        if best is None:
            return None
        place, right, wrong = best
        self.used.add(place.id)
        choices = self._technique_choices(right, wrong)
        return self.question(QuestionKind.REGION_TECHNIQUE, expected=(right,), place=place, choices=choices)

    def card_technique(self) -> Question | None:
        # The map's own cards first; the general ones (every map has them) only if none will do.
        own = list(dict.fromkeys([t for r in self.info.regions.values() for t in r.techniques]))
        own += [t for t in self.info.techniques if t not in own]
        general = [t for t in self.catalog.general_techniques if t not in own]
        self.rng.shuffle(own)
        self.rng.shuffle(general)
        candidates = [t for t in (*own, *general) if card_clue(self.catalog, t) is not None]
        for right in candidates:
            wrong = technique_distractors(self.catalog, right, {right}, self.rng, MAX_CHOICES - 1)
            if wrong:
                return self.question(
                    QuestionKind.CARD_TECHNIQUE,
                    expected=(right,),
                    choices=self._technique_choices(right, wrong),
                    clue=card_clue(self.catalog, right),
                )
        return None

    def _technique_choices(self, right: str, wrong: list[str]) -> tuple[Choice, ...]:
        ids = [right, *wrong]
        self.rng.shuffle(ids)
        return tuple(Choice(t, self.catalog.techniques[t].title) for t in ids)


def generate_quiz(catalog: Catalog, map_id: str, body_map: BodyMap, seed: int) -> tuple[Question, ...]:
    """Make a quiz on one map: up to :data:`QUIZ_PLAN` questions of each kind, in a shuffled order.

    The same catalog, map and seed always give the same quiz (tests inject the seed).

    Raises:
        KeyError: if the catalog has no map ``map_id``.
    """
    info = catalog.maps[map_id]
    rng = random.Random(seed)
    build = _Builder(catalog, info, body_map, rng)
    makers: dict[QuestionKind, Callable[[], Question | None]] = {
        QuestionKind.ARROW_ORDER: build.arrow_order,
        QuestionKind.DIRECTION: build.direction,
        QuestionKind.FIND_REGION: lambda: build.find(QuestionKind.FIND_REGION, build.regions),
        QuestionKind.FIND_POINT: lambda: build.find(QuestionKind.FIND_POINT, build.points),
        QuestionKind.NAME_REGION: lambda: build.name(QuestionKind.NAME_REGION, build.regions),
        QuestionKind.NAME_POINT: lambda: build.name(QuestionKind.NAME_POINT, build.points),
        QuestionKind.REGION_TECHNIQUE: build.region_technique,
        QuestionKind.CARD_TECHNIQUE: build.card_technique,
    }
    questions: list[Question] = []
    for kind, count in QUIZ_PLAN:
        for _ in range(count):
            made = makers[kind]()
            if made is not None:
                questions.append(made)
    rng.shuffle(questions)
    return tuple(questions)
