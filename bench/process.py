"""Running an app in a real pseudo-terminal, and measuring it from outside:
time to first frame, CPU time (all threads, ns resolution), peak memory."""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import struct
import subprocess
import sys
import termios
import threading
import time


class PtyProcess:
    def __init__(self, argv: list[str], env: dict | None = None, cols: int = 80, rows: int = 24):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        full_env = dict(os.environ, TERM="xterm-256color", **(env or {}))
        full_env.pop("TEXTUAL", None)
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=full_env, start_new_session=True, close_fds=True
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self._seen = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                break
            if not chunk:
                break
            with self._seen:
                self.output += chunk
                self._seen.notify_all()

    def wait_for(self, marker: bytes, timeout: float = 20.0) -> float:
        """Seconds from launch until `marker` was written to the terminal."""
        deadline = time.monotonic() + timeout
        with self._seen:
            while marker not in self.output:
                left = deadline - time.monotonic()
                if left <= 0 or self.process.poll() is not None:
                    raise RuntimeError(f"{marker!r} never appeared; output tail: {bytes(self.output[-400:])!r}")
                self._seen.wait(min(left, 0.05))
        return time.monotonic() - self.started

    def cpu_seconds(self) -> float:
        """CPU time of every thread so far, from /proc (nanosecond resolution)."""
        total = 0
        task_dir = f"/proc/{self.process.pid}/task"
        for task in os.listdir(task_dir):
            try:
                with open(f"{task_dir}/{task}/schedstat") as handle:
                    total += int(handle.read().split()[0])
            except (OSError, ValueError, IndexError):
                pass
        return total / 1e9

    def peak_rss_mb(self) -> float:
        with open(f"/proc/{self.process.pid}/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.close_terminal()

    def close_terminal(self) -> None:
        """Close our side of the terminal, once: closing a descriptor twice could close
        whatever was opened since under the same number."""
        master, self.master = self.master, -1
        if master >= 0:
            with contextlib.suppress(OSError):
                os.close(master)


def python_argv(*args: str) -> list[str]:
    return [sys.executable, *args]
