"""After a workout: what was done, then knee pain (one key), an optional note, and pain
for any exercise that hurt (one key on its row). A calm flag when pain calls for care.

Its title says what happened ("Finished: 4 of 6 done, 2 skipped"); an exercise redone
with `p` counts once, by its better record.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from kneetimer.history.flags import flag_for
from kneetimer.history.recorder import Recorder
from kneetimer.routines.durations import format_duration
from kneetimer.routines.loader import as_written
from kneetimer.routines.model import Routine
from kneetimer.text import shorten
from kneetimer.tui.screens.dialogs import PAIN_HELP, PAIN_KEYS
from kneetimer.tui.widgets.keybar import KeyBar
from kneetimer.workout.engine import Session
from kneetimer.workout.records import ExerciseRecord, Outcome, Status, Tally, best_records, tally
from kneetimer.workout.words import done_words

STATUS_STYLE = {Status.DONE: "green", Status.PARTIAL: "yellow", Status.SKIPPED: "dim"}


def summary_title(outcome: Outcome | None, counts: Tally, name: str) -> Text:
    """What happened, in words: complete, finished with gaps, or ended early."""
    name = shorten(name, 60)
    gaps = [f"{n} {words}" for n, words in ((counts.partial, "partly done"), (counts.skipped, "skipped"),
                                            (counts.not_reached, "not reached")) if n]
    done = f"{counts.done} of {counts.exercises} done"
    if outcome is Outcome.COMPLETED and not gaps:
        return Text(f"Workout complete: {name}", style="bold green")
    if outcome is Outcome.COMPLETED:
        return Text(f"Finished: {', '.join([done, *gaps])} · {name}", style="bold yellow")
    return Text(f"Ended early: {', '.join([done, *gaps])} · {name} (saved as interrupted)", style="bold yellow")


class SummaryScreen(Screen):
    BINDINGS = [
        Binding("s", "skip_pain", "Skip", tooltip="skip the knee pain question"),
        Binding("0", "mark_pain(0)", "Pain of the row", key_display="0-9/T",
                tooltip="knee pain (T for 10) of the highlighted exercise and side"),
        *(Binding(key, f"mark_pain({PAIN_KEYS[key]})", show=False) for key in "123456789t"),
        Binding("g", "progress", "Save the progression", tooltip="save the suggested next step as your version"),
        Binding("a", "adjust", "Adjust", tooltip="adjust this routine, saved as your own version"),
        Binding("enter", "done", "Done", priority=True,  # whatever has focus (the table too)
                tooltip="done: back to the routines (or quit, after `kneetimer run`)"),
        Binding("q", "done", "Done", show=False),
    ]

    def __init__(self, routine: Routine, session: Session, recorder: Recorder | None,
                 totals: tuple[float, float], exit_when_done: bool = False, pain_before: int | None = None):
        super().__init__()
        self.pain_before = pain_before
        self.suggestion = None
        self.routine = routine
        self.session = session
        self.recorder = recorder
        self.active_s, self.paused_s = totals
        self.exit_when_done = exit_when_done
        self.stage = "pain"  # then "note", then "done"
        self.pain_after: int | None = None
        self.records: list[ExerciseRecord] = best_records(session.records)
        self.exercise_pain: dict[tuple[int, str | None], int] = {}

    def compose(self) -> ComposeResult:
        counts = tally(self.session.records, self.routine.exercises)
        with Vertical(id="summary"):
            yield Static(summary_title(self.session.status, counts, self.routine.name), id="summary-title")
            yield DataTable(id="records", cursor_type="none", zebra_stripes=True)
            yield Static(self._totals_line(), id="totals")
            yield Static(id="saved")
            yield Static(self._pain_prompt(), id="pain-prompt")
            yield Input(placeholder="A note about this session (optional). Enter saves, Esc skips.",
                        id="note", max_length=500)
            yield Static(id="flag")
            yield Static(id="progression")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Exercise", key="name")
        table.add_column("Side", key="side")
        table.add_column("Status", key="status")
        table.add_column("Done", key="done")
        table.add_column("Work", key="work")
        table.add_column("Pain", key="pain")
        for row, record in enumerate(self.records):
            exercise = self.routine.exercises[record.exercise_index]
            table.add_row(
                Text(shorten(record.name, 40)),
                Text(shorten(record.side or "-", 20)),
                Text(str(record.status), style=STATUS_STYLE[record.status]),
                Text(done_words(record, exercise)),
                Text(format_duration(record.seconds), justify="right"),
                Text("-", justify="right"),
                key=str(row),
            )
        self.query_one("#note", Input).display = False
        self._show_saved()
        if not self.app.settings.pain_prompt:
            self._set_pain_line(Text(""))
            self._ask_note()

    def _totals_line(self) -> Text:
        work = sum(record.seconds for record in self.records)
        return Text(f"Work {format_duration(work)}   ·   Paused {format_duration(self.paused_s)}   ·   "
                    f"Total {format_duration(self.active_s)}")

    def _pain_prompt(self) -> Text:
        text = Text("How does the knee feel now?  ", style="bold")
        text.append(PAIN_HELP)
        return text

    def _show_saved(self) -> None:
        """Say where the session is once the writes so far are done (not before: the
        history file may have gone, and "saved" must be true)."""
        if self.recorder is None:
            self._say_saved("history is not available", None)
            return
        recorder = self.recorder
        done = recorder.ask(lambda _store, _session_id: None)
        self.run_worker(self._saved_when_done(recorder, done), exclusive=True, group="saved")

    async def _saved_when_done(self, recorder, done) -> None:
        import asyncio

        try:
            await asyncio.wait_for(asyncio.wrap_future(done), timeout=5)
        except Exception:
            self._say_saved(recorder.problem or "the history file did not answer in 5 seconds", None)
            return
        self._say_saved(recorder.problem, recorder.notice)

    def _say_saved(self, problem: str | None, notice: str | None) -> None:
        found = self.query("#saved")
        if not self.is_attached or not found:  # the screen closed while the writes were waited for
            return
        saved = found.first(Static)
        if problem:
            saved.update(Text(f"⚠ Not saved: {problem}", style="bold red"))
        elif notice:
            saved.update(Text(f"⚠ {notice}", style="bold"))
        else:
            saved.update(Text("Saved to history.", style="dim"))

    # -- pain, note, done ------------------------------------------------------------

    def on_key(self, event) -> None:
        key = (event.character or "").lower()
        if key not in PAIN_KEYS:
            return
        if self.stage == "pain":
            event.stop()
            self.pain_after = PAIN_KEYS[key]
            if self.recorder is not None:
                self.recorder.feedback(pain_after=self.pain_after)
            self._set_pain_line(Text(f"Knee pain after: {self.pain_after} / 10", style="bold"))
            self._ask_note()

    def action_mark_pain(self, pain: int) -> None:
        """Pain for the highlighted exercise and side, saved with its record."""
        table = self.query_one(DataTable)
        row = table.cursor_row
        record = self.records[row]
        self.exercise_pain[(record.exercise_index, record.side)] = pain
        table.update_cell(str(row), "pain", Text(str(pain), justify="right", style="bold"))
        if self.recorder is not None:
            self.recorder.mark_pain(record.exercise_index, record.side, pain)
        self._show_flag()

    def action_skip_pain(self) -> None:
        if self.stage == "pain":
            self._set_pain_line(Text("Knee pain: skipped", style="dim"))
            self._ask_note()

    def _ask_note(self) -> None:
        self.stage = "note"
        note = self.query_one("#note", Input)
        note.display = True
        note.focus()
        self.refresh_bindings()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip() and self.recorder is not None:
            self.recorder.feedback(note=event.value.strip())
        self._note_done()

    def key_escape(self) -> None:
        if self.stage == "note":
            self._note_done()

    def _note_done(self) -> None:
        self.stage = "done"
        note = self.query_one("#note", Input)
        note.disabled = True
        note.display = bool(note.value.strip())  # an empty box only takes room
        table = self.query_one(DataTable)
        if self.records:
            table.cursor_type = "row"
            table.focus()
        else:
            self.set_focus(None)
        where = "quit" if self.exit_when_done else "return to the routines"
        hint = "   ·   0-9 or T on a row: pain for that exercise" if self.records else ""
        self._set_pain_line(self._pain_line + Text(f"   ·   Press Enter to {where}.{hint}"))
        self._show_saved()
        self._show_flag()
        self._offer_progression()
        self.refresh_bindings()

    def _show_flag(self) -> None:
        marked = [(record.name, record.side, self.exercise_pain.get((record.exercise_index, record.side)))
                  for record in self.records]
        flag = flag_for(self.pain_before, self.pain_after, marked)
        self.query_one("#flag", Static).update(Text(flag.advice(), style="bold") if flag else Text(""))

    def _set_pain_line(self, line: Text) -> None:
        self._pain_line = line
        self.query_one("#pain-prompt", Static).update(line)

    def _offer_progression(self) -> None:
        """Asked of the recorder's thread, after this session's last writes: a domain
        call that reads history and the routine file, off the event loop."""
        if self.session.status is not Outcome.COMPLETED or self.pain_after is None or self.recorder is None:
            return
        from kneetimer.history.progression import offer

        routine = self.routine
        answer = self.recorder.ask(lambda store, session_id: offer(store, as_written(routine), session_id))
        self.run_worker(self._show_offer(answer), exclusive=True, group="progression")

    async def _show_offer(self, answer) -> None:
        import asyncio

        try:
            self.suggestion = await asyncio.wait_for(asyncio.wrap_future(answer), timeout=5)
        except Exception:  # no history, or it is busy: simply no offer this time
            return
        if self.suggestion is not None:
            text = Text("Ready for more: ", style="bold green")
            text.append("your last three sessions were complete with little or no knee pain. Next step:\n")
            for change in self.suggestion.changes:
                text.append(f"  • {shorten(change, 100)}\n")
            text.append("Press g to save this as your version of the routine.", style="bold")
            self.query_one("#progression", Static).update(text)
            self.refresh_bindings()

    def action_progress(self) -> None:
        from kneetimer.routines.library import save_user_version

        if self.suggestion is None:
            return
        try:
            path, _ = save_user_version(self.suggestion.routine)
        except OSError as error:
            self.notify(f"Not saved: {error}", severity="error", markup=False)
            return
        self.suggestion = None
        self.query_one("#progression", Static).update(Text(f"Saved your progressed version: {path}", style="green"))
        self.refresh_bindings()

    def action_adjust(self) -> None:
        from kneetimer.tui.screens.adjust import AdjustScreen

        self.app.push_screen(AdjustScreen(as_written(self.routine)))

    def on_screen_resume(self) -> None:
        """Back from Adjust (saved or not): the same keys as before, and Enter still ends."""
        self.refresh_bindings()

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "progress":
            return self.stage == "done" and self.suggestion is not None
        if action == "adjust":
            return self.stage == "done"
        if action == "skip_pain":
            return self.stage == "pain"
        if action == "mark_pain":
            return self.stage == "done" and bool(self.records)
        if action == "done":
            return self.stage != "note"
        return True

    def action_done(self) -> None:
        if self.stage == "pain":
            self.action_skip_pain()
            return
        self.recorder = None
        self.app.end_recording()
        if self.exit_when_done:
            self.app.exit()
        else:
            self.app.pop_screen()

    def on_unmount(self) -> None:
        if self.recorder is not None:
            self.app.end_recording()
