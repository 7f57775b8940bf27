"""The figure: the move drawn in half blocks, in the phase's own colours.

Given a Motion (workout/motion.py) and how far into the phase the session is, it
draws frames only while the figure moves, at most 15 a second, each worked out from
the clock (never by counting frames); during a hold it draws once and sleeps. The
working leg is the text colour; the rest of the body a shade between it and the
background; props and the floor fainter still, so they read on every phase colour.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import lru_cache

from rich.color import Color as RichColor
from rich.segment import Segment
from rich.style import Style
from textual.reactive import reactive
from textual.strip import Strip
from textual.timer import Timer
from textual.widget import Widget

from kneetimer.figures.drawing import Ink, draw, height_needed
from kneetimer.figures.library import MOVES
from kneetimer.workout.motion import Motion

FRAMES_PER_SECOND = 15
STEPS = 48  # positions per move: a frame is drawn only when the position changes
SHADES = {Ink.WORK: 1.0, Ink.BODY: 0.62, Ink.PROP: 0.45, Ink.FLOOR: 0.3}


class FigureView(Widget):
    DEFAULT_CSS = """
    FigureView {
        width: 30;
        height: 100%;
    }
    """

    position: reactive[tuple[str, int, bool] | None] = reactive(None)  # move, step, mirrored

    def __init__(self, *, id: str | None = None, clock: Callable[[], float] = time.monotonic,
                 frames_per_second: float = FRAMES_PER_SECOND) -> None:
        super().__init__(id=id)
        self.clock = clock  # the workout's clock: frames follow it (a test's fake clock too)
        self.frames_per_second = frames_per_second
        self._motion: Motion | None = None
        self._origin = 0.0  # the clock reading at which the phase (as shown) began
        self._frames: Timer | None = None

    def show(self, motion: Motion | None, elapsed: float, running: bool = True) -> None:
        """Show `motion`, `elapsed` seconds into it; `running` False holds the picture still."""
        self._motion = motion
        self._origin = self.clock() - elapsed
        self._draw_now(elapsed)
        if running and motion is not None and motion.moving(elapsed):
            if self._frames is None:
                self._frames = self.set_interval(1 / self.frames_per_second, self._tick, name="figure-frames")
        else:
            self._stop()

    def _tick(self) -> None:
        elapsed = self.clock() - self._origin
        if not self.is_on_screen:  # scrolled away (a gallery card): no frame to draw
            return
        self._draw_now(elapsed)
        if self._motion is None or not self._motion.moving(elapsed):
            self._stop()

    def _stop(self) -> None:
        if self._frames is not None:
            self._frames.stop()
            self._frames = None

    def _draw_now(self, elapsed: float) -> None:
        motion = self._motion
        if motion is None:
            self.position = None
            return
        self.position = (motion.figure, round(motion.at(elapsed) * STEPS), motion.mirrored)

    def on_unmount(self) -> None:
        self._stop()

    def render_line(self, y: int) -> Strip:
        width, height = self.size
        if self.position is None or not width or not height:
            return Strip.blank(width, self.rich_style)
        name, step, mirrored = self.position
        _, _, background, color = self.colors
        return _rows(name, step, mirrored, width, height, background.rich_color, color.rich_color)[y]


@lru_cache(maxsize=512)
def _rows(name: str, step: int, mirrored: bool, width: int, height: int, background: RichColor,
          color: RichColor) -> tuple[Strip, ...]:
    """One Strip per row: two rows of pixels as one row of half blocks, the figure centred
    in the rows it does not fill."""
    move = MOVES[name]
    rows_used = (height_needed(move, width, height * 2) + 1) // 2
    pixels = draw(move, step / STEPS, mirrored, width, rows_used * 2)
    styles = {ink: _shade(background, color, share) for ink, share in SHADES.items()}
    blank = Style(bgcolor=background)
    above = (height - rows_used) // 2
    strips = [Strip([Segment(" " * width, blank)], width)] * above
    for row in range(rows_used):
        top, bottom = pixels[2 * row], pixels[2 * row + 1]
        segments: list[Segment] = []
        run, run_style = "", None
        for upper, lower in zip(top, bottom, strict=True):
            char, style = _cell(upper, lower, styles, blank)
            if style is run_style:
                run += char
                continue
            if run:
                segments.append(Segment(run, run_style))
            run, run_style = char, style
        if run:
            segments.append(Segment(run, run_style))
        strips.append(Strip(segments, width))
    strips += [Strip([Segment(" " * width, blank)], width)] * (height - len(strips))
    return tuple(strips)


@lru_cache(maxsize=64)
def _pair(upper: Style, lower: Style) -> Style:
    return Style(color=upper.color, bgcolor=lower.color)


def _cell(upper: int, lower: int, styles: dict[Ink, Style], blank: Style) -> tuple[str, Style]:
    if not upper and not lower:
        return " ", blank
    if upper == lower:
        return "█", styles[Ink(upper)]
    if not lower:
        return "▀", styles[Ink(upper)]
    if not upper:
        return "▄", styles[Ink(lower)]
    return "▀", _pair(styles[Ink(upper)], styles[Ink(lower)])


@lru_cache(maxsize=64)
def _shade(background: RichColor, color: RichColor, share: float) -> Style:
    start, end = background.get_truecolor(), color.get_truecolor()
    mixed = tuple(round(a + (b - a) * share) for a, b in zip(start, end, strict=True))
    return Style(color=RichColor.from_rgb(*mixed), bgcolor=background)
