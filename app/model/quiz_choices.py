"""What the quiz may ask about and offer as answers, chosen so every question has one right answer.

- A place is asked for only when no other place of the map shows the same
  name, side (and view, for "find" questions).
- A wrong technique never applies to the region asked about, never applies to
  the whole map or to every map (the general cards), and is never a card
  related to the right one (petrissage on the neck and on the back, the two
  connective tissue cards), which a student could not tell apart.
- A card text shown with its title hidden must belong to that card alone,
  must not be "not stated in the article", and must keep most of its words
  once the words of the title are hidden.
"""

from __future__ import annotations

import random
import re

from app.model.body_map import BodyMap
from app.model.content import Catalog, MapInfo
from app.model.quiz_questions import CardClue, Choice, Place

MASK = "___"
CLUE_FIELDS = ("purpose", "hand_position", "direction")
MAX_CLUE_CHARS = 420  # longer texts do not fit the question panel in large type
MAX_MASKED_SHARE = 1 / 3  # hide more than this share of the words and the text says nothing
_GLUE_WORDS = {"after", "against", "with", "from", "into", "over"}


def region_places(info: MapInfo, body_map: BodyMap) -> list[Place]:
    """Return the map's drawn regions as places, in content order."""
    return [Place(r.id, r.name, r.view, r.side) for r in info.regions.values() if r.id in body_map.regions]


def point_places(catalog: Catalog, body_map: BodyMap) -> list[Place]:
    """Return the tender points drawn on the map that the content names, in content order."""
    return [Place(p.id, p.name, None, p.side) for p in catalog.points.values() if p.id in body_map.points]


def _shown(place: Place, with_view: bool) -> tuple[str, ...]:
    key = (place.name.lower(), "" if place.side_in_name else (place.side or ""))
    return (*key, (place.view or "").lower()) if with_view else key


def unique_places(places: list[Place], with_view: bool) -> list[Place]:
    """Return the places no other place shares a name and side with (and view, if ``with_view``)."""
    counts: dict[tuple[str, ...], int] = {}
    for place in places:
        counts[_shown(place, with_view)] = counts.get(_shown(place, with_view), 0) + 1
    return [p for p in places if counts[_shown(p, with_view)] == 1]


def name_choices(right: Place, places: list[Place], rng: random.Random, most: int) -> tuple[Choice, ...]:
    """Return the right place and up to ``most - 1`` others that read differently, shuffled."""
    seen = {_shown(right, with_view=False)}
    others = []
    for place in places:
        key = _shown(place, with_view=False)
        if key not in seen:
            seen.add(key)
            others.append(place)
    picked = [right, *rng.sample(others, min(len(others), most - 1))]
    rng.shuffle(picked)
    return tuple(Choice(p.id, p.name, p) for p in picked)


def technique_distractors(
    catalog: Catalog, right: str, applies: set[str], rng: random.Random, count: int
) -> list[str]:
    """Return up to ``count`` techniques that are wrong beyond doubt for a question whose answer is ``right``.

    Args:
        catalog: the content.
        right: the right technique's id.
        applies: ids that also apply to what is asked (they cannot be offered as wrong).
        rng: the quiz's random generator.
        count: how many to return at most.
    """
    related = set(catalog.techniques[right].related)
    related |= {t.id for t in catalog.techniques.values() if right in t.related}
    banned = {right, *applies, *catalog.general_techniques, *related}
    title = catalog.techniques[right].title
    pool = [t for t in catalog.techniques if t not in banned and catalog.techniques[t].title != title]
    return rng.sample(pool, min(count, len(pool)))


def title_words(title: str) -> list[str]:
    """Return the words of a technique's name that would give it away (before any comma or bracket)."""
    head = re.split(r"[(,]", title, maxsplit=1)[0]
    return [w for w in re.findall(r"[A-Za-z]+", head) if len(w) >= 4 and w.lower() not in _GLUE_WORDS]


def mask_words(text: str, words: list[str]) -> tuple[str, int]:
    """Hide every word starting with one of ``words`` (any case); return the text and the number hidden."""
    if not words:
        return text, 0
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\w*", re.IGNORECASE)
    return pattern.subn(MASK, text)


def card_clue(catalog: Catalog, technique_id: str) -> CardClue | None:
    """Return a text of the card that names it beyond doubt, its title's words hidden, or ``None``."""
    technique = catalog.techniques[technique_id]
    elsewhere = {text for t in catalog.techniques.values() if t.id != technique_id for text in t.card_texts()}
    fields = [(name, getattr(technique, name)) for name in CLUE_FIELDS]
    fields += [("step", step) for step in technique.steps]
    words = title_words(technique.title)
    for name, text in fields:
        if not text or text.startswith("Not stated") or text in elsewhere or len(text) > MAX_CLUE_CHARS:
            continue
        masked, hidden = mask_words(text, words)
        if hidden < MAX_MASKED_SHARE * len(text.split()):
            return CardClue(name, masked)
    return None
