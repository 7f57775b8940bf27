"""The figure library on screen: every move looping, side by side, or one large.

For a person choosing `figure = "..."` and for a reviewer checking each drawing: the
moves loop as in a get-ready; m shows the other side (the mirror image).
"""

from __future__ import annotations

import time

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from kneetimer.figures.library import MOVES, Move
from kneetimer.tui.widgets.figure import FigureView
from kneetimer.tui.widgets.keybar import KeyBar
from kneetimer.workout.motion import Motion, demonstration

CARD_WIDTH = 40  # columns a card needs, to fit as many as the terminal allows
CARD_FRAMES_PER_SECOND = 8  # a card is small: at 8 a second its figure moves a pixel or so a frame


class FigureCard(Vertical):
    DEFAULT_CSS = """
    FigureCard {
        height: 100%;
        padding: 0 1;
        border: round $panel-lighten-2;
    }
    FigureCard > .card-title { text-style: bold; height: auto; }
    FigureCard > .card-name, FigureCard > .card-note { color: $text-muted; height: auto; }
    FigureCard > FigureView { width: 100%; height: 1fr; }
    FigureGallery.-single FigureCard { height: 1fr; }
    """

    def __init__(self, move: Move) -> None:
        super().__init__()
        self.move = move

    def compose(self) -> ComposeResult:
        yield Static(Text(self.move.title), classes="card-title")
        yield Static(Text(f'figure = "{self.move.name}"'), classes="card-name")
        yield FigureView(frames_per_second=CARD_FRAMES_PER_SECOND)
        yield Static(Text(f"Seen {self.move.seen_from}. In the text colour: {self.move.working}."),
                     classes="card-note")

    def on_mount(self) -> None:
        self.play(mirrored=False)

    def play(self, mirrored: bool) -> None:
        motion = Motion(self.move.name, mirrored, demonstration(), loop=True)
        self.query_one(FigureView).show(motion, 0.0)


class FigureGallery(App):
    TITLE = "kneetimer figures"
    CSS = """
    #cards { layout: grid; grid-size: 2; grid-rows: 20; grid-gutter: 0 1; height: 1fr; }
    FigureGallery.-single #cards { layout: vertical; }
    """
    BINDINGS = [
        Binding("m", "mirror", "Other side", tooltip="show the other side: the mirror image"),
        Binding("q", "quit", "Quit"),
        Binding("escape", "quit", "Quit", show=False),
    ]

    def __init__(self, name: str | None = None) -> None:
        super().__init__()
        self.clock = time.monotonic
        self.only = name
        self.mirrored = False

    def compose(self) -> ComposeResult:
        moves = [MOVES[self.only]] if self.only else list(MOVES.values())
        with VerticalScroll(id="cards"):
            for move in moves:
                yield FigureCard(move)
        yield KeyBar()

    def on_mount(self) -> None:
        self.set_class(self.only is not None, "-single")
        self.query_one("#cards").focus()

    def on_resize(self) -> None:
        self.query_one("#cards").styles.grid_size_columns = max(1, self.size.width // CARD_WIDTH)

    def action_mirror(self) -> None:
        self.mirrored = not self.mirrored
        for card in self.query(FigureCard):
            card.play(self.mirrored)


def run_gallery(name: str | None) -> int:
    from kneetimer.tui.launch import use_the_terminals_own_size, utf8_terminal

    use_the_terminals_own_size()
    utf8_terminal()
    FigureGallery(name).run()
    return 0
