"""The last word on a badge layout: every rule a set of badge places breaks, in words.

:func:`app.model.projected_badges.place_projected_badges` tries to obey these
rules and falls back to the least bad place when it cannot; this says what is
left, so tests (and anyone tuning the layout) see it plainly.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from app.model.body_map import Arrow
from app.model.plane import Box, box_distance, polyline_length_in_circle, segment_distance, segments_cross
from app.model.projected_badges import SMALL_PART, BadgePlace, BadgeSizes, Stroke


def badge_problems(
    arrows: Sequence[Arrow],
    places: Mapping[int, BadgePlace],
    sizes: BadgeSizes,
    texts: Sequence[Box] = (),
    area: Box | None = None,
) -> list[str]:
    """Return every broken rule: badges touching, covering a head, a dot or too much shaft, off the area.

    Args:
        arrows: the map's arrows.
        places: each arrow's badge place.
        sizes: the sizes the badges were placed for.
        texts: text boxes no badge may touch.
        area: where every badge must be whole, if given.
    """
    strokes = {arrow.order: Stroke.of(arrow, sizes) for arrow in arrows}
    r = sizes.radius
    found = [f"arrow {order} has no badge" for order in strokes if order not in places]
    orders = sorted(places)
    for index, order in enumerate(orders):
        centre = places[order].centre
        for other in orders[index + 1 :]:
            if math.dist(centre, places[other].centre) < 2 * r:
                found.append(f"badges {order} and {other} overlap")
        for stroke in strokes.values():
            if segment_distance(centre, *stroke.head) < r + sizes.head_half_width:
                found.append(f"badge {order} covers the head of arrow {stroke.order}")
            if math.dist(centre, stroke.base) < r + sizes.dot_radius:
                found.append(f"badge {order} covers the base dot of arrow {stroke.order}")
        found += [f"badge {order} touches a text at {box}" for box in texts if box_distance(centre, box) < r]
        if area is not None and not _inside(centre, r, area):
            found.append(f"badge {order} is not wholly on the screen")
        leader = places[order].leader
        if leader is not None and math.dist(leader[1], strokes[order].base) > sizes.dot_radius + 1:
            found.append(f"the leader of badge {order} does not reach its base")
        if leader is not None:
            found += [
                f"the leaders of badges {order} and {other} cross"
                for other in orders[index + 1 :]
                if (theirs := places[other].leader) is not None and segments_cross(*leader, *theirs)
            ]
    for stroke in strokes.values():
        covered = sum(
            polyline_length_in_circle(stroke.shaft, place.centre, r + sizes.shaft_half_width)
            for place in places.values()
        )
        if covered > SMALL_PART * stroke.shaft_length + 1e-6:
            found.append(
                f"badges cover {covered:.0f} of the {stroke.shaft_length:.0f} shaft of arrow {stroke.order}"
            )
    return found


def _inside(centre: tuple[float, float], radius: float, area: Box) -> bool:
    x, y, w, h = area
    return x + radius <= centre[0] <= x + w - radius and y + radius <= centre[1] <= y + h - radius
