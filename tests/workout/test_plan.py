"""The plan: phases in the contract's order, with everything the screen needs to know."""

import pytest

from kneetimer.routines.loader import load_file
from kneetimer.workout.plan import Kind, Part, build_plan
from tests.conftest import BUNDLED
from tests.engine_helpers import routine_from


def shape(plan):
    out = []
    for p in plan.phases:
        label = p.kind.value
        if p.side:
            label += f" {p.side}"
        if p.kind in (Kind.REP, Kind.HOLD):
            label += f" s{p.set_no}"
            if p.step_name:
                label += f" {p.step_name}"
            if p.rep_no:
                label += f" r{p.rep_no}/{p.reps} {p.part.value}"
        out.append(f"{label} {p.duration}")
    return out


def test_contract_order_sides_sets_steps_reps():
    plan = build_plan(routine_from(
        """
        name = "x"
        lead_in = 4
        rest_between = 6
        [[exercise]]
        name = "A"
        sides = ["L", "R"]
        sets = 2
        reps = 2
        rest = 7
        tempo = 1
          [[exercise.step]]
          name = "up"
          [[exercise.step]]
          name = "hold"
          reps = 1
          hold = 2
        [[exercise]]
        name = "B"
        hold = ["5s", "9s"]
        """
    ))
    assert shape(plan) == [
        "lead-in L 4.0",
        "rep L s1 up r1/2 move 1.0", "rep L s1 up r2/2 move 1.0",
        "rep L s1 hold r1/1 hold 2.0", "rep L s1 hold r1/1 move 1.0",
        "rest L 7.0",
        "rep L s2 up r1/2 move 1.0", "rep L s2 up r2/2 move 1.0",
        "rep L s2 hold r1/1 hold 2.0", "rep L s2 hold r1/1 move 1.0",
        "switch R 4.0",
        "rep R s1 up r1/2 move 1.0", "rep R s1 up r2/2 move 1.0",
        "rep R s1 hold r1/1 hold 2.0", "rep R s1 hold r1/1 move 1.0",
        "rest R 7.0",
        "rep R s2 up r1/2 move 1.0", "rep R s2 up r2/2 move 1.0",
        "rep R s2 hold r1/1 hold 2.0", "rep R s2 hold r1/1 move 1.0",
        "rest 6.0",
        "lead-in 4.0",
        "hold s1 9.0",
    ]
    assert plan.exercise_starts == (0, 21)
    last = plan.phases[-1]
    assert last.minimum == 5 and last.duration == 9 and last.ends_unit and last.completes_set
    assert [i for i, p in enumerate(plan.phases) if p.ends_unit] == [9, 19, 22]
    assert [i for i, p in enumerate(plan.phases) if p.completes_set] == [4, 9, 14, 19, 22]
    assert plan.phases[20].between and plan.phases[20].exercise_index == 0 and plan.phases[20].unit is None
    assert plan.upcoming_work(20) is plan.phases[22]


def test_unpaced_reps_wait_for_enter_and_estimate_their_tempo():
    plan = build_plan(routine_from(
        'name = "x"\nlead_in = 0\n[[exercise]]\nname = "A"\nreps = 2\nhold = 3\ntempo = 2\npaced = false\n'
    ))
    assert [(p.part, p.duration) for p in plan.phases] == [
        (Part.HOLD, 3.0), (Part.COUNT, None), (Part.HOLD, 3.0), (Part.COUNT, None),
    ]
    assert plan.total_seconds == 10.0


def test_zero_lead_in_and_rest_make_no_phases():
    plan = build_plan(routine_from(
        'name = "x"\nlead_in = 0\nrest_between = 0\n[[exercise]]\nname = "A"\nsides = "each"\nhold = 3\n'
        '[[exercise]]\nname = "B"\nhold = 2\n'
    ))
    assert [(p.kind, p.side) for p in plan.phases] == [(Kind.HOLD, "right"), (Kind.HOLD, "left"), (Kind.HOLD, None)]


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_bundled_plan_total_is_the_sum_of_its_phases(path):
    plan = build_plan(load_file(path).routine)
    assert plan.total_seconds == sum(p.estimate for p in plan.phases) > 0
    assert all(p.duration is not None for p in plan.phases), "bundled routines run hands-free"
