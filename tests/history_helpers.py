"""History in tests: seeding a store with past sessions, and reading rows back in the
shape `history --json` prints (so assertions read like the CLI contract)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from kneetimer.cli.history_output import session_json
from kneetimer.history.rows import SessionRow
from kneetimer.history.store import HistoryStore
from kneetimer.workout.records import ExerciseRecord, Outcome, Status

CLAMS_RIGHT = ("Clams", "right", Status.DONE, 81.3)


def seed_session(
    store: HistoryStore,
    started: datetime,
    records: Iterable[tuple[str, str | None, Status, float]] = (CLAMS_RIGHT,),
    *,
    routine_id: str = "react-glute-it-band",
    routine: str = "Glute and IT band (REACT)",
    status: Outcome | None = Outcome.COMPLETED,
    pain_before: int | None = None,
    pain_after: int | None = None,
    note: str | None = None,
    active_s: float | None = None,
    paused_s: float = 0.0,
    ended: datetime | None = None,
) -> int:
    """A session with `records` (name, side, status, seconds), done back to back from
    `started` (a new name is the next exercise), then finished with `status` (None: left
    in progress). Its id."""
    session_id = store.start_session(routine_id, routine, started, pain_before)
    moment, work, index, previous = started, 0.0, -1, None
    for name, side, record_status, seconds in records:
        index, previous = (index + 1, name) if name != previous else (index, previous)
        end = moment + timedelta(seconds=seconds)
        done = record_status is not Status.SKIPPED
        store.add_record(session_id, ExerciseRecord(index, name, side, record_status, int(done), 10 * done,
                                                    seconds, moment, end), work + seconds, paused_s)
        moment, work = end, work + seconds
    if status is not None:
        store.finish_session(session_id, status, ended or moment, work if active_s is None else active_s, paused_s)
    if pain_after is not None or note is not None:
        store.set_feedback(session_id, pain_after=pain_after, note=note)
    return session_id


def as_json(sessions: list[SessionRow]) -> list[dict]:
    return [session_json(session) for session in sessions]
