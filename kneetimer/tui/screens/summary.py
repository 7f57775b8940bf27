"""After a workout: what was done, then knee pain (one key), an optional note, and pain
for any exercise that hurt (one key on its row). A calm flag when pain calls for care.

Its title says what happened ("Finished: 4 of 6 done, 2 skipped"); an exercise redone
with `p` counts once, by its better record.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static
from textual.worker import WorkType

from kneetimer.care.pain import ZONE_WORDS, Zone, flag_for, zone
from kneetimer.routines.durations import format_duration
from kneetimer.routines.loader import as_written
from kneetimer.routines.model import Routine
from kneetimer.text import shorten
from kneetimer.tui.app import KneetimerApp
from kneetimer.tui.widgets.keybar import KeyBar
from kneetimer.tui.widgets.pain_question import PAIN_KEYS, PainQuestion
from kneetimer.workout.engine import Session
from kneetimer.workout.records import ExerciseRecord, Outcome, Status, Tally, best_records, tally
from kneetimer.workout.words import done_words

if TYPE_CHECKING:
    from concurrent.futures import Future

    from kneetimer.history.progression import HeldBack, Suggestion

NARROW = 70  # columns: below this the summary keeps what matters most
WIDE_COLUMNS = (("name", "Exercise"), ("side", "Side"), ("status", "Status"), ("done", "Done"), ("work", "Work"),
                ("pain", "Pain"), ("effort", "Effort"))
NARROW_COLUMNS = (("name", "Exercise"), ("side", "Side"), ("pain", "Pain"), ("status", "Status"))
STATUS_STYLE = {Status.DONE: "green", Status.PARTIAL: "yellow", Status.SKIPPED: "dim"}


def summary_title(outcome: Outcome | None, counts: Tally, name: str) -> Text:
    """What happened, in words: complete, finished with gaps, or ended early."""
    name = shorten(name, 60)
    gaps = [f"{n} {words}" for n, words in ((counts.partial, "partly done"), (counts.skipped, "skipped"),
                                            (counts.not_reached, "not reached")) if n]
    done = f"{counts.done} of {counts.exercises} done"
    if outcome is Outcome.SKIPPED:
        return Text(f"Nothing done: {counts.skipped} of {counts.exercises} skipped · {name} (saved as skipped)",
                    style="bold yellow")
    if outcome is Outcome.COMPLETED and not gaps:
        return Text(f"Workout complete: {name}", style="bold green")
    if outcome is Outcome.COMPLETED:
        return Text(f"Finished: {', '.join([done, *gaps])} · {name}", style="bold yellow")
    return Text(f"Ended early: {', '.join([done, *gaps])} · {name} (saved as interrupted)", style="bold yellow")


ZONE_STYLE = {Zone.GREEN: "green", Zone.AMBER: "bold yellow", Zone.RED: "bold red"}


def pain_cell(pain: int) -> Text:
    """ "8 red": the number and its zone in words (readable with NO_COLOR), coloured."""
    return Text(f"{pain} {zone(pain)}", justify="right", style=ZONE_STYLE[zone(pain)])


def later(step: Callable[..., Awaitable[None]], *args: Any) -> WorkType[None]:
    """Work for a worker that makes its coroutine only when it runs: a screen that closes
    at once leaves no coroutine unawaited."""
    async def run() -> None:
        await step(*args)
    return run


class Stage(Enum):
    """Where the summary is: the pain question, then the note, then done (Enter leaves)."""

    PAIN = "pain"
    NOTE = "note"
    DONE = "done"


class SummaryScreen(Screen[None]):
    app = getters.app(KneetimerApp)

    BINDINGS = [
        Binding("0", "mark_pain(0)", "Pain of the row", key_display="0-9/T",
                tooltip="knee pain (T for 10) of the highlighted exercise and side"),
        *(Binding(key, f"mark_pain({PAIN_KEYS[key]})", show=False) for key in "123456789t"),
        Binding("0", "mark_effort(0)", "Effort of the row", key_display="0-9/T",
                tooltip="after e: how hard the highlighted exercise was, 0 easy to 10 the most you could"),
        *(Binding(key, f"mark_effort({PAIN_KEYS[key]})", show=False) for key in "123456789t"),
        Binding("e", "switch_marking", "Effort", tooltip="switch the digits between marking pain and effort"),
        Binding("l", "load", "Load", tooltip="what the highlighted exercise is done with next time (e.g. a band)"),
        Binding("g", "progress", "Save the progression", tooltip="save the suggested next step as your version"),
        Binding("a", "adjust", "Adjust", tooltip="adjust this routine, saved as your own version"),
        Binding("enter", "done", "Done", priority=True,  # whatever has focus (the table too)
                tooltip="done: back to the routines (or quit, after `kneetimer run`)"),
        Binding("q", "done", "Done", show=False),
    ]

    stage: reactive[Stage] = reactive(Stage.PAIN, bindings=True)
    marking: reactive[str] = reactive("pain", bindings=True)  # what the digits on a row mark: pain or effort

    def __init__(self, routine: Routine, session: Session, exit_when_done: bool = False,
                 pain_before: int | None = None, earlier: Sequence[ExerciseRecord] = (),
                 eased: Mapping[tuple[str, str | None], int] | None = None):
        """`earlier`: the records of a resumed session's earlier part, shown with the rest."""
        super().__init__()
        self.pain_before = pain_before
        self.suggestion: Suggestion | None = None
        self.routine = routine
        self.session = session
        self.active_s, self.paused_s = session.active_seconds(), session.paused_seconds()
        self.exit_when_done = exit_when_done
        self.pain_after: int | None = None
        self.eased = dict(eased or {})  # red last time: asked how it went
        self.all_records: list[ExerciseRecord] = [*earlier, *session.records]
        self.records: list[ExerciseRecord] = best_records(self.all_records)
        self.exercise_pain: dict[tuple[int, str | None], int] = {}

    def compose(self) -> ComposeResult:
        counts = tally(self.all_records, len(self.routine.exercises))
        with Vertical(id="summary"):
            yield Static(summary_title(self.session.status, counts, self.routine.name), id="summary-title")
            yield DataTable(id="records", cursor_type="none", zebra_stripes=True)
            yield Static(self._totals_line(), id="totals")
            yield Static(id="saved")
            yield PainQuestion("How does the knee feel now?", before=self.pain_before,
                               settle=self.app.question_settle, clock=self.app.clock, id="pain-question")
            yield Static(id="pain-prompt")
            yield Input(placeholder="A note about this session (optional). Enter saves, Esc skips.",
                        id="note", max_length=500)
            yield Static(self._eased_line(), id="eased")
            yield Static(id="flag")
            yield Static(id="progression")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        narrow = self.app.size.width < NARROW
        columns = NARROW_COLUMNS if narrow else WIDE_COLUMNS  # the least important give way first
        for key, label in columns:
            table.add_column(label, key=key)
        for row, record in enumerate(self.records):
            exercise = self.routine.exercises[record.exercise_index]
            cells = {
                "name": Text(shorten(record.name, 18 if narrow else 40)),
                "side": Text(shorten(record.side or "-", 8 if narrow else 20)),
                "status": Text(str(record.status), style=STATUS_STYLE[record.status]),
                "done": Text(done_words(record, exercise)),
                "work": Text(format_duration(record.seconds), justify="right"),
                "pain": Text("-", justify="right"),
                "effort": Text("-", justify="right"),
            }
            table.add_row(*(cells[key] for key, _ in columns), key=str(row))
        self.query_one("#note", Input).display = False
        self.query_one("#eased").display = bool(self.eased)
        self._show_saved()
        if self.app.settings.pain_prompt:
            self.query_one("#pain-prompt").display = False
            self.query_one(PainQuestion).focus()
        else:
            self._set_pain_line(Text(""))
            self._ask_note()

    def _eased_line(self) -> Text:
        if not self.eased:
            return Text("")
        names = ", ".join(f"{name} ({side})" if side else name for name, side in self.eased)
        return Text(f"Last time {names} hurt (red). How did it go today? Mark its pain on its row (0-9/T).",
                    style="bold")

    def _totals_line(self) -> Text:
        """Work (holds and reps), and the session's time: running (get-readies and rests
        included) plus paused makes the total."""
        work = sum(record.seconds for record in self.records)
        return Text(f"Work {format_duration(work)}   ·   Paused {format_duration(self.paused_s)}   ·   "
                    f"Total {format_duration(self.active_s + self.paused_s)}")

    def _show_saved(self) -> None:
        """Say where the session is once the writes so far are done (not before: the
        history file may have gone, and "saved" must be true)."""
        done = self.app.ask_history(lambda _store, _session_id: None)
        if done is None:
            self._say_saved("history is not available", None)
            return
        # the coroutine is made only when the worker runs: a screen closing at once leaves none unawaited
        self.run_worker(later(self._saved_when_done, done), exclusive=True, group="saved")

    async def _saved_when_done(self, done: Future[None]) -> None:
        import asyncio

        try:
            await asyncio.wait_for(asyncio.wrap_future(done), timeout=5)
        except Exception:
            problem, _ = self.app.saving_state()
            self._say_saved(problem or "the history file did not answer in 5 seconds", None)
            return
        self._say_saved(*self.app.saving_state())

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

    def on_pain_question_answered(self, message: PainQuestion.Answered) -> None:
        message.stop()
        self.query_one(PainQuestion).display = False
        self.query_one("#pain-prompt").display = True
        self.pain_after = message.pain
        before = f" (before: {self.pain_before} / 10)" if self.pain_before is not None else ""
        if message.pain is None:
            self._set_pain_line(Text("Knee pain: skipped", style="dim"))
        else:
            self.app.save_feedback(pain_after=message.pain)
            after = zone(message.pain)
            self._set_pain_line(Text(f"Knee pain after: {message.pain} / 10, {ZONE_WORDS[after]}{before}",
                                     style=f"bold {ZONE_STYLE[after]}"))
        self._ask_note()

    def action_mark_pain(self, pain: int) -> None:
        """Pain for the highlighted exercise and side, saved with its record, with its zone."""
        table = self.query_one(DataTable)
        row = table.cursor_row
        record = self.records[row]
        self.exercise_pain[(record.exercise_index, record.side)] = pain
        table.update_cell(str(row), "pain", pain_cell(pain))
        self.app.save_exercise_pain(record.exercise_index, record.side, pain)
        self._show_flag()

    def action_mark_effort(self, effort: int) -> None:
        """Effort (how hard, 0-10) for the highlighted exercise and side."""
        table = self.query_one(DataTable)
        row = table.cursor_row
        record = self.records[row]
        if "effort" in {str(column.key.value) for column in table.columns.values()}:
            table.update_cell(str(row), "effort", Text(str(effort), justify="right", style="bold"))
        self.app.save_exercise_effort(record.exercise_index, record.side, effort)
        self.notify(f"Effort {effort}/10: {shorten(record.name, 40)}", timeout=3, markup=False)

    def action_switch_marking(self) -> None:
        self.marking = "pain" if self.marking == "effort" else "effort"

    def action_load(self) -> None:
        """What the highlighted exercise is done with, saved as your version for next time."""
        from kneetimer.tui.screens.dialogs import TextScreen

        record = self.records[self.query_one(DataTable).cursor_row]
        exercise = self.routine.exercises[record.exercise_index]

        def entered(load: str | None) -> None:
            if load is None or load == exercise.load:
                return
            from dataclasses import replace

            from kneetimer.routines.library import save_user_version

            changed = replace(as_written(self.routine), exercises=tuple(
                replace(each, load=load) if index == record.exercise_index else each
                for index, each in enumerate(as_written(self.routine).exercises)),
                changes=(*self.routine.changes, f"{exercise.name}: load {load or 'none'}"))
            try:
                path, _ = save_user_version(changed)
            except OSError as error:
                self.notify(f"Not saved: {error}", severity="error", markup=False)
                return
            self.notify(f"Next time {exercise.name} is done with {load or 'no load'} (saved in {path}).",
                        markup=False)

        self.app.push_screen(TextScreen(f"{exercise.name}: done with what, next time?",
                                        exercise.load, "e.g. green band, 1 kg; empty for none"), entered)

    def _ask_note(self) -> None:
        self.stage = Stage.NOTE
        note = self.query_one("#note", Input)
        note.display = True
        note.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.app.save_feedback(note=event.value.strip())
        self._note_done()

    def key_escape(self) -> None:
        if self.stage is Stage.NOTE:
            self._note_done()

    def _note_done(self) -> None:
        self.stage = Stage.DONE
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

    def _show_flag(self) -> None:
        marked = [(record.name, record.side, self.exercise_pain.get((record.exercise_index, record.side)))
                  for record in self.records]
        flag = flag_for(self.pain_after, marked)
        self.query_one("#flag", Static).update(Text(flag.advice(), style="bold") if flag else Text(""))

    def _set_pain_line(self, line: Text) -> None:
        self._pain_line = line
        self.query_one("#pain-prompt", Static).update(line)

    def _offer_progression(self) -> None:
        """Asked of the recorder's thread, after this session's last writes: a domain
        call that reads history and the routine file, off the event loop."""
        if self.session.status is not Outcome.COMPLETED or self.pain_after is None:
            return
        from kneetimer.history.progression import offer

        routine = self.routine
        answer = self.app.ask_history(lambda store, session_id: offer(store, as_written(routine), session_id))
        if answer is not None:
            self.run_worker(later(self._show_offer, answer), exclusive=True, group="progression")

    async def _show_offer(self, answer: Future[Suggestion | HeldBack | None]) -> None:
        import asyncio

        from kneetimer.history.progression import HeldBack

        try:
            offered = await asyncio.wait_for(asyncio.wrap_future(answer), timeout=5)
        except Exception:  # no history, or it is busy: simply no offer this time
            return
        if not self.is_attached:
            return
        if isinstance(offered, HeldBack):
            self.query_one("#progression", Static).update(Text(f"Not harder yet: {offered.reason}.", style="dim"))
            return
        self.suggestion = offered
        if self.suggestion is not None:
            text = Text("Ready for more: ", style="bold green")
            text.append("your last three sessions were complete, every exercise green (pain 0-2), "
                        "and the knee was not worse the morning after. Next step:\n")
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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "progress":
            return self.stage is Stage.DONE and self.suggestion is not None
        if action in ("mark_pain", "mark_effort"):
            wanted = "mark_pain" if self.marking == "pain" else "mark_effort"
            return self.stage is Stage.DONE and bool(self.records) and action == wanted
        if action in ("switch_marking", "load"):
            return self.stage is Stage.DONE and bool(self.records)
        if action == "adjust":
            return self.stage is Stage.DONE
        if action == "done":
            return self.stage is Stage.DONE  # never a pain question skipped by Enter
        return True

    def action_done(self) -> None:
        self.app.end_recording()
        if self.exit_when_done:
            self.app.exit()
        else:
            self.app.pop_screen()

    def on_unmount(self) -> None:
        self.app.end_recording()
