"""Edit ▸ Preferences: theme, text size, the map's viewpoint and the timer's cue defaults.

Every change applies at once (the dialog emits ``changed``); Close keeps it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.services import settings as options
from app.ui.appearance import TEXT_PERCENTS, Appearance, appearance_from_settings, save_appearance
from app.ui.theme import THEME_TITLES, THEMES


def _tr(text: str) -> str:
    return QCoreApplication.translate("Preferences", text)


class PreferencesDialog(QDialog):
    """The preferences, stored as they change.

    Signals:
        changed(): a preference changed and was stored; the window applies it.
    """

    changed = Signal()

    def __init__(
        self, settings: QSettings, parent: QWidget | None = None, shown: Appearance | None = None
    ) -> None:
        """Show the stored preferences (or ``shown``, an appearance in use but not stored)."""
        super().__init__(parent)
        self.setWindowTitle(_tr("Preferences"))
        self.setObjectName("PreferencesDialog")
        self._settings = settings
        current = shown if shown is not None else appearance_from_settings(settings)

        self.theme = QComboBox()
        for name in THEMES:
            self.theme.addItem(_tr(THEME_TITLES[name]), name)
        self.theme.setCurrentIndex(max(0, self.theme.findData(current.theme.name)))
        self._describe(self.theme, _tr("Theme"), _tr("Colours of the whole app and of the maps"))

        self.text_size = QComboBox()
        for percent in TEXT_PERCENTS:
            label = _tr("{n} % (system font)") if percent == 100 else _tr("{n} %")
            self.text_size.addItem(label.format(n=percent), percent)
        nearest = min(TEXT_PERCENTS, key=lambda p: abs(p - current.text_percent))
        self.text_size.setCurrentIndex(TEXT_PERCENTS.index(nearest))
        self._describe(self.text_size, _tr("Text size"), _tr("Size of all text, relative to the system font"))

        self.therapist_view = QCheckBox(_tr("Label map sides as the therapist sees them"))
        self.therapist_view.setChecked(current.therapist_view)
        self._describe(
            self.therapist_view,
            self.therapist_view.text(),
            _tr("Side labels read “THERAPIST'S LEFT (CLIENT'S RIGHT)”; cards always name the client's side"),
        )
        self.sound = QCheckBox(_tr("Sound cues"))
        self.sound.setChecked(options.SOUND_CUES.get(settings))
        self._describe(self.sound, self.sound.text(), _tr("Play a short sound at each timer cue"))
        self.get_ready = QCheckBox(_tr("3-2-1 get-ready count"))
        self.get_ready.setChecked(options.GET_READY.get(settings))
        self._describe(self.get_ready, self.get_ready.text(), _tr("Count down 3-2-1 before a hold starts"))

        form = QFormLayout()
        form.addRow(self._buddy(_tr("&Theme:"), self.theme), self.theme)
        form.addRow(self._buddy(_tr("Te&xt size:"), self.text_size), self.text_size)
        form.addRow(_tr("Map:"), self.therapist_view)
        form.addRow(_tr("Timer:"), self.sound)
        form.addRow("", self.get_ready)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(_tr("Close preferences"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        note = QLabel(_tr("Changes apply at once."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(buttons)

        for box in (self.theme, self.text_size):
            box.currentIndexChanged.connect(self._store)
        for check in (self.therapist_view, self.sound, self.get_ready):
            check.toggled.connect(self._store)

    def appearance(self) -> Appearance:
        """Return the appearance chosen in the dialog."""
        return Appearance(
            THEMES[self.theme.currentData()],
            int(self.text_size.currentData()),
            self.therapist_view.isChecked(),
        )

    def _store(self) -> None:
        save_appearance(self._settings, self.appearance())
        options.SOUND_CUES.set(self._settings, self.sound.isChecked())
        options.GET_READY.set(self._settings, self.get_ready.isChecked())
        self.changed.emit()

    @staticmethod
    def _describe(widget: QWidget, name: str, description: str) -> None:
        widget.setAccessibleName(name.replace("&", ""))
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)

    @staticmethod
    def _buddy(text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label
