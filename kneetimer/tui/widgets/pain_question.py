"""How the knee feels, 0-10, in one key: the question before a workout and after it.

Never answered by accident: Enter neither answers nor skips (a double Enter in the
picker, or one more Enter after the last counted rep, used to lose the answer), and a
key pressed in the first half second after the question appears is ignored, since it
was meant for what came before. S or Escape skips, and the key bar says so.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static

PAIN_KEYS = {str(n): n for n in range(10)} | {"t": 10}
PAIN_HELP = "0 = no pain, 10 = worst imaginable. Press 0-9, or T for 10. S skips."
SETTLE_SECONDS = 0.5  # keys this soon after the question appears were meant for what came before


class PainQuestion(Static, can_focus=True):
    """The question, the scale, and the answer before (when there is one) beside it."""

    DEFAULT_CSS = """
    PainQuestion { height: auto; }
    PainQuestion:focus { text-style: none; }
    """

    BINDINGS = [
        Binding("0", "answer(0)", "Pain", key_display="0-9/T"),
        *(Binding(key, f"answer({PAIN_KEYS[key]})", show=False) for key in "123456789t"),
        Binding("s", "answer(None)", "Skip"),
        Binding("escape", "answer(None)", "Skip", show=False),
    ]

    @dataclass
    class Answered(Message):
        """A pain score (None: skipped)."""

        pain: int | None

    def __init__(self, question: str, *, before: int | None = None, settle: float = SETTLE_SECONDS,
                 clock: Callable[[], float] = time.monotonic, id: str | None = None) -> None:
        super().__init__(id=id)
        self.question = question
        self.before = before
        self.settle = settle
        self.clock = clock
        self._asked_at = clock()
        self.answered = False

    def on_mount(self) -> None:
        self._asked_at = self.clock()
        self.update(self._text())

    def ask_again_from_now(self) -> None:
        """The question is shown (again) now: the half second starts over."""
        self._asked_at = self.clock()

    def _text(self) -> Text:
        text = Text(self.question, style="bold")
        if self.before is not None:
            text.append(f"  (before: {self.before}/10)")
        text.append("\n")
        text.append(PAIN_HELP)
        return text

    def action_answer(self, pain: int | None) -> None:
        if self.answered or self.clock() - self._asked_at < self.settle:
            return
        self.answered = True
        self.post_message(self.Answered(pain))
