"""Signals mid-workout, with a real kneetimer process in a real pseudo-terminal."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import sys
import time

import pytest

from bench.process import PtyProcess
from kneetimer.history.store import DB_NAME, HistoryStore
from tests.history_helpers import as_json

FAST = 'name = "Fast"\nlead_in = 0\nrest_between = 0\n' + '[[exercise]]\nname = "Move"\nhold = 0.6\n' * 60
LEAVE_ALT_SCREEN = b"\x1b[?1049l"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def finish(terminal: PtyProcess, timeout: float = 20) -> int:
    """Wait for kneetimer to exit by itself; its exit code."""
    try:
        return terminal.process.wait(timeout=timeout)
    finally:
        terminal.stop()


STARTED: list[PtyProcess] = []


@pytest.fixture(autouse=True)
def no_kneetimer_left_behind():
    """Whatever a test asserts, every kneetimer it started is stopped (SIGKILL if need be)."""
    yield
    while STARTED:
        STARTED.pop().stop()  # SIGTERM, then SIGKILL after 5 s


def start_workout(tmp_path, extra_env=None):
    routine = tmp_path / "fast.toml"
    routine.write_text(FAST)
    data = tmp_path / "data"
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text("pain_prompt = false\n")  # straight into the workout
    env = {"KNEETIMER_DATA_DIR": str(data), "KNEETIMER_CONFIG_DIR": str(tmp_path / "config"), **(extra_env or {})}
    terminal = PtyProcess([sys.executable, "-m", "kneetimer", "run", "--quiet", str(routine)], env=env)
    STARTED.append(terminal)
    terminal.wait_for(b"Move")  # the exercise, in the title
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
    assert finish(terminal) == 128 + signum
    assert LEAVE_ALT_SCREEN in terminal.output, "the terminal was left in the app's screen"
    (session,) = as_json(HistoryStore.open(data).sessions())
    assert session["status"] == "interrupted"
    assert len(session["exercises"]) >= 3
    assert session["exercises"][-1]["status"] in ("done", "partial")
    assert b"Traceback" not in terminal.output


def test_hangup_when_the_terminal_closes_still_saves(tmp_path):
    terminal, data = start_workout(tmp_path)
    wait_for_rows(data, 3)
    terminal.close_terminal()  # the terminal window is gone ...
    terminal.process.send_signal(signal.SIGHUP)  # ... and the process is told so
    finish(terminal)
    (session,) = as_json(HistoryStore.open(data).sessions())
    assert session["status"] == "interrupted" and len(session["exercises"]) >= 3


def test_stopped_then_continued_pauses_itself_and_loses_nothing(tmp_path):
    terminal, data = start_workout(tmp_path)
    wait_for_rows(data, 2)
    terminal.process.send_signal(signal.SIGTSTP)
    time.sleep(6.5)  # longer than the engine's stall limit (5 s)
    with sqlite3.connect(data / DB_NAME) as db:
        rows_while_stopped = db.execute("SELECT count(*) FROM exercises").fetchone()[0]
    terminal.process.send_signal(signal.SIGCONT)
    terminal.wait_for(b"paused during")
    time.sleep(1.5)
    with sqlite3.connect(data / DB_NAME) as db:
        assert db.execute("SELECT count(*) FROM exercises").fetchone()[0] == rows_while_stopped, \
            "nothing was counted as done while the process was stopped"
    terminal.process.send_signal(signal.SIGTERM)
    finish(terminal)
    (session,) = as_json(HistoryStore.open(data).sessions())
    assert session["paused_s"] >= 6.0
    seconds = [e["seconds"] for e in session["exercises"] if e["status"] == "done"]
    assert all(abs(s - 0.6) < 0.05 for s in seconds), seconds


def test_no_color_is_honoured_and_paused_is_reverse_video(tmp_path):
    terminal, _data = start_workout(tmp_path, {"NO_COLOR": "1"})
    time.sleep(0.5)
    before_pause = len(terminal.output)
    os.write(terminal.master, b" ")
    terminal.wait_for(b"paused during")
    styles = re.findall(rb"\x1b\[([0-9;]*)m", bytes(terminal.output[before_pause:]))
    assert any(b"7" in style.split(b";") for style in styles), "PAUSED is drawn in reverse video"
    terminal.process.send_signal(signal.SIGTERM)
    finish(terminal)
    colour_codes = (b"\x1b[38;2;", b"\x1b[38;5;", b"\x1b[48;2;", b"\x1b[48;5;", b"\x1b[3", b"\x1b[4")
    drawn = bytes(terminal.output).replace(b"\x1b[39m", b"").replace(b"\x1b[49m", b"")
    assert not any(code + b"" in drawn for code in colour_codes[:4]), "colours were drawn although NO_COLOR is set"
