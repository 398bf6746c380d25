from app.model.body_map import Label
from app.model.map_names import naming_labels


def _label(text: str, y: float, kind: str = "note", x: float = 100.0) -> Label:
    return Label(text, x, y, "start", kind)


def test_region_names_and_notes_naming_a_figure_or_arrow_with_their_next_lines_name_things():
    labels = [
        _label("POSTERIOR", 40, "view"),
        _label("CLIENT'S LEFT", 80, "side"),
        _label("Upper trapezius", 200, "region"),
        _label("Fig. 9 Petrissage", 300),
        _label("No. 1 and No. 2", 330),  # the figure note's second line
        _label("C7", 400, x=500),  # a landmark
        _label("Dashed arrows 7 and 9: the hands", 500, x=700),
        _label("Carotid area:", 600, x=900),  # the caution stays
        _label("do not massage", 630, x=900),
    ]
    assert naming_labels(labels) == [False, False, True, True, True, False, True, False, False]


def test_a_note_far_below_a_figure_note_is_not_its_next_line():
    labels = [_label("Fig. 1 Occipital work", 100), _label("Pillow", 300)]
    assert naming_labels(labels) == [True, False]
