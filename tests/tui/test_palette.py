"""The phase colours: one per phase, distinct, and readable (WCAG contrast >= 4.5:1)."""

from __future__ import annotations

import pytest

from kneetimer.tui.design.palette import PALETTE, Look, contrast


@pytest.mark.parametrize("look", list(Look))
def test_text_on_every_phase_colour_has_at_least_4_5_to_1(look):
    background, text = PALETTE[look]
    assert contrast(background, text) >= 4.5


def test_every_phase_has_its_own_colour():
    assert len({background for background, _ in PALETTE.values()}) == len(Look)


def test_contrast_is_the_wcag_formula():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21)
    assert contrast("#777777", "#777777") == pytest.approx(1)
    assert contrast("#0072B2", "#FFFFFF") == pytest.approx(5.19, abs=0.01)
