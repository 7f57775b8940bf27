"""The workout screen: readable from across the room, driven by the engine.

The screen holds no timing logic. It wakes when the engine says the display
changes next (`next_change_at`), asks the engine what to show, rings or speaks
the cues, and forwards keys as commands. Records go to history through the
app's recorder, on its own thread, so a slow disk never delays the countdown.
"""

from __future__ import annotations

import math

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Digits, Static

from kneetimer.history.recorder import Recorder
from kneetimer.history.rows import SessionRow
from kneetimer.routines.durations import format_clock
from kneetimer.routines.model import Routine
from kneetimer.text import shorten
from kneetimer.tui.widgets.footer import AdaptiveFooter
from kneetimer.tui.widgets.meter import Meter
from kneetimer.workout.cues import Cue, CueKind
from kneetimer.workout.engine import EnterAction, Session, State
from kneetimer.workout.plan import Kind, Phase, build_plan
from kneetimer.workout.words import describe, phase_title, side_words, spoken_cue


def format_time_left(seconds: float) -> str:
    """Minutes for the whole routine (read from across the room, and changing
    once a minute rather than every second); seconds only in the last minute."""
    if seconds > 60:
        return f"{math.ceil(seconds / 60)} min"
    return format_clock(seconds)


ENTER_ACTIONS = {"count_rep": EnterAction.COUNT_REP, "end_hold": EnterAction.END_HOLD,
                 "start_now": EnterAction.START_NOW}
RINGING_CUES = {CueKind.PHASE_STARTED, CueKind.COUNTDOWN, CueKind.MINIMUM_REACHED, CueKind.SESSION_FINISHED}


class WorkoutScreen(Screen):
    BINDINGS = [
        Binding("space", "pause", "Pause"),
        Binding("space", "resume", "Resume"),
        Binding("enter", "count_rep", "Count rep"),
        Binding("enter", "end_hold", "Done"),
        Binding("enter", "start_now", "Start"),
        Binding("n", "skip", "Skip"),
        Binding("p", "back", "Back"),
        Binding("q", "quit_workout", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("ctrl+z", "suspend", "Suspend", show=False),
    ]

    def __init__(self, routine: Routine, *, pain_before: int | None = None, resume: SessionRow | None = None,
                 start_exercise: int = 0, exit_when_done: bool = False):
        super().__init__()
        self.routine = routine
        self.plan = build_plan(routine)
        self.pain_before = pain_before
        self.resume = resume  # the interrupted session this workout joins, if any
        self.start_exercise = start_exercise
        self.exit_when_done = exit_when_done
        self.session: Session | None = None
        self.recorder: Recorder | None = None
        self._timer: Timer | None = None
        self._binding_state: tuple | None = None
        self._finished_handled = False
        self._shown: dict[str, object] = {}
        self._widgets: dict[str, object] = {}  # looked up once: _show runs every second

    def compose(self) -> ComposeResult:
        with Vertical(id="workout"):
            yield Static(id="top")
            yield Static(id="exercise")
            yield Static(id="phase")
            with Center(id="countdown-row"):
                yield Digits(id="countdown")
            yield Static(id="counters")
            yield Meter(id="phase-bar")
            with Horizontal(id="session-row"):
                yield Meter(id="session-bar")
                yield Static(id="time-left")
            yield Static(id="cues")
            yield Static(id="instructions")
            yield Static(id="next")
        yield AdaptiveFooter(palette_hint=False)

    def on_mount(self) -> None:
        app = self.app
        carried = (self.resume.active_s, self.resume.paused_s) if self.resume else (0.0, 0.0)
        self.session = Session(
            self.plan, clock=app.clock, wall_clock=app.wall_clock, stall_after=app.stall_after,
            start_exercise=self.start_exercise, carried=carried,
        )
        self.session.add_listener(self._save_record)
        self.session.start()
        self.recorder = app.begin_recording(
            self.routine, self.session.started_wall, resume_session_id=self.resume.id if self.resume else None,
            pain_before=self.pain_before,
        )
        self._after_change()

    def on_unmount(self) -> None:
        """Leaving mid-workout (the app closing) still saves the session, as interrupted."""
        if self._timer is not None:
            self._timer.stop()
        self.end_now()

    def end_now(self) -> None:
        """End the workout at once (the app is closing, or a signal came): saved as
        interrupted, the last writes waited for."""
        if self.session is not None and not self.session.finished:
            self.session.quit()
            self._save_finish()
        if self.recorder is not None and not self._finished_handled:  # else the summary waits for it
            self.app.end_recording()
            self.recorder = None

    # -- waking up -----------------------------------------------------------

    def wake(self) -> None:
        """Called when the display is due to change (and by tests after moving a fake clock)."""
        self._timer = None
        self.session.update()
        self._after_change()

    def _after_change(self) -> None:
        self._react(self.session.drain_cues())
        if self.session.finished:
            self._finish()
            return
        self._show()
        self._schedule()

    def _schedule(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        wake_at = self.session.next_change_at()
        if wake_at is not None:
            self._timer = self.set_timer(max(0.0, wake_at - self.app.clock()), self.wake, name="workout-wake")

    def _react(self, cues: list[Cue]) -> None:
        ring = False
        words = None
        for cue in cues:
            ring = ring or cue.kind in RINGING_CUES
            phase = self.plan.phases[cue.phase_index] if cue.phase_index < len(self.plan.phases) else None
            words = spoken_cue(cue, phase) or words
            if cue.kind is CueKind.STALLED:
                self.notify("kneetimer was stopped for a while, so the workout paused itself. Space resumes.",
                            severity="warning", timeout=8, markup=False)
        if ring:
            self.app.ring()
        if words:
            self.app.say(words)

    # -- what is on screen -----------------------------------------------------

    def _show(self) -> None:
        session = self.session
        phase = session.phase
        now = self.app.clock()
        # Classes go on the few widgets they style: restyling the whole screen
        # costs ~20 ms, and this runs at every phase change.
        self._widget("#workout").set_class(session.paused, "-paused")
        for widget in (self._widget("#phase"), self._widget("#countdown")):
            widget.set_class(session.paused, "-paused")
            widget.set_class(phase.is_work, "-work")
            widget.set_class(not phase.is_work, "-easy")
        shown = session.countdown(now)
        self._put("#top", self._top_line(phase))
        self._put("#exercise", self._exercise_line(phase))
        self._put("#phase", self._phase_line(phase, now))
        self._put("#countdown", format_clock(shown if shown is not None else session.elapsed(now)))
        self._put("#counters", self._counters(phase))
        self._widget("#phase-bar").set_fraction(session.phase_progress(now))
        self._widget("#session-bar").set_fraction(session.session_progress(now))
        self._put("#time-left", Text(f"{format_time_left(session.time_left(now))} left"))
        self._put("#cues", Text("  ·  ".join(shorten(cue, 80) for cue in phase.cues), style="italic"))
        self._put("#instructions", Text(phase.instructions))
        self._put("#next", self._next_line(phase))
        state = (session.state, phase.kind, phase.part, session.enter_action(now))
        if state != self._binding_state:
            self._binding_state = state
            self.refresh_bindings()

    def _put(self, selector: str, value) -> None:
        """Update a widget only when what it shows has changed: an update costs a
        layout, and during a hold only the countdown changes each second."""
        if self._shown.get(selector) == value:
            return
        self._shown[selector] = value
        self._widget(selector).update(value)

    def _widget(self, selector: str):
        if selector not in self._widgets:
            self._widgets[selector] = self.query_one(selector)
        return self._widgets[selector]

    def _top_line(self, phase: Phase) -> Text:
        line = Text(shorten(self.routine.name, 50), style="bold")
        line.append(f"   exercise {phase.exercise_index + 1} of {len(self.routine.exercises)}")
        if self.recorder is not None and self.recorder.problem:
            line.append("   ⚠ not saved", style="bold red")
        return line

    def _exercise_line(self, phase: Phase) -> Text:
        if phase.between:
            return Text("Rest between exercises", style="bold")
        line = Text(shorten(phase.exercise.name, 60), style="bold")
        if phase.side:
            line.append(f"  —  {shorten(side_words(phase.side), 30)}".upper(), style="bold")
        return line

    def _phase_line(self, phase: Phase, now: float) -> Text:
        if self.session.paused:
            return Text(" PAUSED · space to resume ", style="bold reverse")
        title = phase_title(phase)
        if phase.kind is Kind.SWITCH:
            title += f" → {shorten(side_words(phase.side), 30).upper()}"
        line = Text(title, style="bold")
        enter = self.session.enter_action(now)
        if enter is EnterAction.END_HOLD:
            line.append(f"   Enter when done · ends at {format_clock(phase.duration)}")
        elif phase.minimum is not None:
            line.append(f"   at least {format_clock(phase.minimum)}, up to {format_clock(phase.duration)}")
        elif enter is EnterAction.COUNT_REP:
            line.append("   Enter after each rep")
        elif enter is EnterAction.START_NOW:
            line.append("   Enter to start now")
        return line

    def _counters(self, phase: Phase) -> Text:
        parts = []
        if phase.rep_no is not None:
            parts.append(f"Rep {phase.rep_no} / {phase.reps}")
        if phase.sets > 1 and not phase.between:
            parts.append(f"Set {phase.set_no} / {phase.sets}")
        sides = phase.exercise.sides
        if sides and not phase.between:
            parts.append(f"Side {phase.side_index + 1} / {len(sides)}")
        line = Text("   ".join(parts), style="bold")
        if phase.step_name:
            line.append(f"   Step {phase.step_no} / {phase.steps}: ")
            line.append(shorten(phase.step_name, 50), style="bold")
        return line

    def _next_line(self, phase: Phase) -> Text:
        if phase.is_work:
            return Text("")
        upcoming = self.plan.upcoming_work(self.session.index)
        if upcoming is None:
            return Text("")
        line = Text("Next: ", style="bold")
        line.append(shorten(upcoming.exercise.name, 50))
        if upcoming.side:
            line.append(f" — {shorten(side_words(upcoming.side), 30)}")
        details = describe(upcoming.exercise)
        if details:
            line.append(f"   ({details})", style="dim")
        if upcoming.exercise.equipment:
            line.append("   needs: " + shorten(", ".join(upcoming.exercise.equipment), 60), style="dim")
        return line

    # -- keys --------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        session = self.session
        if session is None:
            return True
        if action == "pause":
            return session.state is State.RUNNING
        if action == "resume":
            return session.state is State.PAUSED
        if action in ENTER_ACTIONS:
            return session.enter_action() is ENTER_ACTIONS[action]
        return True

    def action_pause(self) -> None:
        self.session.toggle_pause()
        self._after_change()

    action_resume = action_pause

    def _enter(self) -> None:
        self.session.enter()
        self._after_change()

    action_count_rep = action_end_hold = action_start_now = _enter

    def action_skip(self) -> None:
        self.session.skip()
        self._after_change()

    def action_back(self) -> None:
        self.session.back()
        self._after_change()

    def action_suspend(self) -> None:
        """Ctrl-Z: pause first, so the time away is paused time, then hand back the shell."""
        if self.session.state is State.RUNNING:
            self.session.toggle_pause()
            self._after_change()
        self.app.action_suspend_process()

    def action_help(self) -> None:
        from kneetimer.tui.screens.dialogs import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_quit_workout(self) -> None:
        from kneetimer.tui.screens.dialogs import ConfirmScreen

        was_running = self.session.state is State.RUNNING
        if was_running:
            self.session.toggle_pause()
            self._after_change()

        def answered(end_it: bool | None) -> None:
            if end_it:
                self.session.quit()
            elif was_running and self.session.paused:
                self.session.toggle_pause()
            self._after_change()

        self.app.push_screen(
            ConfirmScreen("End this workout?", "What you have done so far is saved, marked as interrupted."),
            answered,
        )

    # -- saving and the end ----------------------------------------------------------

    def _totals(self) -> tuple[float, float]:
        return self.session.active_seconds(), self.session.paused_seconds()

    def _save_record(self, record) -> None:
        if self.recorder is not None:
            self.recorder.record(record, *self._totals())

    def _save_finish(self) -> None:
        if self.recorder is not None and self.session.ended_mono is not None:
            ended = self.session.wall_at(self.session.ended_mono)
            self.recorder.finish(self.session.status, ended, *self._totals())

    def _finish(self) -> None:
        if self._finished_handled:
            return
        self._finished_handled = True
        if self._timer is not None:
            self._timer.stop()
        self._save_finish()
        from kneetimer.tui.screens.summary import SummaryScreen

        self.app.switch_screen(SummaryScreen(self.routine, self.session, self.recorder, self._totals(),
                                             exit_when_done=self.exit_when_done, pain_before=self.pain_before))
