"""Render a map scene into an image: thumbnails, screenshots and PNG export share this."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from app.ui.body_map_scene import BodyMapScene


def fitted_target(source: QRectF, size: QSize) -> QRectF:
    """Return the centred rectangle of ``size`` that shows ``source`` at its aspect ratio."""
    scale = min(size.width() / source.width(), size.height() / source.height())
    width, height = source.width() * scale, source.height() * scale
    return QRectF((size.width() - width) / 2, (size.height() - height) / 2, width, height)


def render_scene(scene: BodyMapScene, size: QSize, source: QRectF | None = None) -> QImage:
    """Render a map (by default with its legend) centred in an image of ``size``."""
    source = source or scene.sceneRect()
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(scene.backgroundBrush().color()))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, fitted_target(source, size), source, Qt.AspectRatioMode.IgnoreAspectRatio)
    painter.end()
    return image
