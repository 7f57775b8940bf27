"""Figures by any name people use (issue 25.3): an unknown figure is a warning with a
did-you-mean and the routine runs without one; aliases and titles are understood; the
`new` template names figures; a progression that adds a band moves to the band variant;
every figure keeps its limbs as lines at large sizes."""

from __future__ import annotations

import pytest

from kneetimer.cli import main
from kneetimer.figures.drawing import MAX_STROKE_RADIUS, draw
from kneetimer.figures.library import ALIASES, MOVES
from kneetimer.routines.loader import load_bytes
from tests.conftest import bundled

NEW_MOVES = ("bridge", "single-leg-bridge", "side-plank", "standing-hip-abduction", "monster-walk", "step-up",
             "wall-sit", "donkey-kick")


def routine_with(figure: str):
    text = f'name = "R"\n[[exercise]]\nname = "Move"\nreps = 3\nfigure = "{figure}"\n'
    return load_bytes(text.encode(), "r.toml", "r")


def test_an_unknown_figure_is_a_warning_and_the_routine_runs_without_one():
    result = routine_with("side-lying-leg-rise")
    assert result.ok and result.routine.exercises[0].figure == ""
    (warning,) = result.warnings
    assert "unknown figure" in str(warning) and "did you mean 'side-leg-lift'" in str(warning)


@pytest.mark.parametrize("written, meant", [("side-lying-leg-raise", "side-leg-lift"), ("Glute bridge", "bridge"),
                                            ("hip hike", "pelvic-drop"), ("Side plank", "side-plank"),
                                            ("Wall sit", "wall-sit"), ("clamshell", "clam"),
                                            ("glute kickback", "donkey-kick")])
def test_aliases_and_titles_are_understood(written, meant):
    result = routine_with(written)
    assert result.ok and result.routine.exercises[0].figure == meant and not result.warnings


def test_validate_says_the_warning_and_passes(tmp_path, capsys):
    path = tmp_path / "mine.toml"
    path.write_text('name = "R"\n[[exercise]]\nname = "Move"\nreps = 3\nfigure = "briidge"\n')
    assert main(["validate", str(path)]) == 0
    assert "did you mean 'bridge'" in capsys.readouterr().err


def test_the_new_template_names_figures(isolated_dirs):
    from kneetimer.routines.library import new_routine
    from kneetimer.routines.loader import load_file

    routine = load_file(new_routine("My knees")).routine
    assert [exercise.figure for exercise in routine.exercises] == ["clam", "it-band-stretch-standing"]


def test_a_progression_adding_a_band_moves_the_clam_to_the_band_variant():
    from kneetimer.history.progression import progress

    react = bundled("react-glute-it-band")
    progressed = progress(react).routine
    assert react.exercises[0].figure == "clam" and progressed.exercises[0].figure == "clam-band"


@pytest.mark.parametrize("name", NEW_MOVES)
def test_the_new_moves_have_keyframes_that_move(name):
    move = MOVES[name]
    assert len(move.keyframes) >= 2 and draw(move, 0.0, False, 60, 30) != draw(move, 1.0, False, 60, 30)


def test_aliases_name_real_moves():
    assert set(ALIASES.values()) <= set(MOVES)


@pytest.mark.parametrize("name", list(MOVES))
def test_limbs_stay_lines_at_large_sizes(name):
    """Drawn twice as large, a figure of lines takes about twice the ink; a silhouette
    would take four times as much. (The head is a disc: it grows with the size.)"""
    def ink(width: int, height: int) -> int:
        return sum(1 for row in draw(MOVES[name], 1.0, False, width, height)[:-1] for value in row if value >= 3)  # body

    assert ink(160, 120) < 3.5 * ink(80, 60), "limbs thickened into a silhouette"
    assert MAX_STROKE_RADIUS <= 2.0
