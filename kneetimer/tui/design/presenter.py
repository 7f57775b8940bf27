"""What the workout screen shows for a moment of the session, as plain data.

A pure function of the engine's snapshot (`SessionView`): the look (the phase's colour),
the title, the phase word and its hint, the countdown's texts, the progress line, the
cues and the instructions, and the figure's motion. The screen only hands these to its
widgets; a change to what the workout shows is made here, and tested as a table
(tests/tui/test_presenter.py), without drawing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kneetimer.care.pain import ease_note
from kneetimer.routines.durations import format_clock
from kneetimer.text import shorten
from kneetimer.tui.design.blockfont import FONT_3X5
from kneetimer.tui.design.palette import Look
from kneetimer.workout.engine import EnterAction
from kneetimer.workout.motion import Motion, motion_for
from kneetimer.workout.plan import Kind, Part, Phase
from kneetimer.workout.view import SessionView
from kneetimer.workout.words import countdown_text, describe, minutes, phase_title, side_words

CUE_LENGTH = 80  # characters of each cue on the cue line
SIDE_LETTERS = 10  # a longer side label stays in the title: the word would shrink too far


@dataclass(frozen=True)
class WorkoutDisplay:
    """Everything the workout screen shows at one moment."""

    look: Look
    title: str  # the exercise and side (during a rest between exercises, the one coming up)
    word: str  # the phase in one word, in block letters
    hint: str  # a line under the word: what Enter does, a ranged hold's span, paused
    clock: str  # the big countdown
    clock_template: str  # the widest the countdown gets in this phase: its size stays put
    reps: str | None  # the rep beside the countdown ("2/10"), for paced reps
    reps_template: str | None
    progress: str  # "15 min left · exercise 1 of 5"
    cues: str
    instructions: str
    counters: bool  # a counters line (rep, set, side) has something to say
    next_line: str  # during a get-ready or a rest: what really comes next ("" for nothing)
    motion: Motion | None  # what the figure does


def present(view: SessionView, ease: Mapping[tuple[str, str | None], int] | None = None) -> WorkoutDisplay:
    """The display for `view`. `ease`: exercises and sides red last time (their get-ready
    says to ease them, in place of the cues)."""
    phase = view.phase
    clock, template, reps = clock_texts(view)
    cues = "  ·  ".join(shorten(cue, CUE_LENGTH) for cue in phase.cues)
    upcoming = view.upcoming
    if ease and phase.getting_ready and not phase.between and upcoming is not None:
        pain = ease.get((upcoming.exercise.name, upcoming.side))
        if pain is not None:
            cues = ease_note(pain, upcoming.exercise.easier)
    return WorkoutDisplay(
        look=look_of(view),
        title=title_of(view),
        word="PAUSED" if view.paused else word_of(view),
        hint=hint_of(view),
        clock=clock,
        clock_template=template,
        reps=reps,
        reps_template=f"{phase.reps}/{phase.reps}" if reps else None,
        progress=f"{format_time_left(view.time_left)} left · exercise {phase.exercise_index + 1} "
                 f"of {view.exercise_count}",
        cues=cues,
        instructions=phase.instructions,
        counters=phase.rep_no is not None or phase.sets > 1 or bool(phase.exercise.sides),
        next_line=next_line(view),
        motion=motion_for(phase, view.upcoming),
    )


def look_of(view: SessionView) -> Look:
    """The phase's colour: paused over everything, then the kind of phase."""
    return Look(view.look)


def word_of(view: SessionView) -> str:
    """The phase word, with the side where the exercise has sides ("HOLD LEFT"): lying on
    one side, the side is what matters most, so it is as big as the word. A side label the
    block font cannot spell is left to the title."""
    phase = view.phase
    word = phase_title(phase)
    shown = view.upcoming if phase.between and view.upcoming is not None else phase
    if phase.between or shown.side is None:
        return word
    with_side = f"{word} {shown.side.upper()}"
    return with_side if FONT_3X5.supports(with_side) and len(shown.side) <= SIDE_LETTERS else word


def next_line(view: SessionView) -> str:
    """What really comes next: the next exercise during the rest between exercises, the
    next set during a rest between sets, the other side at a switch; during a get-ready,
    what this exercise asks and needs (its name is the title already)."""
    phase, upcoming = view.phase, view.upcoming
    if upcoming is None or not phase.getting_ready:
        return ""
    details = describe(upcoming.exercise)
    needs = ("   needs: " + shorten(", ".join(upcoming.exercise.equipment), 60)) if upcoming.exercise.equipment else ""
    if phase.between:
        side = f" — {shorten(side_words(upcoming.side), 30)}" if upcoming.side else ""
        return f"Next: {shorten(upcoming.exercise.name, 50)}{side}" + (f"   ({details})" if details else "") + needs
    if phase.kind is Kind.REST:
        side = f", {shorten(side_words(upcoming.side), 30)}" if upcoming.side else ""
        return f"Next: set {upcoming.set_no} of {upcoming.sets}{side}"
    if phase.kind is Kind.SWITCH:
        return f"Next: {shorten(side_words(upcoming.side), 30)}" + (f" · {details}" if details else "")
    return details + needs


def title_of(view: SessionView) -> str:
    """The exercise and side; during the rest between exercises, the one coming up."""
    shown: Phase = view.upcoming if view.phase.between and view.upcoming is not None else view.phase
    title = shown.exercise.name
    if shown.side:
        title += f" — {side_words(shown.side).upper()}"
    return f"Up next: {title}" if view.phase.between else title


def hint_of(view: SessionView) -> str:
    phase = view.phase
    if view.paused:
        return f"paused during {phase_title(phase)} · space resumes"
    if view.enter is EnterAction.END_HOLD and phase.duration is not None:
        return f"Enter when done · ends at {format_clock(phase.duration)}"
    if phase.minimum is not None and phase.duration is not None:
        return f"at least {format_clock(phase.minimum)}, up to {format_clock(phase.duration)}"
    if view.enter is EnterAction.COUNT_REP:
        return "Enter after each rep"
    if view.enter is EnterAction.START_NOW:
        return "Enter starts now"
    return ""


def clock_texts(view: SessionView) -> tuple[str, str, str | None]:
    """(what the countdown shows, the widest it will show in this phase, the rep number
    beside it). Reps at your own pace and a paced rep's move show the rep, big; a hold
    shows its seconds, with the rep beside them."""
    phase = view.phase
    if view.counts_reps or phase.part is Part.MOVE:  # in a move, the rep is what matters: the tempo is the bar
        return f"{phase.rep_no}/{phase.reps}", f"{phase.reps}/{phase.reps}", None
    reps = f"{phase.rep_no}/{phase.reps}" if view.paced_rep else None
    if view.countdown is None or phase.duration is None:
        return countdown_text(view.elapsed), countdown_text(view.elapsed), reps
    return countdown_text(view.countdown), countdown_text(phase.duration), reps


def format_time_left(seconds: float) -> str:
    """Minutes for the whole routine (the same rounding as the picker's estimate, so a
    3-minute routine starts with "3 min left"); seconds only in the last minute."""
    if seconds > 60:
        return f"{minutes(seconds)} min"
    return format_clock(seconds)
