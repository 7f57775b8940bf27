"""History as typed rows: what the store returns to the screens, the CLI and the domain.

Moments are datetimes with the offset they were recorded in; statuses are the
workout's enums. The JSON and CSV shapes of these rows belong to the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kneetimer.workout.records import Outcome, Status


@dataclass(frozen=True, slots=True)
class ExerciseRow:
    """One exercise on one side within a session."""

    exercise_index: int
    name: str
    side: str | None
    status: Status
    sets_done: int
    reps_done: int
    seconds: float
    started_at: datetime
    ended_at: datetime
    pain: int | None = None  # marked for this exercise and side after the workout, 0-10
    counted: bool = True  # False: redone later in the session, and the other record counts


@dataclass(frozen=True, slots=True)
class SessionRow:
    id: int
    routine_id: str
    routine: str  # the routine's name when the session was done
    started_at: datetime
    ended_at: datetime | None
    status: Outcome
    active_s: float
    paused_s: float
    pain_before: int | None
    pain_after: int | None
    note: str
    exercises: tuple[ExerciseRow, ...] = ()
    routine_path: str | None = None  # the file it was run from, when not a known routine id

    @property
    def counted(self) -> tuple[ExerciseRow, ...]:
        """The records that count: one per exercise and side."""
        return tuple(exercise for exercise in self.exercises if exercise.counted)


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """A session for the review list: its row (without exercises) and counts of them."""

    session: SessionRow
    total: int
    done: int
    skipped: int
