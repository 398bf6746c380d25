"""Short, distinct sounds for the timer's cues, made here and played with QSoundEffect.

The sounds are synthesised (sine partials under an envelope, 16-bit mono WAV)
and written once into the cache folder. QtMultimedia is imported only when a
sound server is there to play them: merely importing it without one makes Qt
print warnings (missing PipeWire and VA-API libraries, "PulseAudioService:
pa_context_connect() failed"), and the timer must stay silent and quiet on a
machine without sound, showing its cues alone.
"""

from __future__ import annotations

import math
import os
import struct
import sys
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLoggingCategory, QObject, QStandardPaths, QUrl

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

RATE = 44_100
SOUND_VERSION = 1  # bump when a tone changes, so caches are rewritten
CUE_NAMES = ("get_ready", "start", "warning", "end", "mark")


@dataclass(frozen=True)
class Note:
    """One note of a cue: a frequency (Hz) from ``at`` seconds on, for ``length`` seconds."""

    freq: float
    at: float
    length: float
    level: float = 0.5


# Distinct by rhythm and contour, not by pitch alone: a blip, a rising pair,
# a quick double beep, a falling three-note chime, one soft low note.
TONES: dict[str, tuple[Note, ...]] = {
    "get_ready": (Note(880.0, 0.0, 0.09, 0.35),),
    "start": (Note(659.3, 0.0, 0.14), Note(987.8, 0.13, 0.22)),
    "warning": (Note(1046.5, 0.0, 0.1, 0.45), Note(1046.5, 0.17, 0.1, 0.45)),
    "end": (Note(1046.5, 0.0, 0.3), Note(784.0, 0.22, 0.3), Note(523.3, 0.44, 0.7)),
    "mark": (Note(523.3, 0.0, 0.45, 0.4),),
}


def synthesise(notes: tuple[Note, ...], rate: int = RATE) -> bytes:
    """Return 16-bit little-endian mono samples for a cue.

    Each note is a sine with a quieter octave partial, a 6 ms attack and an
    exponential decay that reaches silence at its end, so nothing clicks. The
    cue is scaled so its loudest note level (0.5 = full) sets its peak.
    """
    total = max(n.at + n.length for n in notes) + 0.02
    samples = [0.0] * int(total * rate)
    attack = 0.006
    for note in notes:
        start, count = int(note.at * rate), int(note.length * rate)
        for i in range(count):
            t = i / rate
            envelope = min(1.0, t / attack) * math.exp(-4.0 * t / note.length) * (1 - i / count)
            wave_value = math.sin(2 * math.pi * note.freq * t) + 0.25 * math.sin(4 * math.pi * note.freq * t)
            samples[start + i] += note.level * envelope * wave_value / 1.25
    # Loudest note level 0.5 peaks at 90 % of full scale; overlapping notes never clip.
    target = 0.9 * min(1.0, max(n.level for n in notes) / 0.5)
    gain = 32767 * target / max(1e-9, max(abs(s) for s in samples))
    return struct.pack(f"<{len(samples)}h", *(round(s * gain) for s in samples))


def write_wav(path: Path, frames: bytes, rate: int = RATE) -> None:
    """Write mono 16-bit samples to ``path`` atomically (write, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    with wave.open(str(partial), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)
    partial.replace(path)


def cue_files(folder: Path) -> dict[str, Path]:
    """Return the WAV file of every cue in ``folder``, writing those that are missing."""
    files = {}
    for name in CUE_NAMES:
        path = folder / f"{name}-v{SOUND_VERSION}.wav"
        if not path.is_file():
            write_wav(path, synthesise(TONES[name]))
        files[name] = path
    return files


def sound_folder() -> Path:
    """Return the folder for the cue sounds: the app's cache, else a temporary folder."""
    cache = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    if cache:
        return Path(cache) / "cue-sounds"
    return Path(tempfile.gettempdir()) / f"fibromap-cue-sounds-{os.getuid() if hasattr(os, 'getuid') else 0}"


def sound_server_present(environ: dict[str, str] | None = None) -> bool:
    """Say whether a sound server may be reachable, without touching QtMultimedia.

    On Linux, QtMultimedia plays through PulseAudio or PipeWire; with neither
    socket present there is nothing to play on. Elsewhere the system's own
    audio is always there to ask.
    """
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return True
    if env.get("PULSE_SERVER"):
        return True
    runtime = env.get("XDG_RUNTIME_DIR") or (f"/run/user/{os.getuid()}" if hasattr(os, "getuid") else "")
    if not runtime:
        return False
    folder = Path(runtime)
    return (folder / "pulse" / "native").exists() or (folder / "pipewire-0").exists()


class CuePlayer(QObject):
    """Plays the cue sounds; silent, with no error and no warning, where sound is missing.

    Args:
        parent: the owning QObject.
        enabled: ``False`` never plays (and never loads QtMultimedia); ``None``
            plays where a sound server and an audio output exist.
        folder: where to keep the WAV files (default: :func:`sound_folder`).
    """

    def __init__(
        self, parent: QObject | None = None, *, enabled: bool | None = None, folder: Path | None = None
    ) -> None:
        super().__init__(parent)
        self._muted = False
        self._effects: dict[str, QSoundEffect] = {}
        if enabled is False or not sound_server_present():
            return
        self._effects = self._load(folder or sound_folder())

    @property
    def available(self) -> bool:
        """Whether sounds can be heard at all on this machine."""
        return bool(self._effects)

    @property
    def muted(self) -> bool:
        """Whether :meth:`play` stays silent."""
        return self._muted

    @muted.setter
    def muted(self, muted: bool) -> None:
        self._muted = muted
        if muted:
            for effect in self._effects.values():
                effect.stop()

    def play(self, name: str) -> None:
        """Play the sound of a cue (one of :data:`CUE_NAMES`); unknown names are ignored."""
        effect = self._effects.get(name)
        if effect is None or self._muted:
            return
        effect.stop()
        effect.play()

    def _load(self, folder: Path) -> dict[str, QSoundEffect]:
        # Qt probes for optional libraries (PipeWire, VA-API) when QtMultimedia
        # loads and warns about each one missing; none is needed to play a WAV.
        QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError:
            return {}
        if not QMediaDevices.audioOutputs():
            return {}
        try:
            files = cue_files(folder)
        except OSError:
            return {}
        effects = {}
        for name, path in files.items():
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(0.8)
            effects[name] = effect
        return effects
