"""Suggesting the next step up, only when the knee has earned it.

Offered when a routine has a `harder` progression (or holds to lengthen) and the
pain-monitoring model says so (care/progression.py): the last 3 sessions complete, every
exercise green, no worse morning, effort at most 7 where marked. Otherwise the summary
says in one line what holds it back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kneetimer.care.progression import SESSIONS_NEEDED, SessionFacts, what_holds_back
from kneetimer.history.rows import NextDay, SessionRow
from kneetimer.history.store import HistoryStore
from kneetimer.routines.model import Exercise, Hold, Routine
from kneetimer.workout.records import Outcome, Status, tally

HOLD_STEP = 0.2  # +20 % on holds (at least a second) where there is no `harder` text


@dataclass(frozen=True)
class Suggestion:
    """The next step of a routine that the person has earned, and what it changes."""

    changes: tuple[str, ...]  # what would change, in words
    routine: Routine  # the progressed version


@dataclass(frozen=True)
class HeldBack:
    """The next step is not earned yet, and why (one line)."""

    reason: str


def offer(store: HistoryStore, routine: Routine, session_id: int | None) -> Suggestion | HeldBack | None:
    """The progression to offer right after session `session_id` of `routine`, or what
    holds it back; None when the routine has nothing to progress."""
    recent = store.recent_sessions(routine.id, SESSIONS_NEEDED)
    if session_id is None or not recent or recent[0].id != session_id:
        return None
    return suggest(routine, recent)


def suggest(routine: Routine, recent_sessions: list[SessionRow]) -> Suggestion | HeldBack | None:
    """`recent_sessions`: this routine's sessions, newest first."""
    if not any(exercise.harder for exercise in routine.exercises):
        return None
    last = [s for s in recent_sessions if s.routine_id == routine.id][:SESSIONS_NEEDED]
    reason = what_holds_back([facts(session) for session in last])
    return HeldBack(reason) if reason else progress(routine)


def facts(session: SessionRow) -> SessionFacts:
    """What the progression rule needs of a session."""
    counted = session.counted
    counts = tally(counted, session.exercises_planned)
    complete = (session.status is Outcome.COMPLETED and bool(counted) and counts.done == counts.exercises
                and all(row.status is Status.DONE for row in counted))
    return SessionFacts(
        day=session.started_at.date(),
        complete=complete,
        pain_after=session.pain_after,
        exercise_pains=tuple((row.name, row.side, row.pain) for row in counted if row.pain is not None),
        efforts=tuple((row.name, row.side, row.effort) for row in counted if row.effort is not None),
        worse_next_day=session.next_day is NextDay.WORSE,
    )


def progress(routine: Routine) -> Suggestion:
    changes: list[str] = []
    exercises = []
    for exercise in routine.exercises:
        if exercise.harder:
            changes.append(f"{exercise.name}: {exercise.harder}")
            exercise = replace(exercise, cues=(f"Harder: {exercise.harder}", *exercise.cues), harder="",
                               figure=_with_band(exercise.figure, exercise.harder))
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


def _with_band(figure: str, harder: str) -> str:
    """The band variant of a figure when the step up adds a band and one exists (clam -> clam-band)."""
    from kneetimer.figures.library import MOVES

    banded = f"{figure}-band"
    return banded if figure and "band" in harder.lower() and banded in MOVES else figure
