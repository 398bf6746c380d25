"""The small dialog that asks how to export: paper size, one file or many, image format and width."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.model.handout_layout import PaperSize
from app.ui.handout_export import PNG_WIDTHS


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportOptions", text)


class ExportOptionsDialog(QDialog):
    """Ask for a handout's paper size (and, for Export All, one PDF or one per map), or an image's format.

    Args:
        parent: the window.
        paper: the paper chosen last time.
        batch: ask whether to write one PDF per map or one combined PDF.
        image: ask for an image format and width instead of paper.
    """

    def __init__(
        self,
        parent: QWidget | None,
        paper: PaperSize = PaperSize.A4,
        *,
        batch: bool = False,
        image: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Export Map Image") if image else _tr("Export Handout"))
        form = QFormLayout()
        self.paper_box = QComboBox()
        for size in PaperSize:
            self.paper_box.addItem(size.label, size)
        self.paper_box.setCurrentIndex(list(PaperSize).index(paper))
        self.paper_box.setAccessibleName(_tr("Paper size"))
        self.format_box = QComboBox()
        self.format_box.addItem(_tr("PNG (picture)"), "png")
        self.format_box.addItem(_tr("SVG (vector drawing)"), "svg")
        self.format_box.setAccessibleName(_tr("Image format"))
        self.width_box = QComboBox()
        for width in PNG_WIDTHS:
            self.width_box.addItem(_tr("{n} pixels wide").format(n=width), width)
        self.width_box.setCurrentIndex(1)
        self.width_box.setAccessibleName(_tr("Image width"))
        self.format_box.currentIndexChanged.connect(lambda _: self.width_box.setEnabled(not self.svg()))
        self.per_map = QRadioButton(_tr("One PDF per map, in a folder"))
        self.one_file = QRadioButton(_tr("All maps in one PDF"))
        self.per_map.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.per_map)
        group.addButton(self.one_file)
        if image:
            form.addRow(_tr("&Format:"), self.format_box)
            form.addRow(_tr("&Width:"), self.width_box)
        else:
            form.addRow(_tr("&Paper:"), self.paper_box)
        if batch:
            form.addRow(self.per_map)
            form.addRow(self.one_file)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        # Choices that this export does not ask for stay hidden children of the dialog.
        for widget, asked in (
            (self.format_box, image),
            (self.width_box, image),
            (self.paper_box, not image),
            (self.per_map, batch),
            (self.one_file, batch),
        ):
            if not asked:
                widget.setParent(self)
                widget.hide()

    def paper(self) -> PaperSize:
        """The paper chosen."""
        value = self.paper_box.currentData()
        return value if isinstance(value, PaperSize) else PaperSize.A4

    def svg(self) -> bool:
        """Whether SVG was chosen (else PNG)."""
        return bool(self.format_box.currentData() == "svg")

    def width(self) -> int:
        """The PNG width chosen, in pixels."""
        return int(self.width_box.currentData())

    def combined(self) -> bool:
        """Whether every map goes into one PDF."""
        return self.one_file.isChecked()
