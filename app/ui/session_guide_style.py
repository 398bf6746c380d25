"""Type sizes, boxes and buttons of the session guide, sized to be read from about two metres.

Sizes are in points (at 96 dpi, 1 pt = 4/3 px) for a 1920 × 1080 window:
titles 34 pt, body 20 pt, nothing under 17 pt except the map itself. A
smaller or larger window scales every size by the same factor (see
:func:`rescale`), so the layout stays whole on a laptop and grows on a big
screen; each widget keeps its 1920 × 1080 size in a property.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from app.model.content import Rule
from app.ui.theme import MAP_FONT_FAMILY, Theme

TITLE_PT = 34.0
HEADING_PT = 24.0
BODY_PT = 20.0
SMALL_PT = 17.0
BUTTON_PT = 24.0
CLOCK_PT = 28.0
BUTTON_HEIGHT = 84


def tr(text: str) -> str:
    """Translate a string of the session guide."""
    return QCoreApplication.translate("SessionGuide", text)


def duration_text(seconds: float) -> str:
    """Format elapsed seconds as m:ss, or h:mm:ss from an hour on (whole seconds, rounded down)."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    mins, secs = divmod(rest, 60)
    return f"{hours}:{mins:02d}:{secs:02d}" if hours else f"{mins}:{secs:02d}"


DESIGN_WIDTH, DESIGN_HEIGHT = 1920, 1080
MIN_SCALE, MAX_SCALE = 0.6, 1.6


def scale_for(width: int, height: int) -> float:
    """Return the factor for a window of this size (1 at 1920 × 1080)."""
    return max(MIN_SCALE, min(MAX_SCALE, width / DESIGN_WIDTH, height / DESIGN_HEIGHT))


def design_size(
    widget: QWidget,
    *,
    points: float | None = None,
    min_height: int | None = None,
    min_width: int | None = None,
    fixed_width: int | None = None,
) -> None:
    """Give a widget its sizes at 1920 × 1080 (kept as properties) and apply them unscaled."""
    for name, value in (
        ("guide_pt", points),
        ("guide_min_h", min_height),
        ("guide_min_w", min_width),
        ("guide_fixed_w", fixed_width),
    ):
        if value is not None:
            widget.setProperty(name, value)
    _apply(widget, 1.0)


def rescale(root: QWidget, scale: float, text_factor: float = 1.0) -> None:
    """Apply a scale to every widget under ``root`` that has design sizes.

    ``text_factor`` is the text-size preference: it grows type, heights and fixed
    widths (a fixed box holds text) but not minimum widths, so larger text wraps
    instead of running off the window.
    """
    for widget in (root, *root.findChildren(QWidget)):
        _apply(widget, scale, text_factor)


def _apply(widget: QWidget, scale: float, text_factor: float = 1.0) -> None:
    points = widget.property("guide_pt")
    if points is not None:
        font = widget.font()
        font.setPointSizeF(float(points) * scale * text_factor)
        widget.setFont(font)
    for name, setter, factor in (
        ("guide_min_h", widget.setMinimumHeight, scale * text_factor),
        ("guide_min_w", widget.setMinimumWidth, scale),
        ("guide_fixed_w", widget.setFixedWidth, scale * text_factor),  # fixed boxes hold text
    ):
        value = widget.property(name)
        if value is not None:
            setter(round(float(value) * factor))


def guide_font(points: float, bold: bool = False) -> QFont:
    """Return the guide's font at a point size."""
    font = QFont(MAP_FONT_FAMILY)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def text_label(text: str = "", points: float = BODY_PT, *, bold: bool = False, colour: str = "") -> QLabel:
    """Return a word-wrapped plain-text label (content is never read as rich text)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setFont(guide_font(points, bold))
    design_size(label, points=points)
    label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if colour:
        label.setStyleSheet(f"color: {colour};")
    return label


def big_button(
    text: str, theme: Theme, *, primary: bool = False, focusable: bool = False, padding: int = 28
) -> QPushButton:
    """Return a large button; by default it never takes the keyboard focus (Space belongs to the timer)."""
    button = QPushButton(text)
    button.setFont(guide_font(BUTTON_PT, bold=primary))
    design_size(button, points=BUTTON_PT, min_height=BUTTON_HEIGHT)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    if not focusable:
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    fill, text_colour, edge = (
        (theme.arrow, theme.on_accent, theme.arrow)
        if primary
        else (
            theme.card_fill,
            theme.text,
            theme.card_edge,
        )
    )
    button.setStyleSheet(
        f"QPushButton {{ background: {fill}; color: {text_colour}; border: 2px solid {edge};"
        f" border-radius: 10px; padding: 6px {padding}px; }}"
        f"QPushButton:checked {{ background: {theme.arrow}; color: {theme.on_accent};"
        f" border-color: {theme.arrow}; }}"
        f"QPushButton:disabled {{ background: {theme.legend_fill}; color: {theme.text_muted};"
        f" border-color: {theme.legend_fill}; }}"
        f"QPushButton:focus {{ border: 4px solid {theme.arrow_highlight}; }}"
    )
    return button


RULE_HEADINGS = {
    "warning": "Warning",
    "forbid": "Not in this session",
    "position": "Position",
    "reminder": "Reminder",
    "allow": "In this session",
}


def rule_heading(rule: Rule) -> str:
    """Return the translated heading of a rule's box, from its kind."""
    return tr(RULE_HEADINGS.get(rule.kind, "Reminder"))


def box(theme: Theme, kind: str) -> tuple[QFrame, QVBoxLayout]:
    """Return a coloured box for a kind of text: warning, forbid, position, reminder, allow or plain."""
    frame = QFrame()
    frame.setObjectName("GuideBox")
    if kind in ("warning", "forbid"):
        fill, edge = theme.caution_fill, theme.caution_edge
    elif kind in ("reminder", "allow"):
        fill, edge = theme.region_hover, theme.arrow
    else:
        fill, edge = theme.legend_fill, theme.card_edge
    frame.setStyleSheet(
        f"#GuideBox {{ background: {fill}; border-left: 8px solid {edge}; border-radius: 6px; }}"
    )
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(20, 12, 18, 14)
    layout.setSpacing(6)
    return frame, layout


def text_colour(theme: Theme, kind: str) -> str:
    """Return the text colour that goes with a box of ``kind``."""
    return theme.caution_text if kind in ("warning", "forbid") else theme.text


def rule_box(theme: Theme, rule: Rule, points: float = BODY_PT) -> QFrame:
    """Return a box with a rule's heading and text."""
    frame, layout = box(theme, rule.kind)
    colour = text_colour(theme, rule.kind)
    heading = rule_heading(rule)
    if rule.kind == "warning":
        heading = "⚠ " + heading
    layout.addWidget(text_label(heading, SMALL_PT, bold=True, colour=colour))
    layout.addWidget(text_label(rule.text, points, colour=colour))
    return frame


def list_box(theme: Theme, kind: str, heading: str, lines: list[str], points: float = BODY_PT) -> QFrame:
    """Return a box with a heading and one bullet per line."""
    frame, layout = box(theme, kind)
    colour = text_colour(theme, kind)
    layout.addWidget(text_label(heading, SMALL_PT, bold=True, colour=colour))
    for line in lines:
        layout.addWidget(text_label("• " + line, points, colour=colour))
    return frame


def clear_layout(layout: QVBoxLayout) -> None:
    """Remove and delete every widget of a layout."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.deleteLater()


def section(parent: QWidget | None = None) -> tuple[QWidget, QVBoxLayout]:
    """Return a plain widget with a vertical layout and no margins."""
    widget = QWidget(parent)
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    return widget, layout


def scroller(widget: QWidget) -> QScrollArea:
    """Hold text so that a small window scrolls it rather than growing past the screen."""
    # Word-wrapped text makes a widget's minimum height that of its narrowest layout; ignoring it
    # lets the scroll area give the widget the height its text needs at the window's width.
    widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
    holder = QScrollArea()
    holder.setWidget(widget)
    holder.setWidgetResizable(True)
    holder.setFrameShape(QFrame.Shape.NoFrame)
    holder.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    holder.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return holder
