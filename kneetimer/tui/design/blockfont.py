"""Bitmap fonts drawn with half blocks (▀ ▄ █), which every terminal draws well.

A terminal cell is about twice as tall as it is wide, so a half block is a square
pixel: a 5x7 glyph at scale s is 5s columns wide and 7s/2 rows tall. The 5x7 font
is the one to read from across a room; the 3x5 font is for where nothing larger fits.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

# fmt: off
_GLYPHS_5X7 = {
    "0": (".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
    "1": ("..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."),
    "2": (".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"),
    "3": (".###.", "#...#", "....#", "..##.", "....#", "#...#", ".###."),
    "4": ("...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."),
    "5": ("#####", "#....", "####.", "....#", "....#", "#...#", ".###."),
    "6": (".###.", "#....", "#....", "####.", "#...#", "#...#", ".###."),
    "7": ("#####", "....#", "...#.", "..#..", "..#..", "..#..", "..#.."),
    "8": (".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."),
    "9": (".###.", "#...#", "#...#", ".####", "....#", "....#", ".###."),
    "A": (".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"),
    "B": ("####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."),
    "C": (".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."),
    "D": ("####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####."),
    "E": ("#####", "#....", "#....", "####.", "#....", "#....", "#####"),
    "F": ("#####", "#....", "#....", "####.", "#....", "#....", "#...."),
    "G": (".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".####"),
    "H": ("#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"),
    "I": (".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."),
    "J": ("..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##.."),
    "K": ("#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"),
    "L": ("#....", "#....", "#....", "#....", "#....", "#....", "#####"),
    "M": ("#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"),
    "N": ("#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#"),
    "O": (".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
    "P": ("####.", "#...#", "#...#", "####.", "#....", "#....", "#...."),
    "Q": (".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#"),
    "R": ("####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"),
    "S": (".####", "#....", "#....", ".###.", "....#", "....#", "####."),
    "T": ("#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."),
    "U": ("#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
    "V": ("#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#.."),
    "W": ("#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#."),
    "X": ("#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"),
    "Y": ("#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."),
    "Z": ("#####", "....#", "...#.", "..#..", ".#...", "#....", "#####"),
    ":": (".", ".", "#", ".", "#", ".", "."),
    "/": ("....#", "...#.", "...#.", "..#..", ".#...", ".#...", "#...."),
    "-": ("...", "...", "...", "###", "...", "...", "..."),
    "—": (".....", ".....", ".....", "#####", ".....", ".....", "....."),
    "'": ("#", "#", ".", ".", ".", ".", "."),
    ".": (".", ".", ".", ".", ".", ".", "#"),
    " ": ("...", "...", "...", "...", "...", "...", "..."),
}

_GLYPHS_3X5 = {
    "0": ("###", "#.#", "#.#", "#.#", "###"), "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"), "3": ("###", "..#", "###", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"), "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"), "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"), "9": ("###", "#.#", "###", "..#", "###"),
    "A": (".#.", "#.#", "###", "#.#", "#.#"), "B": ("##.", "#.#", "##.", "#.#", "##."),
    "C": ("###", "#..", "#..", "#..", "###"), "D": ("##.", "#.#", "#.#", "#.#", "##."),
    "E": ("###", "#..", "##.", "#..", "###"), "F": ("###", "#..", "##.", "#..", "#.."),
    "G": ("###", "#..", "#.#", "#.#", "###"), "H": ("#.#", "#.#", "###", "#.#", "#.#"),
    "I": ("###", ".#.", ".#.", ".#.", "###"), "J": ("..#", "..#", "..#", "#.#", "###"),
    "K": ("#.#", "#.#", "##.", "#.#", "#.#"), "L": ("#..", "#..", "#..", "#..", "###"),
    "M": ("#.#", "###", "###", "#.#", "#.#"), "N": ("##.", "#.#", "#.#", "#.#", "#.#"),
    "O": ("###", "#.#", "#.#", "#.#", "###"), "P": ("###", "#.#", "###", "#..", "#.."),
    "Q": ("###", "#.#", "#.#", "###", "..#"), "R": ("##.", "#.#", "##.", "#.#", "#.#"),
    "S": ("###", "#..", "###", "..#", "###"), "T": ("###", ".#.", ".#.", ".#.", ".#."),
    "U": ("#.#", "#.#", "#.#", "#.#", "###"), "V": ("#.#", "#.#", "#.#", "#.#", ".#."),
    "W": ("#.#", "#.#", "###", "###", "#.#"), "X": ("#.#", "#.#", ".#.", "#.#", "#.#"),
    "Y": ("#.#", "#.#", ".#.", ".#.", ".#."), "Z": ("###", "..#", ".#.", "#..", "###"),
    ":": (".", "#", ".", "#", "."), "/": ("..#", "..#", ".#.", "#..", "#.."),
    "-": ("...", "...", "###", "...", "..."), "'": ("#", "#", ".", ".", "."),
    "—": ("....", "....", "####", "....", "...."),
    ".": (".", ".", ".", ".", "#"), " ": ("..", "..", "..", "..", ".."),
}
# fmt: on

_HALF_BLOCKS = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


@dataclass(frozen=True)
class Font:
    """A bitmap font: a glyph of pixel rows per character, drawn two pixel rows to a text row."""

    name: str
    height: int  # pixels
    glyphs: Mapping[str, tuple[str, ...]]

    def __hash__(self) -> int:
        return hash(self.name)

    def supports(self, text: str) -> bool:
        return bool(text) and all(char in self.glyphs for char in text.upper())


FONT_5X7 = Font("5x7", 7, _GLYPHS_5X7)
FONT_3X5 = Font("3x5", 5, _GLYPHS_3X5)
FONTS = (FONT_5X7, FONT_3X5)  # largest first


def measure(font: Font, text: str, scale: int) -> tuple[int, int]:
    """(columns, rows) that `text` takes in `font` at `scale`."""
    pixels_wide = sum(len(font.glyphs[char][0]) for char in text.upper()) + max(0, len(text) - 1)
    return pixels_wide * scale, math.ceil(font.height * scale / 2)


@lru_cache(maxsize=256)
def render(font: Font, text: str, scale: int) -> tuple[str, ...]:
    """The rows of half blocks that draw `text`: one pixel column gap between glyphs."""
    pixel_rows = []
    for y in range(font.height):
        bits = []
        for index, char in enumerate(text.upper()):
            if index:
                bits.append(False)
            bits.extend(cell == "#" for cell in font.glyphs[char][y])
        scaled = [bit for bit in bits for _ in range(scale)]
        pixel_rows.extend([scaled] * scale)
    if len(pixel_rows) % 2:
        pixel_rows.append([False] * len(pixel_rows[0]))
    return tuple(
        "".join(_HALF_BLOCKS[top, bottom] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(pixel_rows[::2], pixel_rows[1::2], strict=True)
    )


@dataclass(frozen=True)
class Fit:
    """A font at a scale (or plain text): how big a block-letter text is drawn."""

    font: Font | None  # None: plain text, nothing larger fits
    scale: int

    @property
    def is_block(self) -> bool:
        return self.font is not None

    def size(self, text: str) -> tuple[int, int]:
        if self.font is None:
            return len(text), 1
        return measure(self.font, text, self.scale)


PLAIN = Fit(None, 0)


def largest_fit(text: str, width: int, max_rows: int, fonts: tuple[Font, ...] = FONTS,
                max_scale: int = 16) -> Fit:
    """The largest font and whole scale at which `text` fits `width` x `max_rows`."""
    for font in fonts:
        if not font.supports(text):
            continue
        for scale in range(max_scale, 0, -1):
            columns, rows = measure(font, text, scale)
            if columns <= width and rows <= max_rows:
                return Fit(font, scale)
    return PLAIN


def scale_for_rows(font: Font, rows: int) -> int:
    """The largest scale of `font` no taller than `rows` (0 if none)."""
    scale = 0
    while math.ceil(font.height * (scale + 1) / 2) <= rows:
        scale += 1
    return scale
