"""How the workout screen shares its rows: the countdown first, then the phase word,
and the rest gives way in a fixed order as the terminal gets smaller.

A pure function of the terminal's size and what there is to show, so every size
can be checked without drawing anything. The countdown takes at most half the
rows (and at least 40% when it can), in the largest whole scale of the largest
font that fits; the phase word is a third of its height; then, while rows remain:
the hint for Enter, the counters, next-up, the bars, the cues, the instructions.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from kneetimer.tui.design.blockfont import FONT_3X5, FONT_5X7, FONTS, PLAIN, Fit, Font, largest_fit, measure

FOOTER_ROWS = 1
SIDE_PADDING = 2  # a column each side
REP_GAP = 4  # columns between the countdown and the rep number beside it
OPTIONAL = ("hint", "counters", "next", "bars", "cues", "instructions")  # kept in this order


@dataclass(frozen=True)
class Content:
    """What the screen has to show now, measured in the ways layout cares about."""

    countdown: str  # the widest text the countdown shows in this phase ("45", "1:30")
    word: str  # the phase word: HOLD, GET READY, ...
    title: str  # exercise and side
    reps: str | None = None  # a rep number beside the countdown ("10/10"), or None
    optional_rows: tuple[tuple[str, int], ...] = ()  # (name, rows it needs) of each optional part
    figure: tuple[float, float] | None = None  # the figure's width and height in body units, if any


@dataclass(frozen=True)
class Layout:
    """How the rows are shared out at one size: what is shown, at which fit, the figure's columns."""

    countdown: Fit
    reps: Fit | None
    reps_beside: bool
    word: Fit
    title: Fit
    shown: frozenset[str]  # optional parts that have room
    rows: dict[str, int]  # rows given to each shown optional part
    figure_columns: int = 0  # the figure's width beside the phase word and countdown; 0: not shown

    def countdown_rows(self, text: str) -> int:
        return self.countdown.size(text)[1]


def plan(width: int, height: int, content: Content) -> Layout:
    usable_width = max(1, width - SIDE_PADDING)
    usable_rows = max(1, height - FOOTER_ROWS)
    title = _title(content.title, usable_width, height)
    title_rows = title.size(content.title)[1]
    countdown, reps, beside = _clock(content, usable_width, max(1, math.floor(height * 0.5)))
    clock_rows = _clock_rows(content, countdown, reps, beside)
    wanted = math.ceil(height * 0.4)
    if clock_rows < wanted:  # one scale step up, when the essentials still fit
        bigger = _clock(content, usable_width, wanted + 3)
        bigger_rows = _clock_rows(content, *bigger)
        if title_rows + 3 + bigger_rows <= usable_rows:
            countdown, reps, beside = bigger
            clock_rows = bigger_rows
    word_height = max(3, round(clock_rows * 0.36))
    word = _word(content.word, usable_width, word_height)
    if content.figure is not None:  # the word (with its side) leaves the figure its room, if it can
        room = usable_width - _figure_reserve(content.figure)
        narrower = _word(content.word, room, word_height) if room > 0 else PLAIN
        if narrower.is_block:
            word = narrower
    word_rows = word.size(content.word)[1]
    if title_rows + word_rows + clock_rows > usable_rows:  # too short: the word goes plain, the clock shrinks
        word, word_rows = PLAIN, 1
        countdown, reps, beside = _clock(content, usable_width, max(1, usable_rows - title_rows - word_rows))
        clock_rows = _clock_rows(content, countdown, reps, beside)
    figure_columns = 0
    if content.figure is not None:
        word_columns = word.size(content.word)[0]
        figure_columns = _figure_columns(content, usable_width, word_columns, word_rows + clock_rows,
                                         countdown, reps, beside)
        if not figure_columns and beside and reps is not None:  # the rep number under the countdown, if
            under = _clock(content, usable_width, usable_rows - title_rows - word_rows, allow_beside=False)
            if under[0] == countdown:  # that leaves the countdown its size and makes room for the figure
                under_rows = _clock_rows(content, *under)
                figure_columns = _figure_columns(content, usable_width, word_columns, word_rows + under_rows,
                                                 *under)
                if figure_columns and title_rows + word_rows + under_rows <= usable_rows:
                    countdown, reps, beside = under
                    clock_rows = under_rows
                else:
                    figure_columns = 0
    remaining = usable_rows - title_rows - word_rows - clock_rows
    shown, rows = set(), {}
    needs = dict(content.optional_rows)
    for name in OPTIONAL:
        need = needs.get(name, 0)
        if need <= 0:
            continue
        if need > remaining and not (name == "instructions" and remaining > 0):
            break
        rows[name] = min(need, remaining)
        shown.add(name)
        remaining -= rows[name]
    return Layout(countdown, reps, beside, word, title, frozenset(shown), rows, figure_columns)


FIGURE_GAP = 2  # columns between the countdown and the figure
FIGURE_MIN_ROWS = 6
FIGURE_MIN_UNIT = 7.0  # pixels to the trunk's length: smaller, a figure stops reading as a body


def _figure_reserve(figure: tuple[float, float]) -> int:
    """The fewest columns a figure of this shape needs to read as a body."""
    return math.ceil(figure[0] * FIGURE_MIN_UNIT) + 2 + FIGURE_GAP


def _figure_columns(content: Content, width: int, word_columns: int, rows: int, countdown: Fit,
                    reps: Fit | None, beside: bool) -> int:
    """Columns for the figure in the width the countdown leaves (the countdown keeps its
    size); 0 when the figure would be too small to read."""
    if rows < FIGURE_MIN_ROWS:
        return 0
    clock_columns = countdown.size(content.countdown)[0]
    if reps is not None and content.reps:
        rep_columns = reps.size(content.reps)[0]
        clock_columns = clock_columns + REP_GAP + rep_columns if beside else max(clock_columns, rep_columns)
    free = width - max(clock_columns, word_columns) - FIGURE_GAP
    assert content.figure is not None, "asked only for content with a figure"
    body_width, body_height = content.figure
    unit = 2 * rows / body_height  # pixels per body unit, when the figure fills the rows
    columns = min(free, math.ceil(body_width * unit) + 2)
    if columns <= 0 or min(unit, (columns - 2) / body_width) < FIGURE_MIN_UNIT:
        return 0
    return columns


BIG_TITLE_ROWS = 40  # from this height, the exercise and side are drawn in block letters


def _title(title: str, width: int, height: int) -> Fit:
    if height < BIG_TITLE_ROWS:
        return PLAIN
    return largest_fit(title, width, 4, max_scale=1)


def _clock(content: Content, width: int, max_rows: int, allow_beside: bool = True) -> tuple[Fit, Fit | None, bool]:
    """The countdown (and the rep number with it) at the largest size that fits."""
    for font in FONTS:
        for scale in range(16, 0, -1):
            columns, rows = measure(font, content.countdown, scale)
            if rows > max_rows or columns > width:
                continue
            if content.reps is None:
                return Fit(font, scale), None, False
            reps = _rep_fit(font, scale, content.reps)
            rep_columns, rep_rows = reps.size(content.reps)
            if allow_beside and columns + REP_GAP + rep_columns <= width:
                return Fit(font, scale), reps, True
            if rows + rep_rows <= max_rows and rep_columns <= width:
                return Fit(font, scale), reps, False
    return PLAIN, (PLAIN if content.reps else None), True


def _rep_fit(font: Font, scale: int, text: str) -> Fit:
    """The rep number: at least a third of the countdown's height, in the same font."""
    rows = measure(font, text, scale)[1]
    rep_scale = 1
    while measure(font, text, rep_scale)[1] * 3 < rows:
        rep_scale += 1
    return Fit(font, rep_scale)


def _clock_rows(content: Content, countdown: Fit, reps: Fit | None, beside: bool) -> int:
    rows = countdown.size(content.countdown)[1]
    if reps is not None and content.reps:
        rep_rows = reps.size(content.reps)[1]
        rows = max(rows, rep_rows) if beside else rows + rep_rows
    return rows


def _word(word: str, width: int, max_rows: int) -> Fit:
    return largest_fit(word, width, max_rows, fonts=(FONT_5X7, FONT_3X5))
