"""A session deleted from the review in another window while its workout runs (issue
22.3): the review refuses while the workout's kneetimer runs; and if the row goes anyway
(an older kneetimer, a tool), the workout saves itself again in the same file, where
history, export and report read it, and says so."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kneetimer.history.recorder import Recorder
from kneetimer.history.store import HistoryStore, SessionUnderWay
from tests.history.test_recorder import START, record
from tests.history_helpers import as_json


def test_a_session_under_way_is_not_deleted(tmp_path):
    recorder = Recorder(tmp_path, "clams", "Clams", START)
    recorder.record(record(0), 10, 0)
    assert recorder.flush()
    other_window = HistoryStore.open(tmp_path)
    (session,) = other_window.sessions()
    with pytest.raises(SessionUnderWay, match="under way"):
        other_window.delete_session(session.id)
    assert len(other_window.sessions()) == 1
    recorder.finish("completed", START + timedelta(minutes=1), 20, 0)
    assert recorder.close()
    other_window.delete_session(session.id)  # ended: now it may go
    assert other_window.sessions() == []


def test_a_session_deleted_anyway_is_saved_again_in_the_same_file(tmp_path):
    recorder = Recorder(tmp_path, "clams", "Clams", START)
    recorder.record(record(0), 10, 0)
    assert recorder.flush()
    forced = HistoryStore.open(tmp_path)
    (session,) = forced.sessions()
    with forced.connection:
        forced.connection.execute("DELETE FROM exercises WHERE session_id = ?", (session.id,))
        forced.connection.execute("DELETE FROM sessions WHERE id = ?", (session.id,))
    forced.close()
    recorder.record(record(1), 20, 0)
    recorder.finish("completed", START + timedelta(minutes=1), 20, 0)
    assert recorder.close()
    assert "deleted from history" in recorder.notice and "saved again" in recorder.notice
    assert sorted(path.name for path in tmp_path.glob("*.db")) == ["history.db"], "no side file"
    (again,) = as_json(HistoryStore.open(tmp_path).sessions())
    assert [e["name"] for e in again["exercises"]] == ["Move 0", "Move 1"]
    assert again["status"] == "completed"
