"""Instant search over the content: maps, regions, cards, points, protocol, course, pages.

:func:`build_index` turns a :class:`~app.model.content.Catalog` into a
:class:`SearchIndex` once; :meth:`SearchIndex.query` then answers each
keystroke from precomputed tables, with no scan of the text:

- every word of the content (case- and accent-folded) has postings: the
  documents, fields and character offsets where it occurs;
- every prefix of every word points to the words it starts, so "petris"
  finds "petrissage";
- a symmetric-delete table (each word and each of its prefixes of at least
  three letters, with every one-letter deletion) finds the words
  within one typo (insertion, deletion, substitution or swap of neighbours)
  in a handful of dictionary lookups, so "trapezus" finds "trapezius".

Words of a query are AND-ed. A document scores the best match of each word,
weighted by where it matched (title above body) and how (exact above prefix
above a typo). Results carry plain text with match spans, so the UI can bold
them without ever reading content as markup.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from app.model.content import Catalog

FUZZY_MIN = 3
"""Shortest query word tolerated with a typo; shorter words have too many neighbours."""
FUZZY_PREFIX_MIN = 4
"""Shortest query word read as the start of a longer word with a typo in it."""

SNIPPET_BEFORE = 40
SNIPPET_LENGTH = 150

EXACT, PREFIX, TYPO, TYPO_PREFIX = 1.0, 0.8, 0.6, 0.45
TITLE, BODY, CONTEXT = 3.0, 1.0, 0.5

_WORD = re.compile(r"\w+")


class HitKind(StrEnum):
    """What a search result leads to (also the order of equally good results)."""

    MAP = "map"
    REGION = "region"
    TECHNIQUE = "technique"
    POINT = "point"
    PROTOCOL = "protocol"
    RULE = "rule"
    COURSE = "course"
    PAGE = "page"


Span = tuple[int, int]


@dataclass(frozen=True)
class SearchHit:
    """One result, all plain text.

    Attributes:
        kind: what the hit leads to.
        title: the name of the map, region, card, point, step, phase or page
            (empty for a rule, which has no title: the UI names its kind).
        title_spans: ``(start, end)`` offsets of the matched words in ``title``.
        snippet: the matched words in context ("…" where text was cut); for a
            region, its map title, view and side.
        spans: ``(start, end)`` offsets of the matched words in ``snippet``.
        target_id: the id of the map, region, technique, point, rule, phase or
            page; the step number for a protocol step.
        map_id: the map of a region (empty otherwise).
    """

    kind: HitKind
    title: str
    title_spans: tuple[Span, ...]
    snippet: str
    spans: tuple[Span, ...]
    target_id: str
    map_id: str = ""


@dataclass(frozen=True)
class _Field:
    text: str
    weight: float


@dataclass(frozen=True)
class _Doc:
    kind: HitKind
    target_id: str
    map_id: str
    fields: tuple[_Field, ...]  # fields[0] is the title (possibly empty)


def fold(word: str) -> str:
    """Return a word case- and accent-folded, as the index stores it."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _tokens(text: str) -> Iterator[tuple[str, int, int]]:
    for match in _WORD.finditer(text):
        yield fold(match.group()), match.start(), match.end()


def _deletions(word: str) -> Iterator[str]:
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]


def within_one_edit(a: str, b: str) -> bool:
    """Return whether ``a`` becomes ``b`` with at most one insertion, deletion, substitution or swap."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return True
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    return a[i + 1 :] == b[i:] if la > lb else a[i:] == b[i + 1 :]


class SearchIndex:
    """Answers queries over the documents built by :func:`build_index`."""

    def __init__(self, docs: Iterable[_Doc]) -> None:
        self._docs = tuple(docs)
        # term -> doc -> [(field, start, end)]
        self._postings: dict[str, dict[int, list[tuple[int, int, int]]]] = defaultdict(dict)
        for number, doc in enumerate(self._docs):
            for field_number, fld in enumerate(doc.fields):
                for term, start, end in _tokens(fld.text):
                    self._postings[term].setdefault(number, []).append((field_number, start, end))
        self._prefixes: dict[str, list[str]] = defaultdict(list)
        self._near: dict[str, set[str]] = defaultdict(set)
        for term in self._postings:
            for cut in range(1, len(term)):
                self._prefixes[term[:cut]].append(term)
            for cut in range(min(FUZZY_PREFIX_MIN - 1, len(term)), len(term) + 1):
                stem = term[:cut]
                self._near[stem].add(term)
                for key in _deletions(stem):
                    self._near[key].add(term)
        self._memo: dict[str, dict[str, float]] = {}

    def __len__(self) -> int:
        return len(self._docs)

    def _expand(self, word: str) -> dict[str, float]:
        """Return the vocabulary words a query word matches, with the quality of each match."""
        if word in self._memo:
            return self._memo[word]
        found: dict[str, float] = {}
        if len(word) >= FUZZY_MIN:
            candidates: set[str] = set(self._near.get(word, ()))
            for key in _deletions(word):
                candidates.update(self._near.get(key, ()))
            for term in candidates:
                if within_one_edit(word, term):
                    found[term] = TYPO
                elif len(word) >= FUZZY_PREFIX_MIN and any(
                    within_one_edit(word, term[:cut])
                    for cut in range(len(word) - 1, min(len(word) + 1, len(term) - 1) + 1)
                ):
                    found[term] = TYPO_PREFIX
        for term in self._prefixes.get(word, ()):
            found[term] = PREFIX
        if word in self._postings:
            found[word] = EXACT
        if len(self._memo) > 2000:
            self._memo.clear()
        self._memo[word] = found
        return found

    def query(self, text: str, limit: int = 20) -> list[SearchHit]:
        """Return the best documents containing every word of ``text`` (prefixes and one typo allowed).

        Args:
            text: what the user typed.
            limit: the most results to return.

        Returns:
            The hits, best first.
        """
        words = list(dict.fromkeys(term for term, _, _ in _tokens(text)))
        if not words or limit <= 0:
            return []
        per_word: list[dict[int, float]] = []
        in_title: list[set[int]] = []
        for word in words:
            best: dict[int, float] = {}
            titled: set[int] = set()
            for term, quality in self._expand(word).items():
                for doc, places in self._postings[term].items():
                    fields = self._docs[doc].fields
                    score = max(quality * fields[f].weight for f, _, _ in places)
                    if score > best.get(doc, 0.0):
                        best[doc] = score
                    if any(f == 0 for f, _, _ in places):
                        titled.add(doc)
            per_word.append(best)
            in_title.append(titled)
        common = set.intersection(*(set(best) for best in per_word))
        whole = " ".join(words)
        ranked: list[tuple[float, int, int, int]] = []
        for doc in common:
            score = sum(best[doc] for best in per_word)
            title = self._docs[doc].fields[0].text
            if all(doc in titled for titled in in_title):
                score += 1.0
                if " ".join(t for t, _, _ in _tokens(title)) == whole:
                    score += 2.0
            kind_order = list(HitKind).index(self._docs[doc].kind)
            ranked.append((-score, kind_order, len(title), doc))
        ranked.sort()
        return [self._hit(doc, words) for *_, doc in ranked[:limit]]

    def _hit(self, number: int, words: list[str]) -> SearchHit:
        doc = self._docs[number]
        snippet_spans: tuple[Span, ...]
        spans: dict[int, list[tuple[int, int, int]]] = defaultdict(list)  # field -> [(start, end, word)]
        for index, word in enumerate(words):
            for term, quality in self._expand(word).items():
                for f, start, end in self._postings[term].get(number, ()):
                    stop = min(start + len(word), end) if quality == PREFIX else end
                    spans[f].append((start, stop, index))
        title = doc.fields[0].text
        title_spans = _merge((s, e) for s, e, _ in spans.get(0, ()))
        # The snippet comes from the body field that holds most query words, else the first.
        chosen = max(
            range(1, len(doc.fields)),
            key=lambda n: (len({w for *_, w in spans.get(n, ())}), -n),
            default=None,
        )
        snippet, snippet_spans = "", ()
        if chosen is not None:
            found = _merge((s, e) for s, e, _ in spans.get(chosen, ()))
            snippet, snippet_spans = _snippet(doc.fields[chosen].text, found)
        return SearchHit(doc.kind, title, title_spans, snippet, snippet_spans, doc.target_id, doc.map_id)


def _merge(spans: Iterable[Span]) -> tuple[Span, ...]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((s, e) for s, e in merged)


def _snippet(text: str, spans: tuple[Span, ...]) -> tuple[str, tuple[Span, ...]]:
    """Cut ``text`` to a window around its first match, on word boundaries, and shift the spans."""
    text = text.replace("\n", " ").replace("\t", " ")  # same length: the spans stay valid
    start = 0
    if spans and spans[0][0] > SNIPPET_BEFORE:
        start = text.find(" ", spans[0][0] - SNIPPET_BEFORE, spans[0][0]) + 1 or spans[0][0]
    end = min(len(text), max(start + SNIPPET_LENGTH, spans[0][1] if spans else 0))
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > (spans[0][1] if spans else start) else end
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    shift = len(lead) - start
    kept = tuple((s + shift, min(e, end) + shift) for s, e in spans if s < end and s >= start)
    return lead + text[start:end] + tail, kept


def _documents(catalog: Catalog) -> Iterator[_Doc]:
    for info in catalog.maps.values():
        extra = [info.summary or "", *info.arrow_instructions.values()]
        extra += [f"{z.name}. {z.caution}" for z in info.zones.values()]
        yield _Doc(
            HitKind.MAP,
            info.id,
            "",
            (_Field(info.title, TITLE), *(_Field(t, BODY) for t in extra if t)),
        )
        for region in info.regions.values():
            where = " · ".join(w for w in (info.title, region.view, region.side) if w)
            yield _Doc(
                HitKind.REGION, region.id, info.id, (_Field(region.name, TITLE), _Field(where, CONTEXT))
            )
    for technique in catalog.techniques.values():
        card = technique.card_texts()
        yield _Doc(
            HitKind.TECHNIQUE,
            technique.id,
            "",
            (_Field(technique.title, TITLE), *(_Field(t, BODY) for t in card if t)),
        )
    for point in catalog.points.values():
        yield _Doc(
            HitKind.POINT,
            point.id,
            "",
            (_Field(f"{point.name} ({point.side})", TITLE), _Field(point.location, BODY)),
        )
    for step in catalog.protocol:
        fields = (_Field(step.title, TITLE), _Field(step.summary, BODY))
        yield _Doc(HitKind.PROTOCOL, str(step.number), "", fields)
    for rule in catalog.rules:
        yield _Doc(HitKind.RULE, rule.id, "", (_Field("", TITLE), _Field(rule.text, BODY)))
    for phase in catalog.course:
        yield _Doc(HitKind.COURSE, phase.id, "", (_Field(phase.title, TITLE), _Field(phase.text, BODY)))
    for page in catalog.pages.values():
        texts: list[str] = []
        for section in page.sections:
            texts += [section.heading or "", *section.paragraphs]
            texts += [" · ".join(row) for row in section.table]
        yield _Doc(
            HitKind.PAGE,
            page.id,
            "",
            (_Field(page.title, TITLE), *(_Field(t, BODY) for t in texts if t)),
        )


def build_index(catalog: Catalog) -> SearchIndex:
    """Index every map, region, card, tender point, protocol step, rule, course phase and page."""
    return SearchIndex(_documents(catalog))
