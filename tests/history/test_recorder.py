"""The background recorder: writes in order, survives failing writes, reports problems."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

from kneetimer.history.recorder import Recorder
from kneetimer.history.store import HistoryStore
from kneetimer.workout.records import ExerciseRecord, Status
from tests.history_helpers import as_json

START = datetime(2026, 11, 21, 8, 0, tzinfo=timezone(timedelta(hours=1)))


def record(n: int) -> ExerciseRecord:
    return ExerciseRecord(n, f"Move {n}", None, Status.DONE, 1, 5, 10.0, START, START + timedelta(seconds=10))


def test_a_workout_is_saved_as_it_goes(tmp_path):
    recorder = Recorder(tmp_path, "r", "R", START, pain_before=3)
    recorder.record(record(0), 10, 0)
    assert recorder.flush()
    (session,) = as_json(HistoryStore.open(tmp_path, recover=False).sessions())
    assert session["status"] == "in_progress" and [e["name"] for e in session["exercises"]] == ["Move 0"]
    recorder.record(record(1), 20, 1.5)
    recorder.finish("completed", START + timedelta(minutes=1), 20, 1.5)
    recorder.feedback(pain_after=1, note="good")
    assert recorder.close()
    (session,) = as_json(HistoryStore.open(tmp_path).sessions())
    assert (session["status"], session["pain_before"], session["pain_after"], session["note"]) == ("completed", 3, 1, "good")
    assert (session["active_s"], session["paused_s"]) == (20, 1.5)
    assert [e["name"] for e in session["exercises"]] == ["Move 0", "Move 1"]


def test_resumed_work_joins_the_earlier_session(tmp_path):
    first = Recorder(tmp_path, "r", "R", START)
    first.record(record(0), 10, 0)
    first.finish("interrupted", START, 10, 0)
    first.close()
    second = Recorder(tmp_path, "r", "R", START, resume_session_id=first.session_id)
    second.record(record(1), 20, 0)
    second.finish("completed", START, 20, 0)
    assert second.close()
    (session,) = as_json(HistoryStore.open(tmp_path).sessions())
    assert session["status"] == "completed" and len(session["exercises"]) == 2


def test_a_failed_write_is_kept_and_retried(tmp_path, monkeypatch):
    recorder = Recorder(tmp_path, "r", "R", START)
    assert recorder.flush()
    real_add = HistoryStore.add_record
    failures = iter([True, True])  # the write, and its retry at flush

    def flaky_add(self, *args):
        if next(failures, False):
            raise sqlite3.OperationalError("database or disk is full")
        return real_add(self, *args)

    monkeypatch.setattr(HistoryStore, "add_record", flaky_add)
    recorder.record(record(0), 10, 0)
    assert not recorder.flush()
    assert "disk is full" in recorder.problem and recorder.unsaved == 1
    recorder.record(record(1), 20, 0)  # the next write retries the first, in order
    assert recorder.close()
    assert recorder.problem is None and recorder.unsaved == 0
    (session,) = as_json(HistoryStore.open(tmp_path).sessions())
    assert [e["name"] for e in session["exercises"]] == ["Move 0", "Move 1"]


def test_an_unusable_folder_is_reported_and_nothing_raises(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    recorder = Recorder(blocker / "data", "r", "R", START)
    recorder.record(record(0), 10, 0)
    assert recorder.close() is False
    assert "cannot create the history folder" in recorder.problem
    assert recorder.unsaved == 2  # the session row and the record, kept in memory
