"""Control from the mat (issue 28.1): a presenter clicker's Page Down / Right do what Enter
means now (and nothing when Enter would do nothing), Page Up / Left go back as p does,
b and . pause and resume, and F5, Shift+F5 and Escape never end or skip anything."""

from __future__ import annotations

import pytest

from kneetimer.workout.engine import State
from kneetimer.workout.plan import Kind
from tests.engine_helpers import routine_from
from tests.tui_helpers import advance, make_app

COUNTED = routine_from(
    """
    name = "Counted"
    lead_in = 5
    rest_between = 0
    [[exercise]]
    name = "Steps"
    reps = 3
    paced = false
    [[exercise]]
    name = "Hold"
    hold = ["10s", "30s"]
    """
)


@pytest.mark.parametrize("key", ["pagedown", "right"])
async def test_next_does_what_enter_means_now(tmp_path, key):
    app = make_app(COUNTED, tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session = app.screen.session
        await pilot.press(key)  # the get-ready's first second: Enter would do nothing yet
        assert session.phase.kind is Kind.LEAD_IN
        await advance(pilot, 1.5)
        await pilot.press(key)  # start now
        assert session.phase.kind is Kind.REP and session.phase.rep_no == 1
        await pilot.press(key, key, key)  # three reps counted
        assert session.records[0].reps_done == 3


@pytest.mark.parametrize("key", ["pageup", "left"])
async def test_previous_goes_back_as_p(tmp_path, key):
    app = make_app(COUNTED, tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session = app.screen.session
        await advance(pilot, 1.5)
        await pilot.press("enter", "enter")  # start, one rep
        await advance(pilot, 4)
        await pilot.press(key)  # more than 3 s in: back to the start of this exercise
        assert session.phase.kind is Kind.LEAD_IN and session.phase.exercise.name == "Steps"


@pytest.mark.parametrize("key", ["b", "full_stop"])
async def test_the_black_screen_key_pauses_and_resumes(tmp_path, key):
    app = make_app(COUNTED, tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(key)
        assert app.screen.session.state is State.PAUSED
        await pilot.press(key)
        assert app.screen.session.state is State.RUNNING


@pytest.mark.parametrize("key", ["f5", "shift+f5", "escape"])
async def test_show_keys_never_end_or_skip(tmp_path, key):
    app = make_app(COUNTED, tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await advance(pilot, 2)
        session = app.screen.session
        index = session.index
        await pilot.press(key, key)
        await pilot.pause()
        assert app.screen.__class__.__name__ == "WorkoutScreen" and session.index == index
        assert session.state is State.RUNNING and not session.records


async def test_the_help_lists_the_clicker_keys(tmp_path):
    from rich.console import Console

    from kneetimer.tui.screens.dialogs import help_table

    app = make_app(COUNTED, tmp_path / "data")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        console = Console(width=100, record=True)
        console.print(help_table(app.screen.sections, app.get_key_display))
        text = " ".join(console.export_text().split())
        assert "a clicker's next (Page Down, Right): what Enter does now" in text
        assert "never end or skip anything" in text
