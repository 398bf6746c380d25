"""A mapping whose values are made the first time each is looked up.

The maps (decoded from the geometry cache) and their scenes (Qt items) are both
too slow to make for every map at start; both are shelves of this kind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TypeVar

V = TypeVar("V")


class LazyShelf(Mapping[str, V]):
    """Id -> value, in the order given; a value is made on its first lookup.

    Looking up, iterating over values or items makes what it touches; use
    :meth:`made` for the values that exist already.

    Args:
        ids: the keys, in order.
        make: makes the value of one key (called once per key).
    """

    def __init__(self, ids: Iterable[str], make: Callable[[str], V]) -> None:
        self._ids = list(dict.fromkeys(ids))
        self._make = make
        self._values: dict[str, V] = {}

    def __getitem__(self, key: str) -> V:
        value = self._values.get(key)
        if value is None:
            if key not in self._ids:
                raise KeyError(key)
            value = self._values[key] = self._make(key)
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, key: object) -> bool:
        return key in self._ids

    def add(self, key: str) -> None:
        """List one more key, after the others."""
        if key not in self._ids:
            self._ids.append(key)

    def made(self) -> dict[str, V]:
        """Return the values made so far (making none)."""
        return dict(self._values)
