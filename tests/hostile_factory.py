"""Hostile packs too big (or too odd) to commit, made on demand from the example pack.

``python -m tests.hostile_factory DIR`` writes them all to DIR, to run
``fibromap validate`` on each by hand.
"""

from __future__ import annotations

import os
import shutil
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "docs" / "example-pack"
SVG = "maps/example-forearm.svg"
GIGABYTE = 1 << 30


def copy_example(dest: Path) -> Path:
    shutil.copytree(EXAMPLE, dest)
    return dest


def _replace_svg_path(pack: Path, path_data: str) -> None:
    svg = (pack / SVG).read_text(encoding="utf-8")
    (pack / SVG).write_text(svg.replace('<g id="labels">', f'<path d="{path_data}"/><g id="labels">'))


def json_too_large(dest: Path) -> Path:
    pack = copy_example(dest)
    text = (pack / "content.json").read_text(encoding="utf-8")
    padding = '"' + "x" * 6_000_000 + '"'
    (pack / "content.json").write_text(
        text.replace('"schema_version": 1', f'"padding": {padding}, "schema_version": 1')
    )
    return pack


def svg_too_large(dest: Path) -> Path:
    pack = copy_example(dest)
    svg = (pack / SVG).read_text(encoding="utf-8")
    (pack / SVG).write_text(svg.replace("</svg>", "<!--" + " " * 3_000_000 + "--></svg>"))
    return pack


def svg_million_segments(dest: Path) -> Path:
    """One path with a million segments (4 MB: over the file size limit)."""
    pack = copy_example(dest)
    _replace_svg_path(pack, "M0 0" + " l1 1" * 1_000_000)
    return pack


def svg_many_long_paths(dest: Path) -> Path:
    """Under 2 MB, each path under the length limit, but 300,000 numbers in all."""
    pack = copy_example(dest)
    paths = "".join(f'<path d="M0 0{" 1 1" * 15_000}"/>' for _ in range(10))
    svg = (pack / SVG).read_text(encoding="utf-8")
    (pack / SVG).write_text(svg.replace('<g id="labels">', f'<g id="notes">{paths}</g><g id="labels">'))
    return pack


def folder_symlink(dest: Path) -> Path:
    """A folder pack whose map is a symbolic link to a file outside the pack."""
    pack = copy_example(dest)
    outside = dest.parent / f"{dest.name}-outside.svg"
    shutil.copy(pack / SVG, outside)
    (pack / SVG).unlink()
    os.symlink(outside, pack / SVG)
    return pack


def _zeros_deflated(size: int) -> tuple[bytes, int]:
    """Return a raw deflate stream of ``size`` zero bytes and its CRC, without compressing a gigabyte.

    After a full flush the compressor starts afresh, so one compressed mebibyte
    repeated is a valid stream of many mebibytes; an empty final block ends it.
    """
    chunk = bytes(1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    count = size // len(chunk)
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(chunk, crc)
    return block * count + zlib.compressobj(9, zlib.DEFLATED, -15).flush(), crc


def _zero_stream_zip(dest: Path, name: str, size: int, declared: int | None = None) -> None:
    """Write a zip whose member ``name`` inflates to ``size`` zero bytes (about size/1000 compressed)."""
    data, crc = _zeros_deflated(size)
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(dest, "w") as archive:
        for member in ("pack.json", "content.json", SVG):
            if member != name:
                archive.write(EXAMPLE / member, member)
        # Write the already-compressed stream as it is, with the sizes we choose to declare.
        info.file_size = declared if declared is not None else size
        info.compress_size = len(data)
        info.CRC = crc
        info.header_offset = archive.fp.tell()  # type: ignore[union-attr]
        archive.fp.write(info.FileHeader())  # type: ignore[union-attr]
        archive.fp.write(data)  # type: ignore[union-attr]
        archive.filelist.append(info)
        archive.NameToInfo[name] = info
        archive.start_dir = archive.fp.tell()  # type: ignore[union-attr]


def zip_gigabyte_bomb(dest: Path) -> Path:
    """content.json inflates to 1 GiB of zeros, and says so."""
    path = dest.with_suffix(".zip")
    _zero_stream_zip(path, "content.json", GIGABYTE)
    return path


def zip_lying_bomb(dest: Path) -> Path:
    """content.json declares 4 KB but inflates to 64 MiB: the declared sizes alone would pass it."""
    path = dest.with_suffix(".zip")
    _zero_stream_zip(path, "content.json", 64 << 20, declared=4_000)
    return path


def zip_many_members(dest: Path) -> Path:
    """Twelve members of 4.9 MB each: every file under the limit, the pack over it."""
    path = dest.with_suffix(".zip")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in ("pack.json", "content.json", SVG):
            archive.write(EXAMPLE / member, member)
        for index in range(12):
            archive.writestr(f"extra/{index}.bin", bytes(4_900_000))
    return path


GENERATED: dict[str, Callable[[Path], Path]] = {
    "json-too-large": json_too_large,
    "svg-too-large": svg_too_large,
    "svg-million-segments": svg_million_segments,
    "svg-many-long-paths": svg_many_long_paths,
    "folder-symlink": folder_symlink,
    "zip-gigabyte-bomb": zip_gigabyte_bomb,
    "zip-lying-bomb": zip_lying_bomb,
    "zip-many-members": zip_many_members,
}


if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for case, make in GENERATED.items():
        print(make(out / case))  # noqa: T201
