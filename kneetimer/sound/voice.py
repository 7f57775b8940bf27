"""The voice: cues spoken through a speech command (espeak-ng, spd-say or say), on a
thread of its own, keeping time.

A timed word (3, 2, 1, go, a rep number, switch sides) is said when it is due: it
cuts whatever is being said (the speech process is ended) and starts at once. An
announcement waits for a timed word in progress, and is replaced by a newer one;
the words module has already shortened it to fit before the next timed word. A
word that could not start within half a second of its due time is dropped: said
late, "3" would mislead. The caller never waits for any of it.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import threading
import time
from collections.abc import Callable

from kneetimer.sound.groups import ProcessGroups, end_group
from kneetimer.workout.words import Utterance

SPEECH_COMMANDS = ("espeak-ng", "spd-say", "say")
NO_SPEECH_MESSAGE = "No speech command found: install espeak-ng (or spd-say, or say on macOS) for spoken cues."
LATE_AFTER = 0.5  # seconds past its due time: a timed word is no longer said


def find_speech_command() -> list[str] | None:
    for name in SPEECH_COMMANDS:
        path = shutil.which(name)
        if path:
            return [path, "--wait"] if name == "spd-say" else [path]
    return None


class Speaker:
    """Says cues through a speech command, on a thread of its own: timed words cut what is being said."""

    def __init__(self, command: list[str], clock: Callable[[], float] = time.monotonic):
        self.command = command
        self.clock = clock
        self._pending: Utterance | None = None
        self._current: subprocess.Popen[bytes] | None = None
        self._current_timed = False
        self._wake = threading.Condition()
        self._stopped = False
        self._groups = ProcessGroups()
        self._thread = threading.Thread(target=self._run, name="kneetimer-voice", daemon=True)
        self._thread.start()

    def say(self, utterance: Utterance | str) -> None:
        """Queue something to say; returns at once. A timed word cuts what is being said."""
        if isinstance(utterance, str):
            utterance = Utterance(utterance, self.clock(), timed=False)
        with self._wake:
            if utterance.timed or self._pending is None or not self._pending.timed:
                self._pending = utterance
            if self._current is not None and (utterance.timed or not self._current_timed):
                self._cut(self._current)
            self._wake.notify()

    def stop(self) -> None:
        """Stop speaking, and end every speech command still running (a wrapper's children too)."""
        with self._wake:
            self._stopped = True
            if self._current is not None:
                self._cut(self._current)
            self._wake.notify()
        self._groups.end_all()

    def _cut(self, process: subprocess.Popen[bytes]) -> None:
        end_group(process)  # a signal to its whole group: never waits
        if "spd-say" in self.command[0]:  # speech-dispatcher goes on speaking unless told
            threading.Thread(target=_run_quietly, args=([self.command[0], "--cancel"],), daemon=True).start()

    def _command_for(self, text: str) -> list[str]:
        return [*self.command, text.lstrip("- ")]  # never let text read as an option

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._pending is None and not self._stopped:
                    self._wake.wait()
                if self._stopped:
                    return
                utterance, self._pending = self._pending, None
            assert utterance is not None
            if utterance.timed and self.clock() - utterance.due > LATE_AFTER:
                continue
            try:  # outside the lock: say() on the event loop must never wait for a fork
                process = subprocess.Popen(
                    self._command_for(utterance.text), stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                )
            except OSError:
                continue  # a broken speech command must not disturb the workout
            self._groups.add(process)
            with self._wake:
                self._current, self._current_timed = process, utterance.timed
                newer = self._pending
                if self._stopped or (newer is not None and (newer.timed or not utterance.timed)):
                    self._cut(process)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._cut(process)
                process.wait()
            with self._wake:
                self._current = None


def _run_quietly(command: list[str]) -> None:
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=5, check=False)
