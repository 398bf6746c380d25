"""Fixtures that start FibroMap as its own process on an Xvfb display and find its window.

The app under test is ``FIBROMAP_E2E_COMMAND`` (split like a shell line), for example
the installed ``fibromap`` command or the frozen ``dist/FibroMap/FibroMap``; without it,
``python -m app`` from this interpreter. Grabs of the real window are saved under the
test's temporary folder, or under ``FIBROMAP_E2E_SHOTS`` when that is set.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.x11 import AppWindow, XServer, missing_tools

STARTUP_SECONDS = 90  # a cold start of the frozen app on a loaded 2-core machine


def app_command() -> list[str]:
    """Return the command that starts the FibroMap under test."""
    command = os.environ.get("FIBROMAP_E2E_COMMAND", "").strip()
    return shlex.split(command) if command else [sys.executable, "-m", "app"]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip the end-to-end tests, with the reason, where the X tools are missing."""
    missing = missing_tools()
    if not missing:
        return
    skip = pytest.mark.skip(
        reason=f"end-to-end tests need {', '.join(missing)} "
        "(Debian: xvfb xdotool x11-apps; ./dev.sh test and .ci/run install them)"
    )
    for item in items:
        if "e2e" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def x_server() -> Iterator[XServer]:
    """One Xvfb for the session, on a free display number."""
    server = XServer()
    yield server
    server.stop()


def _user_folders(root: Path) -> dict[str, str]:
    # A fresh user: no remembered window, layers or last map; notes go nowhere real.
    folders = {name: root / name for name in ("home", "config", "data", "cache", "runtime")}
    for folder in folders.values():
        folder.mkdir(mode=0o700, parents=True)
    return {
        "HOME": str(folders["home"]),
        "XDG_CONFIG_HOME": str(folders["config"]),
        "XDG_DATA_HOME": str(folders["data"]),
        "XDG_CACHE_HOME": str(folders["cache"]),
        "XDG_RUNTIME_DIR": str(folders["runtime"]),
    }


@pytest.fixture
def fibromap(x_server: XServer, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[AppWindow]:
    """Start FibroMap on the display, wait for its main window, and stop it afterwards."""
    shots_root = Path(os.environ.get("FIBROMAP_E2E_SHOTS") or tmp_path / "shots")
    shots = shots_root / request.node.name
    shots.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "DBUS_", "XDG_"))}
    env.update(_user_folders(tmp_path / "user"), DISPLAY=x_server.display, QT_QPA_PLATFORM="xcb")
    log = (tmp_path / "fibromap.log").open("w+")
    process = subprocess.Popen(app_command(), env=env, stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path)
    try:
        window = AppWindow(x_server.display, _find_window(x_server.display, process, log), shots)
        window.settle("started")
        yield window
        assert process.poll() is None, f"FibroMap ended during the test:\n{_read(log)}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        output = _read(log)
        log.close()
    assert "Traceback" not in output, output


def _find_window(display: str, process: subprocess.Popen[bytes], log) -> str:
    """Return the id of FibroMap's visible main window (its title ends in "FibroMap")."""
    env = {**os.environ, "DISPLAY": display}
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"FibroMap exited with {process.returncode} before showing a window:\n{_read(log)}")
        search = ["xdotool", "search", "--onlyvisible", "--name", "FibroMap$"]
        found = subprocess.run(search, env=env, capture_output=True, text=True).stdout.split()
        if found:
            return found[0]
        time.sleep(0.3)
    pytest.fail(f"no FibroMap window within {STARTUP_SECONDS} s:\n{_read(log)}")


def _read(log) -> str:
    log.flush()
    log.seek(0)
    return log.read()
