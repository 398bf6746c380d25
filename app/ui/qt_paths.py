"""Turn model path values into QPainterPaths."""

from __future__ import annotations

from PySide6.QtGui import QPainterPath

from app.model.geometry import PathData


def to_painter_path(data: PathData) -> QPainterPath:
    """Build a QPainterPath from a model path."""
    path = QPainterPath()
    for command, c in data.segments:
        if command == "M":
            path.moveTo(c[0], c[1])
        elif command == "L":
            path.lineTo(c[0], c[1])
        elif command == "C":
            path.cubicTo(c[0], c[1], c[2], c[3], c[4], c[5])
        elif command == "Z":
            path.closeSubpath()
    return path
