"""The desktop-integration files: one application id everywhere, icons of the sizes named."""

import configparser
import importlib.util
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from defusedxml import ElementTree
from PySide6.QtGui import QImage

from app import APP_ID, __version__
from app.services.resources import icon_file

ROOT = Path(__file__).resolve().parent.parent
# packaging/ is not a Python package (its name would shadow the `packaging` library).
_spec = importlib.util.spec_from_file_location("render_icons", ROOT / "packaging" / "render_icons.py")
render_icons = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(render_icons)
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"


def test_the_desktop_file_names_the_app_and_its_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Icon"] == APP_ID
    assert section["Exec"] == "fibromap"  # the pyproject gui-script


def test_the_metainfo_names_the_same_id_launcher_binary_and_version():
    root = ElementTree.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == "fibromap"
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"
    assert root.find("releases/release").get("version") == __version__
    assert root.find("content_rating").get("type") == "oars-1.1"
    for image in root.iter("image"):  # each screenshot is a file in the repository
        assert (ROOT / image.text.split("/main/", 1)[1]).is_file(), image.text


def test_each_png_icon_has_its_size_and_matches_the_svg(qapp):
    for size in render_icons.PNG_SIZES:
        png = LINUX / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        image = QImage(str(png)).convertToFormat(QImage.Format.Format_ARGB32)
        assert (image.width(), image.height()) == (size, size), png
        # Transparent corners (the rounded tile), opaque centre.
        assert image.pixelColor(0, 0).alpha() == 0
        assert image.pixelColor(size // 2, size // 2).alpha() == 255
        # Up to date with the SVG (run packaging/render_icons.py after changing it).
        fresh = render_icons.render(icon_file(), size).convertToFormat(QImage.Format.Format_ARGB32)
        step = max(1, size // 32)
        worst = max(
            abs(image.pixelColor(x, y).red() - fresh.pixelColor(x, y).red())
            + abs(image.pixelColor(x, y).alpha() - fresh.pixelColor(x, y).alpha())
            for x in range(0, size, step)
            for y in range(0, size, step)
        )
        assert worst <= 16, f"{png} is older than the SVG: run packaging/render_icons.py"


def test_the_windows_and_macos_icons_hold_every_size():
    ico = (ROOT / "packaging" / "windows" / "FibroMap.ico").read_bytes()
    _reserved, kind, count = struct.unpack("<HHH", ico[:6])
    sides = [ico[6 + 16 * i] or 256 for i in range(count)]
    assert kind == 1
    assert sorted(sides) == sorted(render_icons.ICO_SIZES)
    icns = (ROOT / "packaging" / "macos" / "FibroMap.icns").read_bytes()
    assert icns[:4] == b"icns"
    assert struct.unpack(">I", icns[4:8])[0] == len(icns)
    for kind_code in render_icons.ICNS_TYPES.values():
        assert kind_code in icns


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="needs desktop-file-utils")
def test_the_desktop_file_validates():
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert "error" not in result.stdout, result.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="needs appstream")
def test_the_metainfo_validates():
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
