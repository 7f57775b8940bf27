"""How the workout screen shares its rows, at the sizes people use: the countdown is as
large as the design asks, the phase word large too, and the rest gives way in order."""

from __future__ import annotations

import math

import pytest

from kneetimer.tui.design.blockfont import FONT_3X5, FONT_5X7
from kneetimer.tui.design.workout_layout import OPTIONAL, Content, plan

EVERYTHING = (("hint", 1), ("counters", 1), ("next", 2), ("bars", 2), ("cues", 1), ("instructions", 3))
# (size, rows the countdown must have at least): 40% from 80x24 up, 5 rows at 50x15
SIZES = [((50, 15), 5), ((80, 24), 10), ((100, 30), 12), ((200, 55), 22)]


@pytest.mark.parametrize("countdown", ["45", "5", "1:30"])
@pytest.mark.parametrize("size, least", SIZES, ids=[f"{w}x{h}" for (w, h), _ in SIZES])
def test_the_countdown_is_as_tall_as_the_design_asks(size, least, countdown):
    width, height = size
    layout = plan(width, height, Content(countdown, "HOLD", "Clams — RIGHT SIDE", None, EVERYTHING))
    columns, rows = layout.countdown.size(countdown)
    assert layout.countdown.font is FONT_5X7, "the 5x7 font wherever it fits"
    assert rows >= least, f"{rows} rows at {width}x{height}"
    assert rows <= math.ceil(height * 0.6), "and it leaves room for the rest"
    assert columns <= width - 2


@pytest.mark.parametrize("size, least", SIZES, ids=[f"{w}x{h}" for (w, h), _ in SIZES])
def test_the_phase_word_is_in_block_letters_of_at_least_three_rows(size, least):
    for word in ("HOLD", "GET READY", "SWITCH SIDES", "PAUSED"):
        layout = plan(*size, Content("5", word, "Clams", None, EVERYTHING))
        columns, rows = layout.word.size(word)
        assert layout.word.font in (FONT_5X7, FONT_3X5) and rows >= 3 and columns <= size[0] - 2, (word, size)


@pytest.mark.parametrize("size, least", SIZES, ids=[f"{w}x{h}" for (w, h), _ in SIZES])
def test_paced_reps_show_the_rep_number_at_least_a_third_of_the_seconds(size, least):
    layout = plan(*size, Content("5", "HOLD", "Clams", "10/10", EVERYTHING))
    seconds_rows = layout.countdown.size("5")[1]
    rep_columns, rep_rows = layout.reps.size("10/10")
    assert seconds_rows >= least and rep_rows * 3 >= seconds_rows
    assert layout.reps_beside, "beside the seconds at every size in the design"
    assert layout.countdown.size("5")[0] + rep_columns <= size[0]


def test_the_rest_gives_way_in_order():
    shown_by_height = []
    for height in range(14, 60):
        layout = plan(100, height, Content("45", "HOLD", "Clams", None, EVERYTHING))
        shown = [name for name in OPTIONAL if name in layout.shown]
        assert shown == list(OPTIONAL[: len(shown)]), f"at height {height}: {shown}"
        shown_by_height.append(len(shown))
    # (not monotonic: one row more can let the countdown grow a whole scale, and it comes first)
    assert shown_by_height[0] < len(OPTIONAL) and shown_by_height[-1] == len(OPTIONAL)


def test_a_tiny_terminal_still_gets_a_countdown():
    for width, height in [(30, 8), (20, 5), (10, 3)]:
        layout = plan(width, height, Content("45", "SWITCH SIDES", "Clams", "10/10", EVERYTHING))
        assert layout.countdown.size("45")[1] <= height


def test_the_exercise_is_in_block_letters_only_on_tall_terminals():
    title = "Clams — RIGHT SIDE"
    assert not plan(100, 30, Content("5", "HOLD", title, None, EVERYTHING)).title.is_block
    assert plan(200, 55, Content("5", "HOLD", title, None, EVERYTHING)).title.is_block
    assert not plan(200, 55, Content("5", "HOLD", "膝の痛み", None, EVERYTHING)).title.is_block, \
        "no block letters for what the font cannot draw"


FIGURE = (3.4, 1.05)  # the clam's width and height in body units


@pytest.mark.parametrize("size, least", SIZES, ids=[f"{w}x{h}" for (w, h), _ in SIZES])
@pytest.mark.parametrize("rep", ["2/20", "5/5", "10/10"])
def test_a_figure_never_shrinks_the_rep_number_below_the_floor(size, least, rep):
    """(Where the width alone keeps the number below the floor, as "10/10" at 80x24, the
    figure takes nothing from it.)"""
    layout = plan(*size, Content(rep, "MOVE", "Clams — RIGHT SIDE", None, EVERYTHING, figure=FIGURE))
    without = plan(*size, Content(rep, "MOVE", "Clams — RIGHT SIDE", None, EVERYTHING))
    rows, rows_without = layout.countdown.size(rep)[1], without.countdown.size(rep)[1]
    assert rows >= min(least, rows_without)


@pytest.mark.parametrize("size", [(100, 30), (200, 55)], ids=["100x30", "200x55"])
def test_a_moving_figure_shows_beside_a_short_rep_number_at_full_size(size):
    layout = plan(*size, Content("5/9", "MOVE", "Clams — RIGHT SIDE", None, EVERYTHING, figure=FIGURE))
    assert layout.figure_columns > 0
