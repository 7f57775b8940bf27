"""The TUI through Pilot, with a fake clock: every key and every screen flow."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kneetimer.history.store import HistoryStore
from kneetimer.tui.design.palette import Look
from kneetimer.tui.screens.history import HistoryScreen, SessionScreen
from kneetimer.tui.screens.picker import PickerScreen
from kneetimer.tui.screens.summary import SummaryScreen
from kneetimer.tui.screens.workout import WorkoutScreen
from kneetimer.workout.records import Outcome, Status
from tests.engine_helpers import WALL_START, routine_from
from tests.history_helpers import as_json, seed_session
from tests.tui_helpers import (
    SHORT,
    advance,
    advance_stepwise,
    big,
    bundled,
    hint,
    make_app,
    text_of,
    title,
    word,
)


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


def footer_keys(app) -> dict[str, str]:
    return {binding.key: binding.description for _, binding, enabled, *_ in app.screen.active_bindings.values() if enabled}


def shown_actions(app) -> set[str]:
    return {
        active.binding.action for active in app.screen.active_bindings.values()
        if active.enabled and active.binding.show
    }


async def test_workout_walks_through_lead_in_holds_and_reps(data_dir):
    app = make_app(SHORT, data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen)
        assert title(app) == "Clams — RIGHT SIDE"
        assert word(app) == "GET READY RIGHT", "the side as big as the word"
        assert big(app) == "3"
        assert text_of(app, "#next").startswith("2 reps"), "what it asks; its name is the title already"
        await advance(pilot, 3)
        assert word(app) == "HOLD RIGHT"
        assert text_of(app, "#counters") == "Rep 1 / 2   Side 1 / 2"
        assert big(app) == "2"
        assert text_of(app, "#cues") == "Heels together"
        await advance(pilot, 2.5)
        assert word(app) == "MOVE RIGHT" and big(app) == "1/2", "in a move the rep is the big number"


async def test_space_pauses_and_resumes_and_the_footer_follows(data_dir):
    app = make_app(SHORT, data_dir)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "pause" in shown_actions(app) and "resume" not in shown_actions(app)
        await pilot.press("space")
        assert app.screen.session.paused and app.screen.grid.look is Look.PAUSED
        assert word(app) == "PAUSED" and hint(app) == "paused during GET READY · space resumes"
        assert "resume" in shown_actions(app) and "pause" not in shown_actions(app)
        await advance(pilot, 100)
        assert big(app) == "3", "nothing moves while paused"
        await pilot.press("space")
        assert not app.screen.session.paused and "pause" in shown_actions(app)


async def test_enter_starts_now_counts_reps_and_ends_ranged_holds(data_dir):
    routine = routine_from(
        'name = "x"\nlead_in = 5\nrest_between = 0\n[[exercise]]\nname = "Own pace"\nreps = 2\npaced = false\n'
        '[[exercise]]\nname = "Stretch"\nhold = ["5s", "9s"]\n'
    )
    app = make_app(routine, data_dir)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "start_now" not in shown_actions(app), "not in the first second"
        await pilot.press("enter")
        assert word(app) == "GET READY", "one press does one thing: this one nothing yet"
        await advance(pilot, 1)
        assert "start_now" in shown_actions(app)
        await pilot.press("enter")
        assert word(app) == "YOUR PACE" and "count_rep" in shown_actions(app)
        await advance(pilot, 4)
        assert big(app) == "1/2", "at your own pace, the count is what is big"
        await pilot.press("enter", "enter")
        assert title(app) == "Stretch"
        await pilot.press("enter")  # a third press: not also the next get-ready
        assert word(app) == "GET READY"
        await advance(pilot, 1)
        await pilot.press("enter")  # cut the lead-in
        await advance_stepwise(pilot, 3)
        assert "end_hold" not in shown_actions(app)
        await pilot.press("enter")  # before the minimum: nothing
        assert title(app) == "Stretch" and not app.screen.session.finished
        await advance_stepwise(pilot, 2.5)
        assert "end_hold" in shown_actions(app)
        assert "Enter when done" in hint(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)


async def test_skip_and_back(data_dir):
    app = make_app(SHORT, data_dir)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("n")
        assert title(app) == "Stretch"
        assert [r.status for r in app.screen.session.records] == ["skipped", "skipped"]
        await pilot.press("p")
        assert title(app) == "Clams — RIGHT SIDE"


async def test_quit_asks_first_and_no_continues_where_it_was(data_dir):
    app = make_app(SHORT, data_dir)
    async with app.run_test() as pilot:
        await pilot.pause()
        await advance(pilot, 3.5)
        await pilot.press("q")
        workout = app.screen_stack[-2]
        assert workout.session.paused, "the countdown waits while we ask"
        await pilot.press("n")
        assert app.screen is workout and not workout.session.paused
        assert workout.session.elapsed() == pytest.approx(0.5)


async def test_quit_with_yes_shows_what_was_done_and_saves_it_interrupted(data_dir):
    app = make_app(SHORT, data_dir)
    async with app.run_test() as pilot:
        await pilot.pause()
        await advance_stepwise(pilot, 3 + 5 + 1)  # lead-in, one rep, 1 s into the next
        await pilot.press("q", "y")
        await pilot.pause()
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert "Ended early" in str(summary.query_one("#summary-title").content)
        assert summary.query_one("#records").row_count == 1
        await pilot.press("s")  # skip the pain question
        await pilot.press("escape")  # and the note
        await pilot.press("enter")
    store = HistoryStore.open(data_dir)
    (session,) = as_json(store.sessions())
    assert session["status"] == "interrupted" and session["pain_after"] is None
    assert [(e["status"], e["reps_done"]) for e in session["exercises"]] == [("partial", 1)]
    assert session["exercises"][0]["seconds"] == 6.0


async def test_a_whole_workout_then_pain_and_note_are_saved(data_dir):
    app = make_app(SHORT, data_dir)
    async with app.run_test() as pilot:
        await pilot.pause()
        await advance_stepwise(pilot, 3 + 10 + 3 + 10 + 4 + 3 + 10)
        assert isinstance(app.screen, SummaryScreen)
        assert "Workout complete" in str(app.screen.query_one("#summary-title").content)
        await pilot.press("2")
        await pilot.press(*"sore [/] but ok", "enter")
        await pilot.press("enter")
    store = HistoryStore.open(data_dir)
    (session,) = as_json(store.sessions())
    assert (session["status"], session["pain_after"], session["note"]) == ("completed", 2, "sore [/] but ok")
    assert [(e["name"], e["side"], e["status"]) for e in session["exercises"]] == [
        ("Clams", "right", "done"), ("Clams", "left", "done"), ("Stretch", None, "done"),
    ]
    assert session["active_s"] == 43.0
    assert session["started_at"] == WALL_START.astimezone().isoformat(timespec="milliseconds")


async def test_records_are_saved_while_the_workout_goes_on(data_dir):
    app = make_app(SHORT, data_dir)
    async with app.run_test() as pilot:
        await pilot.pause()
        await advance_stepwise(pilot, 3 + 10 + 0.5)
        assert app.recorder.flush()
        (session,) = as_json(HistoryStore.open(data_dir, recover=False).sessions())
        assert session["status"] == "in_progress" and len(session["exercises"]) == 1


async def test_closing_the_app_mid_workout_saves_it_as_interrupted(data_dir):
    app = make_app(SHORT, data_dir)
    async with app.run_test() as pilot:
        await pilot.pause()
        await advance_stepwise(pilot, 3 + 5)
        app.exit()  # the app closes (a terminal closing, a signal)
    (session,) = as_json(HistoryStore.open(data_dir).sessions())
    assert session["status"] == "interrupted" and session["exercises"][0]["reps_done"] == 1


async def test_voice_without_a_speech_command_says_so(data_dir, monkeypatch):
    monkeypatch.setattr("kneetimer.tui.app.find_speech_command", lambda: None)
    app = make_app(SHORT, data_dir, voice=True)
    async with app.run_test() as pilot:
        await pilot.pause()
        messages = [notification.message for notification in app._notifications]
        assert any("No speech command found" in message for message in messages)
        assert isinstance(app.screen, WorkoutScreen)


async def test_help_screen(data_dir):
    app = make_app(SHORT, data_dir)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert app.screen.__class__.__name__ == "HelpScreen"
        await pilot.press("escape")
        assert isinstance(app.screen, WorkoutScreen)


async def test_picker_lists_routines_and_starts_one_after_the_pain_question(data_dir):
    app = make_app(None, data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        names = [str(option.prompt).split("  ")[0] for option in app.screen.query_one("#routines").options]
        assert "Glute and IT band (REACT)" in names and len(names) == 4
        assert "start" in shown_actions(app)
        details = str(app.screen.query_one("#details").content)
        assert "not done yet" in details and "Source:" in details
        await pilot.press("down", "enter")
        assert app.screen.__class__.__name__ == "PainScreen"
        await pilot.press("4")
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen) and app.screen.routine.name == names[1]
        assert app.recorder.flush()
    (session,) = as_json(HistoryStore.open(data_dir).sessions())
    assert session["pain_before"] == 4 and session["routine"] == names[1]


async def test_picker_shows_a_broken_user_routine_without_hiding_the_rest(data_dir, user_routines):
    (user_routines / "mine.toml").write_text('name = "x"\n[[exercise]]\nname = "a"\nholdd = 3\n')
    app = make_app(None, data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#routines")
        assert options.option_count == 5
        broken = options.get_option("mine")
        assert broken.disabled and "broken" in str(broken.prompt)


async def test_picker_offers_to_resume_and_the_work_joins_that_session(data_dir):
    store = HistoryStore.open(data_dir)
    started = WALL_START.astimezone() - timedelta(hours=1)
    clams = [("Clams", side, Status.DONE, 80.0) for side in ("right", "left")]
    session_id = seed_session(store, started, clams, status=Outcome.INTERRUPTED, active_s=200,
                              ended=started + timedelta(minutes=4))
    store.close()
    app = make_app(None, data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        banner = str(app.screen.query_one("#resume-banner").content)
        assert "exercise 2 (90-90s)" in banner
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen)
        assert title(app) == "90-90s — RIGHT SIDE"
        await advance_stepwise(pilot, 5)
        await pilot.press("n")
        assert app.recorder.flush()
    (session,) = as_json(HistoryStore.open(data_dir).sessions())
    assert session["id"] == session_id and len(session["exercises"]) == 4
    assert session["active_s"] == pytest.approx(205, abs=0.1)


async def test_history_screen_lists_opens_and_deletes_sessions(data_dir):
    store = HistoryStore.open(data_dir)
    for days_ago in (2, 1):
        started = WALL_START.astimezone() - timedelta(days=days_ago)
        seed_session(store, started, [("Clams", "right", Status.DONE, 80.0)], routine_id="r",
                     routine=f"Routine {days_ago}", pain_after=days_ago, ended=started + timedelta(minutes=2))
    store.close()
    app = make_app(None, data_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("h")
        assert isinstance(app.screen, HistoryScreen)
        table = app.screen.query_one("#sessions")
        assert table.row_count == 2
        assert str(table.get_row_at(0)[1]) == "Routine 1", "newest first"
        assert str(app.screen.query_one("#stats").content).startswith("Streak 2 days")
        assert [point.after for point in app.screen.query_one("#pain").points] == [2, 1]
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("d")
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen) and app.screen.query_one("#sessions").row_count == 1
        await pilot.press("d", "n")
        assert app.screen.query_one("#sessions").row_count == 1
        await pilot.press("escape")
        assert isinstance(app.screen, PickerScreen)


async def test_resizing_mid_workout_from_huge_to_tiny_and_back(data_dir):
    app = make_app(bundled("react-glute-it-band"), data_dir)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        await advance(pilot, 5)
        for width, height in [(200, 60), (80, 24), (50, 15), (30, 8), (20, 5), (10, 3), (80, 24)]:
            await pilot.resize_terminal(width, height)
            await advance(pilot, 0.5)
            assert isinstance(app.screen, WorkoutScreen)
        assert app.screen.has_class("-wide") and app.screen.has_class("-tall")
        await pilot.resize_terminal(50, 15)
        await pilot.pause()
        assert app.screen.has_class("-narrow") and app.screen.has_class("-short")
        assert app.screen.query_one("#instructions").styles.display == "none", "secondary panes give way"
        assert app.screen.query_one("#clock").styles.display == "block"


async def test_history_list_loads_more_as_the_cursor_nears_the_end(data_dir):
    from bench.history_scale import fill

    fill(data_dir, 150)
    app = make_app(None, data_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("h")
        table = app.screen.query_one("#sessions")
        assert table.row_count == 60
        while table.cursor_row < 58:
            await pilot.press("pagedown")
        await pilot.pause()
        assert table.row_count == 120
        while table.cursor_row < 145:
            await pilot.press("pagedown")
        await pilot.pause()
        assert table.row_count == 150
        keys = [row_key.value for row_key in table.rows]
        assert len(set(keys)) == 150, "no session listed twice"
