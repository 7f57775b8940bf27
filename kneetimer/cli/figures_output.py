"""`kneetimer figures [NAME]`: the figure library, animated in a terminal, or as text
when the output is not one (a file, a pipe, a reviewer's log)."""

from __future__ import annotations

import sys
import textwrap

from kneetimer.cli.streams import has_terminal
from kneetimer.figures.drawing import Ink, draw, height_needed
from kneetimer.figures.library import MOVES, Move
from kneetimer.routines.suggest import suggest_figure
from kneetimer.text import clean_line, shorten

EXIT_OK, EXIT_BAD_INPUT = 0, 1
TEXT_WIDTH = 36  # columns of one keyframe drawn as text: two side by side fit 80 columns
PIPED_WIDTH = 80  # a piped listing or figure fits this many columns
TEXT_HEIGHT = 28  # pixel rows at most (two per line)
SHADES = {Ink.NONE: " ", Ink.FLOOR: "░", Ink.PROP: "▒", Ink.BODY: "▓", Ink.WORK: "█"}


def show_figures(name: str | None) -> int:
    if name is not None and name not in MOVES:
        guess = suggest_figure(name)
        hint = f" (did you mean '{guess}'?)" if guess else ""
        shown = shorten(clean_line(name), 60)
        print(f"kneetimer: no figure named {shown!r}{hint}; `kneetimer figures` lists them", file=sys.stderr)
        return EXIT_BAD_INPUT
    if sys.stdout.isatty() and has_terminal():
        from kneetimer.tui.gallery import run_gallery

        return run_gallery(name)
    if name is None:
        for move in MOVES.values():
            print(textwrap.fill(f"{move.name}: {move.title}, seen {move.seen_from}", PIPED_WIDTH,
                                subsequent_indent="    "))
            print(textwrap.fill(f"the working leg: {move.working}", PIPED_WIDTH, initial_indent="    ",
                                subsequent_indent="    "))
        return EXIT_OK
    print("\n".join(figure_text(MOVES[name])))
    return EXIT_OK


def figure_text(move: Move) -> list[str]:
    """The move's title, what the bright (here: solid) leg does, and its keyframes side by
    side, one character per two pixels: solid the working leg, shaded the rest."""
    count = len(move.keyframes)
    fractions = [index / (count - 1) for index in range(count)] if count > 1 else [0.0]
    rows = height_needed(move, TEXT_WIDTH, TEXT_HEIGHT)
    frames = [draw(move, fraction, False, TEXT_WIDTH, rows) for fraction in fractions]
    lines = textwrap.wrap(f"{move.title} ({move.name}), seen {move.seen_from}, {move.side} side shown",
                          PIPED_WIDTH)
    lines += [*textwrap.wrap(f"solid: {move.working}", PIPED_WIDTH), ""]
    labels = ["start", *(f"then {index}" for index in range(1, count - 1)), "end"] if count > 1 else ["held"]
    per_row = max(1, (PIPED_WIDTH + 5) // (TEXT_WIDTH + 5))  # frames side by side within 80 columns
    for first in range(0, count, per_row):
        group = frames[first:first + per_row]
        for row in range(0, rows - 1, 2):
            cells = ["".join(SHADES[Ink(max(pair))] for pair in zip(frame[row], frame[row + 1], strict=True))
                     for frame in group]
            lines.append("  |  ".join(cells).rstrip())
        lines.append("  |  ".join(label.ljust(TEXT_WIDTH) for label in labels[first:first + per_row]).rstrip())
    return lines
