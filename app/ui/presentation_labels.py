"""The projected map's texts: which are shown at an arrow stop, and where they go so none touch.

Presentation mode grows every map text to the class's minimum size, so on a
map shrunk for a caption the texts are large for the drawing and run into
each other and the arrows' numbers. At an arrow stop the region names give way
to the caption (:func:`show_names`); what is left is spread over the part of
the screen the map has, the black bars beside it included (:func:`spread_labels`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF

from app.model.label_room import free_spot
from app.model.map_names import naming_labels
from app.model.presentation import Box, overlaps, spread_apart
from app.ui.body_map_scene import BodyMapScene
from app.ui.map_items import LabelItem
from app.ui.theme import LABEL_SIZES

LABEL_GAP_PX = 6.0  # screen pixels kept between two map texts, and between a text and a number
ROOM_REACH_PX = 240.0  # screen pixels a boxed-in text may be moved to find room


def show_names(scene: BodyMapScene, shown: bool) -> None:
    """Show or hide the region names and the notes naming a figure or arrow; the rest stays.

    The view titles, the client's left and right and the landmarks (C7, the
    carotid caution) always stay, so the class keeps its bearings.
    """
    names = naming_labels([item.label for item in scene.label_items])
    for item, naming in zip(scene.label_items, names, strict=True):
        item.setVisible(shown or not naming)
    leaders_follow_labels(scene)


def leaders_follow_labels(scene: BodyMapScene) -> None:
    """Show a leader line only with the text it starts from (the nearest name or note to its start)."""
    named = [item for item in scene.label_items if item.label.kind in ("region", "note")]
    if not named:
        return
    for leader in scene.leader_items:
        start = leader.start
        nearest = min(named, key=lambda item: _distance(item.text_rect(), start))
        leader.setVisible(nearest.isVisible())


def spread_labels(scene: BodyMapScene, view_scale: float, area: QRectF, drop_boxed_in: bool) -> None:
    """Move the shown texts apart, off the numbers, and inside ``area``.

    Args:
        scene: the projected map, its texts already grown.
        view_scale: screen pixels per map unit (the gaps are kept in pixels).
        area: where the texts may go, in map units: what the screen shows of the
            map, the black bars beside it too, never the caption.
        drop_boxed_in: leave out a text that cannot be set clear of the rest (a
            landmark boxed in by numbers) rather than show it half covered.
    """
    captions = [lines for lines in caption_groups(scene.label_items) if lines[0].isVisible()]
    for lines in captions:
        for label in lines:
            label.setPos(0, 0)
    boxes = [_box(_union(label.mapRectToScene(label.text_rect()) for label in lines)) for lines in captions]
    pad = LABEL_GAP_PX / view_scale
    within = _box(area.adjusted(pad, pad, -pad, -pad))
    numbers = [
        _box(badge.sceneBoundingRect().adjusted(-pad / 2, -pad / 2, pad / 2, pad / 2))
        for badge in scene.badge_items.values()
    ]
    moves = spread_apart(boxes, gap=4 * pad, vgap=pad, rounds=40, within=within, fixed=numbers)
    placed = [(x + dx, y + dy, w, h) for (x, y, w, h), (dx, dy) in zip(boxes, moves, strict=True)]
    for index, lines in enumerate(captions):
        others = [*placed[:index], *placed[index + 1 :]]
        if not any(overlaps(placed[index], other) for other in [*numbers, *others]):
            continue
        # Boxed in (by numbers, or at the screen's edge): look further for a clear place.
        clear = [*numbers, *(_grown(box, pad) for box in others)]
        room = free_spot(placed[index], clear, within, step=2 * pad, max_distance=ROOM_REACH_PX / view_scale)
        if room is not None:
            x, y, w, h = placed[index]
            placed[index] = (x + room[0], y + room[1], w, h)
        elif drop_boxed_in:
            for label in lines:
                label.setVisible(False)
            placed[index] = (0.0, 0.0, 0.0, 0.0)  # gone: it no longer crowds the rest
    for lines, box, (x, y, _w, _h) in zip(captions, boxes, placed, strict=True):
        for label in lines:
            label.setPos(x - box[0], y - box[1])
    leaders_follow_labels(scene)


def caption_groups(labels: list[LabelItem]) -> list[list[LabelItem]]:
    """Group label lines into captions: same kind, anchor and x, each line under the last."""
    captions: list[list[LabelItem]] = []
    for label in sorted(labels, key=lambda item: (item.label.x, item.label.y)):
        last = captions[-1][-1].label if captions else None
        here = label.label
        if (
            last is not None
            and (last.x, last.anchor, last.kind) == (here.x, here.anchor, here.kind)
            and 0 < here.y - last.y <= 1.6 * LABEL_SIZES[here.kind]
        ):
            captions[-1].append(label)
        else:
            captions.append([label])
    return captions


def _box(rect: QRectF) -> Box:
    return (rect.x(), rect.y(), rect.width(), rect.height())


def _grown(box: Box, by: float) -> Box:
    x, y, w, h = box
    return (x - by, y - by, w + 2 * by, h + 2 * by)


def _distance(rect: QRectF, point: QPointF) -> float:
    """Return how far a point is from a rectangle (0 inside it)."""
    dx = max(rect.left() - point.x(), 0.0, point.x() - rect.right())
    dy = max(rect.top() - point.y(), 0.0, point.y() - rect.bottom())
    return math.hypot(dx, dy)


def _union(rects: Iterable[QRectF]) -> QRectF:
    total = QRectF()
    for rect in rects:
        total = total.united(rect)
    return total
