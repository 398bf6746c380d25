"""Which region is under a point: prepared shapely polygons, queried in one vectorised call."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import shapely


class RegionIndex:
    """Hit testing over a map's regions.

    Where regions nest (a nail inside a finger) the smallest one containing the
    point wins, so the more specific region is picked.
    """

    def __init__(self, polygons: Mapping[str, Any]) -> None:
        # Smallest first, so the first hit is the most specific region.
        ordered = sorted(polygons.items(), key=lambda item: item[1].area)
        self._ids = [ident for ident, _ in ordered]
        self._geoms = np.array([geom for _, geom in ordered], dtype=object)
        if len(self._geoms):
            shapely.prepare(self._geoms)

    def region_at(self, x: float, y: float) -> str | None:
        """Return the id of the smallest region containing (x, y), or ``None``."""
        if not self._ids:
            return None
        hits = np.flatnonzero(shapely.contains_xy(self._geoms, x, y))
        return self._ids[int(hits[0])] if len(hits) else None
