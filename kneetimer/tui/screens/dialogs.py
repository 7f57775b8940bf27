"""Small modal screens: a yes/no question, a one-key pain score, the key help."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

PAIN_KEYS = {str(n): n for n in range(10)} | {"t": 10}
PAIN_HELP = "0 = no pain, 10 = worst imaginable. Press 0-9, or T for 10. S skips."


class ConfirmScreen(ModalScreen[bool]):
    """Ask a yes/no question: y confirms; n or Escape cancels."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n", "answer(False)", "No"),
        Binding("escape", "answer(False)", "Cancel", show=False),
    ]

    def __init__(self, question: str, detail: str = ""):
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.question, style="bold"), classes="dialog-title")
            if self.detail:
                yield Static(Text(self.detail))
            yield Static(Text("y: yes    n: no"), classes="dialog-keys")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class PainScreen(ModalScreen[int | None]):
    """A knee pain score in one key press (None when skipped)."""

    BINDINGS = [
        Binding("s", "skip", "Skip"),
        Binding("escape", "skip", "Skip", show=False),
        Binding("enter", "skip", "Skip", show=False),
    ]

    def __init__(self, question: str):
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.question, style="bold"), classes="dialog-title")
            yield Static(Text(PAIN_HELP), classes="dialog-keys")

    def on_key(self, event) -> None:
        key = (event.character or "").lower()
        if key in PAIN_KEYS:
            event.stop()
            self.dismiss(PAIN_KEYS[key])

    def action_skip(self) -> None:
        self.dismiss(None)


HELP_TEXT = """\
During a workout
  space   pause / resume
  enter   count a rep (your pace), end a ranged hold after its minimum,
          or start now (cut a get-ready or rest short)
  n       skip to the next exercise (saved as skipped, or partial)
  p       back to the previous exercise
  q       quit: y ends the session, saved as interrupted
  ?       this help

In the picker
  enter   start the highlighted routine
  r       resume an interrupted session
  h       history
  q       quit
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("question_mark", "close", "Close", show=False),
        Binding("q", "close", "Close", show=False),
        Binding("enter", "close", "Close", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            yield Static(Text("Keys", style="bold"), classes="dialog-title")
            yield Static(Text(HELP_TEXT))

    def action_close(self) -> None:
        self.dismiss(None)
