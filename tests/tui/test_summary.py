"""The summary says what happened, Enter always ends it, pain can be marked per exercise,
and pain that calls for care gets a calm word."""

from __future__ import annotations

from kneetimer.history.store import HistoryStore
from kneetimer.tui.screens.summary import SummaryScreen
from kneetimer.workout.records import Status
from tests.engine_helpers import routine_from
from tests.history_helpers import as_json
from tests.tui_helpers import SHORT, advance_stepwise, bundled, make_app

SIX = routine_from("name = \"Six\"\nlead_in = 0\nrest_between = 0\n"
                   + "".join(f'[[exercise]]\nname = "Move {n}"\nhold = 1\n' for n in range(6)))


def title(app) -> str:
    return str(app.screen.query_one("#summary-title").content)


async def test_skipping_to_the_end_says_so_and_counts_nothing_as_done(tmp_path):
    app = make_app(SIX, tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await advance_stepwise(pilot, 4)  # four done
        await pilot.press("n", "n")  # two skipped, the last one ends the workout
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert title(app).startswith("Finished: 4 of 6 done, 2 skipped")
    app = make_app(SIX, tmp_path / "data2")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*"nnnnnn")
        await pilot.pause()
        assert title(app).startswith("Nothing done: 6 of 6 skipped"), "not 'Workout complete'"
        assert app.recorder.flush()
    from kneetimer.history.store import HistoryStore

    (session,) = HistoryStore.open(tmp_path / "data2").sessions()
    assert session.status == "skipped", "saved as skipped, not completed"


async def test_a_whole_workout_is_complete_and_quitting_early_says_ended_early(tmp_path):
    app = make_app(SHORT, tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await advance_stepwise(pilot, 43)
        assert title(app) == "Workout complete: Short"
    app = make_app(SHORT, tmp_path / "data2")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await advance_stepwise(pilot, 3 + 10 + 1)
        await pilot.press("q", "y")
        await pilot.pause()
        assert title(app).startswith("Ended early: 0 of 2 done, 1 partly done, 1 not reached")


async def test_enter_still_ends_the_summary_after_adjust_and_back(tmp_path):
    app = make_app(SHORT, tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await advance_stepwise(pilot, 43)
        await pilot.press("3", "escape")  # pain after, no note
        for leave_with in ("escape", "w"):  # leave Adjust unchanged, or try to save nothing
            await pilot.press("a")
            assert app.screen.__class__.__name__ == "AdjustScreen"
            await pilot.press(leave_with)
            if app.screen.__class__.__name__ == "AdjustScreen":
                await pilot.press("escape")
            assert isinstance(app.screen, SummaryScreen)
            keys = [key for key, _, _ in app.screen.query_one("KeyBar").keys]
            assert "enter" in keys, "⏎ Done is shown"
        await pilot.press("enter")
        await pilot.pause()
        assert not app.is_running, "Enter did what the screen said"


async def test_reps_are_shown_as_sets_times_reps(tmp_path):
    routine = routine_from('name = "x"\nlead_in = 0\nrest_between = 0\n[[exercise]]\nname = "Bridge"\nsets = 2\n'
                           'reps = 2\ntempo = 1\n[[exercise]]\nname = "Lift"\ntempo = 1\n[[exercise.step]]\n'
                           'name = "Lift"\nreps = 2\n[[exercise.step]]\nname = "March"\nreps = 1\n')
    app = make_app(routine, tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await advance_stepwise(pilot, 7)
        table = app.screen.query_one("#records")
        done = [str(table.get_row_at(row)[3]) for row in range(table.row_count)]
    assert done == ["2 × 2 reps", "1 × (2 Lift + 1 March)"], "not sets and steps added together"


async def test_pain_can_be_marked_per_exercise_and_high_pain_gets_a_calm_word(tmp_path):
    data = tmp_path / "data"
    app = make_app(SHORT, data)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await advance_stepwise(pilot, 43)
        await pilot.press("4", "escape")  # knee pain after: 4
        assert str(app.screen.query_one("#flag").content) == ""
        await pilot.press("down", "8")  # Clams, left side: 8
        flag = str(app.screen.query_one("#flag").content)
        assert "Clams (left) marked 8/10" in flag and "ease Clams (left) next time" in flag
        assert "physiotherapist" in flag
        await pilot.press("enter")
    (session,) = as_json(HistoryStore.open(data).sessions())
    assert [(e["side"], e["pain"]) for e in session["exercises"]] == [("right", None), ("left", 8), (None, None)]


async def test_a_redone_exercise_is_shown_once_by_its_better_record(tmp_path):
    app = make_app(bundled("react-glute-it-band"), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await advance_stepwise(pilot, 5 + 20)  # 20 s into clams on the right
        await pilot.press("p")  # back to the start of clams: the 20 s kept as partial
        await advance_stepwise(pilot, 5 + 80 + 5 + 80)  # both sides, in full
        await pilot.press("q", "y")
        await pilot.pause()
        records = app.screen.records
        assert [(r.side, r.status) for r in records] == [("right", Status.DONE), ("left", Status.DONE)]
        assert len(app.screen.session.records) == 3, "both records of the right side are kept"
