"""Cues: the moments within a workout that deserve a sound or a word.

The engine fires them on their deadlines; sound and voice decide what each sounds like.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kneetimer.workout.plan import Kind, Part, Phase

HALFWAY_MIN_SECONDS = 20.0
COUNTDOWN_FROM = 3


class CueKind(StrEnum):
    PHASE_STARTED = "phase-started"
    COUNTDOWN = "countdown"  # 3, 2, 1 before a hold or lead-in ends
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


def cue_schedule(phase: Phase) -> list[tuple[CueKind, float, int | None]]:
    """Cues within a phase: (kind, active seconds from its start, count)."""
    schedule = []
    if phase.duration is None:
        return schedule
    if phase.kind in (Kind.HOLD, Kind.LEAD_IN, Kind.SWITCH):
        for count in range(COUNTDOWN_FROM, 0, -1):
            if phase.duration - count > 0:
                schedule.append((CueKind.COUNTDOWN, phase.duration - count, count))
    is_hold = phase.kind is Kind.HOLD or phase.part is Part.HOLD
    first_target = phase.minimum if phase.minimum is not None else phase.duration
    if is_hold and first_target >= HALFWAY_MIN_SECONDS:
        schedule.append((CueKind.HALFWAY, first_target / 2, None))
    if phase.minimum is not None:
        schedule.append((CueKind.MINIMUM_REACHED, phase.minimum, None))
    return sorted(schedule, key=lambda item: item[1])
