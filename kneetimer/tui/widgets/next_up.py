"""During a get-ready or a rest: what comes next (the presenter's words), "Next:" in bold."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive

from kneetimer.tui.widgets.line import Line

PREFIX = "Next:"


class NextUp(Line):
    DEFAULT_CSS = """
    NextUp {
        text-align: center;
    }
    """

    words: reactive[str] = reactive("")

    def watch_words(self, words: str) -> None:
        line = Text()
        if words.startswith(PREFIX):
            line.append(PREFIX, style="bold")
            words = words[len(PREFIX):]
        line.append(words)
        self.value = line
