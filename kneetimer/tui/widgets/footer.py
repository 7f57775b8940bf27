"""The footer every screen uses: compact, without the palette hint, on narrow
terminals, so every key stays visible at 50 columns."""

from __future__ import annotations

from textual.widgets import Footer

NARROW = 70


class AdaptiveFooter(Footer):
    def __init__(self, palette_hint: bool = True):
        super().__init__(show_command_palette=palette_hint)
        self.palette_hint = palette_hint

    def on_resize(self, event) -> None:
        narrow = event.size.width < NARROW
        self.compact = narrow
        hint = self.palette_hint and not narrow
        if hint != self.show_command_palette:
            self.show_command_palette = hint
            self.call_after_refresh(self.recompose)  # the hint is composed, not just drawn
