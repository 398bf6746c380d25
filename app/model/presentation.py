"""Presentation mode, the decisions without Qt: stops, overlay sides, projected text size, screens.

An instructor steps through a class with a clicker (Right/Left, PageDown/PageUp).
:class:`PresentationPlan` lays the maps out as *stops*: each map as a whole, then
each of its arrows in number order. :func:`place_overlay` puts a large card on
the side of the screen away from what it talks about, :func:`text_scale` says
how much map text must grow to be readable from the back row, and
:func:`assign_screens` decides which screen the class sees.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

Box = tuple[float, float, float, float]  # x, y, width, height

# FibroMap's choice: the smallest text on a 1280x800 projector, in pixels (an
# em of about 1/33 of the picture's height, readable from the back of a class).
MIN_PROJECTED_TEXT_PX = 24.0


@dataclass(frozen=True)
class Stop:
    """One place in a presentation: a map as a whole (``arrow`` is None) or one of its arrows."""

    map_id: str
    arrow: int | None = None


class PresentationPlan:
    """The maps of a class in order, each followed by its arrows in number order.

    Args:
        maps: each map's id with the numbers of its arrows (any order).

    Raises:
        ValueError: a map is named twice, or there is no map at all.
    """

    def __init__(self, maps: Iterable[tuple[str, Iterable[int]]]) -> None:
        self._arrows: dict[str, tuple[int, ...]] = {}
        for map_id, orders in maps:
            if map_id in self._arrows:
                raise ValueError(f"map {map_id!r} is named twice in the presentation")
            self._arrows[map_id] = tuple(sorted(set(orders)))
        if not self._arrows:
            raise ValueError("a presentation needs at least one map")
        self.stops: tuple[Stop, ...] = tuple(
            stop
            for map_id, orders in self._arrows.items()
            for stop in (Stop(map_id), *(Stop(map_id, order) for order in orders))
        )

    @property
    def map_ids(self) -> tuple[str, ...]:
        """The maps, in presentation order."""
        return tuple(self._arrows)

    def arrows_of(self, map_id: str) -> tuple[int, ...]:
        """Return a map's arrow numbers in the order they are stepped through."""
        return self._arrows[map_id]

    def index(self, stop: Stop) -> int:
        """Return where a stop is in the presentation.

        Raises:
            ValueError: the stop is not part of this presentation.
        """
        try:
            return self.stops.index(stop)
        except ValueError:
            raise ValueError(f"{stop} is not a stop of this presentation") from None

    def step(self, stop: Stop, delta: int) -> Stop:
        """Move ``delta`` stops on (Right) or back (Left); the first and last stops hold."""
        index = min(len(self.stops) - 1, max(0, self.index(stop) + delta))
        return self.stops[index]

    def step_map(self, stop: Stop, delta: int) -> Stop:
        """Move to the next (PageDown) or previous (PageUp) map as a whole; the ends hold."""
        ids = self.map_ids
        index = min(len(ids) - 1, max(0, ids.index(stop.map_id) + delta))
        return Stop(ids[index])

    def upcoming(self, stop: Stop) -> Stop | None:
        """Return what Right shows next, or ``None`` at the end of the class."""
        index = self.index(stop)
        return self.stops[index + 1] if index + 1 < len(self.stops) else None


def describe_next(
    plan: PresentationPlan,
    stop: Stop,
    titles: Mapping[str, str],
    instructions: Mapping[str, Mapping[int, str]],
) -> str:
    """Say what comes after a stop, for the presenter: the next arrow or the next map.

    Args:
        plan: the presentation.
        stop: where the class is now.
        titles: each map's title by id.
        instructions: each map's arrow instructions by arrow number.
    """
    upcoming = plan.upcoming(stop)
    if upcoming is None:
        return "End of the maps."
    if upcoming.arrow is None:
        return f"Next map: {titles.get(upcoming.map_id, upcoming.map_id)}"
    count = len(plan.arrows_of(upcoming.map_id))
    text = instructions.get(upcoming.map_id, {}).get(upcoming.arrow, "")
    head = f"Arrow {upcoming.arrow} of {count}"
    return f"{head}: {text}" if text else head


def cycle(items: Sequence[str], current: str, delta: int) -> str:
    """Return the item ``delta`` places from ``current``, wrapping (Tab and Shift+Tab over regions).

    From nothing (``current`` not in ``items``) Tab goes to the first item and
    Shift+Tab to the last; with no items the answer is "".
    """
    if not items:
        return ""
    if current not in items:
        return items[0] if delta > 0 else items[-1]
    return items[(items.index(current) + delta) % len(items)]


class Side(Enum):
    """Which side of the screen an overlay takes."""

    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True)
class Placement:
    """Where an overlay goes.

    Attributes:
        side: the side of the screen it takes.
        rect: its box on the screen.
        shift: how far (pixels, + right) to move the map so that what the overlay
            talks about clears it; 0 when it already does.
    """

    side: Side
    rect: Box
    shift: float = 0.0


def place_overlay(
    screen: Box,
    target: Box,
    *,
    fraction: float = 0.42,
    min_width: float = 480.0,
    margin: float = 24.0,
    gap: float = 16.0,
) -> Placement:
    """Put a full-height overlay on the side of the screen away from a target (a region, an arrow).

    The overlay takes ``fraction`` of the screen's width (at least ``min_width``).
    It goes on the side opposite the target's centre when that leaves ``gap``
    pixels free around the target, else on the other side if that does; when
    neither does (a target wider than the rest of the screen), it takes the side
    that needs the map moved least and says how far in ``shift``.

    Args:
        screen: the area the overlay may use (the map's screen).
        target: what must stay visible, in the same coordinates.
        fraction: the overlay's share of the screen's width.
        min_width: the narrowest overlay that still holds large text.
        margin: the space between the overlay and the screen's edges.
        gap: the space kept between the overlay and the target.
    """
    sx, sy, sw, sh = screen
    tx, ty, tw, th = target
    width = max(1.0, min(max(sw * fraction, min_width), sw - 2 * margin))
    height = max(1.0, sh - 2 * margin)
    rects = {
        Side.LEFT: (sx + margin, sy + margin, width, height),
        Side.RIGHT: (sx + sw - margin - width, sy + margin, width, height),
    }
    # The shift that would clear the target: move it right of a left overlay, left of a right one.
    shifts = {
        Side.LEFT: max(0.0, rects[Side.LEFT][0] + width + gap - tx),
        Side.RIGHT: min(0.0, rects[Side.RIGHT][0] - gap - (tx + tw)),
    }
    away = Side.RIGHT if tx + tw / 2 < sx + sw / 2 else Side.LEFT
    toward = Side.LEFT if away is Side.RIGHT else Side.RIGHT
    for side in (away, toward):
        if shifts[side] == 0.0:
            return Placement(side, rects[side])
    side = min((away, toward), key=lambda s: abs(shifts[s]))
    return Placement(side, rects[side], shifts[side])


def overlaps(a: Box, b: Box) -> bool:
    """Tell whether two boxes share any area."""
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def text_scale(font_size: float, view_scale: float, min_px: float = MIN_PROJECTED_TEXT_PX) -> float:
    """Return how much a map text must grow (1 or more) to be at least ``min_px`` on screen.

    Args:
        font_size: the text's size in map units.
        view_scale: screen pixels per map unit.
        min_px: the smallest text wanted on screen.

    Raises:
        ValueError: a size or scale that is not positive.
    """
    if font_size <= 0 or view_scale <= 0:
        raise ValueError(f"font size and view scale must be positive, not {font_size} and {view_scale}")
    return max(1.0, min_px / (font_size * view_scale))


def spread_apart(
    boxes: Sequence[Box],
    gap: float = 4.0,
    rounds: int = 10,
    within: Box | None = None,
    fixed: Sequence[Box] = (),
    vgap: float | None = None,
) -> list[tuple[float, float]]:
    """Return moves (dx, dy) that pull overlapping boxes (grown captions) apart.

    Two boxes closer than ``gap`` across (or touching down) each move half the
    way out along the axis where they overlap least, so side-by-side captions
    part sideways and stacked ones part up and down; two on one line always
    part sideways. A few rounds settle chains.
    With ``within``, every box is also kept inside that box, so no text runs off
    the picture.

    Args:
        boxes: the captions' boxes, in map units.
        gap: the space wanted between two captions side by side.
        rounds: how many passes to make at most.
        within: the area the boxes must stay in.
        fixed: boxes that never move (the arrows' numbers); a caption on one
            moves all the way off it.
        vgap: the space wanted between two captions one above the other
            (default: a quarter of ``gap``).
    """
    count = len(boxes)
    dx, dy = [0.0] * count, [0.0] * count
    vgap = gap / 4 if vgap is None else vgap

    def keep_inside() -> None:
        if within is None:
            return
        wx, wy, ww, wh = within
        for k, (x, y, w, h) in enumerate(boxes):
            dx[k] = _clamp(dx[k], wx - x, wx + ww - (x + w))
            dy[k] = _clamp(dy[k], wy - y, wy + wh - (y + h))

    keep_inside()
    for _ in range(rounds):
        moved = False
        for i in range(count):
            for j in range(i + 1, count):
                ax, ay, aw, ah = boxes[i][0] + dx[i], boxes[i][1] + dy[i], boxes[i][2], boxes[i][3]
                bx, by, bw, bh = boxes[j][0] + dx[j], boxes[j][1] + dy[j], boxes[j][2], boxes[j][3]
                across = min(ax + aw, bx + bw) - max(ax, bx) + gap
                down = min(ay + ah, by + bh) - max(ay, by) + vgap
                if across <= 0 or down <= 0:
                    continue
                # Two texts on one line (side words grown into each other) part sideways,
                # so neither ends up stacked on the other.
                same_line = abs((ay + ah / 2) - (by + bh / 2)) < min(ah, bh) / 2
                if across <= down or same_line:
                    sign = -1.0 if ax + aw / 2 <= bx + bw / 2 else 1.0
                    dx[i] += sign * across / 2
                    dx[j] -= sign * across / 2
                else:
                    sign = -1.0 if ay + ah / 2 <= by + bh / 2 else 1.0
                    dy[i] += sign * down / 2
                    dy[j] -= sign * down / 2
                moved = True
            for fx, fy, fw, fh in fixed:
                ax, ay, aw, ah = boxes[i][0] + dx[i], boxes[i][1] + dy[i], boxes[i][2], boxes[i][3]
                across = min(ax + aw, fx + fw) - max(ax, fx)
                down = min(ay + ah, fy + fh) - max(ay, fy)
                if across <= 0 or down <= 0:
                    continue
                if across <= down:
                    dx[i] += across if ax + aw / 2 > fx + fw / 2 else -across
                else:
                    dy[i] += down if ay + ah / 2 > fy + fh / 2 else -down
                moved = True
        keep_inside()
        if not moved:
            break
    return list(zip(dx, dy, strict=True))


def _clamp(value: float, low: float, high: float) -> float:
    # A box larger than the area keeps its low edge in.
    return low if low > high else min(max(value, low), high)


def assign_screens(
    screens: Sequence[Box], window_screen: int, swapped: bool = False
) -> tuple[int, int | None]:
    """Decide which screen the class sees and which the presenter keeps.

    The presenter keeps the screen the window is on (the laptop); the class gets
    the largest other screen (the projector). ``swapped`` exchanges them.

    Returns:
        (audience screen, presenter screen), indexes into ``screens``; the
        presenter's is ``None`` with a single screen.

    Raises:
        ValueError: no screens, or ``window_screen`` is not one of them.
    """
    if not screens:
        raise ValueError("there is no screen to present on")
    if not 0 <= window_screen < len(screens):
        raise ValueError(f"screen {window_screen} does not exist; there are {len(screens)}")
    if len(screens) == 1:
        return window_screen, None
    others = [i for i in range(len(screens)) if i != window_screen]
    audience = max(others, key=lambda i: (screens[i][2] * screens[i][3], -i))
    return (window_screen, audience) if swapped else (audience, window_screen)


def clock_text(seconds: float) -> str:
    """Format elapsed class time as m:ss, or h:mm:ss from an hour."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
