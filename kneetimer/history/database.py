"""The history file: opening, creating and migrating it, and what can go wrong.

One SQLite file in the data dir, versioned with `user_version`: an older file is
upgraded in place, one from a newer kneetimer is left untouched, and a damaged one
is moved aside (never deleted) so a fresh one can start. WAL, a busy timeout and
BEGIN IMMEDIATE let two kneetimers share it without "database is locked".
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

SCHEMA_VERSION = 4
DB_NAME = "history.db"
BUSY_TIMEOUT_MS = 5000


class HistoryUnavailable(Exception):
    """History cannot be used; the message says why, in words for the user."""


@dataclass
class OpenNotice:
    """Something the user should hear about after opening (the store still works)."""

    message: str


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
    # 3: the file a routine was run from (to resume it after a kill), when the owner
    #    process started (a reused pid is not the owner), who or what ended a session,
    #    pain marked per exercise, and what each exercise and side was prescribed (the
    #    routine file may change later)
    """
    ALTER TABLE sessions ADD COLUMN routine_path TEXT;
    ALTER TABLE sessions ADD COLUMN owner_started REAL;
    ALTER TABLE sessions ADD COLUMN ended_by TEXT;
    ALTER TABLE exercises ADD COLUMN pain INTEGER;
    ALTER TABLE exercises ADD COLUMN planned_sets INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE exercises ADD COLUMN planned_reps INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE exercises ADD COLUMN planned_seconds REAL NOT NULL DEFAULT 0;
    ALTER TABLE exercises ADD COLUMN prescribed TEXT NOT NULL DEFAULT '';
    """,
    # 4: how many exercises the routine had, and how many sides each (what "done" is
    #    counted against); the next-morning answer; effort (0-10) and load per record;
    #    outcome measures (check-ins)
    """
    ALTER TABLE sessions ADD COLUMN exercises_planned INTEGER;
    ALTER TABLE sessions ADD COLUMN next_day TEXT;
    ALTER TABLE exercises ADD COLUMN sides_planned INTEGER;
    ALTER TABLE exercises ADD COLUMN effort INTEGER;
    ALTER TABLE exercises ADD COLUMN load TEXT;
    CREATE TABLE checkins (
        id INTEGER PRIMARY KEY,
        taken_at TEXT NOT NULL,            -- ISO 8601, local offset
        day TEXT NOT NULL,
        usual_pain INTEGER,                -- over the last week, 0-10
        worst_pain INTEGER,
        activities TEXT NOT NULL DEFAULT '[]'  -- JSON: [[activity, 0-10], ...], the PSFS
    );
    """,
]
assert len(MIGRATIONS) == SCHEMA_VERSION




def open_database(folder: Path, name: str = DB_NAME) -> tuple[sqlite3.Connection, Path, list[OpenNotice]]:
    """Open (creating or migrating) the database `name` in `folder`.

    A corrupt file is moved aside and a fresh one started (a notice says so);
    a file from a newer kneetimer is left untouched (HistoryUnavailable).
    """
    path = folder / name
    check_places(folder, path)
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
    try:
        _migrate(connection)
    except sqlite3.DatabaseError as error:
        connection.close()
        raise HistoryUnavailable(_describe(error, path)) from None
    return connection, path, notices


SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileIdentity:
    """Which file an open connection writes to: if the name comes to point elsewhere (the
    file deleted, or replaced by another), the connection writes to a file nobody will read."""

    device: int
    inode: int

    @classmethod
    def of(cls, path: Path) -> FileIdentity:
        status = path.stat()
        return cls(status.st_dev, status.st_ino)


def file_lost(path: Path, identity: FileIdentity) -> str | None:
    """How the file the connection writes to was lost ("deleted", "replaced", "emptied or
    overwritten"), or None while `path` is still that SQLite file."""
    try:
        if FileIdentity.of(path) != identity:
            return "replaced"
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return "deleted"
    except OSError:
        return None  # unreadable for a moment: the write itself will say what is wrong
    return None if header == SQLITE_HEADER else "emptied or overwritten"


def check_places(folder: Path, path: Path) -> None:
    """Name the real cause when the folder or the file is not what it should be (SQLite
    would say "disk I/O error" or "unable to open")."""
    if folder.exists() and not folder.is_dir():
        raise HistoryUnavailable(f"{folder} is a file, not a folder: kneetimer keeps its history in that "
                                 f"folder. Move the file away (or set KNEETIMER_DATA_DIR).")
    if path.is_dir():
        raise HistoryUnavailable(f"{path} is a folder, not a history file. Move it away.")


def open_for_reading(folder: Path, name: str = DB_NAME) -> tuple[sqlite3.Connection, Path] | None:
    """Open the database to read it, changing nothing: no file is created, moved or
    migrated (an older file is upgraded in a copy in memory), and a read-only folder
    will do. None when there is no history yet."""
    path = folder / name
    check_places(folder, path)
    if not path.exists():
        return None
    try:
        _refuse_newer(path)
        connection = _connect_read_only(path)
        _check_readable(connection)
    except sqlite3.DatabaseError as error:
        if _is_corruption(error):
            raise HistoryUnavailable(
                f"the history file {path} is damaged. It was left as it is; kneetimer (the app) keeps it "
                f"aside under another name and starts a new one when it next opens its history."
            ) from None
        raise HistoryUnavailable(_describe(error, path)) from None
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version < SCHEMA_VERSION:
        copy = sqlite3.connect(":memory:", isolation_level=None)
        connection.backup(copy)
        connection.close()
        copy.row_factory = sqlite3.Row
        _migrate(copy)
        connection = copy
    return connection, path


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """Read-only; where even the WAL's shared-memory file cannot be made (a read-only
    folder, so nobody can be writing), the file is read as it stands."""
    connection = None
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None,
                                     timeout=BUSY_TIMEOUT_MS / 1000)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as error:
        if "unable to open" not in str(error) and "readonly" not in str(error):
            raise
        if connection is not None:
            connection.close()
        connection = sqlite3.connect(f"{path.as_uri()}?immutable=1", uri=True, isolation_level=None)
    connection.row_factory = sqlite3.Row
    return connection


def transaction(connection: sqlite3.Connection) -> _Transaction:
    return _Transaction(connection)


def describe_error(error: sqlite3.Error, path: Path) -> str:
    return _describe(error, path)


def _migrate(connection: sqlite3.Connection) -> None:
    """Bring the schema up to date, one version per transaction. The version is read
    inside the write lock: two kneetimers (or the app and its recorder thread) opening
    a new file at once must not both create it."""
    while True:
        with transaction(connection):
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version >= SCHEMA_VERSION:
                return
            for statement in _statements(MIGRATIONS[version]):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {version + 1}")


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, so two processes queue on the busy timeout
    instead of failing half-way with "database is locked"."""

    def __init__(self, connection: sqlite3.Connection):
        self.connection = connection

    def __enter__(self) -> sqlite3.Connection:
        self.connection.execute("BEGIN IMMEDIATE")
        return self.connection

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 _traceback: TracebackType | None) -> None:
        if kind is None:
            self.connection.execute("COMMIT")
        elif self.connection.in_transaction:
            self.connection.execute("ROLLBACK")


def _refuse_newer(path: Path) -> None:
    """Raise HistoryUnavailable for a file from a newer kneetimer, before anything
    (even switching to WAL, which rewrites the header) touches it."""
    if not path.exists():
        return
    probe = _connect_read_only(path)
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
    _use_wal(connection)
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def _use_wal(connection: sqlite3.Connection) -> None:
    """WAL lets a reader and the writer work at once. The mode is kept in the file, so
    only a new file changes it; that needs the file to itself, and SQLite answers
    "locked" at once rather than waiting, so two openers of a new file retry."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if connection.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


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
    if "readonly" in text:
        return f"cannot write the history file {path}: it is read-only ({text}); check its permissions"
    if "unable to open" in text or "read-only" in text:
        return f"cannot write the history file {path} ({text}); check the folder's permissions"
    if "disk is full" in text or "disk I/O" in text:
        return f"cannot write the history file {path}: the disk is full or failing ({text})"
    if "locked" in text or "busy" in text:
        return f"the history file {path} is busy (another kneetimer is writing); try again"
    return f"cannot use the history file {path}: {text}"


def _statements(script: str) -> list[str]:
    return [statement.strip() for statement in script.split(";") if statement.strip()]
