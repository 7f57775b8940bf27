"""Adjusting a routine: each change noted in words, steps that inherit follow."""

from __future__ import annotations

from kneetimer.routines.adjust import nudge
from tests.conftest import bundled
from tests.routines.test_library import round_trip

REACT = bundled("react-glute-it-band")


def test_adjusting_notes_what_changed_and_updates_inheriting_steps():
    nineties = REACT.exercises.index(next(e for e in REACT.exercises if e.name == "90-90s"))
    adjusted = nudge(REACT, nineties, "reps", +1)
    adjusted = nudge(adjusted, nineties, "reps", +1)
    assert [s.reps for s in adjusted.exercises[nineties].steps] == [12, 12, 12]
    adjusted = nudge(adjusted, 0, "hold", +1)
    adjusted = nudge(adjusted, 0, "sets", +1)
    adjusted = nudge(adjusted, 0, "rest", +1)
    assert adjusted.changes == ("90-90s: reps 10 -> 12", "Clams: hold 5s -> 6s", "Clams: sets 1 -> 2",
                                "Clams: rest 0s -> 5s")
    redone = nudge(nudge(adjusted, 0, "sets", -1), 0, "sets", +1)
    assert sorted(redone.changes) == sorted(adjusted.changes), "undo then redo: the same notes"
    back = nudge(adjusted, 0, "sets", -1)
    assert "Clams: sets 1 -> 2" not in back.changes, "a change undone leaves no note"
    assert nudge(REACT, 0, "sets", -1) is REACT, "cannot go below 1 set"
    assert round_trip(adjusted) == adjusted
