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


async def test_under_the_pain_question_enter_neither_answers_nor_skips(tmp_path):
    app = make_app(None, tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PainScreen)
        shown = keys_shown(app.screen)
        assert shown == {"0": "Pain", "s": "Skip"} and "enter" not in shown, "not '⏎ Start'"
        await pilot.press("enter")  # a double Enter in the picker: the question stays
        await pilot.pause()
        assert isinstance(app.screen, PainScreen)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen) and app.screen.pain_before is None


async def test_a_pain_key_in_the_first_half_second_is_taken_for_the_key_before(tmp_path):
    app = make_app(None, tmp_path / "data", question_settle=0.5)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("4")  # at once: meant for what came before
        await pilot.pause()
        assert isinstance(app.screen, PainScreen)
        app.fake_clock.advance(0.6)
        await pilot.press("4")
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen) and app.screen.pain_before == 4


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


async def test_run_asks_how_the_knee_feels_first_when_the_setting_is_on(tmp_path):
    from kneetimer.history.store import HistoryStore
    from tests.history_helpers import as_json

    app = make_app(SHORT, tmp_path / "data", ask_pain_first=None)  # as the settings say: on
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PainScreen)
        await pilot.press("4")
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen) and app.screen.pain_before == 4
        assert app.recorder.flush()
    (session,) = as_json(HistoryStore.open(tmp_path / "data").sessions())
    assert session["pain_before"] == 4


async def test_a_routine_run_from_a_file_is_offered_for_resume(tmp_path):
    from datetime import timedelta

    from kneetimer.history.store import HistoryStore
    from kneetimer.workout.records import Outcome, Status
    from tests.engine_helpers import WALL_START
    from tests.history_helpers import seed_session

    mine = tmp_path / "elsewhere" / "mine.toml"
    mine.parent.mkdir()
    mine.write_text('name = "Mine"\nlead_in = 2\n[[exercise]]\nname = "One"\nhold = 5\n'
                    '[[exercise]]\nname = "Two"\nhold = 5\n')
    store = HistoryStore.open(tmp_path / "data")  # killed mid-way through `kneetimer run elsewhere/mine.toml`
    started = WALL_START.astimezone() - timedelta(hours=1)
    seed_session(store, started, [("One", None, Status.DONE, 5.0)], routine_id="mine", routine="Mine",
                 status=Outcome.INTERRUPTED)
    store.connection.execute("UPDATE sessions SET routine_path = ?", (str(mine),))
    store.close()
    app = make_app(None, tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        banner = str(app.screen.query_one("#resume-banner").content)
        assert "Mine" in banner and "exercise 2 (Two)" in banner, "found again by its file"
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen) and app.screen.routine.path == mine


async def test_the_picker_and_the_workout_give_the_same_minutes(tmp_path):
    from kneetimer.tui.screens.picker import PickerScreen
    from tests.conftest import BUNDLED

    app = make_app(None, tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        picker = app.screen
        for index, path in enumerate(BUNDLED):
            picker.query_one("#routines").highlighted = index
            await pilot.pause()
            details = str(picker.query_one("#details").content)
            estimate = int(details.split("about ")[1].split(" min")[0])
            await pilot.press("enter", "s")  # start; skip the pain question
            await pilot.pause()
            left = str(app.screen.query_one("#time-left").content)
            assert left.startswith(f"{estimate} min left"), (path.stem, estimate, left)
            app.screen.end_now()
            app.pop_screen()
            await pilot.pause()
            assert isinstance(app.screen, PickerScreen)


def test_one_exercise_is_one_exercise(tmp_path, capsys):
    from kneetimer.cli.parser import main

    routine = tmp_path / "one.toml"
    routine.write_text('name = "One"\n[[exercise]]\nname = "a"\nhold = 5\n')
    assert main(["validate", str(routine)]) == 0
    assert "(1 exercise, about 1 min)" in capsys.readouterr().out
