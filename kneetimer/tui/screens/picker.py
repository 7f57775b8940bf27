"""The first screen: choose a routine (or resume one, or look at history)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from kneetimer.care.plan import continued
from kneetimer.dates import Precision, format_moment
from kneetimer.history.resume import ResumeOffer, find_resumable
from kneetimer.history.stats import checkin_is_due, days_this_week, done_days
from kneetimer.history.store import HistoryStore
from kneetimer.routines.discovery import Entry, Origin, discover
from kneetimer.routines.durations import format_seconds
from kneetimer.text import shorten
from kneetimer.tui.app import KneetimerApp
from kneetimer.tui.widgets.keybar import KeyBar
from kneetimer.workout.plan import build_plan
from kneetimer.workout.words import counted, describe, minutes, side_words

CAUTION = ("Not medical advice. If knee pain persists, have it assessed by a physical therapist "
           "or sports-medicine professional.")


class PickerScreen(Screen[None]):
    app = getters.app(KneetimerApp)

    BINDINGS = [
        Binding("enter", "start", "Start", priority=True, tooltip="start the highlighted routine"),
        Binding("r", "resume", "Resume", tooltip="resume a session interrupted in the last 12 hours"),
        Binding("a", "adjust", "Adjust",
                tooltip="adjust sets, reps, hold and rest, saved as your own version"),
        Binding("h", "history", "History", tooltip="your sessions, streak, weekly goal and pain trend"),
        Binding("s", "settings", "Settings", tooltip="sounds, voice, get-ready time, weekly goal, theme"),
        Binding("k", "checkin", "Check-in", tooltip="outcome measures: pain over the last week and your activities "
                "(offered every 2 weeks of a plan)"),
        Binding("question_mark", "help", "Help", show=False, tooltip="this help"),
        Binding("q", "app.quit", "Quit", tooltip="quit kneetimer"),
    ]

    def __init__(self):
        super().__init__()
        self.entries: list[Entry] = []
        self.minutes: dict[str, int] = {}
        self.last_done: dict[str, datetime] = {}
        self.offer: ResumeOffer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Static(id="picker-title")
            yield Static(id="resume-banner")
            with Horizontal(id="picker-body"):
                yield OptionList(id="routines")
                with VerticalScroll(id="details-pane"):
                    yield Static(id="details")
            yield Static(Text(CAUTION, style="dim italic"), id="caution")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#routines", OptionList).focus()
        self.call_after_refresh(self.on_mount_offer_end_of_block)

    def on_screen_resume(self) -> None:
        """Shown first, and again after every workout, adjustment or settings change
        (a routine may have changed meanwhile): the one place routines are loaded."""
        self.load_routines()

    def load_routines(self) -> None:
        selected = self._selected()
        self.entries = discover()
        self.minutes = {
            entry.id: minutes(build_plan(entry.routine).total_seconds) for entry in self.entries if entry.routine
        }
        options = self.query_one("#routines", OptionList)
        options.clear_options()
        for entry in self.entries:
            options.add_option(Option(self._option_label(entry), id=entry.id, disabled=entry.routine is None))
        ids = [entry.id for entry in self.entries]
        if selected is not None and selected.id in ids:
            options.highlighted = ids.index(selected.id)
        else:
            options.highlighted = next((i for i, e in enumerate(self.entries) if e.routine), None)
        self.refresh_history()

    def refresh_history(self) -> None:
        """Last-done dates and the resume offer change after every workout."""
        store = self.app.history()
        self.last_done = store.last_done() if store else {}
        self.query_one("#picker-title", Static).update(self._title(store))
        routines = {entry.id: entry.routine for entry in self.entries if entry.routine}
        self.offer = find_resumable(store, routines, self.app.wall_clock()) if store else None
        banner = self.query_one("#resume-banner", Static)
        banner.display = self.offer is not None
        if self.offer:
            exercise = self.offer.routine.exercises[self.offer.exercise_index]
            text = Text("Unfinished: ", style="bold")
            text.append(shorten(self.offer.routine.name, 50))
            stopped = self.offer.session.ended_at or self.offer.session.started_at
            text.append(f" stopped at {format_moment(stopped, Precision.TIME)}. "
                        "Press r to resume from ")
            side = exercise.side_labels()[self.offer.side_index] if self.offer.side_index else None
            where = shorten(exercise.name, 40) + (f", {side_words(side)}" if side else "")
            text.append(f"exercise {self.offer.exercise_index + 1} ({where})", style="bold")
            text.append(".")
            banner.update(text)
        self._show_details()
        self.refresh_bindings()

    def _title(self, store: HistoryStore | None) -> Text:
        title = Text("kneetimer  ·  choose a routine", style="bold")
        today = self.app.today()
        done = days_this_week(store, today) if store is not None else 0
        plan = self.app.plan
        if plan is not None:
            done_today = store is not None and today in done_days(store, today, today)
            title.append(f"   {plan.summary_line(today, done, done_today)}")
            if checkin_is_due(store, plan, today):
                title.append("   ·   check-in due: k", style="bold")
            return title
        goal = self.app.weekly_goal()
        if goal and store is not None:
            title.append(f"   this week {done}/{goal} days", style="green" if done >= goal else "")
        return title

    def on_mount_offer_end_of_block(self) -> None:
        """At the end of a plan's block, once: check in again, the report, continue or stop."""
        plan = self.app.plan
        if plan is None or plan.end_offered or not plan.ended(self.app.today()):
            return
        from kneetimer.tui.screens.dialogs import EndOfBlockScreen

        self.app.plan = plan = replace(plan, end_offered=True)
        self.app.store_plan(plan)

        def chosen(choice: str | None) -> None:
            if choice == "continue" and self.app.plan is not None:
                self.app.plan = continued(self.app.plan, self.app.plan.weeks)
                self.app.store_plan(self.app.plan)
            elif choice == "checkin":
                self.action_checkin()
            elif choice == "report":
                self.notify("For your physiotherapist: `kneetimer report --output report.html` "
                            f"(the last {plan.weeks} weeks: `--weeks {plan.weeks}`).", timeout=15, markup=False)
            self.refresh_history()

        self.app.push_screen(EndOfBlockScreen(plan.weeks, plan.end), chosen)

    def action_checkin(self) -> None:
        from kneetimer.tui.screens.checkin import CheckinScreen

        self.app.push_screen(CheckinScreen(), lambda _saved: self.refresh_history())

    def _option_label(self, entry: Entry) -> Text:
        if entry.routine is None:
            label = Text(shorten(entry.id, 40), style="dim")
            label.append("  (broken: see details)", style="red")
            return label
        label = Text(shorten(entry.routine.name, 60))
        label.append(f"  {self.minutes[entry.id]} min", style="dim")
        if entry.origin is Origin.USER:
            label.append("  yours", style="cyan")
        return label

    def _selected(self) -> Entry | None:
        index = self.query_one("#routines", OptionList).highlighted
        return self.entries[index] if index is not None and index < len(self.entries) else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_details()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_start()

    def _show_details(self) -> None:
        entry = self._selected()
        details = self.query_one("#details", Static)
        if entry is None:
            details.update(Text("No routines found."))
            return
        if entry.routine is None:
            text = Text("This routine file has problems:\n\n", style="bold red")
            for problem in entry.result.problems[:20]:
                text.append(f"{problem}\n")
            text.append("\nFix it, then check it with `kneetimer validate`.")
            details.update(text)
            return
        routine = entry.routine
        text = Text(shorten(routine.name, 200) + "\n", style="bold")
        facts = f"about {self.minutes[entry.id]} min · {counted(len(routine.exercises), 'exercise')}"
        last = self.last_done.get(entry.id)
        facts += f" · last done {_when(last, self.app.today())}" if last else " · not done yet"
        text.append(facts + "\n", style="dim")
        if routine.equipment:
            text.append("Needs: ", style="bold")
            text.append(", ".join(routine.equipment) + "\n")
        if routine.description:
            text.append("\n" + routine.description + "\n")
        text.append("\n")
        for number, exercise in enumerate(routine.exercises, start=1):
            text.append(f"{number}. ", style="dim")
            text.append(shorten(exercise.name, 80), style="bold")
            text.append(f"  {describe(exercise)}\n")
        if routine.source:
            text.append("\nSource: ", style="bold")
            text.append(routine.source + "\n")
        text.append(f"\nGet ready {format_seconds(routine.lead_in)} · rest {format_seconds(routine.rest_between)} "
                    "between exercises", style="dim")
        details.update(text)

    # -- actions ---------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "resume":
            return self.offer is not None
        if action == "checkin":  # with a plan: at its start and every 2 weeks it is offered
            return self.app.plan is not None
        if action in ("start", "adjust"):
            entry = self._selected()
            return entry is not None and entry.routine is not None
        return True

    def action_start(self) -> None:
        entry = self._selected()
        if entry is None or entry.routine is None:
            return
        self.app.start_workout(entry.routine)

    def action_resume(self) -> None:
        if self.offer is None:
            return
        from kneetimer.tui.screens.workout import WorkoutScreen

        offer = self.offer
        store = self.app.history()
        if store is None or not store.take_over(offer.session.id):
            self.notify("That session has been resumed in another kneetimer window.", severity="warning",
                        markup=False)
            self.refresh_history()
            return
        self.app.push_screen(WorkoutScreen(self.app.prepare(offer.routine), resume=offer.session,
                                           start_exercise=offer.exercise_index, start_side=offer.side_index))

    def action_adjust(self) -> None:
        entry = self._selected()
        if entry is None or entry.routine is None:
            return
        from kneetimer.tui.screens.adjust import AdjustScreen

        self.app.push_screen(AdjustScreen(entry.routine))

    def action_settings(self) -> None:
        from kneetimer.tui.screens.settings import SettingsScreen

        self.app.push_screen(SettingsScreen())

    def action_history(self) -> None:
        from kneetimer.tui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen())

    def action_help(self) -> None:
        self.app.show_help()


def _when(started_at: datetime, today: date) -> str:
    days = (today - started_at.date()).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago ({format_moment(started_at, Precision.DAY)})"
