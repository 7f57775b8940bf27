"""Where the figure is in its move during each phase, so it moves in step with the timer.

A paced rep moves from the start pose to the end and back over its tempo; a rep's
hold keeps the end pose (not one frame is drawn while it lasts); the release after a
hold returns to the start, and goes out again when another hold follows. A get-ready
shows the move over and over, so the person sees it before doing it. The side
mirrors the drawing: the library draws one side, named in each move.
"""

from __future__ import annotations

from dataclasses import dataclass

from kneetimer.figures.library import MOVES
from kneetimer.workout.plan import Kind, Part, Phase

SHOW_SECONDS = 1.4  # a get-ready's demonstration: one way, then a pause, then back
SHOW_PAUSE = 0.5
OUT_SHARE = 0.4  # of a paced rep's tempo: out, pause at the end, back (0.4, 0.2, 0.4)


@dataclass(frozen=True)
class Stretch:
    """The move going from `start` to `end` (fractions of it) over `seconds`."""

    seconds: float
    start: float
    end: float


@dataclass(frozen=True)
class Motion:
    """What the figure does during a phase: which move, mirrored or not, and its stretches over time."""

    figure: str
    mirrored: bool
    stretches: tuple[Stretch, ...] = ()  # from the phase's start; then still at the last end
    rest_at: float = 0.0  # where the figure stands when nothing moves
    loop: bool = False

    @property
    def length(self) -> float:
        return sum(stretch.seconds for stretch in self.stretches)

    def at(self, elapsed: float) -> float:
        """The fraction of the move shown `elapsed` seconds into the phase."""
        if not self.stretches:
            return self.rest_at
        if self.loop and self.length > 0:
            elapsed %= self.length
        for stretch in self.stretches:
            if elapsed < stretch.seconds:
                return stretch.start + (stretch.end - stretch.start) * (elapsed / stretch.seconds)
            elapsed -= stretch.seconds
        return self.stretches[-1].end

    def moving(self, elapsed: float) -> bool:
        """Whether the picture still changes after `elapsed`: the widget needs frames."""
        if self.loop:
            return any(stretch.start != stretch.end for stretch in self.stretches)
        ends = 0.0
        for stretch in self.stretches:
            ends += stretch.seconds
            if ends > elapsed and stretch.start != stretch.end:
                return True
        return False


def motion_for(phase: Phase, upcoming: Phase | None = None) -> Motion | None:
    """What the figure does during `phase` (`upcoming`: the work a get-ready or rest leads
    to); None where there is no figure to show."""
    shown = upcoming if phase.between and upcoming is not None else phase
    move = MOVES.get(shown.figure)
    if move is None:
        return None
    mirrored = _mirrored(shown.side, shown.side_index, move.side)
    if not move.moves:
        return Motion(move.name, mirrored)
    if phase.kind in (Kind.LEAD_IN, Kind.SWITCH):
        return Motion(move.name, mirrored, demonstration(), loop=True)
    if phase.kind is Kind.REST:
        return Motion(move.name, mirrored)
    if phase.holds:
        return Motion(move.name, mirrored, rest_at=1.0)
    tempo = phase.duration if phase.duration is not None else phase.expected
    if phase.part is Part.COUNT:
        return Motion(move.name, mirrored, _there_and_back(tempo or SHOW_SECONDS * 2), loop=True)
    if phase.after_hold:
        release = (Stretch(tempo / 2, 1.0, 0.0),)
        again = phase.rep_no is not None and phase.reps is not None and phase.rep_no < phase.reps
        return Motion(move.name, mirrored, release + ((Stretch(tempo / 2, 0.0, 1.0),) if again else ()))
    return Motion(move.name, mirrored, _there_and_back(tempo))


def _there_and_back(seconds: float) -> tuple[Stretch, ...]:
    out = seconds * OUT_SHARE
    return (Stretch(out, 0.0, 1.0), Stretch(seconds - 2 * out, 1.0, 1.0), Stretch(out, 1.0, 0.0))


def demonstration() -> tuple[Stretch, ...]:
    """The move shown before it is done: out, a pause, back, a pause (looped)."""
    return (Stretch(SHOW_SECONDS, 0.0, 1.0), Stretch(SHOW_PAUSE, 1.0, 1.0),
            Stretch(SHOW_SECONDS, 1.0, 0.0), Stretch(SHOW_PAUSE, 0.0, 0.0))


def _mirrored(side: str | None, side_index: int, drawn: str) -> bool:
    """Whether this side is the mirror image of the side the library drew: by the side's
    name where it says left or right ("left leg", "to the right"), else every other side."""
    if side is None:
        return False
    words = side.lower().replace("-", " ").split()
    if "left" in words or "right" in words:
        return ("left" if "left" in words else "right") != drawn
    return side_index % 2 == 1
