"""What the review screen's header shows: streak, the weekly goal, heatmap, pain trend, sides.

A day is the local calendar day a session started on (stored with the session), so
streaks are right across midnight, time zones and DST changes. A day counts toward
the streak and the weekly goal when at least one exercise was done on it: a session
whose exercises were all skipped counts toward neither, and three short sessions in
one morning are one day, not three.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from kneetimer.care.outcomes import checkin_due
from kneetimer.care.plan import Plan
from kneetimer.history.rows import PainPoint, SideWork
from kneetimer.history.store import HistoryStore
from kneetimer.workout.records import Status

HEATMAP_WEEKS = 12
GOAL_WEEKS = 12
PAIN_TREND_SESSIONS = 30

_DONE_DAYS = (
    "SELECT DISTINCT s.day FROM sessions s WHERE s.day >= ? AND s.day <= ? AND EXISTS ("
    " SELECT 1 FROM exercises e WHERE e.session_id = s.id AND e.status = ?) ORDER BY s.day DESC"
)


@dataclass(frozen=True)
class WeekGoal:
    """One week against the weekly goal: days with an exercise done, and whether the goal was met."""

    monday: date
    days: int  # days with an exercise done
    goal: int
    work_seconds: float = 0.0

    @property
    def met(self) -> bool:
        return self.goal > 0 and self.days >= self.goal


@dataclass
class Overview:
    """What the review screen shows at the top: streak, this week, recent weeks and pain."""

    streak_days: int = 0
    days_this_week: int = 0
    last_four_weeks: int = 0  # sessions
    weeks: list[WeekGoal] = field(default_factory=list)  # the last 12, oldest first
    heatmap: dict[str, int] = field(default_factory=dict)  # day -> sessions, last 12 weeks
    pain: list[PainPoint] = field(default_factory=list)  # before and after, oldest first
    sides: dict[str, SideWork] = field(default_factory=dict)  # exercise -> work per side


def overview(store: HistoryStore, today: date, goal: int = 0) -> Overview:
    heatmap_start = today - timedelta(days=HEATMAP_WEEKS * 7 - 1)
    counts = store.session_days(heatmap_start.isoformat())
    four_weeks_start = today - timedelta(days=27)
    weeks = weekly_goal(store, today, goal)
    return Overview(
        streak_days=streak(store, today),
        days_this_week=weeks[-1].days,
        last_four_weeks=sum(n for day, n in counts.items() if day >= four_weeks_start.isoformat()),
        weeks=weeks,
        heatmap=counts,
        pain=store.recent_pain(PAIN_TREND_SESSIONS),
        sides=store.side_balance(heatmap_start.isoformat()),
    )


def done_days(store: HistoryStore, first: date, last: date) -> list[date]:
    """Days from `first` to `last` with at least one exercise done, newest first."""
    rows = store.connection.execute(_DONE_DAYS, (first.isoformat(), last.isoformat(), Status.DONE))
    return [date.fromisoformat(day) for (day,) in rows]


def days_this_week(store: HistoryStore, today: date) -> int:
    """Days since Monday with an exercise done: what the weekly goal counts."""
    return len(done_days(store, today - timedelta(days=today.weekday()), today))


def weekly_goal(store: HistoryStore, today: date, goal: int, weeks: int = GOAL_WEEKS) -> list[WeekGoal]:
    """Days done in each of the last `weeks` weeks (Monday to Sunday), oldest first."""
    this_monday = today - timedelta(days=today.weekday())
    first_monday = this_monday - timedelta(weeks=weeks - 1)
    days = done_days(store, first_monday, today)
    work = store.work_per_day(first_monday.isoformat())

    def in_week(monday: date, day: date) -> bool:
        return monday <= day < monday + timedelta(days=7)

    return [
        WeekGoal(monday, sum(1 for day in days if in_week(monday, day)), goal,
                 sum(seconds for day, seconds in work.items() if in_week(monday, date.fromisoformat(day))))
        for monday in (first_monday + timedelta(weeks=n) for n in range(weeks))
    ]


def streak(store: HistoryStore, today: date) -> int:
    """Consecutive days with an exercise done, ending today (or yesterday, if today has none yet)."""
    expected = today
    count = 0
    for current in done_days(store, date.min, today):
        if count == 0 and current == today - timedelta(days=1):
            expected = current
        if current != expected:
            break
        count += 1
        expected = current - timedelta(days=1)
    return count


def checkin_is_due(store: HistoryStore | None, plan: Plan | None, today: date) -> bool:
    """Whether the outcome measures are due (care/outcomes.py): at a plan's start, then every 2 weeks."""
    if store is None or plan is None:
        return False
    found = store.checkins()
    return checkin_due(today, plan.start, found[-1].day if found else None)
