"""Offering to resume a recently interrupted session, from where it stopped."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from kneetimer.history.store import INTERRUPTED, HistoryStore
from kneetimer.routines.model import Routine

RESUME_WITHIN = timedelta(hours=12)


@dataclass(frozen=True)
class ResumeOffer:
    session: dict
    routine: Routine
    exercise_index: int  # where the resumed workout starts


def find_resumable(store: HistoryStore, routines: dict[str, Routine], now: datetime) -> ResumeOffer | None:
    """The newest session, if it was interrupted under 12 hours ago and its routine
    still has exercises left to do."""
    session = store.latest_session()
    if session is None or session["status"] != INTERRUPTED or not session["ended_at"]:
        return None
    routine = routines.get(session["routine_id"])
    if routine is None:
        return None
    try:
        ended = datetime.fromisoformat(session["ended_at"])
    except ValueError:
        return None
    if not timedelta(0) <= now - ended < RESUME_WITHIN:
        return None
    index = resume_point(routine, store.exercise_trail(session["id"]))
    if index >= len(routine.exercises):
        return None
    return ResumeOffer(session, routine, index)


def resume_point(routine: Routine, trail: list[tuple[int, str | None, str]]) -> int:
    """The first exercise not done where the session stopped: the last one recorded,
    unless it was finished (done or skipped) on its last side, then the next."""
    if not trail:
        return 0
    index, side, status = trail[-1]
    if index >= len(routine.exercises):
        return len(routine.exercises)
    last_side = routine.exercises[index].side_labels()[-1]
    if status in ("done", "skipped") and side == last_side:
        return index + 1
    return index
