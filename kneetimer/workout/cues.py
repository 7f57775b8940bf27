"""Cues: the moments within a workout that deserve a sound or a word, and which sound.

The engine fires cues on their deadlines; this module says what each sounds like
(`signal_for`), in a small vocabulary of distinct sounds, so a person facing away
from the screen can tell get ready, go, release, rest, switch sides and done apart.
Fewer, better cues: a rep's movement gets no sound of its own, and the 3-2-1 comes
only before the end of timed holds, get-readies and rests of 5 s or more.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from kneetimer.workout.plan import Kind, Part, Phase

HALFWAY_MIN_SECONDS = 20.0
COUNTDOWN_FROM = 3
COUNTDOWN_MIN_SECONDS = 5.0  # shorter phases are over before a 3-2-1 could help


class CueKind(StrEnum):
    PHASE_STARTED = "phase-started"
    COUNTDOWN = "countdown"  # 3, 2, 1 before a hold, get-ready or rest ends
    HALFWAY = "halfway"  # holds of 20 s or more
    MINIMUM_REACHED = "minimum-reached"  # a ranged hold may now be ended with Enter
    SWITCH_SIDES = "switch-sides"
    EXERCISE_DONE = "exercise-done"
    SESSION_FINISHED = "session-finished"
    STALLED = "stalled"  # the engine paused itself after a gap (see engine.py)


@dataclass(frozen=True)
class Cue:
    kind: CueKind
    phase_index: int
    at: float  # monotonic time it was due
    count: int | None = None  # 3, 2, 1 for COUNTDOWN


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


class SoundLevel(StrEnum):
    ALL = "all"
    ESSENTIAL = "essential"  # all but halfway
    OFF = "off"


_PRIORITY = {signal: rank for rank, signal in enumerate(Signal)}
_ESSENTIAL_ONLY_SKIPS = {Signal.HALFWAY}


def cue_schedule(phase: Phase) -> list[tuple[CueKind, float, int | None]]:
    """Cues within a phase: (kind, active seconds from its start, count)."""
    schedule: list[tuple[CueKind, float, int | None]] = []
    if phase.duration is None:
        return schedule
    counts_down = phase.kind in (Kind.HOLD, Kind.LEAD_IN, Kind.SWITCH, Kind.REST)
    if counts_down and phase.duration >= COUNTDOWN_MIN_SECONDS:
        for count in range(COUNTDOWN_FROM, 0, -1):
            schedule.append((CueKind.COUNTDOWN, phase.duration - count, count))
    is_hold = phase.kind is Kind.HOLD or phase.part is Part.HOLD
    first_target = phase.minimum if phase.minimum is not None else phase.duration
    if is_hold and first_target >= HALFWAY_MIN_SECONDS:
        schedule.append((CueKind.HALFWAY, first_target / 2, None))
    if phase.minimum is not None:
        schedule.append((CueKind.MINIMUM_REACHED, phase.minimum, None))
    return sorted(schedule, key=lambda item: item[1])


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
    if kind is not CueKind.PHASE_STARTED or phase is None:
        return None
    if phase.kind is Kind.LEAD_IN:
        return Signal.GET_READY
    if phase.kind is Kind.SWITCH:
        return Signal.SWITCH
    if phase.kind is Kind.REST:
        return Signal.REST
    if phase.kind is Kind.HOLD or phase.part is Part.HOLD:
        return Signal.GO
    if phase.after_hold:
        return Signal.RELEASE
    return None  # a rep's movement: no sound of its own (the voice says the rep)


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
