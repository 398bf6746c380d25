"""Counts with their nouns in the right number."""

from app.model.wording import counted


def test_one_is_singular_every_other_count_plural():
    assert counted(1, "map") == "1 map"
    assert counted(0, "map") == "0 maps"
    assert counted(18, "result") == "18 results"


def test_an_irregular_plural_is_given():
    assert counted(1, "problem was found", "problems were found") == "1 problem was found"
    assert counted(2, "problem was found", "problems were found") == "2 problems were found"
