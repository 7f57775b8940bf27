"""One view of the session at a moment: everything a screen needs to draw it.

The workout screen asks for this once per wake-up and hands its fields to its
widgets; it never asks the engine twice or works anything out for itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from kneetimer.workout.engine import EnterAction, Session, State
from kneetimer.workout.plan import Kind, Part, Phase


@dataclass(frozen=True)
class SessionView:
    """The session at one moment, as a screen needs it: taken once per wake-up."""

    state: State
    phase: Phase
    countdown: float | None  # seconds the big countdown shows; None: a rep that waits for Enter
    elapsed: float  # active seconds into the phase
    enter: EnterAction | None  # what Enter does now
    minimum_reached: bool
    phase_progress: float  # 0-1
    session_progress: float  # 0-1
    time_left: float  # planned seconds still ahead
    upcoming: Phase | None  # during a get-ready or rest: the work it leads to
    exercise_count: int

    @property
    def paused(self) -> bool:
        return self.state is State.PAUSED

    @property
    def look(self) -> str:
        """What kind of moment it is, as everything that shows it is coloured: "paused",
        "get-ready", "switch", "rest", "move" (a paced rep's move) or "hold" (work)."""
        phase = self.phase
        if self.paused:
            return "paused"
        if phase.kind is Kind.LEAD_IN:
            return "get-ready"
        if phase.kind in (Kind.SWITCH, Kind.REST):
            return str(phase.kind)
        return "move" if phase.part is Part.MOVE else "hold"

    @property
    def counts_reps(self) -> bool:
        """Unpaced reps: the count is what matters, not the clock."""
        return self.phase.part is Part.COUNT

    @property
    def paced_rep(self) -> bool:
        return self.phase.kind is Kind.REP and self.phase.part is not Part.COUNT


def view_of(session: Session, now: float | None = None) -> SessionView:
    """The session as it stands at `now` (the session's clock if None); it must have started."""
    now = session.now() if now is None else now
    phase = session.phase
    if phase is None:
        raise ValueError("a finished session has nothing to show")
    return SessionView(
        state=session.state,
        phase=phase,
        countdown=session.countdown(now),
        elapsed=session.elapsed(now),
        enter=session.enter_action(now),
        minimum_reached=session.minimum_reached(now),
        phase_progress=session.phase_progress(now),
        session_progress=session.session_progress(now),
        time_left=session.time_left(now),
        upcoming=session.plan.upcoming_work(session.index) if phase.getting_ready else None,
        exercise_count=len(session.plan.routine.exercises),
    )
