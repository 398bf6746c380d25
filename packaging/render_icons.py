"""Render FibroMap's scalable icon to the PNG, .ico and .icns files desktops want.

Run from the repository: ``python packaging/render_icons.py`` (offscreen, no display
needed). It reads ``assets/icons/<APP_ID>.svg`` and writes

- ``packaging/linux/icons/hicolor/<N>x<N>/apps/<APP_ID>.png`` for the freedesktop
  hicolor theme (the SVG itself goes to ``scalable/apps``, see install-desktop.sh);
- ``packaging/windows/FibroMap.ico`` (16 to 256 px) for the Windows build;
- ``packaging/macos/FibroMap.icns`` (16 to 512 px) for the macOS build.

The outputs are committed; run this again after changing the SVG.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import APP_ID  # noqa: E402

PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512)


def render(svg: Path, size: int):  # -> QImage (Qt imported late: see main)
    """Render the SVG into a square transparent image of ``size`` pixels."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def png_bytes(image) -> bytes:  # image: QImage
    """Encode an image as PNG bytes."""
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """Pack PNG images into a Windows .ico (PNG entries, valid since Windows Vista)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, data in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        blobs += data
    return header + entries + blobs


ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """Pack PNG images into a macOS .icns (one PNG-encoded element per size)."""
    body = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", 8 + len(data)) + data for size, data in sorted(pngs.items())
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    """Render every icon file; returns the exit status."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    svg = ROOT / "assets" / "icons" / f"{APP_ID}.svg"
    here = ROOT / "packaging"
    for size in PNG_SIZES:
        target = here / "linux" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(svg, size).save(str(target), "PNG"):
            raise SystemExit(f"render_icons: cannot write {target}")
        print(f"wrote {target.relative_to(ROOT)}")  # noqa: T201
    pngs = {size: png_bytes(render(svg, size)) for size in sorted({*ICO_SIZES, *ICNS_SIZES})}
    outputs = {
        here / "windows" / "FibroMap.ico": ico_bytes({s: pngs[s] for s in ICO_SIZES}),
        here / "macos" / "FibroMap.icns": icns_bytes({s: pngs[s] for s in ICNS_SIZES}),
    }
    for target, data in outputs.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(f"wrote {target.relative_to(ROOT)}")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
