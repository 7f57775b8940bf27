"""Snapshots of every move's keyframes as text (solid: the working leg), at one size.

A change to a pose or to the drawing shows here as a picture to look at; update with
`pytest tests/figures --snapshot-update` after looking at `kneetimer figures NAME`.
"""

from __future__ import annotations

import pytest

from kneetimer.cli.figures_output import figure_text
from kneetimer.figures.library import MOVES


@pytest.mark.parametrize("name", list(MOVES))
def test_keyframes(name, snapshot):
    assert "\n".join(figure_text(MOVES[name])) + "\n" == snapshot
