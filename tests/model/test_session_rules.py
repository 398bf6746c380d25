import pytest

from app.model.session_rules import applies, course_length, forbidden_techniques, rules_for_session
from app.services.library import load_library


@pytest.fixture(scope="module")
def catalog():
    return load_library().catalog


def ids(catalog, session):
    return {rule.id for rule in rules_for_session(catalog, session)}


def test_course_is_thirty_sessions(catalog):
    assert course_length(catalog) == 30


def test_early_sessions_warn_about_aggravation_and_keep_a_regional_focus(catalog):
    for session in (1, 3):
        assert {"aggravation-early-sessions", "regional-focus"} <= ids(catalog, session)
    assert "aggravation-early-sessions" in ids(catalog, 4)
    assert "regional-focus" not in ids(catalog, 4)
    assert "full-body-considered" in ids(catalog, 4)
    assert "aggravation-early-sessions" not in ids(catalog, 5)


def test_exercise_and_periosteal_massage_follow_the_session_number(catalog):
    assert "no-exercise-before-11" in ids(catalog, 10)
    assert "exercise-sessions-11-15" in ids(catalog, 11)
    assert "periosteal-massage" in forbidden_techniques(catalog, 25)
    assert "periosteal-massage" not in forbidden_techniques(catalog, 26)
    assert "periosteal-last-five" in ids(catalog, 30)


def test_maintenance_sessions_get_only_rules_marked_for_them(catalog):
    maintenance = ids(catalog, None)
    assert "exercise-maintenance" in maintenance
    assert "pir-stop-rule" in maintenance
    assert "aggravation-early-sessions" not in maintenance
    assert not any(applies(rule, None) for rule in catalog.rules if not rule.maintenance)
