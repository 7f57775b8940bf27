"""Small hostile inputs that cost a lot (issue 22.1): a long dotted TOML key, which
tomllib parses in quadratic time and memory, and a very long name given to the
did-you-mean. Each is answered at once with a message; the app still starts."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kneetimer.cli import main
from kneetimer.routines.loader import load_bytes
from kneetimer.routines.suggest import distance, suggest_figure
from tests.conftest import REPO, write

LONG_KEYS = {
    "dotted key": "a" + ".a" * 15_000 + " = 1\n",
    "inline table": "x = {a" + ".a" * 15_000 + " = 1}\n",
    "quoted parts": "[" + '"a".' * 15_000 + "b]\n",
}


@pytest.mark.parametrize("source", LONG_KEYS.values(), ids=LONG_KEYS.keys())
def test_a_long_dotted_key_is_refused_before_parsing(source):
    result = load_bytes(source.encode(), "shared.toml", "shared")
    assert result.routine is None
    assert "more than 32 dotted parts" in str(result.problems[0])


def test_dotted_leaders_and_abbreviations_in_prose_are_not_keys():
    source = ('name = "R"\n\n[[exercise]]\nname = "Clams"\nreps = 3\n'
              'instructions = """Clams ................................................ 10\n'
              'e.g. a.b.c.d. i.e. x.y.z. and so on."""\n')
    assert load_bytes(source.encode(), "r.toml", "r").ok


def test_list_is_quick_with_a_hostile_routine_beside_the_others(user_routines):
    write(user_routines, "hostile.toml", LONG_KEYS["dotted key"])
    env = dict(os.environ, PYTHONPATH=str(REPO))
    result = subprocess.run([sys.executable, "-m", "kneetimer", "list"], env=env, capture_output=True,
                            text=True, timeout=60, cwd=REPO)
    assert "react-glute-it-band" in result.stdout
    assert "hostile" in result.stdout + result.stderr


def test_did_you_mean_answers_a_huge_name_at_once():
    name = "x" * 100_000
    assert distance(name, "clam", limit=3) == 4  # from the lengths alone, no 100,000-row matrix
    assert suggest_figure(name) is None


def test_figures_with_a_huge_name_says_so_briefly(capsys):
    assert main(["figures", "x" * 100_000]) == 1
    err = capsys.readouterr().err
    assert "no figure named" in err and len(err) < 300
