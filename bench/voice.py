"""The voice keeps time: how late each timed word (3, 2, 1, go, a rep number, switch
sides) starts, against its due time, with a speech command as slow as real speech.

kneetimer runs headless on the real clock through a routine of 5 s get-readies and
long exercise names. Its voice speaks through a stand-in command that logs when it
starts and ends and takes 0.07 s a character, like espeak-ng. Beside it, the same
words through a plain first-in-first-out speaker, with the whole prescription in each
announcement (said in full, in order, nothing cut or shortened): the baseline a voice
that does not keep time gives.
"""

from __future__ import annotations

import asyncio
import json
import queue
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from kneetimer.routines.loader import load_bytes
from kneetimer.sound.voice import Speaker
from kneetimer.tui.app import KneetimerApp

SECONDS_PER_CHARACTER = 0.07
STAND_IN = """\
import json, sys, time
log, text = sys.argv[1], sys.argv[2]
with open(log, "a") as out:
    out.write(json.dumps({"text": text, "start": time.monotonic()}) + "\\n")
time.sleep(len(text) * %s)
with open(log, "a") as out:
    out.write(json.dumps({"text": text, "end": time.monotonic()}) + "\\n")
""" % SECONDS_PER_CHARACTER


def bench_routine(quick: bool):
    text = 'name = "Voice bench"\nlead_in = 5\nrest_between = 5\n'
    if quick:  # a smoke test: one get-ready and its 3-2-1
        return load_bytes((text + '[[exercise]]\nname = "Foam roller hip flexor and glute stretch"\nreps = 1\n'
                           'tempo = 1\n').encode(), "voice.toml", "voice").routine
    text += ('[[exercise]]\nname = "Foam roller hip flexor and glute stretch"\nsides = "each"\nreps = 3\n'
             'hold = 5\n')
    text += ('[[exercise]]\nname = "Single-leg deadlift with a kettlebell in each hand"\nsides = "each"\n'
             'sets = 2\nrest = 6\nreps = 3\ntempo = 3\n')
    return load_bytes(text.encode(), "voice.toml", "voice").routine


class FifoSpeaker:
    """The baseline: every utterance said in full, in order; nothing cut, nothing dropped."""

    def __init__(self, command: list[str]):
        self.command = command
        self._queue: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def say(self, utterance) -> None:
        self._queue.put(utterance)

    def stop(self) -> None:
        self._queue.put(None)

    def _run(self) -> None:
        while (utterance := self._queue.get()) is not None:
            subprocess.run([*self.command, utterance.text], check=False)


async def run_one(speaker_class, quick: bool, shorten: bool = True) -> dict:
    from kneetimer.workout import words

    routine = bench_routine(quick)
    real_fits = words.fits
    if not shorten:
        words.fits = lambda _text, _seconds: True  # every announcement in full
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        (scratch / "speak.py").write_text(STAND_IN)
        log = scratch / "said.jsonl"
        speaker = speaker_class([sys.executable, str(scratch / "speak.py"), str(log)])
        asked: list = []
        original_say = speaker.say

        def say(utterance) -> None:
            asked.append(utterance)
            original_say(utterance)

        speaker.say = say
        app = KneetimerApp(routine, data_dir=scratch / "data", quiet=True, voice=True, speaker=speaker,
                           ask_pain_first=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            session = app.screen.session
            while not session.finished:
                await asyncio.sleep(0.05)
            await asyncio.sleep(1.0 if quick else 4.0)  # let the last words finish
        speaker.stop()
        words.fits = real_fits
        entries = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
    return summarize(asked, entries)


def summarize(asked: list, entries: list[dict]) -> dict:
    """Match each timed word asked for with the first start of that text at or after its
    due time; said in full if that process logged its end."""
    starts = [(entry["text"], entry["start"]) for entry in entries if "start" in entry]
    ends = [(entry["text"], entry["end"]) for entry in entries if "end" in entry]
    lateness, in_full, counts, counts_in_full = [], 0, 0, 0
    for utterance in (u for u in asked if u.timed):
        began = [item for item in starts if item[0] == utterance.text and item[1] >= utterance.due - 0.05]
        finished = False
        if began:
            start = min(began, key=lambda item: item[1])
            starts.remove(start)
            lateness.append(start[1] - utterance.due)
            done = [item for item in ends if item[0] == utterance.text and item[1] >= start[1]]
            if done:
                ends.remove(min(done, key=lambda item: item[1]))
                finished = True
                in_full += 1
        if utterance.kind == "count":
            counts += 1
            counts_in_full += finished
    said = sorted(lateness)
    p99 = said[min(len(said) - 1, round(0.99 * (len(said) - 1)))] if said else None
    return {
        "timed_words": sum(1 for u in asked if u.timed),
        "said": len(said),
        "said_in_full": in_full,
        "countdown_words": counts,
        "countdown_in_full": counts_in_full,
        "within_150_ms": sum(1 for value in said if value <= 0.15),
        "p50_ms": round(statistics.median(said) * 1000, 1) if said else None,
        "p99_ms": round(p99 * 1000, 1) if said else None,
        "max_ms": round(said[-1] * 1000, 1) if said else None,
    }


def run(quick: bool = False) -> dict:
    return {
        "seconds_per_character": SECONDS_PER_CHARACTER,
        "kneetimer": asyncio.run(run_one(Speaker, quick)),
        "first_in_first_out": asyncio.run(run_one(FifoSpeaker, quick, shorten=False)),
    }


if __name__ == "__main__":
    print(json.dumps(run(quick="--quick" in sys.argv), indent=2))
