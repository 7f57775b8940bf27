"""Saving a workout as it happens, from a background thread.

The engine pushes each record the moment an exercise ends; writing it must
never delay the countdown, so writes go through a queue to a thread with its
own connection. A write that fails (disk full, database locked too long) is
kept and retried with the next one and at the end; `problem` says what is wrong,
and `on_problem` is told from the writer thread whenever it changes, so the app can
show "not saved" without polling. Reads that must see this session's writes
(`ask`) run on the same thread, after them.

Before each write it checks that the file is still the one it opened: a history file
deleted, replaced or emptied during the workout would otherwise swallow every write
after it. Then the whole session is written again (every write is kept until the
end), to a fresh file where the old one is gone, or beside a file it must not touch,
and `notice` says what happened and where the session is.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from kneetimer.history.database import DB_NAME, describe_error
from kneetimer.workout.records import (
    EndedBy,
    ExerciseEnded,
    ExerciseRecord,
    Outcome,
    SessionEvent,
    SessionStarted,
)

if TYPE_CHECKING:
    from kneetimer.history.store import HistoryStore

T = TypeVar("T")


class Recorder:
    """One workout's writes to history, in order, on a thread of their own.

    It begins the session row when it hears the session start (`hear`, the engine's
    listener), or at once when given `started_at`."""

    def __init__(self, folder: Path, routine_id: str, routine_name: str, started_at: datetime | None = None,
                 resume_session_id: int | None = None, pain_before: int | None = None,
                 routine_path: str | None = None, on_problem: Callable[[str | None], None] | None = None,
                 exercises_planned: int | None = None):
        self.folder = folder
        self.session_id: int | None = resume_session_id
        self._problem: str | None = None
        self._on_problem = on_problem
        self.notice: str | None = None  # the session was saved, but not where it was meant to be
        self.unsaved = 0  # writes waiting for a retry
        self.waiting = 0  # writes still queued when `close` stopped waiting
        self._file_name = DB_NAME
        self._row_started: str | None = None  # the session row's start, as stored
        self._applied: list[Callable[[HistoryStore], None]] = []  # every write done: to write again
        self._opening = (routine_id, routine_name, pain_before, routine_path, exercises_planned)
        self._queue: queue.Queue[tuple[str, Any]] = queue.Queue()  # (what, its payload), in order
        self._failed: list[Callable[[HistoryStore], None]] = []
        self._thread = threading.Thread(target=self._run, name="kneetimer-history", daemon=True)
        self._thread.start()
        if started_at is not None:
            self.begin(started_at)

    @property
    def problem(self) -> str | None:
        """Why some of the session is not saved now (None: all saved, or all retried)."""
        return self._problem

    @problem.setter
    def problem(self, problem: str | None) -> None:
        changed, self._problem = problem != self._problem, problem
        if changed and self._on_problem is not None:
            self._on_problem(problem)

    # -- called from the UI thread --------------------------------------------

    def hear(self, event: SessionEvent) -> None:
        """The engine's listener: the session's start, each exercise, its end."""
        if isinstance(event, SessionStarted):
            self.begin(event.started_at)
        elif isinstance(event, ExerciseEnded):
            self.record(event.record, event.active_s, event.paused_s)
        else:
            self.finish(event.outcome, event.ended_at, event.active_s, event.paused_s, event.ended_by)

    def begin(self, started_at: datetime) -> None:
        """Write the session row (or reopen the resumed one): before any record."""
        self._write(lambda store: self._begin(store, started_at))

    def record(self, record: ExerciseRecord, active_s: float, paused_s: float) -> None:
        self._write(lambda store: store.add_record(self._require_id(), record, active_s, paused_s))

    def finish(self, status: Outcome, ended_at: datetime, active_s: float, paused_s: float,
               ended_by: EndedBy | None = None) -> None:
        self._write(lambda store: store.finish_session(self._require_id(), status, ended_at, active_s, paused_s,
                                                       ended_by))

    def feedback(self, pain_after: int | None = None, note: str | None = None) -> None:
        self._write(lambda store: store.set_feedback(self._require_id(), pain_after, note))

    def mark_pain(self, exercise_index: int, side: str | None, pain: int | None) -> None:
        self._write(lambda store: store.set_exercise_pain(self._require_id(), exercise_index, side, pain))

    def mark_effort(self, exercise_index: int, side: str | None, effort: int | None) -> None:
        self._write(lambda store: store.set_exercise_effort(self._require_id(), exercise_index, side, effort))

    def ask(self, question: Callable[[HistoryStore, int | None], T]) -> Future[T]:
        """Run `question(store, session_id)` on the writer thread once the writes so far
        are done; its answer (or exception) arrives in the future. Without a usable
        store the answer is None."""
        answer: Future[T] = Future()
        self._queue.put((_ASK, (question, answer)))
        return answer

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every write so far is done (or failed). True if all were saved."""
        done = threading.Event()
        self._queue.put((_FLUSH, done))
        return done.wait(timeout) and not self._failed and self.problem is None

    def close(self, timeout: float = 5.0) -> bool:
        """Wait for the last writes (at most `timeout`), then end the thread. True if all
        were saved; else `problem`, `unsaved` and `waiting` say what is missing."""
        saved = self.flush(timeout)
        self.waiting = 0 if saved else self._queue.qsize()
        self._queue.put((_STOP, None))
        self._thread.join(timeout)
        return saved

    def _write(self, write: Callable[[HistoryStore], None]) -> None:
        self._queue.put((_WRITE, write))

    # -- the writer thread -------------------------------------------------------

    def _begin(self, store: HistoryStore, started_at: datetime) -> None:
        if self.session_id is None:
            routine_id, routine_name, pain_before, routine_path, planned = self._opening
            self.session_id = store.start_session(routine_id, routine_name, started_at, pain_before, routine_path,
                                                  planned)
        else:
            store.reopen_session(self.session_id)
        self._row_started = store.started_at_text(self.session_id)

    def _require_id(self) -> int:
        if self.session_id is None:
            raise RuntimeError("the session row was never written")
        return self.session_id

    def _run(self) -> None:
        store: HistoryStore | None = None
        while True:
            kind, payload = self._queue.get()
            if kind == _STOP:
                break
            try:
                store = self._handle(store, kind, payload)
            except Exception as error:  # never let the thread die: a dead writer answers no flush
                self.problem = f"history not saved: {error}"
                if kind == _WRITE:
                    self._failed.append(payload)
                elif kind == _FLUSH:
                    payload.set()
            self.unsaved = len(self._failed)
        if store is not None:
            store.close()

    def _handle(self, store: HistoryStore | None, kind: str, payload: Any) -> HistoryStore | None:
        if store is None:
            store = self._open()  # tried again at every message: the folder may come back
        elif (how := self._lost(store)) is not None:
            store = self._start_again(store, how)
        if store is not None:
            self._retry_failed(store)
        if kind == _FLUSH:
            payload.set()
        elif kind == _ASK:
            self._answer(store, *payload)
        elif store is None:
            self._failed.append(payload)
        else:
            self._apply(store, payload)
        return store

    def _open(self) -> HistoryStore | None:
        from kneetimer.history.store import HistoryStore, HistoryUnavailable  # on this thread, off the UI's path

        try:
            return HistoryStore.open(self.folder, recover=False, name=self._file_name)
        except HistoryUnavailable as error:
            self.problem = str(error)
            return None

    def _lost(self, store: HistoryStore) -> str | None:
        """How the file was lost, checking for this session's row once it is known to exist."""
        if self._row_started is None:
            return store.lost()
        return store.lost(self.session_id, self._row_started)

    def _start_again(self, store: HistoryStore, how: str) -> HistoryStore | None:
        """The file was lost (`how`): write the whole session again, to a fresh file where
        the old one is gone, else to a file beside the one now there (never touched)."""
        path = store.path
        store.close()
        if how == "session deleted":  # from the review, in another window: the file is fine
            self.notice = ("This session was deleted from history (in another window) while it ran; "
                           f"it was saved again in {path}.")
            self.session_id = None
            self._failed = [*self._applied, *self._failed]
            self._applied = []
            return self._open()
        if how == "deleted" and not path.exists():
            where = f"a new {path.name} was started with this session"
        else:
            self._file_name = _side_name(path)
            where = f"that file was left as it is, and this session was saved to {path.with_name(self._file_name)}"
        self.notice = f"The history file {path} was {how} during the workout; {where}."
        self.session_id = None  # a new session row (a resumed session's earlier part went with the file)
        self._failed = [*self._applied, *self._failed]
        self._applied = []
        return self._open()

    def _answer(self, store: HistoryStore | None, question: Callable[[HistoryStore, int | None], Any],
                answer: Future[Any]) -> None:
        try:
            answer.set_result(None if store is None else question(store, self.session_id))
        except Exception as error:  # handed to the asker, never lost on this thread
            answer.set_exception(error)

    def _apply(self, store: HistoryStore, write: Callable[[HistoryStore], None]) -> None:
        try:
            write(store)
        except Exception as error:  # disk full, locked too long, I/O error: keep it for a retry
            self._failed.append(write)
            if isinstance(error, sqlite3.Error):
                self.problem = f"history not saved: {describe_error(error, store.path)}"
            elif self.problem is None:  # else the first cause stands (a write waiting for the session row)
                self.problem = f"history not saved: {error}"
        else:
            self._applied.append(write)
            store.settle()

    def _retry_failed(self, store: HistoryStore) -> None:
        pending, self._failed = self._failed, []
        for write in pending:
            self._apply(store, write)
        if not self._failed:
            self.problem = None


def _side_name(path: Path) -> str:
    """A name beside `path` that no file has yet: history.saved-20261123-081500.db."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    name, number = f"{path.stem}.saved-{stamp}{path.suffix}", 1
    while path.with_name(name).exists():
        number += 1
        name = f"{path.stem}.saved-{stamp}-{number}{path.suffix}"
    return name


_WRITE, _FLUSH, _ASK, _STOP = "write", "flush", "ask", "stop"
