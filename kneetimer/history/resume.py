"""Offering to resume a recently interrupted session, from where it stopped."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from kneetimer.history.rows import ExerciseRow, SessionRow
from kneetimer.history.store import HistoryStore
from kneetimer.routines.loader import load_file
from kneetimer.routines.model import Routine
from kneetimer.workout.records import Outcome, Status

RESUME_WITHIN = timedelta(hours=12)


@dataclass(frozen=True)
class ResumeOffer:
    """An interrupted session that can be resumed, and where it would start again."""

    session: SessionRow
    routine: Routine
    exercise_index: int  # where the resumed workout starts
    side_index: int = 0  # the side of it (a left side left undone starts at the left)


def find_resumable(store: HistoryStore, routines: dict[str, Routine], now: datetime) -> ResumeOffer | None:
    """The newest session, if it was interrupted under 12 hours ago and its routine
    still has exercises left to do, and is still the routine it was (a routine changed
    since cannot be resumed: its records would be matched to other exercises)."""
    session = store.latest_session()
    if session is None or session.status is not Outcome.INTERRUPTED or session.ended_at is None:
        return None
    routine = routines.get(session.routine_id) or _from_its_file(session)
    if routine is None:
        return None
    if not timedelta(0) <= now - session.ended_at < RESUME_WITHIN:
        return None
    point = resume_point(routine, session.exercises)
    if point is None or point[0] >= len(routine.exercises):
        return None
    return ResumeOffer(session, routine, *point)


def _from_its_file(session: SessionRow) -> Routine | None:
    """A routine run from a file of its own (`kneetimer run path/to/mine.toml`), found again."""
    if not session.routine_path:
        return None
    routine = load_file(Path(session.routine_path)).routine
    return routine if routine is not None and routine.id == session.routine_id else None


def resume_point(routine: Routine, trail: Sequence[ExerciseRow]) -> tuple[int, int] | None:
    """The exercise and side to start again at: where the session stopped, unless that
    side was finished (done or skipped), then the next side or exercise. None when the
    records no longer match the routine (an exercise added, removed or renamed since)."""
    exercises = routine.exercises
    for row in trail:
        if row.exercise_index >= len(exercises) or exercises[row.exercise_index].name != row.name:
            return None
        if row.side is not None and row.side not in exercises[row.exercise_index].side_labels():
            return None
    if not trail:
        return 0, 0
    last = trail[-1]
    sides = exercises[last.exercise_index].side_labels()
    side_index = sides.index(last.side) if last.side in sides else len(sides) - 1
    if last.status is Status.PARTIAL:
        return last.exercise_index, side_index
    if side_index + 1 < len(sides):
        return last.exercise_index, side_index + 1
    return last.exercise_index + 1, 0
