"""Properties of the session under random pauses and random key presses."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kneetimer.workout.engine import State
from kneetimer.workout.records import ExerciseEnded, SessionEnded, SessionStarted, Status
from tests.engine_helpers import drive, make_session, routine_from

ROUTINE = routine_from(
    """
    name = "Mixed"
    lead_in = 3
    rest_between = 4
    [[exercise]]
    name = "Clams"
    sides = "each"
    sets = 2
    reps = 2
    hold = 2
    rest = 3
    [[exercise]]
    name = "Count"
    reps = 2
    paced = false
    [[exercise]]
    name = "Stretch"
    sides = ["left", "right"]
    hold = ["4s", "8s"]
    """
)
HANDS_FREE = routine_from(
    """
    name = "Hands free"
    lead_in = 3
    [[exercise]]
    name = "Clams"
    sides = "each"
    sets = 2
    reps = 3
    hold = 2.5
    rest = 2
    [[exercise]]
    name = "Roll"
    sets = 2
    hold = 7
    """
)


def summary(records):
    return [(r.name, r.side, r.status, r.sets_done, r.reps_done, round(r.seconds, 6)) for r in records]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 120), st.floats(0.001, 500)), max_size=6))
def test_pauses_at_random_moments_never_change_work_time(pauses):
    baseline, clock = make_session(HANDS_FREE, stall_after=None)
    baseline.start()
    drive(baseline, clock)

    session, clock = make_session(HANDS_FREE, stall_after=None)
    session.start()
    start = clock.now
    total_pause = 0.0
    for moment, length in sorted(pauses):
        drive(session, clock, until=start + moment + total_pause)
        if session.finished:
            break
        session.toggle_pause()
        clock.advance(length)
        session.update()
        session.toggle_pause()
        total_pause += length
    drive(session, clock)
    assert summary(session.records) == summary(baseline.records)
    assert session.paused_total == pytest.approx(total_pause, abs=1e-6)
    assert session.active_seconds() == pytest.approx(baseline.active_seconds(), abs=1e-6)


commands = st.lists(
    st.one_of(
        st.tuples(st.just("advance"), st.floats(0, 30)),
        st.tuples(st.sampled_from(["update", "pause", "enter", "skip", "back", "quit", "drive"]), st.none()),
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(commands, st.sampled_from([None, 5.0]))
def test_any_command_sequence_keeps_the_session_consistent(actions, stall_after):
    received = []
    session, clock = make_session(ROUTINE, stall_after=stall_after, listener=received.append)
    session.start()
    start = clock.now
    for action, value in actions:
        if action == "advance":
            clock.advance(value)
        elif action == "drive":
            drive(session, clock, until=clock.now + 20)
        else:
            {"update": session.update, "pause": session.toggle_pause, "enter": session.enter,
             "skip": session.skip, "back": session.back, "quit": session.quit}[action]()
        check_invariants(session, clock, start, received)
    session.quit()
    check_invariants(session, clock, start, received)
    assert session.finished and session.status in ("completed", "skipped", "interrupted")


def check_invariants(session, clock, start, received):
    records = [event.record for event in received if isinstance(event, ExerciseEnded)]
    assert records == session.records, "every record reaches the listener, once"
    assert isinstance(received[0], SessionStarted), "the start is heard first"
    ends = [index for index, event in enumerate(received) if isinstance(event, SessionEnded)]
    assert ends == ([len(received) - 1] if session.finished else []), "the end is heard once, last"
    for event in received:
        if isinstance(event, (ExerciseEnded, SessionEnded)):
            assert event.active_s >= 0 and event.paused_s >= 0
    if session.state is State.RUNNING:
        session.update()  # may pause it (a stall) or finish it
        if session.state is State.RUNNING:
            assert session.next_change_at() > clock.now, "after an update the next wake-up is ahead"
    for value in (session.elapsed(), session.active_seconds(), session.paused_seconds(), session.time_left()):
        assert value >= -1e-9
    remaining = session.remaining()
    assert remaining is None or remaining >= 0
    assert 0 <= session.session_progress() <= 1
    assert session.active_seconds() + session.paused_seconds() <= clock.now - start + 1e-6
    work = sum(record.seconds for record in session.records)
    assert work <= session.active_seconds() + 1e-6, "work time never exceeds active time"
    previous_end = None
    for record in session.records:
        assert record.seconds >= 0 and record.started_at <= record.ended_at
        if previous_end is not None:
            assert record.started_at >= previous_end, "records never overlap"
        previous_end = record.ended_at
        if record.status is Status.SKIPPED:
            assert record.seconds == 0 and record.reps_done == 0
        if record.status is Status.DONE:
            exercise = session.plan.routine.exercises[record.exercise_index]
            assert record.sets_done == exercise.sets
    if session.state is State.FINISHED:
        assert session.phase is None and session.next_change_at() is None
    elif session.state is State.RUNNING:
        assert session.next_change_at() is not None
