"""The app run as its own process, as a user or CI would run it."""

import os
import subprocess
import sys

from PySide6.QtGui import QImage

from app.services.library import load_library


def run_app(*args: str, cwd=None, **env_vars: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env_vars}
    return subprocess.run(
        [sys.executable, "-m", "app", *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=120
    )


def test_screenshot_writes_every_map_and_selection(tmp_path):
    # A user who last looked at another map: the screenshots still show a fresh user's view,
    # and leave the user's settings as they were.
    settings = tmp_path / "config" / "FibroMap" / "FibroMap.ini"
    settings.parent.mkdir(parents=True)
    settings.write_text("[session]\nlast_map=tender-points\n[layers]\nnumbers=false\n")
    before = settings.read_bytes()
    result = run_app("--screenshot", str(tmp_path / "shots"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    assert result.returncode == 0, result.stderr
    assert settings.read_bytes() == before
    assert [p.name for p in settings.parent.iterdir()] == ["FibroMap.ini"]
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
