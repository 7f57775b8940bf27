"""Settings, adjusting a routine, progression and the weekly goal, through Pilot."""

from __future__ import annotations

from datetime import timedelta

from kneetimer.history.store import HistoryStore
from kneetimer.routines.loader import load_file
from kneetimer.settings import load_settings
from kneetimer.sound.vocabulary import SoundLevel
from kneetimer.tui.screens.adjust import AdjustScreen
from kneetimer.tui.screens.picker import PickerScreen
from kneetimer.tui.screens.settings import SettingsScreen
from kneetimer.tui.screens.summary import SummaryScreen
from kneetimer.tui.screens.workout import WorkoutScreen
from kneetimer.workout.records import Status
from tests.engine_helpers import WALL_START
from tests.history_helpers import seed_session
from tests.tui_helpers import advance_stepwise, make_app


def add_sessions(data, routine_id, name, count, pain_after=1, days_back=1):
    store = HistoryStore.open(data)
    for n in range(count):
        started = WALL_START.astimezone() - timedelta(days=days_back + n)
        seed_session(store, started, [("Clams", "right", Status.DONE, 80.0)], routine_id=routine_id, routine=name,
                     pain_before=2, pain_after=pain_after, ended=started + timedelta(minutes=5))
    store.close()


async def test_settings_are_saved_and_used(tmp_path, isolated_dirs):
    app = make_app(None, tmp_path / "data")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#sound").value = SoundLevel.OFF
        app.screen.query_one("#volume").value = "55"
        app.screen.query_one("#pain_prompt").value = False
        app.screen.query_one("#lead_in").value = "8s"
        app.screen.query_one("#sessions_per_week").value = "4"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, PickerScreen)
        assert app.quiet and "this week 0/4" in str(app.screen.query_one("#picker-title").content)
        await pilot.press("enter")  # no pain question now
        assert isinstance(app.screen, WorkoutScreen)
        assert app.screen.routine.lead_in == 8, "the person's get-ready time applies to every routine"
    saved = load_settings().settings
    assert (saved.sound, saved.volume, saved.pain_prompt, saved.lead_in, saved.sessions_per_week) == \
        (SoundLevel.OFF, 55, False, 8.0, 4)


async def test_settings_refuse_bad_values_and_keep_the_old(tmp_path):
    app = make_app(None, tmp_path / "data")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        app.screen.query_one("#lead_in").value = "soon"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, SettingsScreen)
        assert "Get-ready time" in str(app.screen.query_one("#settings-problem").content)
    assert not (load_settings().settings.lead_in)


async def test_default_lead_in_applies_to_routines_without_their_own(tmp_path, user_routines, isolated_dirs):
    (isolated_dirs[0] / "config.toml").write_text('lead_in = "9s"\npain_prompt = false\n')
    (user_routines / "bare.toml").write_text('name = "Bare"\n[[exercise]]\nname = "a"\nhold = 5\n')
    app = make_app(None, tmp_path / "data")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        assert app.screen.routine.name == "Bare" and app.screen.routine.lead_in == 9
        assert app.screen.grid.countdown.text == "9"


async def test_the_get_ready_setting_applies_to_every_routine_and_blank_keeps_each_own(
        tmp_path, user_routines, isolated_dirs):
    (user_routines / "own.toml").write_text('name = "Own"\nlead_in = 3\n[[exercise]]\nname = "a"\nhold = 5\n')
    config = isolated_dirs[0] / "config.toml"
    for setting, expected in (('lead_in = "9s"\n', {"Own": 9, "Glute and IT band (REACT)": 9}),
                              ("", {"Own": 3, "Glute and IT band (REACT)": 5})):
        config.write_text(setting + "pain_prompt = false\n")
        app = make_app(None, tmp_path / "data")
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            options = app.screen.query_one("#routines")
            for name, lead_in in expected.items():
                options.highlighted = [str(o.prompt).split("  ")[0] for o in options.options].index(name)
                await pilot.press("enter")
                assert app.screen.routine.lead_in == lead_in, (setting, name)
                app.screen.end_now()
                app.pop_screen()
                await pilot.pause()


async def test_a_broken_config_file_warns_and_uses_defaults(tmp_path, isolated_dirs):
    config = isolated_dirs[0] / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("sound = [\n")
    app = make_app(None, tmp_path / "data")
    async with app.run_test() as pilot:
        await pilot.pause()
        assert any("settings file is broken" in n.message for n in app._notifications)
        assert not app.quiet
    assert config.read_text() == "sound = [\n", "never overwritten silently"


async def test_theme_picked_in_the_palette_is_remembered(tmp_path):
    app = make_app(None, tmp_path / "data")
    async with app.run_test() as pilot:
        await pilot.pause()
        app.theme = "nord"
        await pilot.pause()
    assert load_settings().settings.theme == "nord"
    again = make_app(None, tmp_path / "data")
    async with again.run_test() as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_adjust_a_routine_and_save_it_as_yours(tmp_path, user_routines):
    app = make_app(None, tmp_path / "data")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#routines")
        options.highlighted = [o.id for o in options.options].index("react-glute-it-band")
        await pilot.press("a")
        assert isinstance(app.screen, AdjustScreen)
        await pilot.press("right", "right")  # Clams: the hold
        await pilot.press("plus", "plus", "plus")
        assert "Clams: hold 5s -> 8s" in str(app.screen.query_one("#adjust-changes").content)
        await pilot.press("w")
        assert isinstance(app.screen, PickerScreen)
        label = str(app.screen.query_one("#routines").get_option("react-glute-it-band").prompt)
        assert "yours" in label
    mine = load_file(user_routines / "react-glute-it-band.toml").routine
    assert mine.exercises[0].hold.maximum == 8
    assert mine.based_on == "react-glute-it-band" and mine.changes == ("Clams: hold 5s -> 8s",)


async def test_leaving_adjust_with_changes_asks_first(tmp_path, user_routines):
    app = make_app(None, tmp_path / "data")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("a", "right", "right", "minus", "escape")  # the band walk: hold 15s -> 14s
        assert app.screen.__class__.__name__ == "ConfirmScreen"
        await pilot.press("y")
        assert isinstance(app.screen, PickerScreen)
    assert not list(user_routines.glob("*.toml"))


async def test_progression_offered_after_three_easy_sessions_and_saved(tmp_path, user_routines):
    data = tmp_path / "data"
    short = user_routines / "short.toml"
    short.write_text(
        'name = "Short"\nlead_in = 1\n[[exercise]]\nname = "Clams"\nreps = 1\nhold = 2\nharder = "Add a band"\n'
    )
    add_sessions(data, "short", "Short", 2)
    app = make_app(load_file(short).routine, data)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await advance_stepwise(pilot, 1 + 5)
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("1", "escape")
        await app.workers.wait_for_complete()  # the offer is read off the event loop
        await pilot.pause()
        assert "Ready for more" in str(app.screen.query_one("#progression").content)
        await pilot.press("g")
        assert "Saved your progressed version" in str(app.screen.query_one("#progression").content)
    progressed = load_file(short).routine
    assert progressed.exercises[0].cues == ("Harder: Add a band",) and progressed.changes == ("Clams: Add a band",)
    assert (user_routines / "short.toml.bak").exists()


async def test_no_progression_when_pain_is_amber_and_the_summary_says_why(tmp_path, user_routines):
    data = tmp_path / "data"
    short = user_routines / "short.toml"
    short.write_text('name = "Short"\nlead_in = 1\n[[exercise]]\nname = "Clams"\nreps = 1\nhold = 2\nharder = "Band"\n')
    add_sessions(data, "short", "Short", 2, pain_after=0)
    app = make_app(load_file(short).routine, data)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await advance_stepwise(pilot, 1 + 5)
        await pilot.press("3", "escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = str(app.screen.query_one("#progression").content)
        assert shown.startswith("Not harder yet: knee pain after was 3/10 (amber)"), shown


async def test_weekly_goal_on_the_history_screen(tmp_path):
    data = tmp_path / "data"
    add_sessions(data, "r", "R", 2, days_back=0)
    app = make_app(None, data)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert "this week 2/3" in str(app.screen.query_one("#picker-title").content)
        await pilot.press("h")
        assert "this week 2 / 3" in str(app.screen.query_one("#stats").content)


async def test_the_settings_fields_are_usable_at_50_columns(tmp_path):
    app = make_app(None, tmp_path / "data")
    async with app.run_test(size=(50, 15)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        for field in app.screen.query("Input, Select"):
            assert field.region.width >= 40, f"{field.id} is {field.region.width} columns wide"
        app.screen.query_one("#lead_in").value = "12s"
        await pilot.press("ctrl+s")
    assert load_settings().settings.lead_in == 12
