"""Small modal screens: a yes/no question, a one-key pain score, the key help.

Each has its own key bar, so under a question the keys shown are the question's
(n is "no" there, not "skip").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from kneetimer.text import clean_line
from kneetimer.tui.app import KneetimerApp
from kneetimer.tui.widgets.keybar import KeyBar
from kneetimer.tui.widgets.pain_question import PainQuestion


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
        yield KeyBar(palette_hint=False)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class PainScreen(ModalScreen[int | None]):
    """A knee pain score in one key press (None when skipped): the shared question."""

    app = getters.app(KneetimerApp)

    def __init__(self, question: str):
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield PainQuestion(self.question, settle=self.app.question_settle, clock=self.app.clock)
        yield KeyBar(palette_hint=False)

    def on_mount(self) -> None:
        self.query_one(PainQuestion).focus()

    def on_pain_question_answered(self, message: PainQuestion.Answered) -> None:
        self.dismiss(message.pain)


class MorningScreen(ModalScreen[str | None]):
    """The next-morning question, in one key: better, same or worse (None: not now, and
    not asked again for that session)."""

    BINDINGS = [
        Binding("b", "answer('better')", "Better"),
        Binding("s", "answer('same')", "Same"),
        Binding("w", "answer('worse')", "Worse"),
        Binding("escape", "answer(None)", "Not now"),
        Binding("n", "answer(None)", "Not now", show=False),
    ]

    def __init__(self, question: str):
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.question, style="bold"), classes="dialog-title")
            yield Static(Text("b: better    s: the same    w: worse    Esc: not now"), classes="dialog-keys")
        yield KeyBar(palette_hint=False)

    def action_answer(self, answer: str | None) -> None:
        self.dismiss(answer)


class EndOfBlockScreen(ModalScreen[str | None]):
    """The end of a plan's block, offered once: check in again, the report, continue, or stop."""

    BINDINGS = [
        Binding("k", "choose('checkin')", "Check-in"),
        Binding("r", "choose('report')", "Report"),
        Binding("c", "choose('continue')", "Continue"),
        Binding("escape", "choose(None)", "Stop"),
    ]

    def __init__(self, weeks: int, ended: date):
        super().__init__()
        self.weeks = weeks
        self.ended = ended

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(f"Your {self.weeks}-week plan ended on {self.ended:%a %d %b}. Well done.",
                              style="bold"), classes="dialog-title")
            yield Static(Text("A physiotherapist would now look at how far you have come, and decide whether to go "
                              "on (trials continue to 12 weeks)."))
            yield Static(Text(f"k: measure again (check-in)    r: the report    c: continue {self.weeks} more weeks"
                              "    Esc: stop here"), classes="dialog-keys")
        yield KeyBar(palette_hint=False)

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)


class TextScreen(ModalScreen[str | None]):
    """One line of text: Enter keeps it, Escape leaves it as it was (None)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, question: str, value: str, hint: str):
        super().__init__()
        self.question, self.value, self.hint = question, value, hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.question, style="bold"), classes="dialog-title")
            yield Input(self.value, placeholder=self.hint, max_length=60)
        yield KeyBar(palette_hint=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(clean_line(event.value).strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class HelpScreen(ModalScreen[None]):
    """The keys of each screen, generated from their bindings (so it cannot drift)."""

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("question_mark", "close", "Close", show=False),
        Binding("q", "close", "Close", show=False),
        Binding("enter", "close", "Close", show=False),
    ]

    def __init__(self, sections: Sequence[tuple[str, Sequence[BindingType]]]):
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Static(Text("Keys", style="bold"), classes="dialog-title")
            yield Static(help_table(self.sections, self.app.get_key_display))
        yield KeyBar(palette_hint=False)

    def action_close(self) -> None:
        self.dismiss(None)


def help_table(sections: Sequence[tuple[str, Sequence[BindingType]]], key_display) -> Group:
    """Two aligned columns, key and what it does, one group per screen. A key with several
    meanings (Enter) gets one row; the words wrap under their own column."""
    keys = [_key_rows(bindings, key_display) for _, bindings in sections]
    key_width = max((len(key) for rows in keys for key in rows), default=1)
    parts: list[Text | Table] = []
    for number, ((title, _), rows) in enumerate(zip(sections, keys, strict=True)):
        table = Table(box=None, show_header=False, padding=(0, 1), expand=True)
        table.add_column(style="bold", no_wrap=True, width=key_width)
        table.add_column(ratio=1)
        for key, words in rows.items():
            table.add_row(Text(key), Text("; ".join(dict.fromkeys(words))))
        parts += [Text(("\n" if number else "") + title, style="bold underline"), table]
    return Group(*parts)


def _key_rows(bindings: Sequence[BindingType], key_display: Callable[[Binding], str]) -> dict[str, list[str]]:
    rows: dict[str, list[str]] = {}
    for binding in bindings:
        if isinstance(binding, Binding) and binding.tooltip:
            keys = "/".join(key_display(Binding(key.strip(), "")) for key in binding.key.split(","))
            rows.setdefault(keys, []).append(binding.tooltip)
    return rows
