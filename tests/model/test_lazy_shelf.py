"""A lazy shelf makes each value once, on its first lookup, and lists keys in order."""

import pytest

from app.model.lazy_shelf import LazyShelf


def test_values_are_made_once_on_first_lookup_in_key_order():
    made: list[str] = []
    shelf = LazyShelf(["b", "a", "b"], lambda key: made.append(key) or key.upper())
    assert list(shelf) == ["b", "a"]
    assert len(shelf) == 2
    assert "a" in shelf
    assert made == []
    assert shelf.made() == {}
    assert shelf["a"] == "A"
    assert shelf["a"] == "A"
    assert made == ["a"]
    assert shelf.made() == {"a": "A"}
    with pytest.raises(KeyError):
        shelf["c"]
    shelf.add("c")
    assert list(shelf) == ["b", "a", "c"]
    assert shelf["c"] == "C"
