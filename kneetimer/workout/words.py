"""Words for phases and cues: what the workout screen shows and the voice says,
and a prescription in a few words for the picker and "next up"."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from kneetimer.routines.durations import format_clock, format_seconds
from kneetimer.routines.model import Exercise, Hold
from kneetimer.text import shorten
from kneetimer.workout.cues import Cue, CueKind
from kneetimer.workout.plan import Kind, Part, Phase
from kneetimer.workout.records import ExerciseRecord, Status


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


def minutes(seconds: float) -> int:
    """Whole minutes, as every screen and command says them: rounded, at least 1."""
    return max(1, round(seconds / 60))


def counted(number: int, noun: str) -> str:
    """ "1 exercise", "3 exercises" """
    return f"{number} {noun}{'s' * (number != 1)}"


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


SECONDS_PER_CHARACTER = 0.07  # how long speech takes, about (espeak-ng at its default rate)
SPEECH_MARGIN = 0.3  # seconds kept free before the next timed word


@dataclass(frozen=True)
class Utterance:
    """Something for the voice to say. A timed word (3, 2, 1, go, a rep number, switch
    sides) must be said on time: it cuts whatever is being said. An announcement is
    only as long as the time before the next timed word allows."""

    text: str
    due: float  # monotonic time it belongs to
    timed: bool
    kind: str = ""  # what it is ("count", "rep", "go", "set", "switch", "announce"): for tests and the bench


def announcement(exercise: Exercise, side: str | None) -> str:
    """ "Clams, right side, 10 reps, hold 5 seconds" """
    return announcements(exercise, side)[0]


def announcements(exercise: Exercise, side: str | None) -> list[str]:
    """The get-ready announcement, longest first. Shortened, it keeps the side first, then
    the name, then the numbers: "Right side. Clams, 10 reps, hold 5 seconds" down to
    "Right side. Clams" and "Right side" (without sides: down to the name)."""
    where = f"{side_words(side)[:1].upper()}{side_words(side)[1:]}. " if side else ""
    parts = prescription(exercise, spoken_hold)
    texts = [where + ", ".join([exercise.name, *parts[:keep]]) for keep in range(len(parts), -1, -1)]
    if where:
        texts.append(where.rstrip(". "))
    return list(dict.fromkeys(texts))


def fits(text: str, seconds: float | None) -> bool:
    """Whether `text` can be said in `seconds` (None: no hurry)."""
    return seconds is None or len(text) * SECONDS_PER_CHARACTER + SPEECH_MARGIN <= seconds


def utterance_for(cue: Cue, phase: Phase | None, time_left: float | None) -> Utterance | None:
    """What the voice says for a cue; `time_left`: seconds until the next timed word."""
    kind = cue.kind
    if kind is CueKind.COUNTDOWN:
        return Utterance(str(cue.count), cue.at, timed=True, kind="count")
    if kind is CueKind.SESSION_FINISHED:
        return Utterance("Workout complete. Well done.", cue.at, timed=False)
    if kind is CueKind.HALFWAY:
        return _fitted(["Halfway"], cue, time_left)
    if kind is CueKind.MINIMUM_REACHED:
        return _fitted(["You can stop any time: press Enter when you are done.", "You can stop any time"], cue,
                       time_left)
    if kind is not CueKind.PHASE_STARTED or phase is None:
        return None
    if phase.kind is Kind.LEAD_IN:
        return _fitted(announcements(phase.exercise, phase.side), cue, time_left)
    if phase.kind is Kind.SWITCH:
        side = side_words(phase.side)
        return Utterance(f"Switch sides. {side[:1].upper()}{side[1:]}", cue.at, timed=True, kind="switch")
    if phase.kind is Kind.REST:
        rest = f"Rest, {spoken_seconds(phase.duration)}" if phase.duration is not None else "Rest"
        return _fitted([rest, "Rest"], cue, time_left)
    if phase.kind is Kind.HOLD:
        return Utterance("Go" if phase.set_no == 1 else f"Set {phase.set_no}", cue.at, timed=True, kind="go")
    if phase.after_hold:
        return None  # the release: a sound, no word
    if phase.rep_no == 1 and phase.set_no > 1 and phase.step_no <= 1:
        return Utterance(f"Set {phase.set_no}", cue.at, timed=True, kind="set")
    if phase.rep_no == 1 and phase.step_no <= 1:
        return Utterance("Go", cue.at, timed=True, kind="go")  # after "3, 2, 1": go, not "1" again
    return Utterance(str(phase.rep_no), cue.at, timed=True, kind="rep")


def _fitted(texts: list[str], cue: Cue, time_left: float | None) -> Utterance:
    """The longest of `texts` that can be said before the next timed word; the shortest
    when none fits (what carries information is never dropped: a timed word may cut it)."""
    for text in texts:
        if fits(text, time_left):
            return Utterance(text, cue.at, timed=False, kind="announce")
    return Utterance(texts[-1], cue.at, timed=False, kind="announce")


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


def describe(exercise: Exercise, sides: bool = True) -> str:
    """The prescription in a few words: "2 sets · 10 reps · hold 5s · right then left"."""
    parts = prescription(exercise, lambda hold: "hold " + describe_hold(hold))
    if exercise.sides and sides:
        in_order = " then ".join(shorten(side, 20) for side in exercise.sides)
        parts.append(in_order if len(exercise.sides) <= 3 else f"{len(exercise.sides)} sides")
    return " · ".join(parts)


def describe_hold(hold: Hold) -> str:
    if hold.is_range:
        return f"{format_seconds(hold.minimum)}-{format_seconds(hold.maximum)}"
    return format_seconds(hold.minimum)


def done_words(record: ExerciseRecord, exercise: Exercise) -> str:
    """What was done, in sets x reps: "2 × 10 reps", "4 × 30s", "1 × (2 Lift + 1 March)";
    a set left unfinished as the reps done in all ("13 reps")."""
    if record.status is Status.SKIPPED:
        return "-"
    sequence = exercise.sequence()
    per_set = [step.reps or 0 for step in sequence]
    if not any(per_set):  # holds
        hold = exercise.hold or sequence[0].hold
        return f"{record.sets_done} × {describe_hold(hold)}" if hold else f"{record.sets_done} sets"
    if record.sets_done == 0 or record.reps_done != record.sets_done * sum(per_set):
        return f"{record.reps_done} rep{'s' * (record.reps_done != 1)}"
    if not exercise.steps:
        return f"{record.sets_done} × {per_set[0]} reps"
    if len(set(per_set)) == 1:
        return f"{record.sets_done} × {len(per_set)} steps × {per_set[0]} reps"
    return f"{record.sets_done} × (" + " + ".join(f"{step.reps} {shorten(step.name, 16)}" for step in sequence) + ")"
