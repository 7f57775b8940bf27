"""What the environment says about the terminal, and what is really there (issue 22.9,
22.10): an exported COLUMNS or LINES never overrides the terminal's own size, and a
locale that cannot spell a character loses none in files and draws none as "?"."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time

import pytest

from bench.process import PtyProcess
from tests.conftest import REPO
from tests.reliability.test_reading_history import a_session
from tests.tui.test_signals import STARTED, no_kneetimer_left_behind  # noqa: F401

LATIN1 = {"PYTHONIOENCODING": "latin-1", "LC_ALL": "C", "PYTHONUTF8": "0"}


def workout_in_a_pty(tmp_path, env: dict[str, str], cols: int = 100, rows: int = 30) -> PtyProcess:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text("pain_prompt = false\n")
    env = {"KNEETIMER_DATA_DIR": str(tmp_path / "data"), "KNEETIMER_CONFIG_DIR": str(tmp_path / "config"), **env}
    terminal = PtyProcess([sys.executable, "-m", "kneetimer", "run", "--quiet", "react-glute-it-band"],
                          env=env, cols=cols, rows=rows)
    STARTED.append(terminal)
    terminal.wait_for(b"Clams")
    time.sleep(0.5)  # the first frames drawn
    return terminal


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX pseudo-terminal")
def test_an_exported_size_does_not_override_the_terminals_own(tmp_path):
    terminal = workout_in_a_pty(tmp_path, {"COLUMNS": "40", "LINES": "12"})
    rows_drawn = {int(row) for row in re.findall(rb"\x1b\[(\d+);\d+H", bytes(terminal.output))}
    terminal.stop()
    assert max(rows_drawn) == 30, "drawn in the exported 40x12, not the 100x30 terminal"


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX pseudo-terminal")
def test_a_latin1_locale_still_draws_the_blocks(tmp_path):
    terminal = workout_in_a_pty(tmp_path, LATIN1)
    drawn = bytes(terminal.output)
    terminal.stop()
    assert "█".encode() in drawn or "▀".encode() in drawn
    text = re.sub(rb"\x1b\[[0-9;?<>=]*[ -/$]*[@-~]", b"", drawn)  # the control sequences set aside
    assert text.replace(b"? Help", b"").count(b"?") == 0, "characters the locale cannot spell were drawn as ?"


def run(args, data, env_extra) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, KNEETIMER_DATA_DIR=str(data), PYTHONPATH=str(REPO), **env_extra)
    return subprocess.run([sys.executable, "-m", "kneetimer", *args], env=env, capture_output=True,
                          timeout=30, cwd=REPO)


def test_files_for_a_physio_are_utf8_whatever_the_locale(isolated_dirs, tmp_path):
    _, data = isolated_dirs
    from datetime import timedelta

    from kneetimer.history.recorder import Recorder
    from tests.reliability.test_reading_history import START, record

    recorder = Recorder(data, "übungen", "Übungen für Knie", START, pain_before=2)
    recorder.record(record(0), 10, 0)
    recorder.finish("completed", START + timedelta(minutes=1), 10, 0)
    assert recorder.close()
    exported = run(["export", "--format", "json"], data, LATIN1)
    assert exported.returncode == 0, exported.stderr
    assert "Übungen für Knie" in json.dumps(json.loads(exported.stdout.decode("utf-8")), ensure_ascii=False)
    report = run(["report"], data, LATIN1)
    assert report.returncode == 0, report.stderr
    assert "Übungen für Knie" in report.stdout.decode("utf-8")
    assert 'charset="utf-8"' in report.stdout.decode("utf-8").lower() or "utf-8" in report.stdout.decode().lower()
    history = run(["history", "--json"], data, LATIN1)
    assert json.loads(history.stdout.decode("utf-8"))[0]["routine"] == "Übungen für Knie"


def test_a_text_table_under_a_latin1_locale_still_prints(isolated_dirs):
    _, data = isolated_dirs
    a_session(data)
    result = run(["history"], data, LATIN1)
    assert result.returncode == 0 and b"Traceback" not in result.stderr
