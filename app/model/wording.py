"""Small pieces of English shared by messages: a count with its noun in the right number."""

from __future__ import annotations


def counted(n: int, one: str, many: str | None = None) -> str:
    """Return "1 map" or "3 maps": the count and the noun, singular only for exactly one.

    Args:
        n: how many.
        one: the singular ("map", "problem was found").
        many: the plural where adding "s" to ``one`` is wrong ("problems were found").
    """
    return f"{n} {one if n == 1 else (many or one + 's')}"
