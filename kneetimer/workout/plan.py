"""A routine flattened into the timed phases of a workout, in the contract's order.

For each exercise: a lead-in, then for each side (a side switch before every
side after the first) -> each set (rest between sets) -> each step -> each rep.
Exercises are separated by `rest_between`. The engine walks this list; the
estimate shown by `kneetimer list` is its sum, so both always agree. Words for
phases live in words.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from kneetimer.routines.model import Exercise, Hold, Routine, Step


class Kind(StrEnum):
    """The kinds of phase a workout is made of."""

    LEAD_IN = "lead-in"  # "get ready" before an exercise
    SWITCH = "switch"  # "get ready" before the next side
    REP = "rep"
    HOLD = "hold"  # a timed hold or interval without reps
    REST = "rest"  # between sets, or between exercises when `between`


class Part(StrEnum):
    """Which part of a rep a REP phase is."""

    HOLD = "hold"  # hold the position
    MOVE = "move"  # paced: the tempo, moving in and out
    COUNT = "count"  # unpaced: waits for Enter


@dataclass(frozen=True, slots=True)
class Phase:
    """One timed phase of a workout: what it is, where it sits (exercise, side, set, step, rep) and how long."""

    kind: Kind
    exercise_index: int
    exercise: Exercise
    side: str | None
    side_index: int
    set_no: int
    step_name: str
    step_no: int
    steps: int
    rep_no: int | None = None
    reps: int | None = None
    part: Part | None = None
    duration: float | None = None  # the maximum for ranged holds; None: ends on Enter
    minimum: float | None = None  # ranged holds: Enter may end it from here on
    cues: tuple[str, ...] = ()
    instructions: str = ""
    figure: str = ""  # the move the figure shows (the first step's, for a get-ready)
    between: bool = False  # a rest between two exercises
    completes_rep: bool = False
    after_hold: bool = False  # a rep's move or count that follows its hold: the release
    completes_set: bool = False
    ends_unit: bool = False  # the last work of this exercise on this side
    expected: float = 0.0  # planned seconds of a phase that waits for Enter

    @property
    def is_work(self) -> bool:
        return self.kind in (Kind.REP, Kind.HOLD)

    @property
    def getting_ready(self) -> bool:
        """A get-ready, a side switch or a rest: a wait before work (which Enter may cut short)."""
        return self.kind in (Kind.LEAD_IN, Kind.SWITCH, Kind.REST)

    @property
    def holds(self) -> bool:
        """A position held still: a timed hold, or a rep's hold."""
        return self.kind is Kind.HOLD or self.part is Part.HOLD

    @property
    def counts_down(self) -> bool:
        """A phase whose end deserves a 3-2-1: a timed hold, or any wait before work."""
        return self.kind is Kind.HOLD or self.getting_ready

    @property
    def target(self) -> float | None:
        """The first time that counts: a ranged hold's minimum, else the duration."""
        return self.minimum if self.minimum is not None else self.duration

    @property
    def sets(self) -> int:
        return self.exercise.sets

    @property
    def unit(self) -> tuple[int, int] | None:
        """The exercise and side this phase belongs to (None for a rest between exercises)."""
        return None if self.between else (self.exercise_index, self.side_index)

    @property
    def estimate(self) -> float:
        """Planned seconds: the duration, or the tempo for a rep that waits for Enter."""
        return self.duration if self.duration is not None else self.expected


@dataclass(frozen=True)
class Plan:
    """A routine flattened into its phases, with where each exercise starts."""

    routine: Routine
    phases: tuple[Phase, ...]
    exercise_starts: tuple[int, ...]  # index of each exercise's first phase

    @property
    def total_seconds(self) -> float:
        return sum(phase.estimate for phase in self.phases)

    def start_of(self, exercise_index: int, side_index: int = 0) -> int:
        """The first phase of an exercise on a side: its get-ready, or the side switch."""
        if side_index == 0 or exercise_index >= len(self.exercise_starts):
            return self.exercise_starts[min(exercise_index, len(self.exercise_starts) - 1)]
        for index in range(self.exercise_starts[exercise_index], len(self.phases)):
            phase = self.phases[index]
            if phase.exercise_index != exercise_index or phase.between:
                break
            if phase.side_index == side_index:
                return index
        return self.exercise_starts[exercise_index]

    def upcoming_work(self, index: int) -> Phase | None:
        """The first work phase after `index`: what a lead-in or rest is getting ready for."""
        for position in range(index + 1, len(self.phases)):  # no copy: runs every second in a rest
            if self.phases[position].is_work:
                return self.phases[position]
        return None


def build_plan(routine: Routine) -> Plan:
    phases: list[Phase] = []
    starts: list[int] = []
    for index, exercise in enumerate(routine.exercises):
        if index and routine.rest_between > 0:
            previous = routine.exercises[index - 1]
            phases.append(
                Phase(Kind.REST, index - 1, previous, None, 0, 1, "", 0, 0,
                      duration=routine.rest_between, between=True)
            )
        starts.append(len(phases))
        phases.extend(_exercise_phases(index, exercise, routine.lead_in))
    return Plan(routine, tuple(phases), tuple(starts))


def _exercise_phases(index: int, exercise: Exercise, lead_in: float) -> Iterator[Phase]:
    sequence = exercise.sequence()
    named_steps = len(exercise.steps)
    for side_index, side in enumerate(exercise.side_labels()):

        def phase(kind: Kind, set_no: int, step_no: int = 0, side: str | None = side, side_index: int = side_index,
                  **more: Any) -> Phase:
            step_name = sequence[step_no - 1].name if step_no else ""
            return Phase(kind, index, exercise, side, side_index, set_no, step_name, step_no, named_steps, **more)

        if lead_in > 0:
            kind = Kind.LEAD_IN if side_index == 0 else Kind.SWITCH
            yield phase(kind, 1, duration=lead_in, cues=exercise.cues, instructions=exercise.instructions,
                        figure=sequence[0].figure)
        for set_no in range(1, exercise.sets + 1):
            if set_no > 1 and exercise.rest > 0:
                yield phase(Kind.REST, set_no, duration=exercise.rest, figure=sequence[0].figure)
            last_set = set_no == exercise.sets
            for step_no, step in enumerate(sequence, start=1):
                last_step = step_no == len(sequence)
                for work in _step_phases(step):
                    ends_set = work.pop("last") and last_step
                    yield phase(
                        work.pop("kind"), set_no, step_no,
                        cues=step.cues, instructions=step.instructions, figure=step.figure,
                        completes_set=ends_set, ends_unit=ends_set and last_set, **work,
                    )


def _step_phases(step: Step) -> Iterator[dict[str, Any]]:
    """The work of one step in one set, as keyword arguments for Phase."""
    if not step.reps:
        yield dict(kind=Kind.HOLD, last=True, **_hold_times(step.hold))
        return
    for rep in range(1, step.reps + 1):
        last_rep = rep == step.reps
        if step.hold is not None:
            yield dict(kind=Kind.REP, rep_no=rep, reps=step.reps, part=Part.HOLD, last=False,
                       **_hold_times(step.hold))
        after_hold = step.hold is not None
        if step.paced:
            yield dict(kind=Kind.REP, rep_no=rep, reps=step.reps, part=Part.MOVE,
                       duration=step.tempo, completes_rep=True, last=last_rep, after_hold=after_hold)
        else:
            yield dict(kind=Kind.REP, rep_no=rep, reps=step.reps, part=Part.COUNT,
                       expected=step.tempo, completes_rep=True, last=last_rep, after_hold=after_hold)


def _hold_times(hold: Hold | None) -> dict[str, Any]:
    assert hold is not None
    return dict(duration=hold.maximum, minimum=hold.minimum if hold.is_range else None)
