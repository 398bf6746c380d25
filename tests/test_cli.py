"""The app run as its own process, as a user or CI would run it."""

import os
import subprocess
import sys

from PySide6.QtGui import QImage

from app.services.library import load_library


def run_app(*args: str, cwd=None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "app", *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=120
    )


def test_screenshot_writes_every_map_and_selection(tmp_path):
    result = run_app("--screenshot", str(tmp_path / "shots"))
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "shots").glob("*.png"))
    for index, map_id in enumerate(load_library().catalog.maps, 1):
        stem = f"{index:02d}-{map_id}"
        assert {f"{stem}.png", f"{stem}-selected.png", f"{stem}-map-3840x2160.png"} <= set(names)
    image = QImage(str(tmp_path / "shots" / "01-hand.png"))
    assert (image.width(), image.height()) == (1440, 900)


def test_version_needs_no_display():
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    result = subprocess.run(
        [sys.executable, "-m", "app", "--version"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0
    assert result.stdout.startswith("FibroMap ")
