"""One session of history: each exercise and side, pain and note; delete after asking."""

from __future__ import annotations

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Static

from kneetimer.care.pain import ZONE_WORDS, zone
from kneetimer.dates import Precision, format_moment
from kneetimer.history.rows import ExerciseRow, SessionRow
from kneetimer.history.store import SessionUnderWay
from kneetimer.routines.durations import format_duration
from kneetimer.text import clean, clean_line, shorten
from kneetimer.tui.app import KneetimerApp
from kneetimer.tui.screens.dialogs import ConfirmScreen
from kneetimer.tui.widgets.keybar import KeyBar
from kneetimer.workout.records import EndedBy, Outcome


class SessionScreen(Screen[bool]):
    app = getters.app(KneetimerApp)

    """One session: each exercise and side. Dismisses with True if it was deleted."""

    BINDINGS = [
        Binding("d", "delete", "Delete"),
        Binding("escape", "back", "Back"),
        Binding("q", "back", "Back", show=False),
    ]

    def __init__(self, session: SessionRow):
        super().__init__()
        self.session_data = session

    def compose(self) -> ComposeResult:
        with Vertical(id="session-detail"):
            yield Static(self._heading(), id="session-heading")
            yield DataTable(id="session-exercises", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Exercise", "Side", "Status", "Done", "Work", "Pain", "Effort", "Load", "Started")
        for exercise in self.session_data.exercises:
            status = Text(str(exercise.status))
            if not exercise.counted:
                status = Text(f"{exercise.status}, redone", style="dim")
            table.add_row(
                Text(shorten(clean_line(exercise.name), 40)),
                Text(shorten(clean_line(exercise.side or "-"), 20)),
                status,
                Text(done_against_plan(exercise)),
                Text(format_duration(exercise.seconds), justify="right"),
                Text("-" if exercise.pain is None else f"{exercise.pain} {zone(exercise.pain)}", justify="right"),
                Text("-" if exercise.effort is None else str(exercise.effort), justify="right"),
                Text(shorten(clean_line(exercise.load), 16) or "-"),
                Text(format_moment(exercise.started_at, Precision.SECONDS)),
            )
        table.focus()

    def _heading(self) -> Text:
        session = self.session_data
        text = Text(shorten(clean_line(session.routine), 80), style="bold")
        text.append(f"\n{format_moment(session.started_at)}   {outcome_words(session)}   "
                    f"active {format_duration(session.active_s)}   paused {format_duration(session.paused_s)}")
        before, after = session.pain_before, session.pain_after
        if before is not None or after is not None:
            text.append(f"\nKnee pain: before {'-' if before is None else before}, "
                        f"after {'-' if after is None else f'{after} ({ZONE_WORDS[zone(after)]})'}")
        if session.next_day is not None:
            text.append(f"\nThe next morning: {session.next_day} than before")
        if session.note:
            text.append("\nNote: ", style="bold")
            text.append(shorten(clean(session.note), 500))
        if session.flag is not None:
            text.append("\n⚑ " + session.flag.advice(), style="bold")
        return text

    def action_delete(self) -> None:
        ask_to_delete(self.app, self.session_data, lambda: self.dismiss(True))

    def action_back(self) -> None:
        self.dismiss(False)


def ask_to_delete(app, session: SessionRow | None, after) -> None:
    if session is None:
        return

    def answered(yes: bool | None) -> None:
        store = app.history()
        if yes and store is not None:
            try:
                store.delete_session(session.id)
            except SessionUnderWay as error:
                app.notify(f"Not deleted: {error}.", severity="warning", timeout=8, markup=False)
                return
            app.notify("Session deleted.", markup=False)
            after()

    when = format_moment(session.started_at)
    app.push_screen(
        ConfirmScreen(f"Delete the session of {when}?",
                      f"{shorten(clean_line(session.routine), 60)}: this cannot be undone."), answered
    )


def pain_words(before: int | None, after: int | None) -> str:
    """ "4→2" """
    if before is None and after is None:
        return "-"
    return f"{'-' if before is None else before}→{'-' if after is None else after}"


def outcome_words(session: SessionRow) -> str:
    if session.status is Outcome.COMPLETED:
        return "complete"
    if session.status is Outcome.IN_PROGRESS:
        return "in progress"
    return "ended early" if session.ended_by is EndedBy.YOU else "interrupted"


def done_against_plan(exercise: ExerciseRow) -> str:
    """What was done against what was prescribed: "8/10 reps", "0:30 of 1:00"."""
    if exercise.planned_reps:
        return f"{exercise.reps_done}/{exercise.planned_reps} reps"
    if exercise.planned_seconds:
        return f"{format_duration(exercise.seconds)} of {format_duration(exercise.planned_seconds)}"
    return f"{exercise.reps_done} reps" if exercise.reps_done else "-"
