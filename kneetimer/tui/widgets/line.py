"""A line (or a few) of Rich text that repaints only when its text changes."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static


class Line(Static):
    DEFAULT_CSS = """
    Line {
        height: auto;
    }
    """

    value: reactive[Text] = reactive(Text)

    def watch_value(self, value: Text) -> None:
        self.update(value)
