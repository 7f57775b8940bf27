"""During a get-ready or a rest: what comes next, and what it needs."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive

from kneetimer.text import shorten
from kneetimer.tui.widgets.line import Line
from kneetimer.workout.plan import Phase
from kneetimer.workout.words import describe, side_words


class NextUp(Line):
    DEFAULT_CSS = """
    NextUp {
        text-align: center;
    }
    """

    upcoming: reactive[Phase | None] = reactive(None)

    def watch_upcoming(self, upcoming: Phase | None) -> None:
        self.value = next_text(upcoming) if upcoming is not None else Text("")


def next_text(upcoming: Phase) -> Text:
    line = Text("Next: ", style="bold")
    line.append(shorten(upcoming.exercise.name, 50))
    if upcoming.side:
        line.append(f" — {shorten(side_words(upcoming.side), 30)}")
    details = describe(upcoming.exercise)
    if details:
        line.append(f"   ({details})")
    if upcoming.exercise.equipment:
        line.append("   needs: " + shorten(", ".join(upcoming.exercise.equipment), 60))
    return line
