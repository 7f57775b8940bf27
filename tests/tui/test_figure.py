"""The figure beside the countdown, on a fake clock: still during a hold (no frame timer),
moving in step with the clock otherwise, mirrored for the other side, gone where there is
no room or when the setting says so."""

from __future__ import annotations

import dataclasses

import pytest

from tests.engine_helpers import routine_from
from tests.tui.test_seen_from_the_mat import drawn_rows
from tests.tui_helpers import advance, advance_stepwise, make_app, word

BLOCKS = set("▀▄█")
CLAMS = routine_from(
    """
    name = "Clams"
    lead_in = 3
    [[exercise]]
    name = "Clams"
    figure = "clam"
    sides = "each"
    reps = 2
    hold = 2
    """
)


def figure_rows(app) -> int:
    figure = app.screen.grid.figure
    if not figure.display or not figure.region.area:
        return 0
    return sum(1 for row in drawn_rows(figure) if BLOCKS & set(row))


async def test_a_hold_draws_the_figure_once_and_sets_no_frame_timer(tmp_path):
    app = make_app(CLAMS, tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await advance_stepwise(pilot, 3.5)
        assert word(app).startswith("HOLD")
        figure = app.screen.grid.figure
        assert figure_rows(app) >= 4
        assert figure._frames is None, "a hold is still: nothing to redraw"
        before = figure.position
        await advance(pilot, 1.0)
        assert figure.position == before


async def test_the_get_ready_shows_the_move_in_step_with_the_clock(tmp_path):
    app = make_app(CLAMS, tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        figure = app.screen.grid.figure
        assert figure._frames is not None, "the demonstration moves"
        seen = set()
        for _ in range(12):
            app.fake_clock.advance(0.1)
            figure._tick()
            seen.add(figure.position[1])
        assert len(seen) >= 6, f"the figure moved through {sorted(seen)}"
        await pilot.press("space")  # paused: the picture holds still
        assert figure._frames is None
        still = figure.position
        app.fake_clock.advance(0.5)
        await pilot.pause()
        assert figure.position == still


async def test_the_other_side_is_drawn_mirrored(tmp_path):
    app = make_app(CLAMS, tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await advance_stepwise(pilot, 3.5)
        first = app.screen.grid.figure.position
        first_rows = drawn_rows(app.screen.grid.figure)
        while "LEFT" not in app.screen.grid.title_text.text.upper() or not word(app).startswith("HOLD"):
            await advance_stepwise(pilot, 0.5)
        second = app.screen.grid.figure.position
        assert first[0] == second[0] == "clam"
        assert first[2] != second[2]
        assert drawn_rows(app.screen.grid.figure) != first_rows


@pytest.mark.parametrize("size, shown", [((50, 15), False), ((80, 24), True), ((200, 55), True)])
async def test_the_figure_only_where_the_countdown_keeps_its_size(tmp_path, size, shown):
    app = make_app(CLAMS, tmp_path / "data")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await advance_stepwise(pilot, 3.5)
        assert (figure_rows(app) > 0) is shown
        if shown:
            clock, figure = app.screen.grid.countdown.region, app.screen.grid.figure.region
            assert not clock.overlaps(figure)


async def test_the_setting_turns_the_figure_off(tmp_path):
    app = make_app(CLAMS, tmp_path / "data")
    app.settings = dataclasses.replace(app.settings, figure=False)
    async with app.run_test(size=(200, 55)) as pilot:
        await pilot.pause()
        await advance_stepwise(pilot, 3.5)
        assert figure_rows(app) == 0
        assert app.screen.grid.figure._frames is None
