"""One screen of a guided session: what to do, the client's position, cautions, the map and the timer."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from app.model.body_map import BodyMap
from app.model.content import Catalog
from app.model.session_guide import GuideNote, GuideStep
from app.ui.cue_player import CuePlayer
from app.ui.session_guide_map import GuideMapPanel
from app.ui.session_guide_style import (
    BODY_PT,
    HEADING_PT,
    SMALL_PT,
    TITLE_PT,
    box,
    clear_layout,
    list_box,
    rule_box,
    scroller,
    section,
    text_label,
    tr,
)
from app.ui.session_timer import TimerColumn
from app.ui.text_widgets import citation_text
from app.ui.theme import Theme

CAUTION_PT = 18.0

NOTES = {
    GuideNote.TECHNIQUE_SPLIT: "one screen per technique",
    GuideNote.AREA_SPLIT: "one screen and timer per area",
    GuideNote.LUBRICATED_GROUP: "figures the article gives no step follow step 2, which uses no lubrication",
    GuideNote.PLACED_BY_RELATION: "placed under the step its card relates it to",
}


class StepPage(QWidget):
    """The screen of one technique of a protocol step."""

    def __init__(
        self,
        catalog: Catalog,
        maps: Mapping[str, BodyMap],
        theme: Theme,
        player: CuePlayer,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._theme = theme
        self.eyebrow = text_label("", HEADING_PT, bold=True, colour=theme.arrow)
        self.title = text_label("", TITLE_PT, bold=True, colour=theme.text)
        self.note = text_label("", SMALL_PT, colour=theme.text_muted)
        self.text_column, self.text_layout = section()
        self.text_column.setObjectName("GuideColumn")
        self.text_layout.setSpacing(8)
        self.text_scroll = scroller(self.text_column)
        self.map_panel = GuideMapPanel(catalog, maps, theme)
        # The cautions are prose: a band as wide as text and map together holds them in few lines.
        self.cautions, self.cautions_layout = section()
        self.timer_column = TimerColumn(theme, player)
        upper = QHBoxLayout()
        upper.setSpacing(28)
        upper.addWidget(self.text_scroll, 1)
        upper.addWidget(self.map_panel, 1)
        left = QVBoxLayout()
        left.setSpacing(14)
        left.addLayout(upper, 1)
        left.addWidget(self.cautions)
        body = QHBoxLayout()
        body.setSpacing(28)
        body.addLayout(left, 1)
        body.addWidget(self.timer_column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 14, 32, 8)
        layout.setSpacing(4)
        layout.addWidget(self.eyebrow)
        layout.addWidget(self.title)
        layout.addSpacing(10)
        layout.addLayout(body, 1)
        layout.addWidget(self.note)

    def show_step(self, step: GuideStep, total_steps: int) -> None:
        """Fill the screen from a guide step (the timer is set by the window)."""
        assert step.technique is not None
        technique = step.technique
        if step.step_number is not None:
            head = tr("Step {n} of {total} · {title}").format(
                n=step.step_number, total=total_steps, title=step.title
            )
        else:
            head = tr(step.group or "")
        if step.parts > 1:
            head += "  ·  " + tr("{i} of {n}").format(i=step.part, n=step.parts)
        if step.area and any(n is GuideNote.AREA_SPLIT for n in step.notes):
            head += "  ·  " + tr(step.area)
        self.eyebrow.setText(head)
        title = technique.title
        if not step.applies:
            title = tr("Not in this session: {title}").format(title=title)
        self.title.setText(title)
        # One quiet line at the foot: FibroMap's own layout choices, then where the card comes from.
        notes = [tr(NOTES[n]) for n in step.notes if n in NOTES]
        parts = [tr("FibroMap's layout: {notes}.").format(notes="; ".join(notes))] if notes else []
        parts.append(tr("Source: {cite}").format(cite=citation_text(self._catalog, technique.cite[:1])))
        self.note.setText("   ".join(parts))
        self.map_panel.set_maps(step.maps if step.applies else ())
        self.timer_column.setVisible(step.timer is not None)
        self._fill_text(step)
        self._fill_cautions(step)

    def _fill_text(self, step: GuideStep) -> None:
        clear_layout(self.text_layout)
        add = self.text_layout.addWidget
        theme = self._theme
        for rule in step.rules:
            if rule.kind in ("warning", "forbid"):
                add(rule_box(theme, rule))
        if step.applies:
            for line in step.instructions or (step.summary,):
                add(text_label("• " + line, BODY_PT, colour=theme.text))
            if step.client_position:
                frame, layout = box(theme, "position")
                layout.addWidget(text_label(tr("Client's position"), SMALL_PT, bold=True, colour=theme.text))
                layout.addWidget(text_label(step.client_position, BODY_PT, colour=theme.text))
                add(frame)
            # Reminders repeat the card's own steps; what a session adds ("allow") is shown.
            for rule in step.rules:
                if rule.kind == "allow":
                    add(rule_box(theme, rule))
        else:
            add(list_box(theme, "plain", tr("About this step"), [step.summary]))
        self.text_layout.addStretch(1)
        self.text_scroll.verticalScrollBar().setValue(0)

    def _fill_cautions(self, step: GuideStep) -> None:
        """Put the cautions in the band under text and map, or, with no map, right under the text."""
        clear_layout(self.cautions_layout)
        shown = bool(step.cautions) and step.applies
        beside_map = shown and self.map_panel.isVisibleTo(self)
        if shown:
            cautions = list_box(
                self._theme, "warning", "⚠ " + tr("Cautions"), list(step.cautions), CAUTION_PT
            )
            if beside_map:
                self.cautions_layout.addWidget(cautions)
            else:
                self.text_layout.insertWidget(self.text_layout.count() - 1, cautions)  # before the stretch
        self.cautions.setVisible(beside_map)
