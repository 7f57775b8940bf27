"""What the phone page is told about the workout: one JSON object per change.

`remaining_s` lets the page count down on its own from the moment it receives it, so the
server sends a message when the phase changes, never one a second."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from kneetimer.workout.engine import EnterAction
from kneetimer.workout.view import SessionView
from kneetimer.workout.words import phase_title, side_words

ENTER_WORDS = {EnterAction.COUNT_REP: "Count rep", EnterAction.END_HOLD: "Done", EnterAction.START_NOW: "Start now"}
ACTIONS = ("pause", "resume", "enter", "skip", "back")


@dataclass(frozen=True)
class PhoneState:
    """The workout as the phone shows it."""

    phase: str  # get_ready, hold, move, rest, switch, paused, done
    word: str  # the phase in a word, as on screen
    remaining_s: float | None  # the countdown now; None: a rep that waits for Enter
    exercise: str
    side: str | None
    rep: str | None  # "2/10"
    set: str | None  # "1/2"
    enter: str | None  # what Enter does now, or None
    paused: bool

    def json(self) -> dict[str, object]:
        return asdict(self)


DONE = PhoneState("done", "DONE", None, "", None, None, None, None, False)


def phone_state(view: SessionView) -> PhoneState:
    phase = view.phase
    kind = view.look.replace("-", "_")  # the same kinds as the screen's colours
    shown = view.upcoming if phase.between and view.upcoming is not None else phase
    return PhoneState(
        phase=kind,
        word="PAUSED" if view.paused else phase_title(phase),
        remaining_s=None if view.countdown is None else round(view.countdown, 2),
        exercise=shown.exercise.name,
        side=side_words(shown.side) if shown.side else None,
        rep=f"{phase.rep_no}/{phase.reps}" if phase.rep_no is not None else None,
        set=f"{phase.set_no}/{phase.sets}" if phase.sets > 1 else None,
        enter=ENTER_WORDS.get(view.enter) if view.enter is not None else None,
        paused=view.paused,
    )
