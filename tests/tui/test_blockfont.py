"""The block font: half blocks for pixel pairs, whole scales, the right sizes."""

from __future__ import annotations

from kneetimer.tui.design.blockfont import FONT_3X5, FONT_5X7, PLAIN, largest_fit, measure, render


def test_pixel_pairs_become_half_blocks():
    assert render(FONT_3X5, "1", 1) == ("▄█ ", " █ ", "▀▀▀")  # rows 0+1, 2+3, 4+(blank)
    assert render(FONT_5X7, "1", 1)[0] == " ▄█  "


def test_a_scale_makes_every_pixel_bigger():
    assert measure(FONT_5X7, "45", 3) == ((5 + 1 + 5) * 3, 11)  # 21 pixel rows -> 11 rows
    rows = render(FONT_5X7, "45", 3)
    assert len(rows) == 11 and {len(row) for row in rows} == {33}
    assert set("".join(rows)) <= {" ", "▀", "▄", "█"}


def test_every_glyph_of_a_font_has_the_same_height_and_width():
    for font in (FONT_5X7, FONT_3X5):
        for char, glyph in font.glyphs.items():
            assert len(glyph) == font.height, char
            assert len({len(row) for row in glyph}) == 1, char
        assert all(char in font.glyphs for char in "0123456789:/ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def test_largest_fit_prefers_5x7_then_3x5_then_plain():
    assert largest_fit("45", 80, 11).font is FONT_5X7 and largest_fit("45", 80, 11).scale == 3
    assert largest_fit("SWITCH SIDES", 48, 3).font is FONT_3X5
    assert largest_fit("SWITCH SIDES", 20, 3) == PLAIN
    assert largest_fit("Übung", 80, 10) == PLAIN, "letters the font lacks: plain text"
