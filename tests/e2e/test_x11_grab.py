"""The screen grab's retry, with a stand-in ``xwd`` on PATH (no X server needed)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.e2e.x11 import GRAB_ATTEMPTS, AppWindow


def fake_xwd(folder: Path, failures: int) -> Path:
    """Put an ``xwd`` on PATH that fails ``failures`` times (as on BadWindow), then prints a dump."""
    count = folder / "calls"
    script = folder / "xwd"
    script.write_text(
        "#!/bin/sh\n"
        f'n=$(cat "{count}" 2>/dev/null || echo 0); n=$((n + 1)); echo $n > "{count}"\n'
        f'if [ $n -le {failures} ]; then echo "X Error of failed request: BadWindow" >&2; exit 1; fi\n'
        "printf 'DUMP'\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return count


@pytest.fixture
def window(tmp_path, monkeypatch) -> AppWindow:
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr("tests.e2e.x11.time.sleep", lambda _seconds: None)
    return AppWindow(":99", "1", tmp_path)


def test_a_grab_that_races_a_closing_window_is_tried_again(tmp_path, window):
    calls = fake_xwd(tmp_path, failures=2)
    assert window._dump_screen() == b"DUMP"
    assert calls.read_text().strip() == "3"


def test_a_grab_that_keeps_failing_says_what_xwd_printed(tmp_path, window):
    calls = fake_xwd(tmp_path, failures=GRAB_ATTEMPTS)
    with pytest.raises(RuntimeError, match="BadWindow"):
        window._dump_screen()
    assert calls.read_text().strip() == str(GRAB_ATTEMPTS)
