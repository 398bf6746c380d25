"""Stroke-order playback on a map: the overlay that draws it and the bar that controls it.

The overlay asks a :class:`~app.model.stroke_playback.StrokePlayback` what to draw
and changes only what moves: the arrow being drawn and the fingertip marker, each
repainting only the area that changed. The arrows already played are the scene's
own ``ArrowItem``s, shown again; the ones still to come are hidden. A
``Qt.PreciseTimer`` runs only while playing.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from app.model.body_map import Arrow
from app.model.countdown import Clock
from app.model.stroke_playback import (
    STOPPED_FRAME,
    PlaybackCueKind,
    PlaybackFrame,
    PlaybackState,
    StrokePlayback,
)
from app.ui.body_map_scene import BodyMapScene
from app.ui.map_items import BASE_DOT_RADIUS, Z_ARROW, Z_BADGE, ArrowItem, ThemedItem
from app.ui.playback_bar import PlaybackBar as PlaybackBar  # the bar's home before it had its own module
from app.ui.qt_paths import to_painter_path
from app.ui.theme import THEMES, Theme

FRAME_MS = 16  # about 60 frames a second
FINGERTIP_RADIUS = 15.0  # map units: about a fingertip at the maps' scale


def _tr(text: str) -> str:
    return QCoreApplication.translate("StrokePlayback", text)


def _pen(color: str | QColor, width: float) -> QPen:
    pen = QPen(QColor(color), width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


class GrowingArrowItem(ThemedItem):
    """The arrow being played, drawn from its base up to a fraction of its length.

    It paints the same base dot, shaft and head as ``ArrowItem`` (in the
    highlight colour), but only the drawn part of the shaft, and the head once
    the arrow is complete.
    """

    def __init__(self, theme: Theme) -> None:
        super().__init__(theme, QRectF(), Z_ARROW)
        self.setZValue(Z_ARROW + 0.5)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.arrow: Arrow | None = None
        self._points: list[QPointF] = []
        self._lengths: list[float] = []  # length along the shaft at each point
        self._full_length = 1.0  # base to tip, head included
        self._head = QPainterPath()
        self._fraction = 0.0
        self._drawn_length = 0.0
        self._drawn = QPainterPath()
        self._margin = max(t.arrow_width for t in THEMES.values()) * 1.25 + 6  # any theme fits

    @property
    def fraction(self) -> float:
        """How much of the arrow is drawn, 0..1 of its length."""
        return self._fraction

    def drawn_end(self) -> QPointF:
        """Return where the drawn shaft ends, in scene units."""
        return self._drawn.currentPosition()

    def set_arrow(self, arrow: Arrow) -> None:
        """Start drawing another arrow, from nothing."""
        # The scene's own shapes, so the hand-over to its ArrowItem is seamless.
        shaft, head = ArrowItem.shapes(arrow)
        self.prepareGeometryChange()
        self.arrow = arrow
        self._head = head
        self._points = [
            QPointF(shaft.elementAt(i).x, shaft.elementAt(i).y) for i in range(shaft.elementCount())
        ]
        self._lengths = [0.0]
        for a, b in zip(self._points, self._points[1:], strict=False):
            self._lengths.append(self._lengths[-1] + math.hypot(b.x() - a.x(), b.y() - a.y()))
        self._full_length = max(1.0, to_painter_path(arrow.path).length())
        self._rect = shaft.boundingRect().united(head.boundingRect()).adjusted(-14, -14, 14, 14)
        self._fraction = 0.0
        self._drawn_length = 0.0
        self._drawn = self._shaft_to(0.0)
        self.update()

    def set_fraction(self, fraction: float) -> None:
        """Draw the arrow up to ``fraction`` of its length; repaint only what changed."""
        fraction = min(1.0, max(0.0, fraction))
        if fraction == self._fraction or not self._points:
            return
        completes = (fraction >= 1.0) != (self._fraction >= 1.0)
        old_length = self._drawn_length
        old_end = self.drawn_end()
        self._fraction = fraction
        self._drawn_length = min(fraction * self._full_length, self._lengths[-1])
        self._drawn = self._shaft_to(self._drawn_length)
        if completes or self._drawn_length < old_length:
            self.update()  # the head appears or goes, or the arrow shrinks: all of it
            return
        # Only the newest piece of shaft changes: from the old end to the new one.
        low, high = old_length, self._drawn_length
        corners = [p for p, at in zip(self._points, self._lengths, strict=True) if low < at < high]
        dirty = QRectF(old_end, self.drawn_end()).normalized()
        for p in corners:
            dirty = dirty.united(QRectF(p, p))
        m = self._margin
        self.update(dirty.adjusted(-m, -m, m, m))

    def _shaft_to(self, length: float) -> QPainterPath:
        path = QPainterPath(self._points[0])
        for i in range(1, len(self._points)):
            if self._lengths[i] <= length:
                path.lineTo(self._points[i])
                continue
            a, b = self._points[i - 1], self._points[i]
            step = self._lengths[i] - self._lengths[i - 1]
            t = (length - self._lengths[i - 1]) / step if step > 0 else 0.0
            if t > 0:
                path.lineTo(a + (b - a) * t)
            break
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Paint the drawn part from the theme (Qt override)."""
        if self.arrow is None:
            return
        t = self._theme
        color = QColor(t.arrow_highlight)
        width = t.arrow_width * 1.25
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(_pen(t.canvas, width + 4))
        painter.drawPath(self._drawn)
        pen = _pen(color, width)
        if self.arrow.style == "return":
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            pen.setDashPattern([2.2, 1.6])
        painter.setPen(pen)
        painter.drawPath(self._drawn)
        painter.setPen(_pen(t.canvas, 2.0))
        painter.setBrush(color)
        if self._fraction >= 1.0:
            painter.drawPath(self._head)
        if self.arrow.style != "return":
            painter.drawEllipse(QPointF(*self.arrow.base), BASE_DOT_RADIUS, BASE_DOT_RADIUS)


class FingertipItem(ThemedItem):
    """Where the fingers are: a soft filled circle with a ring, moved with ``setPos``.

    During a return without contact it is drawn as a ring only (the fingers are lifted).
    """

    def __init__(self, theme: Theme) -> None:
        r = FINGERTIP_RADIUS + 4
        super().__init__(theme, QRectF(-r, -r, 2 * r, 2 * r), Z_BADGE)
        # Above the arrows and tender points, under the numbers so they stay readable.
        self.setZValue(Z_BADGE - 0.5)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._lifted = False

    def set_lifted(self, lifted: bool) -> None:
        """Show the fingers off the skin (a return stroke) or on it."""
        if lifted != self._lifted:
            self._lifted = lifted
            self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Paint from the theme (Qt override)."""
        t = self._theme
        centre, r = QPointF(0, 0), FINGERTIP_RADIUS
        fill = QColor(t.arrow_highlight)
        fill.setAlphaF(0.0 if self._lifted else 0.35)
        painter.setPen(_pen(t.canvas, 7.0))  # a halo keeps the ring visible on any line
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, r, r)
        painter.setPen(_pen(t.arrow_highlight, 3.5))
        painter.setBrush(fill)
        painter.drawEllipse(centre, r, r)


class PlaybackOverlay(QObject):
    """Plays a map scene's arrows in order, drawing each from base to tip.

    While playing or paused the arrows not yet played (and their numbers) are
    hidden, the current one grows with a fingertip marker on it; stopping puts
    the scene back as it was. Call :meth:`stop` before the scene's layers change
    or another scene is shown (or use :meth:`set_scene`).

    Args:
        scene: the map to play, or ``None`` for none yet.
        theme: the colours.
        clock: monotonic seconds; a test or a screenshot injects a ``ManualClock``.
        parent: the owning QObject.

    Signals:
        state_changed(str): the playback's state changed ("stopped", "playing", ...).
        arrow_started(int): an arrow (its number) began to be drawn.
        position_changed(int, int): the current arrow number and the number of arrows.
    """

    state_changed = Signal(str)
    arrow_started = Signal(int)
    position_changed = Signal(int, int)

    def __init__(
        self,
        scene: BodyMapScene | None,
        theme: Theme,
        clock: Clock = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._theme = theme
        self._clock = clock
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self.refresh)
        self.arrow_item = GrowingArrowItem(theme)
        self.marker = FingertipItem(theme)
        self._scene: BodyMapScene | None = None
        self.playback = StrokePlayback((), clock)
        # Visibility before playback began; None while the scene is as the user left it.
        # (A map without arrows saves nothing, yet the overlay is on: hence None, not {}.)
        self._saved: dict[QGraphicsItem, bool] | None = None
        self._frame: PlaybackFrame = STOPPED_FRAME
        self._last_state = PlaybackState.STOPPED
        self._speed = 1.0
        self._loop = False
        if scene is not None:
            self.set_scene(scene)

    def set_theme(self, theme: Theme) -> None:
        """Draw the played arrow and the fingertip in another theme from now on."""
        self._theme = theme
        self.arrow_item.set_theme(theme)
        self.marker.set_theme(theme)

    # -- what it plays ----------------------------------------------------------

    @property
    def scene(self) -> BodyMapScene | None:
        """The map being played."""
        return self._scene

    @property
    def frame(self) -> PlaybackFrame:
        """What is drawn now."""
        return self._frame

    @property
    def active(self) -> bool:
        """Whether the playback is shown (playing, paused or finished)."""
        return self._saved is not None

    def set_scene(self, scene: BodyMapScene) -> None:
        """Stop, and play this map from now on."""
        self.stop()
        self._scene = scene
        self.playback = StrokePlayback(scene.body_map.arrows, self._clock, loop=self._loop)
        self.playback.set_speed(self._speed)

    # -- controls ---------------------------------------------------------------

    def play(self) -> None:
        """Play (from the start when stopped or finished)."""
        self.playback.play()
        self.refresh()

    def pause(self) -> None:
        """Freeze the picture."""
        self.playback.pause()
        self.refresh()

    def toggle(self) -> None:
        """Pause when playing, else play."""
        self.playback.toggle()
        self.refresh()

    def step_next(self) -> None:
        """Show the next arrow drawn in full, paused."""
        self.playback.step_next()
        self.refresh()

    def step_previous(self) -> None:
        """Show the previous arrow drawn in full, paused."""
        self.playback.step_previous()
        self.refresh()

    def restart(self) -> None:
        """Play again from the first arrow."""
        self.playback.restart()
        self.refresh()

    def set_speed(self, factor: float) -> None:
        """Play at ``factor`` times the slow pull."""
        self._speed = factor
        self.playback.set_speed(factor)

    def set_loop(self, on: bool) -> None:
        """Start again after the last arrow, or stop there."""
        self._loop = on
        self.playback.set_loop(on)
        self.refresh()

    def stop(self) -> None:
        """Stop and put the scene back as it was."""
        self.playback.stop()
        self.refresh()

    # -- drawing ----------------------------------------------------------------

    def refresh(self) -> None:
        """Draw the playback's frame now (the timer calls this while playing)."""
        frame = self.playback.frame()
        for cue in self.playback.poll():
            if cue.kind is PlaybackCueKind.ARROW_START:
                self.arrow_started.emit(cue.order)
        if frame.state is PlaybackState.STOPPED:
            self._restore()
        else:
            self._show(frame)
        self._frame = frame
        if frame.state is PlaybackState.PLAYING:
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._timer.stop()
        if frame.state is not self._last_state:
            self._last_state = frame.state
            self.state_changed.emit(frame.state.value)

    def _show(self, frame: PlaybackFrame) -> None:
        scene = self._scene
        if scene is None:
            return
        if self._saved is None:
            items: list[QGraphicsItem] = [*scene.arrow_items.values(), *scene.badge_items.values()]
            self._saved = {item: item.isVisible() for item in items}
            scene.addItem(self.arrow_item)
            scene.addItem(self.marker)
            if not self.playback.arrows:
                self.position_changed.emit(0, 0)  # the bar says there is nothing to play
        done = set(frame.completed)
        for order, item in scene.arrow_items.items():
            item.setVisible(self._saved[item] and order in done)
        for order, badge in scene.badge_items.items():
            badge.setVisible(self._saved[badge] and (order in done or order == frame.current))
        arrows_on = any(self._saved[item] for item in scene.arrow_items.values())
        current = next((a for a in self.playback.arrows if a.order == frame.current), None)
        if current is None or not arrows_on:
            self.arrow_item.setVisible(False)
            self.marker.setVisible(False)
            return
        if self.arrow_item.arrow is not current:
            self.arrow_item.set_arrow(current)
            self.position_changed.emit(current.order, len(self.playback.arrows))
        self.arrow_item.set_fraction(frame.fraction)
        self.arrow_item.setVisible(True)
        if frame.fingertip is not None:
            self.marker.setPos(QPointF(*frame.fingertip))
        self.marker.set_lifted(current.style == "return")
        self.marker.setVisible(True)

    def _restore(self) -> None:
        if self._saved is None:
            return
        for item, visible in self._saved.items():
            item.setVisible(visible)
        self._saved = None
        for item in (self.arrow_item, self.marker):
            if item.scene() is not None:
                item.scene().removeItem(item)
        self.arrow_item.arrow = None
        self.position_changed.emit(0, len(self.playback.arrows))
