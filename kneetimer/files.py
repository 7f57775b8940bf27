"""Writing files so that a crash mid-write never leaves half of one, and nothing else is harmed.

A new regular file is written beside the target and renamed over it. Whatever is not a
regular file is written in place instead: a device (/dev/null), a FIFO or a process
substitution (`>(gzip > r.gz)`) is an output, not a file to replace. A symlink's target is
written and the link kept. The file gets the mode an ordinary `open()` would give it: an
existing file keeps its own, a new one follows the umask.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"


def is_database(path: Path) -> bool:
    """True when `path` is an SQLite database (a history file), which no export should replace."""
    try:
        if not path.is_file():
            return False
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` so that readers see the old file or the new one, never half."""
    try:
        mode = path.stat().st_mode  # through any symlink
    except FileNotFoundError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(f"{path} is a folder")
    if mode is not None and not stat.S_ISREG(mode):
        with path.open("w", encoding="utf-8") as stream:  # a device, FIFO or pipe (/dev/fd/N): write into it
            stream.write(text)
        return
    target = Path(os.path.realpath(path))  # a symlink's target is replaced, the link kept
    target.parent.mkdir(parents=True, exist_ok=True)
    file_mode = stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask()
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fchmod(handle.fileno(), file_mode)
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _umask() -> int:
    """The process's umask, read without changing it where the system tells it."""
    with contextlib.suppress(OSError, ValueError, StopIteration):
        status = Path("/proc/self/status").read_text().splitlines()
        return int(next(line for line in status if line.startswith("Umask:")).split()[1], 8)
    current = os.umask(0o022)
    os.umask(current)
    return current
