"""Side labels from the client's and the therapist's viewpoint."""

from __future__ import annotations

from app.model.body_map import Label
from app.model.viewpoint import Viewpoint, client_side, legend_sentence, side_labels, viewer_side

ANTERIOR = Label("ANTERIOR", 400, 50, "middle", "view")
POSTERIOR = Label("POSTERIOR", 1200, 50, "middle", "view")
LABELS = (
    ANTERIOR,
    POSTERIOR,
    Label("CLIENT'S RIGHT", 220, 900, "middle", "side"),  # anterior: on the viewer's left
    Label("CLIENT'S LEFT", 600, 900, "middle", "side"),
    Label("CLIENT'S LEFT", 1000, 900, "middle", "side"),  # posterior: sides agree
    Label("CLIENT'S RIGHT ARM", 1200, 90, "middle", "side"),  # names a limb
    Label("Deltoid", 300, 300, "start", "region"),
)


def test_client_viewpoint_keeps_the_labels() -> None:
    assert side_labels(LABELS, Viewpoint.CLIENT) == LABELS


def test_therapist_viewpoint_names_both_sides_mirrored_in_front_and_equal_behind() -> None:
    texts = [label.text for label in side_labels(LABELS, Viewpoint.THERAPIST)]
    assert texts == [
        "ANTERIOR",
        "POSTERIOR",
        "THERAPIST'S LEFT",
        "(CLIENT'S RIGHT)",
        "THERAPIST'S RIGHT",
        "(CLIENT'S LEFT)",
        "THERAPIST'S LEFT",
        "(CLIENT'S LEFT)",
        "CLIENT'S RIGHT ARM",
        "Deltoid",
    ]


def test_the_client_line_sits_under_the_therapist_line() -> None:
    worded = side_labels(LABELS, Viewpoint.THERAPIST)
    assert worded[3].y > worded[2].y
    assert worded[3].x == worded[2].x
    assert worded[3].kind == "note"


def test_only_plain_side_labels_off_centre_are_reworded() -> None:
    assert client_side(LABELS[5]) is None
    assert client_side(LABELS[6]) is None
    assert client_side(LABELS[2]) == "right"
    centred = Label("CLIENT'S LEFT", 400, 900, "middle", "side")
    assert viewer_side(centred, (ANTERIOR,)) is None
    assert viewer_side(LABELS[2], ()) is None


def test_legend_says_whose_sides() -> None:
    assert "therapist" in legend_sentence(Viewpoint.THERAPIST).lower()
    assert "client's" in legend_sentence(Viewpoint.CLIENT)


def test_lines_move_up_rather_than_leave_the_drawing() -> None:
    low = (ANTERIOR, Label("CLIENT'S RIGHT", 220, 990, "middle", "side"))
    therapist, client = side_labels(low, Viewpoint.THERAPIST, bottom=1000)[1:]
    assert client.y <= 1000 - 6
    assert therapist.y < client.y
    assert therapist.kind == "viewpoint"
