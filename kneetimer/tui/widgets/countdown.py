"""The countdown and the rep number beside it: the two things read from across the room."""

from __future__ import annotations

from kneetimer.tui.widgets.bigtext import BigText


class Countdown(BigText):
    """Seconds left (or the rep count, for reps done at your own pace)."""


class RepNumber(BigText):
    """The rep under way, "3/10", at least a third of the countdown's height."""

    DEFAULT_CSS = """
    RepNumber {
        margin-left: 4;
    }
    RepNumber.-below {
        margin-left: 0;
    }
    """
