"""The voice keeps time: say() never waits, a timed word cuts what is being said, and a
word that could not be said on time is not said late."""

from __future__ import annotations

import time

from kneetimer.sound.voice import Speaker
from kneetimer.workout.words import Utterance
from tests.sound.stand_ins import AS_LONG_AS_SPEECH, entries, stand_in, wait_for


def started(log) -> list[str]:
    return [entry["what"] for entry in entries(log) if "start" in entry]


def finished(log) -> list[str]:
    return [entry["what"] for entry in entries(log) if "end" in entry]


def test_a_timed_word_cuts_an_announcement_and_starts_at_once(tmp_path):
    command, log = stand_in(tmp_path, AS_LONG_AS_SPEECH)
    speaker = Speaker(command)
    try:
        speaker.say(Utterance("Foam roller hip flexor and glute stretch, right side", time.monotonic(), False))
        wait_for(lambda: started(log) == ["Foam roller hip flexor and glute stretch, right side"])
        due = time.monotonic()
        speaker.say(Utterance("3", due, timed=True))
        wait_for(lambda: "3" in finished(log))
        start_of_3 = next(e["start"] for e in entries(log) if e["what"] == "3" and "start" in e)
        assert start_of_3 - due < 0.15, f"'3' began {start_of_3 - due:.3f} s after it was due"
        assert finished(log) == ["3"], "the announcement was cut, the timed word said in full"
    finally:
        speaker.stop()


def test_an_announcement_waits_for_a_timed_word_and_the_newest_wins(tmp_path):
    command, log = stand_in(tmp_path, 0.3)
    speaker = Speaker(command)
    try:
        speaker.say(Utterance("Go", time.monotonic(), timed=True))
        wait_for(lambda: started(log) == ["Go"])
        speaker.say(Utterance("Halfway", time.monotonic(), timed=False))
        speaker.say(Utterance("Rest, 10 seconds", time.monotonic(), timed=False))
        wait_for(lambda: len(finished(log)) == 2)
        assert finished(log) == ["Go", "Rest, 10 seconds"]
    finally:
        speaker.stop()


def test_a_timed_word_that_is_already_late_is_dropped(tmp_path):
    command, log = stand_in(tmp_path, 0)
    speaker = Speaker(command)
    try:
        speaker.say(Utterance("2", time.monotonic() - 2.0, timed=True))
        speaker.say(Utterance("Go", time.monotonic(), timed=True))
        wait_for(lambda: finished(log) == ["Go"])
        assert started(log) == ["Go"]
    finally:
        speaker.stop()


def test_text_never_reads_as_an_option(tmp_path):
    command, log = stand_in(tmp_path, 0)
    speaker = Speaker(command)
    try:
        speaker.say("--help me")
        wait_for(lambda: finished(log) == ["help me"])
    finally:
        speaker.stop()


def test_say_never_waits_and_a_broken_command_changes_nothing(tmp_path):
    speaker = Speaker([str(tmp_path / "no-such-command")])
    try:
        started_at = time.monotonic()
        for word in ("3", "2", "1", "Go"):
            speaker.say(Utterance(word, time.monotonic(), timed=True))
        assert time.monotonic() - started_at < 0.05
    finally:
        speaker.stop()
