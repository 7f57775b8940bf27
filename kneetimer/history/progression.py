"""Suggesting the next step up, only when the knee has earned it.

Offered when a routine has a `harder` progression and the last three sessions of
it were completed with nothing skipped and knee pain after at most 2; never when
pain went up (across those sessions, or from before to after the latest one).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kneetimer.routines.model import Exercise, Hold, Routine

SESSIONS_NEEDED = 3
MAX_PAIN = 2
HOLD_STEP = 0.2  # +20 % on holds (at least a second) where there is no `harder` text


@dataclass(frozen=True)
class Suggestion:
    changes: tuple[str, ...]  # what would change, in words
    routine: Routine  # the progressed version


def suggest(routine: Routine, recent_sessions: list[dict]) -> Suggestion | None:
    """`recent_sessions`: this routine's sessions, newest first (history's shape)."""
    if not any(exercise.harder for exercise in routine.exercises):
        return None
    last = [s for s in recent_sessions if s["routine_id"] == routine.id][:SESSIONS_NEEDED]
    if len(last) < SESSIONS_NEEDED or not all(_earned(session) for session in last):
        return None
    pains = [session["pain_after"] for session in reversed(last)]  # oldest first
    if any(later > earlier for earlier, later in zip(pains, pains[1:])):
        return None
    latest = last[0]
    if latest["pain_before"] is not None and latest["pain_after"] > latest["pain_before"]:
        return None
    return progress(routine)


def _earned(session: dict) -> bool:
    return (
        session["status"] == "completed"
        and session["pain_after"] is not None
        and session["pain_after"] <= MAX_PAIN
        and session["exercises"]
        and all(exercise["status"] == "done" for exercise in session["exercises"])
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
