"""Broken stores seen from the workout: clear messages, no lost rows, the timer runs on."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

from kneetimer.history import database as database_module
from kneetimer.history.recorder import Recorder
from kneetimer.history.store import DB_NAME, HistoryStore
from kneetimer.tui.screens.summary import SummaryScreen
from kneetimer.tui.screens.workout import WorkoutScreen
from kneetimer.workout.records import ExerciseRecord, Status
from tests.history_helpers import as_json
from tests.tui_helpers import SHORT, advance, advance_stepwise, make_app, text_of

START = datetime(2026, 11, 21, 8, 0, tzinfo=timezone(timedelta(hours=1)))


def record(n: int) -> ExerciseRecord:
    return ExerciseRecord(n, f"Move {n}", None, Status.DONE, 1, 5, 10.0, START, START + timedelta(seconds=10))


async def test_disk_full_mid_workout_says_not_saved_and_keeps_counting(tmp_path, monkeypatch):
    def disk_full(self, *args):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(HistoryStore, "add_record", disk_full)
    app = make_app(SHORT, tmp_path / "data")
    async with app.run_test() as pilot:
        await pilot.pause()
        await advance_stepwise(pilot, 3 + 10 + 1)  # the right side ends: its record cannot be written
        assert not app.recorder.flush()
        await advance(pilot, 0.5)
        assert "not saved" in text_of(app, "#time-left")
        assert isinstance(app.screen, WorkoutScreen) and app.screen.session.phase.side == "left"
        monkeypatch.undo()  # the disk has room again: the kept record goes in, in order
        await advance_stepwise(pilot, 10)
        assert app.recorder.flush()
    (session,) = as_json(HistoryStore.open(tmp_path / "data").sessions())
    assert [e["side"] for e in session["exercises"]][:2] == ["right", "left"]


async def test_unusable_data_folder_the_workout_still_runs(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    app = make_app(SHORT, blocker / "data")
    async with app.run_test() as pilot:
        await pilot.pause()
        assert any("History is not available" in n.message for n in app._notifications)
        await advance_stepwise(pilot, 3 + 10 + 3 + 10 + 4 + 3 + 10)
        assert isinstance(app.screen, SummaryScreen)
        assert "Not saved" in str(app.screen.query_one("#saved").content)
    assert app.unsaved_on_exit and "cannot create the history folder" in app.unsaved_on_exit


def test_a_locked_database_is_waited_for_then_written_in_order(tmp_path, monkeypatch):
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 200)
    recorder = Recorder(tmp_path, "r", "R", START)
    assert recorder.flush()
    locker = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")  # another program holds the database
    recorder.record(record(0), 10, 0)
    assert not recorder.flush()
    assert "locked" in recorder.problem
    locker.execute("ROLLBACK")
    locker.close()
    recorder.record(record(1), 20, 0)
    assert recorder.close()
    (session,) = as_json(HistoryStore.open(tmp_path).sessions())
    assert [e["name"] for e in session["exercises"]] == ["Move 0", "Move 1"]
