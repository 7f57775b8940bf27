"""Playing kneetimer's sounds through a player the machine already has, never waiting for it.

The player is found once, at start: pw-play, paplay or aplay on Linux, afplay on
macOS, winsound on Windows. Sounds are played from a thread of their own; a player
that is slow, hangs or fails can never delay the countdown. A sound that could not
start within half a second is dropped (a late cue misleads), a player still running
long after its sound is stopped, and one that keeps failing is given up on: `broken`
says why, and the app falls back to the terminal bell.
"""

from __future__ import annotations

import queue
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from kneetimer.sound.groups import ProcessGroups, end_group
from kneetimer.sound.tones import duration, tone_file
from kneetimer.sound.vocabulary import Signal

PLAYERS = (("pw-play", ()), ("paplay", ()), ("aplay", ("-q",)), ("afplay", ()))
WINSOUND = "winsound"
STALE_AFTER = 0.5  # seconds: a sound that could not start by then is not played
HUNG_AFTER = 3.0  # seconds past its sound's length: the player is stopped
FAILURES_BEFORE_GIVING_UP = 2


def find_player() -> list[str] | None:
    """The command that plays a WAV file here, or None."""
    if sys.platform == "win32":
        return [WINSOUND]
    for name, options in PLAYERS:
        path = shutil.which(name)
        if path:
            return [path, *options]
    return None


class SoundPlayer:
    """Plays kneetimer's sounds through a command-line player, on a thread of its own."""

    def __init__(self, command: list[str], folder: Path, volume: int):
        self.command = command
        self.folder = folder
        self.volume = volume
        self.broken: str | None = None  # why sounds cannot be played, once given up
        self._requests: queue.Queue[tuple[Signal, float] | None] = queue.Queue()  # (sound, when asked)
        self._running: list[tuple[subprocess.Popen[bytes], float]] = []
        self._failures = 0
        self._groups = ProcessGroups()
        self._thread = threading.Thread(target=self._run, name="kneetimer-sound", daemon=True)
        self._thread.start()

    def play(self, signal: Signal) -> None:
        """Queue a sound; returns at once."""
        self._requests.put((signal, time.monotonic()))

    def stop(self) -> None:
        """End the sound thread, and every player still running (a wrapper's children too)."""
        self._requests.put(None)
        self._groups.end_all()  # now, not when the thread gets to it: the app may be exiting

    # -- the sound thread --------------------------------------------------------------

    def _run(self) -> None:
        while True:
            try:  # asleep when idle; while a player runs, a look every half second
                request = self._requests.get(timeout=0.5 if self._running else None)
            except queue.Empty:
                self._reap()
                continue
            if request is None:
                break
            signal, queued_at = request
            self._reap()
            if self.broken is None and time.monotonic() - queued_at <= STALE_AFTER:
                self._start(signal)
        self._groups.end_all()

    def _start(self, signal: Signal) -> None:
        try:
            path = tone_file(self.folder, signal, self.volume)  # made the first time it is needed
        except OSError as error:
            self.broken = f"cannot write the sounds to {self.folder}: {error.strerror or error}"
            return
        try:
            if self.command == [WINSOUND]:
                _play_on_windows(path)
                return
            process = subprocess.Popen(
                [*self.command, str(path)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL, start_new_session=True,
            )
        except (OSError, RuntimeError) as error:
            reason = getattr(error, "strerror", None) or error
            self._failed(f"{Path(self.command[0]).name} could not be started: {reason}")
            return
        self._groups.add(process)
        self._running.append((process, time.monotonic() + duration(signal) + HUNG_AFTER))

    def _reap(self) -> None:
        still = []
        for process, give_up_at in self._running:
            code = process.poll()
            if code is None:
                if time.monotonic() > give_up_at:
                    end_group(process)  # hung: never let players pile up
                    process.wait()
                    self._failed(f"{Path(self.command[0]).name} did not finish playing a sound")
                else:
                    still.append((process, give_up_at))
            elif code != 0:
                self._failed(f"{Path(self.command[0]).name} failed (exit status {code})")
            else:
                self._failures = 0
        self._running = still

    def _failed(self, why: str) -> None:
        self._failures += 1
        if self._failures >= FAILURES_BEFORE_GIVING_UP:
            self.broken = why


def _play_on_windows(path: Path) -> None:
    """Windows's own player: asynchronous, so it never holds the player thread."""
    if sys.platform == "win32":
        import winsound

        winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC | winsound.SND_NODEFAULT)
