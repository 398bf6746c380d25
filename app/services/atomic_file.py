"""Write a file so that it is always the old or the new version, never a mix or empty.

The bytes go to a temporary file in the same folder, are flushed and synced
to the disk, and the temporary file is then renamed onto the target with
``os.replace`` (atomic on POSIX and on NTFS); finally the folder is synced so
the rename itself survives a power loss. A process killed at any moment
leaves the target as it was before or as it is after, plus at worst a
temporary file named ``.<name>.<random>.tmp``, which
:func:`remove_leftovers` clears later.

Every write of user data (notes, stars, preferences) goes through
:func:`write_atomically`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

TEMP_SUFFIX = ".tmp"
DAMAGED_INFIX = ".damaged-"


def write_atomically(path: Path, data: bytes) -> None:
    """Replace a file's contents with ``data`` in one step.

    The file is created with owner-only permissions (0600 on POSIX), as user
    data should be; a symbolic link at ``path`` is replaced by a regular file.

    Args:
        path: the file to write; its folder must exist.
        data: the new contents.

    Raises:
        OSError: the data could not be written or the rename failed; the file at
            ``path`` is then unchanged and no temporary file is left behind.
    """
    folder = path.parent
    descriptor, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    sync_folder(folder)


def temporary_files(path: Path) -> list[Path]:
    """Return the temporary files :func:`write_atomically` may have left for ``path``."""
    prefix = f".{path.name}."
    try:
        entries = list(path.parent.iterdir())
    except OSError:
        return []
    return sorted(e for e in entries if e.name.startswith(prefix) and e.name.endswith(TEMP_SUFFIX))


def remove_leftovers(path: Path, older_than: float = 600.0) -> list[Path]:
    """Delete temporary files left by writes of ``path`` that were killed.

    Args:
        path: the target file whose leftovers to remove.
        older_than: only files last modified at least this many seconds ago, so a
            write in progress in another process is not disturbed.

    Returns:
        The files removed.
    """
    removed = []
    now = time.time()
    for temp in temporary_files(path):
        with contextlib.suppress(OSError):
            if now - temp.stat().st_mtime >= older_than:
                temp.unlink()
                removed.append(temp)
    return removed


def sync_folder(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` survive a power loss (nothing on Windows).

    Raises:
        OSError: the folder could not be synced (file systems that cannot sync a
            folder at all are passed over).
    """
    if os.name == "nt":  # Windows cannot open a folder; NTFS journals the rename itself
        return
    descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(descriptor)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP):  # file systems that cannot sync a folder
            raise
    finally:
        os.close(descriptor)


def set_aside(path: Path, now: datetime) -> Path:
    """Rename a damaged file to ``<name>.damaged-<UTC time>`` (``-2``, ``-3``… if taken), never over another.

    Returns:
        The new name.

    Raises:
        OSError: the file could not be renamed; it is then where it was, unchanged.
    """
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    base = f"{path.name}{DAMAGED_INFIX}{stamp}"
    target, number = path.parent / base, 2
    while os.path.lexists(target):
        target, number = path.parent / f"{base}-{number}", number + 1
    os.rename(path, target)
    with contextlib.suppress(OSError):  # renamed; a folder that cannot be synced loses nothing now
        sync_folder(path.parent)
    return target
