"""What a workout leaves behind: how each exercise and side ended, and how the session did.

The two vocabularies sit side by side because history stores both and every layer
above reads them: no string literals for "done" or "completed" anywhere else.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol, TypeVar


class Status(StrEnum):
    """How one exercise on one side ended."""

    DONE = "done"
    PARTIAL = "partial"
    SKIPPED = "skipped"


class EndedBy(StrEnum):
    """What ended a session that was not completed."""

    YOU = "you"  # q, then y: ended early on purpose
    CLOSED = "closed"  # the app or its terminal closed, or a signal came
    LOST = "lost"  # the process died; found at the next start


class Outcome(StrEnum):
    """How a session ended (in progress: not ended yet, or killed before it could say)."""

    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"  # reached its end with at least one exercise done
    SKIPPED = "skipped"  # reached its end with nothing done: counted nowhere as done
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
    planned_sets: int = 0  # what the routine asked of this exercise and side
    planned_reps: int = 0
    planned_seconds: float = 0.0  # of work
    prescribed: str = ""  # the prescription in words ("10 reps · hold 5s")
    sides: int = 1  # how many sides the exercise has: done on all of them is done
    load: str = ""  # what it was done with, as the routine said ("green band")


@dataclass(frozen=True)
class SessionStarted:
    """The session began: its row in history can be written."""

    started_at: datetime


@dataclass(frozen=True)
class ExerciseEnded:
    """An exercise on one side ended, with the session's totals at that moment."""

    record: ExerciseRecord
    active_s: float  # the whole session's active seconds so far (a resumed session's included)
    paused_s: float


@dataclass(frozen=True)
class SessionEnded:
    """The session ended: completed, or interrupted by `ended_by`."""

    outcome: Outcome
    ended_at: datetime
    active_s: float
    paused_s: float
    ended_by: EndedBy | None  # None when completed


SessionEvent = SessionStarted | ExerciseEnded | SessionEnded
"""What the engine tells its listeners, in order: started, each exercise, ended."""


class _Recorded(Protocol):
    """A record of one exercise on one side: the engine's, or a history row."""

    @property
    def exercise_index(self) -> int: ...
    @property
    def side(self) -> str | None: ...
    @property
    def status(self) -> Status: ...
    @property
    def seconds(self) -> float: ...
    @property
    def sides(self) -> int: ...


R = TypeVar("R", bound=_Recorded)
_STATUS_RANK = {Status.DONE: 0, Status.PARTIAL: 1, Status.SKIPPED: 2}


def best_records(records: Iterable[R]) -> list[R]:
    """One record per exercise and side: a redone exercise counts once, by its better
    record (done over partial over skipped, then more work). In order of first appearance.
    History's queries rank with the same rule (store._best)."""
    best: dict[tuple[int, str | None], R] = {}
    for record in records:
        key = (record.exercise_index, record.side)
        if key not in best or _better(record, best[key]):
            best[key] = record
    return list(best.values())


def _better(record: _Recorded, than: _Recorded) -> bool:
    return (_STATUS_RANK[record.status], -record.seconds) < (_STATUS_RANK[than.status], -than.seconds)


@dataclass(frozen=True)
class Tally:
    """How a session went, counted by exercise (each side of it done counts as done)."""

    exercises: int  # in the routine
    done: int
    partial: int
    skipped: int

    @property
    def not_reached(self) -> int:
        return self.exercises - self.done - self.partial - self.skipped


def tally(records: Sequence[_Recorded], exercises: int | None = None) -> Tally:
    """The one definition of what was done, for the summary, the review, `history` and
    the report: each exercise counts once (a redone one by its better record), done when
    every side of it was done, skipped when every side recorded was skipped, partly done
    otherwise, not reached without records. `exercises`: how many the routine had (None:
    those recorded)."""
    by_exercise: dict[int, list[_Recorded]] = {}
    for record in best_records(records):
        by_exercise.setdefault(record.exercise_index, []).append(record)
    done = skipped = 0
    for rows in by_exercise.values():
        statuses = {row.status for row in rows}
        every_side = len(rows) >= max(max(row.sides for row in rows), 1)
        if every_side and statuses == {Status.DONE}:
            done += 1
        elif statuses == {Status.SKIPPED}:
            skipped += 1
    total = max(exercises or 0, len(by_exercise))
    return Tally(total, done, len(by_exercise) - done - skipped, skipped)
