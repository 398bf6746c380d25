"""The start paints in plain Fusion and installs the accessible style when idle: the same first picture."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from app.ui.accessible_style import AccessibleStyle
from app.ui.appearance import Appearance, apply_to_application, install_style
from app.ui.scene_shelf import IdleQueue
from app.ui.theme import DARK, LIGHT
from tests.conftest import ROOT


def test_apply_without_the_style_sets_palette_and_font_and_leaves_the_style(qapp, restore_appearance):
    qapp.setStyle(QStyleFactory.create("Fusion"))
    before = qapp.style()
    apply_to_application(Appearance(DARK, 150), style_now=False)
    assert qapp.style() is before
    assert not isinstance(qapp.style(), AccessibleStyle)
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 80


def test_install_style_installs_once_then_follows_the_text_size(qapp, restore_appearance):
    qapp.setStyle(QStyleFactory.create("Fusion"))
    install_style(1.5)
    style = qapp.style()
    assert isinstance(style, AccessibleStyle)
    assert style.text_factor == 1.5
    install_style(2.0)
    assert qapp.style() is style
    assert style.text_factor == 2.0


def test_a_job_queued_first_runs_before_the_others(qapp):
    ran: list[str] = []
    queue = IdleQueue()
    queue.add(lambda: ran.append("thumbnail"))
    queue.add(lambda: ran.append("style"), first=True)
    queue.run_all()
    assert ran == ["style", "thumbnail"]


@pytest.mark.parametrize("percent", [100, 150, 200])
def test_installing_the_accessible_style_after_the_first_paint_changes_no_pixel(
    make_window, mini_library, qapp, restore_appearance, percent
):
    # Should this fail, the first screen shows a check box, a radio button or a focus frame:
    # then install the accessible style before the first paint again (app.main).
    qapp.setStyle(QStyleFactory.create("Fusion"))
    appearance = Appearance(LIGHT, percent)
    apply_to_application(appearance, style_now=False)
    window = make_window(mini_library)
    window.left_tabs.tabBar().setFocus()
    window.idle.run_all()  # the thumbnails, so that only the style changes between the pictures
    QApplication.processEvents()
    first = window.grab().toImage()
    install_style(appearance.text_factor)
    QApplication.processEvents()
    assert isinstance(qapp.style(), AccessibleStyle)
    assert window.grab().toImage() == first


def test_the_started_app_has_the_accessible_style_and_its_icon_once_idle(tmp_path):
    probe = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "import app.ui.main_window as mw\n"
        "shown = mw.MainWindow.show\n"
        "def show(self):\n"
        "    shown(self)\n"
        "    def check():\n"
        "        icon = not QApplication.windowIcon().isNull()\n"
        "        print(type(QApplication.style()).__name__, self.idle.pending, icon)\n"
        "        QApplication.quit()\n"
        "    QTimer.singleShot(2000, check)\n"
        "mw.MainWindow.show = show\n"
        "from app.main import main\n"
        "sys.exit(main([]))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for var, sub in (("XDG_CACHE_HOME", "cache"), ("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data")):
        env[var] = str(tmp_path / sub)
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["AccessibleStyle", "0", "True"]
