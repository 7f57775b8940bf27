"""The workout's widgets in one grid: what the presenter says, laid out for the size.

It owns the drawing side of the workout: the phase colour over the whole screen, the
rows shared out by the layout planner (design/workout_layout.py) whenever the size or
what is shown changes (not every second), the figure's column and its motion. A grid
places every widget directly (containers around the countdown cost 4-9 ms of layout
and paint at each phase change at 200x55).
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from kneetimer.figures.drawing import bounds
from kneetimer.figures.library import MOVES
from kneetimer.tui.design import workout_layout
from kneetimer.tui.design.blockfont import PLAIN
from kneetimer.tui.design.palette import PALETTE, Look
from kneetimer.tui.design.presenter import WorkoutDisplay
from kneetimer.tui.widgets.banner import PhaseBanner
from kneetimer.tui.widgets.bigtext import BigText
from kneetimer.tui.widgets.countdown import ClockFace, Face
from kneetimer.tui.widgets.counters import Counters
from kneetimer.tui.widgets.figure import FigureView
from kneetimer.tui.widgets.line import Line
from kneetimer.tui.widgets.meter import Meter
from kneetimer.tui.widgets.next_up import NextUp
from kneetimer.workout.view import SessionView

FIGURE_MARGIN = 2  # columns right of the figure
MAX_INSTRUCTION_ROWS = 3


class WorkoutGrid(Widget):
    DEFAULT_CSS = """
    WorkoutGrid {
        /* Two columns, the figure's only where it is shown. The rows are set from what is
           shown (fit_rows). */
        layout: grid;
        grid-size: 2;
        grid-columns: 1fr auto;
        grid-rows: auto;
        height: 1fr;
    }
    WorkoutGrid > #title, WorkoutGrid > #word { width: 100%; }
    WorkoutGrid > #title { text-style: bold; }
    WorkoutGrid > #title, WorkoutGrid > #counters, WorkoutGrid > #next, WorkoutGrid > #phase-bar,
    WorkoutGrid > #session-row, WorkoutGrid > #cues, WorkoutGrid > #instructions { column-span: 2; }
    WorkoutGrid > #figure { row-span: 2; width: 100%; padding-right: 2; }
    WorkoutGrid > #counters, WorkoutGrid > #next, WorkoutGrid > #cues, WorkoutGrid > #instructions {
        width: 100%; padding: 0 1; text-align: center;
    }
    WorkoutGrid > #cues { text-style: italic; }
    WorkoutGrid > #phase-bar, WorkoutGrid > #session-row { margin: 0 1; }
    WorkoutGrid > #session-row { height: 1; }
    WorkoutGrid #time-left { width: auto; padding-left: 1; }
    """

    not_saved: reactive[bool] = reactive(False)  # history writes are failing: said on the progress line

    def __init__(self, clock: Callable[[], float], show_figures: bool) -> None:
        super().__init__(id="workout-grid")
        self.show_figures = show_figures
        self.title_text = BigText(id="title")
        self.banner = PhaseBanner(id="word")
        self.countdown = ClockFace(id="clock")
        self.figure = FigureView(id="figure", clock=clock)
        self.counters = Counters(id="counters")
        self.next_up = NextUp(id="next")
        self.phase_bar = Meter(id="phase-bar")
        self.session_row = Horizontal(id="session-row")
        self.session_bar = Meter(id="session-bar")
        self.time_left = Line(id="time-left")
        self.cues = Line(id="cues")
        self.instructions = Line(id="instructions")
        self.look: Look | None = None
        self._progress = ""
        self._layout_key: tuple[object, ...] | None = None
        self._figure_key: tuple[object, ...] | None = None
        self._rows_key: tuple[object, ...] | None = None
        self._grid_rows = ""

    def compose(self) -> ComposeResult:
        yield self.title_text
        yield self.banner
        yield self.figure  # beside the word and the countdown
        yield self.countdown
        yield self.counters
        yield self.next_up
        yield self.phase_bar
        with self.session_row:
            yield self.session_bar
            yield self.time_left
        yield self.cues
        yield self.instructions

    def show(self, display: WorkoutDisplay, view: SessionView, phase_index: int) -> None:
        """Draw `display`; the layout only when the size or what is shown changed."""
        self.paint(display.look)
        self._lay_out(display, view)
        self._move_figure(display, view, phase_index)
        self.title_text.text = display.title
        self.banner.text = display.word
        self.banner.template = display.word
        self.banner.hint = display.hint
        self.countdown.text = display.clock
        self.countdown.reps = display.reps or ""
        self.counters.phase = view.phase
        self.next_up.words = display.next_line
        self.phase_bar.set_fraction(view.phase_progress)
        self.session_bar.set_fraction(view.session_progress)
        self._progress = display.progress
        self._show_progress()
        self.cues.value = Text(display.cues, style="italic")
        self.instructions.value = Text(display.instructions)
        rows_key = (self._layout_key, phase_index)
        if rows_key != self._rows_key:  # the lines' texts change with the phase, not every second
            self._rows_key = rows_key
            self.fit_rows()

    def watch_not_saved(self) -> None:
        self._show_progress()

    def _show_progress(self) -> None:
        text = Text(self._progress)
        if self.not_saved:
            text.append("   ⚠ not saved", style="bold reverse")
        self.time_left.value = text

    def relayout(self) -> None:
        """The size changed: share the rows out again at the next show."""
        self._layout_key = None

    def paint(self, look: Look) -> None:
        """The phase as the colour of the whole screen. Set as inline styles, not classes:
        a class change re-matches the CSS of every widget (about 40 ms); this costs a repaint."""
        if look is self.look:
            return
        self.look = look
        background, text = PALETTE[look]
        self.screen.styles.background = background
        self.screen.styles.color = text
        if look is Look.PAUSED:  # with NO_COLOR too, reverse video says paused
            self.banner.styles.text_style = "reverse"
        else:
            self.banner.styles.clear_rule("text_style")
        for widget in self.query(Static):  # inline styles do not reach a Static's cached visual style
            widget.notify_style_update()

    def _move_figure(self, display: WorkoutDisplay, view: SessionView, phase_index: int) -> None:
        """Start the figure on this phase's motion (once per phase, pause or resize, not every second)."""
        shown = display.motion if self.figure.display else None
        key = (phase_index, view.state, shown)
        if key != self._figure_key:
            self._figure_key = key
            self.figure.show(shown, view.elapsed, running=not view.paused)

    def _lay_out(self, display: WorkoutDisplay, view: SessionView) -> None:
        """Share the rows out again when the size or what is shown changed (not every second)."""
        width, height = self.screen.size  # the planner keeps the key bar's row itself
        instructions = display.instructions
        optional = (
            ("hint", 1 if display.hint else 0),
            ("counters", 1 if display.counters else 0),
            ("next", 0 if not display.next_line else 1 if len(display.next_line) <= width - 2 else 2),
            ("bars", 2),
            ("cues", 1 if display.cues else 0),
            ("instructions", min(MAX_INSTRUCTION_ROWS, 1 + len(instructions) // max(20, width - 2))
             if instructions else 0),
        )
        motion = display.motion
        figure = motion.figure if motion is not None and self.show_figures else None
        key = (self.screen.size, display.clock_template, display.reps_template, display.title, display.word, optional,
               figure)
        if key == self._layout_key:
            return
        self._layout_key = key
        extent = bounds(MOVES[figure]) if figure else None
        figure_size = (extent[2] - extent[0], extent[3] - extent[1]) if extent else None
        content = workout_layout.Content(display.clock_template, display.word, display.title,
                                         display.reps_template, optional, figure_size)
        layout = workout_layout.plan(width, height, content)
        self.figure.display = layout.figure_columns > 0
        if layout.figure_columns:  # a second column for the figure, beside the word and the countdown
            self.styles.grid_size_columns = 2
            self.styles.grid_columns = f"1fr {layout.figure_columns + FIGURE_MARGIN}"
        else:
            self.styles.grid_size_columns = 1
            self.styles.grid_columns = "1fr"
        self.title_text.fit = layout.title
        self.banner.fit = layout.word
        self.countdown.face = Face(display.clock_template, layout.countdown, display.reps_template,
                                   layout.reps or PLAIN, layout.reps_beside)
        self.phase_bar.display = self.session_row.display = "bars" in layout.shown
        self.banner.show_hint = "hint" in layout.shown
        lines = {"counters": self.counters, "next": self.next_up, "cues": self.cues,
                 "instructions": self.instructions}
        for name, widget in lines.items():
            widget.display = name in layout.shown
            widget.styles.max_height = layout.rows.get(name, 1)

    def fit_rows(self) -> None:
        """The grid's rows: the title, the word, the countdown, then each line shown, as
        tall as its text at the full width (a grid's own "auto" would measure a line
        spanning both columns at the first column's width)."""
        size = self.screen.size
        rows = ["auto", "auto", "1fr"]
        for widget in (self.counters, self.next_up, self.phase_bar, self.session_row, self.cues,
                       self.instructions):
            if widget.display:
                rows.append(str(_rows_of(widget, size)))
        grid_rows = " ".join(rows)
        if grid_rows != self._grid_rows:
            self._grid_rows = grid_rows
            self.styles.grid_rows = grid_rows


def _rows_of(widget: Widget, size: Size) -> int:
    """How many rows `widget` takes at the full width (its fixed height, or its text's,
    within its max-height)."""
    height = widget.styles.height
    if height is not None and height.is_cells:
        return int(height.value)
    spacing = widget.styles.gutter
    content = widget.get_content_height(size, size, max(1, size.width - spacing.width)) + spacing.height
    limit = widget.styles.max_height
    return max(1, min(content, int(limit.value)) if limit is not None and limit.is_cells else content)
