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


def find_resumable(store: HistoryStore, routines: dict[str, Routine], now: datetime) -> ResumeOffer | None:
    """The newest session, if it was interrupted under 12 hours ago and its routine
    still has exercises left to do."""
    session = store.latest_session()
    if session is None or session.status is not Outcome.INTERRUPTED or session.ended_at is None:
        return None
    routine = routines.get(session.routine_id) or _from_its_file(session)
    if routine is None:
        return None
    if not timedelta(0) <= now - session.ended_at < RESUME_WITHIN:
        return None
    index = resume_point(routine, session.exercises)
    if index >= len(routine.exercises):
        return None
    return ResumeOffer(session, routine, index)


def _from_its_file(session: SessionRow) -> Routine | None:
    """A routine run from a file of its own (`kneetimer run path/to/mine.toml`), found again."""
    if not session.routine_path:
        return None
    routine = load_file(Path(session.routine_path)).routine
    return routine if routine is not None and routine.id == session.routine_id else None


def resume_point(routine: Routine, trail: Sequence[ExerciseRow]) -> int:
    """The first exercise not done where the session stopped: the last one recorded,
    unless it was finished (done or skipped) on its last side, then the next."""
    if not trail:
        return 0
    last = trail[-1]
    if last.exercise_index >= len(routine.exercises):
        return len(routine.exercises)
    last_side = routine.exercises[last.exercise_index].side_labels()[-1]
    if last.status in (Status.DONE, Status.SKIPPED) and last.side == last_side:
        return last.exercise_index + 1
    return last.exercise_index
