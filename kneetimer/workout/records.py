"""What a workout leaves behind: how each exercise and side ended, and how the session did.

The two vocabularies sit side by side because history stores both and every layer
above reads them: no string literals for "done" or "completed" anywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Status(StrEnum):
    """How one exercise on one side ended."""

    DONE = "done"
    PARTIAL = "partial"
    SKIPPED = "skipped"


class Outcome(StrEnum):
    """How a session ended (in progress: not ended yet, or killed before it could say)."""

    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    INTERRUPTED = "interrupted"


@dataclass(frozen=True)
class ExerciseRecord:
    """One exercise on one side, as it ended."""

    exercise_index: int
    name: str
    side: str | None
    status: Status
    sets_done: int
    reps_done: int
    seconds: float  # work only: pauses, lead-ins and rests excluded
    started_at: datetime
    ended_at: datetime
