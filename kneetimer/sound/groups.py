"""The process groups kneetimer starts, so that none outlives it.

Each sound player and speech command runs in a session (and so a process group) of its
own. A player that is a wrapper script starts children of its own; killing the wrapper
alone left them running after kneetimer exited (8 after one short workout). So a player
or voice is ended by its whole group, and at the end every group still alive is ended.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import threading


def end_group(process: subprocess.Popen[bytes]) -> None:
    """End `process` and everything it started; never waits."""
    killpg = getattr(os, "killpg", None)
    if killpg is None:  # Windows: no process groups
        with contextlib.suppress(OSError):
            process.kill()
        return
    with contextlib.suppress(OSError):  # ProcessLookupError: the group is gone already
        killpg(process.pid, signal.SIGKILL)


class ProcessGroups:
    """The groups started so far that may still have a process in them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._started: list[subprocess.Popen[bytes]] = []

    def add(self, process: subprocess.Popen[bytes]) -> None:
        with self._lock:
            self._started = [known for known in self._started if _has_members(known)]
            self._started.append(process)

    def end_all(self) -> None:
        with self._lock:
            started, self._started = self._started, []
        for process in started:
            if _has_members(process):
                end_group(process)


def _has_members(process: subprocess.Popen[bytes]) -> bool:
    """Whether any process is left in the group `process` leads (the leader included)."""
    if process.poll() is None:
        return True
    killpg = getattr(os, "killpg", None)
    if killpg is None:
        return False
    try:
        killpg(process.pid, 0)
    except OSError:  # ProcessLookupError: empty; PermissionError: not ours any more
        return False
    return True
