"""`kneetimer history` and `kneetimer export`: the JSON keys, the table, the CSV."""

from __future__ import annotations

import json
import sqlite3

from kneetimer.cli.parser import main
from kneetimer.history.database import DB_NAME
from kneetimer.history.store import HistoryStore
from kneetimer.workout.records import Status
from tests.history.test_store import add_session


def test_history_and_export_commands(tmp_path, isolated_dirs, capsys):
    data = isolated_dirs[1]
    assert main(["history", "--json"]) == 0 and json.loads(capsys.readouterr().out) == []
    assert not (data / DB_NAME).exists(), "reading never creates a database"
    store = HistoryStore.open(data)
    first = add_session(store, day="2026-11-20")
    second = add_session(store, day="2026-11-21", records=2, pain_after=1)
    store.set_feedback(second, note="=cmd|' /C calc'!A0")
    store.close()
    assert main(["history", "--json", "--limit", "1"]) == 0
    (only,) = json.loads(capsys.readouterr().out)
    assert only["id"] == second and len(only["exercises"]) == 2
    assert main(["history"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "STARTED", "ROUTINE", "TIME", "DONE", "PAIN", "STATUS"]
    assert lines[1].split()[0] == str(second) and "4→1" in lines[1] and lines[2].split()[0] == str(first)
    assert main(["export", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["session_id"], r["exercise"]) for r in rows] == [(first, "Clams"), (second, "Clams"), (second, "Clams")]
    assert main(["export", "--format", "csv"]) == 0
    csv_lines = capsys.readouterr().out.splitlines()
    assert csv_lines[0].startswith("session_id,date,time,routine_id,routine_name,session_started_at")
    assert len(csv_lines) == 4 and "'=cmd" in csv_lines[-1], "formulas are defused for spreadsheets"


def test_history_command_on_a_newer_database_fails_cleanly(isolated_dirs, capsys):
    data = isolated_dirs[1]
    data.mkdir(parents=True)
    db = sqlite3.connect(data / DB_NAME)
    db.execute("PRAGMA user_version = 50")
    db.commit()
    db.close()
    assert main(["history"]) == 1
    assert "newer kneetimer" in capsys.readouterr().err


def test_export_keeps_a_session_stopped_before_any_exercise_ended(isolated_dirs, capsys):
    """The one a physio would most want: stopped early, pain 6 -> 7, and why."""
    import csv
    import io

    from kneetimer.workout.records import Outcome
    from tests.history.test_store import at
    from tests.history_helpers import seed_session

    store = HistoryStore.open(isolated_dirs[1])
    seed_session(store, at("2026-11-20"), [("Clams", "right", Status.DONE, 81.26)])
    seed_session(store, at("2026-11-21", time="18:05:00.000"), [], status=Outcome.INTERRUPTED,
                 pain_before=6, pain_after=7, note="knee flared up, stopped")
    store.close()
    assert main(["export", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 2
    stopped = rows[1]
    assert (stopped["date"], stopped["time"], stopped["session_status"]) == ("2026-11-21", "18:05", "interrupted")
    assert (stopped["pain_before"], stopped["pain_after"], stopped["note"]) == ("6", "7", "knee flared up, stopped")
    assert stopped["flagged"] == "True" and stopped["exercise"] == ""
    assert rows[0]["seconds"] == "81.3", "seconds to 0.1"
    assert main(["export", "--format", "json"]) == 0
    assert [row["note"] for row in json.loads(capsys.readouterr().out)] == ["", "knee flared up, stopped"]
