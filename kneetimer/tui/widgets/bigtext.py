"""Text drawn large in a block font, or as one plain line where nothing larger fits.

The screen decides the font and scale (`fit`) from the space it has; this widget
only draws. Its size follows `template` (the widest text it will show in this
phase), so the countdown ticking from 10 to 9 repaints a few cells and never
moves the layout.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from kneetimer.text import shorten
from kneetimer.tui.design.blockfont import PLAIN, Fit, measure, render


class BigText(Widget):
    DEFAULT_CSS = """
    BigText {
        width: auto;
        height: auto;
    }
    """

    text: reactive[str] = reactive("")
    template: reactive[str] = reactive("", layout=True)
    fit: reactive[Fit] = reactive(PLAIN, layout=True)

    def show(self, text: str, template: str | None = None, fit: Fit | None = None) -> None:
        """Set what to draw; each attribute repaints only if it changed."""
        if fit is not None:
            self.fit = fit
        self.template = text if template is None else template
        self.text = text

    def _sample(self) -> str:
        return self.template if len(self.template) >= len(self.text) else self.text

    def get_content_width(self, container, viewport) -> int:
        sample = self._sample()
        if self.fit.font is None:
            return min(cell_len(sample), max(1, container.width))
        return measure(self.fit.font, sample, self.fit.scale)[0]

    def get_content_height(self, container, viewport, width: int) -> int:
        if self.fit.font is None:
            return 1
        return measure(self.fit.font, self._sample(), self.fit.scale)[1]

    def render_lines(self, crop):
        self._style = self.rich_style  # once per paint: it walks every ancestor
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        if self.fit.font is None:
            return self.plain_line(self.text if y == 0 else "")
        rows = render(self.fit.font, self.text, self.fit.scale)
        y -= max(0, (self.size.height - len(rows)) // 2)  # centred when given more rows
        return self._centred(rows[y] if 0 <= y < len(rows) else "")

    def plain_line(self, text: str) -> Strip:
        return self._centred(shorten(text, self.size.width))

    def _centred(self, line: str) -> Strip:
        width = self.size.width
        style = getattr(self, "_style", None) or self.rich_style
        left = max(0, (width - cell_len(line)) // 2)
        return Strip([Segment(" " * left + line, style)]).adjust_cell_length(width, style)
