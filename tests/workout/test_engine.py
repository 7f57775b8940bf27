"""The session state machine, driven instantly by a fake clock."""

from __future__ import annotations

import json
import math
from datetime import timedelta

import pytest

from kneetimer.routines.loader import load_file
from kneetimer.workout.cues import CueKind
from kneetimer.workout.engine import State
from kneetimer.workout.plan import Kind, Part, build_plan
from kneetimer.workout.records import EndedBy, Outcome, SessionEnded, SessionStarted, Status
from tests.conftest import BUNDLED
from tests.engine_helpers import WALL_START, drive, make_session, routine_from

HOLDS = routine_from(
    """
    name = "Holds"
    lead_in = 5
    rest_between = 10
    [[exercise]]
    name = "Roll"
    sides = "each"
    sets = 2
    hold = "30s"
    [[exercise]]
    name = "Stretch"
    hold = ["30s", "60s"]
    """
)
REPS = routine_from(
    """
    name = "Reps"
    lead_in = 5
    [[exercise]]
    name = "Clams"
    sides = "each"
    reps = 3
    hold = 5
    [[exercise]]
    name = "Bridge"
    reps = 2
    """
)


def started(routine, **options):
    session, clock = make_session(routine, **options)
    session.start()
    return session, clock


def go_to(session, clock, seconds_from_now):
    drive(session, clock, until=clock.now + seconds_from_now)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_bundled_routine_runs_hands_free_to_its_estimate(path):
    from kneetimer.cli.listing import catalog_rows, row_json

    routine = load_file(path).routine
    session, clock = started(routine)
    start = clock.now
    drive(session, clock)
    plan = build_plan(routine)
    assert session.status == "completed"
    assert clock.now - start == pytest.approx(plan.total_seconds, abs=1e-6)
    assert session.active_seconds() == pytest.approx(plan.total_seconds, abs=1e-6)
    row = next(row_json(row) for row in catalog_rows() if row.id == path.stem)
    assert row["estimated_seconds"] == round(plan.total_seconds, 1)
    expected_units = sum(len(exercise.side_labels()) for exercise in routine.exercises)
    assert len(session.records) == expected_units
    assert all(record.status is Status.DONE for record in session.records)
    work = sum(p.duration for p in plan.phases if p.is_work)
    assert sum(record.seconds for record in session.records) == pytest.approx(work, abs=1e-6)


def test_phase_ends_on_its_deadline_and_the_next_starts_there_however_late_we_look():
    session, clock = started(HOLDS, stall_after=None)
    assert session.phase.kind is Kind.LEAD_IN and session.deadline() == clock.now + 5
    clock.advance(7.25)  # the loop was busy: we look 2.25 s after the deadline
    session.update()
    assert session.phase.kind is Kind.HOLD
    assert session.elapsed() == pytest.approx(2.25)
    assert session.deadline() == pytest.approx(1000 + 5 + 30)


def test_many_late_wakeups_accumulate_no_drift():
    session, clock = started(HOLDS, stall_after=None)
    start = clock.now
    while not session.finished:
        clock.advance(0.37)  # always late, never aligned
        session.update()
    total = build_plan(HOLDS).total_seconds
    assert session.ended_mono - start == pytest.approx(total, abs=1e-9)


def test_pause_freezes_everything_and_resume_continues_exactly():
    session, clock = started(HOLDS)
    go_to(session, clock, 5 + 12)  # 12 s into the first 30 s hold
    assert session.phase.kind is Kind.HOLD and session.remaining() == pytest.approx(18)
    session.toggle_pause()
    assert session.state is State.PAUSED and session.deadline() is None and session.next_change_at() is None
    clock.advance(100)
    session.update()
    assert session.remaining() == pytest.approx(18) and session.phase.kind is Kind.HOLD
    assert session.paused_seconds() == pytest.approx(100)
    session.toggle_pause()
    assert session.deadline() == pytest.approx(clock.now + 18)
    drive(session, clock)
    assert session.paused_total == pytest.approx(100)
    assert session.active_seconds() == pytest.approx(build_plan(HOLDS).total_seconds)
    assert session.records[0].seconds == pytest.approx(60)  # two 30 s sets: the pause is not work


def test_long_gap_pauses_the_session_where_it_was_last_seen():
    session, clock = started(HOLDS, stall_after=5.0)
    go_to(session, clock, 10)  # 5 s into the first hold
    clock.advance(600)  # Ctrl-Z for ten minutes
    session.update()
    assert session.state is State.PAUSED
    assert session.phase.kind is Kind.HOLD and session.remaining() == pytest.approx(25)
    assert CueKind.STALLED in [cue.kind for cue in session.drain_cues()]
    session.toggle_pause()
    drive(session, clock)
    assert session.paused_total == pytest.approx(600)
    assert session.records[0].seconds == pytest.approx(60)


def test_short_gap_catches_up_in_order_with_nothing_lost_or_doubled():
    session, clock = started(REPS, stall_after=5.0)
    go_to(session, clock, 5.5)
    clock.advance(4.9)  # a 4.9 s stall crosses a hold's end into the move
    session.update()
    assert session.state is State.RUNNING
    assert (session.phase.rep_no, session.phase.part) == (1, Part.MOVE)
    assert session.elapsed() == pytest.approx(0.4)


def test_next_change_is_the_next_whole_second_aligned_to_the_deadline():
    session, clock = started(HOLDS)
    assert session.next_change_at() == pytest.approx(clock.now + 1)
    clock.advance(0.3)
    session.update()
    assert session.next_change_at() == pytest.approx(1001.0)
    clock.now = 1004.95
    session.update()
    assert session.next_change_at() == pytest.approx(1005.0)  # the lead-in's end
    clock.now = 1005.0
    session.update()
    session.toggle_pause()
    clock.advance(0.4)
    session.toggle_pause()
    assert session.next_change_at() == pytest.approx(1006.4)  # shifted by the pause


def test_next_change_includes_the_halfway_cue():
    routine = routine_from('name = "x"\nlead_in = 0\n[[exercise]]\nname = "A"\nhold = "25s"\n')
    session, clock = started(routine, stall_after=None)
    clock.now = 1012.2
    session.update()
    assert session.next_change_at() == pytest.approx(1012.5)


def test_unpaced_reps_wait_for_enter():
    routine = routine_from(
        'name = "x"\nlead_in = 0\n[[exercise]]\nname = "Step ups"\nreps = 3\npaced = false\n'
    )
    session, clock = started(routine, stall_after=None)
    clock.advance(3600)
    session.update()
    assert session.phase.part is Part.COUNT and session.phase.rep_no == 1
    assert session.next_change_at() == pytest.approx(clock.now + 1)  # a count-up display
    assert session.enter() is True
    clock.advance(2)
    assert session.enter() is True
    assert session.enter() is True
    assert session.finished and session.status == "completed"
    (record,) = session.records
    assert (record.reps_done, record.sets_done, record.status) == (3, 1, Status.DONE)
    assert record.seconds == pytest.approx(3602)


def test_ranged_hold_ends_on_enter_only_after_its_minimum():
    session, clock = started(HOLDS)
    session.skip()  # straight to the stretch: 5 s lead-in, then a 30-60 s hold
    go_to(session, clock, 5 + 29)
    assert session.phase.minimum == 30
    assert session.enter() is False
    assert session.countdown() == pytest.approx(1)  # counting down to the minimum
    clock.advance(1.5)
    session.update()
    assert session.minimum_reached() and session.countdown() == pytest.approx(29.5)  # now towards the maximum
    assert session.enter() is True
    assert session.finished
    assert session.records[-1].seconds == pytest.approx(30.5)


def test_ranged_hold_ends_by_itself_at_its_maximum():
    session, clock = started(HOLDS)
    session.skip()
    drive(session, clock)
    assert session.records[-1].seconds == pytest.approx(60)


def test_enter_cuts_lead_in_and_rest_short_but_not_a_fixed_hold():
    session, clock = started(HOLDS)
    clock.advance(1)
    assert session.enter() is True and session.phase.kind is Kind.HOLD
    clock.advance(3)
    assert session.enter() is False and session.phase.kind is Kind.HOLD
    session.toggle_pause()
    assert session.enter() is False


def cue_log(session, clock):
    log = []
    while not session.finished:
        wake = session.next_change_at()
        clock.now = wake
        session.update()
        log.extend(session.drain_cues())
    return log


def test_cues_fire_once_each_at_the_right_moments():
    session, clock = started(HOLDS)
    log = session.drain_cues() + cue_log(session, clock)
    countdowns = [(cue.at - 1000, cue.count) for cue in log if cue.kind is CueKind.COUNTDOWN]
    assert countdowns[:6] == [(2, 3), (3, 2), (4, 1), (32, 3), (33, 2), (34, 1)]
    # lead-in 5 + 2 holds + switch 5 + 2 holds + rest 10 + lead-in 5 + stretch = 9 countdown phases
    assert len(countdowns) == 3 * 9
    assert (137, 3) in countdowns, "the rest between exercises counts down too (it is 5 s or more)"
    halfway = [cue.at - 1000 for cue in log if cue.kind is CueKind.HALFWAY]
    assert halfway[:2] == [20, 50] and len(halfway) == 5  # 4 holds of 30 s, and the stretch's minimum
    assert [cue.at - 1000 for cue in log if cue.kind is CueKind.MINIMUM_REACHED] == [5 + 60 + 5 + 60 + 10 + 5 + 30]
    assert [cue.at - 1000 for cue in log if cue.kind is CueKind.SWITCH_SIDES] == [65]
    assert [cue.at - 1000 for cue in log if cue.kind is CueKind.EXERCISE_DONE] == [130, 205]
    assert [cue.kind for cue in log].count(CueKind.SESSION_FINISHED) == 1
    assert [cue.kind for cue in log].count(CueKind.PHASE_STARTED) == len(build_plan(HOLDS).phases)


def test_cues_fire_once_even_when_caught_up_in_one_jump():
    session, clock = started(HOLDS, stall_after=None)
    clock.advance(10_000)
    session.update()
    kinds = [cue.kind for cue in session.drain_cues()]
    assert kinds.count(CueKind.COUNTDOWN) == 27 and kinds.count(CueKind.SESSION_FINISHED) == 1


def test_short_rep_holds_have_no_countdown_or_halfway():
    session, clock = started(REPS)
    log = cue_log(session, clock)
    counted = {session.plan.phases[cue.phase_index].kind for cue in log if cue.kind is CueKind.COUNTDOWN}
    assert counted == {Kind.LEAD_IN, Kind.SWITCH, Kind.REST}, "not a rep's hold: it ends with the release sound"
    assert not [cue for cue in log if cue.kind is CueKind.HALFWAY]


def test_records_are_pushed_as_each_exercise_and_side_ends():
    heard = []
    session, clock = started(REPS, listener=heard.append)
    assert heard == [SessionStarted(WALL_START)], "the start is heard first, before any record"
    go_to(session, clock, 5 + 3 * 8 - 0.01)
    assert len(heard) == 1
    go_to(session, clock, 0.02)
    (_, ended) = heard
    record = ended.record
    assert (ended.active_s, ended.paused_s) == (pytest.approx(29, abs=0.02), 0), "the session totals when it ended"
    assert (record.name, record.side, record.status, record.sets_done, record.reps_done) == ("Clams", "right", Status.DONE, 1, 3)
    assert record.seconds == pytest.approx(24)
    assert record.started_at == WALL_START.astimezone()
    assert record.ended_at == (WALL_START + timedelta(seconds=29)).astimezone()
    assert record.ended_at.isoformat(timespec="milliseconds").endswith(WALL_START.astimezone().isoformat()[-6:])


def test_skip_mid_work_records_partial_and_the_other_side_skipped():
    session, clock = started(REPS)
    go_to(session, clock, 5 + 8 + 2)  # one rep done, 2 s into the second
    session.skip()
    right, left = session.records
    assert (right.side, right.status, right.reps_done, right.seconds) == ("right", Status.PARTIAL, 1, pytest.approx(10))
    assert (left.side, left.status, left.reps_done, left.seconds) == ("left", Status.SKIPPED, 0, 0)
    assert session.phase.exercise.name == "Bridge" and session.phase.kind is Kind.LEAD_IN


def test_skip_during_lead_in_records_every_side_as_skipped():
    session, clock = started(REPS)
    clock.advance(2)
    session.skip()
    assert [(r.side, r.status) for r in session.records] == [("right", Status.SKIPPED), ("left", Status.SKIPPED)]


def test_skip_during_rest_between_exercises_starts_the_next_one():
    session, clock = started(HOLDS)
    go_to(session, clock, 130 + 3)
    assert session.phase.between
    session.skip()
    assert len(session.records) == 2 and session.phase.exercise.name == "Stretch"


def test_skip_on_the_last_exercise_finishes_the_session():
    session, _clock = started(REPS)
    session.skip()
    session.skip()
    assert session.finished and session.status == "skipped", "nothing done: not completed"
    assert [r.status for r in session.records] == [Status.SKIPPED] * 3


def test_back_restarts_this_exercise_after_3_s_and_goes_to_the_previous_one_before():
    session, clock = started(HOLDS)
    session.skip()  # Roll skipped on both sides
    go_to(session, clock, 5 + 10)
    session.back()  # 15 s into Stretch: back to its start, the work kept as partial
    assert session.records[-1].status is Status.PARTIAL and session.records[-1].seconds == pytest.approx(10)
    assert session.phase.exercise.name == "Stretch" and session.phase.kind is Kind.LEAD_IN
    go_to(session, clock, 2.5)
    session.back()  # 2.5 s in: to the previous exercise, as a music player does
    assert session.phase.exercise.name == "Roll" and session.phase.kind is Kind.LEAD_IN
    assert len(session.records) == 3, "nothing recorded for the empty second start"
    session.back()  # at the first exercise: restart it
    assert session.index == 0


def test_back_counts_active_time_not_pauses():
    session, clock = started(HOLDS)
    session.skip()
    go_to(session, clock, 2)
    session.toggle_pause()
    clock.advance(30)
    session.back()  # 2 s into Stretch, however long it was paused: the previous exercise
    assert session.phase.exercise.name == "Roll" and session.paused
    session.toggle_pause()
    go_to(session, clock, 2)
    session.toggle_pause()
    clock.advance(1.5)
    session.toggle_pause()
    go_to(session, clock, 1.5)  # 3.5 s of Roll done, with a pause between
    session.back()
    assert session.phase.exercise.name == "Roll" and session.index == 0, "this one again, from its start"


def test_enter_cuts_a_get_ready_or_rest_short_only_after_a_second():
    routine = routine_from('name = "x"\nlead_in = 5\nrest_between = 10\n[[exercise]]\nname = "Count"\n'
                           'reps = 1\npaced = false\n[[exercise]]\nname = "Hold"\nhold = 5\n')
    session, clock = started(routine)
    assert session.enter_action() is None and session.enter() is False, "just shown: Enter waits"
    assert session.next_change_at() == pytest.approx(clock.now + 1), "the screen wakes when Enter starts to count"
    go_to(session, clock, 1)
    assert session.enter() is True and session.phase.part is Part.COUNT
    assert session.enter() is True, "the rep is counted"
    assert session.phase.kind is Kind.REST
    assert session.enter() is False and session.phase.kind is Kind.REST, "one press did one thing"
    go_to(session, clock, 1)
    assert session.enter() is True and session.phase.kind is Kind.LEAD_IN


def test_back_from_the_rest_between_exercises_redoes_the_one_just_done():
    session, clock = started(HOLDS)
    go_to(session, clock, 130 + 1)
    assert session.phase.between
    session.back()
    assert session.phase.exercise.name == "Roll" and session.index == 0


def test_skip_and_back_while_paused_stay_paused():
    session, clock = started(HOLDS)
    go_to(session, clock, 8)
    session.toggle_pause()
    clock.advance(20)
    session.skip()
    assert session.paused and session.phase.exercise.name == "Stretch" and session.elapsed() == 0
    assert session.records[0].seconds == pytest.approx(3)
    clock.advance(5)
    session.toggle_pause()
    assert session.paused_total == pytest.approx(25)


def test_quit_keeps_partial_work_and_marks_the_session_interrupted():
    session, clock = started(REPS)
    go_to(session, clock, 5 + 8 + 8 + 1)
    session.toggle_pause()
    clock.advance(30)
    session.quit()
    assert session.status == "interrupted" and session.finished
    (record,) = session.records
    assert (record.status, record.reps_done) == (Status.PARTIAL, 2) and record.seconds == pytest.approx(17)
    assert session.paused_total == pytest.approx(30)
    assert session.active_seconds() == pytest.approx(22)


def test_quit_during_a_lead_in_records_nothing():
    session, clock = started(REPS)
    clock.advance(2)
    session.quit()
    assert session.records == [] and session.status == "interrupted"


def test_start_at_a_later_exercise():
    session, _clock = make_session(REPS, start_exercise=1)
    session.start()
    assert session.phase.exercise.name == "Bridge"


def test_progress_and_time_left():
    session, clock = started(HOLDS)
    total = build_plan(HOLDS).total_seconds
    assert session.time_left() == total and session.session_progress() == 0
    go_to(session, clock, 20)
    assert session.time_left() == pytest.approx(total - 20)
    assert session.session_progress() == pytest.approx(20 / total)
    assert session.phase_progress() == pytest.approx(15 / 30)


def test_records_serialize_with_milliseconds_and_offset():
    session, clock = started(REPS)
    drive(session, clock)
    stamp = session.records[0].ended_at.isoformat(timespec="milliseconds")
    assert json.dumps(stamp) and "." in stamp and (stamp.endswith("+00:00") or stamp[-6] in "+-")
    assert not math.isnan(session.records[0].seconds)


def test_the_end_is_heard_with_who_ended_it():
    heard = []
    session, clock = started(REPS, listener=heard.append)
    go_to(session, clock, 10)
    session.quit(EndedBy.CLOSED)
    ended = heard[-1]
    assert isinstance(ended, SessionEnded)
    assert (ended.outcome, ended.ended_by) == (Outcome.INTERRUPTED, EndedBy.CLOSED)
    assert ended.active_s == pytest.approx(10)
