"""Where the person is within the exercise: rep, set, side and step."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive

from kneetimer.text import shorten
from kneetimer.tui.widgets.line import Line
from kneetimer.workout.plan import Phase


class Counters(Line):
    DEFAULT_CSS = """
    Counters {
        text-align: center;
        text-style: bold;
    }
    """

    phase: reactive[Phase | None] = reactive(None)

    def watch_phase(self, phase: Phase | None) -> None:
        self.value = counters_text(phase) if phase is not None else Text("")


def counters_text(phase: Phase) -> Text:
    parts = []
    if phase.rep_no is not None:
        parts.append(f"Rep {phase.rep_no} / {phase.reps}")
    if phase.sets > 1 and not phase.between:
        parts.append(f"Set {phase.set_no} / {phase.sets}")
    sides = phase.exercise.sides
    if sides and not phase.between:
        parts.append(f"Side {phase.side_index + 1} / {len(sides)}")
    line = Text("   ".join(parts))
    if phase.step_name:
        line.append(f"   Step {phase.step_no} / {phase.steps}: ")
        line.append(shorten(phase.step_name, 50))
    return line
