"""Screenshots of the themes, the text size and the preferences dialog (for --screenshot)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.ui.appearance import Appearance
from app.ui.appearance_controller import apply_appearance, fit_panels_to_text
from app.ui.main_window import MainWindow
from app.ui.preferences_dialog import PreferencesDialog
from app.ui.theme import THEMES

# (file name, theme, text size, therapist's viewpoint, map)
SHOTS = (
    ("theme-dark-trunk.png", "dark", 100, False, "trunk"),
    ("theme-high-contrast-hand.png", "high-contrast", 100, False, "hand"),
    ("text-200-percent-therapist-view.png", "light", 200, True, "tender-points"),
)


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def take_appearance_shots(window: MainWindow, directory: Path) -> list[Path]:
    """Write the main window in each theme, at 200 % text, and the preferences dialog (dark, 150 %).

    The window is put back in the appearance it had.

    Returns:
        The files written, in order.
    """
    before = window.appearance
    written: list[Path] = []

    def save(widget_image_path: Path, ok: bool) -> None:
        if not ok:
            raise OSError(f"could not write {widget_image_path}")
        written.append(widget_image_path)

    for name, theme, percent, therapist, map_id in SHOTS:
        appearance = Appearance(THEMES[theme], percent, therapist)
        apply_appearance(window, appearance)
        fit_panels_to_text(window, appearance.text_factor)  # earlier screens may have moved the panes
        if map_id in window.scenes:
            window.show_map(map_id)
            scene = window.scenes[map_id]
            first = scene.body_map.arrows[0].region if scene.body_map.arrows else ""
            if first:
                window.show_region(first)
            window.activateWindow()
            _settle()
            window.view.setFocus(Qt.FocusReason.OtherFocusReason)
            scene.set_focus_index(0)  # the keyboard focus ring, as Tab leaves it
        _settle()
        path = directory / name
        save(path, window.grab().save(str(path)))
    shown = Appearance(THEMES["dark"], 150)
    apply_appearance(window, shown)
    dialog = PreferencesDialog(window.settings, window, shown=shown)  # as chosen, not as stored
    dialog.show()
    _settle()
    path = directory / "preferences.png"
    save(path, dialog.grab().save(str(path)))
    dialog.close()
    dialog.deleteLater()
    apply_appearance(window, before)
    _settle()
    return written
