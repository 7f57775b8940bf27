"""The history file deleted, replaced or emptied during a workout (issue 17.2): the
recorder notices before its next write, keeps every row of this session (a fresh file
where the old one is gone, a file beside it where something else now stands), and says
exactly what happened instead of "Saved"."""

from __future__ import annotations

import os
import sqlite3
from datetime import timedelta

from kneetimer.history.recorder import Recorder
from kneetimer.history.store import DB_NAME, HistoryStore
from tests.history.test_recorder import START, record
from tests.history_helpers import as_json


def start(tmp_path, records=2) -> Recorder:
    recorder = Recorder(tmp_path, "r", "R", START, pain_before=2)
    for n in range(records):
        recorder.record(record(n), 10 * (n + 1), 0)
    assert recorder.flush()
    return recorder


def finish(recorder: Recorder) -> None:
    recorder.record(record(9), 100, 0)
    recorder.finish("completed", START + timedelta(minutes=2), 100, 0)


def sessions_in(path):
    folder = path.parent
    store = HistoryStore.open(folder, recover=False, name=path.name)
    try:
        return as_json(store.sessions())
    finally:
        store.close()


def test_a_deleted_file_is_started_again_with_the_whole_session(tmp_path):
    recorder = start(tmp_path)
    (tmp_path / DB_NAME).unlink()
    finish(recorder)
    recorder.close()
    assert recorder.problem is None
    assert "was deleted during the workout" in recorder.notice
    (session,) = sessions_in(tmp_path / DB_NAME)
    assert [e["name"] for e in session["exercises"]] == ["Move 0", "Move 1", "Move 9"]
    assert (session["status"], session["pain_before"]) == ("completed", 2)


def test_a_replaced_file_is_left_alone_and_the_session_saved_beside_it(tmp_path):
    recorder = start(tmp_path)
    stranger = tmp_path / "other.db"
    with sqlite3.connect(stranger) as db:
        db.execute("CREATE TABLE notes (x)")
    db.close()
    os.replace(stranger, tmp_path / DB_NAME)  # another program writes its own file over it
    finish(recorder)
    recorder.close()
    assert recorder.problem is None
    assert "was replaced during the workout" in recorder.notice
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        assert [row[0] for row in db.execute("SELECT name FROM sqlite_master")] == ["notes"]
    db.close()
    (side,) = [path for path in tmp_path.iterdir() if path.name.startswith("history.saved-") and path.suffix == ".db"]
    assert side.name in recorder.notice
    (session,) = sessions_in(side)
    assert [e["name"] for e in session["exercises"]] == ["Move 0", "Move 1", "Move 9"]


def test_a_file_emptied_in_place_is_noticed(tmp_path):
    recorder = start(tmp_path)
    os.truncate(tmp_path / DB_NAME, 0)
    finish(recorder)
    recorder.close()
    assert "was emptied or overwritten during the workout" in recorder.notice or "was damaged" in recorder.notice
    (side,) = [path for path in tmp_path.iterdir() if path.name.startswith("history.saved-") and path.suffix == ".db"]
    (session,) = sessions_in(side)
    assert len(session["exercises"]) == 3


def test_an_untouched_file_gives_no_notice(tmp_path):
    recorder = start(tmp_path)
    finish(recorder)
    assert recorder.close()
    assert recorder.notice is None
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".db"] == [DB_NAME]


def test_a_resumed_session_is_still_its_own(tmp_path):
    first = start(tmp_path)
    first.finish("interrupted", START, 20, 0)
    first.close()
    later = Recorder(tmp_path, "r", "R", START + timedelta(hours=1), resume_session_id=first.session_id)
    finish(later)
    assert later.close()
    assert later.notice is None
    (session,) = sessions_in(tmp_path / DB_NAME)
    assert len(session["exercises"]) == 3
