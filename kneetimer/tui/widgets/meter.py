"""A thin progress bar that redraws only when it visibly moves.

Textual's ProgressBar refreshes itself every second (for its ETA) whether or not
anything changed; on a workout screen that sits in a 30-second hold, that is
most of the CPU. This draws the same bar glyphs, from one reactive value, in the
text colour it inherits (so it reads on every phase colour), its unfilled part
a faint shade of the same.
"""

from __future__ import annotations

from rich.style import Style
from textual.reactive import reactive
from textual.renderables.bar import Bar
from textual.widget import Widget


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

    def render(self) -> Bar:
        width = max(1, self.size.width)
        _, _, background, color = self.colors
        faint = background.blend(color, 0.3)
        return Bar(
            highlight_range=(0, self.steps / 2),
            highlight_style=Style(color=color.rich_color),
            background_style=Style(color=faint.rich_color),
            width=width,
        )
