"""Signals mid-workout, with a real kneetimer process in a real pseudo-terminal."""

from __future__ import annotations

import fcntl
import os
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import threading
import time

import pytest

from kneetimer.history.store import DB_NAME, HistoryStore
from tests.conftest import REPO

FAST = 'name = "Fast"\nlead_in = 0\nrest_between = 0\n' + '[[exercise]]\nname = "Move"\nhold = 0.6\n' * 60
LEAVE_ALT_SCREEN = b"\x1b[?1049l"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


class Terminal:
    """kneetimer running in a pty, its output collected."""

    def __init__(self, args, env, cols=80, rows=24):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kneetimer", *args], stdin=slave, stdout=slave, stderr=slave, cwd=REPO,
            env=dict(os.environ, TERM="xterm-256color", **env), start_new_session=True,
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def wait_for_output(self, marker: bytes, timeout=30.0):
        deadline = time.monotonic() + timeout
        while marker not in self.output:
            assert time.monotonic() < deadline, f"{marker!r} never shown: {bytes(self.output[-300:])!r}"
            assert self.process.poll() is None, f"exited early: {bytes(self.output[-500:])!r}"
            time.sleep(0.05)

    def finish(self, timeout=20):
        try:
            return self.process.wait(timeout=timeout)
        finally:
            if self.process.poll() is None:
                self.process.kill()
            self.reader.join(2)
            try:
                os.close(self.master)
            except OSError:
                pass


def start_workout(tmp_path, extra_env=None):
    routine = tmp_path / "fast.toml"
    routine.write_text(FAST)
    data = tmp_path / "data"
    env = {"KNEETIMER_DATA_DIR": str(data), "KNEETIMER_CONFIG_DIR": str(tmp_path / "config"), **(extra_env or {})}
    terminal = Terminal(["run", "--quiet", str(routine)], env)
    terminal.wait_for_output(b"HOLD")
    return terminal, data


def wait_for_rows(data, count, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with sqlite3.connect(data / DB_NAME, timeout=5) as db:
                if db.execute("SELECT count(*) FROM exercises").fetchone()[0] >= count:
                    return
        except sqlite3.Error:
            pass
        time.sleep(0.05)
    raise AssertionError("the workout wrote no records")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_signal_saves_the_session_as_interrupted_and_restores_the_terminal(tmp_path, signum):
    terminal, data = start_workout(tmp_path)
    wait_for_rows(data, 3)
    terminal.process.send_signal(signum)
    assert terminal.finish() == 128 + signum
    assert LEAVE_ALT_SCREEN in terminal.output, "the terminal was left in the app's screen"
    (session,) = HistoryStore.open(data).sessions()
    assert session["status"] == "interrupted"
    assert len(session["exercises"]) >= 3
    assert session["exercises"][-1]["status"] in ("done", "partial")
    assert b"Traceback" not in terminal.output


def test_hangup_when_the_terminal_closes_still_saves(tmp_path):
    terminal, data = start_workout(tmp_path)
    wait_for_rows(data, 3)
    os.close(terminal.master)  # the terminal window is gone ...
    terminal.process.send_signal(signal.SIGHUP)  # ... and the process is told so
    terminal.finish()
    (session,) = HistoryStore.open(data).sessions()
    assert session["status"] == "interrupted" and len(session["exercises"]) >= 3


def test_stopped_then_continued_pauses_itself_and_loses_nothing(tmp_path):
    terminal, data = start_workout(tmp_path)
    wait_for_rows(data, 2)
    terminal.process.send_signal(signal.SIGTSTP)
    time.sleep(6.5)  # longer than the engine's stall limit (5 s)
    with sqlite3.connect(data / DB_NAME) as db:
        rows_while_stopped = db.execute("SELECT count(*) FROM exercises").fetchone()[0]
    terminal.process.send_signal(signal.SIGCONT)
    terminal.wait_for_output(b"PAUSED")
    time.sleep(1.5)
    with sqlite3.connect(data / DB_NAME) as db:
        assert db.execute("SELECT count(*) FROM exercises").fetchone()[0] == rows_while_stopped, \
            "nothing was counted as done while the process was stopped"
    terminal.process.send_signal(signal.SIGTERM)
    terminal.finish()
    (session,) = HistoryStore.open(data).sessions()
    assert session["paused_s"] >= 6.0
    seconds = [e["seconds"] for e in session["exercises"] if e["status"] == "done"]
    assert all(abs(s - 0.6) < 0.05 for s in seconds), seconds


def test_no_color_is_honoured(tmp_path):
    terminal, data = start_workout(tmp_path, {"NO_COLOR": "1"})
    time.sleep(0.5)
    terminal.process.send_signal(signal.SIGTERM)
    terminal.finish()
    assert not any(code in terminal.output for code in (b"\x1b[38;2;", b"\x1b[38;5;", b"[38;2;")), \
        "colours were drawn although NO_COLOR is set"
