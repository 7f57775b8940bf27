"""A Routine back into a routine file, so the user's adjusted versions are real routine
files: written with tomli-w, loading back through the loader to the same Routine."""

from __future__ import annotations

from typing import Any

from kneetimer.routines.model import DEFAULT_TEMPO, EACH_SIDES, Exercise, Hold, Routine, Step


def dump_routine(routine: Routine) -> str:
    import tomli_w

    header = [f"# {line}" for line in _header(routine)]
    return "\n".join(header) + ("\n\n" if header else "") + tomli_w.dumps(routine_document(routine))


def _header(routine: Routine) -> list[str]:
    lines = ["Written by kneetimer: edit it freely, then check it with `kneetimer validate`."]
    if routine.based_on:
        lines.append(f"Your version of '{routine.based_on}'.")
    return lines


def routine_document(routine: Routine) -> dict[str, Any]:
    document: dict[str, Any] = {"name": routine.name}
    if routine.description:
        document["description"] = routine.description
    if routine.source:
        document["source"] = routine.source
    if routine.based_on:
        document["based_on"] = routine.based_on
    if routine.changes:
        document["changes"] = list(routine.changes)
    document["lead_in"] = _seconds(routine.lead_in)
    document["rest_between"] = _seconds(routine.rest_between)
    document["exercise"] = [_exercise(exercise) for exercise in routine.exercises]
    return document


def _exercise(exercise: Exercise) -> dict[str, Any]:
    table: dict[str, Any] = {"name": exercise.name}
    for key in ("instructions", "harder", "easier", "load"):
        if getattr(exercise, key):
            table[key] = getattr(exercise, key)
    for key in ("cues", "equipment"):
        if getattr(exercise, key):
            table[key] = list(getattr(exercise, key))
    if exercise.sides:
        table["sides"] = "each" if exercise.sides == EACH_SIDES else list(exercise.sides)
    if exercise.sets != 1:
        table["sets"] = exercise.sets
    if exercise.reps is not None:
        table["reps"] = exercise.reps
    if exercise.hold is not None:
        table["hold"] = _hold(exercise.hold)
    if exercise.tempo != DEFAULT_TEMPO:
        table["tempo"] = _seconds(exercise.tempo)
    if not exercise.paced:
        table["paced"] = False
    if exercise.rest:
        table["rest"] = _seconds(exercise.rest)
    if exercise.figure:
        table["figure"] = exercise.figure
    if exercise.steps:
        table["step"] = [_step(step, exercise) for step in exercise.steps]
    return table


def _step(step: Step, exercise: Exercise) -> dict[str, Any]:
    """Only what differs from the exercise: the rest falls back to it when loaded."""
    table: dict[str, Any] = {"name": step.name}
    if step.reps != exercise.reps and step.reps is not None:
        table["reps"] = step.reps
    if step.hold != exercise.hold and step.hold is not None:
        table["hold"] = _hold(step.hold)
    if step.tempo != exercise.tempo:
        table["tempo"] = _seconds(step.tempo)
    if step.paced != exercise.paced:
        table["paced"] = step.paced
    if step.cues != exercise.cues:
        table["cues"] = list(step.cues)
    if step.instructions != exercise.instructions:
        table["instructions"] = step.instructions
    if step.figure != exercise.figure:
        table["figure"] = step.figure
    return table


def _hold(hold: Hold) -> float | list[float]:
    if hold.is_range:
        return [_seconds(hold.minimum), _seconds(hold.maximum)]
    return _seconds(hold.minimum)


def _seconds(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value
