"""Signals from outside the app: end a workout the way q, y does, and never outlive it.

SIGTERM, SIGHUP (the terminal closed) and SIGINT save the workout as interrupted and
exit. The handlers are plain Python ones, not the event loop's: when the terminal is
gone, Textual's writer thread can die with the writes queued behind it, and the event
loop then blocks for good; a plain handler still runs, and a watchdog thread ends the
process a few seconds later if the orderly exit has not happened (every exercise done is
already saved as it happened; the session left "in progress" is marked interrupted the
next time kneetimer opens its history).

A SIGCONT that follows no Ctrl-Z (sent by another program, or by a terminal hanging up)
is ignored: Textual would otherwise "resume" a terminal it never left, take the raw mode
for the one to restore at exit, and start a second keyboard reader.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import termios
import threading
import time
from collections.abc import Callable

GRACE_SECONDS = 4.0  # for the orderly exit (the recorder waits up to 3 s for its last writes)
ENDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)
RESTORE_SCREEN = b"\x1b[<u\x1b[?1049l\x1b[?25h\x1b[?1004l\x1b[?2004l\x1b[?7h"


def install(end_workout: Callable[[int], None], flush_history: Callable[[], None], driver) -> None:
    """Call `end_workout(signum)` on the event loop for an ending signal; `flush_history`
    from the watchdog before a forced exit. `driver` is Textual's (for the terminal)."""
    loop = asyncio.get_running_loop()
    ending: list[int] = []

    def on_ending(signum: int, _frame) -> None:
        if not ending:
            ending.append(signum)
            threading.Thread(target=_watchdog, args=(signum, flush_history, driver), daemon=True,
                             name="kneetimer-exit-watchdog").start()
        with contextlib.suppress(RuntimeError):  # the loop is closed: the watchdog ends it
            loop.call_soon_threadsafe(end_workout, signum)

    for signum in ENDING_SIGNALS:
        with contextlib.suppress(OSError, ValueError):  # not on this platform, or not the main thread
            signal.signal(signum, on_ending)
    _guard_suspend(driver, loop)


def _guard_suspend(driver, loop: asyncio.AbstractEventLoop) -> None:
    """Ctrl-Z and `fg` one after the other, however fast.

    Textual suspends in its SIGTSTP handler and resumes in its SIGCONT handler, and a
    plain Python handler can run in the middle of another: a Ctrl-Z that the terminal
    turns into SIGTSTP while the app was still coming back left it half resumed, drawing
    nothing and reading no key, or stopped for good. Here both signals only ask the event
    loop, which does one thing at a time: stop (or stay asleep, when still suspended), or
    come back (when a Ctrl-Z came before, and the terminal is ours again: after `bg`,
    sleep on until `fg`). A continue that follows no Ctrl-Z changes nothing."""
    stop, resume = signal.getsignal(signal.SIGTSTP), signal.getsignal(signal.SIGCONT)
    if not callable(stop) or not callable(resume) or not hasattr(driver, "_must_signal_resume"):
        return

    def stop_now() -> None:
        if driver._must_signal_resume:  # suspended already: its continue was overtaken by this stop
            os.kill(os.getpid(), signal.SIGSTOP)
        else:
            stop(signal.SIGTSTP, None)

    def resume_now() -> None:
        if not driver._must_signal_resume:  # no Ctrl-Z before it, or back already
            return
        if not _in_foreground(driver):
            os.kill(os.getpid(), signal.SIGSTOP)  # continued in the background: sleep until `fg`
            return
        resume(signal.SIGCONT, None)

    # The loop's own signal handling: a signal wakes the loop through its wakeup socket even
    # when it arrives as the process stops or continues inside a wait (a plain handler's
    # flag could then sit unseen until the next signal).
    loop.add_signal_handler(signal.SIGTSTP, stop_now)
    loop.add_signal_handler(signal.SIGCONT, resume_now)


def _in_foreground(driver) -> bool:
    """Whether this process owns its terminal now (`fg`), not running behind the shell (`bg`)."""
    try:
        return os.tcgetpgrp(driver.fileno) == os.getpgrp()
    except (OSError, AttributeError, ValueError):
        return True  # no controlling terminal to ask: take it as ours


def _watchdog(signum: int, flush_history: Callable[[], None], driver) -> None:
    time.sleep(GRACE_SECONDS)
    with contextlib.suppress(Exception):
        flush_history()
    _restore_terminal(driver)
    os._exit(128 + signum)


def _restore_terminal(driver) -> None:
    """Leave the terminal as it was found, writing directly (Textual's writer may be stuck)."""
    try:
        stdout = sys.__stdout__
        if stdout is None:
            return
        fileno = stdout.fileno()
        attributes = getattr(driver, "attrs_before", None)
        if attributes is not None:
            termios.tcsetattr(getattr(driver, "fileno", fileno), termios.TCSANOW, attributes)
        os.write(fileno, RESTORE_SCREEN)
    except (OSError, ValueError, termios.error, AttributeError):
        pass  # the terminal is gone: nothing to restore
