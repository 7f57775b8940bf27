"""The colour of each phase, for the whole workout screen.

From the Okabe-Ito palette, which stays distinguishable with every common kind of
colour blindness; the text colour of each is chosen for a contrast of at least
4.5:1 (WCAG AAA for large text; tests/tui/test_palette.py computes them). Paused
is black, the one dark screen, so a stopped workout never looks like a running one.
"""

from __future__ import annotations

from enum import StrEnum


class Look(StrEnum):
    """The colour the workout screen wears: one per kind of phase, and paused."""

    GET_READY = "get-ready"
    HOLD = "hold"  # work: a timed hold, a rep's hold, reps at your own pace
    MOVE = "move"  # a paced rep's movement
    REST = "rest"
    SWITCH = "switch"  # get ready for the other side
    PAUSED = "paused"


# background, text
PALETTE: dict[Look, tuple[str, str]] = {
    Look.GET_READY: ("#F0E442", "#000000"),  # yellow
    Look.HOLD: ("#009E73", "#000000"),  # bluish green
    Look.MOVE: ("#56B4E9", "#000000"),  # sky blue
    Look.REST: ("#0072B2", "#FFFFFF"),  # blue
    Look.SWITCH: ("#CC79A7", "#000000"),  # reddish purple
    Look.PAUSED: ("#000000", "#E69F00"),  # black, orange text
}


def phase_css(selector: str) -> str:
    """A rule per look: `selector.-hold { background: ...; color: ... }`."""
    return "\n".join(
        f"{selector}.-{look} {{ background: {background}; color: {text}; }}"
        for look, (background, text) in PALETTE.items()
    )


def relative_luminance(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two colours, 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
