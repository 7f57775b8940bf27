"""Output that cannot be written, and no terminal to run in (issue 17.8, 17.10): a message
and a non-zero exit, never a traceback, never a silent success, never a spinning process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.test_reading_history import a_session

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")


def kneetimer(args, data, **streams):
    env = dict(os.environ, KNEETIMER_DATA_DIR=str(data), KNEETIMER_CONFIG_DIR=str(data.parent / "config"),
               PYTHONPATH=str(REPO))
    streams.setdefault("stdout", subprocess.PIPE)
    streams.setdefault("stderr", subprocess.PIPE)
    return subprocess.run([sys.executable, "-m", "kneetimer", *args], env=env, timeout=20, cwd=REPO, **streams)


@pytest.mark.parametrize("args", [["list", "--json"], ["list"], ["history"], ["history", "--json"],
                                  ["export", "--format", "csv"], ["export", "--format", "json"], ["report"]],
                         ids=" ".join)
def test_a_full_device_is_an_error(isolated_dirs, args):
    _, data = isolated_dirs
    a_session(data)
    with open("/dev/full", "w") as full:
        result = kneetimer(args, data, stdout=full)
    assert result.returncode == 1, result.stderr
    assert b"could not write" in result.stderr and b"No space left" in result.stderr
    assert b"Traceback" not in result.stderr


@pytest.mark.parametrize("args", [["export", "--format", "csv"], ["history"], ["list"]], ids=" ".join)
def test_a_closed_output_is_an_error(isolated_dirs, args):
    _, data = isolated_dirs
    a_session(data)
    result = kneetimer(args, data, stdout=subprocess.DEVNULL, preexec_fn=lambda: os.close(1))
    assert result.returncode == 1
    assert b"standard output is closed" in result.stderr
    assert b"Traceback" not in result.stderr


def test_a_pipe_closed_early_is_quiet(isolated_dirs):
    _, data = isolated_dirs
    env = dict(os.environ, KNEETIMER_DATA_DIR=str(data), PYTHONPATH=str(REPO))
    result = subprocess.run(f"'{sys.executable}' -m kneetimer list --json | head -c 10 >/dev/null; "
                            "echo rc=${PIPESTATUS[0]}", shell=True, executable="/bin/bash", env=env,
                            capture_output=True, timeout=20, cwd=REPO)
    assert b"rc=0" in result.stdout
    assert b"Exception ignored" not in result.stderr and b"Traceback" not in result.stderr


@pytest.mark.parametrize("how", ["stdin /dev/null", "stdin closed", "stderr closed", "stderr a file"])
def test_no_terminal_to_run_in_is_said_with_exit_2(isolated_dirs, tmp_path, how):
    _, data = isolated_dirs
    streams = {}
    if how == "stdin /dev/null":
        streams["stdin"] = subprocess.DEVNULL
    elif how == "stdin closed":
        streams["stdin"] = subprocess.DEVNULL
        streams["preexec_fn"] = lambda: os.close(0)
    elif how == "stderr closed":
        streams["stderr"] = subprocess.DEVNULL
        streams["preexec_fn"] = lambda: os.close(2)
    else:
        streams["stderr"] = open(tmp_path / "err.txt", "w")  # noqa: SIM115 (the child owns it)
    result = kneetimer(["run", "react-glute-it-band"], data, **streams)
    assert result.returncode == 2
    said = (result.stdout or b"") + (result.stderr or b"")
    if how == "stderr a file":
        said += (tmp_path / "err.txt").read_bytes()
    assert b"needs a terminal" in said
    assert b"Traceback" not in said
