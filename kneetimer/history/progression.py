"""Suggesting the next step up, only when the knee has earned it.

Offered when a routine has a `harder` progression and the last three sessions of
it were completed with nothing skipped and knee pain after at most 2; never when
pain went up (across those sessions, or from before to after the latest one).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

from kneetimer.history.rows import SessionRow
from kneetimer.history.store import HistoryStore
from kneetimer.routines.model import Exercise, Hold, Routine
from kneetimer.workout.records import Outcome, Status

SESSIONS_NEEDED = 3
MAX_PAIN = 2
HOLD_STEP = 0.2  # +20 % on holds (at least a second) where there is no `harder` text


@dataclass(frozen=True)
class Suggestion:
    """The next step of a routine that the person has earned, and what it changes."""

    changes: tuple[str, ...]  # what would change, in words
    routine: Routine  # the progressed version


def offer(store: HistoryStore, routine: Routine, session_id: int | None) -> Suggestion | None:
    """The progression to offer right after session `session_id` of `routine`, if earned."""
    recent = store.recent_sessions(routine.id, SESSIONS_NEEDED)
    if session_id is None or not recent or recent[0].id != session_id:
        return None
    return suggest(routine, recent)


def suggest(routine: Routine, recent_sessions: list[SessionRow]) -> Suggestion | None:
    """`recent_sessions`: this routine's sessions, newest first."""
    if not any(exercise.harder for exercise in routine.exercises):
        return None
    last = [s for s in recent_sessions if s.routine_id == routine.id][:SESSIONS_NEEDED]
    if len(last) < SESSIONS_NEEDED or not all(_earned(session) for session in last):
        return None
    pains = [session.pain_after for session in reversed(last) if session.pain_after is not None]  # oldest first
    if any(later > earlier for earlier, later in itertools.pairwise(pains)):
        return None
    latest = last[0]
    if latest.pain_before is not None and latest.pain_after is not None and latest.pain_after > latest.pain_before:
        return None
    return progress(routine)


def _earned(session: SessionRow) -> bool:
    return (
        session.status is Outcome.COMPLETED
        and session.pain_after is not None
        and session.pain_after <= MAX_PAIN
        and bool(session.exercises)
        and all(exercise.status is Status.DONE for exercise in session.exercises)
    )


def progress(routine: Routine) -> Suggestion:
    changes: list[str] = []
    exercises = []
    for exercise in routine.exercises:
        if exercise.harder:
            changes.append(f"{exercise.name}: {exercise.harder}")
            exercise = replace(exercise, cues=(f"Harder: {exercise.harder}", *exercise.cues), harder="")
        elif exercise.hold is not None and not exercise.hold.is_range:
            longer = _longer(exercise.hold.maximum)
            changes.append(f"{exercise.name}: hold {exercise.hold.maximum:g}s -> {longer:g}s")
            exercise = _with_hold(exercise, Hold.fixed(longer))
        exercises.append(exercise)
    progressed = replace(
        routine,
        exercises=tuple(exercises),
        based_on=routine.based_on or routine.id,
        changes=(*routine.changes, *changes),
    )
    return Suggestion(tuple(changes), progressed)


def _longer(seconds: float) -> float:
    return float(round(seconds + max(1.0, seconds * HOLD_STEP)))


def _with_hold(exercise: Exercise, hold: Hold) -> Exercise:
    steps = tuple(replace(step, hold=hold) if step.hold == exercise.hold else step for step in exercise.steps)
    return replace(exercise, hold=hold, steps=steps)
