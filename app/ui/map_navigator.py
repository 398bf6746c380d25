"""The list of maps with thumbnails, on the left of the main window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

from app.ui.body_map_scene import BodyMapScene
from app.ui.map_render import render_scene

THUMB = QSize(150, 94)


def render_thumbnail(scene: BodyMapScene, size: QSize = THUMB) -> QPixmap:
    """Render a map's drawing (without the legend) into a small picture."""
    return QPixmap.fromImage(render_scene(scene, size, scene.map_rect()))


class MapNavigator(QListWidget):
    """Map names with thumbnails; choosing one emits its id.

    Signals:
        map_chosen(str): the user picked a map.
    """

    map_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # One column of thumbnails with the name under each.
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setIconSize(THUMB)
        self._fit_grid()
        self.setWordWrap(True)
        self.setMinimumWidth(THUMB.width() + 44)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(QCoreApplication.translate("MapNavigator", "Maps"))
        self.currentItemChanged.connect(self._changed)

    def _fit_grid(self) -> None:
        # Room for a name of four lines under each thumbnail at the current text size.
        lines = 4 * self.fontMetrics().lineSpacing()
        self.setGridSize(QSize(THUMB.width() + 36, THUMB.height() + max(54, lines + 12)))

    def changeEvent(self, event: QEvent) -> None:
        """Grow the grid with the text size (Qt override)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_grid()

    def add_map(self, map_id: str, title: str, thumbnail: QPixmap) -> None:
        """Add a map at the end of the list."""
        item = QListWidgetItem(_icon(thumbnail), title)
        item.setData(Qt.ItemDataRole.UserRole, map_id)
        item.setToolTip(title)
        self.addItem(item)

    def set_thumbnail(self, map_id: str, thumbnail: QPixmap) -> None:
        """Replace a map's thumbnail (the theme changed)."""
        for row, ident in enumerate(self.map_ids()):
            if ident == map_id:
                self.item(row).setIcon(_icon(thumbnail))

    def map_ids(self) -> list[str]:
        """Return the ids of the listed maps in order."""
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())]

    def set_current_map(self, map_id: str) -> None:
        """Select a map's entry without emitting ``map_chosen`` twice."""
        for row, ident in enumerate(self.map_ids()):
            if ident == map_id and row != self.currentRow():
                self.setCurrentRow(row)

    def _changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.map_chosen.emit(current.data(Qt.ItemDataRole.UserRole))


def _icon(thumbnail: QPixmap) -> QIcon:
    icon = QIcon(thumbnail)
    icon.addPixmap(thumbnail, QIcon.Mode.Selected)  # no selection tint over the drawing
    return icon
