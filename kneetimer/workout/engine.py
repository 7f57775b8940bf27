"""The workout session: a state machine over the plan, timed by deadlines.

Time comes from an injected clock (monotonic seconds), so tests run a
20-minute routine instantly. A phase ends at `start + duration + paused time`;
the next one starts at that deadline, not when the end was noticed, so nothing
drifts however late the caller looks. The UI asks `next_change_at()` when to
look again and forwards key presses as commands; it owns no timing logic.

Gaps. If the clock has jumped past several deadlines by the next `update()`
(a busy event loop), the engine catches up in order, on the deadlines, with
nothing lost or doubled. If the engine was not consulted at all for more than
`stall_after` seconds while running (Ctrl-Z, a stopped process, a debugger),
it treats the gap as a pause that began when it was last seen: the user comes
back to a paused workout exactly where they left it, and the gap is recorded
as paused time, never as work. (Laptop sleep does not advance the monotonic
clock on Linux or macOS, so it needs no handling.)
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from kneetimer.workout.cues import Cue, CueKind, cue_schedule
from kneetimer.workout.plan import Part, Phase, Plan
from kneetimer.workout.records import (
    EndedBy,
    ExerciseEnded,
    ExerciseRecord,
    Outcome,
    SessionEnded,
    SessionEvent,
    SessionStarted,
    Status,
)
from kneetimer.workout.words import describe

# Times are sums of floats: `start + paused + 2.0` read back as `now - start - paused`
# can give 1.9999999999998. Boundaries within a microsecond count as reached.
EPSILON = 1e-6
CUT_SHORT_AFTER = 1.0  # a get-ready or rest must have been shown this long before Enter ends it
BACK_RESTARTS_AFTER = 3.0  # back: the start of this exercise after this long in it, else the previous


class State(StrEnum):
    """Where a session is: not started, running, paused or finished."""

    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


class EnterAction(StrEnum):
    """What Enter does now: one answer for the engine, the footer and the on-screen hint."""

    COUNT_REP = "count-rep"  # an unpaced rep waits for Enter
    END_HOLD = "end-hold"  # a ranged hold, past its minimum
    START_NOW = "start-now"  # cut a get-ready or rest short


@dataclass
class _Unit:
    """Work in progress on one exercise and side."""

    key: tuple[int, int]
    started: float
    seconds: float = 0.0
    sets_done: int = 0
    reps_done: int = 0

    @property
    def has_work(self) -> bool:
        return self.seconds > 0 or self.reps_done > 0 or self.sets_done > 0


class Session:
    """A workout running on a clock: phases chained on deadlines, commands, cues and records.

    Timing is deadline-based on the injected clock (tests drive it with a fake one); the
    display asks `next_change_at` when to wake, and listeners hear each record as it ends.
    """

    def __init__(
        self,
        plan: Plan,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], datetime] = lambda: datetime.now().astimezone(),
        listener: Callable[[SessionEvent], None] | None = None,
        stall_after: float | None = 5.0,
        start_exercise: int = 0,
        start_side: int = 0,
        carried: tuple[float, float] = (0.0, 0.0),
    ):
        """`carried`: active and paused seconds of an interrupted session this one resumes,
        so the totals it reports are the whole session's."""
        if not plan.phases:
            raise ValueError("a plan with no phases cannot be run")
        self.plan = plan
        self.phases = plan.phases
        self._clock = clock
        self._wall_clock = wall_clock
        self._listeners = [listener] if listener else []
        self.stall_after = stall_after
        self.start_exercise = start_exercise
        self.start_side = start_side
        self.state = State.READY
        self.status: Outcome | None = None  # set once finished
        self._carried_active, self._carried_paused = carried
        self.records: list[ExerciseRecord] = []
        self.index = 0
        self.started_mono = 0.0
        self.ended_mono: float | None = None
        self.started_wall: datetime | None = None
        self.paused_total = 0.0
        self._phase_start = 0.0
        self._phase_paused = 0.0
        self._paused_at: float | None = None
        self._last_seen = 0.0
        self._unit: _Unit | None = None
        self._exercise_began = 0.0  # active seconds at the start of the current exercise
        self._fired: set[tuple[CueKind, int | None]] = set()  # (kind, count) of the cues fired this phase
        self._schedule: list[tuple[CueKind, float, int | None]] = []  # the current phase's cues
        self._cues: list[Cue] = []
        self._planned_before = _running_totals(phase.estimate for phase in self.phases)
        self._planned_units = _planned_units(plan)
        self.planned_total = self._planned_before[-1]

    def add_listener(self, listener: Callable[[SessionEvent], None]) -> None:
        """`listener` hears the session start, each exercise end and the session end, in
        order, on the thread that drives the session. Add it before `start`."""
        self._listeners.append(listener)

    # -- queries -------------------------------------------------------------

    def now(self) -> float:
        """The session's clock (monotonic seconds)."""
        return self._clock()

    @property
    def phase(self) -> Phase | None:
        return self.phases[self.index] if self.index < len(self.phases) else None

    @property
    def paused(self) -> bool:
        return self.state is State.PAUSED

    @property
    def finished(self) -> bool:
        return self.state is State.FINISHED

    def elapsed(self, now: float | None = None) -> float:
        """Active seconds into the current phase."""
        if self.state in (State.READY, State.FINISHED):
            return 0.0
        now = self._paused_at if self._paused_at is not None else self._now(now)
        return max(0.0, now - self._phase_start - self._phase_paused)

    def remaining(self, now: float | None = None) -> float | None:
        """Seconds until the phase ends by itself (its maximum), or None if it waits for Enter."""
        phase = self.phase
        if phase is None or phase.duration is None or self.state is State.READY:
            return None
        return max(0.0, phase.duration - self.elapsed(now))

    def countdown(self, now: float | None = None) -> float | None:
        """What the big countdown shows: time to a ranged hold's minimum first, then to its end."""
        phase = self.phase
        if phase is None or phase.duration is None:
            return None
        elapsed = self.elapsed(now)
        target = phase.minimum if phase.minimum is not None and elapsed < phase.minimum else phase.duration
        return max(0.0, target - elapsed)

    def minimum_reached(self, now: float | None = None) -> bool:
        phase = self.phase
        return phase is not None and phase.minimum is not None and self.elapsed(now) >= phase.minimum - EPSILON

    def deadline(self) -> float | None:
        """Monotonic time the current phase ends by itself; None when paused or open-ended."""
        phase = self.phase
        if self.state is not State.RUNNING or phase is None or phase.duration is None:
            return None
        return self._phase_start + self._phase_paused + phase.duration

    def phase_progress(self, now: float | None = None) -> float:
        phase = self.phase
        if phase is None or not phase.duration:
            return 0.0
        return min(1.0, self.elapsed(now) / phase.duration)

    def session_progress(self, now: float | None = None) -> float:
        """Share of the planned time behind us (0-1)."""
        if self.state is State.FINISHED:
            return 1.0
        if not self.planned_total:
            return 0.0
        return min(1.0, self._planned_done(now) / self.planned_total)

    def time_left(self, now: float | None = None) -> float:
        """Planned seconds still ahead (pauses excluded)."""
        if self.state is State.FINISHED:
            return 0.0
        return max(0.0, self.planned_total - self._planned_done(now))

    def active_seconds(self, now: float | None = None) -> float:
        """Time since the start, pauses excluded (lead-ins and rests included), with
        what a resumed session carried over."""
        if self.state is State.READY:
            return self._carried_active
        end = self.ended_mono if self.ended_mono is not None else self._now(now)
        paused = self.paused_total + (end - self._paused_at if self._paused_at is not None else 0.0)
        return self._carried_active + max(0.0, end - self.started_mono - paused)

    def paused_seconds(self, now: float | None = None) -> float:
        ongoing = (self._now(now) - self._paused_at) if self._paused_at is not None else 0.0
        return self._carried_paused + self.paused_total + ongoing

    def next_change_at(self, now: float | None = None) -> float | None:
        """When what the screen shows changes next (whole seconds of the countdown, aligned
        to the deadline, a cue, or the phase's end); None while paused or finished."""
        phase = self.phase
        if self.state is not State.RUNNING or phase is None:
            return None
        elapsed = self.elapsed(now)
        base = self._phase_start + self._phase_paused
        if phase.duration is not None:
            target = phase.minimum if phase.minimum is not None and elapsed < phase.minimum else phase.duration
            remaining = target - elapsed
            change = target - max(0, math.ceil(remaining - EPSILON) - 1)
        else:
            change = math.floor(elapsed + EPSILON) + 1.0  # a count-up of whole seconds
        pending = [offset for _, offset, _ in self._schedule if offset > elapsed + EPSILON]
        if phase.getting_ready and elapsed < CUT_SHORT_AFTER - EPSILON:
            pending.append(CUT_SHORT_AFTER)  # Enter starts to mean "start now"
        return base + min([change, *pending])

    def next_timed_at(self, now: float | None = None) -> float | None:
        """When the next word that must be said on time is due: a 3-2-1 in this phase, or
        the start of the next one. What an announcement has to fit before; None while
        paused or waiting for Enter (no hurry)."""
        phase = self.phase
        deadline = self.deadline()
        if deadline is None or phase is None:
            return None
        elapsed = self.elapsed(now)
        base = self._phase_start + self._phase_paused
        counts = [base + offset for kind, offset, _ in self._schedule
                  if kind is CueKind.COUNTDOWN and offset > elapsed + EPSILON]
        return min([*counts, deadline])

    def drain_cues(self) -> list[Cue]:
        cues, self._cues = self._cues, []
        return cues

    # -- commands ------------------------------------------------------------

    def start(self) -> None:
        if self.state is not State.READY:
            return
        now = self._clock()
        self.started_mono = self._last_seen = now
        self.started_wall = self._wall_clock()
        self._tell(SessionStarted(self.started_wall))
        self.state = State.RUNNING
        self._enter(self.plan.start_of(self.start_exercise, self.start_side), now)
        self._advance(now)

    def update(self) -> None:
        """Bring the session up to the clock: end due phases, fire due cues."""
        now = self._clock()
        if self.state is State.RUNNING:
            if self.stall_after is not None and now - self._last_seen > self.stall_after:
                self._advance(self._last_seen)
                if self.state is State.RUNNING:
                    self._paused_at = self._last_seen
                    self.state = State.PAUSED
                    self._cue(CueKind.STALLED, self._last_seen)
            else:
                self._advance(now)
        self._last_seen = now

    def toggle_pause(self) -> None:
        self.update()
        now = self._clock()
        if self.state is State.RUNNING:
            self._paused_at = now
            self.state = State.PAUSED
        elif self.state is State.PAUSED:
            self._resume(now)

    def enter_action(self, now: float | None = None) -> EnterAction | None:
        """What Enter would do now, or None when it means nothing."""
        phase = self.phase
        if self.state is not State.RUNNING or phase is None:
            return None
        if phase.getting_ready:
            # One press does one thing: the Enter that counted the last rep must not also
            # cut the rest that follows it short.
            return EnterAction.START_NOW if self.elapsed(now) >= CUT_SHORT_AFTER - EPSILON else None
        if phase.part is Part.COUNT:
            return EnterAction.COUNT_REP
        if self.minimum_reached(now):
            return EnterAction.END_HOLD
        return None

    def enter(self) -> bool:
        """Do what `enter_action` says. Returns False when Enter means nothing now."""
        self.update()
        now = self._clock()
        if self.enter_action(now) is None:
            return False
        self._complete(now)
        self._advance(now)
        return True

    def skip(self) -> None:
        """On to the next exercise; what is left of this one is recorded as skipped (or partial)."""
        self.update()
        phase = self.phase
        if phase is None or self.state is State.READY or self.state is State.FINISHED:
            return
        now = self._clock()
        self._close_unit(now, Status.PARTIAL, drop_if_empty=False)
        if not phase.between:
            for side_index in range(phase.side_index + 1, len(phase.exercise.side_labels())):
                self._emit_empty(phase, side_index, now)
        self._jump(self._exercise_start(phase.exercise_index + 1), now)

    def back(self) -> None:
        """Like a music player's back button: to the start of this exercise when more than
        3 s of it have passed, otherwise to the previous one. From the rest between two
        exercises: the start of the one just done. What was done is kept, as partial."""
        self.update()
        phase = self.phase
        if phase is None or self.state is State.READY or self.state is State.FINISHED:
            return
        now = self._clock()
        into_exercise = self._active_at(now) - self._exercise_began
        self._close_unit(now, Status.PARTIAL, drop_if_empty=True)
        if phase.between or into_exercise > BACK_RESTARTS_AFTER + EPSILON:
            target = phase.exercise_index
        else:
            target = max(0, phase.exercise_index - 1)
        self._jump(self._exercise_start(target), now)

    def quit(self, ended_by: EndedBy = EndedBy.YOU) -> None:
        """End the session early: work in progress is kept as partial, the session interrupted."""
        if self.state is State.FINISHED:
            return
        if self.state is State.READY:
            self.state = State.FINISHED
            self.status = Outcome.INTERRUPTED
            return
        self.update()
        if self.finished:  # the update may have reached the end
            return
        now = self._clock()
        self._close_unit(now, Status.PARTIAL, drop_if_empty=True)
        self._finish(now, Outcome.INTERRUPTED, ended_by)

    # -- internals -------------------------------------------------------------

    def _now(self, now: float | None = None) -> float:
        return self._clock() if now is None else now

    def _advance(self, now: float) -> None:
        """Fire due cues and end due phases in order, each next phase starting on the deadline."""
        while self.state is State.RUNNING:
            self._fire_due_cues(now)
            deadline = self.deadline()
            if deadline is None or now < deadline - EPSILON:
                return
            self._complete(deadline)

    def _complete(self, at: float) -> None:
        """The current phase ends normally at `at`."""
        phase = self.phase
        assert phase is not None  # only a running session completes phases
        unit = self._unit
        if unit is not None and phase.unit == unit.key:
            if phase.is_work:
                unit.seconds += self._active_until(at)
            unit.reps_done += phase.completes_rep
            unit.sets_done += phase.completes_set
        if phase.ends_unit:
            self._close_unit(at, Status.DONE, drop_if_empty=False, count_current=False)
            if phase.side_index == len(phase.exercise.side_labels()) - 1:
                self._cue(CueKind.EXERCISE_DONE, at)
        self._enter(self.index + 1, at)

    def _enter(self, index: int, at: float) -> None:
        self.index = index
        self._phase_start = at
        self._phase_paused = 0.0
        self._fired = set()
        phase = self.phase
        if phase is None:
            self._finish(at, Outcome.COMPLETED if self._anything_done() else Outcome.SKIPPED)
            return
        self._schedule = cue_schedule(phase)
        if not phase.between and index == self._exercise_start(phase.exercise_index):
            self._exercise_began = self._active_at(at)
        if phase.unit is not None and (self._unit is None or self._unit.key != phase.unit):
            self._close_unit(at, Status.PARTIAL, drop_if_empty=True)
            self._unit = _Unit(phase.unit, started=at)
            if phase.side_index > 0:
                self._cue(CueKind.SWITCH_SIDES, at)
        self._cue(CueKind.PHASE_STARTED, at)

    def _jump(self, index: int, now: float) -> None:
        """Start phase `index` now, keeping a paused session paused."""
        was_paused = self.state is State.PAUSED
        if was_paused:
            self._resume(now)
        self._enter(index, now)
        if was_paused and self.state is State.RUNNING:
            self._paused_at = now
            self.state = State.PAUSED
        elif self.state is State.RUNNING:
            self._advance(now)

    def _resume(self, now: float) -> None:
        assert self._paused_at is not None
        span = now - self._paused_at
        self._phase_paused += span
        self.paused_total += span
        self._paused_at = None
        self._last_seen = now
        self.state = State.RUNNING

    def _finish(self, at: float, status: Outcome, ended_by: EndedBy | None = None) -> None:
        if self._paused_at is not None:
            self.paused_total += at - self._paused_at
            self._paused_at = None
        self.index = len(self.phases)
        self.ended_mono = at
        self.state = State.FINISHED
        self.status = status
        if status is not Outcome.INTERRUPTED:
            self._cue(CueKind.SESSION_FINISHED, at)
        self._tell(SessionEnded(status, self.wall_at(at), self.active_seconds(), self.paused_seconds(),
                                ended_by if status is Outcome.INTERRUPTED else None))

    def _anything_done(self) -> bool:
        """Whether any exercise was done, in full or in part (a resumed session's earlier
        part counts too: its work was carried over)."""
        return self._carried_active > 0 or any(record.status is not Status.SKIPPED for record in self.records)

    def _active_at(self, at: float) -> float:
        """Active seconds of this run at monotonic `at` (pauses excluded)."""
        ongoing = (at - self._paused_at) if self._paused_at is not None else 0.0
        return at - self.started_mono - self.paused_total - ongoing

    def _active_until(self, at: float) -> float:
        paused = self._phase_paused + ((at - self._paused_at) if self._paused_at is not None else 0.0)
        return max(0.0, at - self._phase_start - paused)

    def _close_unit(self, at: float, status: Status, drop_if_empty: bool, count_current: bool = True) -> None:
        """Record the open unit. An interrupted unit with work is partial; without, skipped (or dropped).

        `count_current` adds the work of the phase still under way (an interruption);
        a phase that ended normally has been counted already."""
        unit, self._unit = self._unit, None
        if unit is None:
            return
        phase = self.phase
        if count_current and phase is not None and phase.unit == unit.key and phase.is_work:
            unit.seconds += self._active_until(at)
        if status is not Status.DONE and not unit.has_work:
            if drop_if_empty:
                return
            status = Status.SKIPPED
        exercise_index, side_index = unit.key
        exercise = self.plan.routine.exercises[exercise_index]
        self._emit(
            ExerciseRecord(
                exercise_index, exercise.name, exercise.side_labels()[side_index], status,
                unit.sets_done, unit.reps_done, unit.seconds, self.wall_at(unit.started), self.wall_at(at),
                *self._planned_units[unit.key],
            )
        )

    def _emit_empty(self, phase: Phase, side_index: int, at: float) -> None:
        self._emit(
            ExerciseRecord(
                phase.exercise_index, phase.exercise.name, phase.exercise.side_labels()[side_index],
                Status.SKIPPED, 0, 0, 0.0, self.wall_at(at), self.wall_at(at),
                *self._planned_units[(phase.exercise_index, side_index)],
            )
        )

    def _emit(self, record: ExerciseRecord) -> None:
        self.records.append(record)
        self._tell(ExerciseEnded(record, self.active_seconds(), self.paused_seconds()))

    def _tell(self, event: SessionEvent) -> None:
        for listener in self._listeners:
            listener(event)

    def wall_at(self, mono: float) -> datetime:
        """The local wall-clock time of a monotonic instant of this session."""
        assert self.started_wall is not None, "the session has not started"
        return (self.started_wall + timedelta(seconds=mono - self.started_mono)).astimezone()

    def _exercise_start(self, exercise_index: int) -> int:
        starts = self.plan.exercise_starts
        return starts[exercise_index] if exercise_index < len(starts) else len(self.phases)

    def _planned_done(self, now: float | None) -> float:
        phase = self.phase
        if phase is None:
            return self.planned_total
        return self._planned_before[self.index] + min(self.elapsed(now), phase.estimate)

    def _cue(self, kind: CueKind, at: float, count: int | None = None) -> None:
        self._cues.append(Cue(kind, self.index, at, count))

    def _fire_due_cues(self, now: float) -> None:
        elapsed = max(0.0, now - self._phase_start - self._phase_paused)
        base = self._phase_start + self._phase_paused
        for kind, offset, count in self._schedule:
            key = (kind, count)
            if offset <= elapsed + EPSILON and key not in self._fired:
                self._fired.add(key)
                self._cue(kind, base + offset, count)


def _planned_units(plan: Plan) -> dict[tuple[int, int], tuple[int, int, float, str, int, str]]:
    """What each exercise and side asks for: sets, reps, seconds of work (a ranged hold's
    minimum: held that long, it is complete), in words, its number of sides, its load."""
    planned: dict[tuple[int, int], list[Any]] = {}
    for phase in plan.phases:
        if phase.unit is None:
            continue
        exercise = phase.exercise
        entry = planned.setdefault(phase.unit, [0, 0, 0.0, describe(exercise, sides=False),
                                                len(exercise.side_labels()), exercise.load])
        if phase.is_work:
            entry[0] += phase.completes_set
            entry[1] += phase.completes_rep
            entry[2] += phase.target if phase.minimum is not None and phase.target is not None else phase.estimate
    return {unit: tuple(entry) for unit, entry in planned.items()}


def _running_totals(values: Iterable[float]) -> list[float]:
    totals = [0.0]
    for value in values:
        totals.append(totals[-1] + value)
    return totals
