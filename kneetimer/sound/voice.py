"""Spoken cues through a speech command (espeak-ng, spd-say or say), never blocking.

Speaking runs on a worker thread; if cues come faster than they can be said,
only the newest waits, so the voice never falls behind the workout.
"""

from __future__ import annotations

import shutil
import subprocess
import threading

SPEECH_COMMANDS = ("espeak-ng", "spd-say", "say")
NO_SPEECH_MESSAGE = "No speech command found: install espeak-ng (or spd-say, or say on macOS) for spoken cues."


def find_speech_command() -> list[str] | None:
    for name in SPEECH_COMMANDS:
        path = shutil.which(name)
        if path:
            return [path, "--wait"] if name == "spd-say" else [path]
    return None


class Speaker:
    def __init__(self, command: list[str]):
        self.command = command
        self._pending: str | None = None
        self._wake = threading.Condition()
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name="kneetimer-voice", daemon=True)
        self._thread.start()

    def say(self, text: str) -> None:
        with self._wake:
            self._pending = text.lstrip("- ")  # never let text read as an option
            self._wake.notify()

    def stop(self) -> None:
        with self._wake:
            self._stopped = True
            self._wake.notify()

    def _command_for(self, text: str) -> list[str]:
        return [*self.command, text]

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._pending is None and not self._stopped:
                    self._wake.wait()
                if self._stopped:
                    return
                text, self._pending = self._pending, None
            try:
                subprocess.run(
                    self._command_for(text), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL, timeout=20, check=False,
                )
            except (OSError, subprocess.SubprocessError):
                pass  # a broken speech command must not disturb the workout
