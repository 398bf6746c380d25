"""A session laid out screen by screen from the content: the 8 protocol steps, their figures, maps and timers.

Everything clinical comes from the content: the steps, their techniques, the
cards' instructions, positions and cautions, the rules that apply to the
session, the durations. FibroMap adds only the layout, and every choice of
its own is marked with a :class:`GuideNote` so the screen can say so:

- each technique of a step gets its own screen (large type needs the room);
- in a full-body session, a technique timed "per area" (step 1's 7–10
  minutes) gets one screen and one timer per area;
- figures without a protocol step go under the step of a related card when
  the card names one, else into a group of techniques with lubrication,
  placed after the last step that must be done without lubrication (step 2:
  "Do not use lubrication in connective tissue massage").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from app.model.content import Catalog, Rule, Technique
from app.model.guide_layout import GuideTimer, StepMap, TimerKind, area_timer, covered, placement, step_maps
from app.model.prone_watch import Position, position_from_text
from app.model.session_focus import FocusArea, focus_areas
from app.model.session_rules import course_length, forbidden_techniques, rules_for_session

POSITIONING_ID = "positioning"
SIDE_LYING_RULE_ID = "neck-side-lying"
FULL_BODY_RULE_ID = "full-body-considered"
FOCUS_RULE_IDS = ("regional-focus", FULL_BODY_RULE_ID)
LUBRICATED_GROUP = "Techniques with lubrication"
KIND_ORDER = {"warning": 0, "forbid": 1, "position": 2, "reminder": 3, "allow": 4}


class ScreenKind(Enum):
    """What a screen of the guide is."""

    INTRO = "intro"
    STEP = "step"
    CLOSING = "closing"


class GuideNote(Enum):
    """A layout choice of FibroMap's that the screen states."""

    TECHNIQUE_SPLIT = "technique_split"
    AREA_SPLIT = "area_split"
    LUBRICATED_GROUP = "lubricated_group"
    PLACED_BY_RELATION = "placed_by_relation"
    NOT_IN_SESSION = "not_in_session"


@dataclass(frozen=True)
class GuideStep:
    """One screen of the guide.

    Attributes:
        key: unique within the guide.
        kind: intro, a step, or the closing screen.
        title: the protocol step's title (empty for intro and closing).
        step_number: the protocol step, or ``None`` (intro, closing, the lubrication group).
        group: the English title of FibroMap's group, for screens outside the steps.
        technique: the card shown.
        part: this screen's place among the screens of its step or group (1-based).
        parts: how many screens its step or group has.
        summary: the protocol step's summary.
        instructions: what to do (the card's steps).
        client_position: the card's text on the client's position.
        position: what that text says for the prone watch.
        cautions: the card's cautions (those a rule repeats are left out).
        rules: the session's rules about this screen's technique, warnings first.
        maps: where it applies, for the session's focus.
        timer: its timer, if the card gives a duration.
        applies: ``False`` when a rule keeps the technique out of this session.
        area: the area this screen's time counts for.
        notes: FibroMap's layout choices to state.
    """

    key: str
    kind: ScreenKind
    title: str = ""
    step_number: int | None = None
    group: str | None = None
    technique: Technique | None = None
    part: int = 1
    parts: int = 1
    summary: str = ""
    instructions: tuple[str, ...] = ()
    client_position: str | None = None
    position: Position = Position.UNSTATED
    cautions: tuple[str, ...] = ()
    rules: tuple[Rule, ...] = ()
    maps: tuple[StepMap, ...] = ()
    timer: GuideTimer | None = None
    applies: bool = True
    area: str | None = None
    notes: tuple[GuideNote, ...] = ()

    @property
    def done_step(self) -> int | None:
        """The protocol step this screen counts as done when shown (``None``: none)."""
        return self.step_number if self.applies and self.kind is ScreenKind.STEP else None


@dataclass(frozen=True)
class SessionGuide:
    """A whole session: its rules and its screens, intro first and closing last."""

    session: int | None
    course_length: int
    focus: FocusArea
    rules: tuple[Rule, ...]
    screens: tuple[GuideStep, ...]
    prone_limit: float | None = None
    prone_suggestion: str | None = None
    full_body_considered: bool = True

    @property
    def steps(self) -> tuple[GuideStep, ...]:
        """The screens between intro and closing."""
        return tuple(s for s in self.screens if s.kind is ScreenKind.STEP)

    @property
    def step_numbers(self) -> tuple[int, ...]:
        """The protocol steps that apply in this session, in order."""
        return tuple(dict.fromkeys(s.done_step for s in self.steps if s.done_step is not None))


def by_kind(rules: list[Rule] | tuple[Rule, ...]) -> tuple[Rule, ...]:
    """Order rules warnings first, then forbid, position, reminder, allow (content order within a kind)."""
    return tuple(sorted(rules, key=lambda r: KIND_ORDER.get(r.kind, len(KIND_ORDER))))


def full_body_considered(catalog: Catalog, session: int | None) -> bool:
    """Tell whether the rules bring in full-body treatment in this session (yes if there is no such rule)."""
    if not any(rule.id == FULL_BODY_RULE_ID for rule in catalog.rules):
        return True
    return any(rule.id == FULL_BODY_RULE_ID for rule in rules_for_session(catalog, session))


# --- building a guide -------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    catalog: Catalog
    session: int | None
    focus: FocusArea
    rules: tuple[Rule, ...]
    forbidden: frozenset[str]


def _technique_screens(
    ctx: _Context, technique: Technique, head: GuideStep, notes: tuple[GuideNote, ...]
) -> list[GuideStep]:
    """Return the screen(s) of one card: one, or one per area for a per-area timer in a full-body session."""
    rules = by_kind([r for r in ctx.rules if technique.id in r.techniques])
    repeated = {r.text for r in rules}
    applies = technique.id not in ctx.forbidden
    timer = area_timer(technique, ctx.catalog) if applies else None
    base = GuideStep(
        key=head.key,
        kind=ScreenKind.STEP,
        title=head.title,
        step_number=head.step_number,
        group=head.group,
        technique=technique,
        summary=head.summary,
        instructions=technique.steps,
        client_position=technique.client_position,
        position=position_from_text(technique.client_position),
        cautions=tuple(c for c in technique.cautions if c not in repeated),
        rules=rules,
        timer=timer,
        applies=applies,
        area=ctx.focus.title,
        notes=(*notes, *(() if applies else (GuideNote.NOT_IN_SESSION,))),
    )
    ids = (technique.id,)
    areas = [a for a in focus_areas(ctx.catalog) if not a.full_body] if ctx.focus.full_body else []
    if timer is not None and timer.kind is TimerKind.AREA and len(areas) > 1:
        screens = []
        for area in areas:
            maps = step_maps(ctx.catalog, area, ids)
            if maps:
                screens.append(
                    _replace(
                        base,
                        key=f"{base.key}-{area.id}",
                        maps=maps,
                        area=area.title,
                        notes=(*base.notes, GuideNote.AREA_SPLIT),
                    )
                )
        if screens:
            return screens
    return [_replace(base, maps=step_maps(ctx.catalog, ctx.focus, ids))]


def _replace(step: GuideStep, **changes: object) -> GuideStep:
    return replace(step, **changes)  # type: ignore[arg-type]


def _numbered(screens: list[GuideStep], note: GuideNote | None) -> list[GuideStep]:
    """Number the screens of one step or group, noting the split when there are several."""
    total = len(screens)
    extra = (note,) if note is not None and total > 1 else ()
    return [
        _replace(
            s, part=i, parts=total, notes=(*extra, *s.notes) if extra and note not in s.notes else s.notes
        )
        for i, s in enumerate(screens, 1)
    ]


def build_guide(catalog: Catalog, session: int | None, focus: FocusArea) -> SessionGuide:
    """Lay out a session from the content.

    Args:
        catalog: the content.
        session: the session's number in the course, or ``None`` for a maintenance session.
        focus: the area the session concentrates on (see :func:`focus_areas`).

    Returns:
        The guide: intro, the protocol's screens in order, closing.
    """
    rules = by_kind(rules_for_session(catalog, session))
    ctx = _Context(catalog, session, focus, rules, frozenset(forbidden_techniques(catalog, session)))
    by_step, group, group_after = placement(catalog)
    screens: list[GuideStep] = [_intro(rules)]

    def add_group() -> None:
        members = [catalog.techniques[t] for t in group if covered(catalog, focus, t)]
        head = GuideStep(key="", kind=ScreenKind.STEP, group=LUBRICATED_GROUP)
        found = [
            s
            for t in members
            for s in _technique_screens(
                ctx, t, _replace(head, key=f"group-{t.id}"), (GuideNote.LUBRICATED_GROUP,)
            )
        ]
        screens.extend(_numbered(found, None))

    if group_after is None:
        add_group()
    for step in catalog.protocol:
        found = []
        for technique_id, by_relation in by_step[step.number]:
            technique = catalog.techniques[technique_id]
            if technique.figure is not None and not covered(catalog, focus, technique_id):
                continue
            head = GuideStep(
                key=f"step-{step.number}-{technique_id}",
                kind=ScreenKind.STEP,
                title=step.title,
                step_number=step.number,
                summary=step.summary,
            )
            notes = (GuideNote.PLACED_BY_RELATION,) if by_relation else ()
            found.extend(_technique_screens(ctx, technique, head, notes))
        screens.extend(_numbered(found, GuideNote.TECHNIQUE_SPLIT))
        if step.number == group_after:
            add_group()
    screens.append(_closing(rules))
    positioning = catalog.techniques.get(POSITIONING_ID)
    suggestion = next((r.text for r in catalog.rules if r.id == SIDE_LYING_RULE_ID), None)
    return SessionGuide(
        session=session,
        course_length=course_length(catalog),
        focus=focus,
        rules=rules,
        screens=tuple(screens),
        prone_limit=float(positioning.duration_seconds)
        if positioning and positioning.duration_seconds
        else None,
        prone_suggestion=suggestion,
        full_body_considered=full_body_considered(catalog, session),
    )


def _intro(rules: tuple[Rule, ...]) -> GuideStep:
    """The first screen: warnings, the focus rules and the positioning rules of the session."""
    chosen = [
        r for r in rules if not r.techniques and (r.kind in ("warning", "position") or r.id in FOCUS_RULE_IDS)
    ]
    return GuideStep(key="intro", kind=ScreenKind.INTRO, rules=by_kind(chosen))


def _closing(rules: tuple[Rule, ...]) -> GuideStep:
    """The last screen: what the session's rules say about exercise and what comes next."""
    chosen = [
        r
        for r in rules
        if not r.techniques and r.kind not in ("warning", "position") and r.id not in FOCUS_RULE_IDS
    ]
    return GuideStep(key="closing", kind=ScreenKind.CLOSING, rules=by_kind(chosen))
