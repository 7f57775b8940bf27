"""The workout screen: read from across the room, driven by the engine.

The screen holds no timing logic. It wakes when the engine says the display
changes next (`next_change_at`), takes one view of the session, hands it to its
widgets, plays or speaks the cues, and forwards keys as commands. The phase is
the colour of the whole screen; the countdown is as large as the terminal allows
(workout_layout.py decides, on every resize and phase change). Records go to
history through the app's recorder, on its own thread, so a slow disk never
delays the countdown.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from kneetimer.figures.drawing import bounds
from kneetimer.figures.library import MOVES
from kneetimer.history.recorder import Recorder
from kneetimer.history.rows import SessionRow
from kneetimer.routines.durations import format_clock
from kneetimer.routines.model import Routine
from kneetimer.sound.vocabulary import signals_to_play
from kneetimer.text import shorten
from kneetimer.tui.palette import PALETTE, Look
from kneetimer.tui.screens import workout_layout
from kneetimer.tui.widgets.banner import PhaseBanner
from kneetimer.tui.widgets.bigtext import BigText
from kneetimer.tui.widgets.blockfont import PLAIN
from kneetimer.tui.widgets.countdown import ClockFace, Face
from kneetimer.tui.widgets.counters import Counters
from kneetimer.tui.widgets.figure import FigureView
from kneetimer.tui.widgets.keybar import KeyBar
from kneetimer.tui.widgets.line import Line
from kneetimer.tui.widgets.meter import Meter
from kneetimer.tui.widgets.next_up import NextUp
from kneetimer.workout.cues import Cue, CueKind
from kneetimer.workout.engine import EnterAction, Session, State
from kneetimer.workout.motion import Motion, motion_for
from kneetimer.workout.plan import Kind, Part, build_plan
from kneetimer.workout.records import EndedBy, Outcome
from kneetimer.workout.view import SessionView, view_of
from kneetimer.workout.words import countdown_text, minutes, phase_title, side_words, utterance_for

ENTER_ACTIONS = {"count_rep": EnterAction.COUNT_REP, "end_hold": EnterAction.END_HOLD,
                 "start_now": EnterAction.START_NOW}
STALE_CUE = 0.5  # seconds: a cue noticed later than this gets no sound or word
FIGURE_MARGIN = 2  # columns right of the figure
SOONEST_WAKE = 0.001  # seconds: the shortest wait asked of a timer (never 0)


def format_time_left(seconds: float) -> str:
    """Minutes for the whole routine (the same rounding as the picker's estimate, so a
    3-minute routine starts with "3 min left"); seconds only in the last minute."""
    if seconds > 60:
        return f"{minutes(seconds)} min"
    return format_clock(seconds)


def look_of(view: SessionView) -> Look:
    phase = view.phase
    if view.paused:
        return Look.PAUSED
    if phase.kind is Kind.LEAD_IN:
        return Look.GET_READY
    if phase.kind is Kind.SWITCH:
        return Look.SWITCH
    if phase.kind is Kind.REST:
        return Look.REST
    if phase.part is Part.MOVE:
        return Look.MOVE
    return Look.HOLD


class WorkoutScreen(Screen):
    BINDINGS = [
        Binding("space", "pause", "Pause", tooltip="pause, and resume"),
        Binding("space", "resume", "Resume"),
        Binding("enter", "count_rep", "Count rep", tooltip="count a rep done at your own pace"),
        Binding("enter", "end_hold", "Done", tooltip="end a ranged hold, once its minimum is reached"),
        Binding("enter", "start_now", "Start",
                tooltip="start now: cut a get-ready or rest short (after its first second)"),
        Binding("n", "skip", "Skip", tooltip="skip: during a rest, to the next exercise now; otherwise the rest "
                "of this exercise (saved as skipped, or partial if some was done)"),
        Binding("p", "back", "Back", tooltip="back: to the start of this exercise if more than 3 s of it have "
                "passed, else to the previous one"),
        Binding("q", "quit_workout", "Quit", tooltip="end the workout, after a y/n question: what you did is "
                "saved, marked interrupted"),
        Binding("ctrl+c", "quit_workout", "Quit", show=False, priority=True, tooltip="as q"),
        Binding("ctrl+q", "app.quit", "Quit", show=False, tooltip="as q"),
        Binding("question_mark", "help", "Help", tooltip="this help; the workout pauses while it is open"),
        Binding("ctrl+z", "suspend", "Suspend", show=False,
                tooltip="pause and hand the terminal back to the shell (fg returns)"),
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
        self._layout_key: tuple | None = None
        self.look: Look | None = None
        self._finished_handled = False
        self._paused_while_covered = False
        self._ended_by = EndedBy.CLOSED
        self._figure_key: tuple | None = None
        self._grid_rows = ""
        self._rows_key: tuple | None = None

    def compose(self) -> ComposeResult:
        self.title_text = BigText(id="title")
        self.banner = PhaseBanner(id="word")
        self.countdown = ClockFace(id="clock")
        self.figure = FigureView(id="figure")
        self.counters = Counters(id="counters")
        self.next_up = NextUp(id="next")
        self.phase_bar = Meter(id="phase-bar")
        self.session_row = Horizontal(id="session-row")
        self.session_bar = Meter(id="session-bar")
        self.time_left = Line(id="time-left")
        self.cues = Line(id="cues")
        self.instructions = Line(id="instructions")
        yield self.title_text  # a grid (kneetimer.tcss): the figure beside the word and the countdown
        yield self.banner
        yield self.figure
        yield self.countdown
        yield self.counters
        yield self.next_up
        yield self.phase_bar
        with self.session_row:
            yield self.session_bar
            yield self.time_left
        yield self.cues
        yield self.instructions
        yield KeyBar()

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
            self._ended_by = EndedBy.CLOSED
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
        self._show(view_of(self.session))
        self._schedule()

    def _schedule(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        wake_at = self.session.next_change_at()
        if wake_at is not None:
            # A wake-up already due still waits a moment: Textual never fires a timer of
            # delay 0, and the engine catches up on every deadline passed when it wakes.
            delay = max(SOONEST_WAKE, wake_at - self.app.clock())
            self._timer = self.set_timer(delay, self.wake, name="workout-wake")

    def _react(self, cues: list[Cue]) -> None:
        """Play and say what the cues call for: only what is still on time (after a stall,
        the engine catches up in one go; stale sounds would mislead)."""
        app, now = self.app, self.app.clock()
        signals = signals_to_play(cues, self.plan.phases, app.sound_level, voice=app.speaker is not None)
        fresh = [signal for at, signal in signals if now - at <= STALE_CUE]
        if fresh:
            app.play(fresh[-1])
        if app.speaker is not None:
            next_timed = self.session.next_timed_at(now)
            for cue in cues:
                if now - cue.at > STALE_CUE:
                    continue
                phase = self.plan.phases[cue.phase_index] if cue.phase_index < len(self.plan.phases) else None
                time_left = None if next_timed is None else next_timed - cue.at
                utterance = utterance_for(cue, phase, time_left)
                if utterance is not None:
                    app.say(utterance)
        if any(cue.kind is CueKind.STALLED for cue in cues):
            self.notify("kneetimer was stopped for a while, so the workout paused itself. Space resumes.",
                        severity="warning", timeout=8, markup=False)

    # -- what is on screen -----------------------------------------------------

    def on_resize(self) -> None:
        if self.session is not None and not self.session.finished:
            self._layout_key = None
            self._show(view_of(self.session))

    def _show(self, view: SessionView) -> None:
        phase = view.phase
        self._paint(look_of(view))
        big, template, reps = self._clock_texts(view)
        title = self._title(view)
        word = "PAUSED" if view.paused else phase_title(phase)
        hint = self._hint(view)
        motion = motion_for(phase, view.upcoming)
        self._lay_out(view, big, template, reps, title, word, hint, motion)
        self._move_figure(view, motion)
        self.title_text.text = title
        self.banner.text = word
        self.banner.template = word
        self.banner.hint = hint
        self.countdown.text = big
        self.countdown.reps = reps or ""
        self.counters.phase = phase
        self.next_up.upcoming = view.upcoming
        self.phase_bar.set_fraction(view.phase_progress)
        self.session_bar.set_fraction(view.session_progress)
        self.time_left.value = self._progress_text(view)
        self.cues.value = Text("  ·  ".join(shorten(cue, 80) for cue in phase.cues),
                                                   style="italic")
        self.instructions.value = Text(phase.instructions)
        rows_key = (self._layout_key, self.session.index)
        if rows_key != self._rows_key:  # the lines' texts change with the phase, not every second
            self._rows_key = rows_key
            self._fit_rows()
        state = (view.state, phase.kind, phase.part, view.enter)
        if state != self._binding_state:
            self._binding_state = state
            self.refresh_bindings()

    def _paint(self, look: Look) -> None:
        """The phase as the colour of the whole screen. Set as inline styles, not classes:
        a class change re-matches the CSS of every widget (about 40 ms); this costs a repaint."""
        if look is self.look:
            return
        self.look = look
        background, text = PALETTE[look]
        self.styles.background = background
        self.styles.color = text
        if look is Look.PAUSED:  # with NO_COLOR too, reverse video says paused
            self.banner.styles.text_style = "reverse"
        else:
            self.banner.styles.clear_rule("text_style")
        for widget in self.query(Static):  # inline styles do not reach a Static's cached visual style
            widget.notify_style_update()

    def _clock_texts(self, view: SessionView) -> tuple[str, str, str | None]:
        """(what the countdown shows, the widest it will show in this phase, the rep number)."""
        phase = view.phase
        if view.counts_reps:
            text = f"{phase.rep_no}/{phase.reps}"
            return text, f"{phase.reps}/{phase.reps}", None
        reps = f"{phase.rep_no}/{phase.reps}" if view.paced_rep else None
        if view.countdown is None:
            return countdown_text(view.elapsed), countdown_text(view.elapsed), reps
        return countdown_text(view.countdown), countdown_text(phase.duration), reps

    def _move_figure(self, view: SessionView, motion: Motion | None) -> None:
        """Start the figure on this phase's motion (once per phase, pause or resize, not every second)."""
        shown = motion if self.figure.display else None
        key = (self.session.index, view.state, shown)
        if key != self._figure_key:
            self._figure_key = key
            self.figure.show(shown, view.elapsed, running=not view.paused)

    def _lay_out(self, view: SessionView, big: str, template: str, reps: str | None, title: str, word: str,
                 hint: str, motion: Motion | None) -> None:
        """Share the rows out again when the size or what is shown changed (not every second)."""
        phase = view.phase
        optional = (
            ("hint", 1 if hint else 0),
            ("counters", 1 if phase.rep_no is not None or phase.sets > 1 or phase.exercise.sides else 0),
            ("next", 2 if view.upcoming is not None else 0),
            ("bars", 2),
            ("cues", 1 if phase.cues else 0),
            ("instructions", min(3, 1 + len(phase.instructions) // max(20, self.size.width - 2))
             if phase.instructions else 0),
        )
        reps_template = f"{phase.reps}/{phase.reps}" if reps else None
        figure = motion.figure if motion is not None and self.app.show_figures else None
        key = (self.size, template, reps_template, title, word, optional, figure)
        if key == self._layout_key:
            return
        self._layout_key = key
        size = bounds(MOVES[figure]) if figure else None
        figure_size = (size[2] - size[0], size[3] - size[1]) if size else None
        content = workout_layout.Content(template, word, title, reps_template, optional, figure_size)
        layout = workout_layout.plan(self.size.width, self.size.height, content)
        self.figure.display = layout.figure_columns > 0
        if layout.figure_columns:  # a second column for the figure, beside the word and the countdown
            self.styles.grid_size_columns = 2
            self.styles.grid_columns = f"1fr {layout.figure_columns + FIGURE_MARGIN}"
        else:
            self.styles.grid_size_columns = 1
            self.styles.grid_columns = "1fr"
        self.title_text.fit = layout.title
        self.banner.fit = layout.word
        self.countdown.face = Face(template, layout.countdown, reps_template, layout.reps or PLAIN,
                                   layout.reps_beside)
        self.phase_bar.display = self.session_row.display = "bars" in layout.shown
        self.banner.show_hint = "hint" in layout.shown
        lines = {"counters": self.counters, "next": self.next_up, "cues": self.cues,
                 "instructions": self.instructions}
        for name, widget in lines.items():
            widget.display = name in layout.shown
            widget.styles.max_height = layout.rows.get(name, 1)

    def _fit_rows(self) -> None:
        """The grid's rows (kneetimer.tcss): the title, the word, the countdown, then each
        line shown, as tall as its text at the full width (a grid's own "auto" would measure
        a line spanning both columns at the first column's width)."""
        width, rows = self.size.width, ["auto", "auto", "1fr"]
        for widget in (self.counters, self.next_up, self.phase_bar, self.session_row, self.cues,
                       self.instructions):
            if widget.display:
                rows.append(str(_rows_of(widget, self.size, width)))
        grid_rows = " ".join(rows)
        if grid_rows != self._grid_rows:
            self._grid_rows = grid_rows
            self.styles.grid_rows = grid_rows

    def _title(self, view: SessionView) -> str:
        """The exercise and side; during the rest between exercises, the one coming up."""
        phase = view.upcoming if view.phase.between and view.upcoming is not None else view.phase
        title = phase.exercise.name
        if phase.side:
            title += f" — {side_words(phase.side).upper()}"
        return f"Up next: {title}" if view.phase.between else title

    def _hint(self, view: SessionView) -> str:
        phase = view.phase
        if view.paused:
            return f"paused during {phase_title(phase)} · space resumes"
        if view.enter is EnterAction.END_HOLD:
            return f"Enter when done · ends at {format_clock(phase.duration)}"
        if phase.minimum is not None:
            return f"at least {format_clock(phase.minimum)}, up to {format_clock(phase.duration)}"
        if view.enter is EnterAction.COUNT_REP:
            return "Enter after each rep"
        if view.enter is EnterAction.START_NOW:
            return "Enter starts now"
        return ""

    def _progress_text(self, view: SessionView) -> Text:
        text = Text(f"{format_time_left(view.time_left)} left · exercise "
                    f"{view.phase.exercise_index + 1} of {view.exercise_count}")
        if self.recorder is not None and self.recorder.problem:
            text.append("   ⚠ not saved", style="bold reverse")
        return text

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
        self.app.show_help()

    def action_quit_workout(self) -> None:
        from kneetimer.tui.screens.dialogs import ConfirmScreen

        def answered(end_it: bool | None) -> None:
            if end_it:
                self._ended_by = EndedBy.YOU
                self.session.quit()
                self._after_change()

        self.app.push_screen(
            ConfirmScreen("End this workout?", "What you have done so far is saved, marked as interrupted."),
            answered,
        )

    def on_screen_suspend(self) -> None:
        """Something is on top (help, the command palette, a question): the workout waits."""
        if self.session is not None and self.session.state is State.RUNNING:
            self.session.toggle_pause()
            self._paused_while_covered = True
            self._after_change()

    def on_screen_resume(self) -> None:
        """Back on top: as it was before (a workout paused by hand stays paused)."""
        if self._paused_while_covered and self.session is not None and self.session.paused:
            self.session.toggle_pause()
            self._after_change()
        self._paused_while_covered = False

    # -- saving and the end ----------------------------------------------------------

    def _totals(self) -> tuple[float, float]:
        return self.session.active_seconds(), self.session.paused_seconds()

    def _save_record(self, record) -> None:
        if self.recorder is not None:
            self.recorder.record(record, *self._totals())

    def _save_finish(self) -> None:
        if self.recorder is not None and self.session.ended_mono is not None:
            ended = self.session.wall_at(self.session.ended_mono)
            ended_by = None if self.session.status is Outcome.COMPLETED else self._ended_by
            self.recorder.finish(self.session.status, ended, *self._totals(), ended_by=ended_by)

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


def _rows_of(widget, size, width: int) -> int:
    """How many rows `widget` takes at `width` (its fixed height, or its text's, within its max-height)."""
    height = widget.styles.height
    if height is not None and height.is_cells:
        return int(height.value)
    spacing = widget.styles.gutter
    content = widget.get_content_height(size, size, max(1, width - spacing.width)) + spacing.height
    limit = widget.styles.max_height
    return max(1, min(content, int(limit.value)) if limit is not None and limit.is_cells else content)
