"""Progression: offered only when the last three sessions earned it."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

import pytest

from kneetimer.history.progression import suggest
from kneetimer.history.rows import ExerciseRow, SessionRow
from kneetimer.workout.records import Outcome, Status
from tests.conftest import bundled
from tests.routines.test_library import round_trip


def session(pain_after, pain_before=3, status="completed", skipped=False):
    moment = datetime(2026, 11, 21, tzinfo=timezone.utc)

    def exercise(status):
        return ExerciseRow(0, "Clams", None, Status(status), 1, 10, 50.0, moment, moment)

    exercises = (exercise("skipped" if skipped else "done"), exercise("done"))
    return SessionRow(1, "react-glute-it-band", "REACT", moment, moment, Outcome(status), 100.0, 0.0,
                      pain_before, pain_after, "", exercises)


REACT = bundled("react-glute-it-band")


def test_progression_is_suggested_after_three_easy_complete_sessions():
    offer = suggest(REACT, [session(1), session(2), session(2)])
    assert offer is not None
    assert offer.changes[0] == "Clams: Loop a resistance band just above the knees"
    clams = offer.routine.exercises[0]
    assert clams.cues[0] == "Harder: Loop a resistance band just above the knees" and clams.harder == ""
    assert any(change.startswith("IT band release: hold 30s -> 36s") for change in offer.changes)
    assert offer.routine.based_on == "react-glute-it-band"
    assert round_trip(offer.routine) == offer.routine


@pytest.mark.parametrize(
    "history",
    [
        [session(1), session(2)],  # too few
        [session(3), session(1), session(1)],  # pain above 2
        [session(2), session(1), session(0)],  # pain went up across sessions
        [session(2, pain_before=1), session(2), session(2)],  # pain went up during the latest
        [session(1, skipped=True), session(1), session(1)],  # something skipped
        [session(1, status="interrupted"), session(1), session(1)],
        [session(None), session(1), session(1)],  # pain not given
    ],
)
def test_progression_is_not_suggested_unless_earned(history):
    assert suggest(REACT, history) is None


def test_no_progression_for_a_routine_without_harder():
    routine = replace(REACT, exercises=tuple(replace(e, harder="") for e in REACT.exercises))
    assert suggest(routine, [session(1)] * 3) is None
