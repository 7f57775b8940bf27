"""The phase word in block letters (HOLD, REST, GET READY...), with a one-line hint under it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive

from kneetimer.tui.widgets.bigtext import BigText
from kneetimer.tui.widgets.blockfont import PLAIN, Fit
from kneetimer.tui.widgets.line import Line


class PhaseBanner(Vertical):
    DEFAULT_CSS = """
    PhaseBanner {
        height: auto;
        align-horizontal: center;
    }
    PhaseBanner > #hint {
        width: 100%;
        text-align: center;
    }
    """

    word: reactive[str] = reactive("")
    hint: reactive[str] = reactive("")
    fit: reactive[Fit] = reactive(PLAIN)

    def compose(self) -> ComposeResult:
        yield BigText(id="word")
        yield Line(id="hint")

    def watch_word(self, word: str) -> None:
        self.query_one("#word", BigText).show(word)

    def watch_fit(self, fit: Fit) -> None:
        self.query_one("#word", BigText).fit = fit

    def watch_hint(self, hint: str) -> None:
        self.query_one("#hint", Line).value = Text(hint)
