"""Charts for the review screen, drawn as text: the 12-week calendar and the side balance."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text

from kneetimer.history.stats import HEATMAP_WEEKS, WeekGoal
from kneetimer.routines.durations import format_duration
from kneetimer.text import clean_line, shorten

HEAT_STYLES = ["grey30", "green4", "green3", "bold green1"]


def heatmap(counts: dict[str, int], today: date, weeks: list[WeekGoal] = ()) -> Text:
    """The last 12 weeks as a grid: a column per week, a row per weekday, and under it
    each week against the weekly goal (✓ met, else the days done)."""
    this_monday = today - timedelta(days=today.weekday())
    first_monday = this_monday - timedelta(weeks=HEATMAP_WEEKS - 1)
    text = Text(f"Last {HEATMAP_WEEKS} weeks\n", style="bold")
    for weekday, label in enumerate(("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")):
        text.append(label + " ", style="dim")
        for week in range(HEATMAP_WEEKS):
            day = first_monday + timedelta(weeks=week, days=weekday)
            if day > today:
                text.append("  ")
                continue
            count = counts.get(day.isoformat(), 0)
            text.append("■ " if count else "· ", style=HEAT_STYLES[min(count, len(HEAT_STYLES) - 1)])
        text.append("\n")
    if weeks and weeks[0].goal:
        text.append("✓  ", style="dim")
        for week in weeks[-HEATMAP_WEEKS:]:
            text.append("✓ " if week.met else f"{min(week.days, 9)} ", style="bold green" if week.met else "dim")
        text.append(f"\n   goal: {weeks[0].goal} days a week", style="dim")
    return text


def side_balance(sides: dict[str, dict[str, float]]) -> Text:
    """Work per side for each exercise with sides, with the gap between the sides."""
    text = Text("Work per side, last 12 weeks\n", style="bold")
    if not sides:
        text.append("Nothing with sides yet.", style="dim")
        return text
    for name, by_side in list(sides.items())[:6]:
        text.append(shorten(clean_line(name), 24), style="bold")
        text.append("  " + "  ".join(f"{shorten(clean_line(side), 12)} {format_duration(seconds)}"
                                     for side, seconds in by_side.items()))
        values = list(by_side.values())
        if len(values) >= 2 and max(values) > 0:
            gap = (max(values) - min(values)) / max(values)
            if gap >= 0.1:
                text.append(f"  ({gap:.0%} gap)", style="yellow")
        text.append("\n")
    return text
