"""What the workout shows at each moment, as a table: the presenter turns the engine's
snapshot into texts without drawing anything, so a change to what the screen shows is
made there and checked here."""

from __future__ import annotations

import pytest

from kneetimer.tui.design.palette import Look
from kneetimer.tui.design.presenter import present
from kneetimer.workout.view import view_of
from tests.engine_helpers import drive, make_session, routine_from

ROUTINE = routine_from(
    """
    name = "Table"
    lead_in = 5
    rest_between = 10
    [[exercise]]
    name = "Clams"
    sides = "each"
    reps = 3
    hold = 2
    tempo = 2
    [[exercise]]
    name = "Stretch"
    hold = ["30s", "1m"]
    cues = ["Breathe out", "Knee stays down"]
    instructions = "Lie on your back."
    [[exercise]]
    name = "Steps"
    reps = 4
    paced = false
    """
)

# (seconds after the start, look, title, word, hint, clock, reps beside the clock)
MOMENTS = [
    (1.0, Look.GET_READY, "Clams — RIGHT SIDE", "GET READY RIGHT", "Enter starts now", "4", None),
    (5.5, Look.HOLD, "Clams — RIGHT SIDE", "HOLD RIGHT", "", "2", "1/3"),
    (7.5, Look.MOVE, "Clams — RIGHT SIDE", "MOVE RIGHT", "", "1/3", None),  # the rep big; the tempo is the bar
    (17.5, Look.SWITCH, "Clams — LEFT SIDE", "SWITCH SIDES LEFT", "", "5", None),  # Enter waits 1 s
    (18.5, Look.SWITCH, "Clams — LEFT SIDE", "SWITCH SIDES LEFT", "Enter starts now", "4", None),
    (35.5, Look.REST, "Up next: Stretch", "REST", "Enter starts now", "9", None),
    (51.0, Look.HOLD, "Stretch", "HOLD", "at least 0:30, up to 1:00", "28", None),
]


def at(seconds: float):
    session, clock = make_session(ROUTINE, stall_after=None)
    session.start()
    drive(session, clock, until=clock.now + seconds)
    return session, present(view_of(session))


@pytest.mark.parametrize("seconds, look, title, word, hint, clock, reps", MOMENTS,
                         ids=[f"{m[0]}s-{m[3]}" for m in MOMENTS])
def test_each_moment_shows(seconds, look, title, word, hint, clock, reps):
    _, shown = at(seconds)
    assert (shown.look, shown.title, shown.word, shown.hint, shown.clock, shown.reps) == (
        look, title, word, hint, clock, reps)


def test_the_clock_keeps_its_widest_size_through_a_phase():
    _, shown = at(51.0)
    assert shown.clock_template == "60", "a ranged hold is laid out for its maximum"


def test_a_ranged_hold_past_its_minimum_says_enter_ends_it():
    session, clock = make_session(ROUTINE, stall_after=None)
    session.start()
    drive(session, clock, until=clock.now + 50 + 31)
    shown = present(view_of(session))
    assert shown.hint == "Enter when done · ends at 1:00"


def test_cues_and_instructions_of_the_phase():
    _, shown = at(51.0)
    assert shown.cues == "Breathe out  ·  Knee stays down"
    assert shown.instructions == "Lie on your back."


def test_unpaced_reps_show_the_count_not_a_clock():
    session, clock = make_session(ROUTINE, stall_after=None)
    session.start()
    drive(session, clock, until=clock.now + 50 + 60 + 10 + 5.5)
    shown = present(view_of(session))
    assert (shown.word, shown.clock, shown.clock_template, shown.hint) == ("YOUR PACE", "1/4", "4/4",
                                                                          "Enter after each rep")


def test_paused_is_its_own_look_and_says_how_to_resume():
    session, clock = make_session(ROUTINE, stall_after=None)
    session.start()
    drive(session, clock, until=clock.now + 6)
    session.toggle_pause()
    shown = present(view_of(session))
    assert (shown.look, shown.word) == (Look.PAUSED, "PAUSED")
    assert shown.hint == "paused during HOLD · space resumes"


def test_progress_counts_minutes_then_seconds():
    _, shown = at(1.0)
    assert shown.progress == "2 min left · exercise 1 of 3"
    _, shown = at(50 + 60 + 10 + 5.5)
    assert shown.progress.endswith("left · exercise 3 of 3") and ":" in shown.progress, "seconds in the last minute"


def test_a_get_ready_says_to_ease_an_exercise_red_last_time():
    session, clock = make_session(ROUTINE, stall_after=None)
    session.start()
    drive(session, clock, until=clock.now + 18.5)  # the switch to Clams on the left
    shown = present(view_of(session), {("Clams", "left"): 8})
    assert shown.cues == "Last time this was 8/10 (red). Ease it today: fewer reps or a shorter hold."
    assert present(view_of(session), {("Clams", "right"): 8}).cues == "", "the other side: as usual"


@pytest.mark.parametrize("seconds, expected", [
    (1.0, "3 reps · hold 2s · right then left"),  # a get-ready: what it asks (its name is the title)
    (18.5, "Next: left side · 3 reps · hold 2s · right then left"),
    (35.5, "Next: Stretch   (hold 30s-1m)"),
    (6.0, ""),
])
def test_next_names_what_really_comes_next(seconds, expected):
    _, shown = at(seconds)
    assert shown.next_line == expected
