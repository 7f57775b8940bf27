"""The history database: one SQLite file in the data dir.

Written as the workout goes: a session row when it starts, an exercise row as
each record arrives (with the session's running totals, in one transaction),
the session closed at the end. So a killed process loses at most the exercise
in progress, and a session left "in progress" is marked interrupted when
kneetimer next opens the store.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

SCHEMA_VERSION = 2
DB_NAME = "history.db"
BUSY_TIMEOUT_MS = 5000
IN_PROGRESS, COMPLETED, INTERRUPTED = "in_progress", "completed", "interrupted"


class HistoryUnavailable(Exception):
    """History cannot be used; the message says why, in words for the user."""


# Each entry upgrades the schema by one version; never edit one that has shipped.
MIGRATIONS: list[str] = [
    # 1: sessions and their exercise records
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        routine_id TEXT NOT NULL,
        routine_name TEXT NOT NULL,
        started_at TEXT NOT NULL,          -- ISO 8601, milliseconds, local offset
        started_ts REAL NOT NULL,          -- the same instant as Unix time, for ordering
        ended_at TEXT,
        status TEXT NOT NULL,              -- in_progress, completed, interrupted
        active_s REAL NOT NULL DEFAULT 0,
        paused_s REAL NOT NULL DEFAULT 0,
        pain_before INTEGER,
        pain_after INTEGER,
        note TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX sessions_by_start ON sessions (started_ts);
    CREATE TABLE exercises (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        exercise_index INTEGER NOT NULL,
        name TEXT NOT NULL,
        side TEXT,
        status TEXT NOT NULL,              -- done, partial, skipped
        sets_done INTEGER NOT NULL,
        reps_done INTEGER NOT NULL,
        seconds REAL NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT NOT NULL
    );
    CREATE INDEX exercises_by_session ON exercises (session_id, position);
    """,
    # 2: the local calendar day of each session (streaks, the heatmap), and the
    #    process writing a session in progress (so another kneetimer leaves it be)
    """
    ALTER TABLE sessions ADD COLUMN day TEXT NOT NULL DEFAULT '';
    UPDATE sessions SET day = substr(started_at, 1, 10);
    CREATE INDEX sessions_by_day ON sessions (day);
    ALTER TABLE sessions ADD COLUMN owner_pid INTEGER;
    """,
]
assert len(MIGRATIONS) == SCHEMA_VERSION


@dataclass
class OpenNotice:
    """Something the user should hear about after opening (the store still works)."""

    message: str


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds")


class HistoryStore:
    """Synchronous access to the database. One instance per thread."""

    def __init__(self, connection: sqlite3.Connection, path: Path, notices: list[OpenNotice]):
        self.connection = connection
        self.path = path
        self.notices = notices

    # -- opening ---------------------------------------------------------------

    @classmethod
    def open(cls, folder: Path, recover: bool = True) -> HistoryStore:
        """Open (creating or migrating) the database in `folder`.

        A corrupt file is moved aside and a fresh one started (a notice says so);
        a file from a newer kneetimer is left untouched (HistoryUnavailable).
        """
        path = folder / DB_NAME
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise HistoryUnavailable(f"cannot create the history folder {folder}: {error.strerror or error}") from None
        notices: list[OpenNotice] = []
        try:
            _refuse_newer(path)
            connection = _connect(path)
            _check_readable(connection)
        except sqlite3.DatabaseError as error:
            if not _is_corruption(error):
                raise HistoryUnavailable(_describe(error, path)) from None
            moved = _move_aside(path)
            notices.append(OpenNotice(
                f"The history file was damaged; it was kept as {moved.name} and a new one was started."
            ))
            try:
                connection = _connect(path)
            except sqlite3.DatabaseError as second:
                raise HistoryUnavailable(_describe(second, path)) from None
        store = cls(connection, path, notices)
        try:
            store._migrate()
            if recover:
                store.recover_abandoned()
        except sqlite3.DatabaseError as error:
            connection.close()
            raise HistoryUnavailable(_describe(error, path)) from None
        return store

    def close(self) -> None:
        self.connection.close()

    def _migrate(self) -> None:
        version = self.connection.execute("PRAGMA user_version").fetchone()[0]
        for number in range(version, SCHEMA_VERSION):
            with self._transaction():
                for statement in _statements(MIGRATIONS[number]):
                    self.connection.execute(statement)
                self.connection.execute(f"PRAGMA user_version = {number + 1}")

    def _transaction(self):
        return _Transaction(self.connection)

    # -- writing ---------------------------------------------------------------

    def start_session(self, routine_id: str, routine_name: str, started_at: datetime,
                      pain_before: int | None = None) -> int:
        with self._transaction():
            cursor = self.connection.execute(
                "INSERT INTO sessions (routine_id, routine_name, started_at, started_ts, day, status,"
                " pain_before, owner_pid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (routine_id, routine_name, iso(started_at), started_at.timestamp(),
                 started_at.date().isoformat(), IN_PROGRESS, pain_before, os.getpid()),
            )
            return cursor.lastrowid

    def add_record(self, session_id: int, record, active_s: float, paused_s: float) -> None:
        """One exercise record, and the session's running totals, in one transaction."""
        with self._transaction():
            position = self.connection.execute(
                "SELECT coalesce(max(position), -1) + 1 FROM exercises WHERE session_id = ?", (session_id,)
            ).fetchone()[0]
            self.connection.execute(
                "INSERT INTO exercises (session_id, position, exercise_index, name, side, status, sets_done,"
                " reps_done, seconds, started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (session_id, position, record.exercise_index, record.name, record.side, str(record.status),
                 record.sets_done, record.reps_done, round(record.seconds, 3),
                 iso(record.started_at), iso(record.ended_at)),
            )
            self.connection.execute(
                "UPDATE sessions SET active_s = ?, paused_s = ?, ended_at = ? WHERE id = ?",
                (round(active_s, 3), round(paused_s, 3), iso(record.ended_at), session_id),
            )

    def finish_session(self, session_id: int, status: str, ended_at: datetime,
                       active_s: float, paused_s: float) -> None:
        with self._transaction():
            self.connection.execute(
                "UPDATE sessions SET status = ?, ended_at = ?, active_s = ?, paused_s = ? WHERE id = ?",
                (status, iso(ended_at), round(active_s, 3), round(paused_s, 3), session_id),
            )

    def reopen_session(self, session_id: int) -> None:
        """A resumed session is in progress again; its new work joins it."""
        with self._transaction():
            self.connection.execute(
                "UPDATE sessions SET status = ?, owner_pid = ? WHERE id = ?", (IN_PROGRESS, os.getpid(), session_id)
            )

    def set_feedback(self, session_id: int, pain_after: int | None = None, note: str | None = None) -> None:
        with self._transaction():
            if pain_after is not None:
                self.connection.execute("UPDATE sessions SET pain_after = ? WHERE id = ?", (pain_after, session_id))
            if note is not None:
                self.connection.execute("UPDATE sessions SET note = ? WHERE id = ?", (note, session_id))

    def delete_session(self, session_id: int) -> None:
        with self._transaction():
            self.connection.execute("DELETE FROM exercises WHERE session_id = ?", (session_id,))
            self.connection.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    def recover_abandoned(self) -> int:
        """Sessions left in progress by a killed process become interrupted, ended at
        their last record. Returns how many."""
        with self._transaction():
            abandoned = [
                row[0] for row in self.connection.execute(
                    "SELECT id, owner_pid FROM sessions WHERE status = ?", (IN_PROGRESS,)
                ) if not _process_alive(row[1])
            ]
            for session_id in abandoned:
                self.connection.execute(
                    "UPDATE sessions SET status = ?, ended_at = coalesce(ended_at, started_at) WHERE id = ?",
                    (INTERRUPTED, session_id),
                )
            return len(abandoned)

    # -- reading ---------------------------------------------------------------

    def sessions(self, limit: int | None = None, offset: int = 0) -> list[dict]:
        """Sessions newest first, each with its exercises, in the shape of `history --json`."""
        rows = self.connection.execute(
            "SELECT * FROM sessions ORDER BY started_ts DESC, id DESC LIMIT ? OFFSET ?",
            (-1 if limit is None else limit, offset),
        ).fetchall()
        return self._with_exercises(rows)

    def session_summaries(self, limit: int, offset: int = 0) -> list[dict]:
        """Sessions newest first with counts of done and skipped exercises: the review
        list, without reading every exercise row."""
        rows = self.connection.execute(
            "SELECT s.*, (SELECT count(*) FROM exercises e WHERE e.session_id = s.id) AS total,"
            " (SELECT count(*) FROM exercises e WHERE e.session_id = s.id AND e.status = 'done') AS done,"
            " (SELECT count(*) FROM exercises e WHERE e.session_id = s.id AND e.status = 'skipped') AS skipped"
            " FROM sessions s ORDER BY s.started_ts DESC, s.id DESC LIMIT ? OFFSET ?",
            (limit, offset),
        ).fetchall()
        summaries = []
        for row in rows:
            summary = _session_dict(row)
            del summary["exercises"]
            summary.update(total=row["total"], done=row["done"], skipped=row["skipped"])
            summaries.append(summary)
        return summaries

    def session(self, session_id: int) -> dict | None:
        rows = self.connection.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchall()
        found = self._with_exercises(rows)
        return found[0] if found else None

    def _with_exercises(self, rows: list[sqlite3.Row]) -> list[dict]:
        sessions = [_session_dict(row) for row in rows]
        by_id = {session["id"]: session for session in sessions}
        for chunk in _chunks(list(by_id), 500):
            marks = ",".join("?" * len(chunk))
            for row in self.connection.execute(
                f"SELECT * FROM exercises WHERE session_id IN ({marks}) ORDER BY session_id, position", chunk
            ):
                by_id[row["session_id"]]["exercises"].append(_exercise_dict(row))
        return sessions

    def latest_session(self) -> dict | None:
        found = self.sessions(limit=1)
        return found[0] if found else None

    def exercise_trail(self, session_id: int) -> list[tuple[int, str | None, str]]:
        """(exercise index, side, status) of a session's records, in order."""
        return [tuple(row) for row in self.connection.execute(
            "SELECT exercise_index, side, status FROM exercises WHERE session_id = ? ORDER BY position",
            (session_id,),
        )]

    def last_done(self) -> dict[str, str]:
        """When each routine was last done: routine id -> started_at."""
        return dict(self.connection.execute(
            "SELECT routine_id, max(started_at) FROM sessions GROUP BY routine_id"
        ).fetchall())

    def days_with_sessions(self, since_day: str) -> list[str]:
        return [row[0] for row in self.connection.execute(
            "SELECT DISTINCT day FROM sessions WHERE day >= ? ORDER BY day", (since_day,)
        )]

    def session_days(self, since_day: str) -> dict[str, int]:
        """Sessions per local day from `since_day` on."""
        return dict(self.connection.execute(
            "SELECT day, count(*) FROM sessions WHERE day >= ? GROUP BY day", (since_day,)
        ).fetchall())

    def recent_pain_after(self, count: int) -> list[int]:
        rows = self.connection.execute(
            "SELECT pain_after FROM sessions WHERE pain_after IS NOT NULL ORDER BY started_ts DESC LIMIT ?",
            (count,),
        ).fetchall()
        return [row[0] for row in reversed(rows)]

    def work_by_side(self, since_day: str) -> dict[str, dict[str, float]]:
        """Seconds of work per exercise name and side since `since_day` (exercises with sides only)."""
        result: dict[str, dict[str, float]] = {}
        for name, side, seconds in self.connection.execute(
            "SELECT e.name, e.side, sum(e.seconds) FROM exercises e JOIN sessions s ON s.id = e.session_id"
            " WHERE s.day >= ? AND e.side IS NOT NULL GROUP BY e.name, e.side ORDER BY e.name, e.side",
            (since_day,),
        ):
            result.setdefault(name, {})[side] = seconds
        return result

    def export_rows(self) -> Iterable[dict]:
        """Every exercise record with its session's fields, oldest first."""
        for row in self.connection.execute(
            "SELECT s.id AS session_id, s.routine_id, s.routine_name, s.started_at AS session_started_at,"
            " s.ended_at AS session_ended_at, s.status AS session_status, s.active_s, s.paused_s,"
            " s.pain_before, s.pain_after, s.note, e.name AS exercise, e.side, e.status, e.sets_done,"
            " e.reps_done, e.seconds, e.started_at, e.ended_at"
            " FROM exercises e JOIN sessions s ON s.id = e.session_id ORDER BY s.started_ts, s.id, e.position"
        ):
            yield dict(row)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, so two processes queue on the busy timeout
    instead of failing half-way with "database is locked"."""

    def __init__(self, connection: sqlite3.Connection):
        self.connection = connection

    def __enter__(self):
        self.connection.execute("BEGIN IMMEDIATE")
        return self.connection

    def __exit__(self, kind, value, traceback):
        if kind is None:
            self.connection.execute("COMMIT")
        elif self.connection.in_transaction:
            self.connection.execute("ROLLBACK")
        return False


def _process_alive(pid: int | None) -> bool:
    """Whether the process that owns a session in progress still runs. Our own pid
    means the session is ours and live. Off POSIX there is no safe check, so a
    session left in progress counts as abandoned."""
    if pid == os.getpid():
        return True
    if not pid or os.name != "posix":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _refuse_newer(path: Path) -> None:
    """Raise HistoryUnavailable for a file from a newer kneetimer, before anything
    (even switching to WAL, which rewrites the header) touches it."""
    if not path.exists():
        return
    probe = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        version = probe.execute("PRAGMA user_version").fetchone()[0]
    finally:
        probe.close()
    if version > SCHEMA_VERSION:
        raise HistoryUnavailable(
            f"{path} was written by a newer kneetimer (history schema {version}; this version "
            f"knows up to {SCHEMA_VERSION}). It was left untouched: update kneetimer to use it."
        )


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    connection.row_factory = sqlite3.Row
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def _check_readable(connection: sqlite3.Connection) -> None:
    connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    result = connection.execute("PRAGMA quick_check(1)").fetchone()[0]
    if result != "ok":
        raise sqlite3.DatabaseError(f"database disk image is malformed ({result})")


def _is_corruption(error: sqlite3.DatabaseError) -> bool:
    text = str(error).lower()
    return "not a database" in text or "malformed" in text or "corrupt" in text


def _move_aside(path: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.corrupt-{stamp}{path.suffix}")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.stem}.corrupt-{stamp}-{number}{path.suffix}")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        side_file = path.with_name(path.name + suffix)
        if side_file.exists():
            side_file.rename(target.with_name(target.name + suffix))
    return target


def _describe(error: sqlite3.Error, path: Path) -> str:
    text = str(error)
    if "readonly" in text or "unable to open" in text or "read-only" in text:
        return f"cannot write the history file {path} ({text}); check the folder's permissions"
    if "disk is full" in text or "disk I/O" in text:
        return f"cannot write the history file {path}: the disk is full or failing ({text})"
    if "locked" in text or "busy" in text:
        return f"the history file {path} is busy (another kneetimer is writing); try again"
    return f"cannot use the history file {path}: {text}"


def _statements(script: str) -> list[str]:
    return [statement.strip() for statement in script.split(";") if statement.strip()]


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _session_dict(row: sqlite3.Row) -> dict:
    return {
        "id": row["id"],
        "routine_id": row["routine_id"],
        "routine": row["routine_name"],
        "started_at": row["started_at"],
        "ended_at": row["ended_at"],
        "status": row["status"],
        "active_s": round(row["active_s"], 1),
        "paused_s": round(row["paused_s"], 1),
        "pain_before": row["pain_before"],
        "pain_after": row["pain_after"],
        "note": row["note"],
        "exercises": [],
    }


def _exercise_dict(row: sqlite3.Row) -> dict:
    return {
        "name": row["name"],
        "side": row["side"],
        "status": row["status"],
        "sets_done": row["sets_done"],
        "reps_done": row["reps_done"],
        "seconds": round(row["seconds"], 1),
        "started_at": row["started_at"],
        "ended_at": row["ended_at"],
    }
