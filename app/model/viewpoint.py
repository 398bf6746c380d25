"""Whose left and right a map's side labels name: the client's (default) or the therapist's.

Body maps are drawn as the viewer sees the client, so in an anterior view the
client's right lies on the viewer's left, and in a posterior view the two agree.
Left/right confusion is the most common error reported for body maps, so in the
therapist's viewpoint a side label names both: "THERAPIST'S LEFT" and, on a line
of its own, "(CLIENT'S RIGHT)", in a slightly smaller type so both fit where one
was. Which side of the picture a label is on decides it: a label left of its
view's centre (the nearest view title) is on the viewer's left.
Labels that name a limb ("CLIENT'S RIGHT ARM") or a whole side in a lateral view
are not about the picture's left and right and stay as they are.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from enum import Enum

from app.model.body_map import Label

_SIDE = re.compile(r"^CLIENT'S (LEFT|RIGHT)$", re.IGNORECASE)
LINE_GAP = 24.0  # map units from the therapist line down to the client line
BOTTOM_MARGIN = 6.0  # room under the last baseline for descenders


class Viewpoint(Enum):
    """Whose left and right the map's side labels name."""

    CLIENT = "client"
    THERAPIST = "therapist"


def client_side(label: Label) -> str | None:
    """Return "left" or "right" if the label names one side of the picture, else None."""
    if label.kind != "side":
        return None
    match = _SIDE.match(label.text.strip())
    return match.group(1).lower() if match else None


def viewer_side(label: Label, labels: tuple[Label, ...]) -> str | None:
    """Return which side of its view ("left"/"right") the label lies on, as the viewer sees it."""
    views = [v for v in labels if v.kind == "view"]
    if not views:
        return None
    nearest = min(views, key=lambda v: abs(v.x - label.x))
    if abs(nearest.x - label.x) < 1.0:
        return None  # centred under its title: not one side of the picture
    return "left" if label.x < nearest.x else "right"


def side_labels(
    labels: tuple[Label, ...], viewpoint: Viewpoint, bottom: float = math.inf
) -> tuple[Label, ...]:
    """Return the map's labels worded for a viewpoint (unchanged for the client's).

    The therapist's wording takes two lines of kind "viewpoint" and "note"; where the
    second line would pass ``bottom`` (the drawing's lower edge), both move up a line.
    """
    if viewpoint is Viewpoint.CLIENT:
        return labels
    worded: list[Label] = []
    for label in labels:
        client = client_side(label)
        viewer = viewer_side(label, labels) if client else None
        if client is None or viewer is None:
            worded.append(label)
            continue
        top = label.y if label.y + LINE_GAP + BOTTOM_MARGIN <= bottom else label.y - LINE_GAP
        worded.append(replace(label, text=f"THERAPIST'S {viewer.upper()}", y=top, kind="viewpoint"))
        worded.append(replace(label, text=f"(CLIENT'S {client.upper()})", y=top + LINE_GAP, kind="note"))
    return tuple(worded)


def legend_sentence(viewpoint: Viewpoint) -> str:
    """Return the legend's sentence on whose left and right the map names."""
    if viewpoint is Viewpoint.THERAPIST:
        return (
            "Sides are labelled as the therapist sees the drawing (THERAPIST'S LEFT/RIGHT), "
            "with the client's side in brackets."
        )
    return "Views are labelled with the client's left and right."
