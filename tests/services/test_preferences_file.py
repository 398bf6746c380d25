"""Preferences: QSettings writes atomically (proved by killing a writer), and a damaged file is set aside."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.services.preferences_file import check_preferences
from tests.conftest import ROOT

NOW = datetime(2024, 3, 5, 14, 7, 9, tzinfo=UTC)


def settings_at(path: Path):
    return lambda: QSettings(str(path), QSettings.Format.IniFormat)


def test_a_good_or_missing_file_is_left_alone(tmp_path):
    path = tmp_path / "FibroMap.ini"
    assert check_preferences(settings_at(path), lambda: NOW) == ""
    assert not path.exists()
    path.write_text("[layers]\narrows=false\n")
    assert check_preferences(settings_at(path), lambda: NOW) == ""
    assert path.read_text() == "[layers]\narrows=false\n"


@pytest.mark.parametrize(
    "damaged",
    [
        b"[layers\narrows=false\n",
        b"[layers]\nthis line has no equals sign\n",
        b"\x00\x01garbage\nno-equals\n",
    ],
)
def test_a_damaged_file_is_set_aside_intact_and_reported(tmp_path, damaged):
    path = tmp_path / "FibroMap.ini"
    path.write_bytes(damaged)
    message = check_preferences(settings_at(path), lambda: NOW)
    aside = tmp_path / "FibroMap.ini.damaged-20240305T140709Z"
    assert message == f"Your preferences file was damaged; it was kept as {aside} and the defaults are used."
    assert aside.read_bytes() == damaged
    assert not path.exists()
    settings = settings_at(path)()
    settings.setValue("layers/arrows", True)
    settings.sync()
    assert aside.read_bytes() == damaged, "the next write never touches the damaged copy"


def test_a_second_damaged_file_never_replaces_the_first(tmp_path):
    path = tmp_path / "FibroMap.ini"
    for text in (b"[first\n", b"[second\n"):
        path.write_bytes(text)
        check_preferences(settings_at(path), lambda: NOW)
    assert (tmp_path / "FibroMap.ini.damaged-20240305T140709Z").read_bytes() == b"[first\n"
    assert (tmp_path / "FibroMap.ini.damaged-20240305T140709Z-2").read_bytes() == b"[second\n"


# The kill test. Starting a Python with Qt 200 times would take a minute, so one host process
# imports QtCore once and forks a fresh writer for each round; the test kills that writer.

HOST = """
import json, os, sys
from PySide6.QtCore import QSettings

target, naive = sys.argv[1], sys.argv[3] == "naive"
with open(sys.argv[2], encoding="utf-8") as stream:
    versions = json.load(stream)
for _ in sys.stdin:
    pid = os.fork()
    if pid == 0:
        count = 0
        while True:
            version = versions[count % len(versions)]
            if naive:
                with open(target, "wb") as stream:
                    stream.write(version["bytes"].encode())
            else:
                settings = QSettings(target, QSettings.Format.IniFormat)
                for key, value in version["values"].items():
                    settings.setValue(key, value)
                settings.sync()
            count += 1
    print(pid, flush=True)
    os.waitpid(pid, 0)
    print("reaped", flush=True)
"""


def make_versions(folder: Path) -> list[dict[str, object]]:
    """Two versions with the same keys and values that differ everywhere, and the bytes QSettings writes."""
    versions = []
    for index, letter in enumerate("AB"):
        values = {f"group{g}/key{k}": letter * (500 + 300 * index) for g in range(5) for k in range(20)}
        reference = folder / f"reference-{letter}.ini"
        settings = QSettings(str(reference), QSettings.Format.IniFormat)
        for key, value in values.items():
            settings.setValue(key, value)
        settings.sync()
        del settings
        versions.append({"values": values, "bytes": reference.read_text()})
    return versions


def kill_writers(target: Path, versions: list[dict[str, object]], times: int, naive: bool, seed: int):
    rng = random.Random(seed)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    mode = "naive" if naive else "qsettings"
    versions_file = target.parent / "versions.json"
    versions_file.write_text(json.dumps(versions), encoding="utf-8")
    with subprocess.Popen(
        [sys.executable, "-c", HOST, str(target), str(versions_file), mode],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
    ) as host:
        assert host.stdin is not None
        assert host.stdout is not None
        try:
            for _ in range(times):
                host.stdin.write(b"go\n")
                host.stdin.flush()
                pid = int(host.stdout.readline())
                time.sleep(rng.uniform(0.002, 0.03))
                os.kill(pid, signal.SIGKILL)
                assert host.stdout.readline() == b"reaped\n"
                yield target.read_bytes()
        finally:
            host.stdin.close()
            host.wait(timeout=30)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")
def test_qsettings_killed_at_random_moments_leaves_the_old_or_the_new_preferences(tmp_path):
    target = tmp_path / "prefs" / "FibroMap.ini"
    target.parent.mkdir()
    versions = make_versions(tmp_path)
    complete = {str(v["bytes"]).encode(): index for index, v in enumerate(versions)}
    target.write_bytes(str(versions[0]["bytes"]).encode())
    seed = random.randrange(2**32)
    seen = set()
    inside_sync = 0
    lock = target.with_name(target.name + ".lock")
    for kill, data in enumerate(kill_writers(target, versions, 200, naive=False, seed=seed), 1):
        assert data in complete, (
            f"after kill {kill} (seed {seed}) the file is {len(data):,} bytes: a mix or a cut"
        )
        seen.add(complete[data])
        # QSettings holds its lock file only while it writes: a lock left behind means the kill
        # landed in the middle of a write (the next writer clears the stale lock).
        inside_sync += lock.exists()
    assert seen == {0, 1}, "the writers never replaced the file, so the kills proved nothing"
    assert inside_sync > 0, "no kill landed during a write"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")
def test_the_preferences_kill_test_catches_a_writer_that_is_not_atomic(tmp_path):
    target = tmp_path / "prefs" / "FibroMap.ini"
    target.parent.mkdir()
    versions = make_versions(tmp_path)
    complete = {str(v["bytes"]).encode() for v in versions}
    target.write_bytes(str(versions[0]["bytes"]).encode())
    seed = random.randrange(2**32)
    caught = any(data not in complete for data in kill_writers(target, versions, 100, naive=True, seed=seed))
    assert caught, f"100 kills (seed {seed}) never caught a half-written file"
