"""Adjust a routine (sets, reps, hold, rest per exercise) and save it as your own."""

from __future__ import annotations

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Static

from kneetimer.routines.adjust import FIELDS, describe_value, nudge
from kneetimer.routines.library import save_user_version
from kneetimer.routines.model import Routine
from kneetimer.text import shorten
from kneetimer.tui.app import KneetimerApp
from kneetimer.tui.widgets.keybar import KeyBar

HELP = "Arrows pick a value · + and - change it · w saves this as your version · Esc leaves"


class AdjustScreen(Screen[Routine | None]):
    app = getters.app(KneetimerApp)

    """Dismisses with the saved routine, or None if nothing was saved."""

    BINDINGS = [
        Binding("plus,equals_sign", "change(1)", "More"),
        Binding("minus", "change(-1)", "Less"),
        Binding("w", "save", "Save as yours"),
        Binding("escape", "close", "Back"),
    ]

    def __init__(self, routine: Routine):
        super().__init__()
        self.original = routine
        self.routine = routine

    def compose(self) -> ComposeResult:
        with Vertical(id="adjust"):
            yield Static(Text(f"Adjust: {shorten(self.routine.name, 60)}", style="bold"), id="adjust-title")
            yield DataTable(id="adjust-table", cursor_type="cell", zebra_stripes=True)
            yield Static(id="adjust-changes")
            yield Static(Text(HELP, style="dim"), id="adjust-help")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Exercise", key="name")
        for field in FIELDS:
            table.add_column(field.capitalize(), key=field)
        for index, exercise in enumerate(self.routine.exercises):
            table.add_row(Text(shorten(exercise.name, 40)), *self._cells(index), key=str(index))
        table.move_cursor(row=0, column=1)
        table.focus()
        self._show_changes()

    def _cells(self, index: int) -> list[Text]:
        exercise = self.routine.exercises[index]
        return [Text(describe_value(exercise, field), justify="right") for field in FIELDS]

    def action_change(self, direction: int) -> None:
        tables = self.query(DataTable)
        if not tables:  # a key that came after the screen began to close
            return
        table = tables.first()
        row, column = table.cursor_coordinate
        if column == 0:
            column = 1
        field = FIELDS[column - 1]
        changed = nudge(self.routine, row, field, direction)
        if changed is self.routine:
            self.app.bell()
            return
        self.routine = changed
        for field_name, cell in zip(FIELDS, self._cells(row), strict=True):
            table.update_cell(str(row), field_name, cell)
        self._show_changes()

    def _show_changes(self) -> None:
        changes = self.routine.changes[len(self.original.changes):]
        text = Text("Changes: ", style="bold")
        text.append("; ".join(changes) if changes else "none yet")
        self.query_one("#adjust-changes", Static).update(text)

    @property
    def changed(self) -> bool:
        return self.routine != self.original

    def action_save(self) -> None:
        if not self.changed:
            self.notify("Nothing changed yet.", markup=False)
            return
        try:
            path, backup = save_user_version(self.routine)
        except OSError as error:
            self.notify(f"Not saved: {error}", severity="error", markup=False)
            return
        note = f" (your previous file is kept as {backup.name})" if backup else ""
        self.notify(f"Saved as your version: {path}{note}", markup=False, timeout=8)
        self.dismiss(self.routine)

    def action_close(self) -> None:
        if not self.changed:
            self.dismiss(None)
            return
        from kneetimer.tui.screens.dialogs import ConfirmScreen

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen("Leave without saving?", "Your changes to this routine will be lost."), answered)
