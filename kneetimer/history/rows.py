"""History as typed rows: what the store returns to the screens, the CLI and the domain.

Moments are datetimes with the offset they were recorded in; statuses are the
workout's enums. The JSON and CSV shapes of these rows belong to the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from kneetimer.care.pain import Flag, flag_for
from kneetimer.workout.records import EndedBy, ExerciseRecord, Outcome


class NextDay(StrEnum):
    """The next-morning answer: the knee compared with before the session."""

    BETTER = "better"
    SAME = "same"
    WORSE = "worse"


NEXT_DAY_ANSWERS = tuple(answer.value for answer in NextDay)


@dataclass(frozen=True, slots=True)
class ExerciseRow(ExerciseRecord):
    """One exercise on one side within a session: the record as the workout left it,
    and what was added after."""

    pain: int | None = None  # marked for this exercise and side after the workout, 0-10
    effort: int | None = None  # how hard it was, 0-10, marked after the workout
    counted: bool = True  # False: redone later in the session, and the other record counts


@dataclass(frozen=True, slots=True)
class SessionRow:
    """One session as history keeps it, with its exercise rows."""

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
    ended_by: EndedBy | None = None  # what ended it, when it was not completed
    exercises_planned: int | None = None  # exercises in the routine as run (None: not recorded)
    next_day: NextDay | None = None  # how the knee was the next morning, compared with before

    @property
    def counted(self) -> tuple[ExerciseRow, ...]:
        """The records that count: one per exercise and side."""
        return tuple(exercise for exercise in self.exercises if exercise.counted)

    @property
    def flag(self) -> Flag | None:
        """Why this session's pain calls for care (flags.py), or None."""
        return flag_for(self.pain_after,
                        ((e.name, e.side, e.pain) for e in self.counted), self.next_day is NextDay.WORSE)


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """A session for the review list: its row (without exercises) and counts of them."""

    session: SessionRow
    total: int
    done: int
    skipped: int
    most_pain: int | None = None  # the highest pain marked on any of its exercises

    @property
    def flagged(self) -> bool:
        session = self.session
        return flag_for(session.pain_after, [("", None, self.most_pain)],
                        session.next_day is NextDay.WORSE) is not None


@dataclass(frozen=True)
class SideWork:
    """Seconds of work on each side of an exercise, over the sessions where every side was done."""

    seconds: dict[str, float]
    sessions: int

    @property
    def gap(self) -> float:
        """How much less the weaker side got, as a share of the stronger (0 when even)."""
        values = list(self.seconds.values())
        return (max(values) - min(values)) / max(values) if len(values) >= 2 and max(values) > 0 else 0.0


@dataclass(frozen=True)
class PainPoint:
    """Knee pain before and after one session."""

    when: datetime
    before: int | None
    after: int | None
    flagged: bool
