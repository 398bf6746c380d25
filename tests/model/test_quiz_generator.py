import pytest

from app.model.quiz_arrows import reversed_arrow
from app.model.quiz_choices import MASK, card_clue, mask_words, title_words, unique_places
from app.model.quiz_generator import MAX_ORDER_ARROWS, generate_quiz, order_groups
from app.model.quiz_questions import Place, QuestionKind
from app.services.library import load_library

K = QuestionKind
SHIPPED = load_library()
MAP_IDS = list(SHIPPED.maps)
SEEDS = range(6)


def _quiz(map_id, seed=0):
    return generate_quiz(SHIPPED.catalog, map_id, SHIPPED.maps[map_id], seed)


def test_every_shipped_map_is_covered():
    assert len(MAP_IDS) == len(SHIPPED.catalog.maps) >= 9


@pytest.mark.parametrize("map_id", MAP_IDS)
def test_every_map_gets_a_quiz_of_the_kinds_it_supports(map_id):
    body_map = SHIPPED.maps[map_id]
    for seed in SEEDS:
        kinds = [q.kind for q in _quiz(map_id, seed)]
        assert len(kinds) >= 6
        assert K.FIND_REGION in kinds
        assert K.NAME_REGION in kinds
        assert K.REGION_TECHNIQUE in kinds
        assert K.CARD_TECHNIQUE in kinds
        has_arrows = len(body_map.arrows) >= 2
        assert (K.ARROW_ORDER in kinds) == has_arrows
        assert (K.DIRECTION in kinds) == has_arrows
        assert (K.FIND_POINT in kinds) == bool(body_map.points)
        assert all(q.map_id == map_id for q in _quiz(map_id, seed))


def test_the_tender_point_map_asks_about_points_not_arrows():
    kinds = [q.kind for q in _quiz("tender-points")]
    assert kinds.count(K.FIND_POINT) == 2
    assert K.NAME_POINT in kinds
    assert K.ARROW_ORDER not in kinds
    assert K.DIRECTION not in kinds


@pytest.mark.parametrize("map_id", MAP_IDS)
def test_arrow_order_answers_are_the_arrows_in_number_order(map_id):
    orders = {a.order for a in SHIPPED.maps[map_id].arrows}
    for seed in SEEDS:
        for q in _quiz(map_id, seed):
            if q.kind is K.ARROW_ORDER:
                numbers = [int(n) for n in q.expected]
                assert numbers == sorted(numbers) == sorted(q.arrows)
                assert 2 <= len(numbers) <= MAX_ORDER_ARROWS
                assert set(numbers) <= orders


@pytest.mark.parametrize("map_id", MAP_IDS)
def test_order_groups_cover_every_arrow_once(map_id):
    body_map = SHIPPED.maps[map_id]
    groups = order_groups(body_map, SHIPPED.catalog.maps[map_id])
    flat = [n for g in groups for n in g]
    assert len(flat) == len(set(flat))
    if len(body_map.arrows) >= 2:
        # Only a view with a single arrow may be left out (one arrow has no order).
        assert len(flat) >= len(body_map.arrows) - len({a.view for a in body_map.arrows})


@pytest.mark.parametrize("map_id", MAP_IDS)
def test_direction_options_are_the_true_and_the_reversed_stroke(map_id):
    arrows = {a.order: a for a in SHIPPED.maps[map_id].arrows}
    for seed in SEEDS:
        for q in _quiz(map_id, seed):
            if q.kind is not K.DIRECTION:
                continue
            (order,) = q.arrows
            true = arrows[order]
            assert true.style != "return"
            assert sorted(o.id for o in q.options) == ["pull", "reversed"]
            assert q.expected == ("pull",)
            assert q.right_option is not None
            by_id = {o.id: o.arrow for o in q.options}
            back = reversed_arrow(true)
            # Same stroke set off to the side: same direction of pull, reversed for the wrong one.
            assert by_id["pull"].end_direction == pytest.approx(true.end_direction)
            assert by_id["reversed"].end_direction == pytest.approx(back.end_direction)
            assert q.place is not None
            assert q.place.id == true.region


def test_arrows_to_order_are_not_shown_in_number_order():
    shown = [q.arrows for seed in range(10) for q in _quiz("hand", seed) if q.kind is K.ARROW_ORDER]
    assert any(list(arrows) != sorted(arrows) for arrows in shown)


def test_the_true_direction_is_not_always_option_1():
    firsts = {q.options[0].id for seed in range(20) for q in _quiz("hand", seed) if q.kind is K.DIRECTION}
    assert firsts == {"pull", "reversed"}


@pytest.mark.parametrize("map_id", MAP_IDS)
def test_find_questions_name_a_place_the_map_has_once(map_id):
    info = SHIPPED.catalog.maps[map_id]
    for seed in SEEDS:
        for q in _quiz(map_id, seed):
            if q.kind is K.FIND_REGION:
                assert q.expected == (q.place.id,)
                assert q.place.id in SHIPPED.maps[map_id].regions
                same = [
                    r
                    for r in info.regions.values()
                    if (r.name, r.side, r.view) == (q.place.name, q.place.side, q.place.view)
                ]
                assert len(same) == 1
            elif q.kind is K.FIND_POINT:
                assert q.place.id in SHIPPED.maps[map_id].points


@pytest.mark.parametrize("map_id", MAP_IDS)
def test_choice_questions_have_one_right_answer_among_distinct_choices(map_id):
    catalog = SHIPPED.catalog
    info = catalog.maps[map_id]
    for seed in SEEDS:
        for q in _quiz(map_id, seed):
            if q.kind.on_map:
                assert not q.choices
                continue
            assert 2 <= len(q.choices) <= 4
            assert len({c.id for c in q.choices}) == len(q.choices)
            assert [c.id for c in q.choices if c.id in q.expected] == list(q.expected)
            if q.kind in (K.NAME_REGION, K.NAME_POINT):
                shown = [(c.place.name, c.place.side) for c in q.choices]
                assert len(set(shown)) == len(shown)
            if q.kind is K.REGION_TECHNIQUE:
                applies = set(info.regions[q.place.id].techniques) | set(info.techniques)
                assert q.expected[0] in info.regions[q.place.id].techniques
                for wrong in {c.id for c in q.choices} - set(q.expected):
                    assert wrong not in applies
                    assert wrong not in catalog.general_techniques
            if q.kind is K.CARD_TECHNIQUE:
                right = catalog.techniques[q.expected[0]]
                assert q.clue is not None
                for word in title_words(right.title):
                    assert word.lower() not in q.clue.text.lower()
                for wrong in {c.id for c in q.choices} - set(q.expected):
                    assert wrong not in right.related
                    assert q.expected[0] not in catalog.techniques[wrong].related


def test_the_same_seed_gives_the_same_quiz_and_another_seed_another():
    assert _quiz("trunk", 7) == _quiz("trunk", 7)
    assert any(_quiz("trunk", 7) != _quiz("trunk", s) for s in range(8, 12))


def test_a_map_never_asks_about_the_same_place_twice():
    for map_id in MAP_IDS:
        for seed in SEEDS:
            places = [
                q.place.id
                for q in _quiz(map_id, seed)
                if q.kind in (K.FIND_REGION, K.FIND_POINT, K.NAME_REGION, K.NAME_POINT, K.REGION_TECHNIQUE)
            ]
            assert len(places) == len(set(places))


def test_card_clue_hides_the_name_and_skips_shared_or_unstated_texts():
    catalog = SHIPPED.catalog
    ironing = card_clue(catalog, "ironing")
    assert ironing is not None
    assert ironing.field == "hand_position"  # its purpose is "Not stated in the article"
    assert "ironing" not in ironing.text.lower()
    assert MASK in ironing.text
    petrissage = card_clue(catalog, "petrissage-no1-neck")
    assert petrissage is not None
    assert petrissage.field != "purpose"


def test_mask_words_hides_whole_words_that_start_with_a_title_word():
    assert title_words("Thumb after thumb, lateral neck (figure 5)") == ["Thumb", "thumb"]
    assert mask_words("Both thumbs, then a Thumbnail; no thumb-nail", ["thumb"]) == (
        f"Both {MASK}, then a {MASK}; no {MASK}-nail",
        3,
    )


def test_unique_places_leaves_out_names_shared_on_the_same_side():
    places = [
        Place("a", "Head and neck", "Anterior", "midline"),
        Place("b", "Head and neck", "Posterior", "midline"),
        Place("c", "Arm", "Anterior", "left"),
        Place("d", "Arm", "Anterior", "right"),
    ]
    assert [p.id for p in unique_places(places, with_view=True)] == ["a", "b", "c", "d"]
    assert [p.id for p in unique_places(places, with_view=False)] == ["c", "d"]


def test_a_side_already_in_the_name_is_known():
    assert Place("x", "Upper trapezius (left)", side="left").side_in_name
    assert Place("x", "Left upper limb", side="left").side_in_name
    assert not Place("x", "Gluteus maximus", side="left").side_in_name


def test_the_small_test_map_gets_the_kinds_it_supports(mini_library):
    questions = generate_quiz(mini_library.catalog, "mini", mini_library.maps["mini"], 0)
    kinds = {q.kind for q in questions}
    assert K.ARROW_ORDER in kinds
    assert K.FIND_REGION in kinds
    assert K.DIRECTION in kinds
