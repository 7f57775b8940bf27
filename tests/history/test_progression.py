"""Progression: offered only when the last three sessions earned it."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

import pytest

from kneetimer.history.progression import HeldBack, Suggestion, suggest
from kneetimer.history.rows import ExerciseRow, NextDay, SessionRow
from kneetimer.workout.records import Outcome, Status
from tests.conftest import bundled
from tests.routines.test_library import round_trip


def session(pain_after, pain_before=3, status="completed", skipped=False, clam_pain=None, effort=None,
            next_day=None):
    moment = datetime(2026, 11, 21, tzinfo=timezone.utc)

    def exercise(index, status, side):
        return ExerciseRow(index, "Clams", side, Status(status), 1, 10, 50.0, moment, moment, sides=2,
                           pain=clam_pain if side == "left" else None, effort=effort)

    exercises = (exercise(0, "skipped" if skipped else "done", "right"), exercise(0, "done", "left"))
    return SessionRow(1, "react-glute-it-band", "REACT", moment, moment, Outcome(status), 100.0, 0.0,
                      pain_before, pain_after, "", exercises, exercises_planned=1,
                      next_day=NextDay(next_day) if next_day else None)


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
    "history, reason",
    [
        ([session(1), session(2)], "1 more complete sessions first"),
        ([session(3), session(1), session(1)], "knee pain after was 3/10 (amber) on 21 Nov"),
        ([session(1, clam_pain=4), session(1), session(1)], "left clams was amber (4/10) on 21 Nov"),
        ([session(1, effort=8), session(1), session(1)], "right clams was hard (effort 8/10) on 21 Nov"),
        ([session(1, next_day="worse"), session(1), session(1)], "the knee was worse the morning after 21 Nov"),
        ([session(1, skipped=True), session(1), session(1)], "the session of 21 Nov was not complete"),
        ([session(1, status="interrupted"), session(1), session(1)], "the session of 21 Nov was not complete"),
        ([session(None), session(1), session(1)], "knee pain after was not given on 21 Nov"),
    ],
)
def test_progression_is_held_back_by_the_pain_monitoring_model(history, reason):
    held = suggest(REACT, history)
    assert isinstance(held, HeldBack) and held.reason == reason


def test_green_pain_that_rose_within_green_does_not_hold_back():
    assert isinstance(suggest(REACT, [session(2), session(1), session(0)]), Suggestion)


def test_no_progression_for_a_routine_without_harder():
    routine = replace(REACT, exercises=tuple(replace(e, harder="") for e in REACT.exercises))
    assert suggest(routine, [session(1)] * 3) is None
