"""Looking back: sessions newest first, streak and weekly counts, a heatmap of the
last 12 weeks, the pain trend, and right-vs-left work per exercise."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Sparkline, Static

from kneetimer.routines.durations import format_duration
from kneetimer.history.stats import HEATMAP_WEEKS, Overview, overview
from kneetimer.text import clean, clean_line, shorten
from kneetimer.tui.screens.dialogs import ConfirmScreen
from kneetimer.tui.widgets.footer import AdaptiveFooter

PAGE = 60  # sessions added to the list at a time, so ten years open as fast as ten days
HEAT_STYLES = ["grey30", "green4", "green3", "bold green1"]


class HistoryScreen(Screen):
    BINDINGS = [
        Binding("enter", "open", "Open"),
        Binding("d", "delete", "Delete"),
        Binding("escape", "back", "Back"),
        Binding("q", "back", "Back", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="history"):
            yield Static(id="stats")
            with Horizontal(id="charts"):
                yield Static(id="heatmap")
                with Vertical(id="trend"):
                    yield Static(Text("Knee pain after, last 30 sessions", style="bold"), id="trend-title")
                    yield Sparkline([], id="pain")
                    yield Static(id="sides")
            yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield AdaptiveFooter()

    def on_mount(self) -> None:
        table = self.query_one("#sessions", DataTable)
        table.add_columns("Date", "Routine", "Time", "Done", "Skipped", "Pain after", "Status")
        self.reload()
        table.focus()

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
        self._show_overview(overview(store, today), today)
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
        for session in page:
            pain = session["pain_after"]
            table.add_row(
                Text(session["started_at"][:16].replace("T", " ")),
                Text(shorten(clean_line(session["routine"]), 40)),
                Text(format_duration(session["active_s"]), justify="right"),
                Text(f"{session['done']}/{session['total']}", justify="right"),
                Text(str(session["skipped"]), justify="right"),
                Text("-" if pain is None else str(pain), justify="right"),
                Text(session["status"], style="green" if session["status"] == "completed" else "yellow"),
                key=str(session["id"]),
            )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= event.data_table.row_count - 5:
            self._load_page()

    def _show_overview(self, summary: Overview, today: date) -> None:
        stats = Text()
        stats.append(f"Streak {summary.streak_days} day{'s' * (summary.streak_days != 1)}", style="bold")
        goal = self.app.settings.sessions_per_week
        week = f"this week {summary.this_week}" + (f" / {goal}" if goal else "")
        stats.append(f"   ·   {week}   ·   last 4 weeks {summary.last_four_weeks}")
        self.query_one("#stats", Static).update(stats)
        self.query_one("#heatmap", Static).update(heatmap(summary.heatmap, today))
        self.query_one("#pain", Sparkline).data = summary.pain_trend or [0]
        self.query_one("#sides", Static).update(side_balance(summary.sides))

    def _selected_id(self) -> int | None:
        table = self.query_one("#sessions", DataTable)
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return int(row_key.value)

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


class SessionScreen(Screen[bool]):
    """One session: each exercise and side. Dismisses with True if it was deleted."""

    BINDINGS = [
        Binding("d", "delete", "Delete"),
        Binding("escape", "back", "Back"),
        Binding("q", "back", "Back", show=False),
    ]

    def __init__(self, session: dict):
        super().__init__()
        self.session_data = session

    def compose(self) -> ComposeResult:
        with Vertical(id="session-detail"):
            yield Static(self._heading(), id="session-heading")
            yield DataTable(id="session-exercises", cursor_type="row", zebra_stripes=True)
        yield AdaptiveFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Exercise", "Side", "Status", "Sets", "Reps", "Work", "Started")
        for exercise in self.session_data["exercises"]:
            table.add_row(
                Text(shorten(clean_line(exercise["name"]), 40)),
                Text(shorten(clean_line(exercise["side"] or "-"), 20)),
                Text(exercise["status"]),
                Text(str(exercise["sets_done"]), justify="right"),
                Text(str(exercise["reps_done"]), justify="right"),
                Text(format_duration(exercise["seconds"]), justify="right"),
                Text(exercise["started_at"][11:19]),
            )
        table.focus()

    def _heading(self) -> Text:
        session = self.session_data
        text = Text(shorten(clean_line(session["routine"]), 80), style="bold")
        text.append(f"\n{session['started_at'][:16].replace('T', ' ')}   {session['status']}   "
                    f"active {format_duration(session['active_s'])}   paused {format_duration(session['paused_s'])}")
        before, after = session["pain_before"], session["pain_after"]
        if before is not None or after is not None:
            text.append(f"\nKnee pain: before {'-' if before is None else before}, "
                        f"after {'-' if after is None else after}")
        if session["note"]:
            text.append("\nNote: ", style="bold")
            text.append(shorten(clean(session["note"]), 500))
        return text

    def action_delete(self) -> None:
        ask_to_delete(self.app, self.session_data, lambda: self.dismiss(True))

    def action_back(self) -> None:
        self.dismiss(False)


def ask_to_delete(app, session: dict | None, after) -> None:
    if session is None:
        return

    def answered(yes: bool | None) -> None:
        store = app.history()
        if yes and store is not None:
            store.delete_session(session["id"])
            app.notify("Session deleted.", markup=False)
            after()

    when = session["started_at"][:16].replace("T", " ")
    app.push_screen(
        ConfirmScreen(f"Delete the session of {when}?",
                      f"{shorten(clean_line(session['routine']), 60)}: this cannot be undone."), answered
    )


def heatmap(counts: dict[str, int], today: date) -> Text:
    """The last 12 weeks as a grid: a column per week, a row per weekday."""
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
