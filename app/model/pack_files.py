"""Read the files of a content pack, a folder or a .zip, without ever trusting their names or sizes.

A pack is read, never extracted: a folder's files are read only when they lie
inside the folder (no ``..``, no absolute names, no symbolic links out), and a
zip's members are decompressed in memory with a limit per file, a limit for the
whole pack and a limit on the compression ratio, counting the bytes that
actually come out (the sizes a zip declares can lie).
"""

from __future__ import annotations

import stat
import zipfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Protocol

from app.model.problems import ContentError, Problem

MAX_FILE_BYTES = 5_000_000  # one file of a pack (the content JSON limit; maps are smaller)
MAX_PACK_BYTES = 50_000_000  # every file of a pack together, uncompressed
MAX_RATIO = 100  # uncompressed / compressed for one zip member; text compresses ~5-10x
MAX_MEMBERS = 500
_CHUNK = 64 * 1024


class PackFiles(Protocol):
    """Where a pack's files come from."""

    label: str  # the pack as the user named it, for messages

    def read(self, name: str) -> bytes:
        """Return a file's bytes; raise :class:`ContentError` naming the file and the problem."""

    def exists(self, name: str) -> bool:
        """Return whether the pack holds a file of that name."""


def safe_name(name: str) -> PurePosixPath | None:
    """Return a relative name inside the pack, or None for one that could leave it."""
    path = PurePosixPath(name)
    if not name or "\\" in name or "\0" in name or path.is_absolute() or ":" in path.parts[0]:
        return None
    if any(part in ("..", "") for part in path.parts):
        return None
    return path


def _unsafe(label: str, name: str) -> ContentError:
    return ContentError.single(f"{label}/{name}", "file name", "leaves the pack's folder (refused)")


class FolderPack:
    """A pack that is a folder on disk."""

    def __init__(self, root: Path, label: str | None = None) -> None:
        self.root = root
        self.label = label or root.name

    def _path(self, name: str) -> Path:
        relative = safe_name(name)
        if relative is None:
            raise _unsafe(self.label, name)
        path = self.root / relative
        # A symbolic link (or a link among the folders) must not lead out of the pack.
        if path.is_symlink() or not path.resolve().is_relative_to(self.root.resolve()):
            raise ContentError.single(
                f"{self.label}/{name}", "file", "is a symbolic link; packs may hold only plain files"
            )
        return path

    def exists(self, name: str) -> bool:
        """Return whether the folder holds a plain file of that name."""
        try:
            return self._path(name).is_file()
        except ContentError:
            return True  # it is there; reading it reports why it cannot be used

    def read(self, name: str) -> bytes:
        """Return a file's bytes, refusing links out, non-files and files over the limit."""
        path = self._path(name)
        shown = f"{self.label}/{name}"
        try:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode):
                raise ContentError.single(shown, "file", "is not a plain file")
            if info.st_size > MAX_FILE_BYTES:
                raise ContentError.single(
                    shown, "file", f"is {info.st_size:,} bytes; the limit is {MAX_FILE_BYTES:,}"
                )
            with path.open("rb") as stream:
                data = stream.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise ContentError.single(shown, "file", f"cannot be read: {exc.strerror or exc}") from exc
        if len(data) > MAX_FILE_BYTES:
            raise ContentError.single(shown, "file", f"is over the limit of {MAX_FILE_BYTES:,} bytes")
        return data


class ZipPack:
    """A pack that is a .zip file, read member by member in memory.

    Every member name is checked when the zip is opened; one unsafe name (an
    absolute path, ``..``, a drive, a symbolic link) refuses the whole zip. A
    zip whose files all sit in one top-level folder is read from that folder.
    """

    def __init__(self, path: Path) -> None:
        self.label = path.name
        self._total = 0
        try:
            self._zip = zipfile.ZipFile(path)
            members = self._zip.infolist()
        except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, ValueError) as exc:
            raise ContentError.single(self.label, "file", f"is not a readable zip file: {exc}") from exc
        problems = list(self._check_members(members))
        if problems:
            self._zip.close()
            raise ContentError(problems)
        self._members = {m.filename: m for m in members if not m.is_dir()}
        self._prefix = _common_folder(self._members)

    def close(self) -> None:
        """Close the zip file."""
        self._zip.close()

    def _check_members(self, members: list[zipfile.ZipInfo]) -> Iterable[Problem]:
        if len(members) > MAX_MEMBERS:
            yield Problem(self.label, "file", f"has {len(members):,} entries; the limit is {MAX_MEMBERS}")
            return
        declared = 0
        for member in members:
            where = f"entry {member.filename[:120]!r}"
            if safe_name(member.filename.rstrip("/")) is None:
                yield Problem(self.label, where, "its path leaves the pack's folder (zip-slip; refused)")
            elif stat.S_ISLNK(member.external_attr >> 16):
                yield Problem(self.label, where, "is a symbolic link; packs may hold only plain files")
            elif member.file_size > MAX_FILE_BYTES:
                yield Problem(
                    self.label,
                    where,
                    f"expands to {member.file_size:,} bytes; the limit is {MAX_FILE_BYTES:,}",
                )
            declared += member.file_size
        if declared > MAX_PACK_BYTES:
            yield Problem(
                self.label, "file", f"expands to {declared:,} bytes in all; the limit is {MAX_PACK_BYTES:,}"
            )

    def exists(self, name: str) -> bool:
        """Return whether the zip holds a member of that name."""
        return self._prefix + name in self._members

    def read(self, name: str) -> bytes:
        """Decompress one member, counting real bytes against the limits."""
        shown = f"{self.label}/{name}"
        member = self._members.get(self._prefix + name)
        if safe_name(name) is None:
            raise _unsafe(self.label, name)
        if member is None:
            raise ContentError.single(shown, "file", "is missing from the pack")
        allowed = min(MAX_FILE_BYTES, MAX_PACK_BYTES - self._total, MAX_RATIO * max(member.compress_size, 1))
        chunks: list[bytes] = []
        size = 0
        try:
            with self._zip.open(member) as stream:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    if size > allowed:
                        raise ContentError.single(
                            shown,
                            "file",
                            f"expands past {allowed:,} bytes (a zip bomb?); packs are limited to "
                            f"{MAX_FILE_BYTES:,} bytes a file, {MAX_PACK_BYTES:,} in all "
                            f"and {MAX_RATIO}:1 compression",
                        )
                    chunks.append(chunk)
        except (OSError, zipfile.BadZipFile, EOFError, RuntimeError, NotImplementedError) as exc:
            raise ContentError.single(
                shown, "file", f"cannot be read from the zip (damaged, or its sizes lie): {exc}"
            ) from exc
        self._total += size
        return b"".join(chunks)


def _common_folder(names: Iterable[str]) -> str:
    """Return ``folder/`` when every member lies in one top-level folder holding pack.json."""
    tops = {name.split("/", 1)[0] for name in names if "/" in name}
    if len(tops) == 1 and all("/" in name for name in names):
        top = tops.pop()
        if f"{top}/pack.json" in names:
            return f"{top}/"
    return ""


def open_pack(path: Path) -> PackFiles:
    """Open a pack given as a folder, a .zip or the pack.json inside a folder.

    Raises:
        ContentError: the path is neither, or the zip is refused.
    """
    if path.is_file() and path.name == "pack.json":
        path = path.parent
    if path.is_dir():
        return FolderPack(path)
    if path.is_file() and (path.suffix.lower() == ".zip" or zipfile.is_zipfile(path)):
        return ZipPack(path)
    if not path.exists():
        raise ContentError.single(path.name or str(path), "file", "does not exist")
    raise ContentError.single(path.name, "file", "is neither a pack folder nor a .zip file")
