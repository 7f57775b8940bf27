"""What a physiotherapist is handed: a period of history, summed up as typed rows.

The period is the last N weeks, this one included, from a Monday to today; it starts at
the first session instead when that is later (and says so), and the week in progress is
"so far", never a missed week. At a glance: adherence (days done against the weekly
goal), pain after over the first two weeks against the last two (median), flags, the
largest left/right gap. Then each exercise, side and prescription (a changed
prescription is its own row, with its dates): what was prescribed, what was done and
how much of it (a ranged hold is complete at its minimum); the pain of each session; the
flags; the notes. Words and layout belong to the CLI (report_output.py); this only
gathers, with queries limited to the period, so ten years cost what the period costs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from statistics import median

from kneetimer.care.outcomes import Change, Checkin, changes
from kneetimer.care.pain import Zone, zone
from kneetimer.care.plan import DAY_WORDS, Plan
from kneetimer.history.rows import NextDay, PainPoint, SessionRow
from kneetimer.history.stats import WeekGoal, weekly_goal
from kneetimer.history.store import HistoryStore
from kneetimer.workout.records import EndedBy, Outcome, Status

COMPARE_DAYS = 14  # pain after: the first two weeks of the period against the last two


@dataclass
class ExerciseLine:
    """One exercise, side and prescription over the period."""

    routine: str
    name: str
    side: str | None
    prescribed: str  # the prescription in words
    first: date  # the first and last day it was done with this prescription
    last: date
    sessions: int = 0  # sessions it appears in
    done: int = 0  # ... of which done in full
    sets_done: int = 0
    reps_done: int = 0
    seconds: float = 0.0  # of work
    planned_reps: int = 0
    planned_seconds: float = 0.0
    most_pain: int | None = None  # the highest pain marked for it
    efforts: list[int] = field(default_factory=list)
    loads: list[str] = field(default_factory=list)

    @property
    def completion(self) -> float | None:
        """Share of what was prescribed that was done: reps, or seconds of holds (a ranged
        hold counted to its minimum, so holding it that long is 100%)."""
        if self.planned_reps:
            return min(1.0, self.reps_done / self.planned_reps)
        if self.planned_seconds:
            return min(1.0, self.seconds / self.planned_seconds)
        return None  # recorded before kneetimer kept the prescription

    @property
    def zone(self) -> Zone | None:
        return None if self.most_pain is None else zone(self.most_pain)

    @property
    def effort(self) -> int | None:
        """The median effort marked, 0-10."""
        return round(median(self.efforts)) if self.efforts else None

    @property
    def load(self) -> str:
        """The loads used, latest last ("green band, blue band")."""
        return ", ".join(dict.fromkeys(self.loads))


@dataclass(frozen=True)
class SideGap:
    """The largest difference between the sides of one exercise: which side did less, by how much."""

    exercise: str
    weaker: str
    share: float  # how much less, 0-1
    unit: str  # "reps" or "seconds"


@dataclass(frozen=True)
class FlaggedSession:
    """A session whose knee pain called for care, and why (each reason with its number)."""

    when: datetime
    routine: str
    reasons: tuple[str, ...]
    note: str
    level: Zone


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
    asked_from: date  # the period asked for starts here; `first_day` is later when sessions began later
    days_active: int  # days with at least one exercise done
    sessions: int
    completed: int
    skipped: int  # reached their end with nothing done
    ended_early: int  # ended on purpose (q, then y)
    interrupted: int  # cut off: the app or terminal closed, the process died
    routines: tuple[tuple[str, int], ...]  # name, sessions
    weeks: tuple[WeekGoal, ...]  # the last one is the week in progress when it includes today
    adherence: float | None  # days done against the goal, over the weeks begun (None: no goal)
    pain_first: float | None  # median pain after, in the first two weeks
    pain_last: float | None  # ... and in the last two
    side_gap: SideGap | None
    exercises: tuple[ExerciseLine, ...]
    pain: tuple[PainPoint, ...]
    flagged: tuple[FlaggedSession, ...]
    notes: tuple[Note, ...]
    next_days: tuple[tuple[datetime, NextDay], ...]  # the next-morning answers
    plan: str | None = None  # the programme's block, in words
    outcomes: tuple[Change, ...] = ()  # outcome measures, first check-in to the latest
    checkins: tuple[Checkin, ...] = ()

    @property
    def starts_later(self) -> bool:
        return self.first_day > self.asked_from

    @property
    def week_in_progress(self) -> bool:
        """The last week has not ended yet: "so far", not missed."""
        return bool(self.weeks) and self.weeks[-1].monday + timedelta(days=6) > self.last_day


def build_report(store: HistoryStore, today: date, weeks: int, goal: int = 0, plan: Plan | None = None) -> Report:
    asked_from = today - timedelta(days=today.weekday(), weeks=weeks - 1)  # this week and the ones before
    sessions = store.sessions_between(asked_from, today)
    checkins = store.checkins(plan.start if plan is not None else asked_from)
    first_session = min((s.started_at.date() for s in sessions), default=today)
    first_monday = max(asked_from, first_session - timedelta(days=first_session.weekday()))
    first_day = max(asked_from, first_session)
    week_count = (today - first_monday).days // 7 + 1
    goal_weeks = tuple(weekly_goal(store, today, goal, week_count))
    routines: dict[str, int] = {}
    for session in sessions:
        routines[session.routine] = routines.get(session.routine, 0) + 1
    done_days = {s.started_at.date() for s in sessions if any(e.status is Status.DONE for e in s.counted)}
    lines = _exercise_lines(sessions)
    return Report(
        first_day=first_day,
        last_day=today,
        asked_from=asked_from,
        days_active=len(done_days),
        sessions=len(sessions),
        completed=sum(1 for s in sessions if s.status is Outcome.COMPLETED),
        skipped=sum(1 for s in sessions if s.status is Outcome.SKIPPED),
        ended_early=sum(1 for s in sessions if s.status is Outcome.INTERRUPTED and s.ended_by is EndedBy.YOU),
        interrupted=sum(1 for s in sessions if s.status is Outcome.INTERRUPTED and s.ended_by is not EndedBy.YOU),
        routines=tuple(sorted(routines.items(), key=lambda item: -item[1])),
        weeks=goal_weeks,
        adherence=adherence(goal_weeks, today),
        pain_first=_median_after(sessions, first_day, first_day + timedelta(days=COMPARE_DAYS - 1)),
        pain_last=_median_after(sessions, today - timedelta(days=COMPARE_DAYS - 1), today)
        if (today - first_day).days + 1 >= 2 * COMPARE_DAYS else None,
        side_gap=largest_side_gap(lines),
        exercises=tuple(lines),
        pain=tuple(PainPoint(s.started_at, s.pain_before, s.pain_after, s.flag is not None) for s in sessions
                   if s.pain_before is not None or s.pain_after is not None),
        flagged=tuple(FlaggedSession(s.started_at, s.routine, s.flag.reasons, s.note, s.flag.level)
                      for s in sessions if s.flag),
        notes=tuple(Note(s.started_at, s.routine, s.note) for s in sessions if s.note.strip()),
        next_days=tuple((s.started_at, s.next_day) for s in sessions if s.next_day is not None),
        plan=None if plan is None else _plan_words(plan, today),
        outcomes=tuple(changes(checkins)),
        checkins=tuple(checkins),
    )


def _plan_words(plan: Plan, today: date) -> str:
    days = ", ".join(DAY_WORDS[day] for day in plan.days)
    where = f"week {plan.week_number(today)} of {plan.weeks}" if plan.start <= today <= plan.end else (
        "ended" if plan.ended(today) else "not begun")
    return f"{plan.routine_id}: {days} for {plan.weeks} weeks from {plan.start:%d %b %Y} ({where})"


def adherence(weeks: Sequence[WeekGoal], today: date) -> float | None:
    """Days done against the weekly goal (each week counted up to its goal), over the
    weeks that have ended, and the week in progress once its goal is met (so far it is
    never a missed week). None without a goal or a week to judge."""
    judged = [week for week in weeks
              if week.monday + timedelta(days=6) <= today or week.met]
    if not judged or not judged[0].goal:
        return None
    goal = judged[0].goal
    return sum(min(week.days, goal) for week in judged) / (goal * len(judged))


def largest_side_gap(lines: Sequence[ExerciseLine]) -> SideGap | None:
    """The exercise whose sides differ most in work done (reps where it has reps, else
    seconds), among exercises done on more than one side with the same prescription."""
    by_exercise: dict[tuple[str, str, str], list[ExerciseLine]] = {}
    for line in lines:
        if line.side is not None:
            by_exercise.setdefault((line.routine, line.name, line.prescribed), []).append(line)
    best: SideGap | None = None
    for (_, name, _), sides in by_exercise.items():
        if len(sides) < 2:
            continue
        unit = "reps" if any(side.reps_done for side in sides) else "seconds"
        amounts = {side.side or "": float(side.reps_done if unit == "reps" else side.seconds) for side in sides}
        most = max(amounts.values())
        if most <= 0:
            continue
        weaker = min(amounts, key=lambda side: amounts[side])
        share = 1 - amounts[weaker] / most
        if best is None or share > best.share:
            best = SideGap(name, weaker, share, unit)
    return best


def _median_after(sessions: Sequence[SessionRow], first: date, last: date) -> float | None:
    values = [s.pain_after for s in sessions if s.pain_after is not None and first <= s.started_at.date() <= last]
    return float(median(values)) if values else None


def _exercise_lines(sessions: Sequence[SessionRow]) -> list[ExerciseLine]:
    """A line per routine, exercise, side and prescription, in the order first done."""
    lines: dict[tuple[str, str, str | None, str], ExerciseLine] = {}
    for session in sessions:  # oldest first
        day = session.started_at.date()
        for record in session.counted:
            key = (session.routine, record.name, record.side, record.prescribed)
            line = lines.get(key)
            if line is None:
                line = lines[key] = ExerciseLine(session.routine, record.name, record.side, record.prescribed,
                                                 day, day)
            line.last = day
            line.sessions += 1
            line.done += record.status is Status.DONE
            line.sets_done += record.sets_done
            line.reps_done += record.reps_done
            line.seconds += record.seconds
            line.planned_reps += record.planned_reps
            line.planned_seconds += record.planned_seconds
            if record.pain is not None:
                line.most_pain = max(record.pain, line.most_pain or 0)
            if record.effort is not None:
                line.efforts.append(record.effort)
            if record.load:
                line.loads.append(record.load)
    return list(lines.values())
