"""The history file deleted during a real workout (issue 17.2): the summary says so, not
"Saved to history.", and the whole session is in the new file."""

from __future__ import annotations

import sys

import pytest

from bench.process import PtyProcess
from kneetimer.history.store import DB_NAME, HistoryStore
from tests.history_helpers import as_json
from tests.tui.test_signals import STARTED, finish, no_kneetimer_left_behind, wait_for_rows  # noqa: F401

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a POSIX pty")

SHORT = 'name = "Short"\nlead_in = 0\nrest_between = 0\n' + '[[exercise]]\nname = "Move"\nhold = 0.7\n' * 6


def test_a_history_file_deleted_mid_workout_is_told_and_the_session_kept(tmp_path):
    routine = tmp_path / "short.toml"
    routine.write_text(SHORT)
    data = tmp_path / "data"
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text("pain_prompt = false\n")
    env = {"KNEETIMER_DATA_DIR": str(data), "KNEETIMER_CONFIG_DIR": str(tmp_path / "config")}
    terminal = PtyProcess([sys.executable, "-m", "kneetimer", "run", "--quiet", str(routine)], env=env,
                          cols=120, rows=30)
    STARTED.append(terminal)
    terminal.wait_for(b"Move")
    wait_for_rows(data, 2)
    (data / DB_NAME).unlink()
    terminal.wait_for(b"deleted", timeout=20)
    assert b"Saved to history." not in terminal.output
    terminal.process.terminate()
    finish(terminal)
    assert b"Traceback" not in terminal.output
    (session,) = as_json(HistoryStore.open(data).sessions())
    assert len(session["exercises"]) == 6
