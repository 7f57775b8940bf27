"""Words for phases and cues: what the workout screen shows and the voice says,
and a prescription in a few words for the picker and "next up"."""

from __future__ import annotations

import math
from collections.abc import Callable

from kneetimer.routines.durations import format_clock, format_seconds
from kneetimer.routines.model import Exercise, Hold
from kneetimer.text import shorten
from kneetimer.workout.cues import Cue, CueKind
from kneetimer.workout.plan import Kind, Part, Phase


def phase_title(phase: Phase) -> str:
    if phase.kind is Kind.LEAD_IN:
        return "GET READY"
    if phase.kind is Kind.SWITCH:
        return "SWITCH SIDES"
    if phase.kind is Kind.REST:
        return "REST"
    if phase.part is Part.MOVE:
        return "MOVE"
    if phase.part is Part.COUNT:
        return "YOUR PACE"
    return "HOLD"


def countdown_text(seconds: float) -> str:
    """What the big countdown shows: whole seconds, rounded up, alone under 100 ("45"),
    as M:SS from 100 on ("1:40")."""
    whole = max(0, math.ceil(seconds - 1e-6))
    if whole < 100:
        return str(whole)
    return format_clock(whole)


def side_words(side: str | None) -> str:
    if side is None:
        return ""
    return f"{side} side" if side in ("right", "left") else side


def spoken_seconds(seconds: float) -> str:
    minutes, rest = divmod(round(seconds, 1), 60)
    parts = []
    if minutes:
        parts.append(f"{int(minutes)} minute{'s' * (minutes != 1)}")
    if rest or not minutes:
        parts.append(f"{rest:g} second{'s' * (rest != 1)}")
    return " ".join(parts)


def spoken_hold(hold: Hold) -> str:
    if hold.is_range:
        return f"hold {spoken_seconds(hold.minimum)} to {spoken_seconds(hold.maximum)}"
    return f"hold {spoken_seconds(hold.minimum)}"


def announcement(exercise: Exercise, side: str | None) -> str:
    """ "Clams, right side, 10 reps, hold 5 seconds" """
    where = [side_words(side)] if side else []
    return ", ".join([exercise.name, *where, *prescription(exercise, spoken_hold)])


def spoken_cue(cue: Cue, phase: Phase | None) -> str | None:
    """What the voice says for a cue, or None to stay quiet."""
    if cue.kind is CueKind.SESSION_FINISHED:
        return "Workout complete. Well done."
    if cue.kind is CueKind.HALFWAY:
        return "Halfway"
    if cue.kind is CueKind.MINIMUM_REACHED:
        return "Minimum reached. Press Enter when you are done."
    if cue.kind is CueKind.COUNTDOWN:
        return str(cue.count)
    if cue.kind is not CueKind.PHASE_STARTED or phase is None:
        return None
    if phase.kind is Kind.LEAD_IN:
        return "Get ready: " + announcement(phase.exercise, phase.side)
    if phase.kind is Kind.SWITCH:
        return f"Switch sides: {side_words(phase.side)}"
    if phase.kind is Kind.REST:
        return f"Rest, {spoken_seconds(phase.duration)}"
    if phase.kind is Kind.HOLD:
        return "Go" if phase.set_no == 1 else f"Set {phase.set_no}"
    if phase.part in (Part.HOLD, Part.COUNT) or (phase.part is Part.MOVE and phase.exercise.hold is None):
        return str(phase.rep_no)
    return None


def prescription(exercise: Exercise, hold_words: Callable[[Hold], str]) -> list[str]:
    """Sets, steps, reps and hold in words; `hold_words` says the hold (written or spoken)."""
    parts = []
    if exercise.sets > 1:
        parts.append(f"{exercise.sets} sets")
    if exercise.steps:
        parts.append(f"{len(exercise.steps)} steps")
    if exercise.reps:
        parts.append(f"{exercise.reps} reps")
    if exercise.hold:
        parts.append(hold_words(exercise.hold))
    return parts


def describe(exercise: Exercise) -> str:
    """The prescription in a few words: "2 sets · 10 reps · hold 5s · right then left"."""
    parts = prescription(exercise, lambda hold: "hold " + describe_hold(hold))
    if exercise.sides:
        sides = " then ".join(shorten(side, 20) for side in exercise.sides)
        parts.append(sides if len(exercise.sides) <= 3 else f"{len(exercise.sides)} sides")
    return " · ".join(parts)


def describe_hold(hold: Hold) -> str:
    if hold.is_range:
        return f"{format_seconds(hold.minimum)}-{format_seconds(hold.maximum)}"
    return format_seconds(hold.minimum)
