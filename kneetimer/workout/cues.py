"""Cues: the moments within a workout that deserve a sound or a word.

The engine fires cues on their deadlines. Which sound each gets is the sound's own
vocabulary (sound/vocabulary.py); what is said, words.py. The 3-2-1 comes only before
the end of timed holds, get-readies and rests of 5 s or more.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kneetimer.workout.plan import Part, Phase

HALFWAY_MIN_SECONDS = 20.0
COUNTDOWN_FROM = 3
COUNTDOWN_MIN_SECONDS = 5.0  # shorter phases are over before a 3-2-1 could help
TURN_MIN_SECONDS = 1.0  # a paced move shorter than this has no time to be told "back"


class CueKind(StrEnum):
    """The kinds of moment a cue marks."""

    PHASE_STARTED = "phase-started"
    COUNTDOWN = "countdown"  # 3, 2, 1 before a hold, get-ready or rest ends
    HALFWAY = "halfway"  # holds of 20 s or more
    MINIMUM_REACHED = "minimum-reached"  # a ranged hold may now be ended with Enter
    SWITCH_SIDES = "switch-sides"
    EXERCISE_DONE = "exercise-done"
    SESSION_FINISHED = "session-finished"
    STALLED = "stalled"  # the engine paused itself after a gap (see engine.py)
    TURN = "turn"  # halfway through a paced rep's move: out becomes back


@dataclass(frozen=True)
class Cue:
    """A moment in the workout that may deserve a sound or a word, due at a monotonic time."""

    kind: CueKind
    phase_index: int
    at: float  # monotonic time it was due
    count: int | None = None  # 3, 2, 1 for COUNTDOWN


def cue_schedule(phase: Phase) -> list[tuple[CueKind, float, int | None]]:
    """Cues within a phase: (kind, active seconds from its start, count)."""
    schedule: list[tuple[CueKind, float, int | None]] = []
    if phase.duration is None:
        return schedule
    if phase.counts_down and phase.duration >= COUNTDOWN_MIN_SECONDS:
        for count in range(COUNTDOWN_FROM, 0, -1):
            schedule.append((CueKind.COUNTDOWN, phase.duration - count, count))
    first_target = phase.target
    if phase.holds and first_target is not None and first_target >= HALFWAY_MIN_SECONDS:
        schedule.append((CueKind.HALFWAY, first_target / 2, None))
    if phase.minimum is not None:
        schedule.append((CueKind.MINIMUM_REACHED, phase.minimum, None))
    if phase.part is Part.MOVE and not phase.after_hold and phase.duration >= TURN_MIN_SECONDS:
        schedule.append((CueKind.TURN, phase.duration / 2, None))
    return sorted(schedule, key=lambda item: item[1])
