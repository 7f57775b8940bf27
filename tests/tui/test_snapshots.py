"""Snapshots of the screens that matter, on a fake clock: the workout in each of its
looks at the four sizes people use (a corner of a laptop screen up to a maximised
one), the other screens at 80x24 and 50x15.

Update after a deliberate change with `pytest tests/test_snapshots.py --snapshot-update`,
then look at the report before committing.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from kneetimer.history.store import HistoryStore
from kneetimer.workout.records import Status
from tests.engine_helpers import WALL_START
from tests.history_helpers import seed_session
from tests.tui_helpers import advance, bundled, fast_forward, make_app

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((50, 15), id="50x15")]
WORKOUT_SIZES = [*SIZES, pytest.param((100, 30), id="100x30"), pytest.param((200, 55), id="200x55")]


def workout_app(tmp_path):
    return make_app(bundled("react-glute-it-band"), tmp_path / "data")


@pytest.mark.parametrize("size", SIZES)
def test_picker(snap_compare, tmp_path, size):
    assert snap_compare(make_app(None, tmp_path / "data"), terminal_size=size)


@pytest.mark.parametrize("size", WORKOUT_SIZES)
def test_workout_lead_in(snap_compare, tmp_path, size):
    async def run_before(pilot):
        await advance(pilot, 1.2)

    assert snap_compare(workout_app(tmp_path), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", WORKOUT_SIZES)
def test_workout_reps_with_hold(snap_compare, tmp_path, size):
    async def run_before(pilot):
        await fast_forward(pilot, 5 + 8 * 2 + 1.5)  # rep 3, 1.5 s into its hold

    assert snap_compare(workout_app(tmp_path), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", WORKOUT_SIZES)
def test_workout_timed_hold(snap_compare, tmp_path, size):
    async def run_before(pilot):
        for _ in range(3):  # skip to the IT band release: 4 x 30 s on each side
            await pilot.press("n")
        await fast_forward(pilot, 1)
        await pilot.press("enter")  # cut the lead-in (after its first second)
        await fast_forward(pilot, 12)

    assert snap_compare(workout_app(tmp_path), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", WORKOUT_SIZES)
def test_workout_rest_between_exercises(snap_compare, tmp_path, size):
    async def run_before(pilot):
        await fast_forward(pilot, 5 + 80 + 5 + 80 + 3)  # both sides of clams, 3 s into the rest

    assert snap_compare(workout_app(tmp_path), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", WORKOUT_SIZES)
def test_workout_switch_sides(snap_compare, tmp_path, size):
    async def run_before(pilot):
        await fast_forward(pilot, 5 + 80 + 1.5)  # clams on the right, then 1.5 s into the switch

    assert snap_compare(workout_app(tmp_path), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", WORKOUT_SIZES)
def test_workout_paused(snap_compare, tmp_path, size):
    async def run_before(pilot):
        await fast_forward(pilot, 5 + 2.5)
        await pilot.press("space")

    assert snap_compare(workout_app(tmp_path), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_summary(snap_compare, tmp_path, size):
    async def run_before(pilot):
        await fast_forward(pilot, 5 + 80 + 5 + 40)
        await pilot.press("n", "n")  # skip 90-90s, then step backs
        await pilot.press("q", "y")
        await pilot.pause()

    assert snap_compare(workout_app(tmp_path), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", [pytest.param((50, 15), id="50x15"), pytest.param((80, 24), id="80x24"),
                                  pytest.param((100, 30), id="100x30")])
def test_history(snap_compare, tmp_path, size):
    data = tmp_path / "data"
    store = HistoryStore.open(data)
    today = WALL_START.astimezone()
    for days_ago, pain in [(20, 5), (15, 4), (9, 4), (6, 3), (3, 3), (2, 2), (1, 2), (0, 1)]:
        started = today - timedelta(days=days_ago, hours=1)
        clams = [("Clams", "right", Status.DONE, 80.0), ("Clams", "left", Status.DONE, 64.0 + days_ago)]
        seed_session(store, started, clams, pain_before=pain + 1, pain_after=pain, active_s=900, paused_s=12,
                     ended=started + timedelta(minutes=15))
    store.close()

    async def run_before(pilot):
        await pilot.press("h")
        await pilot.pause()

    assert snap_compare(make_app(None, data), terminal_size=size, run_before=run_before)
