"""Holds of a microsecond or less (issue 22.13): every record the workout shows as done
is saved, even those that end as the session starts, before its first frame."""

from __future__ import annotations

from kneetimer.history.store import HistoryStore
from tests.engine_helpers import routine_from
from tests.history_helpers import as_json
from tests.tui_helpers import advance, make_app

TINY = routine_from(
    """
    name = "Tiny"
    lead_in = 0
    rest_between = 0
    [[exercise]]
    name = "Blink"
    hold = 0.000001
    [[exercise]]
    name = "Blink again"
    hold = 0.0000001
    """
)


async def test_records_that_end_as_the_session_starts_are_saved(tmp_path):
    app = make_app(TINY, tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await advance(pilot, 0.001)
        assert app.screen.__class__.__name__ == "SummaryScreen"
        assert [record.status for record in app.screen.session.records] == ["done", "done"]
        assert app.recorder.flush()
    (session,) = as_json(HistoryStore.open(tmp_path / "data").sessions())
    assert [exercise["name"] for exercise in session["exercises"]] == ["Blink", "Blink again"]
    assert session["status"] == "completed"
