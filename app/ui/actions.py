"""Every menu and toolbar action, keyed by an enum, with one table of default shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

Key = QKeySequence.StandardKey


class ActionId(Enum):
    """The application's actions."""

    QUIT = auto()
    OPEN_PACK = auto()
    ZOOM_IN = auto()
    ZOOM_OUT = auto()
    ZOOM_FIT = auto()
    NEXT_MAP = auto()
    PREVIOUS_MAP = auto()
    SHOW_ARROWS = auto()
    SHOW_NUMBERS = auto()
    SHOW_LABELS = auto()
    SHOW_POINTS = auto()
    PLAY_STROKES = auto()
    QUIZ = auto()
    FULL_SCREEN = auto()
    PRESENTATION = auto()
    TIMER_TOGGLE = auto()
    TIMER_RESET = auto()
    TIMER_STOP = auto()
    TENDER_ROUND = auto()
    SESSION_GUIDE = auto()
    COURSE_PLANNER = auto()
    SEARCH = auto()
    PROTOCOL = auto()
    COURSE = auto()
    CONTENT_PROBLEMS = auto()
    ABOUT = auto()
    EXPORT_HANDOUT = auto()
    PRINT_HANDOUT = auto()
    EXPORT_IMAGE = auto()
    EXPORT_ALL = auto()
    PREFERENCES = auto()


@dataclass(frozen=True)
class ActionSpec:
    """How an action looks: its text, tip, shortcuts and whether it toggles."""

    text: str
    tip: str
    shortcuts: tuple[QKeySequence | Key | str, ...] = ()
    checkable: bool = False


# Default shortcuts live here and nowhere else; a test fails if two actions share a key.
ACTION_SPECS: dict[ActionId, ActionSpec] = {
    ActionId.QUIT: ActionSpec("&Quit", "Quit FibroMap", (Key.Quit, "Ctrl+Q")),
    ActionId.OPEN_PACK: ActionSpec(
        "&Open Content Pack…", "Add maps and cards from a content pack (a folder or a .zip)", (Key.Open,)
    ),
    ActionId.ZOOM_IN: ActionSpec("Zoom &In", "Enlarge the map", (Key.ZoomIn, "Ctrl+=")),
    ActionId.ZOOM_OUT: ActionSpec("Zoom &Out", "Shrink the map", (Key.ZoomOut,)),
    ActionId.ZOOM_FIT: ActionSpec("&Fit to Window", "Show the whole map", ("Ctrl+0",)),
    ActionId.NEXT_MAP: ActionSpec("&Next Map", "Go to the next map", ("Ctrl+PgDown",)),
    ActionId.PREVIOUS_MAP: ActionSpec("&Previous Map", "Go to the previous map", ("Ctrl+PgUp",)),
    ActionId.SHOW_ARROWS: ActionSpec("&Arrows", "Show the stroke arrows", ("Ctrl+1",), True),
    ActionId.SHOW_NUMBERS: ActionSpec("N&umbers", "Show the arrow numbers", ("Ctrl+2",), True),
    ActionId.SHOW_LABELS: ActionSpec("&Region Names", "Show the names on the map", ("Ctrl+3",), True),
    ActionId.SHOW_POINTS: ActionSpec("&Tender Points", "Show the tender points", ("Ctrl+4",), True),
    ActionId.PLAY_STROKES: ActionSpec(
        "&Play Strokes", "Draw the arrows in order, base to tip, at a slow pull", ("Ctrl+Alt+P",), True
    ),
    ActionId.QUIZ: ActionSpec(
        "&Quiz on This Map…",
        "Test yourself: arrow order, direction of pull, regions and cards",
        ("Ctrl+Shift+Q",),
    ),
    ActionId.FULL_SCREEN: ActionSpec("F&ull Screen", "Fill the screen", (Key.FullScreen, "F11"), True),
    ActionId.PRESENTATION: ActionSpec(
        "Pr&esentation Mode",
        "Project the maps to a class: full screen, large type, high contrast",
        ("F5",),
        True,
    ),
    ActionId.TIMER_TOGGLE: ActionSpec(
        "&Start or Pause Timer", "Start, pause or resume the countdown", ("Space",)
    ),
    ActionId.TIMER_RESET: ActionSpec("&Reset Timer", "Back to the full time", ("R",)),
    ActionId.TIMER_STOP: ActionSpec("S&top Timer", "Stop the countdown", ("Esc",)),
    ActionId.TENDER_ROUND: ActionSpec(
        "Tender-Point &Round…", "Hold each of the 18 tender points in turn", ("Ctrl+T",)
    ),
    ActionId.SESSION_GUIDE: ActionSpec(
        "Session &Guide…", "Lead a session step by step: timers, prone watch, big buttons", ("Ctrl+G",)
    ),
    ActionId.COURSE_PLANNER: ActionSpec(
        "Course &Planner…", "Plan the whole course on a calendar; export .ics or print", ("Ctrl+Shift+L",)
    ),
    ActionId.SEARCH: ActionSpec(
        "&Search…", "Search maps, regions, cards, tender points, protocol and course", (Key.Find,)
    ),
    ActionId.PROTOCOL: ActionSpec("The 8-Step &Protocol", "The steps of every session", ("Ctrl+Shift+P",)),
    ActionId.COURSE: ActionSpec(
        "&Course of Treatment", "Sessions, breaks and what applies when", ("Ctrl+Shift+C",)
    ),
    ActionId.CONTENT_PROBLEMS: ActionSpec("Content &Problems…", "Show problems found in the content files"),
    ActionId.ABOUT: ActionSpec("&About FibroMap and Sources…", "Sources, disclaimer and version", ("F1",)),
    ActionId.EXPORT_HANDOUT: ActionSpec(
        "&Export Handout (PDF)…",
        "Save this map, its cards, sources and disclaimer as a PDF handout",
        ("Ctrl+E",),
    ),
    ActionId.PRINT_HANDOUT: ActionSpec("&Print Handout…", "Print this map's handout", (Key.Print,)),
    ActionId.EXPORT_IMAGE: ActionSpec(
        "Export Map &Image (PNG/SVG)…",
        "Save this map with its legend as a PNG or SVG image",
        ("Ctrl+Shift+E",),
    ),
    ActionId.EXPORT_ALL: ActionSpec(
        "Export &All Maps…", "Save a handout of every map: one PDF per map, or one combined PDF"
    ),
    ActionId.PREFERENCES: ActionSpec(
        "&Preferences…", "Theme, text size, map sides and timer cues", (Key.Preferences, "Ctrl+,")
    ),
}


def key_sequences(spec: ActionSpec) -> list[QKeySequence]:
    """Expand an action's shortcuts into distinct key sequences (standard keys may be several)."""
    sequences: list[QKeySequence] = []
    for shortcut in spec.shortcuts:
        found = QKeySequence.keyBindings(shortcut) if isinstance(shortcut, Key) else [QKeySequence(shortcut)]
        for sequence in found:
            if not sequence.isEmpty() and sequence not in sequences:
                sequences.append(sequence)
    return sequences


def make_actions(parent: QObject, handlers: dict[ActionId, Callable[..., object]]) -> dict[ActionId, QAction]:
    """Create every action, connect it to its handler, and return them by id."""
    actions: dict[ActionId, QAction] = {}
    for action_id, spec in ACTION_SPECS.items():
        text = QCoreApplication.translate("Actions", spec.text)
        action = QAction(text, parent)
        action.setObjectName(action_id.name.lower())
        action.setToolTip(QCoreApplication.translate("Actions", spec.tip))
        action.setStatusTip(action.toolTip())
        action.setShortcuts(key_sequences(spec))
        action.setCheckable(spec.checkable)
        handler = handlers.get(action_id)
        if handler is not None:
            (action.toggled if spec.checkable else action.triggered).connect(handler)
        actions[action_id] = action
    return actions
