"""Ctrl-Z and `fg` at once, again and again (issue 22.16): every Ctrl-Z stops the
workout, every continue brings it back, and afterwards it still draws and reads keys,
even when a Ctrl-Z that the terminal turns into SIGTSTP arrives in the middle of coming
back. A real kneetimer in a real pseudo-terminal; each step waits for the process state."""

from __future__ import annotations

import os
import signal
import sys
import time

import pytest

from bench.process import PtyProcess
from tests.tui.test_signals import STARTED, no_kneetimer_left_behind  # noqa: F401

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="process states from /proc")

LONG = 'name = "Long"\nlead_in = 0\nrest_between = 0\n[[exercise]]\nname = "Long hold"\nhold = 600\n'


def state(pid: int) -> str:
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().rsplit(")", 1)[1].split()[0]


def wait_for_state(pid: int, states: str, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if state(pid) in states:
            return True
        time.sleep(0.005)
    return False


def wait_for_more_output(terminal: PtyProcess, than: int, timeout: float = 10.0) -> bool:
    """Wait until the app has drawn its screen again (it reads keys by then)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if b"Long hold" in terminal.output[than:]:
            time.sleep(0.05)  # the rest of the frame
            return True
        time.sleep(0.01)
    return False


def test_stop_and_continue_at_once_25_times_leaves_a_working_app(tmp_path):
    routine = tmp_path / "long.toml"
    routine.write_text(LONG)
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text("pain_prompt = false\n")
    env = {"KNEETIMER_DATA_DIR": str(tmp_path / "data"), "KNEETIMER_CONFIG_DIR": str(tmp_path / "config")}
    terminal = PtyProcess([sys.executable, "-m", "kneetimer", "run", "--quiet", str(routine)], env=env)
    STARTED.append(terminal)
    terminal.wait_for(b"Long hold")
    pid = terminal.process.pid
    for cycle in range(25):
        os.write(terminal.master, b"\x1a")  # Ctrl-Z, read as a key: the app pauses and stops itself
        assert wait_for_state(pid, "T"), f"Ctrl-Z number {cycle + 1} did not stop it"
        drawn = len(terminal.output)
        os.kill(pid, signal.SIGCONT)  # fg
        if cycle % 2 == 0:
            os.kill(pid, signal.SIGTSTP)  # another Ctrl-Z, turned into a signal while it comes back
            assert wait_for_state(pid, "T"), "the Ctrl-Z during the resume was lost"
            os.kill(pid, signal.SIGCONT)
        assert wait_for_state(pid, "RS"), "it did not come back"
        assert wait_for_more_output(terminal, drawn), f"it came back but drew nothing (cycle {cycle + 1})"
    before = len(terminal.output)
    os.write(terminal.master, b" ")  # the workout was paused by Ctrl-Z: space resumes, and the bar says Pause
    deadline = time.monotonic() + 10
    while b"Pause" not in terminal.output[before:] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert b"Pause" in terminal.output[before:], "after the cycles it no longer draws or reads keys"
