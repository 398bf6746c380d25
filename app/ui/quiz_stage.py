"""Sets a quiz map up for a question, and shows the right answer on it afterwards.

Asking hides what would give the answer away (names on the map, the arrow
numbers, the other arrows); revealing puts the names back and shows the
right answer in the map's highlight colour with a ✓ tag, and a wrong answer
with a grey ✗ tag. The two directions of a direction question are drawn by
the map's own ``ArrowItem`` from the model's reversed and shifted arrows.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtWidgets import QGraphicsItem

from app.model.geometry import point_along
from app.model.quiz import Grade
from app.model.quiz_arrows import arrow_at
from app.model.quiz_questions import Question, QuestionKind
from app.model.tag_placement import place_box
from app.ui.map_items import ArrowItem
from app.ui.quiz_scene import QuizMapScene, QuizTagItem, TagStyle

K = QuestionKind
LETTERS = "ABCDEFGH"
OPTION_TAG_OFFSET = 46.0  # map units beyond an option's line, where its number goes
POINT_SLACK = 14.0  # a click this near a tender point's edge picks it
FOCUS_SHARE = 0.6  # an arrow question shows at least this share of the map's width and height
LEADER_FROM = 48.0  # map units: a verdict tag moved farther than this from its place points back to it
LABEL_REACH = 120.0  # view titles and side labels this near the arrows stay in the zoomed view


def _box(rect: QRectF) -> tuple[float, float, float, float]:
    return (rect.x(), rect.y(), rect.width(), rect.height())


def short_name(name: str) -> str:
    """Return a name without its bracketed part, for a tag on the map."""
    return name.split(" (")[0]


class QuizStage:
    """Stages questions and answers on one :class:`QuizMapScene`."""

    def __init__(self, scene: QuizMapScene, general: frozenset[str] = frozenset()) -> None:
        self.scene = scene
        self.general = general  # cards that apply to every map
        self._extras: list[QGraphicsItem] = []
        self.option_items: dict[str, ArrowItem] = {}
        self.tags: dict[str, QuizTagItem] = {}

    # -- building blocks --------------------------------------------------------

    def reset(self) -> None:
        """Put the map back as drawn: names shown, every arrow and number, nothing marked."""
        scene = self.scene
        for item in self._extras:
            scene.removeItem(item)
        self._extras, self.option_items, self.tags = [], {}, {}
        scene.select_region("")
        scene.highlight_regions(())
        for region in scene.region_items.values():
            region.set_state(hovered=False)  # the keyboard's current target, if any
        for item in (*scene.arrow_items.values(), *scene.badge_items.values()):
            item.setVisible(True)
        scene.show_names(True)

    def _add(self, item: QGraphicsItem) -> None:
        self.scene.addItem(item)
        self._extras.append(item)

    def _tag(
        self, key: str, text: str, centre: QPointF, style: str, place: QPointF | None = None
    ) -> QuizTagItem:
        leader: QPointF | None = None
        if style in (TagStyle.RIGHT, TagStyle.WRONG):
            # A verdict moves off any name it would cover; far from its place, a line points back.
            wanted = centre
            centre = self._clear_of_labels(text, centre)
            if QLineF(centre, wanted).length() > LEADER_FROM:
                leader = place if place is not None else wanted
        tag = QuizTagItem(text, centre, style, self.scene.theme, self.scene.map_rect(), leader)
        self._add(tag)
        self.tags[key] = tag
        return tag

    def _clear_of_labels(self, text: str, centre: QPointF) -> QPointF:
        """Return the centre nearest ``centre`` where a verdict tag covers no name, number, point or tag."""
        scene = self.scene
        rects = [label.mapRectToScene(label.text_rect()) for label in scene.label_items if label.isVisible()]
        rects += [b.sceneBoundingRect() for b in scene.badge_items.values() if b.isVisible()]
        rects += [p.sceneBoundingRect() for p in scene.point_items.values() if p.isVisible()]
        rects += [tag.box() for tag in self.tags.values()]
        x, y, w, h = place_box(
            QuizTagItem.size_of(text),
            (centre.x(), centre.y()),
            [_box(r) for r in rects],
            _box(scene.map_rect()),
        )
        return QPointF(x + w / 2, y + h / 2)

    def _badge_centre(self, order: int) -> QPointF:
        return self.scene.badge_items[order].boundingRect().center()

    def _place_target(self, place_id: str) -> QPointF:
        """Return the point a moved tag's line ends at: a tender point's top, a region's centre."""
        body_map = self.scene.body_map
        if place_id in body_map.points:
            point = body_map.points[place_id]
            return QPointF(point.x, point.y - point.radius)
        return QPointF(*body_map.regions[place_id].centroid)

    def _place_centre(self, place_id: str) -> QPointF:
        body_map = self.scene.body_map
        if place_id in body_map.points:
            point = body_map.points[place_id]
            return QPointF(point.x, point.y - point.radius - 30)
        return QPointF(*body_map.regions[place_id].centroid)

    def _only_arrows(self, orders: Sequence[int]) -> None:
        for order, item in self.scene.arrow_items.items():
            item.setVisible(order in orders)
            item.set_marked(False)
        for badge in self.scene.badge_items.values():
            badge.setVisible(False)

    # -- asking -----------------------------------------------------------------

    def ask(self, question: Question) -> list[str]:
        """Set the map up for a question; return its map targets in keyboard (Tab) order."""
        self.reset()
        scene = self.scene
        scene.show_names(False)
        place = question.place.id if question.place else ""
        if question.kind is K.ARROW_ORDER:
            self._only_arrows(question.arrows)
            for letter, order in zip(LETTERS, question.arrows, strict=False):
                self._tag(str(order), letter, self._badge_centre(order), TagStyle.ASK)
            return [str(order) for order in question.arrows]
        if question.kind is K.DIRECTION:
            self._only_arrows(())
            scene.highlight_regions([place])
            for number, option in enumerate(question.options, 1):
                item = ArrowItem(option.arrow, scene.theme)
                self._add(item)
                self.option_items[option.id] = item
                x, y = point_along(option.arrow.polyline, 0.5)
                ox, oy = option.outward
                centre = QPointF(x + ox * OPTION_TAG_OFFSET, y + oy * OPTION_TAG_OFFSET)
                self._tag(option.id, str(number), centre, TagStyle.ASK)
            return [option.id for option in question.options]
        if question.kind is K.FIND_REGION:
            return list(scene.body_map.regions)
        if question.kind is K.FIND_POINT:
            return list(scene.body_map.points)
        if question.kind in (K.REGION_TECHNIQUE, K.CARD_TECHNIQUE):
            # On the figures map the numbers are the figures' numbers, which would name the card.
            for badge in scene.badge_items.values():
                badge.setVisible(False)
        if question.kind is K.NAME_POINT:
            scene.select_point(place)
        elif place:
            scene.select_region(place)
        return []

    def show_picks(self, question: Question, picks: Sequence[str]) -> None:
        """Show the arrows picked so far in an order question: marked, numbered in the order picked."""
        for letter, order in zip(LETTERS, question.arrows, strict=False):
            key = str(order)
            tag = self.tags.pop(key)
            self.scene.removeItem(tag)
            self._extras.remove(tag)
            picked = key in picks
            text = str(picks.index(key) + 1) if picked else letter
            self._tag(key, text, self._badge_centre(order), TagStyle.PICKED if picked else TagStyle.ASK)
            self.scene.arrow_items[order].set_marked(picked)

    def focus(self, question: Question, target: str) -> None:
        """Show the keyboard's current target on the map ("" for none)."""
        scene = self.scene
        if question.kind is K.FIND_REGION:
            for rid, item in scene.region_items.items():
                item.set_state(hovered=rid == target)
        elif question.kind is K.FIND_POINT:
            for pid, point in scene.point_items.items():
                point.set_marked(pid == target)

    def target_at(self, question: Question, x: float, y: float) -> str | None:
        """Return what a click at map point (x, y) picks for this question, or ``None``."""
        body_map = self.scene.body_map
        if question.kind is K.ARROW_ORDER:
            arrows = [a for a in body_map.arrows if a.order in question.arrows]
            hit = arrow_at(arrows, x, y)
            return str(hit.order) if hit else None
        if question.kind is K.DIRECTION:
            by_arrow = {id(o.arrow): o.id for o in question.options}
            hit = arrow_at([o.arrow for o in question.options], x, y)
            return by_arrow[id(hit)] if hit else None
        if question.kind is K.FIND_REGION:
            return body_map.region_at(x, y)
        if question.kind is K.FIND_POINT:
            return body_map.point_at(x, y, slack=POINT_SLACK)
        return None

    def focus_rect(self, question: Question) -> QRectF | None:
        """Return the part of the map a question is about, to zoom to, or ``None`` for the whole map.

        Arrow questions zoom: short arrows side by side are small at full-map scale. The part
        shown keeps at least half the map around them (for an order question also the view's
        title and the client's left and right labels nearby), so the student keeps their bearings.
        """
        body_map = self.scene.body_map
        if question.kind is K.DIRECTION and question.place:
            left, top, right, bottom = body_map.regions[question.place.id].polygon.bounds
            rect = QRectF(left, top, right - left, bottom - top)
            lines = [option.arrow.polyline for option in question.options]
        elif question.kind is K.ARROW_ORDER:
            rect = QRectF(self._badge_centre(question.arrows[0]), self._badge_centre(question.arrows[0]))
            for order in question.arrows:
                rect = rect.united(self.scene.badge_items[order].boundingRect())
            lines = [a.polyline for a in body_map.arrows if a.order in question.arrows]
        else:
            return None
        for line in lines:
            xs, ys = [x for x, _ in line], [y for _, y in line]
            rect = rect.united(QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
        if question.kind is K.ARROW_ORDER:
            # A sequence runs across a view: keep its title and the client's left and right in sight.
            # (A direction question names the side in its prompt and zooms closer, to the two arrows.)
            reach = rect.adjusted(-LABEL_REACH, 0, LABEL_REACH, 0)
            for label in self.scene.label_items:
                box = label.text_rect()
                if label.label.kind in ("view", "side") and reach.left() <= box.center().x() <= reach.right():
                    rect = rect.united(box)
        whole = self.scene.map_rect()
        width = max(rect.width() + 120, whole.width() * FOCUS_SHARE)
        height = max(rect.height() + 120, whole.height() * FOCUS_SHARE)
        focus = QRectF(0, 0, width, height)
        focus.moveCenter(rect.center())
        # Slide it back inside the drawing rather than show empty canvas.
        focus.moveLeft(min(max(focus.left(), whole.left()), whole.right() - focus.width()))
        focus.moveTop(min(max(focus.top(), whole.top()), whole.bottom() - focus.height()))
        return focus

    # -- the right answer -------------------------------------------------------

    def reveal(self, verdict: Grade, names: dict[str, str]) -> None:
        """Show the right answer on the map, and the student's if it was wrong.

        Args:
            verdict: the graded response.
            names: what to call each region, point and technique id on a tag.
        """
        question = verdict.question
        self.reset()
        scene = self.scene
        right = question.expected[0] if question.expected else ""
        given = verdict.given[0] if verdict.given else ""
        wrong = "" if verdict.correct else given
        if question.kind is K.ARROW_ORDER:
            # The right numbers, highlighted; the text says in which order the student clicked.
            self._only_arrows(question.arrows)
            for order in question.arrows:
                scene.arrow_items[order].set_marked(True)
                scene.badge_items[order].set_marked(True)
                scene.badge_items[order].setVisible(True)
            return
        if question.kind is K.DIRECTION:
            # The names stay hidden: the view is zoomed, and the answer is the arrow, not a place.
            self.ask(question)
            for number, option in enumerate(question.options, 1):
                is_right = option.id == right
                self.option_items[option.id].set_marked(is_right)
                if is_right or option.id == wrong:
                    centre = self.tags.pop(option.id).boundingRect().center()
                    mark, style = ("✓", TagStyle.RIGHT) if is_right else ("✗", TagStyle.WRONG)
                    self._tag(option.id, f"{mark} {number}", centre, style)
            return
        if question.kind in (K.FIND_REGION, K.NAME_REGION, K.FIND_POINT, K.NAME_POINT):
            self._mark_place(right, True)
            self._tag(
                right,
                f"✓ {short_name(names.get(right, right))}",
                self._place_centre(right),
                TagStyle.RIGHT,
                self._place_target(right),
            )
            if wrong and (wrong in scene.body_map.regions or wrong in scene.body_map.points):
                self._mark_place(wrong, False)
                self._tag(
                    wrong,
                    f"✗ {short_name(names.get(wrong, wrong))}",
                    self._place_centre(wrong),
                    TagStyle.WRONG,
                    self._place_target(wrong),
                )
            return
        # A technique: where it applies on this map, with its name at the region asked about.
        regions = self.regions_of(right)
        scene.highlight_regions(regions)
        if question.place:
            scene.select_region(question.place.id)
        anchor = question.place.id if question.place else (regions[0] if regions else "")
        if anchor:
            self._tag(
                right,
                f"✓ {short_name(names.get(right, right))}",
                self._place_centre(anchor),
                TagStyle.RIGHT,
                self._place_target(anchor),
            )

    def _mark_place(self, place_id: str, right: bool) -> None:
        scene = self.scene
        if place_id in scene.point_items:
            if right:
                scene.point_items[place_id].set_marked(True)
        elif place_id in scene.region_items:
            scene.region_items[place_id].set_state(selected=right, highlighted=not right)

    def regions_of(self, technique_id: str) -> list[str]:
        """Return the regions of this map where a technique applies (all of them for a map-wide card)."""
        info = self.scene.info
        everywhere = technique_id in info.techniques or technique_id in self.general
        return [rid for rid, r in info.regions.items() if everywhere or technique_id in r.techniques]
