"""What a physiotherapist is handed: a period of history, summed up as typed rows.

The period is the last N weeks, this one included, from a Monday to today. For each exercise and side: what was
prescribed and what was done, and how much of it (completion); the pain before and
after each session; the sessions flagged; the notes. The words and layout belong to
the CLI (report_output.py); this only gathers, with queries limited to the period,
so ten years of history cost what the period costs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from kneetimer.history.rows import PainPoint, SessionRow
from kneetimer.history.stats import WeekGoal, weekly_goal
from kneetimer.history.store import HistoryStore
from kneetimer.workout.records import EndedBy, Outcome, Status


@dataclass(frozen=True)
class ExerciseLine:
    """One exercise and side over the period."""

    name: str
    side: str | None
    prescribed: str  # the latest prescription, in words
    sessions: int  # sessions it appears in
    done: int  # ... of which done in full
    sets_done: int
    reps_done: int
    seconds: float  # of work
    planned_reps: int
    planned_seconds: float
    most_pain: int | None  # the highest pain marked for it

    @property
    def completion(self) -> float | None:
        """Share of what was prescribed that was done (reps, or seconds for holds)."""
        if self.planned_reps:
            return min(1.0, self.reps_done / self.planned_reps)
        if self.planned_seconds:
            return min(1.0, self.seconds / self.planned_seconds)
        return None  # recorded before kneetimer kept the prescription


@dataclass(frozen=True)
class FlaggedSession:
    """A session whose knee pain called for care, and why."""

    when: datetime
    routine: str
    reasons: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class Note:
    """A note the person wrote after a session."""

    when: datetime
    routine: str
    text: str


@dataclass(frozen=True)
class Report:
    """Everything the physiotherapist's report shows for a period, worked out from history."""

    first_day: date
    last_day: date
    days_active: int  # days with at least one exercise done
    sessions: int
    completed: int
    ended_early: int  # ended on purpose (q, then y)
    interrupted: int  # cut off: the app or terminal closed, the process died
    routines: tuple[tuple[str, int], ...]  # name, sessions
    weeks: tuple[WeekGoal, ...]
    exercises: tuple[ExerciseLine, ...]
    pain: tuple[PainPoint, ...]
    flagged: tuple[FlaggedSession, ...]
    notes: tuple[Note, ...]


def build_report(store: HistoryStore, today: date, weeks: int, goal: int = 0) -> Report:
    first_day = today - timedelta(days=today.weekday(), weeks=weeks - 1)  # this week and the ones before
    sessions = store.sessions_between(first_day, today)
    routines: dict[str, int] = {}
    for session in sessions:
        routines[session.routine] = routines.get(session.routine, 0) + 1
    done_days = {s.started_at.date() for s in sessions if any(e.status is Status.DONE for e in s.counted)}
    return Report(
        first_day=first_day,
        last_day=today,
        days_active=len(done_days),
        sessions=len(sessions),
        completed=sum(1 for s in sessions if s.status is Outcome.COMPLETED),
        ended_early=sum(1 for s in sessions if s.status is Outcome.INTERRUPTED and s.ended_by is EndedBy.YOU),
        interrupted=sum(1 for s in sessions if s.status is not Outcome.COMPLETED and s.ended_by is not EndedBy.YOU),
        routines=tuple(sorted(routines.items(), key=lambda item: -item[1])),
        weeks=tuple(weekly_goal(store, today, goal, weeks)),
        exercises=_exercise_lines(sessions),
        pain=tuple(PainPoint(s.started_at, s.pain_before, s.pain_after, s.flag is not None) for s in sessions
                   if s.pain_before is not None or s.pain_after is not None),
        flagged=tuple(FlaggedSession(s.started_at, s.routine, s.flag.reasons, s.note) for s in sessions if s.flag),
        notes=tuple(Note(s.started_at, s.routine, s.note) for s in sessions if s.note.strip()),
    )


def _exercise_lines(sessions: Sequence[SessionRow]) -> tuple[ExerciseLine, ...]:
    lines: dict[tuple[str, str | None], dict[str, Any]] = {}
    for session in sessions:  # oldest first: the latest prescription wins
        for record in session.counted:
            line = lines.setdefault((record.name, record.side), {
                "sessions": 0, "done": 0, "sets_done": 0, "reps_done": 0, "seconds": 0.0,
                "planned_reps": 0, "planned_seconds": 0.0, "most_pain": None, "prescribed": ""})
            line["sessions"] += 1
            line["done"] += record.status is Status.DONE
            line["sets_done"] += record.sets_done
            line["reps_done"] += record.reps_done
            line["seconds"] += record.seconds
            line["planned_reps"] += record.planned_reps
            line["planned_seconds"] += record.planned_seconds
            line["prescribed"] = record.prescribed or line["prescribed"]
            if record.pain is not None:
                line["most_pain"] = max(record.pain, line["most_pain"] or 0)
    return tuple(ExerciseLine(name, side, **values) for (name, side), values in lines.items())
