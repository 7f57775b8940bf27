"""Signals from outside, in a real pty (issue 17.3, 17.4): a SIGCONT that follows no
Ctrl-Z leaves the terminal as it was found; a hangup ends the process within seconds,
saved first, every time."""

from __future__ import annotations

import os
import signal
import sys
import termios
import time

import pytest

from kneetimer.history.store import HistoryStore
from tests.history_helpers import as_json
from tests.tui.test_signals import STARTED, finish, no_kneetimer_left_behind, start_workout, wait_for_rows  # noqa: F401

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def line_mode(terminal) -> tuple[bool, bool]:
    lflag = termios.tcgetattr(terminal.master)[3]
    return bool(lflag & termios.ICANON), bool(lflag & termios.ECHO)


def test_a_sigcont_without_a_stop_leaves_the_terminal_as_it_was(tmp_path):
    terminal, data = start_workout(tmp_path)
    wait_for_rows(data, 1)
    terminal.process.send_signal(signal.SIGCONT)
    time.sleep(0.5)
    before = len(terminal.output)
    os.write(terminal.master, b" ")  # keys still reach the app, once
    terminal.wait_for(b"paused during")
    assert b"paused during" in terminal.output[before:]
    terminal.process.send_signal(signal.SIGTERM)
    terminal.process.wait(timeout=20)
    assert line_mode(terminal) == (True, True), "the terminal was left raw"
    terminal.stop()
    assert b"Traceback" not in terminal.output


@pytest.mark.parametrize("signals", [(signal.SIGHUP,), (signal.SIGHUP, signal.SIGCONT), (signal.SIGCONT, signal.SIGHUP)],
                         ids=["hangup", "hangup-then-continue", "continue-then-hangup"])
def test_a_closed_terminal_ends_the_process_within_seconds_saving_first(tmp_path, signals):
    terminal, data = start_workout(tmp_path)
    wait_for_rows(data, 2)
    terminal.close_terminal()  # the window is gone: writes fail, no one reads ...
    time.sleep(0.5)  # ... while frames are still drawn
    for signum in signals:  # a terminal hanging up sends its foreground both
        terminal.process.send_signal(signum)
    started = time.monotonic()
    try:
        terminal.process.wait(timeout=8)
    except Exception:
        pytest.fail("kneetimer outlived its terminal by 8 s")
    assert time.monotonic() - started < 8
    (session,) = as_json(HistoryStore.open(data).sessions())
    assert session["status"] == "interrupted" and len(session["exercises"]) >= 2


STUCK = """
import asyncio, sys, threading
from kneetimer.tui import signals

async def main():
    signals.install(lambda signum: None, lambda: open(sys.argv[1], "w").write("flushed"), object())
    print("ready", flush=True)
    threading.Event().wait()  # the event loop stuck for good, as behind a dead writer thread

asyncio.run(main())
"""


def test_a_stuck_event_loop_still_ends_within_seconds_after_a_hangup(tmp_path):
    import subprocess

    marker = tmp_path / "flushed"
    process = subprocess.Popen([sys.executable, "-c", STUCK, str(marker)], stdout=subprocess.PIPE)
    try:
        assert process.stdout.readline() == b"ready\n"
        process.send_signal(signal.SIGHUP)
        started = time.monotonic()
        assert process.wait(timeout=10) == 128 + signal.SIGHUP
        assert time.monotonic() - started < 6
        assert marker.read_text() == "flushed", "the history's last writes were waited for first"
    finally:
        process.kill()
        process.wait()
