"""A programme with a length: the planned weekdays, the block, its week number.

Trials of hip strengthening for knee pain run 3 sessions a week for 6-8 weeks (Ferber et
al. 2015, J Athl Train 50:366; the ITBS trials), reviewed and continued to 12; so a plan
defaults to Monday, Wednesday and Friday for 6 weeks. Kept in the config folder as
plan.toml (the person's own setting, beside config.toml).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from datetime import date, time, timedelta
from pathlib import Path

import tomli_w

from kneetimer import paths
from kneetimer.files import write_atomically

DEFAULT_DAYS = (0, 2, 4)  # Monday, Wednesday, Friday: 3 a week (Ferber et al. 2015)
DEFAULT_WEEKS = 6  # a block of 6 weeks, then review (Ferber et al. 2015)
LONGEST_WEEKS = 52
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_WORDS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
PLAN_FILE = "plan.toml"


class PlanError(ValueError):
    """A plan that cannot be read or made; the message says why, in words for the user."""


@dataclass(frozen=True)
class Plan:
    """The routine, the planned weekdays (0 = Monday), the block's length and start, the
    reminder time; and whether the end-of-block offer has been made."""

    routine_id: str
    days: tuple[int, ...] = DEFAULT_DAYS
    weeks: int = DEFAULT_WEEKS
    start: date = date(2026, 1, 5)
    remind_at: time | None = None
    end_offered: bool = False

    @property
    def end(self) -> date:
        """The block's last day."""
        return self.start + timedelta(weeks=self.weeks, days=-1)

    def week_number(self, today: date) -> int:
        """1 in the first week of the block (weeks counted from its start)."""
        return (today - self.start).days // 7 + 1

    def ended(self, today: date) -> bool:
        return today > self.end

    def next_day(self, today: date, done_today: bool) -> date | None:
        """The next planned day from today (today itself if planned and not done yet)."""
        for ahead in range(0, 8):
            day = today + timedelta(days=ahead)
            if day.weekday() in self.days and day >= self.start and (ahead or not done_today):
                return day if day <= self.end else None
        return None

    def planned(self, day: date) -> bool:
        return self.start <= day <= self.end and day.weekday() in self.days

    def summary_line(self, today: date, done_this_week: int, done_today: bool) -> str:
        """ "week 3 of 6 · 1 of 3 days this week · next: Wed" """
        if today < self.start:
            return f"plan starts {self.start:%a %d %b}"
        if self.ended(today):
            return f"the {self.weeks}-week plan ended on {self.end:%a %d %b}"
        upcoming = self.next_day(today, done_today)
        nxt = "today" if upcoming == today else f"{upcoming:%a}" if upcoming else "-"
        return (f"week {self.week_number(today)} of {self.weeks} · {done_this_week} of {len(self.days)} days "
                f"this week · next: {nxt}")


def weekly_goal(plan: Plan | None, setting: int, today: date) -> int:
    """Days a week to aim for: the plan's planned days while it runs, else the setting."""
    if plan is not None and plan.start <= today <= plan.end:
        return len(plan.days)
    return setting


def parse_days(text: str) -> tuple[int, ...]:
    """ "mon,wed,fri" -> (0, 2, 4)"""
    days = []
    for part in text.lower().replace(" ", "").split(","):
        if part[:3] not in DAY_NAMES or not part:
            raise PlanError(f"unknown day {part!r}: use mon, tue, wed, thu, fri, sat, sun")
        days.append(DAY_NAMES.index(part[:3]))
    return tuple(sorted(set(days)))


def parse_time(text: str) -> time:
    try:
        hours, minutes = text.split(":")
        return time(int(hours), int(minutes))
    except (ValueError, TypeError):
        raise PlanError(f"the time {text!r} is not HH:MM (e.g. 07:30)") from None


def plan_path() -> Path:
    return paths.config_dir() / PLAN_FILE


def load_plan() -> Plan | None:
    """The plan, or None when there is none. A broken file raises PlanError."""
    path = plan_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as error:
        raise PlanError(f"cannot read the plan in {path}: {error}") from None
    try:
        return Plan(
            routine_id=str(data["routine"]),
            days=tuple(parse_days(",".join(data.get("days", [DAY_NAMES[d] for d in DEFAULT_DAYS])))),
            weeks=max(1, min(LONGEST_WEEKS, int(data.get("weeks", DEFAULT_WEEKS)))),
            start=date.fromisoformat(str(data["start"])),
            remind_at=parse_time(data["time"]) if data.get("time") else None,
            end_offered=bool(data.get("end_offered", False)),
        )
    except (KeyError, ValueError, TypeError) as error:
        raise PlanError(f"the plan in {path} is not valid ({error}); set it again with `kneetimer plan set`") from None


def save_plan(plan: Plan) -> Path:
    document: dict[str, object] = {
        "routine": plan.routine_id,
        "days": [DAY_NAMES[day] for day in plan.days],
        "weeks": plan.weeks,
        "start": plan.start.isoformat(),
    }
    if plan.remind_at is not None:
        document["time"] = f"{plan.remind_at:%H:%M}"
    if plan.end_offered:
        document["end_offered"] = True
    path = plan_path()
    write_atomically(path, "# kneetimer's plan: set with `kneetimer plan set`\n" + tomli_w.dumps(document))
    return path


def clear_plan() -> bool:
    try:
        plan_path().unlink()
    except FileNotFoundError:
        return False
    return True


def continued(plan: Plan, more_weeks: int) -> Plan:
    """The same plan, longer by `more_weeks`, with the end offer reset."""
    return replace(plan, weeks=min(LONGEST_WEEKS, plan.weeks + more_weeks), end_offered=False)
