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
    return [ExerciseRow(index, REACT.exercises[index].name if index < len(REACT.exercises) else "Gone", side,
                        status, 0, 0, 0.0, NOW, NOW) for index, side, status in records]


@pytest.mark.parametrize(
    "records, expected",
    [
        ((), (0, 0)),
        (((0, "right", Status.DONE),), (0, 1)),  # the other side is still to do: from the left side
        (((0, "right", Status.DONE), (0, "left", Status.DONE)), (1, 0)),
        (((0, "right", Status.DONE), (0, "left", Status.PARTIAL)), (0, 1)),  # stopped mid-side: redo that side
        (((0, "right", Status.PARTIAL),), (0, 0)),
        (((0, "right", Status.SKIPPED), (0, "left", Status.SKIPPED)), (1, 0)),
        (((9, None, Status.DONE),), None),  # the routine has fewer exercises now
    ],
)
def test_resume_point(records, expected):
    assert resume_point(REACT, trail(*records)) == expected


def test_a_routine_changed_since_is_not_resumed():
    """A new first exercise: the records would be matched to the wrong exercises."""
    from dataclasses import replace

    changed = replace(REACT, exercises=(replace(REACT.exercises[1], name="New first"), *REACT.exercises))
    done = trail((0, "right", Status.DONE), (0, "left", Status.DONE))
    assert resume_point(changed, done) is None


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
    assert offer is not None and offer.session.id == session_id and (offer.exercise_index, offer.side_index) == (1, 0)
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


def test_a_session_is_taken_over_once(store):
    session_id = seed_session(store, NOW - timedelta(hours=2), clams_both_sides(), status=Outcome.INTERRUPTED)
    other_picker = HistoryStore.open(store.path.parent)
    assert store.take_over(session_id)
    assert not other_picker.take_over(session_id), "two pickers cannot both resume it"
    other_picker.close()


def test_killed_during_the_left_side_resumes_at_the_left_side(store):
    from kneetimer.workout.plan import Kind, build_plan
    from tests.engine_helpers import make_session

    seed_session(store, NOW - timedelta(hours=1), [("Clams", "right", Status.DONE, 80.0),
                                                    ("Clams", "left", Status.PARTIAL, 20.0)],
                 status=Outcome.INTERRUPTED)
    offer = find_resumable(store, {REACT.id: REACT}, NOW)
    assert (offer.exercise_index, offer.side_index) == (0, 1)
    session, _ = make_session(REACT, start_exercise=offer.exercise_index, start_side=offer.side_index)
    session.start()
    assert (session.phase.kind, session.phase.side) == (Kind.SWITCH, "left"), "the right side is not redone"
    assert build_plan(REACT).start_of(0, 1) == session.index
