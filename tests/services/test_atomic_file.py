"""Atomic writes: the target is always the old or the new version, even when the writer is killed."""

from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services.atomic_file import remove_leftovers, temporary_files, write_atomically
from tests.conftest import ROOT


def test_writes_a_new_file_and_replaces_an_old_one(tmp_path):
    target = tmp_path / "notes.json"
    write_atomically(target, b"first")
    assert target.read_bytes() == b"first"
    write_atomically(target, b"second, longer")
    assert target.read_bytes() == b"second, longer"
    write_atomically(target, b"")
    assert target.read_bytes() == b""
    assert temporary_files(target) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.json"]


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_the_file_is_private_to_the_user(tmp_path):
    target = tmp_path / "notes.json"
    write_atomically(target, b"x")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_write_interrupted_before_the_rename_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "notes.json"
    write_atomically(target, b"previous version")

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(target, b"new version")
    assert target.read_bytes() == b"previous version"
    assert temporary_files(target) == [], "the temporary file is cleaned up"


@pytest.mark.parametrize("exception", [OSError(5, "Input/output error"), KeyboardInterrupt()])
def test_a_failed_sync_leaves_the_old_file(tmp_path, monkeypatch, exception):
    target = tmp_path / "notes.json"
    write_atomically(target, b"previous version")

    def fail(descriptor: int) -> None:
        raise exception

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(type(exception)):
        write_atomically(target, b"new version")
    assert target.read_bytes() == b"previous version"
    assert temporary_files(target) == []


def test_a_missing_folder_is_an_error_not_a_surprise_folder(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_atomically(tmp_path / "missing" / "notes.json", b"x")
    assert not (tmp_path / "missing").exists()


@pytest.mark.skipif(os.name == "nt", reason="folders are not synced on Windows")
def test_the_data_is_synced_before_the_rename_and_the_folder_after(tmp_path, monkeypatch):
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(descriptor: int) -> None:
        events.append("sync folder" if stat.S_ISDIR(os.fstat(descriptor).st_mode) else "sync file")
        real_fsync(descriptor)

    def replace(source: str, target: Path) -> None:
        events.append("rename")
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    write_atomically(tmp_path / "notes.json", b"x")
    assert events == ["sync file", "rename", "sync folder"]


def test_a_folder_that_cannot_be_synced_is_passed_over(tmp_path, monkeypatch):
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        if stat.S_ISDIR(os.fstat(descriptor).st_mode):
            raise OSError(22, "Invalid argument")
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)
    write_atomically(tmp_path / "notes.json", b"x")
    assert (tmp_path / "notes.json").read_bytes() == b"x"


def test_old_leftovers_are_removed_and_fresh_ones_and_other_files_kept(tmp_path):
    target = tmp_path / "notes.json"
    old = tmp_path / ".notes.json.abc123.tmp"
    fresh = tmp_path / ".notes.json.def456.tmp"
    others = [tmp_path / ".other.json.abc123.tmp", tmp_path / "notes.json.damaged-20240101T000000Z"]
    for path in (old, fresh, *others):
        path.write_bytes(b"partial")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    assert temporary_files(target) == [old, fresh]
    assert remove_leftovers(target) == [old]
    assert not old.exists()
    assert fresh.exists()
    assert all(p.exists() for p in others)
    assert remove_leftovers(target, older_than=0) == [fresh]


# The kill test: a separate process rewrites the file in a loop and is killed at random moments.

WRITER = """
import sys
from pathlib import Path
from app.services.atomic_file import write_atomically

target = Path(sys.argv[1])
versions = [Path(name).read_bytes() for name in sys.argv[2:]]
print("ready", flush=True)
count = 0
while True:
    write_atomically(target, versions[count % len(versions)])
    count += 1
"""

NAIVE_WRITER = WRITER.replace("write_atomically(target, ", "target.write_bytes(")


def make_versions(folder: Path) -> list[Path]:
    """Three versions that differ in every byte and in length, so any mix or cut is visible."""
    folder.mkdir()
    paths = []
    for index, size in enumerate((300_000, 200_000, 100_000)):
        path = folder / f"version-{index}"
        path.write_bytes(bytes([65 + index]) * size + f"|end of version {index}".encode())
        paths.append(path)
    return paths


def kill_repeatedly(code: str, target: Path, versions: list[Path], times: int, seed: int) -> Iterator[bytes]:
    """Start a writer, let it run for 0-15 ms, SIGKILL it; yield the file after each kill."""
    rng = random.Random(seed)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(times):
        with subprocess.Popen(
            [sys.executable, "-c", code, str(target), *map(str, versions)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=target.parent,
        ) as writer:
            assert writer.stdout is not None
            assert writer.stderr is not None
            line = writer.stdout.readline()
            assert line == b"ready\n", writer.stderr.read().decode(errors="replace")
            time.sleep(rng.uniform(0, 0.015))
            os.kill(writer.pid, signal.SIGKILL)
            assert writer.wait() == -signal.SIGKILL, writer.stderr.read().decode(errors="replace")
        yield target.read_bytes()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_writer_killed_at_random_moments_never_leaves_a_mix_or_an_empty_file(tmp_path):
    target = tmp_path / "data" / "notes.json"
    target.parent.mkdir()
    versions = make_versions(tmp_path / "versions")
    contents = {path.read_bytes(): index for index, path in enumerate(versions)}
    target.write_bytes(versions[0].read_bytes())
    seen: set[int] = set()
    leftovers = 0
    seed = random.randrange(2**32)
    for kill, data in enumerate(kill_repeatedly(WRITER, target, versions, 200, seed), 1):
        complete = data in contents
        assert complete, (
            f"after kill {kill} (seed {seed}) the file is {len(data):,} bytes "
            f"starting {data[:8]!r}: not one complete version"
        )
        seen.add(contents[data])
        # Kills that land mid-write leave a temporary file; count and clear them.
        leftovers += len(remove_leftovers(target, older_than=0))
    assert len(seen) > 1, "the writer never replaced the file, so the kills proved nothing"
    assert leftovers > 0, "no kill landed between the temporary file and the rename"


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_the_kill_test_catches_a_writer_that_is_not_atomic(tmp_path):
    """The same harness with ``Path.write_bytes``: it must see a cut or empty file."""
    target = tmp_path / "notes.json"
    versions = make_versions(tmp_path / "versions")
    complete = {path.read_bytes() for path in versions}
    target.write_bytes(versions[0].read_bytes())
    seed = random.randrange(2**32)
    caught = any(data not in complete for data in kill_repeatedly(NAIVE_WRITER, target, versions, 100, seed))
    assert caught, f"100 kills (seed {seed}) never caught a half-written file"
