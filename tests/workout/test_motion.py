"""The figure in step with the engine: out and back over a paced rep's tempo, still at
the end for a hold, back on release (and out again when another hold follows), looping
in a get-ready, mirrored for the other side."""

from __future__ import annotations

import pytest

from kneetimer.workout.motion import Motion, Stretch, motion_for
from kneetimer.workout.plan import Kind, Part, build_plan
from tests.engine_helpers import routine_from

ROUTINE = routine_from(
    """
    name = "x"
    lead_in = 5
    [[exercise]]
    name = "Clams"
    figure = "clam"
    sides = "each"
    reps = 2
    hold = 5
    tempo = 3
    [[exercise]]
    name = "Lifts"
    figure = "side-leg-lift"
    sides = ["left leg", "right leg"]
    reps = 1
    tempo = 4
    [[exercise]]
    name = "No figure"
    hold = 10
    """
)
PHASES = build_plan(ROUTINE).phases


def phase(kind, exercise=0, side=0, rep=None, part=None):
    for candidate in PHASES:
        if (candidate.kind is kind and candidate.exercise_index == exercise and candidate.side_index == side
                and (rep is None or candidate.rep_no == rep) and (part is None or candidate.part is part)):
            return candidate
    raise LookupError


def test_a_hold_keeps_the_end_pose_and_draws_nothing_while_it_lasts():
    motion = motion_for(phase(Kind.REP, rep=1, part=Part.HOLD))
    assert [motion.at(t) for t in (0, 2.5, 5)] == [1.0, 1.0, 1.0]
    assert not motion.moving(0.0)


def test_the_release_after_a_hold_returns_and_goes_out_again_for_the_next_hold():
    first = motion_for(phase(Kind.REP, rep=1, part=Part.MOVE))
    assert first.at(0) == 1.0 and first.at(1.5) == 0.0 and first.at(3.0) == 1.0
    assert first.at(0.75) == pytest.approx(0.5)
    last = motion_for(phase(Kind.REP, rep=2, part=Part.MOVE))
    assert last.at(1.5) == 0.0 and last.at(3.0) == 0.0, "the last release stays at the start"
    assert last.moving(1.0) and not last.moving(1.5)


def test_a_paced_rep_without_a_hold_goes_out_and_back_over_its_tempo():
    motion = motion_for(phase(Kind.REP, exercise=1, rep=1, part=Part.MOVE))
    assert motion.at(0) == 0.0
    assert motion.at(1.6) == pytest.approx(1.0) and motion.at(2.4) == pytest.approx(1.0)
    assert motion.at(4.0) == 0.0
    assert motion.moving(3.9) and not motion.moving(4.0)


def test_a_get_ready_shows_the_move_over_and_over():
    motion = motion_for(phase(Kind.LEAD_IN))
    assert motion.loop and motion.moving(100.0)
    assert motion.at(0.0) == motion.at(motion.length) == 0.0
    assert max(motion.at(t / 10) for t in range(40)) == pytest.approx(1.0, abs=0.1)


def test_the_other_side_is_mirrored_by_its_name_or_else_every_other_side():
    clam = "left"  # the library draws the clam with the left leg working
    assert motion_for(phase(Kind.LEAD_IN, side=0)).mirrored is (clam != "right")  # "right" first
    assert motion_for(phase(Kind.SWITCH, side=1)).mirrored is False  # "left": as drawn
    lifts = [motion_for(phase(Kind.REP, exercise=1, side=side, rep=1)) for side in (0, 1)]
    assert [m.mirrored for m in lifts] == [False, True]  # "left leg" as drawn, "right leg" mirrored


def test_a_rest_shows_the_start_still_and_an_exercise_without_a_figure_shows_none():
    rest = next(p for p in PHASES if p.kind is Kind.REST)
    upcoming = build_plan(ROUTINE).upcoming_work(PHASES.index(rest))
    motion = motion_for(rest, upcoming)
    assert motion.figure == upcoming.figure and not motion.moving(0.0) and motion.at(3) == 0.0
    assert motion_for(phase(Kind.HOLD, exercise=2)) is None


def test_a_motion_after_its_last_stretch_stays_where_it_ended():
    motion = Motion("clam", False, (Stretch(1.0, 0.0, 1.0), Stretch(1.0, 1.0, 0.5)))
    assert motion.at(5.0) == 0.5 and not motion.moving(2.0) and motion.moving(1.5)
