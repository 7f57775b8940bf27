"""The phase word in block letters (HOLD, REST, GET READY...), with a one-line hint under it.

One widget rather than two, because every widget on the workout screen is painted
again on each phase change, when the whole screen changes colour.
"""

from __future__ import annotations

from textual.reactive import reactive
from textual.strip import Strip

from kneetimer.tui.widgets.bigtext import BigText


class PhaseBanner(BigText):
    DEFAULT_CSS = """
    PhaseBanner {
        width: 100%;
    }
    """

    hint: reactive[str] = reactive("")
    show_hint: reactive[bool] = reactive(True, layout=True)

    def get_content_height(self, container, viewport, width: int) -> int:
        return super().get_content_height(container, viewport, width) + self.show_hint

    def render_line(self, y: int) -> Strip:
        word_rows = super().get_content_height(None, None, self.size.width)
        if y < word_rows:
            return super().render_line(y)
        return self.plain_line(self.hint if y == word_rows else "")
