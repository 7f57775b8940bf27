"""Controls that never surprise: what covers the workout pauses it and gives it back as it
was, the help is the bindings, the keys shown are the keys of what is on top, and
Ctrl+C asks like q."""

from __future__ import annotations

import pytest
from textual.geometry import Region

from kneetimer.tui.screens.dialogs import ConfirmScreen, HelpScreen, PainScreen
from kneetimer.tui.screens.workout import WorkoutScreen
from tests.tui_helpers import SHORT, advance, make_app


def keys_shown(screen) -> dict[str, str]:
    return {key: description for key, _, description in screen.query_one("KeyBar").keys}


@pytest.mark.parametrize("opener, closer", [("question_mark", "escape"), ("ctrl+p", "escape")],
                         ids=["help", "command palette"])
async def test_help_and_the_palette_pause_the_workout_and_give_it_back(tmp_path, opener, closer):
    app = make_app(SHORT, tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        workout = app.screen
        await advance(pilot, 1.5)
        await pilot.press(opener)
        await pilot.pause()
        assert app.screen is not workout and workout.session.paused, "the countdown waits"
        app.fake_clock.advance(30)
        await pilot.press(closer)
        await pilot.pause()
        assert app.screen is workout and not workout.session.paused
        assert workout.session.elapsed() == pytest.approx(1.5), "the 30 s away are paused time"
        await pilot.press("space")  # paused by hand: stays paused after the help
        await pilot.press(opener)
        await pilot.pause()
        await pilot.press(closer)
        await pilot.pause()
        assert workout.session.paused


async def test_the_help_is_the_bindings_in_two_columns_that_wrap_at_50(tmp_path):
    app = make_app(None, tmp_path / "data")
    async with app.run_test(size=(50, 30)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query("Static")[1]
        width = table.region.width
        lines = ["".join(segment.text for segment in strip).rstrip()
                 for strip in table.render_lines(Region(0, 0, width, table.virtual_size.height))]
    assert width <= 46 and max(map(len, lines)) <= width
    rows = [line for line in lines if line.strip()]
    text = " ".join(" ".join(line.split()) for line in rows)
    for words in ("a adjust sets, reps, hold and rest", "s sounds, voice, get-ready time",
                  "n skip: during a rest", "? this help; the workout pauses"):
        assert words in text, words  # the picker's a and s are there: made from the bindings
    column = rows[1].index(rows[1].split()[1])  # where the words start: the second column
    for line in rows:
        first = len(line) - len(line.lstrip())
        assert first in (0, 1) or first == column, f"a wrapped line leaves its column: {line!r}"


async def test_under_a_question_the_keys_shown_are_the_questions(tmp_path):
    app = make_app(SHORT, tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert keys_shown(app.screen) == {"y": "Yes", "n": "No"}, "not 'n Skip'"
        assert app.screen_stack[-2].query_one("KeyBar").covered
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen) and not app.screen.query_one("KeyBar").covered


async def test_under_the_pain_question_enter_means_skip(tmp_path):
    app = make_app(None, tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PainScreen)
        shown = keys_shown(app.screen)
        assert shown == {"0": "Pain", "s": "Skip"} and "enter" not in shown, "not '⏎ Start'"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen) and app.screen.pain_before is None


@pytest.mark.parametrize("key", ["ctrl+c", "ctrl+q"])
async def test_ctrl_c_and_ctrl_q_ask_like_q(tmp_path, key):
    app = make_app(SHORT, tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and app.is_running
        await pilot.press("y")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "SummaryScreen"
