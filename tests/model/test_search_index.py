"""Search over the shipped content: names, typos, prefixes, card words, plain text."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

import pytest

from app.model.content import Catalog, Technique, TenderPointInfo
from app.model.search_index import (
    FUZZY_MIN,
    HitKind,
    SearchHit,
    SearchIndex,
    build_index,
    fold,
    within_one_edit,
)
from app.services.library import load_library

LIMIT = 20


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_library().catalog


@pytest.fixture(scope="module")
def index(catalog: Catalog) -> SearchIndex:
    return build_index(catalog)


def _typo(name: str) -> str:
    """Drop the middle letter of every word that keeps at least FUZZY_MIN letters (one typo per word)."""

    def cut(match: re.Match[str]) -> str:
        word = match.group()
        if len(word) <= FUZZY_MIN or not word.isalpha():
            return word
        middle = len(word) // 2
        return word[:middle] + word[middle + 1 :]

    return re.sub(r"\w+", cut, name)


def _found(hits: list[SearchHit], kind: HitKind, target_id: str, map_id: str = "") -> bool:
    return any(h.kind is kind and h.target_id == target_id and h.map_id == map_id for h in hits)


def _regions(catalog: Catalog) -> list[tuple[str, str, str]]:
    return [(m.id, r.id, r.name) for m in catalog.maps.values() for r in m.regions.values()]


def _points(catalog: Catalog) -> list[tuple[str, str]]:
    return [(p.id, f"{p.name} {p.side}") for p in catalog.points.values()]


def _techniques(catalog: Catalog) -> list[tuple[str, str]]:
    return [(t.id, t.title) for t in catalog.techniques.values()]


def test_the_shipped_content_is_indexed(catalog: Catalog, index: SearchIndex) -> None:
    regions = sum(len(m.regions) for m in catalog.maps.values())
    assert regions > 50
    assert len(catalog.points) == 18
    assert len(index) >= regions + len(catalog.techniques) + len(catalog.points) + len(catalog.maps)


@pytest.mark.parametrize("typo", [False, True], ids=["exact", "one-typo"])
def test_every_region_is_found_by_its_name(catalog: Catalog, index: SearchIndex, typo: bool) -> None:
    missed = []
    for map_id, region_id, name in _regions(catalog):
        query = _typo(name) if typo else name
        hits = index.query(query, limit=LIMIT)
        if not _found(hits, HitKind.REGION, region_id, map_id):
            missed.append((map_id, region_id, query))
    assert not missed


@pytest.mark.parametrize("typo", [False, True], ids=["exact", "one-typo"])
def test_every_technique_is_found_by_its_title(catalog: Catalog, index: SearchIndex, typo: bool) -> None:
    missed = []
    for technique_id, title in _techniques(catalog):
        query = _typo(title) if typo else title
        if not _found(index.query(query, limit=LIMIT), HitKind.TECHNIQUE, technique_id):
            missed.append(query)
    assert not missed


@pytest.mark.parametrize("typo", [False, True], ids=["exact", "one-typo"])
def test_every_tender_point_is_found_by_name_and_side(
    catalog: Catalog, index: SearchIndex, typo: bool
) -> None:
    missed = []
    for point_id, name in _points(catalog):
        query = _typo(name) if typo else name
        hits = index.query(query, limit=LIMIT)
        if not _found(hits, HitKind.POINT, point_id):
            missed.append(query)
    assert not missed


def _rarest_word(text: str, counts: Counter[str]) -> str:
    words = [w for w in re.findall(r"\w+", text) if len(w) >= FUZZY_MIN and w.isalpha()]
    return min(words, key=lambda w: (counts[fold(w)], -len(w), w))


def _document_frequency(catalog: Catalog, index: SearchIndex) -> Counter[str]:
    counts: Counter[str] = Counter()
    for technique in catalog.techniques.values():
        counts.update({fold(w) for w in re.findall(r"\w+", _card_text(technique))})
    return counts


def _card_text(technique: Technique) -> str:
    parts = [technique.purpose, *technique.steps, *technique.cautions, technique.direction]
    return " ".join(p for p in parts if p)


def test_every_technique_is_found_by_a_word_of_its_card(catalog: Catalog, index: SearchIndex) -> None:
    counts = _document_frequency(catalog, index)
    missed = []
    for technique in catalog.techniques.values():
        word = _rarest_word(_card_text(technique), counts)
        hits = index.query(word, limit=LIMIT)
        assert hits, word
        if not _found(hits, HitKind.TECHNIQUE, technique.id):
            missed.append((technique.id, word))
        # The snippet shows the word in its context, and the span marks it.
        hit = next(h for h in hits if h.target_id == technique.id)
        if fold(word) not in fold(hit.title):
            assert any(fold(hit.snippet[s:e]) == fold(word) for s, e in hit.spans), (word, hit)
    assert not missed


def test_every_tender_point_is_found_by_a_word_of_its_location(catalog: Catalog, index: SearchIndex) -> None:
    for point in catalog.points.values():
        word = max(re.findall(r"\w+", point.location), key=len)
        assert _found(index.query(f"{word} {point.side}", limit=LIMIT), HitKind.POINT, point.id), word


def test_prefixes_and_typos_of_the_issue(index: SearchIndex) -> None:
    petris = index.query("petris")
    assert petris
    assert petris[0].kind is HitKind.TECHNIQUE
    assert petris[0].title.startswith("Petrissage")
    # A prefix marks only what was typed.
    assert [petris[0].title[s:e] for s, e in petris[0].title_spans] == ["Petris"]

    trapezus = index.query("trapezus")
    assert trapezus
    assert all("trapezius" in (h.title + h.snippet).casefold() for h in trapezus[:5])
    assert {HitKind.REGION, HitKind.POINT} <= {h.kind for h in trapezus}
    assert [trapezus[0].title[s:e] for s, e in trapezus[0].title_spans] == ["trapezius"]


def test_words_are_anded_and_title_matches_rank_first(index: SearchIndex) -> None:
    hits = index.query("trapezius left", limit=50)
    assert hits
    assert hits[0].kind is HitKind.POINT
    assert hits[0].title == "Trapezius (left)"

    def keys(query: str) -> set[tuple[HitKind, str, str]]:
        return {(h.kind, h.target_id, h.map_id) for h in index.query(query, limit=1000)}

    both = keys("trapezius left")
    assert both == keys("trapezius") & keys("left")
    assert keys("trapezius") - both
    assert not index.query("trapezius zzzzqqq")


def test_exact_ranks_above_fuzzy(index: SearchIndex) -> None:
    # "palmar" is a word of the content; "plamar" (a swap) reaches it only as a typo.
    exact = index.query("palmar")
    fuzzy = index.query("plamar")
    assert exact
    assert fuzzy
    assert {h.target_id for h in fuzzy} <= {h.target_id for h in index.query("palmar", limit=500)}


def test_a_region_hit_names_its_map(catalog: Catalog, index: SearchIndex) -> None:
    hit = index.query("thenar eminence")[0]
    assert hit.kind is HitKind.REGION
    assert hit.map_id == "hand"
    assert catalog.maps["hand"].title in hit.snippet


def test_other_kinds_are_found(catalog: Catalog, index: SearchIndex) -> None:
    step = catalog.protocol[0]
    assert _found(index.query(step.title), HitKind.PROTOCOL, str(step.number))
    phase = catalog.course[0]
    assert _found(index.query(phase.title), HitKind.COURSE, phase.id)
    for rule in catalog.rules:
        assert _found(index.query(rule.text, limit=50), HitKind.RULE, rule.id), rule.id
    for page in catalog.pages.values():
        assert _found(index.query(page.title), HitKind.PAGE, page.id), page.id
    for info in catalog.maps.values():
        assert _found(index.query(info.title), HitKind.MAP, info.id), info.id


def test_empty_and_punctuation_queries_find_nothing(index: SearchIndex) -> None:
    assert index.query("") == []
    assert index.query("  —…!? ") == []
    assert index.query("petrissage", limit=0) == []
    assert len(index.query("t", limit=7)) == 7


def test_spans_lie_inside_their_texts(index: SearchIndex) -> None:
    for query in ("petris", "trapezus", "exercise", "upper back", "hungry cells", "medial fat pad"):
        for hit in index.query(query, limit=50):
            for text, spans in ((hit.title, hit.title_spans), (hit.snippet, hit.spans)):
                ends = [0]
                for start, end in spans:
                    assert ends[-1] <= start < end <= len(text)
                    ends.append(end)


def test_content_is_never_read_as_markup(catalog: Catalog) -> None:
    nasty = "<b>Bold</b> &amp; <img src='file:///etc/passwd'> trapezius"
    technique = replace(
        next(iter(catalog.techniques.values())), id="nasty", title=nasty, purpose=f"Uses <i>{nasty}</i>"
    )
    point = TenderPointInfo("tp-nasty", "<a href='x'>Link</a>", "left", "<script>", (), ())
    index = build_index(
        replace(catalog, techniques={"nasty": technique}, points={"tp-nasty": point}, maps={})
    )
    hit = next(h for h in index.query("img src") if h.target_id == "nasty")
    assert hit.title == nasty
    assert [hit.title[s:e] for s, e in hit.title_spans] == ["img", "src"]
    assert "<i>" in hit.snippet
    amp = index.query("amp")[0]
    assert "&amp;" in amp.title
    link = index.query("href")[0]
    assert link.title == "<a href='x'>Link</a> (left)"
    assert [link.title[s:e] for s, e in link.title_spans] == ["href"]


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("trapezus", "trapezius", True),
        ("trapezius", "trapezus", True),
        ("trapeizus", "trapezius", True),
        ("trapexius", "trapezius", True),
        ("trapezius", "trapezius", True),
        ("trpezus", "trapezius", False),
        ("abcd", "badc", False),
        ("", "a", True),
        ("ab", "ba", True),
    ],
)
def test_within_one_edit(a: str, b: str, near: bool) -> None:
    assert within_one_edit(a, b) is near


def test_folding_ignores_case_and_accents(index: SearchIndex) -> None:
    assert fold("Trapézius") == "trapezius"
    assert index.query("TRAPÉZIUS")[0].title_spans
