"""What a batch of cues sounds like: the one sound to play and the words to say.

Only what is still on time: after a stall the engine catches up in one go, and stale
sounds or words would mislead. With the voice on, the spoken 3-2-1 replaces the ticks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kneetimer.sound.vocabulary import Signal, SoundLevel, signals_to_play
from kneetimer.workout.cues import Cue, CueKind
from kneetimer.workout.plan import Phase
from kneetimer.workout.words import Utterance, utterance_for

STALE_CUE = 0.5  # seconds: a cue noticed later than this gets no sound or word


@dataclass(frozen=True)
class Heard:
    """What to play and say for the cues of one wake-up."""

    signal: Signal | None
    utterances: tuple[Utterance, ...]
    stalled: bool  # the engine paused itself after a gap: worth a word on screen


def what_is_heard(cues: Sequence[Cue], phases: Sequence[Phase], now: float, next_timed_at: float | None,
                  level: SoundLevel, voice: bool) -> Heard:
    """The latest fresh sound among `cues`, and (with the voice on) each fresh cue's words,
    shortened to end before `next_timed_at`, the next timed word."""
    signals = signals_to_play(cues, phases, level, voice=voice)
    fresh = [signal for at, signal in signals if now - at <= STALE_CUE]
    said: list[Utterance] = []
    if voice:
        for cue in cues:
            if now - cue.at > STALE_CUE:
                continue
            phase = phases[cue.phase_index] if cue.phase_index < len(phases) else None
            time_left = None if next_timed_at is None else next_timed_at - cue.at
            utterance = utterance_for(cue, phase, time_left)
            if utterance is not None:
                said.append(utterance)
    stalled = any(cue.kind is CueKind.STALLED for cue in cues)
    return Heard(fresh[-1] if fresh else None, tuple(said), stalled)
