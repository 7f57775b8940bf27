"""The history store: schema, migrations, records, queries, faults."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date, datetime, timedelta, timezone

import pytest

from kneetimer.cli.history_output import session_json
from kneetimer.history.database import DB_NAME, MIGRATIONS, SCHEMA_VERSION, HistoryUnavailable
from kneetimer.history.rows import SideWork
from kneetimer.history.stats import WeekGoal, days_this_week, overview, streak, weekly_goal
from kneetimer.history.store import HistoryStore
from kneetimer.workout.records import ExerciseRecord, Outcome, Status
from tests.conftest import REPO
from tests.history_helpers import CLAMS_RIGHT, as_json, seed_session

PARIS_WINTER = timezone(timedelta(hours=1))
PARIS_SUMMER = timezone(timedelta(hours=2))


def at(day: str, time: str = "07:58:03.412", tz=PARIS_WINTER) -> datetime:
    return datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=tz)


def record(name="Clams", side="right", status=Status.DONE, start=None, seconds=81.3, index=0):
    start = start or at("2026-11-21")
    return ExerciseRecord(index, name, side, status, 1, 10, seconds, start, start + timedelta(seconds=seconds))


def add_session(store, day="2026-11-21", tz=PARIS_WINTER, status="completed", records=1, pain_after=None):
    start = at(day, tz=tz)
    return seed_session(store, start, [CLAMS_RIGHT] * records, status=Outcome(status), pain_before=4,
                        pain_after=pain_after, active_s=60.0 * records, ended=start + timedelta(minutes=records))


@pytest.fixture
def store(tmp_path):
    opened = HistoryStore.open(tmp_path / "data")
    yield opened
    opened.close()


def test_new_store_has_current_schema_in_wal_mode(store):
    connection = store.connection
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_migration_from_version_1_keeps_data_and_fills_the_day(tmp_path):
    folder = tmp_path / "old"
    folder.mkdir()
    old = sqlite3.connect(folder / DB_NAME)
    old.executescript(MIGRATIONS[0])
    old.execute(
        "INSERT INTO sessions (routine_id, routine_name, started_at, started_ts, status, active_s)"
        " VALUES ('r', 'R', '2025-03-30T23:30:00.000+02:00', 1743370200, 'completed', 12.5)"
    )
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()
    store = HistoryStore.open(folder)
    assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    (session,) = as_json(store.sessions())
    assert session["started_at"] == "2025-03-30T23:30:00.000+02:00" and session["active_s"] == 12.5
    assert store.connection.execute("SELECT day FROM sessions").fetchone()[0] == "2025-03-30"


def test_migration_from_version_2_keeps_everything_and_adds_pain_and_plans(tmp_path):
    folder = tmp_path / "v2"
    folder.mkdir()
    old = sqlite3.connect(folder / DB_NAME)
    for script in MIGRATIONS[:2]:
        old.executescript(script)
    old.execute(
        "INSERT INTO sessions (id, routine_id, routine_name, started_at, started_ts, status, active_s, day, pain_before,"
        " pain_after, note) VALUES (7, 'r', 'R', '2026-11-20T08:00:00.000+01:00', 1795330800, 'completed', 300, "
        "'2026-11-20', 4, 2, 'fine')"
    )
    for position, side in enumerate(("right", "left")):
        old.execute(
            "INSERT INTO exercises (session_id, position, exercise_index, name, side, status, sets_done, reps_done,"
            " seconds, started_at, ended_at) VALUES (7, ?, 0, 'Clams', ?, 'done', 1, 10, 80, "
            "'2026-11-20T08:00:00.000+01:00', '2026-11-20T08:01:20.000+01:00')", (position, side))
    old.execute("PRAGMA user_version = 2")
    old.commit()
    old.close()
    store = HistoryStore.open(folder)
    assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    (session,) = as_json(store.sessions())
    assert (session["id"], session["pain_before"], session["pain_after"], session["note"]) == (7, 4, 2, "fine")
    assert [(e["side"], e["seconds"], e["pain"], e["planned_reps"]) for e in session["exercises"]] == [
        ("right", 80.0, None, 0), ("left", 80.0, None, 0)]
    assert store.side_balance("2026-11-01") == {"Clams": SideWork({"left": 80.0, "right": 80.0}, 1)}


def test_history_json_has_the_designed_keys_and_keeps_offsets(store):
    session_id = add_session(store, records=2, pain_after=2)
    store.set_feedback(session_id, note="knee felt [bold]fine[/]")
    (session,) = as_json(store.sessions())
    designed = ["id", "routine_id", "routine", "started_at", "ended_at", "status", "active_s", "paused_s",
                "pain_before", "pain_after", "note", "exercises"]
    assert [key for key in session if key in designed] == designed, "these keys stay, in this order"
    assert session["started_at"] == "2026-11-21T07:58:03.412+01:00"
    assert (session["status"], session["pain_before"], session["pain_after"]) == ("completed", 4, 2)
    assert session["note"] == "knee felt [bold]fine[/]"
    first = session["exercises"][0]
    designed = ["name", "side", "status", "sets_done", "reps_done", "seconds", "started_at", "ended_at"]
    assert list(first)[: len(designed)] == designed, "these keys stay; new ones may follow"
    assert (first["name"], first["side"], first["status"], first["seconds"]) == ("Clams", "right", "done", 81.3)
    assert first["ended_at"] == "2026-11-21T07:59:24.712+01:00"


def test_two_openers_of_a_new_file_at_once_both_succeed(tmp_path):
    """The app and its recorder thread open a new history file at the same moment."""
    import threading

    for attempt in range(30):
        folder = tmp_path / str(attempt)
        start, errors = threading.Barrier(3), []

        def open_it(folder=folder, start=start, errors=errors):
            start.wait()
            try:
                HistoryStore.open(folder).close()
            except HistoryUnavailable as error:
                errors.append(str(error))

        threads = [threading.Thread(target=open_it) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == [], errors


def test_sessions_newest_first_with_limit(store):
    ids = [add_session(store, day=f"2026-11-{day:02d}") for day in (3, 1, 2)]
    assert [s.id for s in store.sessions()] == [ids[0], ids[2], ids[1]]
    assert [s.id for s in store.sessions(limit=2)] == [ids[0], ids[2]]


def test_each_record_updates_the_session_totals_at_once(store):
    start = at("2026-11-21")
    session_id = store.start_session("r", "R", start)
    store.add_record(session_id, record(start=start), active_s=90.5, paused_s=3.25)
    session = session_json(store.session(session_id))
    assert (session["status"], session["active_s"], session["paused_s"]) == ("in_progress", 90.5, 3.2)
    assert session["ended_at"] == "2026-11-21T07:59:24.712+01:00"


def test_abandoned_session_becomes_interrupted_at_its_last_record(tmp_path):
    store = HistoryStore.open(tmp_path)
    start = at("2026-11-21")
    session_id = store.start_session("r", "R", start)
    store.add_record(session_id, record(start=start), 81.3, 0)
    store.connection.execute("UPDATE sessions SET owner_pid = 999999999")  # a process that is gone
    store.close()
    reopened = HistoryStore.open(tmp_path)
    session = session_json(reopened.session(session_id))
    assert session["status"] == "interrupted" and session["ended_at"] == "2026-11-21T07:59:24.712+01:00"


def test_session_of_a_live_process_is_left_in_progress(tmp_path):
    store = HistoryStore.open(tmp_path)
    session_id = store.start_session("r", "R", at("2026-11-21"))
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        # written before start times were recorded: the pid alone decides
        store.connection.execute("UPDATE sessions SET owner_pid = ?, owner_started = NULL", (sleeper.pid,))
        assert HistoryStore.open(tmp_path).session(session_id).status == "in_progress"
    finally:
        sleeper.kill()
        sleeper.wait()
    assert HistoryStore.open(tmp_path).session(session_id).status == "interrupted"


def test_streak_counts_consecutive_local_days_across_midnight_and_dst(store):
    # Europe/Paris: summer time ends on 2026-10-25; sessions near midnight either side.
    add_session(store, day="2026-10-24", tz=PARIS_SUMMER)
    store.connection.execute("UPDATE sessions SET started_at = '2026-10-24T23:59:00.000+02:00', day = '2026-10-24'")
    add_session(store, day="2026-10-25", tz=PARIS_WINTER)  # the DST day
    add_session(store, day="2026-10-26", tz=PARIS_WINTER)
    second = add_session(store, day="2026-10-26", tz=PARIS_WINTER)
    assert streak(store, date(2026, 10, 26)) == 3
    assert streak(store, date(2026, 10, 27)) == 3, "today not done yet: the streak runs to yesterday"
    assert streak(store, date(2026, 10, 28)) == 0
    store.delete_session(second)
    add_session(store, day="2026-10-22")
    assert streak(store, date(2026, 10, 26)) == 3, "a gap ends the streak"


def test_a_day_with_only_skipped_exercises_is_no_streak_day(store):
    start = at("2026-11-21")
    session_id = store.start_session("r", "R", start)
    store.add_record(session_id, record(status=Status.SKIPPED, seconds=0), 0, 0)
    assert streak(store, date(2026, 11, 21)) == 0


def test_overview_counts_weeks_heatmap_pain_and_sides(store):
    for day in ("2026-11-16", "2026-11-18", "2026-11-18", "2026-10-30", "2026-08-01"):
        add_session(store, day=day, pain_after=3)
    start = at("2026-11-19")
    session_id = store.start_session("r", "R", start)
    store.add_record(session_id, record(side="right", seconds=80, start=start), 80, 0)
    store.add_record(session_id, record(side="left", seconds=50, start=start + timedelta(minutes=2)), 130, 0)
    store.set_feedback(session_id, pain_after=1)
    result = overview(store, date(2026, 11, 21), goal=3)  # a Saturday; the week began Monday 16th
    assert result.days_this_week == 3, "the 16th, the 18th (two sessions, one day) and the 19th"
    assert result.weeks[-1] == WeekGoal(date(2026, 11, 16), 3, 3, pytest.approx(81.3 * 3 + 80 + 50))
    assert result.weeks[-1].met
    assert len(result.weeks) == 12 and result.weeks[0].monday == date(2026, 8, 31)
    assert result.last_four_weeks == 5
    assert result.heatmap == {"2026-11-16": 1, "2026-11-18": 2, "2026-11-19": 1, "2026-10-30": 1}
    assert [(p.before, p.after) for p in result.pain] == [(4, 3)] * 5 + [(None, 1)]
    assert result.sides == {"Clams": SideWork({"left": 50.0, "right": 80.0}, 1)}, \
        "only the session with both sides counts: right-only sessions make no gap"


def test_a_skipped_side_is_not_a_gap(store):
    both = [("Clams", "right", Status.DONE, 80.0), ("Clams", "left", Status.DONE, 72.0)]
    seed_session(store, at("2026-11-18"), both)
    seed_session(store, at("2026-11-19"), [("Clams", "right", Status.DONE, 80.0), ("Clams", "left", Status.SKIPPED, 0)])
    seed_session(store, at("2026-11-20"), [("Clams", "right", Status.DONE, 17.0)], status=Outcome.INTERRUPTED)
    sides = store.side_balance("2026-11-01")
    assert sides == {"Clams": SideWork({"left": 72.0, "right": 80.0}, 1)}
    assert sides["Clams"].gap == pytest.approx(0.1)


def test_the_goal_and_the_streak_count_days_with_an_exercise_done(store):
    for minutes in (0, 20, 40):  # three short test sessions in one morning
        seed_session(store, at("2026-11-17") + timedelta(minutes=minutes))
    seed_session(store, at("2026-11-18"), [("Clams", "right", Status.SKIPPED, 0.0)] * 2)  # nothing done
    seed_session(store, at("2026-11-19"), [("Clams", "right", Status.PARTIAL, 20.0)], status=Outcome.INTERRUPTED)
    assert days_this_week(store, date(2026, 11, 21)) == 1
    weeks = weekly_goal(store, date(2026, 11, 21), goal=3)
    assert weeks[-1].days == 1 and not weeks[-1].met
    assert streak(store, date(2026, 11, 18)) == 1, "the skipped day is no streak day"


def test_a_redone_exercise_counts_once_and_both_records_are_kept(store):
    records = [("Clams", "right", Status.PARTIAL, 12.0), ("Clams", "right", Status.DONE, 80.0),
               ("Clams", "left", Status.DONE, 78.0)]
    session_id = seed_session(store, at("2026-11-21"), records)
    (summary,) = store.session_summaries(limit=5)
    assert (summary.total, summary.done, summary.skipped) == (1, 1, 0), "one exercise, done on both sides"
    assert store.side_balance("2026-11-01") == {"Clams": SideWork({"left": 78.0, "right": 80.0}, 1)}
    session = store.session(session_id)
    assert [(e.status, e.counted) for e in session.exercises] == [
        (Status.PARTIAL, False), (Status.DONE, True), (Status.DONE, True)]
    assert len(session.counted) == 2


def test_corrupt_database_is_moved_aside_and_a_fresh_one_used(tmp_path):
    (tmp_path / DB_NAME).write_bytes(b"this is not a database, just text " * 100)
    store = HistoryStore.open(tmp_path)
    (notice,) = store.notices
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("history.corrupt-")]
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not a database")
    assert kept[0].name in notice.message and "damaged" in notice.message
    assert store.sessions() == []


def test_database_from_a_newer_kneetimer_is_left_untouched(tmp_path):
    db = sqlite3.connect(tmp_path / DB_NAME)
    db.execute("CREATE TABLE future (x)")
    db.execute("PRAGMA user_version = 99")
    db.commit()
    db.close()
    before = (tmp_path / DB_NAME).read_bytes()
    with pytest.raises(HistoryUnavailable, match=r"newer kneetimer .*schema 99.* left untouched"):
        HistoryStore.open(tmp_path)
    assert (tmp_path / DB_NAME).read_bytes() == before


def test_unusable_data_folder_gives_a_clear_message(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(HistoryUnavailable, match="cannot create the history folder"):
        HistoryStore.open(blocker / "data")


WRITER = textwrap.dedent(
    """
    import sys
    from datetime import datetime, timedelta, timezone
    from pathlib import Path
    from kneetimer.workout.records import ExerciseRecord, Status
    from kneetimer.history.store import HistoryStore
    store = HistoryStore.open(Path(sys.argv[1]))
    start = datetime(2026, 11, 21, tzinfo=timezone.utc)
    session = store.start_session("r", sys.argv[2], start)
    for n in range(int(sys.argv[3])):
        record = ExerciseRecord(n, "Clams", "right", Status.DONE, 1, 10, 1.0, start, start + timedelta(seconds=1))
        store.add_record(session, record, n, 0)
    store.finish_session(session, "completed", start, 1, 0)
    """
)


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    HistoryStore.open(tmp_path).close()
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), name, "150"], cwd=REPO, stderr=subprocess.PIPE)
        for name in ("A", "B")
    ]
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err.decode()
    store = HistoryStore.open(tmp_path)
    assert sorted(len(s.exercises) for s in store.sessions()) == [150, 150]
    assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


KILLED_WORKOUT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from kneetimer.workout.engine import Session
    from kneetimer.history.recorder import Recorder
    from kneetimer.routines.loader import load_bytes
    from kneetimer.workout.plan import build_plan
    text = 'name = "Fast"\\nlead_in = 0\\nrest_between = 0\\n' + '[[exercise]]\\nname = "Move"\\nhold = 0.05\\n' * 400
    routine = load_bytes(text.encode(), "f.toml", "fast").routine
    session = Session(build_plan(routine))
    recorder = Recorder(Path(sys.argv[1]), routine.id, routine.name)
    session.add_listener(recorder.hear)
    session.start()
    print("started", flush=True)
    while not session.finished:
        time.sleep(0.01)
        session.update()
    """
)


def test_sigkill_mid_workout_keeps_finished_exercises(tmp_path):
    import signal
    import time

    worker = subprocess.Popen([sys.executable, "-c", KILLED_WORKOUT, str(tmp_path)], cwd=REPO, stdout=subprocess.PIPE)
    assert worker.stdout.readline().strip() == b"started"
    deadline = time.monotonic() + 30
    rows = 0
    while rows < 10 and time.monotonic() < deadline:
        time.sleep(0.05)
        if (tmp_path / DB_NAME).exists():
            try:
                with sqlite3.connect(tmp_path / DB_NAME, timeout=5) as peek:
                    rows = peek.execute("SELECT count(*) FROM exercises").fetchone()[0]
            except sqlite3.OperationalError:
                rows = 0
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait(timeout=10)
    assert rows >= 10, "the workout never got going"
    store = HistoryStore.open(tmp_path)
    (session,) = as_json(store.sessions())
    assert session["status"] == "interrupted"
    assert len(session["exercises"]) >= rows
    assert all(e["status"] == "done" for e in session["exercises"])
    assert session["ended_at"] == session["exercises"][-1]["ended_at"]
    assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_our_own_session_in_progress_is_not_recovered_from_under_us(tmp_path):
    store = HistoryStore.open(tmp_path)
    session_id = store.start_session("r", "R", at("2026-11-21"))
    assert HistoryStore.open(tmp_path).session(session_id).status == "in_progress"


def test_a_reused_pid_is_not_taken_for_the_owner(tmp_path):
    """The owner was killed and its pid now belongs to another process (here: a sleeper
    started after the session): the start times differ, so the session is abandoned."""
    store = HistoryStore.open(tmp_path)
    session_id = store.start_session("r", "R", at("2026-11-21"))
    started = store.connection.execute("SELECT owner_started FROM sessions").fetchone()[0]
    assert started is not None, "the owner's start time is recorded beside its pid"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        store.connection.execute("UPDATE sessions SET owner_pid = ?", (sleeper.pid,))  # started != sleeper's
        assert HistoryStore.open(tmp_path).session(session_id).status == "interrupted"
    finally:
        sleeper.kill()
        sleeper.wait()


def test_the_owner_with_its_own_start_time_is_live(tmp_path):
    from kneetimer.history.store import process_started

    store = HistoryStore.open(tmp_path)
    session_id = store.start_session("r", "R", at("2026-11-21"))
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        store.connection.execute("UPDATE sessions SET owner_pid = ?, owner_started = ?",
                                 (sleeper.pid, process_started(sleeper.pid)))
        assert HistoryStore.open(tmp_path).session(session_id).status == "in_progress"
    finally:
        sleeper.kill()
        sleeper.wait()
