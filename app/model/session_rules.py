"""Which of the content's rules apply to a given session of the course.

Sessions are numbered 1..n through the course's treatment phases (30 in the
article's course); ``None`` stands for a maintenance session after the course.
The rules themselves, and every number in them, come from the content.
"""

from __future__ import annotations

from app.model.content import Catalog, Rule


def course_length(catalog: Catalog) -> int:
    """Return how many numbered sessions the course has (the treatment phases added up)."""
    return sum(phase.sessions or 0 for phase in catalog.course if phase.kind == "treatments")


def applies(rule: Rule, session: int | None) -> bool:
    """Tell whether a rule applies to a session (``None`` = maintenance)."""
    if session is None:
        return rule.maintenance
    if rule.session_from is None:
        return False
    return rule.session_from <= session <= (rule.session_to if rule.session_to is not None else session)


def rules_for_session(catalog: Catalog, session: int | None) -> list[Rule]:
    """Return the rules that apply to a session, in content order."""
    return [rule for rule in catalog.rules if applies(rule, session)]


def forbidden_techniques(catalog: Catalog, session: int | None) -> set[str]:
    """Return the techniques a "forbid" rule keeps out of this session."""
    return {
        technique
        for rule in rules_for_session(catalog, session)
        if rule.kind == "forbid"
        for technique in rule.techniques
    }
