"""Charts for the review screen, drawn in text with scales, so they can be read up close:
the 12-week calendar, knee pain before and after each session, work per week against
the goal, and left against right.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from kneetimer.history.rows import PainPoint, SideWork
from kneetimer.history.stats import HEATMAP_WEEKS, WeekGoal
from kneetimer.routines.durations import format_duration
from kneetimer.text import clean_line, shorten

HEAT_STYLES = ["grey30", "green4", "green3", "bold green1"]
BEFORE, AFTER, FLAGGED = "#E69F00", "#56B4E9", "#D55E00"  # Okabe-Ito
BLOCKS = " ▁▂▃▄▅▆▇█"  # eighths of a row


def heatmap(counts: dict[str, int], today: date, weeks: Sequence[WeekGoal] = ()) -> Text:
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
        for goal_week in weeks[-HEATMAP_WEEKS:]:
            text.append("✓ " if goal_week.met else f"{min(goal_week.days, 9)} ",
                        style="bold green" if goal_week.met else "dim")
        text.append(f"\n   goal: {weeks[0].goal} days a week", style="dim")
    return text


def _bar(value: float, full: float, rows: int, row: int) -> str:
    """The character of a vertical bar of `value` (out of `full`) in `row` (0 is the top)."""
    eighths = round(max(0.0, min(1.0, value / full)) * rows * 8) if full else 0
    from_bottom = rows - 1 - row
    return BLOCKS[max(0, min(8, eighths - from_bottom * 8))]


class PainChart(Widget):
    """Knee pain 0-10 before (orange) and after (blue; red when flagged) each session, newest
    on the right, with a scale on the left and the latest values spelled out."""

    DEFAULT_CSS = """
    PainChart {
        height: 9;
        width: 1fr;
    }
    """
    points: reactive[tuple[PainPoint, ...]] = reactive(())

    def render_lines(self, crop):
        self._style = self.rich_style
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        style = getattr(self, "_style", None) or self.rich_style
        width, rows = self.size.width, max(2, self.size.height - 2)
        if y == 0:
            return _text_strip([("Knee pain, before and after", BOLD)], width, style)
        if y == rows + 1:
            return _text_strip(self._legend(), width, style)
        row = y - 1
        label = {0: "10", rows // 2: " 5", rows - 1: " 0"}.get(row, "  ")
        segments = [Segment(f"{label}┤", style + Style(dim=True))]
        shown = self.points[-max(1, (width - 3) // 3):]
        for point in shown:
            for value, colour in ((point.before, BEFORE), (point.after, FLAGGED if point.flagged else AFTER)):
                char = _bar(value, 10, rows, row) if value is not None else " "
                if value == 0 and row == rows - 1:
                    char = "▁"
                segments.append(Segment(char, style + Style(color=colour)))
            segments.append(Segment(" ", style))
        return Strip(segments).adjust_cell_length(width, style)

    def _legend(self) -> list[tuple[str, Style | None]]:
        parts = [("   ", None), ("█", Style(color=BEFORE)), (" before  ", None), ("█", Style(color=AFTER)),
                 (" after  ", None), ("█", Style(color=FLAGGED)), (" flagged", None)]
        if not self.points:
            return [*parts, ("   no pain recorded yet", Style(dim=True))]
        last = self.points[-1]
        before = "-" if last.before is None else last.before
        after = "-" if last.after is None else last.after
        return [*parts, (f"   latest {before} → {after}", BOLD)]


class WeekBars(Widget):
    """Minutes of work in each of the last 12 weeks, the minutes under each bar, and the
    weekly goal under those (✓ met, else the days done)."""

    DEFAULT_CSS = """
    WeekBars {
        height: 9;
        width: 1fr;
    }
    """
    weeks: reactive[tuple[WeekGoal, ...]] = reactive(())

    def render_line(self, y: int) -> Strip:
        style = self.rich_style
        width, height = self.size.width, self.size.height
        rows = max(1, height - 3)
        weeks = self.weeks[-max(1, (width - 1) // 4):]
        if y == 0:
            return _text_strip([("Work per week, minutes", BOLD)], width, style)
        most = max((week.work_seconds for week in weeks), default=0) or 1
        segments = []
        for week in weeks:
            if y <= rows:
                char = _bar(week.work_seconds, most, rows, y - 1)
                segments.append(Segment(" " + char * 2 + " ", style + Style(color=AFTER)))
            elif y == rows + 1:
                segments.append(Segment(f"{round(week.work_seconds / 60):>3} "[:4], style))
            elif week.goal:
                mark = " ✓  " if week.met else f" {min(week.days, 9)}  "
                segments.append(Segment(mark, style + Style(color="green" if week.met else None, dim=not week.met)))
        return Strip(segments).adjust_cell_length(width, style)


def _text_strip(parts: list[tuple[str, Style | None]], width: int, base: Style) -> Strip:
    """A line of (text, style) parts on the widget's own style, cut or padded to `width`."""
    segments = [Segment(text, base + style if style else base) for text, style in parts]
    return Strip(segments).crop(0, width).adjust_cell_length(width, base)


BOLD = Style(bold=True)


def side_balance(sides: dict[str, SideWork]) -> Text:
    """Work per side for each exercise with sides, over the sessions where both were done."""
    text = Text("Left and right, last 12 weeks\n", style="bold")
    if not sides:
        text.append("Nothing done on both sides yet.", style="dim")
        return text
    for name, work in list(sides.items())[:6]:
        text.append(shorten(clean_line(name), 24), style="bold")
        text.append("  " + "  ".join(f"{shorten(clean_line(side), 12)} {format_duration(seconds)}"
                                     for side, seconds in work.seconds.items()))
        if work.gap >= 0.1:
            weaker = min(work.seconds, key=lambda side: work.seconds[side])
            text.append(f"  ({work.gap:.0%} less on the {shorten(clean_line(weaker), 12)})", style="yellow")
        text.append(f"  · {work.sessions} session{'s' * (work.sessions != 1)}\n", style="dim")
    return text
