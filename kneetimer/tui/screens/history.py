"""Looking back: the streak and the weekly goal, a calendar of the last 12 weeks, charts
with scales (pain before and after, work per week, left and right), and the sessions
newest first, flagged ones marked."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from kneetimer.care.pain import zone
from kneetimer.dates import Precision, format_moment
from kneetimer.history.stats import Overview, overview
from kneetimer.routines.durations import format_duration
from kneetimer.text import clean_line, shorten
from kneetimer.tui.app import KneetimerApp
from kneetimer.tui.screens.session import SessionScreen, ask_to_delete, outcome_words, pain_words
from kneetimer.tui.widgets.charts import PainChart, WeekBars, heatmap, side_balance
from kneetimer.tui.widgets.keybar import KeyBar
from kneetimer.workout.records import Outcome

PAGE = 60  # sessions added to the list at a time, so ten years open as fast as ten days


NARROW = 70  # columns: below this the review keeps when, done and pain first
WIDE_COLUMNS = (("when", "When"), ("routine", "Routine"), ("time", "Time"), ("done", "Done"), ("pain", "Pain"),
                ("flag", "⚑"), ("status", "Status"))
NARROW_COLUMNS = (("when", "When"), ("done", "Done"), ("pain", "Pain"), ("flag", "⚑"), ("routine", "Routine"))


class HistoryScreen(Screen[None]):
    app = getters.app(KneetimerApp)

    BINDINGS = [
        Binding("enter", "open", "Open", priority=True, tooltip="open the highlighted session"),
        Binding("c", "next_chart", "Next chart", tooltip="the next chart: pain, work per week, left and right"),
        Binding("d", "delete", "Delete", tooltip="delete the highlighted session, after asking"),
        Binding("escape", "back", "Back", tooltip="back to the routines"),
        Binding("q", "back", "Back", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="history"):
            yield Static(id="stats")
            with Horizontal(id="charts"):
                yield Static(id="heatmap")
                with TabbedContent(id="chart-tabs"):
                    with TabPane("Pain", id="pain-tab"):
                        yield PainChart(id="pain")
                    with TabPane("Weeks", id="weeks-tab"):
                        yield WeekBars(id="weeks")
                    with TabPane("Left and right", id="sides-tab"):
                        yield Static(id="sides")
            yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#sessions", DataTable)
        self._narrow = self.app.size.width < NARROW
        columns = NARROW_COLUMNS if self._narrow else WIDE_COLUMNS  # the least important give way first
        for key, label in columns:
            table.add_column(label, key=key)
        self.reload()
        table.focus()

    def on_screen_resume(self) -> None:
        """Back from a session, or from a workout: what another kneetimer wrote shows too."""
        self.reload()

    def reload(self) -> None:
        store = self.app.history()
        table = self.query_one("#sessions", DataTable)
        table.clear()
        self._all_loaded = False
        if store is None:
            self.query_one("#stats", Static).update(
                Text(f"History is not available: {self.app.history_problem}", style="bold red"))
            return
        today = self.app.today()
        self._show_overview(overview(store, today, self.app.weekly_goal()), today)
        self._load_page()
        if not table.row_count:
            self.query_one("#stats", Static).update(Text("No sessions yet: your workouts will show up here."))
        self.refresh_bindings()

    def _load_page(self) -> None:
        store = self.app.history()
        table = self.query_one("#sessions", DataTable)
        if store is None or self._all_loaded:
            return
        page = store.session_summaries(limit=PAGE, offset=table.row_count)
        self._all_loaded = len(page) < PAGE
        room = max(8, self.app.size.width - (36 if self._narrow else 60))  # every column fits
        columns = NARROW_COLUMNS if self._narrow else WIDE_COLUMNS
        for summary in page:
            session = summary.session
            cells = {
                "when": Text(format_moment(session.started_at, Precision.SHORT if self._narrow
                                           else Precision.MINUTE)),
                "routine": Text(shorten(clean_line(session.routine), room)),
                "time": Text(format_duration(session.active_s), justify="right"),
                "done": Text(f"{summary.done}/{summary.total}", justify="right"),
                "pain": pain_cell(session.pain_before, session.pain_after),
                "flag": Text("⚑", style="bold") if summary.flagged else Text(""),
                "status": Text(outcome_words(session),
                               style="green" if session.status is Outcome.COMPLETED else "yellow"),
            }
            table.add_row(*(cells[key] for key, _ in columns), key=str(session.id))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= event.data_table.row_count - 5:
            self._load_page()

    def _show_overview(self, summary: Overview, today: date) -> None:
        stats = Text()
        stats.append(f"Streak {summary.streak_days} day{'s' * (summary.streak_days != 1)}", style="bold")
        goal = self.app.weekly_goal()
        week = f"this week {summary.days_this_week}" + (f" / {goal}" if goal else "") + " days"
        stats.append(f"   ·   {week}   ·   last 4 weeks {summary.last_four_weeks} sessions")
        plan = self.app.plan
        if plan is not None:
            stats.append(f"\nPlan {plan.routine_id}: week {plan.week_number(today)} of {plan.weeks}, "
                         f"{plan.start:%d %b} to {plan.end:%d %b}" if plan.start <= today <= plan.end
                         else f"\nPlan {plan.routine_id}: {plan.start:%d %b} to {plan.end:%d %b}")
        self.query_one("#stats", Static).update(stats)
        self.query_one("#heatmap", Static).update(heatmap(summary.heatmap, today, summary.weeks))
        self.query_one(PainChart).points = tuple(summary.pain)
        self.query_one(WeekBars).weeks = tuple(summary.weeks)
        self.query_one("#sides", Static).update(side_balance(summary.sides))

    def action_next_chart(self) -> None:
        tabs = self.query_one(TabbedContent)
        order = ["pain-tab", "weeks-tab", "sides-tab"]
        tabs.active = order[(order.index(tabs.active) + 1) % len(order)] if tabs.active in order else order[0]

    def _selected_id(self) -> int | None:
        table = self.query_one("#sessions", DataTable)
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return None if row_key.value is None else int(row_key.value)

    def check_action(self, action: str, parameters) -> bool | None:
        if action in ("open", "delete"):
            return self._selected_id() is not None
        return True

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        session_id = self._selected_id()
        store = self.app.history()
        if session_id is None or store is None:
            return
        session = store.session(session_id)
        if session is not None:
            self.app.push_screen(SessionScreen(session), lambda deleted: self.reload() if deleted else None)

    def action_delete(self) -> None:
        session_id = self._selected_id()
        store = self.app.history()
        if session_id is None or store is None:
            return
        session = store.session(session_id)
        ask_to_delete(self.app, session, lambda: self.reload())

    def action_back(self) -> None:
        self.app.pop_screen()


def pain_cell(before: int | None, after: int | None) -> Text:
    """ "4→2 green": before and after, and the zone of after in words and colour."""
    if after is None:
        return Text(pain_words(before, after), justify="right")
    colour = {"green": "green", "amber": "yellow", "red": "bold red"}[str(zone(after))]
    return Text(f"{pain_words(before, after)} {zone(after)}", justify="right", style=colour)
