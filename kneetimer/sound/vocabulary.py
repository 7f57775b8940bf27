"""kneetimer's sounds: a small vocabulary of distinct tones, and which cue gets which.

A person facing away from the screen tells get ready, go, release, rest, switch sides
and done apart by ear alone. Fewer, better cues: one sound per moment, the most
important, and a level (all, essential, off) that drops the least needed first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum

from kneetimer.workout.cues import Cue, CueKind
from kneetimer.workout.plan import Kind, Part, Phase


class Signal(StrEnum):
    """kneetimer's sounds, in order of importance when two fall on the same moment."""

    DONE = "done"  # the workout is complete
    SWITCH = "switch"  # get ready for the other side
    GET_READY = "get-ready"
    REST = "rest"
    GO = "go"  # work starts: a hold, or a rep's hold
    RELEASE = "release"  # a rep's hold ends: move
    MINIMUM = "minimum"  # a ranged hold may be ended now
    HALFWAY = "halfway"
    TICK = "tick"  # 3, 2, 1
    TURN = "turn"  # a paced rep turns: out, and back


class SoundLevel(StrEnum):
    """How much is heard: every sound, the essential ones, or none."""

    ALL = "all"
    ESSENTIAL = "essential"  # all but halfway
    OFF = "off"


_PRIORITY = {signal: rank for rank, signal in enumerate(Signal)}
_ESSENTIAL_ONLY_SKIPS = {Signal.HALFWAY, Signal.TURN}  # "essential" keeps go at the first rep


def signal_for(cue: Cue, phase: Phase | None) -> Signal | None:
    """The sound a cue gets (None: none of its own)."""
    kind = cue.kind
    if kind is CueKind.SESSION_FINISHED:
        return Signal.DONE
    if kind is CueKind.COUNTDOWN:
        return Signal.TICK
    if kind is CueKind.HALFWAY:
        return Signal.HALFWAY
    if kind is CueKind.MINIMUM_REACHED:
        return Signal.MINIMUM
    if kind is CueKind.TURN:
        return Signal.TURN
    if kind is not CueKind.PHASE_STARTED or phase is None:
        return None
    if phase.kind is Kind.LEAD_IN:
        return Signal.GET_READY
    if phase.kind is Kind.SWITCH:
        return Signal.SWITCH
    if phase.kind is Kind.REST:
        return Signal.REST
    if phase.holds:
        return Signal.GO
    if phase.after_hold:
        return Signal.RELEASE
    if phase.part is Part.MOVE:  # paced reps are heard without the voice: go, then a turn each way
        return Signal.GO if phase.rep_no == 1 and phase.step_no <= 1 else Signal.TURN
    return None  # a rep done at your own pace: no sound (Enter counts it)


def signals_to_play(cues: Iterable[Cue], phases: Sequence[Phase], level: SoundLevel,
                    voice: bool = False) -> list[tuple[float, Signal]]:
    """One sound per moment, the most important, in time order. With the voice on, the
    spoken 3-2-1 replaces the ticks."""
    if level is SoundLevel.OFF:
        return []
    best: dict[float, Signal] = {}
    for cue in cues:
        phase = phases[cue.phase_index] if cue.phase_index < len(phases) else None
        signal = signal_for(cue, phase)
        if signal is None or (voice and signal is Signal.TICK):
            continue
        if level is SoundLevel.ESSENTIAL and signal in _ESSENTIAL_ONLY_SKIPS:
            continue
        if cue.at not in best or _PRIORITY[signal] < _PRIORITY[best[cue.at]]:
            best[cue.at] = signal
    return sorted(best.items())
