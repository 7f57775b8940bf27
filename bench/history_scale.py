"""History at scale: years of daily sessions against an empty history, side by side.

Measures the database's size, opening the review screen, `history --json --limit 50`,
`report --weeks 4`, and saving one record (p50/p99), each beside the same on an empty
database.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from kneetimer.history.store import DB_NAME, HistoryStore
from kneetimer.workout.records import ExerciseRecord, Status

RECORDS_PER_SESSION = 10


def fill(folder: Path, days: int) -> None:
    """`days` daily sessions of 10 records each, written in one transaction (fast to build)."""
    store = HistoryStore.open(folder)
    zone = timezone(timedelta(hours=1))
    first = datetime(2026, 11, 21, 7, 30, tzinfo=zone) - timedelta(days=days)
    connection = store.connection
    connection.execute("BEGIN")
    for day in range(days):
        start = first + timedelta(days=day)
        cursor = connection.execute(
            "INSERT INTO sessions (routine_id, routine_name, started_at, started_ts, day, status, active_s,"
            " paused_s, pain_before, pain_after, ended_at) VALUES (?, ?, ?, ?, ?, 'completed', 900, 20, 4, ?, ?)",
            ("react-glute-it-band", "Glute and IT band (REACT)", start.isoformat(timespec="milliseconds"),
             start.timestamp(), start.date().isoformat(), day % 5, (start + timedelta(minutes=15)).isoformat()),
        )
        session_id = cursor.lastrowid
        rows = []
        for n in range(RECORDS_PER_SESSION):
            at = (start + timedelta(minutes=n)).isoformat(timespec="milliseconds")
            rows.append((session_id, n, n // 2, f"Exercise {n // 2}", ("right", "left")[n % 2], "done", 1, 10,
                         80.0, at, at))
        connection.executemany(
            "INSERT INTO exercises (session_id, position, exercise_index, name, side, status, sets_done,"
            " reps_done, seconds, started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows,
        )
    connection.execute("COMMIT")
    store.close()


def time_command(folder: Path, runs: int, *args: str) -> float:
    """A kneetimer command as a user runs it, start to end (median of `runs`)."""
    env = {"KNEETIMER_DATA_DIR": str(folder), "KNEETIMER_CONFIG_DIR": str(folder / "config"), "PATH": "/usr/bin:/bin"}
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "kneetimer", *args], env=env, capture_output=True)
        times.append(time.perf_counter() - started)
        if done.returncode not in (0, 1):  # 1: an empty history has nothing to report
            raise RuntimeError(done.stderr.decode()[-500:])
    return statistics.median(times)


def time_review_screen(folder: Path, runs: int) -> float:
    """As a user meets it: kneetimer in a real terminal, h pressed in the picker,
    until the review screen's header is drawn."""
    from bench.process import PtyProcess

    env = {"KNEETIMER_DATA_DIR": str(folder), "KNEETIMER_CONFIG_DIR": str(folder / "config")}
    times = []
    for _ in range(runs):
        app = PtyProcess([sys.executable, "-m", "kneetimer", "--quiet"], env=env, cols=100, rows=40)
        try:
            app.wait_for(b"choose a routine")
            time.sleep(0.3)
            started = time.monotonic()
            os.write(app.master, b"h")
            app.wait_for(b"12 weeks")
            times.append(time.monotonic() - started)
        finally:
            app.stop()
    return statistics.median(times)


def time_saves(folder: Path, count: int) -> tuple[float, float]:
    store = HistoryStore.open(folder)
    start = datetime(2026, 11, 21, 8, 0, tzinfo=timezone.utc)
    session_id = store.start_session("bench", "Bench", start)
    times = []
    for n in range(count):
        record = ExerciseRecord(n, "Clams", "right", Status.DONE, 1, 10, 80.0, start, start)
        started = time.perf_counter()
        store.add_record(session_id, record, n, 0)
        times.append(time.perf_counter() - started)
    store.close()
    times.sort()
    return statistics.median(times), times[int(0.99 * (len(times) - 1))]


def run(days: int, runs: int, saves: int) -> dict:
    with tempfile.TemporaryDirectory() as big_dir, tempfile.TemporaryDirectory() as empty_dir:
        big, empty = Path(big_dir), Path(empty_dir)
        started = time.perf_counter()
        fill(big, days)
        build = time.perf_counter() - started
        HistoryStore.open(empty).close()
        result = {"sessions": days, "records": days * RECORDS_PER_SESSION, "build_s": round(build, 2),
                  "db_mb": round((big / DB_NAME).stat().st_size / 1e6, 2)}
        for label, measure in (
            ("history_json_limit50_s", lambda folder: time_command(folder, runs, "history", "--json", "--limit", "50")),
            ("report_4_weeks_s", lambda folder: time_command(folder, runs, "report", "--weeks", "4")),
            ("review_screen_s", lambda folder: time_review_screen(folder, runs)),
        ):
            large, small = measure(big), measure(empty)
            result[label] = {"large": round(large, 4), "empty": round(small, 4), "ratio": round(large / small, 2)}
        (big_p50, big_p99), (empty_p50, empty_p99) = time_saves(big, saves), time_saves(empty, saves)
        result["save_record_ms"] = {
            "large_p50": round(big_p50 * 1000, 3), "large_p99": round(big_p99 * 1000, 3),
            "empty_p50": round(empty_p50 * 1000, 3), "empty_p99": round(empty_p99 * 1000, 3),
            "p99_ratio": round(big_p99 / empty_p99, 2),
        }
    return result
