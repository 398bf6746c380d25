"""How citations read under a card, a map overview or a reference page."""

from __future__ import annotations

from app.model.content import Catalog, Citation, Source
from app.ui.text_widgets import sources_text

CATALOG = Catalog(
    schema_version=1,
    disclaimer="",
    sources={
        "article": Source("article", "Article (M&B 2004)", "Massage & Bodywork, Feb/Mar 2004"),
        "acr": Source("acr", "ACR 1990 criteria", "Wolfe et al. 1990"),
    },
    techniques={},
    general_techniques=(),
    maps={},
)
ARTICLE = Citation("article", "p. 92")
ACR = Citation("acr", "tender-point sites")


def test_one_citation_is_one_line(qapp):
    assert sources_text(CATALOG, (ARTICLE,)) == "Source: Article (M&B 2004) — p. 92"
    assert sources_text(CATALOG, (ARTICLE,), lead="Map") == "Map source: Article (M&B 2004) — p. 92"


def test_several_citations_are_a_list_under_one_heading(qapp):
    text = sources_text(CATALOG, (ARTICLE, ACR), lead="Map")
    assert text.splitlines() == [
        "Map sources:",
        "• Article (M&B 2004) — p. 92",
        "• ACR 1990 criteria — tender-point sites",
    ]


def test_an_unknown_source_shows_its_id_and_no_citation_shows_nothing(qapp):
    assert sources_text(CATALOG, (Citation("mystery", "p. 1"),)) == "Source: mystery — p. 1"
    assert sources_text(CATALOG, ()) == ""
