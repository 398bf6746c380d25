"""Handouts, map images and Export All, read back from the files they write."""

from __future__ import annotations

import re
import unicodedata

import pytest
from pypdf import PdfReader

from app.model.handout_content import handout_content
from app.model.handout_layout import PaperSize
from app.ui.handout_batch import BatchMode, BatchRequest, HandoutBatch
from app.ui.handout_commands import HandoutCommands
from app.ui.handout_export import configure_printer, geometry_for
from app.ui.handout_painter import HandoutRenderer
from app.ui.theme import DARK, LIGHT

SIZES = {PaperSize.A4: (595.0, 842.0), PaperSize.LETTER: (612.0, 792.0)}


@pytest.fixture(scope="module")
def library():
    from app.services.library import load_library

    return load_library()


@pytest.fixture
def commands(qapp, library, qtbot):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    messages: list[str] = []
    made = HandoutCommands(library, lambda: "hand", lambda: DARK, messages.append, parent)
    made.messages = messages  # type: ignore[attr-defined]
    return made


def _words(text: str) -> str:
    # NFKC turns the "fi" ligature glyphs Qt's shaping uses back into letters
    # and a line may break after a hyphen ("Russian-" / "school")
    spaced = unicodedata.normalize("NFKC", re.sub(r"\s+", " ", text)).strip()
    return re.sub(r"(?<=\w)([-/]) (?=\w)", r"\1", spaced)


def _text(reader: PdfReader) -> str:
    return _words(" ".join(page.extract_text() for page in reader.pages))


def _image_count(page) -> int:
    resources = page.get("/Resources") or {}
    objects = resources.get("/XObject") or {}
    return sum(1 for ref in objects.values() if ref.get_object().get("/Subtype") == "/Image")


@pytest.mark.parametrize("paper", list(PaperSize))
def test_handout_pdf_is_vector_with_the_map_cards_sources_and_disclaimer(commands, library, tmp_path, paper):
    path = tmp_path / "hand.pdf"
    pages = commands.write_handout(path, paper)
    reader = PdfReader(path)
    assert len(reader.pages) == pages >= 2
    for page in reader.pages:
        box = page.mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(SIZES[paper], abs=1.0)
        assert _image_count(page) == 0
    first = reader.pages[0].get_contents().get_data()
    # the map's outline, arrows and badges are paths: moves, lines, curves and fills
    assert first.count(b" c\n") > 100
    assert first.count(b" l\n") > 20
    text = _text(reader)
    catalog = library.catalog
    content = handout_content(catalog, "hand")
    assert "Palmar and Dorsal Hand" in text
    assert _words(catalog.disclaimer) in text
    assert _words(catalog.sources["article"].citation) in text
    for card in content.cards:
        assert card.technique.title in text
        for part in card.technique.card_texts():  # the one list of a card's texts that search uses
            assert _words(part) in text, part
    for number, instruction in content.strokes:
        assert f"{number}. {_words(instruction)}" in text
    assert "Dot at the base" in text  # the legend travels with the map


def test_every_map_lays_out_within_its_columns(library):
    for info in library.map_infos():
        renderer = HandoutRenderer.for_map(library, info.id, geometry_for(PaperSize.LETTER))
        bottom = renderer.geometry.content().bottom
        assert renderer.map_box.bottom < bottom
        for placement in renderer.pagination.placements:
            assert placement.box.bottom <= bottom + 0.01, (info.id, placement)
        assert renderer.page_count == max(p.page for p in renderer.pagination.placements) + 1


def test_print_goes_through_a_printer_in_the_same_layout(commands, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    configure_printer(printer, PaperSize.LETTER)
    pages = commands.print_to(printer)
    reader = PdfReader(tmp_path / "printed.pdf")
    assert len(reader.pages) == pages
    assert (
        pages == HandoutRenderer.for_map(commands.library, "hand", geometry_for(PaperSize.LETTER)).page_count
    )
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(SIZES[PaperSize.LETTER], abs=1.0)
    assert "Palmar and Dorsal Hand" in _text(reader)


@pytest.mark.parametrize("width", [1920, 3840])
def test_png_export_has_the_chosen_width_and_the_map_aspect(commands, tmp_path, width):
    from PySide6.QtGui import QImage

    path = tmp_path / "hand.png"
    commands.write_image(path, width)
    image = QImage(str(path))
    assert image.width() == width
    scene_rect = HandoutRenderer.for_map(
        commands.library, "hand", geometry_for(PaperSize.A4)
    ).scene.sceneRect()
    assert image.height() == round(width * scene_rect.height() / scene_rect.width())
    # the window's theme (dark here) colours the image: the corner is the dark canvas
    assert image.pixelColor(2, 2).name() == DARK.canvas
    assert path.stat().st_mode & 0o777 == 0o644


def test_svg_export_is_paths_and_text_not_a_bitmap(commands, tmp_path):
    path = tmp_path / "hand.svg"
    commands.write_image(path)
    svg = path.read_text(encoding="utf-8")
    assert svg.count("<path") > 50
    assert "<image" not in svg
    assert "Dot at the base" in svg
    assert "<title>Palmar and Dorsal Hand</title>" in svg


def test_a_file_that_cannot_be_written_is_named_in_the_error(commands, tmp_path):
    missing = tmp_path / "no-such-folder" / "hand.pdf"
    with pytest.raises(OSError, match="no-such-folder/hand.pdf"):
        commands.write_handout(missing, PaperSize.A4)
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        commands.write_image(tmp_path / "hand.gif")
    assert list(tmp_path.iterdir()) == []


def _request(library, mode, target, paper=PaperSize.A4):
    return BatchRequest(tuple(i.id for i in library.map_infos()), paper, mode, target)


def test_export_all_writes_one_whole_pdf_per_map(library, tmp_path, qapp):
    batch = HandoutBatch(library, _request(library, BatchMode.FOLDER, tmp_path / "out"))
    batch.start()
    batch.run_to_end()
    files = sorted((tmp_path / "out").iterdir())
    assert [f.name for f in files] == [
        f"fibromap-{i:02d}-{info.id}-a4.pdf" for i, info in enumerate(library.map_infos(), 1)
    ]
    for info, file in zip(library.map_infos(), files, strict=True):
        reader = PdfReader(file)
        assert reader.metadata.title == info.title
        assert info.title in _words(reader.pages[-1].extract_text())  # text-only pages read fast
    assert batch.written == files


def test_export_all_to_one_pdf_has_every_map(library, tmp_path, qapp):
    target = tmp_path / "all.pdf"
    batch = HandoutBatch(library, _request(library, BatchMode.COMBINED, target, PaperSize.LETTER))
    batch.start()
    batch.run_to_end()
    reader = PdfReader(target)
    counts = [
        HandoutRenderer.for_map(library, i.id, geometry_for(PaperSize.LETTER)).page_count
        for i in library.map_infos()
    ]
    assert len(reader.pages) == sum(counts) > len(counts)
    ends = [sum(counts[: i + 1]) - 1 for i in range(len(counts))]
    for info, end, count in zip(library.map_infos(), ends, counts, strict=True):
        text = _words(reader.pages[end].extract_text())
        assert f"FibroMap handout — {info.title} — page {count} of {count}" in text


def test_export_all_runs_in_steps_from_the_event_loop(library, tmp_path, qtbot):
    batch = HandoutBatch(library, _request(library, BatchMode.FOLDER, tmp_path / "out"))
    progress: list[int] = []
    batch.progressed.connect(lambda done, _text: progress.append(done))
    with qtbot.waitSignal(batch.finished, timeout=60000) as finished:
        batch.start()
        assert batch.running
        assert list((tmp_path / "out").iterdir()) == []  # nothing is done before the event loop runs
    assert len(finished.args[0]) == len(library.map_infos())
    assert len(progress) > 2 * len(library.map_infos())  # one step per page, not one per map
    assert progress == sorted(progress)


@pytest.mark.parametrize("mode", list(BatchMode))
def test_cancel_leaves_no_half_written_file(library, tmp_path, qapp, mode):
    out = tmp_path / "out"
    target = out if mode is BatchMode.FOLDER else tmp_path / "all.pdf"
    batch = HandoutBatch(library, _request(library, mode, target))
    batch.start()
    first_pages = HandoutRenderer.for_map(library, "hand", geometry_for(PaperSize.A4)).page_count
    for _ in range(first_pages + 2):  # the first map, and part of the second
        batch.step()
    batch.cancel()
    assert not batch.running
    if mode is BatchMode.FOLDER:
        files = sorted(out.iterdir())
        assert [f.name for f in files] == ["fibromap-01-hand-a4.pdf"]
        assert len(PdfReader(files[0]).pages) == first_pages
    else:
        assert list(tmp_path.iterdir()) == []
    leftovers = [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []


def test_export_all_reports_a_folder_it_cannot_write(library, tmp_path, qapp):
    target = tmp_path / "missing" / "all.pdf"
    batch = HandoutBatch(library, _request(library, BatchMode.COMBINED, target))
    failures: list[str] = []
    batch.failed.connect(failures.append)
    batch.start()
    batch.run_to_end()
    assert len(failures) == 1
    assert "missing/all.pdf" in failures[0]
    assert not batch.running


def test_handouts_are_light_whatever_the_window_theme(library):
    renderer = HandoutRenderer.for_map(library, "hip", geometry_for(PaperSize.A4))
    assert renderer.scene.backgroundBrush().color().name() == LIGHT.canvas


def test_the_file_menu_offers_the_exports(make_window, library):
    from PySide6.QtGui import QKeySequence

    from app.ui.actions import ActionId

    window = make_window(library)
    file_menu = window.menuBar().actions()[0].menu()
    names = [a.objectName() for a in file_menu.actions() if not a.isSeparator()]
    # Open Content Pack… comes first, as Open does in a File menu; then the exports, in this order.
    assert names[1:5] == ["export_handout", "print_handout", "export_image", "export_all"]
    shortcuts = window.actions_by_id[ActionId.PRINT_HANDOUT].shortcuts()
    assert QKeySequence(QKeySequence.StandardKey.Print) in shortcuts
    assert window.actions_by_id[ActionId.EXPORT_HANDOUT].shortcut() == QKeySequence("Ctrl+E")


@pytest.fixture
def no_dialogs(monkeypatch, tmp_path):
    """Answer the export dialogs without showing them; collect warnings."""
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    from app.ui.handout_options import ExportOptionsDialog

    answers = {"save": str(tmp_path / "out.pdf"), "folder": str(tmp_path / "folder"), "options": {}}
    warnings: list[str] = []

    def fake_exec(dialog):
        for name, value in answers["options"].items():
            widget = getattr(dialog, name)
            if name in ("one_file", "per_map"):
                widget.setChecked(value)
            else:
                widget.setCurrentIndex(value)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportOptionsDialog, "exec", fake_exec)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (answers["save"], ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: answers["folder"])
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    answers["warnings"] = warnings
    return answers


def test_export_handout_command_asks_paper_and_file_then_reports(commands, no_dialogs, tmp_path):
    no_dialogs["options"] = {"paper_box": 1}  # US Letter
    no_dialogs["save"] = str(tmp_path / "hand")  # the suffix is added
    commands.export_handout()
    reader = PdfReader(tmp_path / "hand.pdf")
    assert float(reader.pages[0].mediabox.height) == pytest.approx(792.0, abs=1)
    assert commands.paper is PaperSize.LETTER
    assert "hand.pdf" in commands.messages[-1]


def test_export_commands_show_a_clear_error_when_the_file_cannot_be_written(commands, no_dialogs, tmp_path):
    no_dialogs["save"] = str(tmp_path / "missing" / "hand.pdf")
    commands.export_handout()
    no_dialogs["options"] = {"format_box": 1}  # SVG
    no_dialogs["save"] = str(tmp_path / "missing" / "hand.svg")
    commands.export_image()
    assert len(no_dialogs["warnings"]) == 2
    assert all("missing/hand." in text for text in no_dialogs["warnings"])


def test_export_image_command_writes_svg_or_png(commands, no_dialogs, tmp_path):
    from PySide6.QtGui import QImage

    no_dialogs["options"] = {"format_box": 0, "width_box": 0}  # PNG, 1920 px
    no_dialogs["save"] = str(tmp_path / "map.png")
    commands.export_image()
    assert QImage(str(tmp_path / "map.png")).width() == 1920


def test_export_all_command_runs_with_a_progress_dialog_that_cancels(commands, no_dialogs, tmp_path, qtbot):
    from PySide6.QtWidgets import QProgressDialog

    no_dialogs["options"] = {"one_file": True}
    no_dialogs["save"] = str(tmp_path / "all.pdf")
    commands.export_all()
    batch = commands.batch
    assert batch is not None
    assert batch.running
    progress = commands.parent().findChild(QProgressDialog)
    qtbot.waitUntil(lambda: progress.value() >= 1, timeout=30000)  # the event loop ran steps
    progress.canceled.emit()  # what the Cancel button and Esc do
    assert not batch.running
    assert not (tmp_path / "all.pdf").exists()
    assert "cancelled" in commands.messages[-1]


def test_export_all_command_finishes_and_reports(commands, no_dialogs, tmp_path, qtbot):
    commands.export_all()  # one PDF per map into the chosen folder
    with qtbot.waitSignal(commands.batch.finished, timeout=60000):
        pass
    assert len(list((tmp_path / "folder").glob("*.pdf"))) == len(commands.library.map_infos())
    assert "Saved 9 files" in commands.messages[-1]


def test_zones_are_hatched_with_vector_bands_inside_the_zone(commands, library, tmp_path):
    from app.ui.handout_painter import map_scene
    from app.ui.map_items import ZoneItem

    scene = map_scene(library, "cervical")
    zones = [item for item in scene.items() if isinstance(item, ZoneItem)]
    assert zones
    for zone in zones:
        hatch = zone._hatch.boundingRect()
        assert not hatch.isEmpty()
        assert zone.path().boundingRect().adjusted(-1, -1, 1, 1).contains(hatch)  # nothing spills out
    # and the PDF has no pattern brush (a device-pixel bitmap tile) for them
    commands.write_handout(tmp_path / "cervical.pdf", PaperSize.A4, "cervical")
    resources = PdfReader(tmp_path / "cervical.pdf").pages[0]["/Resources"]
    assert not dict(resources.get("/Pattern") or {})  # Qt always writes the dictionary; it stays empty
