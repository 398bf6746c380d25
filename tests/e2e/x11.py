"""A real X display for end-to-end tests: Xvfb, xdotool for input, xwd for what is on screen.

Everything here goes through the X server the way a user's desktop would: input is
synthesised with XTEST (``xdotool``), and screenshots are read from the screen
(``xwd -root``), so the app under test needs no test hooks.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage

TOOLS = ("Xvfb", "xdotool", "xwd")
SCREEN = (1600, 1000)
GRAB_ATTEMPTS = 5


def missing_tools() -> list[str]:
    """Return the X tools that are not on PATH (Debian: xvfb, xdotool, x11-apps)."""
    return [tool for tool in TOOLS if shutil.which(tool) is None]


class XServer:
    """An Xvfb server on a display number it picks itself (``-displayfd``), stopped by :meth:`stop`."""

    def __init__(self) -> None:
        read_end, write_end = os.pipe()
        width, height = SCREEN
        # -noreset: by default the server resets when its last client (one test's app) leaves,
        # and the next test's app, arriving during the reset, cannot connect.
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-noreset", "-nolisten", "tcp"]
            + ["-screen", "0", f"{width}x{height}x24"],
            pass_fds=(write_end,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_end)
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()  # written once the server accepts clients
        if not number:
            self.process.kill()
            raise RuntimeError("Xvfb did not start (no display number on -displayfd)")
        self.display = f":{number}"

    def stop(self) -> None:
        """Stop the server and wait for it."""
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def parse_xwd(data: bytes) -> QImage:
    """Decode an ``xwd`` dump of a 24/32-bit TrueColor screen (least significant byte first)."""
    header = struct.unpack(">25I", data[:100])
    header_size, version, _format, depth, width, height = header[:6]
    byte_order, bits_per_pixel, bytes_per_line, ncolors = header[7], header[11], header[12], header[19]
    # Least significant byte first: B, G, R (, unused) in memory.
    formats = {32: QImage.Format.Format_RGB32, 24: QImage.Format.Format_BGR888}
    if version != 7 or depth != 24 or byte_order != 0 or bits_per_pixel not in formats:
        raise ValueError(
            f"unexpected xwd dump (version {version}, depth {depth}, {bits_per_pixel} bits per pixel, "
            f"byte order {byte_order})"
        )
    start = header_size + 12 * ncolors  # pixels follow the window name and the colour map
    pixels = data[start : start + bytes_per_line * height]
    image = QImage(pixels, width, height, bytes_per_line, formats[bits_per_pixel])
    return image.convertToFormat(QImage.Format.Format_RGB32)


@dataclass
class AppWindow:
    """A top-level window of the app under test, driven through the X server."""

    display: str
    window_id: str
    shots: Path
    _count: int = 0

    def run(self, *args: str, timeout: float = 30) -> str:
        """Run an X tool on this display and return its output."""
        env = {**os.environ, "DISPLAY": self.display}
        result = subprocess.run(args, env=env, capture_output=True, timeout=timeout, check=True)
        return result.stdout.decode(errors="replace")

    def title(self) -> str:
        """Return the window's title as the desktop shows it."""
        return self.run("xdotool", "getwindowname", self.window_id).strip()

    def geometry(self) -> QRect:
        """Return the window's place and size on the screen."""
        values = dict(
            line.split("=", 1)
            for line in self.run("xdotool", "getwindowgeometry", "--shell", self.window_id).split()
        )
        return QRect(int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"]))

    def focus(self) -> None:
        """Give the window the keyboard focus (there is no window manager to do it)."""
        self.run("xdotool", "windowfocus", "--sync", self.window_id)

    def click(self, x: int, y: int) -> None:
        """Move the pointer to a point of the window and click the left button."""
        self.run("xdotool", "mousemove", "--sync", "--window", self.window_id, str(x), str(y), "click", "1")

    def key(self, *keys: str) -> None:
        """Press keys (xdotool names: ``space``, ``ctrl+f``, ``Return``) into the focused window."""
        self.focus()
        self.run("xdotool", "key", "--delay", "60", *keys)

    def type(self, text: str) -> None:
        """Type text into the focused widget, key by key."""
        self.run("xdotool", "type", "--delay", "40", text)

    def grab(self, name: str) -> QImage:
        """Return the window's part of the screen (popups over it included); saved as a PNG."""
        image = parse_xwd(self._dump_screen()).copy(self.geometry())
        self._count += 1
        image.save(str(self.shots / f"{self._count:02d}-{name}.png"))
        return image

    def _dump_screen(self) -> bytes:
        # xwd walks the window tree (XQueryTree, then the attributes of each window) before it
        # reads the pixels; a window the app destroys during that walk (a popup, a tooltip)
        # ends xwd with BadWindow. That race is the grab's, not the app's: try again.
        errors = []
        for _attempt in range(GRAB_ATTEMPTS):
            result = subprocess.run(
                ["xwd", "-root", "-silent"],
                env={**os.environ, "DISPLAY": self.display},
                capture_output=True,
                timeout=30,
            )
            if result.returncode == 0:
                return result.stdout
            errors.append(result.stderr.decode(errors="replace").strip() or f"exit {result.returncode}")
            time.sleep(0.2)
        raise RuntimeError(f"xwd could not read the screen in {GRAB_ATTEMPTS} tries:\n" + "\n".join(errors))

    def wait_for_title(self, wanted: Callable[[str], bool], timeout: float = 20) -> str:
        """Wait until the title satisfies ``wanted``; return it (the last one seen on timeout)."""
        deadline = time.monotonic() + timeout
        title = self.title()
        while not wanted(title) and time.monotonic() < deadline:
            time.sleep(0.2)
            title = self.title()
        return title

    def settle(self, name: str, timeout: float = 20) -> QImage:
        """Wait until two grabs half a second apart are the same; return the last."""
        deadline = time.monotonic() + timeout
        before = self.grab(f"{name}-settling")
        while True:
            time.sleep(0.5)
            after = self.grab(name)
            if after == before or time.monotonic() > deadline:
                return after
            before = after


def changed_box(a: QImage, b: QImage, step: int = 2) -> QRect:
    """Return the bounding box of the pixels that differ between two grabs (empty if none)."""
    if a.size() != b.size():
        return QRect(0, 0, max(a.width(), b.width()), max(a.height(), b.height()))
    left, top, right, bottom = a.width(), a.height(), -1, -1
    for y in range(0, a.height(), step):
        row_a, row_b = _row(a, y), _row(b, y)
        if row_a == row_b:
            continue
        for x in range(0, a.width(), step):
            if row_a[4 * x : 4 * x + 4] != row_b[4 * x : 4 * x + 4]:
                left, right = min(left, x), max(right, x)
                top, bottom = min(top, y), max(bottom, y)
    return QRect() if right < 0 else QRect(left, top, right - left + 1, bottom - top + 1)


def _row(image: QImage, y: int) -> bytes:
    return bytes(image.constScanLine(y))[: 4 * image.width()]
