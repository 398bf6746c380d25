"""Finding room for a map text that spreading could not free: the nearest clear place, or none.

:func:`app.model.presentation.spread_apart` pushes overlapping texts apart in
small steps; a text boxed in by fixed numbers (a landmark between two arrows'
numbers, a side word under a row of them) can end up with nowhere to go that
way. This looks further: every place on a grid around the text, nearest first,
until one touches nothing and stays inside the area.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.model.presentation import Box, overlaps


def free_spot(
    box: Box,
    obstacles: Sequence[Box],
    within: Box,
    step: float,
    max_distance: float,
) -> tuple[float, float] | None:
    """Return the smallest move (dx, dy) that puts ``box`` clear of every obstacle, inside ``within``.

    Args:
        box: the text's box (x, y, width, height).
        obstacles: boxes it must not touch (numbers, other texts).
        within: the area it must stay in.
        step: the grid's spacing (the finest move tried).
        max_distance: the farthest move tried, along either axis.

    Returns:
        The move, ``(0, 0)`` if the box is already clear, or ``None`` when no place
        within reach is clear.

    Raises:
        ValueError: a step or distance that is not positive.
    """
    if step <= 0 or max_distance <= 0:
        raise ValueError(f"step and distance must be positive, not {step} and {max_distance}")
    x, y, w, h = box
    wx, wy, ww, wh = within
    reach = int(max_distance // step)
    moves = sorted(
        ((i * step, j * step) for i in range(-reach, reach + 1) for j in range(-reach, reach + 1)),
        key=lambda move: (move[0] ** 2 + move[1] ** 2, abs(move[1])),  # nearest, then level
    )
    for dx, dy in moves:
        moved = (x + dx, y + dy, w, h)
        inside = wx <= x + dx and x + dx + w <= wx + ww and wy <= y + dy and y + dy + h <= wy + wh
        if inside and not any(overlaps(moved, other) for other in obstacles):
            return dx, dy
    return None
