"""The figure library: every bundled exercise has a figure, and every figure is drawn
as a body on its floor, with its working leg, moving between its keyframes, mirrored
for the other side. The drawings themselves are snapshots (test_keyframes.py)."""

from __future__ import annotations

import pytest

from kneetimer.figures.drawing import Ink, bounds, draw, height_needed
from kneetimer.figures.library import MOVES
from kneetimer.figures.skeleton import View
from tests.conftest import BUNDLED

WIDTH, HEIGHT = 60, 40


def inks(pixels) -> set[int]:
    return {ink for row in pixels for ink in row}


def count(pixels, ink: Ink) -> int:
    return sum(row.count(ink) for row in pixels)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda path: path.stem)
def test_every_bundled_exercise_and_step_has_a_figure(path):
    from kneetimer.routines.loader import load_file

    routine = load_file(path).routine
    missing = [f"{exercise.name} / {step.name or '-'}" for exercise in routine.exercises
               for step in exercise.sequence() if step.figure not in MOVES]
    assert not missing, f"no figure for: {missing}"


@pytest.mark.parametrize("name", list(MOVES))
def test_each_move_is_a_body_with_its_working_leg_on_the_floor(name):
    move = MOVES[name]
    for step in range(5):
        pixels = draw(move, step / 4, False, WIDTH, HEIGHT)
        assert count(pixels, Ink.WORK) >= 20, "the working leg is drawn"
        assert count(pixels, Ink.BODY) >= 60, "the rest of the body is drawn"
        if move.view is not View.ABOVE:
            assert set(pixels[-1]) == {Ink.FLOOR}, "the floor is the bottom row"
            resting = set(pixels[-2]) | set(pixels[-3])
            assert resting & {Ink.BODY, Ink.WORK, Ink.PROP}, "the body (or its prop) rests on the floor"
        for row in pixels[:-1]:
            assert row[0] in (Ink.NONE,) and row[-1] in (Ink.NONE,), "nothing is cut off at the sides"
        assert not set(pixels[0]) - {Ink.NONE}, "nothing is cut off at the top"


@pytest.mark.parametrize("name", [name for name, move in MOVES.items() if move.moves])
def test_the_working_leg_moves_between_start_and_end(name):
    start = draw(MOVES[name], 0.0, False, WIDTH, HEIGHT)
    end = draw(MOVES[name], 1.0, False, WIDTH, HEIGHT)
    changed = sum(1 for row_a, row_b in zip(start, end, strict=True)
                  for a, b in zip(row_a, row_b, strict=True) if a != b)
    assert changed >= 15, f"only {changed} pixels change from start to end"


@pytest.mark.parametrize("name", list(MOVES))
def test_the_other_side_is_the_mirror_image(name):
    drawn = draw(MOVES[name], 1.0, False, WIDTH, HEIGHT)
    mirrored = draw(MOVES[name], 1.0, True, WIDTH, HEIGHT)
    same = sum(1 for row_a, row_b in zip(drawn, mirrored, strict=True)
               for a, b in zip(row_a, reversed(row_b), strict=True) if a == b)
    assert same / (WIDTH * HEIGHT) > 0.99
    assert drawn != mirrored


@pytest.mark.parametrize("name", list(MOVES))
def test_a_move_keeps_one_scale_from_start_to_end(name):
    """The frame is fixed for the whole move, so the figure never grows or slides."""
    left, bottom, right, top = bounds(MOVES[name])
    assert right > left and top > bottom
    rows = height_needed(MOVES[name], WIDTH, 200)
    for step in range(9):
        pixels = draw(MOVES[name], step / 8, False, WIDTH, rows)
        assert count(pixels, Ink.WORK) > 0


def test_a_space_too_small_draws_nothing_rather_than_fail():
    assert inks(draw(MOVES["clam"], 0.5, False, 3, 2)) == {Ink.NONE}
