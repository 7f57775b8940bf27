"""Reading history changes nothing and says the truth (issue 17.5, 17.7, 17.15, 17.16):
a damaged file is reported where it is, with a non-zero exit, and left as it is; a
read-only folder can be read; a data folder that is a file, or a history file that is a
folder, is named as such; odd locales and numbers give messages, not tracebacks."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from kneetimer.cli.parser import main
from kneetimer.history.recorder import Recorder
from kneetimer.history.store import DB_NAME, HistoryStore
from tests.history.test_recorder import record

START = datetime(2026, 11, 21, 8, 0, tzinfo=timezone(timedelta(hours=1)))
READERS = [["history"], ["history", "--json"], ["export", "--format", "csv"], ["export", "--format", "json"], ["report"]]


def a_session(folder: Path, pain=(3, 2)) -> None:
    recorder = Recorder(folder, "clams", "Clams", START, pain_before=pain[0])
    recorder.record(record(0), 10, 0)
    recorder.finish("completed", START + timedelta(minutes=1), 10, 0)
    recorder.feedback(pain_after=pain[1])
    assert recorder.close()


@pytest.mark.parametrize("command", READERS, ids=" ".join)
def test_a_damaged_file_is_reported_and_left_as_it_is(isolated_dirs, capsys, command):
    _, data = isolated_dirs
    data.mkdir()
    damaged = b"SQLite format 3\x00" + b"\xde\xad" * 3000
    (data / DB_NAME).write_bytes(damaged)
    assert main(command) != 0
    captured = capsys.readouterr()
    assert "damaged" in captured.err and str(data / DB_NAME) in captured.err
    assert "No sessions yet" not in captured.out
    assert sorted(p.name for p in data.iterdir()) == [DB_NAME]
    assert (data / DB_NAME).read_bytes() == damaged


@pytest.mark.parametrize("command", READERS, ids=" ".join)
def test_a_data_folder_that_is_a_file_is_named(isolated_dirs, capsys, command):
    _, data = isolated_dirs
    data.write_text("not a folder")
    assert main(command) != 0
    err = capsys.readouterr().err
    assert f"{data} is a file, not a folder" in err


def test_a_history_file_that_is_a_folder_is_named(isolated_dirs, capsys):
    _, data = isolated_dirs
    (data / DB_NAME).mkdir(parents=True)
    assert main(["history"]) != 0
    assert f"{data / DB_NAME} is a folder, not a history file" in capsys.readouterr().err
    recorder = Recorder(data, "r", "R", START)
    recorder.record(record(0), 10, 0)
    assert not recorder.close()
    assert "is a folder, not a history file" in recorder.problem
    assert "disk is full" not in recorder.problem


def test_a_read_only_history_file_is_said_so_by_the_recorder(tmp_path, monkeypatch):
    a_session(tmp_path)

    def read_only(self, *args, **kwargs):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(HistoryStore, "start_session", read_only)
    recorder = Recorder(tmp_path, "r", "R", START)
    recorder.record(record(1), 10, 0)
    recorder.finish("completed", START, 10, 0)
    assert not recorder.close()
    assert "read-only" in recorder.problem and "never written" not in recorder.problem


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"), reason="needs root to become another user")
@pytest.mark.parametrize("command", READERS, ids=" ".join)
def test_a_read_only_folder_can_be_read(command):
    """As another user, whom the folder and the file refuse any write."""
    folder = Path(tempfile.mkdtemp(prefix="kneetimer-ro-"))
    try:
        data = folder / "data"
        data.mkdir()
        a_session(data)
        os.chmod(folder, 0o755)
        os.chmod(data, 0o555)
        os.chmod(data / DB_NAME, 0o444)
        before = sorted(p.name for p in data.iterdir())
        env = dict(os.environ, KNEETIMER_DATA_DIR=str(data), KNEETIMER_CONFIG_DIR=str(folder / "config"),
                   PYTHONPATH=str(Path(__file__).resolve().parents[2]))
        result = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                                 sys.executable, "-m", "kneetimer", *command],
                                env=env, capture_output=True, text=True, timeout=30, cwd="/")
        assert result.returncode == 0, result.stderr
        assert "Clams" in result.stdout or "clams" in result.stdout
        assert sorted(p.name for p in data.iterdir()) == before
    finally:
        os.chmod(folder / "data", 0o755)
        shutil.rmtree(folder)


def test_history_under_a_non_utf8_locale(isolated_dirs):
    _, data = isolated_dirs
    a_session(data)
    env = dict(os.environ, LC_ALL="C", LANG="C", PYTHONUTF8="0", KNEETIMER_DATA_DIR=str(data))
    env.pop("PYTHONIOENCODING", None)
    result = subprocess.run([sys.executable, "-m", "kneetimer", "history"], env=env, capture_output=True,
                            timeout=30, cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stderr
    assert b"3->2" in result.stdout
    assert b"Traceback" not in result.stderr


@pytest.mark.parametrize("limit", ["100000000000000000000", "0", "-3", "many"])
def test_an_impossible_limit_is_refused_in_words(capsys, limit):
    with pytest.raises(SystemExit) as stopped:
        main(["history", "--limit", limit])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "--limit" in err and "Traceback" not in err


def test_every_text_cell_of_the_csv_is_defused(isolated_dirs, capsys):
    import csv
    import io

    from kneetimer.workout.records import ExerciseRecord, Status

    _, data = isolated_dirs
    hostile = '=HYPERLINK("http://x","y")'
    recorder = Recorder(data, hostile, "@SUM(A1)", START)
    recorder.record(ExerciseRecord(0, "+1+1", "-left", Status.DONE, 1, 5, 10.0, START, START), 10, 0)
    recorder.finish("completed", START, 10, 0)
    recorder.feedback(note=" =1+2")
    assert recorder.close()
    assert main(["export", "--format", "csv"]) == 0
    (row,) = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    for field in ("routine_id", "routine_name", "exercise", "side", "note"):
        assert row[field].startswith("'"), (field, row[field])
    assert row["routine_id"] == "'" + hostile
    assert row["seconds"] == "10.0", "numbers stay numbers"
