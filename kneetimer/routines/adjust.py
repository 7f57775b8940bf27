"""Adjusting a routine: hold, reps, sets and rest per exercise, step by step.

Each change is noted in words in the routine's `changes`, so the saved version
says what differs from the one it is based on. Steps that took the exercise's
value take the new one too.
"""

from __future__ import annotations

from dataclasses import replace

from kneetimer.routines.durations import MAX_SECONDS, format_seconds
from kneetimer.routines.loader import MAX_REPS, MAX_SETS
from kneetimer.routines.model import Exercise, Hold, Routine

FIELDS = ("sets", "reps", "hold", "rest")


REST_STEP = 5.0


def hold_step(seconds: float) -> float:
    """How far one press moves a hold: a second for short holds, five for long ones."""
    return 1.0 if seconds < 20 else 5.0


def nudge(routine: Routine, index: int, field: str, direction: int) -> Routine:
    """The routine with one exercise's `field` moved one step up (+1) or down (-1);
    the same routine when the value cannot move that way."""
    exercise = routine.exercises[index]
    changed = _nudged(exercise, field, direction)
    if changed is None or changed == exercise:
        return routine
    exercises = list(routine.exercises)
    exercises[index] = changed
    note = f"{exercise.name}: {field} {describe_value(exercise, field)} -> {describe_value(changed, field)}"
    return replace(routine, exercises=tuple(exercises), based_on=routine.based_on or routine.id,
                   changes=_merge_note(routine.changes, exercise.name, field, note))


def describe_value(exercise: Exercise, field: str) -> str:
    if field == "hold":
        hold = exercise.hold
        if hold is None:
            return "-"
        return format_seconds(hold.minimum) + (f"-{format_seconds(hold.maximum)}" if hold.is_range else "")
    if field == "rest":
        return format_seconds(exercise.rest)
    value = getattr(exercise, field)
    return "-" if value is None else str(value)


def _nudged(exercise: Exercise, field: str, direction: int) -> Exercise | None:
    if field == "sets":
        sets = exercise.sets + direction
        return replace(exercise, sets=sets) if 1 <= sets <= MAX_SETS else None
    if field == "reps":
        if exercise.reps is None:
            return None
        reps = exercise.reps + direction
        if not 1 <= reps <= MAX_REPS:
            return None
        steps = tuple(replace(s, reps=reps) if s.reps == exercise.reps else s for s in exercise.steps)
        return replace(exercise, reps=reps, steps=steps)
    if field == "hold":
        hold = exercise.hold
        if hold is None:
            return None
        delta = direction * hold_step(hold.minimum)
        low, high = hold.minimum + delta, hold.maximum + delta
        if low <= 0 or high > MAX_SECONDS:
            return None
        new = Hold(low, high)
        steps = tuple(replace(s, hold=new) if s.hold == hold else s for s in exercise.steps)
        return replace(exercise, hold=new, steps=steps)
    if field == "rest":
        rest = exercise.rest + direction * REST_STEP
        return replace(exercise, rest=rest) if 0 <= rest <= MAX_SECONDS else None
    raise ValueError(f"not an adjustable field: {field}")


VERSION_INTRO = "Your version: "
ORIGINAL_SAYS = "\n\nThe original's description (its numbers are the original's): "


def version_description(routine: Routine) -> str:
    """A description that says what this version changed, above the original's (whose
    numbers no longer hold). Adjusting again replaces the first part, never stacks it."""
    original = routine.description
    if original.startswith(VERSION_INTRO):
        original = original.split(ORIGINAL_SAYS, 1)[1] if ORIGINAL_SAYS in original else ""
    if not routine.changes:
        return original
    intro = VERSION_INTRO + "; ".join(routine.changes) + "."
    return intro + (ORIGINAL_SAYS + original if original else "")


def _merge_note(changes: tuple[str, ...], name: str, field: str, note: str) -> tuple[str, ...]:
    """One note per exercise and field: the first value, then the latest."""
    prefix = f"{name}: {field} "
    earlier = next((c for c in changes if c.startswith(prefix)), None)
    if earlier is None:
        return (*changes, note)
    first = earlier[len(prefix):].split(" -> ")[0]
    latest = note.split(" -> ")[-1]
    merged = f"{prefix}{first} -> {latest}"
    if first == latest:
        return tuple(c for c in changes if c != earlier)
    return tuple(merged if c == earlier else c for c in changes)


def with_lead_in(routine: Routine, lead_in: float | None) -> Routine:
    """The routine with the person's own get-ready time, when they have set one: it applies
    to every routine, whatever the routine's file says (None: as each routine says)."""
    if lead_in is None or lead_in == routine.lead_in:
        return routine
    return replace(routine, lead_in=lead_in)
