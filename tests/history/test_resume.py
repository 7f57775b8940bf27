"""Resuming: which session is offered, and from which exercise."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kneetimer.history.resume import find_resumable, resume_point
from kneetimer.history.rows import ExerciseRow
from kneetimer.history.store import HistoryStore
from kneetimer.workout.records import Outcome, Status
from tests.conftest import bundled
from tests.engine_helpers import WALL_START
from tests.history_helpers import seed_session

REACT = bundled("react-glute-it-band")  # clams, 90-90s, step backs, ... each on both sides
NOW = WALL_START.astimezone()


def trail(*records: tuple[int, str | None, Status]) -> list[ExerciseRow]:
    return [ExerciseRow(index, "x", side, status, 0, 0, 0.0, NOW, NOW) for index, side, status in records]


@pytest.mark.parametrize(
    "records, expected",
    [
        ((), 0),
        (((0, "right", Status.DONE),), 0),  # the other side is still to do
        (((0, "right", Status.DONE), (0, "left", Status.DONE)), 1),
        (((0, "right", Status.DONE), (0, "left", Status.PARTIAL)), 0),  # stopped mid-side: redo it
        (((0, "right", Status.SKIPPED), (0, "left", Status.SKIPPED)), 1),
        (((9, None, Status.DONE),), len(REACT.exercises)),  # the routine has fewer exercises now
    ],
)
def test_resume_point(records, expected):
    assert resume_point(REACT, trail(*records)) == expected


@pytest.fixture
def store(tmp_path):
    opened = HistoryStore.open(tmp_path)
    yield opened
    opened.close()


def clams_both_sides():
    return [("Clams", side, Status.DONE, 80.0) for side in ("right", "left")]


def test_an_interrupted_session_is_offered_from_the_next_exercise(store):
    session_id = seed_session(store, NOW - timedelta(hours=2), clams_both_sides(), status=Outcome.INTERRUPTED)
    offer = find_resumable(store, {REACT.id: REACT}, NOW)
    assert offer is not None and offer.session.id == session_id and offer.exercise_index == 1
    assert offer.routine is REACT


@pytest.mark.parametrize(
    "hours_ago, status, known",
    [
        (2, Outcome.COMPLETED, True),  # finished: nothing to resume
        (13, Outcome.INTERRUPTED, True),  # too long ago
        (2, Outcome.INTERRUPTED, False),  # its routine is gone
        (-1, Outcome.INTERRUPTED, True),  # ended in the future (the clock was changed)
    ],
)
def test_nothing_is_offered(store, hours_ago, status, known):
    seed_session(store, NOW - timedelta(hours=hours_ago), clams_both_sides(), status=status)
    assert find_resumable(store, {REACT.id: REACT} if known else {}, NOW) is None


def test_only_the_newest_session_counts(store):
    seed_session(store, NOW - timedelta(hours=3), clams_both_sides(), status=Outcome.INTERRUPTED)
    seed_session(store, NOW - timedelta(hours=1), clams_both_sides(), status=Outcome.COMPLETED)
    assert find_resumable(store, {REACT.id: REACT}, NOW) is None
