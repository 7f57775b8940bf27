"""The workout screen: it wires the engine to the grid, the keys to the engine.

It holds no timing logic and decides nothing: it wakes when the engine says the display
changes next (`next_change_at`), takes one view of the session, has the presenter turn
it into a display and the grid draw it, plays and says what the cues call for, and
forwards keys as commands. The app records the session as it goes (it listens to the
engine), so a slow disk never delays the countdown.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer

from kneetimer.history.rows import SessionRow
from kneetimer.routines.model import Routine
from kneetimer.sound.hearing import what_is_heard
from kneetimer.tui.app import KneetimerApp
from kneetimer.tui.design.presenter import present
from kneetimer.tui.phone import PhoneLink
from kneetimer.tui.widgets.keybar import KeyBar
from kneetimer.tui.widgets.workout_grid import WorkoutGrid
from kneetimer.workout.engine import EnterAction, Session, State
from kneetimer.workout.plan import build_plan
from kneetimer.workout.records import EndedBy
from kneetimer.workout.view import view_of

ENTER_ACTIONS = {"count_rep": EnterAction.COUNT_REP, "end_hold": EnterAction.END_HOLD,
                 "start_now": EnterAction.START_NOW}
SOONEST_WAKE = 0.001  # seconds: the shortest wait asked of a timer (never 0)


class WorkoutScreen(Screen[None]):
    app = getters.app(KneetimerApp)

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
        # Control from the mat: a presenter clicker or a foot pedal
        Binding("pagedown,right", "clicker_enter", "Next", show=False,
                tooltip="a clicker's next (Page Down, Right): what Enter does now; nothing when Enter does nothing"),
        Binding("pageup,left", "back", "Back", show=False, tooltip="a clicker's previous (Page Up, Left): as p"),
        Binding("b,full_stop", "pause_or_resume", "Pause", show=False,
                tooltip="a clicker's black-screen key (b, .): pause and resume"),
        Binding("f5,shift+f5,escape", "nothing", show=False,
                tooltip="a clicker's start and stop keys (F5, Shift+F5, Esc): never end or skip anything"),
    ]

    def __init__(self, routine: Routine, *, pain_before: int | None = None, resume: SessionRow | None = None,
                 start_exercise: int = 0, start_side: int = 0, exit_when_done: bool = False,
                 ease: Mapping[tuple[str, str | None], int] | None = None):
        """`ease`: exercises and sides that were red last time, with their pain."""
        super().__init__()
        self.routine = routine
        self.plan = build_plan(routine)
        self.pain_before = pain_before
        self.resume = resume  # the interrupted session this workout joins, if any
        self.start_exercise = start_exercise
        self.start_side = start_side
        self.ease = dict(ease or {})
        self.exit_when_done = exit_when_done
        self.session: Session | None = None
        self._timer: Timer | None = None
        self._binding_state: tuple[object, ...] | None = None
        self._finished_handled = False
        self._paused_while_covered = False
        self.phone: PhoneLink | None = None

    def compose(self) -> ComposeResult:
        self.grid = WorkoutGrid(self.app.clock, self.app.show_figures)
        yield self.grid
        if self.app.phone_page_host() is not None:
            self.phone = PhoneLink(self, self.app.phone_page_host() or "")
            yield self.phone.badge
        yield KeyBar()

    def on_mount(self) -> None:
        app = self.app
        carried = (self.resume.active_s, self.resume.paused_s) if self.resume else (0.0, 0.0)
        self.session = Session(
            self.plan, clock=app.clock, wall_clock=app.wall_clock, stall_after=app.stall_after,
            start_exercise=self.start_exercise, start_side=self.start_side, carried=carried,
        )
        app.begin_recording(self.routine, self.session, resume_session_id=self.resume.id if self.resume else None,
                            pain_before=self.pain_before)  # before the start: it hears every record
        self.watch(app, "saving_problem", self._saving_changed)
        self.session.start()
        if self.phone is not None:
            self.run_worker(self.phone.start(), group="phone")
        self._after_change()

    def _saving_changed(self, problem: str | None) -> None:
        self.grid.not_saved = problem is not None

    def on_unmount(self) -> None:
        """Leaving mid-workout (the app closing) still saves the session, as interrupted."""
        if self._timer is not None:
            self._timer.stop()
        self.end_now()
        if self.phone is not None:
            self.phone.stop_soon()

    def end_now(self) -> None:
        """End the workout at once (the app is closing, or a signal came): saved as
        interrupted, the last writes waited for."""
        if self.session is not None and not self.session.finished:
            self.session.quit(EndedBy.CLOSED)
        if not self._finished_handled:  # else the summary waits for the writes
            self.app.end_recording()

    # -- waking up -----------------------------------------------------------

    def wake(self) -> None:
        """Called when the display is due to change (and by tests after moving a fake clock)."""
        self._timer = None
        self.running.update()
        self._after_change()

    @property
    def running(self) -> Session:
        assert self.session is not None, "the session starts when the screen is mounted"
        return self.session

    def _after_change(self) -> None:
        session = self.running
        self._hear(session)
        if session.finished:
            if self.phone is not None:
                self.phone.publish(None)
            self._finish()
            return
        view = view_of(session)
        self.grid.show(present(view, self.ease), view, session.index)
        if self.phone is not None:
            self.phone.publish(view)
        state = (view.state, view.phase.kind, view.phase.part, view.enter)
        if state != self._binding_state:
            self._binding_state = state
            self.refresh_bindings()
        self._schedule()

    def _schedule(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        wake_at = self.running.next_change_at()
        if wake_at is not None:
            # A wake-up already due still waits a moment: Textual never fires a timer of
            # delay 0, and the engine catches up on every deadline passed when it wakes.
            delay = max(SOONEST_WAKE, wake_at - self.app.clock())
            self._timer = self.set_timer(delay, self.wake, name="workout-wake")

    def _hear(self, session: Session) -> None:
        app, now = self.app, self.app.clock()
        heard = what_is_heard(session.drain_cues(), self.plan.phases, now, session.next_timed_at(now),
                              app.sound_level, voice=app.speaker is not None)
        if heard.signal is not None:
            app.play(heard.signal)
        for utterance in heard.utterances:
            app.say(utterance)
        if heard.stalled:
            self.notify("kneetimer was stopped for a while, so the workout paused itself. Space resumes.",
                        severity="warning", timeout=8, markup=False)

    def on_resize(self) -> None:
        if self.session is not None and not self.session.finished:
            self.grid.relayout()
            view = view_of(self.session)
            self.grid.show(present(view, self.ease), view, self.session.index)

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
        self.running.toggle_pause()
        self._after_change()

    action_resume = action_pause

    def _enter(self) -> None:
        self.running.enter()
        self._after_change()

    action_count_rep = action_end_hold = action_start_now = _enter

    def act(self, name: str) -> bool:
        """A button on the phone page: does what the key does; False when it means nothing now."""
        session = self.running
        can = {"pause": session.state is State.RUNNING, "resume": session.state is State.PAUSED,
               "enter": session.enter_action() is not None}.get(name, not session.finished)
        if can:
            actions = {"pause": self.action_pause, "resume": self.action_pause, "enter": self._enter,
                       "skip": self.action_skip, "back": self.action_back}
            actions[name]()
        return can

    def action_clicker_enter(self) -> None:
        if self.running.enter_action() is not None:
            self._enter()

    def action_pause_or_resume(self) -> None:
        if self.running.state in (State.RUNNING, State.PAUSED):
            self.action_pause()

    def action_nothing(self) -> None:
        """A key a clicker sends to start or stop a show: here it does nothing."""

    def action_skip(self) -> None:
        self.running.skip()
        self._after_change()

    def action_back(self) -> None:
        self.running.back()
        self._after_change()

    def action_suspend(self) -> None:
        """Ctrl-Z: pause first, so the time away is paused time, then hand back the shell."""
        if self.running.state is State.RUNNING:
            self.running.toggle_pause()
            self._after_change()
        self.app.action_suspend_process()

    def action_help(self) -> None:
        self.app.show_help()

    def action_quit_workout(self) -> None:
        from kneetimer.tui.screens.dialogs import ConfirmScreen

        def answered(end_it: bool | None) -> None:
            if end_it:
                self.running.quit(EndedBy.YOU)
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

    # -- the end ----------------------------------------------------------------------

    def _finish(self) -> None:
        if self._finished_handled:
            return
        self._finished_handled = True
        if self._timer is not None:
            self._timer.stop()
        from kneetimer.tui.screens.summary import SummaryScreen

        earlier = self.resume.exercises if self.resume else ()
        self.app.switch_screen(SummaryScreen(self.routine, self.running, exit_when_done=self.exit_when_done,
                                             pain_before=self.pain_before, earlier=earlier, eased=self.ease))
