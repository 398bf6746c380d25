"""A :class:`BodyMap` as plain JSON values and back, for the geometry cache.

Only values go in (numbers, strings, lists): no code, no pickles. Decoding
checks the shape of every value and raises :class:`ValueError` on anything
unexpected, so a damaged or foreign cache file is refused, never trusted.
Floats survive the round trip exactly (JSON writes ``repr``), so a map from
the cache equals the map parsed from its SVG.
"""

from __future__ import annotations

import math
from typing import Any

from app.model.body_map import Arrow, BodyMap, Label, MapPoint, Region, Stroke
from app.model.geometry import XY, PathData, Segment

_ARITY = {"M": 2, "L": 2, "C": 6, "Z": 0}


def encode_map(body_map: BodyMap) -> dict[str, Any]:
    """Return the map as JSON-ready values."""
    return {
        "file": body_map.file,
        "view_box": list(body_map.view_box),
        "outline": [_stroke(s) for s in body_map.outline],
        "regions": [[r.id, _path(r.path), r.area, r.inner_point] for r in body_map.regions.values()],
        "zones": [[z.id, _path(z.path), z.area, z.inner_point] for z in body_map.zones.values()],
        "arrows": [
            {
                "order": a.order,
                "region": a.region,
                "path": _path(a.path),
                "polyline": [list(p) for p in a.polyline],
                "start_direction": list(a.start_direction),
                "end_direction": list(a.end_direction),
                "style": a.style,
                "technique": a.technique,
                "view": a.view,
                "id": a.id,
            }
            for a in body_map.arrows
        ],
        "points": [[p.id, p.x, p.y, p.radius] for p in body_map.points.values()],
        "labels": [[lb.text, lb.x, lb.y, lb.anchor, lb.kind] for lb in body_map.labels],
        "leaders": [_stroke(s) for s in body_map.leaders],
    }


def decode_map(value: Any) -> BodyMap:
    """Build a map from values made by :func:`encode_map`.

    Raises:
        ValueError: when anything is missing or of the wrong kind.
    """
    try:
        return _decode(value)
    except (KeyError, TypeError, IndexError) as exc:
        raise ValueError(f"not a cached map: {exc!r}") from exc


def _decode(v: dict[str, Any]) -> BodyMap:
    box = _numbers(v["view_box"], 4)
    regions = {_text(i): _region(i, p, a, c) for i, p, a, c in v["regions"]}
    zones = {_text(i): _region(i, p, a, c) for i, p, a, c in v["zones"]}
    arrows = tuple(
        Arrow(
            order=_int(a["order"]),
            region=_text(a["region"]),
            path=_unpath(a["path"]),
            polyline=tuple(_xy(p) for p in a["polyline"]),
            start_direction=_xy(a["start_direction"]),
            end_direction=_xy(a["end_direction"]),
            style=_text(a["style"]),
            technique=_optional_text(a["technique"]),
            view=_optional_text(a["view"]),
            id=_optional_text(a["id"]),
        )
        for a in v["arrows"]
    )
    points = {_text(i): MapPoint(_text(i), *_numbers([x, y, r], 3)) for i, x, y, r in v["points"]}
    labels = tuple(
        Label(_text(t), *_xy([x, y]), _text(anchor), _text(kind)) for t, x, y, anchor, kind in v["labels"]
    )
    return BodyMap(
        file=_text(v["file"]),
        view_box=(box[0], box[1], box[2], box[3]),
        outline=tuple(_unstroke(s) for s in v["outline"]),
        regions=regions,
        arrows=arrows,
        points=points,
        zones=zones,
        labels=labels,
        leaders=tuple(_unstroke(s) for s in v["leaders"]),
    )


def _region(ident: Any, path: Any, area: Any, inner: Any) -> Region:
    return Region(_text(ident), _unpath(path), _optional_number(area), None if inner is None else _xy(inner))


def _stroke(stroke: Stroke) -> list[Any]:
    return [stroke.kind, _path(stroke.path)]


def _unstroke(value: Any) -> Stroke:
    kind, path = value
    return Stroke(_unpath(path), _text(kind))


def _path(path: PathData) -> list[Any]:
    return [[command, list(coords)] for command, coords in path.segments]


def _unpath(value: Any) -> PathData:
    segments: list[Segment] = []
    for command, coords in value:
        if command not in _ARITY:
            raise ValueError(f"unknown path command {command!r}")
        segments.append((command, _numbers(coords, _ARITY[command])))
    return PathData(tuple(segments))


def _numbers(value: Any, count: int) -> tuple[float, ...]:
    if type(value) is not list or len(value) != count:
        raise ValueError(f"expected {count} numbers, got {value!r}")
    try:
        # One pass in C: a text raises TypeError; an infinity or NaN makes the sum so.
        total = math.fsum(value)
    except (TypeError, OverflowError) as exc:
        raise ValueError(f"not finite numbers: {value!r}") from exc
    if not math.isfinite(total):
        raise ValueError(f"not finite numbers: {value!r}")
    return tuple(value)


def _optional_number(value: Any) -> float | None:
    return None if value is None else _numbers([value], 1)[0]


def _xy(value: Any) -> XY:
    x, y = _numbers(value, 2)
    return x, y


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"not a whole number: {value!r}")
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"not a text: {value!r}")
    return value


def _optional_text(value: Any) -> str | None:
    return None if value is None else _text(value)
