"""The command line as a user meets it: real subprocesses where start-up and imports matter."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from kneetimer.cli.parser import main
from tests.conftest import BUNDLED, REPO, write


def run_cli(*args: str, env_dirs=None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    return subprocess.run(
        [sys.executable, "-m", "kneetimer", *args], capture_output=True, text=True, cwd=REPO, env=env, timeout=60
    )


def test_list_shows_every_bundled_routine(capsys):
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    header, *rows = out.strip().splitlines()
    assert header.split() == ["ID", "NAME", "EXERCISES", "MINUTES"]
    assert [row.split()[0] for row in rows] == [path.stem for path in BUNDLED]


def test_list_json_matches_the_plan(capsys):
    from kneetimer.routines.loader import load_file
    from kneetimer.workout.plan import build_plan

    assert main(["list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    for row in rows:
        routine = load_file(row["path"]).routine
        assert row["name"] == routine.name and row["exercises"] == len(routine.exercises)
        assert row["estimated_seconds"] == round(build_plan(routine).total_seconds, 1)
        assert row["estimated_minutes"] == round(row["estimated_seconds"] / 60, 1)


def test_list_shows_broken_user_routine(user_routines, capsys):
    write(user_routines, "oops.toml", 'name = "x"\n[[exercise]]\nname = "a"\n')
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if line.startswith("oops"))
    assert "BROKEN" in line
    assert f"  {user_routines / 'oops.toml'}:2: exercise 1 (\"a\"): needs reps, hold, or both" in out.splitlines()


def test_validate_exit_codes_and_streams(tmp_path, capsys):
    good = write(tmp_path, "good.toml", 'name = "x"\n[[exercise]]\nname = "a"\nreps = 2\n')
    bad = write(tmp_path, "bad.toml", 'name = "x"\n[[exercise]]\nname = "a"\nreps = 0\nhodl = 1\n')
    assert main(["validate", str(good)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith(f"{good}: ok (1 exercise") and captured.err == ""
    assert main(["validate", str(good), str(bad)]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"{bad}:4: exercise 1 (\"a\"): reps must be a whole number from 1 to 1,000, got 0",
        f"{bad}:5: exercise 1 (\"a\"): unknown key 'hodl' (did you mean 'hold'?)",
    ]
    assert main(["validate", str(tmp_path / "absent.toml")]) == 1


def test_every_bundled_routine_validates():
    assert main(["validate", *map(str, BUNDLED)]) == 0


def test_usage_errors_exit_2(capsys):
    for argv in (["frobnicate"], ["validate"], ["history", "--limit", "0"], ["export"]):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 2


def test_version_and_help():
    from kneetimer import __version__

    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"kneetimer {__version__}"
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("run", "list", "validate", "history", "export"):
        assert command in result.stdout


def test_run_unknown_id_exits_1_with_a_hint():
    result = run_cli("run", "react-glute-it-bnd")
    assert result.returncode == 1
    assert "no routine with id 'react-glute-it-bnd'" in result.stderr
    assert "Did you mean 'react-glute-it-band'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_run_broken_file_exits_1_with_located_errors(tmp_path):
    bad = write(tmp_path, "bad.toml", 'name = "x"\n[[exercise]]\nname = "a"\nhold = "5 sec"\n')
    result = run_cli("run", str(bad))
    assert result.returncode == 1 and f"{bad}:4: exercise 1" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [["list"], ["list", "--json"], ["validate", str(BUNDLED[0])], ["history"], ["history", "--json"],
     ["export", "--format", "csv"], ["export", "--format", "json"], ["report"], ["plan"], ["plan", "--json"],
     ["checkin", "--json"], ["remind", "check"], ["remind", "status"]],
)
def test_cli_commands_never_import_textual(args):
    code = (
        "import sys, runpy\n"
        f"sys.argv = ['kneetimer', *{args!r}]\n"
        "try:\n    runpy.run_module('kneetimer', run_name='__main__')\n"
        "except SystemExit as e:\n    assert e.code in (0, 1, None), e.code\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "argv, quiet, voice",
    [(["--quiet", "run", "x"], True, False), (["run", "--quiet", "x"], True, False),
     (["--voice", "run", "--quiet", "x"], True, True), (["run", "x"], False, False), (["--voice"], False, True)],
)
def test_sound_options_work_before_or_after_run(argv, quiet, voice):
    from kneetimer.cli.parser import build_parser

    args = build_parser().parse_args(argv)
    assert (args.quiet, args.voice) == (quiet, voice)
