"""The history store: sessions and their exercise records, read and written as typed rows.

Written as the workout goes: a session row when it starts, an exercise row as
each record arrives (with the session's running totals, in one transaction),
the session closed at the end. So a killed process loses at most the exercise
in progress, and a session left "in progress" is marked interrupted when
kneetimer next opens the store.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import TypeVar

from kneetimer.care.morning import Candidate
from kneetimer.care.outcomes import Checkin
from kneetimer.care.pain import flag_for
from kneetimer.dates import iso, parse_iso
from kneetimer.history.database import (
    DB_NAME,
    SCHEMA_VERSION,
    FileIdentity,
    HistoryUnavailable,
    OpenNotice,
    describe_error,
    file_lost,
    open_database,
    open_for_reading,
    transaction,
)
from kneetimer.history.rows import (
    NEXT_DAY_ANSWERS,
    ExerciseRow,
    NextDay,
    PainPoint,
    SessionRow,
    SessionSummary,
    SideWork,
)
from kneetimer.workout.records import EndedBy, ExerciseRecord, Outcome, Status, best_records, tally

__all__ = ["DB_NAME", "SCHEMA_VERSION", "HistoryStore", "HistoryUnavailable", "OpenNotice"]

T = TypeVar("T")


class SessionUnderWay(Exception):
    """A session cannot be changed that way while its workout is under way elsewhere."""


class HistoryStore:
    """Synchronous access to the database. One instance per thread."""

    def __init__(self, connection: sqlite3.Connection, path: Path, notices: list[OpenNotice]):
        self.connection = connection
        self.path = path
        self.notices = notices
        self.identity = FileIdentity.of(path)

    @classmethod
    def open(cls, folder: Path, recover: bool = True, name: str = DB_NAME) -> HistoryStore:
        """Open the database in `folder` (see database.open_database); with `recover`,
        sessions abandoned by a killed kneetimer are marked interrupted."""
        connection, path, notices = open_database(folder, name)
        try:
            store = cls(connection, path, notices)
        except OSError as error:
            connection.close()
            raise HistoryUnavailable(f"cannot use the history file {path}: {error.strerror or error}") from None
        if recover:
            try:
                store.recover_abandoned()
            except sqlite3.DatabaseError as error:
                connection.close()
                raise HistoryUnavailable(describe_error(error, path)) from None
        return store

    @classmethod
    def open_for_reading(cls, folder: Path) -> HistoryStore | None:
        """The history as it stands, changing nothing (database.open_for_reading); None
        when there is none yet."""
        opened = open_for_reading(folder)
        if opened is None:
            return None
        connection, path = opened
        return cls(connection, path, [])

    def close(self) -> None:
        self.connection.close()

    def lost(self, session_id: int | None = None, started_at: str | None = None) -> str | None:
        """How the file this store writes to was lost since it was opened (see file_lost),
        or copied over in place (the session written so far is no longer in it)."""
        how = file_lost(self.path, self.identity)
        if how is not None or session_id is None:
            return how
        try:
            stored = self.started_at_text(session_id)
        except sqlite3.DatabaseError:
            return "damaged"
        if stored is None and how is None:
            return "session deleted"  # the same file, without this session: deleted elsewhere
        return None if stored == started_at else "overwritten"

    def started_at_text(self, session_id: int) -> str | None:
        """The session's start as stored: what tells this session's row from another's."""
        row = self.connection.execute("SELECT started_at FROM sessions WHERE id = ?", (session_id,)).fetchone()
        return None if row is None else row[0]

    def settle(self) -> None:
        """Copy the write-ahead log into the file and empty it: what is written is in the
        file itself, and no stale log is left to be read with a file put in its place."""
        with contextlib.suppress(sqlite3.DatabaseError):  # busy: the log is copied at the next chance
            self.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    # -- writing ---------------------------------------------------------------

    def start_session(self, routine_id: str, routine_name: str, started_at: datetime,
                      pain_before: int | None = None, routine_path: str | None = None,
                      exercises_planned: int | None = None) -> int:
        with transaction(self.connection):
            cursor = self.connection.execute(
                "INSERT INTO sessions (routine_id, routine_name, started_at, started_ts, day, status,"
                " pain_before, owner_pid, owner_started, routine_path, exercises_planned)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (routine_id, routine_name, iso(started_at), started_at.timestamp(),
                 started_at.date().isoformat(), Outcome.IN_PROGRESS, pain_before, os.getpid(),
                 process_started(os.getpid()), routine_path, exercises_planned),
            )
            assert cursor.lastrowid is not None  # an INSERT always sets it
            return cursor.lastrowid

    def add_record(self, session_id: int, record: ExerciseRecord, active_s: float, paused_s: float) -> None:
        """One exercise record, and the session's running totals, in one transaction."""
        with transaction(self.connection):
            position = self.connection.execute(
                "SELECT coalesce(max(position), -1) + 1 FROM exercises WHERE session_id = ?", (session_id,)
            ).fetchone()[0]
            self.connection.execute(
                "INSERT INTO exercises (session_id, position, exercise_index, name, side, status, sets_done,"
                " reps_done, seconds, started_at, ended_at, planned_sets, planned_reps, planned_seconds,"
                " prescribed, sides_planned, load) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (session_id, position, record.exercise_index, record.name, record.side, str(record.status),
                 record.sets_done, record.reps_done, round(record.seconds, 3),
                 iso(record.started_at), iso(record.ended_at), record.planned_sets, record.planned_reps,
                 round(record.planned_seconds, 3), record.prescribed, record.sides, record.load or None),
            )
            self.connection.execute(
                "UPDATE sessions SET active_s = ?, paused_s = ?, ended_at = ? WHERE id = ?",
                (round(active_s, 3), round(paused_s, 3), iso(record.ended_at), session_id),
            )

    def finish_session(self, session_id: int, status: Outcome, ended_at: datetime,
                       active_s: float, paused_s: float, ended_by: EndedBy | None = None) -> None:
        """The end of a session. One that reached its end is completed when anything in it
        was done (a resumed session's earlier part included), else skipped."""
        with transaction(self.connection):
            if status in (Outcome.COMPLETED, Outcome.SKIPPED):
                worked = self.connection.execute(
                    "SELECT 1 FROM exercises WHERE session_id = ? AND status != ? LIMIT 1",
                    (session_id, Status.SKIPPED)).fetchone()
                status = Outcome.COMPLETED if worked else Outcome.SKIPPED
            self.connection.execute(
                "UPDATE sessions SET status = ?, ended_at = ?, active_s = ?, paused_s = ?, ended_by = ?"
                " WHERE id = ?",
                (str(status), iso(ended_at), round(active_s, 3), round(paused_s, 3),
                 None if ended_by is None else str(ended_by), session_id),
            )

    def take_over(self, session_id: int) -> bool:
        """Claim an interrupted session to resume it: False when another kneetimer has
        resumed it already (two pickers offered the same session)."""
        with transaction(self.connection):
            claimed = self.connection.execute(
                "UPDATE sessions SET status = ?, owner_pid = ?, owner_started = ? WHERE id = ? AND status = ?",
                (Outcome.IN_PROGRESS, os.getpid(), process_started(os.getpid()), session_id, Outcome.INTERRUPTED),
            ).rowcount
        return claimed == 1

    def reopen_session(self, session_id: int) -> None:
        """A resumed session is in progress again; its new work joins it."""
        with transaction(self.connection):
            self.connection.execute(
                "UPDATE sessions SET status = ?, owner_pid = ?, owner_started = ? WHERE id = ?",
                (Outcome.IN_PROGRESS, os.getpid(), process_started(os.getpid()), session_id),
            )

    def set_feedback(self, session_id: int, pain_after: int | None = None, note: str | None = None) -> None:
        with transaction(self.connection):
            if pain_after is not None:
                self.connection.execute("UPDATE sessions SET pain_after = ? WHERE id = ?", (pain_after, session_id))
            if note is not None:
                self.connection.execute("UPDATE sessions SET note = ? WHERE id = ?", (note, session_id))

    def set_exercise_pain(self, session_id: int, exercise_index: int, side: str | None, pain: int | None) -> None:
        """Pain marked for one exercise and side (all its records in the session)."""
        with transaction(self.connection):
            self.connection.execute(
                "UPDATE exercises SET pain = ? WHERE session_id = ? AND exercise_index = ? AND side IS ?",
                (pain, session_id, exercise_index, side),
            )

    def set_exercise_effort(self, session_id: int, exercise_index: int, side: str | None,
                            effort: int | None) -> None:
        """Effort (0-10, how hard) marked for one exercise and side."""
        with transaction(self.connection):
            self.connection.execute(
                "UPDATE exercises SET effort = ? WHERE session_id = ? AND exercise_index = ? AND side IS ?",
                (effort, session_id, exercise_index, side),
            )

    def add_checkin(self, checkin: Checkin, taken_at: datetime) -> None:
        """An outcome-measure check-in (care/outcomes.py)."""
        with transaction(self.connection):
            self.connection.execute(
                "INSERT INTO checkins (taken_at, day, usual_pain, worst_pain, activities) VALUES (?, ?, ?, ?, ?)",
                (iso(taken_at), checkin.day.isoformat(), checkin.usual_pain, checkin.worst_pain,
                 json.dumps([list(activity) for activity in checkin.activities], ensure_ascii=False)))

    def checkins(self, since: date | None = None) -> list[Checkin]:
        """Check-ins oldest first (from `since` on)."""
        rows = self.connection.execute(
            "SELECT day, usual_pain, worst_pain, activities FROM checkins WHERE day >= ? ORDER BY day, id",
            ((since or date.min).isoformat(),)).fetchall()
        return [Checkin(date.fromisoformat(row[0]), row[1], row[2], _activities(row[3])) for row in rows]

    def set_next_day(self, session_id: int, answer: str) -> None:
        """The next-morning answer for a session ("better", "same", "worse", or "skipped")."""
        with transaction(self.connection):
            self.connection.execute("UPDATE sessions SET next_day = ? WHERE id = ?", (answer, session_id))

    def morning_candidates(self, since_day: date) -> list[Candidate]:
        """Sessions from `since_day` on with an exercise done, newest first: what the
        next-morning question may ask about."""
        rows = self.connection.execute(
            "SELECT s.id, s.day, s.next_day FROM sessions s WHERE s.day >= ? AND EXISTS (SELECT 1 FROM exercises e"
            " WHERE e.session_id = s.id AND e.status != ?) ORDER BY s.started_ts DESC, s.id DESC",
            (since_day.isoformat(), Status.SKIPPED),
        ).fetchall()
        return [Candidate(row[0], date.fromisoformat(row[1]), row[2]) for row in rows]

    def recent_next_days(self, limit: int) -> list[str | None]:
        """The newest answered next-morning answers (skips left out), newest first."""
        rows = self.connection.execute(
            "SELECT next_day FROM sessions WHERE next_day IN ('better', 'same', 'worse')"
            " ORDER BY started_ts DESC LIMIT ?", (limit,)).fetchall()
        return [row[0] for row in rows]

    def delete_session(self, session_id: int) -> None:
        """Delete a session and its records; refused (SessionUnderWay) while the session is
        under way in a kneetimer that still runs: that workout would lose its saving."""
        with transaction(self.connection):
            row = self.connection.execute(
                "SELECT status, owner_pid, owner_started FROM sessions WHERE id = ?", (session_id,)).fetchone()
            if row is not None and row[0] == Outcome.IN_PROGRESS and _process_alive(row[1], row[2]):
                raise SessionUnderWay("this session is under way in another kneetimer; "
                                      "it can be deleted once that workout has ended")
            self.connection.execute("DELETE FROM exercises WHERE session_id = ?", (session_id,))
            self.connection.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    def recover_abandoned(self) -> int:
        """Sessions left in progress by a killed process become interrupted, ended at
        their last record. Returns how many."""
        with transaction(self.connection):
            abandoned = [
                row[0] for row in self.connection.execute(
                    "SELECT id, owner_pid, owner_started FROM sessions WHERE status = ?", (Outcome.IN_PROGRESS,)
                ) if not _process_alive(row[1], row[2])
            ]
            for session_id in abandoned:
                self.connection.execute(
                    "UPDATE sessions SET status = ?, ended_at = coalesce(ended_at, started_at), ended_by = ?"
                    " WHERE id = ?",
                    (Outcome.INTERRUPTED, EndedBy.LOST, session_id),
                )
            return len(abandoned)

    # -- reading ---------------------------------------------------------------

    def sessions(self, limit: int | None = None, offset: int = 0) -> list[SessionRow]:
        """Sessions newest first, each with its exercises."""
        rows = self.connection.execute(
            "SELECT * FROM sessions ORDER BY started_ts DESC, id DESC LIMIT ? OFFSET ?",
            (-1 if limit is None else limit, offset),
        ).fetchall()
        return self._with_exercises(rows)

    def session_summaries(self, limit: int, offset: int = 0) -> list[SessionSummary]:
        """Sessions newest first with their counts (records.tally: the one definition of
        done, shared with the summary, `history` and the report): the review list, a page
        at a time."""
        rows = self.connection.execute(
            "SELECT * FROM sessions ORDER BY started_ts DESC, id DESC LIMIT ? OFFSET ?", (limit, offset)
        ).fetchall()
        summaries = []
        for session in self._with_exercises(rows):
            counts = tally(session.counted, session.exercises_planned)
            pains = [e.pain for e in session.counted if e.pain is not None]
            summaries.append(SessionSummary(session, counts.exercises, counts.done, counts.skipped,
                                            max(pains) if pains else None))
        return summaries

    def session(self, session_id: int) -> SessionRow | None:
        rows = self.connection.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchall()
        found = self._with_exercises(rows)
        return found[0] if found else None

    def _with_exercises(self, rows: list[sqlite3.Row]) -> list[SessionRow]:
        exercises: dict[int, list[ExerciseRow]] = {row["id"]: [] for row in rows}
        for chunk in _chunks(list(exercises), 500):
            marks = ",".join("?" * len(chunk))
            for row in self.connection.execute(
                f"SELECT * FROM exercises WHERE session_id IN ({marks}) ORDER BY session_id, position", chunk
            ):
                exercises[row["session_id"]].append(_exercise_row(row))
        return [_session_row(row, _mark_counted(exercises[row["id"]])) for row in rows]

    def sessions_between(self, first_day: date, last_day: date) -> list[SessionRow]:
        """Sessions done from `first_day` to `last_day` (local days), oldest first."""
        rows = self.connection.execute(
            "SELECT * FROM sessions WHERE day >= ? AND day <= ? ORDER BY started_ts, id",
            (first_day.isoformat(), last_day.isoformat()),
        ).fetchall()
        return self._with_exercises(rows)

    def recent_sessions(self, routine_id: str, limit: int) -> list[SessionRow]:
        """The newest sessions of one routine, with their exercises."""
        rows = self.connection.execute(
            "SELECT * FROM sessions WHERE routine_id = ? ORDER BY started_ts DESC, id DESC LIMIT ?",
            (routine_id, limit),
        ).fetchall()
        return self._with_exercises(rows)

    def latest_session(self) -> SessionRow | None:
        found = self.sessions(limit=1)
        return found[0] if found else None

    def last_done(self) -> dict[str, datetime]:
        """When each routine was last started: routine id -> the moment."""
        return {
            routine_id: parse_iso(started_at) for routine_id, started_at, _ in self.connection.execute(
                "SELECT routine_id, started_at, max(started_ts) FROM sessions GROUP BY routine_id"
            )
        }

    def session_days(self, since_day: str) -> dict[str, int]:
        """Sessions with an exercise done, per local day from `since_day` on (a session
        where everything was skipped is not marked on the calendar)."""
        return dict(self.connection.execute(
            "SELECT s.day, count(*) FROM sessions s WHERE s.day >= ? AND EXISTS (SELECT 1 FROM exercises e"
            " WHERE e.session_id = s.id AND e.status = ?) GROUP BY s.day", (since_day, Status.DONE)
        ).fetchall())

    def recent_pain(self, count: int) -> list[PainPoint]:
        """Pain before and after the last `count` sessions that recorded any, oldest first."""
        rows = self.connection.execute(
            "SELECT s.started_at, s.pain_before, s.pain_after,"
            " (SELECT max(e.pain) FROM exercises e WHERE e.session_id = s.id) FROM sessions s"
            " WHERE s.pain_before IS NOT NULL OR s.pain_after IS NOT NULL ORDER BY s.started_ts DESC LIMIT ?",
            (count,),
        ).fetchall()
        return [PainPoint(parse_iso(when), before, after, flag_for(after, [("", None, most)]) is not None)
                for when, before, after, most in reversed(rows)]

    def work_per_day(self, since_day: str) -> dict[str, float]:
        """Seconds of work per local day from `since_day` on (a redone exercise counted once)."""
        return dict(self.connection.execute(
            "WITH " + _best("JOIN sessions s ON s.id = e.session_id WHERE s.day >= ?")
            + " SELECT s.day, sum(b.seconds) FROM best b JOIN sessions s ON s.id = b.session_id"
            " WHERE b.best_rank = 1 GROUP BY s.day",
            (since_day,),
        ).fetchall())

    def side_balance(self, since_day: str) -> dict[str, SideWork]:
        """Work per side of each exercise with sides, since `since_day`, counted only in the
        sessions where every side of it was done: a skipped side is not a gap."""
        result: dict[str, SideWork] = {}
        for name, side, seconds, sessions in self.connection.execute(
            "WITH " + _best("JOIN sessions s ON s.id = e.session_id WHERE s.day >= ? AND e.side IS NOT NULL") + ", "
            "counted AS (SELECT * FROM best WHERE best_rank = 1), "
            "whole AS (SELECT session_id, exercise_index FROM counted GROUP BY session_id, exercise_index"
            " HAVING count(*) >= 2 AND sum(status != ?) = 0) "
            "SELECT c.name, c.side, sum(c.seconds), count(*) FROM counted c"
            " JOIN whole USING (session_id, exercise_index) GROUP BY c.name, c.side ORDER BY c.name, c.side",
            (since_day, Status.DONE),
        ):
            work = result.setdefault(name, SideWork({}, sessions))
            work.seconds[side] = seconds
        return result


_BEST_ORDER = "CASE e.status WHEN 'done' THEN 0 WHEN 'partial' THEN 1 ELSE 2 END, e.seconds DESC, e.position"


def _best(selection: str) -> str:
    """A `best` CTE: the exercise rows `selection` picks, ranked per session, exercise and side
    (best_rank 1: the record that counts, as records.best_records chooses). Ranking only the
    rows a query needs keeps ten years of history as fast as one."""
    return ("best AS (SELECT e.*, row_number() OVER (PARTITION BY e.session_id, e.exercise_index, e.side"
            f" ORDER BY {_BEST_ORDER}) AS best_rank FROM exercises e {selection})")


def _process_alive(pid: int | None, started: float | None = None) -> bool:
    """Whether the process that owns a session in progress still runs. Our own pid
    means the session is ours and live; a pid now used by a process that started at
    another time is not the owner (pids are reused). Off POSIX there is no safe check,
    so a session left in progress counts as abandoned."""
    if pid == os.getpid():
        return True
    if not pid or os.name != "posix":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    now_started = process_started(pid)
    return not (started is not None and now_started is not None and abs(now_started - started) > START_TOLERANCE_S)


START_TOLERANCE_S = 0.05  # two readings of one process's start time agree to a clock tick


def process_started(pid: int) -> float | None:
    """When process `pid` started, in seconds since boot (Linux /proc); None where it
    cannot be told (then the pid alone decides)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            fields = handle.read().rsplit(b")", 1)[1].split()
        return int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22, starttime, in clock ticks
    except (OSError, ValueError, IndexError):
        return None


def _chunks(items: list[T], size: int) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _mark_counted(exercises: list[ExerciseRow]) -> tuple[ExerciseRow, ...]:
    best = {id(row) for row in best_records(exercises)}
    return tuple(row if id(row) in best else replace(row, counted=False) for row in exercises)


def _activities(text: str) -> tuple[tuple[str, int], ...]:
    try:
        return tuple((str(name), int(score)) for name, score in json.loads(text))
    except (ValueError, TypeError):
        return ()


def _session_row(row: sqlite3.Row, exercises: tuple[ExerciseRow, ...] = ()) -> SessionRow:
    started_at = parse_iso(row["started_at"])
    ended_at = parse_iso(row["ended_at"]) if row["ended_at"] else None
    status = Outcome(row["status"])
    ended_by = EndedBy(row["ended_by"]) if row["ended_by"] else None
    if status is Outcome.IN_PROGRESS and not _process_alive(row["owner_pid"], row["owner_started"]):
        # its owner is gone (killed): read as the next start will record it, without writing
        status, ended_by = Outcome.INTERRUPTED, EndedBy.LOST
        ended_at = ended_at or started_at
    return SessionRow(
        id=row["id"],
        routine_id=row["routine_id"],
        routine=row["routine_name"],
        started_at=started_at,
        ended_at=ended_at,
        status=status,
        active_s=row["active_s"],
        paused_s=row["paused_s"],
        pain_before=row["pain_before"],
        pain_after=row["pain_after"],
        note=row["note"],
        exercises=exercises,
        exercises_planned=row["exercises_planned"],
        next_day=NextDay(row["next_day"]) if row["next_day"] in NEXT_DAY_ANSWERS else None,
        routine_path=row["routine_path"],
        ended_by=ended_by,
    )


def _exercise_row(row: sqlite3.Row) -> ExerciseRow:
    return ExerciseRow(
        exercise_index=row["exercise_index"],
        name=row["name"],
        side=row["side"],
        status=Status(row["status"]),
        sets_done=row["sets_done"],
        reps_done=row["reps_done"],
        seconds=row["seconds"],
        started_at=parse_iso(row["started_at"]),
        ended_at=parse_iso(row["ended_at"]),
        pain=row["pain"],
        effort=row["effort"],
        planned_sets=row["planned_sets"],
        planned_reps=row["planned_reps"],
        planned_seconds=row["planned_seconds"],
        prescribed=row["prescribed"],
        sides=row["sides_planned"] or 0,  # 0: not known (recorded before kneetimer kept it)
        load=row["load"] or "",
    )
