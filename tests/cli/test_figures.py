"""`kneetimer figures`: the library as text when the output is not a terminal, a
did-you-mean for a wrong name, and the gallery driven with Pilot."""

from __future__ import annotations

from kneetimer.cli.parser import main
from kneetimer.figures.library import MOVES
from kneetimer.tui.gallery import FigureCard, FigureGallery
from kneetimer.tui.widgets.figure import FigureView


def test_the_list_names_every_move(capsys):
    assert main(["figures"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    named = [line.split(":")[0] for line in lines if not line.startswith(" ")]
    assert sorted(named) == sorted(MOVES)
    assert max(len(line) for line in lines) <= 80, "piped, it fits 80 columns"


def test_one_move_as_text_shows_its_keyframes(capsys):
    assert main(["figures", "clam"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Clam")
    assert lines[-1].split() == ["start", "|", "end"]
    drawn = lines[3:-1]
    assert any("█" in line for line in drawn) and any("▓" in line for line in drawn)
    left, right = zip(*(line.split("  |  ") for line in drawn if "  |  " in line), strict=True)
    assert left != right, "the two keyframes differ"


def test_a_wrong_name_gets_a_guess_and_exit_1(capsys):
    assert main(["figures", "clams"]) == 1
    err = capsys.readouterr().err
    assert "no figure named 'clams' (did you mean 'clam'?)" in err


async def test_the_gallery_loops_every_move_and_m_mirrors():
    app = FigureGallery()
    app.clock = lambda: 0.0
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        cards = list(app.query(FigureCard))
        assert [card.move.name for card in cards] == list(MOVES)
        figure = cards[0].query_one(FigureView)
        assert figure.position is not None and figure.position[2] is False
        await pilot.press("m")
        assert figure.position[2] is True
        await pilot.press("q")
    assert app.return_code == 0
