"""A thin progress bar that redraws only when it visibly moves.

Textual's ProgressBar refreshes itself every second (for its ETA) whether or not
anything changed, and Rich measures its bar glyph by glyph (8 ms for a line of
200 at every phase change). This draws the same glyphs as two segments: the filled
part in the text colour it inherits (so it reads on every phase colour), the rest
in a faint shade of the same.
"""

from __future__ import annotations

from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

BAR, HALF_LEFT, HALF_RIGHT = "━", "╺", "╸"


class Meter(Widget):
    DEFAULT_CSS = """
    Meter {
        height: 1;
        width: 1fr;
    }
    """

    steps: reactive[int] = reactive(0)  # filled half-cells

    def set_fraction(self, fraction: float) -> None:
        """Show `fraction` (0-1) of the bar; a no-op unless a half-cell changes."""
        self.steps = round(max(0.0, min(1.0, fraction)) * 2 * max(1, self.size.width))

    def render_line(self, y: int) -> Strip:
        _, _, background, color = self.colors
        base = self.rich_style
        filled = base + Style(color=color.rich_color)
        faint = base + Style(color=background.blend(color, 0.3).rich_color)
        return _bar(self.size.width, self.steps, filled, faint)


@lru_cache(maxsize=256)
def _bar(width: int, steps: int, filled: Style, faint: Style) -> Strip:
    whole, half = divmod(min(steps, 2 * width), 2)
    head = BAR * whole + (HALF_RIGHT if half else "")
    tail_width = width - len(head)
    tail = (HALF_LEFT if tail_width and not half and whole else BAR[:tail_width]) + BAR * max(0, tail_width - 1)
    return Strip([Segment(head, filled), Segment(tail[:tail_width], faint)], width)
