"""The speech worker: it never blocks the caller, and never falls behind."""

from __future__ import annotations

import sys
import time

from kneetimer.sound.voice import Speaker

FAKE_SPEECH = """\
import sys, time
with open(sys.argv[1], "a") as log:
    log.write(sys.argv[2] + "\\n")
time.sleep(float(sys.argv[3]))
"""


def speech_command(tmp_path, seconds: float):
    script = tmp_path / "speak.py"
    script.write_text(FAKE_SPEECH)
    log = tmp_path / "said.log"
    return [sys.executable, str(script), str(log)], log, seconds


def said(log) -> list[str]:
    return log.read_text().splitlines() if log.exists() else []


def wait_for(condition, timeout=10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


class SlowSpeaker(Speaker):
    """The real worker, with the seconds each utterance takes appended to the command."""

    def __init__(self, command, seconds):
        super().__init__(command)
        self.seconds = seconds

    def _command_for(self, text):
        return [*self.command, text, str(self.seconds)]


def test_say_returns_at_once_and_the_newest_cue_wins(tmp_path):
    command, log, _ = speech_command(tmp_path, 0.5)
    speaker = SlowSpeaker(command, 0.5)
    try:
        started = time.monotonic()
        speaker.say("Get ready")
        wait_for(lambda: said(log) == ["Get ready"])
        for word in ("3", "2", "1"):  # while "Get ready" is still being said
            speaker.say(word)
        assert time.monotonic() - started < 0.5, "say() never waits for the speech command"
        wait_for(lambda: len(said(log)) == 2)
        assert said(log) == ["Get ready", "1"], "cues that could not be said in time are dropped"
    finally:
        speaker.stop()


def test_text_never_reads_as_an_option(tmp_path):
    command, log, _ = speech_command(tmp_path, 0)
    speaker = SlowSpeaker(command, 0)
    try:
        speaker.say("--help me")
        wait_for(lambda: said(log) == ["help me"])
    finally:
        speaker.stop()


def test_a_broken_speech_command_changes_nothing(tmp_path):
    speaker = Speaker([str(tmp_path / "no-such-command")])
    try:
        speaker.say("Go")
        speaker.say("1")
    finally:
        speaker.stop()
