"""The map canvas: fit, zoom, drag to pan, click to select, hover to preview."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from app.ui.body_map_scene import BodyMapScene

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.5, 12.0  # relative to "fit to window"
DRAG_THRESHOLD = 6  # pixels a press may move and still count as a click


class BodyMapView(QGraphicsView):
    """Shows a :class:`BodyMapScene`; stays fitted to the window until the user zooms."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.viewport().setMouseTracking(True)
        self._fitted = True
        self._zoom = 1.0
        self._press: QPoint | None = None
        self._dragging = False

    def map_scene(self) -> BodyMapScene | None:
        """Return the scene shown, if it is a map."""
        scene = self.scene()
        return scene if isinstance(scene, BodyMapScene) else None

    def show_scene(self, scene: BodyMapScene) -> None:
        """Show a map, fitted to the window."""
        self.setScene(scene)
        self.fit()

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
