"""Which texts on a map name what is drawn: region names and the notes that name a figure or an arrow.

Two screens hide these names and keep the rest (view titles, the client's left
and right, landmarks such as C7, the carotid caution), so the reader keeps
their bearings:

- the quiz, while a question is asked, so the map does not give the answer away;
- presentation mode, while the class steps through arrows: the caption under
  the map already names the arrow's region and gives its instruction, and at
  the large projected text size the names of every region crowd the drawing
  and run into the arrows' numbers (the map as a whole still shows them all).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.model.body_map import Label

# Notes that name a figure's technique or an arrow's number ("Fig. 6 Ironing", "Dashed arrows 7 and 9").
NAMING_NOTE = re.compile(r"\b(fig|arrow)", re.IGNORECASE)
NOTE_LINE = 36.0  # map units from one line of a note to the next, at most


def continues(above: Label, below: Label) -> bool:
    """Tell whether a note is the next line of the note above it (same place, one line down)."""
    return above.anchor == below.anchor and abs(above.x - below.x) < 2 and 0 < below.y - above.y <= NOTE_LINE


def naming_labels(labels: Sequence[Label]) -> list[bool]:
    """Return, for each label in order, whether it names something drawn.

    Region names do; a note does when it names a figure or an arrow, and so do
    the lines that continue it.
    """
    names: list[bool] = []
    previous: Label | None = None
    naming_note = False
    for label in labels:
        if label.kind == "note":
            follows = previous is not None and continues(previous, label)
            naming_note = bool(NAMING_NOTE.search(label.text)) or (follows and naming_note)
            previous = label
        names.append(label.kind == "region" or (label.kind == "note" and naming_note))
    return names
