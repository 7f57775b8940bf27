"""Cues, their sounds and their words: what each moment calls for, and when the voice must be done."""

from __future__ import annotations

import itertools

import pytest

from kneetimer.sound.vocabulary import Signal, SoundLevel, signals_to_play
from kneetimer.workout.cues import Cue, CueKind, cue_schedule
from kneetimer.workout.plan import Kind, build_plan
from kneetimer.workout.words import announcements, fits, utterance_for
from tests.engine_helpers import make_session, routine_from

ROUTINE = routine_from(
    """
    name = "x"
    lead_in = 4
    rest_between = 5
    [[exercise]]
    name = "Clams"
    sides = "each"
    sets = 2
    rest = 8
    reps = 2
    hold = 5
    [[exercise]]
    name = "Stretch"
    hold = ["30s", "60s"]
    """
)
PLAN = build_plan(ROUTINE)


def counts(phase) -> list[float]:
    return [offset for kind, offset, _ in cue_schedule(phase) if kind is CueKind.COUNTDOWN]


def test_3_2_1_only_before_the_end_of_holds_get_readies_and_rests_of_5_s_or_more():
    by_kind = {}
    for phase in PLAN.phases:
        by_kind.setdefault((phase.kind, phase.part, phase.duration), counts(phase))
    assert by_kind[(Kind.LEAD_IN, None, 4.0)] == [], "a 4 s get-ready is over before a 3-2-1 helps"
    assert by_kind[(Kind.REST, None, 5.0)] == [2.0, 3.0, 4.0]
    assert by_kind[(Kind.REST, None, 8.0)] == [5.0, 6.0, 7.0]
    rep_holds = [p for p in PLAN.phases if p.kind is Kind.REP]
    assert all(counts(p) == [] for p in rep_holds), "a rep's hold ends with the release sound instead"
    stretch = PLAN.phases[-1]
    assert counts(stretch) == [57.0, 58.0, 59.0]


def test_one_sound_per_moment_the_most_important():
    phases = PLAN.phases
    last = len(phases) - 1
    cues = [Cue(CueKind.EXERCISE_DONE, last, 10.0), Cue(CueKind.SESSION_FINISHED, last, 10.0),
            Cue(CueKind.COUNTDOWN, 0, 7.0, 3), Cue(CueKind.HALFWAY, last, 8.0)]
    assert signals_to_play(cues, phases, SoundLevel.ALL) == [(7.0, Signal.TICK), (8.0, Signal.HALFWAY),
                                                             (10.0, Signal.DONE)]
    assert signals_to_play(cues, phases, SoundLevel.ESSENTIAL) == [(7.0, Signal.TICK), (10.0, Signal.DONE)]
    assert signals_to_play(cues, phases, SoundLevel.ALL, voice=True) == [(8.0, Signal.HALFWAY), (10.0, Signal.DONE)]
    assert signals_to_play(cues, phases, SoundLevel.OFF) == []


def test_the_next_timed_word_is_the_next_count_or_the_next_phase():
    session, clock = make_session(ROUTINE, stall_after=None)
    session.start()
    start = clock.now
    assert session.next_timed_at() == pytest.approx(start + 4), "no 3-2-1 in a 4 s get-ready: the first rep"
    clock.advance(4.5)
    session.update()
    assert session.next_timed_at() == pytest.approx(start + 9), "in a rep's hold: its end"
    session.toggle_pause()
    assert session.next_timed_at() is None, "paused: no hurry"


def test_announcements_shrink_to_fit_the_time_before_the_next_timed_word():
    clams = ROUTINE.exercises[0]
    texts = announcements(clams, "right")
    assert texts[0] == "Right side. Clams, 2 sets, 2 reps, hold 5 seconds", "the side first"
    assert texts[-1] == "Right side", "shortened, the side is what stays"
    assert all(len(a) > len(b) for a, b in itertools.pairwise(texts))
    lead_in = Cue(CueKind.PHASE_STARTED, 0, 100.0)
    assert utterance_for(lead_in, PLAN.phases[0], None).text == texts[0], "no hurry: all of it"
    assert utterance_for(lead_in, PLAN.phases[0], 2.0).text == "Right side. Clams"
    assert utterance_for(lead_in, PLAN.phases[0], 0.5).text == "Right side", "never dropped: a timed word may cut it"
    assert fits("Clams", 0.65) and not fits("Clams", 0.6)


def test_timed_words():
    first_rep = next(p for p in PLAN.phases if p.kind is Kind.REP)
    said = utterance_for(Cue(CueKind.PHASE_STARTED, 1, 4.0), first_rep, 0.1)
    assert (said.text, said.timed, said.due) == ("Go", True, 4.0), "go after 3-2-1, on time however little time"
    release = next(p for p in PLAN.phases if p.after_hold)
    assert utterance_for(Cue(CueKind.PHASE_STARTED, 2, 9.0), release, 3.0) is None
    second_set = next(p for p in PLAN.phases if p.kind is Kind.REP and p.set_no == 2 and p.rep_no == 1)
    assert utterance_for(Cue(CueKind.PHASE_STARTED, 5, 30.0), second_set, 5.0).text == "Set 2"
    assert utterance_for(Cue(CueKind.COUNTDOWN, 5, 33.0, 2), second_set, 1.0).text == "2"


def test_paced_reps_are_heard_without_the_voice():
    """Go at the first rep, then a soft turn each way (out at each rep's start, back at
    half its tempo); "essential" keeps the go."""
    from tests.engine_helpers import drive, make_session, routine_from

    paced = routine_from('name = "x"\nlead_in = 0\n[[exercise]]\nname = "Deadlift"\nreps = 3\ntempo = 3\n')
    session, clock = make_session(paced, stall_after=None)
    session.start()
    drive(session, clock)
    cues = session.drain_cues()
    heard = [signal for _, signal in signals_to_play(cues, session.plan.phases, SoundLevel.ALL)]
    assert heard[:6] == [Signal.GO, Signal.TURN, Signal.TURN, Signal.TURN, Signal.TURN, Signal.TURN]
    essential = [signal for _, signal in signals_to_play(cues, session.plan.phases, SoundLevel.ESSENTIAL)]
    assert essential[0] is Signal.GO and Signal.TURN not in essential


def test_a_ranged_holds_minimum_says_you_can_stop():
    said = utterance_for(Cue(CueKind.MINIMUM_REACHED, 0, 10.0), None, 0.5)
    assert said.text == "You can stop any time"
