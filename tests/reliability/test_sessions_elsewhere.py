"""A session in progress in another kneetimer, or left by one that was killed (issue
22.14): reading commands tell the two apart from the owner's pid and start time, without
writing anything."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from kneetimer.cli.parser import main
from kneetimer.history.store import DB_NAME, HistoryStore, process_started
from tests.reliability.test_reading_history import START

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="process start times from /proc")


def a_session_owned_by(data, pid: int, started: float | None) -> None:
    store = HistoryStore.open(data)
    session_id = store.start_session("clams", "Clams", START)
    store.close()
    db = sqlite3.connect(data / DB_NAME)
    with db:
        db.execute("UPDATE sessions SET owner_pid = ?, owner_started = ? WHERE id = ?", (pid, started, session_id))
    db.close()


def statuses(capsys) -> list[tuple[str, str | None]]:
    assert main(["history", "--json"]) == 0
    return [(s["status"], s.get("ended_by")) for s in json.loads(capsys.readouterr().out)]


def test_a_session_whose_owner_still_runs_is_in_progress(isolated_dirs, capsys):
    _, data = isolated_dirs
    owner = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        a_session_owned_by(data, owner.pid, process_started(owner.pid))
        before = (data / DB_NAME).read_bytes()
        assert statuses(capsys) == [("in_progress", None)]
        assert (data / DB_NAME).read_bytes() == before, "reading wrote nothing"
    finally:
        owner.kill()
        owner.wait()


def test_a_session_whose_owner_was_killed_is_interrupted(isolated_dirs, capsys):
    _, data = isolated_dirs
    owner = subprocess.Popen([sys.executable, "-c", "pass"])
    owner.wait()
    a_session_owned_by(data, owner.pid, 12.0)
    assert statuses(capsys) == [("interrupted", "lost")]


def test_a_session_whose_pid_now_belongs_to_another_process_is_interrupted(isolated_dirs, capsys):
    _, data = isolated_dirs
    stranger = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        started = process_started(stranger.pid)
        a_session_owned_by(data, stranger.pid, started - 100.0)  # the owner started long before
        assert statuses(capsys) == [("interrupted", "lost")]
    finally:
        stranger.kill()
        stranger.wait()
