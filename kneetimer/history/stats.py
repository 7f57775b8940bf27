"""What the review screen's header shows: streak, weekly counts, heatmap, pain trend, sides.

Days are the local calendar day a session started on (stored with the session),
so streaks are right across midnight, time zones and DST changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from kneetimer.history.store import HistoryStore
from kneetimer.workout.records import Status

HEATMAP_WEEKS = 12
PAIN_TREND_SESSIONS = 30

# A day counts towards a streak if some exercise was actually worked on.
_WORKED_DAYS = (
    "SELECT DISTINCT s.day FROM sessions s WHERE s.day <= ? AND EXISTS ("
    " SELECT 1 FROM exercises e WHERE e.session_id = s.id AND e.status != ?)"
    " ORDER BY s.day DESC"
)


@dataclass
class Overview:
    streak_days: int = 0
    this_week: int = 0
    last_four_weeks: int = 0
    heatmap: dict[str, int] = field(default_factory=dict)  # day -> sessions, last 12 weeks
    pain_trend: list[int] = field(default_factory=list)  # pain after, oldest first
    sides: dict[str, dict[str, float]] = field(default_factory=dict)  # exercise -> side -> seconds


def overview(store: HistoryStore, today: date) -> Overview:
    heatmap_start = today - timedelta(days=HEATMAP_WEEKS * 7 - 1)
    counts = store.session_days(heatmap_start.isoformat())
    week_start = today - timedelta(days=today.weekday())
    four_weeks_start = today - timedelta(days=27)
    return Overview(
        streak_days=streak(store, today),
        this_week=sum(n for day, n in counts.items() if day >= week_start.isoformat()),
        last_four_weeks=sum(n for day, n in counts.items() if day >= four_weeks_start.isoformat()),
        heatmap=counts,
        pain_trend=store.recent_pain_after(PAIN_TREND_SESSIONS),
        sides=store.work_by_side(heatmap_start.isoformat()),
    )


def sessions_this_week(store: HistoryStore, today: date) -> int:
    """Sessions since Monday."""
    monday = today - timedelta(days=today.weekday())
    return sum(store.session_days(monday.isoformat()).values())


def streak(store: HistoryStore, today: date) -> int:
    """Consecutive days with work, ending today (or yesterday, if today has none yet)."""
    expected = today
    count = 0
    for (day,) in store.connection.execute(_WORKED_DAYS, (today.isoformat(), Status.SKIPPED)):
        current = date.fromisoformat(day)
        if count == 0 and current == today - timedelta(days=1):
            expected = current
        if current != expected:
            break
        count += 1
        expected = current - timedelta(days=1)
    return count
