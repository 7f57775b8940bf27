"""The key bar at the bottom of every screen: what each key does now, on one line.

Textual's Footer mounts a widget per key and mounts them all again whenever a
key's meaning changes, which on the workout screen is every phase change; this
draws the same line from the screen's active bindings as one piece of text, and
repaints only when it changes. Each screen (modals included) has its own, so the
keys shown are always the keys of what is on top. A click on a key presses it.
"""

from __future__ import annotations

from functools import lru_cache

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

NARROW = 70  # below this width: no spaces inside a key hint


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        width: 100%;
        background: $footer-background;
        color: $footer-foreground;
    }
    KeyBar > .keybar--key {
        color: $footer-key-foreground;
        text-style: bold;
    }
    """
    COMPONENT_CLASSES = {"keybar--key"}

    keys: reactive[tuple[tuple[str, str, str], ...]] = reactive(())  # (key, shown as, what it does)

    def __init__(self, palette_hint: bool = True):
        super().__init__()
        self.palette_hint = palette_hint  # "^p palette" at the right, where there is room

    covered: reactive[bool] = reactive(False)  # another screen is on top: its keys, not these

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.app.screen_change_signal.subscribe(self, self._screen_changed)
        self.call_after_refresh(self._bindings_changed, self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)
        self.app.screen_change_signal.unsubscribe(self)

    def _screen_changed(self, screen) -> None:
        if self.is_attached:
            self.covered = screen is not self.screen

    def _bindings_changed(self, screen) -> None:
        if not self.is_attached:
            return
        keys, seen = [], set()
        for _node, binding, enabled, _tooltip in screen.active_bindings.values():
            if binding.show and enabled and binding.action not in seen:
                seen.add(binding.action)
                keys.append((binding.key, self.app.get_key_display(binding), binding.description))
        self.keys = tuple(keys)

    def render_line(self, y: int) -> Strip:
        base = self.rich_style
        key_style = base + self.get_component_rich_style("keybar--key", partial=True)
        palette = self.palette_hint and self.app.ENABLE_COMMAND_PALETTE
        if self.covered:
            return _bar_line((), self.size.width, base, key_style, False)
        return _bar_line(self.keys, self.size.width, base, key_style, palette)

    def on_click(self, event: events.Click) -> None:
        """Press the key whose hint was clicked."""
        compact = self.size.width < NARROW
        x = 0
        for key, shown, description in self.keys:
            width = len(shown) + len(description) + 2 + (0 if compact else 1)
            if x <= event.x < x + width:
                self.app.simulate_key(key)
                return
            x += width


@lru_cache(maxsize=64)
def _bar_line(keys: tuple[tuple[str, str, str], ...], width: int, base: Style, key_style: Style,
              palette: bool) -> Strip:
    """The bar as segments (Textual would otherwise turn a Rich Text into content every paint)."""
    compact = width < NARROW
    segments = []
    for _key, shown, description in keys:
        segments.append(Segment(f" {shown}", key_style))
        segments.append(Segment(f" {description}" + ("" if compact else " "), base))
    used = sum(cell_len(segment.text) for segment in segments)
    if palette and not compact and width - used > 12:
        segments.append(Segment(" " * (width - used - 11), base))
        segments += [Segment("^p", key_style), Segment(" palette ", base)]
    return Strip(segments).adjust_cell_length(width, base)
