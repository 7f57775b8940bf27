"""The routine model: what a routine file means, as plain immutable data.

No I/O and no validation here: the loader builds these only from checked input,
so everything downstream (plan, engine, TUI) can trust them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_LEAD_IN = 5.0
DEFAULT_REST_BETWEEN = 10.0
DEFAULT_TEMPO = 3.0
EACH_SIDES = ("right", "left")


@dataclass(frozen=True)
class Hold:
    """How long a hold lasts: fixed (minimum == maximum) or a range.

    A ranged hold runs to its minimum, then on to its maximum; the user may end
    it with Enter at any time after the minimum.
    """

    minimum: float
    maximum: float

    @property
    def is_range(self) -> bool:
        return self.maximum > self.minimum

    @classmethod
    def fixed(cls, seconds: float) -> Hold:
        return cls(seconds, seconds)


@dataclass(frozen=True)
class Step:
    """One sub-movement of an exercise, with the exercise's values filled in."""

    name: str
    reps: int | None
    hold: Hold | None
    tempo: float
    paced: bool
    cues: tuple[str, ...] = ()
    instructions: str = ""
    figure: str = ""  # a move of the figure library, or "" for none


@dataclass(frozen=True)
class Exercise:
    """One exercise of a routine, as its file gives it (after defaults and fallbacks)."""

    name: str
    instructions: str = ""
    cues: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    harder: str = ""
    sides: tuple[str, ...] = ()  # () means the exercise has no sides
    sets: int = 1
    reps: int | None = None
    hold: Hold | None = None
    tempo: float = DEFAULT_TEMPO
    paced: bool = True
    rest: float = 0.0
    steps: tuple[Step, ...] = ()
    figure: str = ""
    easier: str = ""  # how to ease it when it hurts (fewer reps, a shorter hold...), in words
    load: str = ""  # what it is done with: "green band", "1 kg"; kept with each record

    def sequence(self) -> tuple[Step, ...]:
        """The steps done in each set: the explicit steps, or the exercise itself as one."""
        if self.steps:
            return self.steps
        return (
            Step(
                name="",
                reps=self.reps,
                hold=self.hold,
                tempo=self.tempo,
                paced=self.paced,
                cues=self.cues,
                instructions=self.instructions,
                figure=self.figure,
            ),
        )

    def side_labels(self) -> tuple[str | None, ...]:
        """Each side in order; (None,) for an exercise without sides."""
        return self.sides or (None,)


@dataclass(frozen=True)
class Routine:
    """A routine: its exercises in order, where it comes from, and its timing defaults."""

    id: str
    name: str
    exercises: tuple[Exercise, ...]
    description: str = ""
    source: str = ""
    lead_in: float = DEFAULT_LEAD_IN
    rest_between: float = DEFAULT_REST_BETWEEN
    based_on: str = ""  # the routine this one was adjusted from
    changes: tuple[str, ...] = ()  # what differs from it, in words
    path: Path | None = field(default=None, compare=False)
    lead_in_set: bool = field(default=True, compare=False)  # False: the file left it to the default

    @property
    def equipment(self) -> tuple[str, ...]:
        """Everything the routine needs, each item once, in order of first use."""
        seen: dict[str, None] = {}
        for exercise in self.exercises:
            for item in exercise.equipment:
                seen.setdefault(item, None)
        return tuple(seen)
