"""The kneetimer app: which screen comes first, and what the screens share
(clock, settings, history and the recorder of the workout under way, sound).
Screens own their layout; the engine owns timing."""

from __future__ import annotations

import gc
import sqlite3
import time
from collections.abc import Callable
from concurrent.futures import Future
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual.app import App
from textual.reactive import reactive

from kneetimer import paths
from kneetimer.care.morning import LATEST_DAYS, SKIPPED, question
from kneetimer.care.pain import WORSE_MORNINGS_FOR_ADVICE, Zone, worse_mornings_advice, zone
from kneetimer.care.plan import Plan, PlanError, load_plan, save_plan, weekly_goal
from kneetimer.dates import now_local
from kneetimer.routines.adjust import with_lead_in
from kneetimer.routines.model import Routine
from kneetimer.settings import Settings, load_settings, save_settings
from kneetimer.sound.players import SoundPlayer, find_player
from kneetimer.sound.vocabulary import Signal, SoundLevel
from kneetimer.sound.voice import NO_SPEECH_MESSAGE, Speaker, find_speech_command
from kneetimer.tui.messages import SavingChanged
from kneetimer.tui.widgets.pain_question import SETTLE_SECONDS
from kneetimer.workout.words import Utterance

T = TypeVar("T")

if TYPE_CHECKING:
    from kneetimer.history.recorder import Recorder
    from kneetimer.history.store import HistoryStore
    from kneetimer.workout.engine import Session


class KneetimerApp(App):
    CSS_PATH = "kneetimer.tcss"
    TITLE = "kneetimer"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (21, "-tall")]

    saving_problem: reactive[str | None] = reactive(None)  # why the workout under way is not saved

    def __init__(
        self,
        routine: Routine | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], datetime] = now_local,
        data_dir: Path | None = None,
        quiet: bool = False,
        voice: bool = False,
        speaker: Speaker | None = None,
        player: SoundPlayer | None = None,
        stall_after: float | None = 5.0,
        handle_signals: bool = False,
        ask_pain_first: bool | None = None,
        question_settle: float = SETTLE_SECONDS,
        ask_morning: bool = True,
        remote_host: str | None = None,
    ):
        # Colours pass through as they are (no per-line conversion of ANSI colours: a
        # cost at every phase change); with NO_COLOR, Textual then drops colour entirely
        # (bold and reverse stay, so PAUSED still stands out).
        super().__init__(ansi_color=True)
        self.start_routine = routine
        self.clock = clock
        self.wall_clock = wall_clock
        self.data_dir = data_dir if data_dir is not None else paths.data_dir()
        loaded = load_settings()
        self.settings: Settings = loaded.settings
        self._settings_problems = loaded.problems
        self.quiet_flag = quiet  # --quiet wins over the settings
        self.voice = voice or self.settings.voice
        self.speaker = speaker
        self.player = player
        self._player_given = player is not None
        self._told_sound_broken = False
        self.stall_after = stall_after
        self.ask_pain_first = ask_pain_first  # before `run`'s workout; None: as the settings say
        self.question_settle = question_settle  # keys this soon after a pain question are ignored
        self.ask_morning = ask_morning  # the next-morning check, at the first opening of a later day
        self.remote_host = remote_host  # serve the phone page there during workouts (None: as the settings say)
        self.handle_signals = handle_signals
        self.history_problem: str | None = None
        self.unsaved_on_exit: str | None = None
        self.history_notice: str | None = None  # saved, but not where it was meant to be
        self.recorder: Recorder | None = None  # the workout under way, until its summary is done
        self.plan: Plan | None = None
        self._plan_problem: str | None = None
        try:
            self.plan = load_plan()
        except PlanError as error:
            self._plan_problem = str(error)
        self._store: HistoryStore | None = None
        self._store_tried = False

    @property
    def sound_level(self) -> SoundLevel:
        return SoundLevel.OFF if self.quiet_flag else self.settings.sound

    @property
    def show_figures(self) -> bool:
        return self.settings.figure

    @property
    def quiet(self) -> bool:
        return self.sound_level is SoundLevel.OFF

    def on_mount(self) -> None:
        # After the first frame, what exists lives as long as the app (Textual, the screens,
        # the routine): frozen, the collector stops walking it, which stalled a frame by
        # 50-90 ms now and then.
        self.call_after_refresh(gc.freeze)
        self.start_sound()  # a thread of its own; each sound is made when first needed
        if self.handle_signals:
            self._install_signal_handlers()
        if self._settings_problems:  # one toast for them all: many would cover the exercise
            self.notify("\n".join(self._settings_problems[:4]), title="Settings", severity="warning",
                        timeout=10, markup=False)
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        else:
            self.notify(f"Unknown theme '{self.settings.theme}' in the settings; using the default.",
                        severity="warning", markup=False)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self._plan_problem:
            self.notify(self._plan_problem, title="Plan", severity="warning", timeout=10, markup=False)
        self.set_voice(self.voice)
        if self.start_routine is not None:
            routine = self.start_routine
            self._open_history()
            self.morning_check(lambda: self.start_workout(routine, exit_when_done=True, ask_pain=self.ask_pain_first))
        else:
            from kneetimer.tui.screens.picker import PickerScreen

            self._open_history()  # the picker shows when each routine was last done
            self.push_screen(PickerScreen())
            self.morning_check(lambda: None)

    def morning_check(self, then: Callable[[], None]) -> None:
        """Ask the next-morning question when it is due (care/morning.py), then go on."""
        from kneetimer.care.morning import question_due

        store = self.history() if self.ask_morning else None
        due = None
        if store is not None:
            today = self.today()
            due = question_due(today, store.morning_candidates(today - timedelta(days=LATEST_DAYS)))
        if due is None:
            then()
            return
        from kneetimer.tui.screens.dialogs import MorningScreen

        def answered(answer: str | None) -> None:
            self.save_next_day(due.session_id, answer or SKIPPED)
            then()

        self.push_screen(MorningScreen(question(due.day, self.today())), answered)

    def save_next_day(self, session_id: int, answer: str) -> None:
        """The next-morning answer, saved; worse twice running gives the advice, once."""
        store = self.history()
        if store is None:
            return
        try:
            store.set_next_day(session_id, answer)
            advice = worse_mornings_advice(store.recent_next_days(WORSE_MORNINGS_FOR_ADVICE))
        except sqlite3.Error as error:
            self.notify(f"The answer was not saved: {error}", severity="error", markup=False)
            return
        if answer == "worse" and advice:
            self.notify(advice, title="The morning after", severity="warning", timeout=30, markup=False)

    def _open_history(self) -> None:
        """Open history once at start: it marks sessions left by a killed kneetimer as
        interrupted, and says so if the file had to be replaced."""
        store = self.history()
        if store is not None:
            for notice in store.notices:
                self.notify(notice.message, severity="warning", timeout=10, markup=False)

    def _install_signal_handlers(self) -> None:
        """SIGTERM, SIGHUP (the terminal closed) and SIGINT end a workout the way q, y
        does: saved as interrupted, with its work, and the terminal restored (signals.py)."""
        from kneetimer.tui import signals

        signals.install(self._on_signal, self._flush_history, self._driver)

    def _flush_history(self) -> None:
        """From the exit watchdog: the writes queued so far, waited for briefly."""
        recorder = self.recorder
        if recorder is not None:
            recorder.flush(timeout=1.5)

    def _on_signal(self, signum: int) -> None:
        from kneetimer.tui.screens.workout import WorkoutScreen

        for screen in self.screen_stack:
            if isinstance(screen, WorkoutScreen):
                screen.end_now()  # save first: after SIGHUP the terminal may be gone
        self.exit(return_code=128 + signum)

    def on_unmount(self) -> None:
        self.end_recording()
        if self.player is not None:
            self.player.stop()
        if self.speaker is not None:
            self.speaker.stop()
        if self._store is not None:
            self._store.close()

    def action_command_palette(self) -> None:
        """Textual's palette, made safe for a clicker's Page Up and Page Down."""
        from kneetimer.tui.command_palette import SafeCommandPalette

        if self.use_command_palette and not SafeCommandPalette.is_open(self):
            self.push_screen(SafeCommandPalette(id="--command-palette"))

    async def action_quit(self) -> None:
        """Ctrl+Q: with a workout under way, ask first (as q does); otherwise quit."""
        from kneetimer.tui.screens.dialogs import ConfirmScreen
        from kneetimer.tui.screens.workout import WorkoutScreen

        workouts = [screen for screen in self.screen_stack if isinstance(screen, WorkoutScreen)]
        if workouts and workouts[-1].session is not None and not workouts[-1].session.finished:
            if not isinstance(self.screen, ConfirmScreen):
                workouts[-1].action_quit_workout()
            return
        self.exit()

    def start_workout(self, routine: Routine, exit_when_done: bool = False, ask_pain: bool | None = None) -> None:
        """A workout of `routine`, after asking how the knee feels (when the settings say so)."""
        from kneetimer.tui.screens.dialogs import PainScreen
        from kneetimer.tui.screens.workout import WorkoutScreen

        prepared = self.prepare(routine)
        ease = self.red_last_time(routine.id)

        def begin(pain_before: int | None) -> None:
            self.push_screen(WorkoutScreen(prepared, pain_before=pain_before, exit_when_done=exit_when_done,
                                           ease=ease))

        if self.settings.pain_prompt if ask_pain is None else ask_pain:
            self.push_screen(PainScreen("Before you start: how does the knee feel?"), begin)
        else:
            begin(None)

    def red_last_time(self, routine_id: str) -> dict[tuple[str, str | None], int]:
        """The exercises and sides marked red (6 or more) in the last session of a routine:
        its get-ready says to ease them this time."""
        store = self.history()
        if store is None:
            return {}
        try:
            last = store.recent_sessions(routine_id, 1)
        except sqlite3.Error:
            return {}
        return {(row.name, row.side): row.pain for row in (last[0].counted if last else ())
                if row.pain is not None and zone(row.pain) is Zone.RED}

    def show_help(self) -> None:
        """The keys of every screen, from their own bindings."""
        from kneetimer.tui.screens.dialogs import HelpScreen
        from kneetimer.tui.screens.history import HistoryScreen
        from kneetimer.tui.screens.picker import PickerScreen
        from kneetimer.tui.screens.summary import SummaryScreen
        from kneetimer.tui.screens.workout import WorkoutScreen

        self.push_screen(HelpScreen([
            ("During a workout", WorkoutScreen.BINDINGS), ("Choosing a routine", PickerScreen.BINDINGS),
            ("After a workout", SummaryScreen.BINDINGS), ("History", HistoryScreen.BINDINGS),
        ]))

    # -- recording: the app owns it; screens show and ask ------------------------------

    def begin_recording(self, routine: Routine, session: Session, resume_session_id: int | None = None,
                        pain_before: int | None = None) -> None:
        """Save `session` as it goes, on the recorder's own thread: it hears the session's
        start, each exercise and the end. Call before the session starts."""
        from kneetimer.history.recorder import Recorder

        self.end_recording()
        self.saving_problem = None
        self.recorder = Recorder(self.data_dir, routine.id, routine.name,
                                 resume_session_id=resume_session_id, pain_before=pain_before,
                                 routine_path=str(routine.path.resolve()) if routine.path else None,
                                 exercises_planned=len(routine.exercises),
                                 on_problem=self._saving_changed_elsewhere)
        session.add_listener(self.recorder.hear)

    def _saving_changed_elsewhere(self, problem: str | None) -> None:
        """From the recorder's thread: posted, never waited for."""
        self.post_message(SavingChanged(problem))

    def on_saving_changed(self, message: SavingChanged) -> None:
        self.saving_problem = message.problem

    def save_feedback(self, pain_after: int | None = None, note: str | None = None) -> None:
        """Pain after, or a note, for the session being recorded."""
        if self.recorder is not None:
            self.recorder.feedback(pain_after=pain_after, note=note)

    def save_exercise_pain(self, exercise_index: int, side: str | None, pain: int | None) -> None:
        if self.recorder is not None:
            self.recorder.mark_pain(exercise_index, side, pain)

    def save_exercise_effort(self, exercise_index: int, side: str | None, effort: int | None) -> None:
        if self.recorder is not None:
            self.recorder.mark_effort(exercise_index, side, effort)

    def ask_history(self, question: Callable[[HistoryStore, int | None], T]) -> Future[T] | None:
        """`question(store, session_id)` on the recorder's thread, after this session's writes
        (None when nothing is being recorded)."""
        return None if self.recorder is None else self.recorder.ask(question)

    def saving_state(self) -> tuple[str | None, str | None]:
        """(why not saved, where it was saved instead) for the session being recorded."""
        if self.recorder is None:
            return "history is not available", None
        return self.recorder.problem, self.recorder.notice

    def end_recording(self) -> None:
        """Wait (briefly) for the last writes; whatever could not be saved is said on exit."""
        recorder, self.recorder = self.recorder, None
        if recorder is None:
            return
        saved = recorder.close(timeout=3)
        if recorder.notice:
            self.history_notice = recorder.notice
        if not saved:
            if recorder.problem:
                self.unsaved_on_exit = f"{recorder.problem} ({recorder.unsaved} writes not saved)"
            else:
                self.unsaved_on_exit = ("the history file did not answer within 3 seconds; the last "
                                        f"{recorder.waiting + recorder.unsaved or 'few'} writes may not be saved")

    def set_voice(self, on: bool) -> None:
        """Spoken cues on or off; without a speech command, say so and stay quiet."""
        self.voice = on
        if not on and self.speaker is not None:
            self.speaker.stop()
            self.speaker = None
        elif on and self.speaker is None:
            command = find_speech_command()
            if command:
                self.speaker = Speaker(command)
            else:
                self.notify(NO_SPEECH_MESSAGE, severity="warning", timeout=8, markup=False)

    def prepare(self, routine: Routine) -> Routine:
        """A routine as the user's settings say to run it."""
        return with_lead_in(routine, self.settings.lead_in)

    def _remember_theme(self, theme) -> None:
        """A theme picked in the command palette is kept for next time."""
        if theme.name != self.settings.theme:
            self.settings.theme = theme.name
            self.store_settings()

    def store_settings(self) -> bool:
        try:
            notice = save_settings(self.settings)
        except OSError as error:
            self.notify(f"Settings not saved: {error}", severity="error", markup=False)
            return False
        if notice:
            self.notify(notice, severity="warning", timeout=10, markup=False)
        return True

    def today(self) -> date:
        return self.wall_clock().date()

    def phone_page_host(self) -> str | None:
        """Where to serve the phone page during a workout, or None for no page."""
        if self.remote_host is not None:
            return self.remote_host
        return "0.0.0.0" if self.settings.remote else None

    def store_plan(self, plan: Plan) -> None:
        try:
            save_plan(plan)
        except OSError as error:
            self.notify(f"The plan was not saved: {error}", severity="error", markup=False)

    def weekly_goal(self) -> int:
        """Days a week to aim for: the plan's days while it runs, else the setting."""
        return weekly_goal(self.plan, self.settings.sessions_per_week, self.today())

    def history(self) -> HistoryStore | None:
        """The history store for reading (None, with a message shown once, if unusable)."""
        if not self._store_tried:
            from kneetimer.history.store import HistoryStore, HistoryUnavailable  # after the first frame

            self._store_tried = True
            try:
                self._store = HistoryStore.open(self.data_dir)
            except HistoryUnavailable as error:
                self.history_problem = str(error)
                self.notify(f"History is not available: {error}", severity="error", timeout=10, markup=False)
        return self._store

    def start_sound(self) -> None:
        """Find a sound player (again whenever the volume changes)."""
        if self._player_given:
            return
        if self.player is not None:
            self.player.stop()
            self.player = None
        command = find_player()
        if command is not None:
            self.player = SoundPlayer(command, paths.cache_dir() / "sounds", self.settings.volume)

    def play(self, signal: Signal) -> None:
        """One of kneetimer's sounds; the terminal bell where no player works."""
        if self.quiet:
            return
        player = self.player
        if player is not None and player.broken is None:
            player.play(signal)
            return
        if player is not None and not self._told_sound_broken:
            self._told_sound_broken = True
            self.notify(f"Sound: {player.broken}. Using the terminal bell instead.", severity="warning",
                        timeout=8, markup=False)
        self.bell()

    def say(self, utterance: Utterance) -> None:
        if self.speaker is not None:
            self.speaker.say(utterance)
