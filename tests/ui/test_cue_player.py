"""Cue sounds: made here as WAV files, and silent without a word where sound is missing."""

from __future__ import annotations

import struct
import sys
import wave

import pytest

from app.ui.cue_player import CUE_NAMES, CuePlayer, Note, cue_files, sound_server_present, synthesise

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="sound servers are looked for on Linux"
)


@pytest.fixture
def no_sound_server(monkeypatch, tmp_path):
    monkeypatch.delenv("PULSE_SERVER", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))


@linux_only
def test_no_sound_server_means_silence_without_warnings(qapp, no_sound_server):
    # qt_log_level_fail = WARNING fails this test on any Qt warning.
    player = CuePlayer()
    assert not player.available
    for name in CUE_NAMES:
        player.play(name)
    player.muted = True
    assert player.muted
    player.play("end")


def test_the_player_on_this_machine_stays_quiet(qapp):
    """Whatever this machine has (offscreen tests usually have no audio): no error, no warning."""
    player = CuePlayer()
    player.play("start")
    player.muted = True
    player.play("end")


def test_a_disabled_player_never_loads_qtmultimedia(qapp, monkeypatch):
    before = "PySide6.QtMultimedia" in sys.modules
    player = CuePlayer(enabled=False)
    player.play("start")
    assert not player.available
    assert ("PySide6.QtMultimedia" in sys.modules) == before


@linux_only
@pytest.mark.parametrize("socket", ["pulse/native", "pipewire-0"])
def test_sound_server_sockets_are_found(tmp_path, socket):
    path = tmp_path / socket
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()
    assert sound_server_present({"XDG_RUNTIME_DIR": str(tmp_path)})


@linux_only
def test_no_socket_means_no_sound_server(tmp_path):
    assert not sound_server_present({"XDG_RUNTIME_DIR": str(tmp_path)})
    assert sound_server_present({"XDG_RUNTIME_DIR": str(tmp_path), "PULSE_SERVER": "tcp:host"})


def read_samples(path) -> tuple[wave._wave_params, list[int]]:
    with wave.open(str(path), "rb") as wav:
        params = wav.getparams()
        frames = wav.readframes(params.nframes)
    return params, list(struct.unpack(f"<{params.nframes}h", frames))


def test_cue_sounds_are_short_clean_mono_wavs(tmp_path):
    files = cue_files(tmp_path)
    assert set(files) == set(CUE_NAMES)
    lengths = set()
    for name, path in files.items():
        params, samples = read_samples(path)
        assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, 44_100), name
        seconds = params.nframes / params.framerate
        assert 0.05 < seconds < 1.5, name
        peak = max(abs(s) for s in samples)
        assert 8000 < peak < 32767, f"{name}: audible and not clipped"
        assert abs(samples[0]) < 500, f"{name}: starts without a click"
        assert abs(samples[-1]) < 500, f"{name}: ends without a click"
        lengths.add(params.nframes)
    assert len(lengths) == len(CUE_NAMES), "each cue sounds different (at least in length)"


def test_cue_sounds_are_written_once(tmp_path):
    files = cue_files(tmp_path)
    stamps = {name: path.stat().st_mtime_ns for name, path in files.items()}
    path = files["end"]
    path.write_bytes(path.read_bytes())  # a later run must not rewrite it
    stamp = path.stat().st_mtime_ns
    cue_files(tmp_path)
    assert path.stat().st_mtime_ns == stamp
    assert set(stamps) == set(CUE_NAMES)
    assert not list(tmp_path.glob("*.partial"))


def test_overlapping_notes_do_not_clip():
    loud = (Note(440.0, 0.0, 0.3, 1.0), Note(660.0, 0.0, 0.3, 1.0))
    samples = struct.unpack(f"<{len(synthesise(loud)) // 2}h", synthesise(loud))
    assert max(abs(s) for s in samples) <= 32767 * 0.9 + 1
