"""Between sessions, in the app: the next-morning question at the first opening of a
later day (once), the plan's line in the picker, the check-in screen and the end of a
block offered once."""

from __future__ import annotations

from datetime import timedelta

from kneetimer.care.plan import Plan, load_plan, save_plan
from kneetimer.history.store import HistoryStore
from kneetimer.tui.screens.checkin import CheckinScreen
from kneetimer.tui.screens.dialogs import EndOfBlockScreen, MorningScreen
from tests.engine_helpers import WALL_START
from tests.history_helpers import seed_session
from tests.tui_helpers import make_app

TODAY = WALL_START.astimezone().date()


def yesterdays_session(data):
    store = HistoryStore.open(data)
    session_id = seed_session(store, WALL_START.astimezone() - timedelta(days=1))
    store.close()
    return session_id


async def test_the_morning_question_is_asked_once(tmp_path):
    data = tmp_path / "data"
    yesterdays_session(data)
    app = make_app(None, data, ask_morning=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MorningScreen)
        assert "compared with before yesterday's session" in str(app.screen.query("Static").first().content)
        await pilot.press("w")
        await pilot.pause()
        assert not isinstance(app.screen, MorningScreen)
    (session,) = HistoryStore.open(data).sessions()
    assert session.next_day == "worse" and session.flag is not None
    again = make_app(None, data, ask_morning=True)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not isinstance(again.screen, MorningScreen), "never twice"


async def test_a_skipped_morning_question_is_not_asked_again(tmp_path):
    data = tmp_path / "data"
    yesterdays_session(data)
    app = make_app(None, data, ask_morning=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    again = make_app(None, data, ask_morning=True)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not isinstance(again.screen, MorningScreen)


async def test_the_picker_shows_where_the_plan_is(tmp_path):
    save_plan(Plan("react-glute-it-band", days=(0, 2, 4), weeks=6, start=TODAY - timedelta(weeks=2)))
    app = make_app(None, tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        title = str(app.screen.query_one("#picker-title").content)
        assert "week 3 of 6 · 0 of 3 days this week" in title and "check-in due: k" in title
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        for widget_id, value in (("usual", "4"), ("worst", "7"), ("activity-0", "stairs"), ("score-0", "5")):
            app.screen.query_one(f"#{widget_id}").value = value
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, CheckinScreen)
    (checkin,) = HistoryStore.open(tmp_path / "data").checkins()
    assert (checkin.usual_pain, checkin.worst_pain, checkin.activities) == (4, 7, (("stairs", 5),))


async def test_the_end_of_a_block_is_offered_once_and_can_continue(tmp_path):
    save_plan(Plan("react-glute-it-band", days=(0, 2, 4), weeks=6, start=TODAY - timedelta(weeks=7)))
    app = make_app(None, tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, EndOfBlockScreen)
        await pilot.press("c")
        await pilot.pause()
    plan = load_plan()
    assert plan.weeks == 12 and not plan.ended(TODAY)
