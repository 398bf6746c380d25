"""The map canvas: fit, zoom, drag to pan, click to select, hover to preview, keys to move.

Keyboard: Tab and Shift+Tab walk the map's regions, arrows and tender points
(then leave the map); the arrow keys move to the nearest one in their direction;
Home and End go to the first and last; Enter opens the focused target's cards.
QGraphicsItems are not accessible on their own, so the view names the focused
target in its accessible name and description and tells assistive technology
when they change.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QPixmapCache,
    QRegion,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from app.model.map_focus import describe, nearest_in_direction, step
from app.ui.body_map_scene import BodyMapScene

DIRECTIONS = {
    Qt.Key.Key_Left: (-1.0, 0.0),
    Qt.Key.Key_Right: (1.0, 0.0),
    Qt.Key.Key_Up: (0.0, -1.0),
    Qt.Key.Key_Down: (0.0, 1.0),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("BodyMapView", text)


ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.5, 12.0  # relative to "fit to window"
DRAG_THRESHOLD = 6  # pixels a press may move and still count as a click
# The items' cached pictures (DeviceCoordinateCache) of a map on a 4K screen need far more than
# Qt's default 10 MB, which would evict and redraw them every frame; memory is used only as needed.
PIXMAP_CACHE_KB = 256 * 1024


class BodyMapView(QGraphicsView):
    """Shows a :class:`BodyMapScene`; stays fitted to the window until the user zooms."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A viewport made here, like Qt's own (a plain QWidget): asking Qt for the one it made
        # would make PySide6 look up its type through every widget class first (3 ms at start).
        self.setViewport(QWidget())
        if QPixmapCache.cacheLimit() < PIXMAP_CACHE_KB:
            QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(_tr("Body map"))
        self.setAccessibleDescription(_tr("Tab or the arrow keys move between regions, arrows and points."))
        self.viewport().setMouseTracking(True)
        # The kept picture covers every pixel: Qt need not clear the viewport before each paint.
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._fitted = True
        self._zoom = 1.0
        self._press: QPoint | None = None
        self._dragging = False
        # The picture of the whole view, kept between frames; scene changes redraw only their part.
        self._layer: QPixmap | None = None
        self._layer_key: tuple[object, ...] = ()
        self._stale = QRegion()
        self._watched: QGraphicsScene | None = None

    def map_scene(self) -> BodyMapScene | None:
        """Return the scene shown, if it is a map."""
        scene = self.scene()
        return scene if isinstance(scene, BodyMapScene) else None

    def show_scene(self, scene: BodyMapScene) -> None:
        """Show a map, fitted to the window."""
        previous = self.map_scene()
        if previous is not None:
            previous.focus_changed.disconnect(self._focus_moved)
            previous.focus_ring.hide()
        scene.keep_pictures_on_screen()
        self.setScene(scene)
        scene.focus_changed.connect(self._focus_moved)
        self.fit()
        self._focus_moved(scene.focus_index)

    # --- keyboard ---------------------------------------------------------------

    def focus_text(self) -> str:
        """Return what the view says about its focused target ("" for none)."""
        scene = self.map_scene()
        target = scene.focused if scene is not None else None
        if scene is None or target is None:
            return ""
        return describe(target, scene.body_map, scene.info, scene.point_names)

    def _focus_moved(self, index: int) -> None:
        scene = self.map_scene()
        if scene is None:
            return
        scene.focus_ring.setVisible(index >= 0 and self.hasFocus())
        target = scene.focused
        if target is not None and not self._fitted:
            self.ensureVisible(scene.focus_ring.boundingRect(), 40, 40)
        title = _tr("Body map: {title}").format(title=scene.info.title)
        text = self.focus_text()
        name = f"{title} — {text}" if text else title
        if name != self.accessibleName():
            self.setAccessibleName(name)
            self._notify(QAccessible.Event.NameChanged)
        description = text or _tr("Tab or the arrow keys move between regions, arrows and points.")
        if description != self.accessibleDescription():
            self.setAccessibleDescription(description)
            self._notify(QAccessible.Event.DescriptionChanged)
        if text and self.hasFocus():
            self._notify(QAccessible.Event.Focus)

    def _notify(self, kind: QAccessible.Event) -> None:
        if QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleEvent(self, kind))

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002
        """Tab and Shift+Tab walk the map's targets, then leave the map (Qt override)."""
        scene = self.map_scene()
        if scene is not None and self.hasFocus():
            following = step(scene.focus_targets, scene.focus_index, next)
            if following is not None:
                scene.set_focus_index(following)
                return True
            scene.set_focus_index(-1)
        return super().focusNextPrevChild(next)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Entering by Tab starts at the first target, by Shift+Tab at the last (Qt override)."""
        super().focusInEvent(event)
        scene = self.map_scene()
        if scene is None:
            return
        reason = event.reason()
        if scene.focus_index < 0 and scene.focus_targets:
            if reason == Qt.FocusReason.TabFocusReason:
                scene.set_focus_index(0)
            elif reason == Qt.FocusReason.BacktabFocusReason:
                scene.set_focus_index(len(scene.focus_targets) - 1)
        self._focus_moved(scene.focus_index)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Qt override."""
        super().focusOutEvent(event)
        scene = self.map_scene()
        if scene is not None:
            scene.focus_ring.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrow keys, Home, End and Enter act on the map's targets (Qt override)."""
        scene = self.map_scene()
        key = Qt.Key(event.key())
        if scene is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
            return
        targets = scene.focus_targets
        if key in DIRECTIONS:
            found = nearest_in_direction(targets, scene.focus_index, DIRECTIONS[key])
            if found is not None:
                scene.set_focus_index(found)
        elif key == Qt.Key.Key_Home and targets:
            scene.set_focus_index(0)
        elif key == Qt.Key.Key_End and targets:
            scene.set_focus_index(len(targets) - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            scene.activate_focused()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # --- the kept picture ---------------------------------------------------------
    #
    # A full frame of a map at 4K costs tens of milliseconds to draw (the labels' halos most),
    # while a blit of a kept picture costs one or two. The view keeps the picture of what it
    # shows; the scene's ``changed`` signal names the areas that changed (a hovered region, the
    # arrow being played), and only those are drawn again, just before the next paint. A new
    # scene, size, zoom or scroll position draws the whole picture again.

    def _layer_state(self) -> tuple[object, ...]:
        t = self.viewportTransform()
        return (
            id(self.scene()),
            self.viewport().size().toTuple(),
            self.viewport().devicePixelRatioF(),
            (t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy()),
        )

    def _watch(self) -> None:
        scene = self.scene()
        if scene is self._watched:
            return
        if self._watched is not None:
            self._watched.changed.disconnect(self._scene_changed)
        self._watched = scene
        if scene is not None:
            scene.changed.connect(self._scene_changed)
        self._layer = None

    def _scene_changed(self, rects: list[QRectF]) -> None:
        for rect in rects:
            self._stale += self.mapFromScene(rect).boundingRect().adjusted(-2, -2, 2, 2)

    def _draw_layer(self, area: QRegion) -> None:
        assert self._layer is not None
        painter = QPainter(self._layer)
        painter.setRenderHints(self.renderHints())
        for rect in area:  # type: ignore[attr-defined]  # QRegion iterates over its rectangles
            painter.save()
            painter.setClipRect(rect)
            self.render(painter, QRectF(rect), rect, Qt.AspectRatioMode.IgnoreAspectRatio)
            painter.restore()
        painter.end()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Blit the kept picture, after drawing again what changed (Qt override)."""
        self._watch()
        if self.scene() is None:
            painter = QPainter(self.viewport())
            painter.fillRect(event.rect(), self.palette().base())  # the viewport is never cleared by Qt
            painter.end()
            super().paintEvent(event)
            return
        state = self._layer_state()
        whole = QRect(QPoint(0, 0), self.viewport().size())
        if self._layer is None or state != self._layer_key:
            ratio = self.viewport().devicePixelRatioF()
            self._layer = QPixmap(whole.size() * ratio)
            self._layer.setDevicePixelRatio(ratio)
            self._layer_key = state
            self._draw_layer(QRegion(whole))
        elif not self._stale.isEmpty():
            self._draw_layer(self._stale.intersected(whole))
        self._stale = QRegion()
        ratio = self._layer.devicePixelRatio()
        painter = QPainter(self.viewport())
        for rect in event.region():  # type: ignore[attr-defined]
            if ratio == 1.0:  # whole pixels: Qt copies rows, no scaling
                painter.drawPixmap(rect.topLeft(), self._layer, rect)
            else:
                x, y, w, h = rect.x() * ratio, rect.y() * ratio, rect.width() * ratio, rect.height() * ratio
                painter.drawPixmap(QRectF(rect), self._layer, QRectF(x, y, w, h))
        painter.end()

    def fit(self) -> None:
        """Fit the whole map and its legend to the window."""
        scene: QGraphicsScene | None = self.scene()
        if scene is None:
            return
        self.resetTransform()
        self.fitInView(scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self._fitted, self._zoom = True, 1.0

    def zoom_by(self, factor: float) -> None:
        """Zoom around the view's centre (or the mouse, for wheel zoom)."""
        target = min(MAX_ZOOM, max(MIN_ZOOM, self._zoom * factor))
        if target == self._zoom:
            return
        self.scale(target / self._zoom, target / self._zoom)
        self._zoom = target
        self._fitted = False

    def zoom_in(self) -> None:
        """Zoom in one step."""
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        """Zoom out one step."""
        self.zoom_by(1 / ZOOM_STEP)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Qt override."""
        super().resizeEvent(event)
        if self._fitted:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Qt override."""
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(ZOOM_STEP**steps)
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Qt override."""
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self._dragging = False
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Qt override."""
        pos = event.position().toPoint()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            delta = pos - self._press
            if self._dragging or delta.manhattanLength() > DRAG_THRESHOLD:
                self._dragging = True
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
                self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
                self._press = pos
            return
        scene = self.map_scene()
        if scene is not None:
            scene.hover_at(self.mapToScene(pos))
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Qt override."""
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            scene = self.map_scene()
            if not self._dragging and scene is not None:
                scene.activate_at(self.mapToScene(event.position().toPoint()))
            self._press = None
            self._dragging = False
            self.unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def leaveEvent(self, event: object) -> None:
        """Qt override."""
        scene = self.map_scene()
        if scene is not None:
            scene.hover_at(None)
        super().leaveEvent(event)  # type: ignore[arg-type]

    def scene_point_to_view(self, point: QPointF) -> QPoint:
        """Map a scene point to viewport pixels (tests click through this)."""
        return self.mapFromScene(point)
