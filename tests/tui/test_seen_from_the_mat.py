"""The workout screen as drawn: the countdown's real height at each size, and the phase as
the colour of the whole screen (each phase its own), on a fake clock."""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.geometry import Region

from kneetimer.tui.design.palette import PALETTE, Look
from tests.tui_helpers import SHORT, advance, advance_stepwise, big, bundled, make_app, word

BLOCKS = set("▀▄█")


def drawn_rows(widget) -> list[str]:
    strips = widget.render_lines(Region(0, 0, widget.region.width, widget.region.height))
    return ["".join(segment.text for segment in strip) for strip in strips]


def backgrounds(widget) -> set:
    strips = widget.render_lines(Region(0, 0, widget.region.width, widget.region.height))
    return {segment.style.bgcolor.triplet for strip in strips for segment in strip
            if segment.style is not None and segment.style.bgcolor is not None}


def block_rows(widget) -> int:
    return sum(1 for row in drawn_rows(widget) if BLOCKS & set(row))


@pytest.mark.parametrize("size, least", [((50, 15), 5), ((80, 24), 10), ((100, 30), 12), ((200, 55), 22)])
async def test_the_countdown_drawn_is_as_tall_as_the_design_asks(tmp_path, size, least):
    app = make_app(bundled("react-glute-it-band"), tmp_path / "data")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await advance_stepwise(pilot, 5 + 1.5)  # rep 1, in its hold
        clock = app.screen.grid.countdown
        rows = block_rows(clock)
        assert rows >= least, f"{rows} rows of digits at {size}"
        assert big(app) == "4" and clock.reps == "1/10"
        assert block_rows(app.screen.grid.banner) >= 3, "the phase word in block letters"


async def test_each_phase_is_the_colour_of_the_whole_screen(tmp_path):
    looks = []

    def look_now(app):
        background = Color.parse(PALETTE[app.screen.grid.look][0])
        assert app.screen.styles.background == background
        corner = app.screen.get_style_at(0, app.size.height // 2)  # a cell no widget draws text in
        assert corner.bgcolor.triplet == background.rich_color.triplet
        for line in app.screen.query("#counters, #cues, #time-left, #instructions, #next"):
            if line.display and line.region.area:  # text lines too, not only the space between them
                assert backgrounds(line) == {background.rich_color.triplet}, f"#{line.id} on {app.screen.grid.look}"
        looks.append(app.screen.grid.look)

    app = make_app(SHORT, tmp_path / "data")  # get ready 3, clams: 2 reps of hold 2 + move 3, each side
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        look_now(app)
        await advance(pilot, 3)
        look_now(app)
        await advance(pilot, 2)
        look_now(app)
        await pilot.press("space")
        look_now(app)
        assert word(app) == "PAUSED"
        await pilot.press("space")
        await advance_stepwise(pilot, 3 + 5)
        look_now(app)
        await advance_stepwise(pilot, 3 + 10)
        look_now(app)
    assert looks == [Look.GET_READY, Look.HOLD, Look.MOVE, Look.PAUSED, Look.SWITCH, Look.REST]


async def test_seconds_alone_under_100_and_minutes_above(tmp_path):
    from tests.engine_helpers import routine_from

    routine = routine_from('name = "x"\nlead_in = 0\n[[exercise]]\nname = "Roll"\nhold = "2m"\n')
    app = make_app(routine, tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert big(app) == "2:00"
        await advance_stepwise(pilot, 21)
        assert big(app) == "99"
        assert app.screen.grid.countdown.face.template == "2:00", "the face keeps its size through the phase"


async def test_the_review_screen_shows_numbers_with_scales_and_fits_80x24(tmp_path):
    from datetime import timedelta

    from kneetimer.history.store import HistoryStore
    from kneetimer.workout.records import Status
    from tests.engine_helpers import WALL_START
    from tests.history_helpers import seed_session

    store = HistoryStore.open(tmp_path / "data")
    now = WALL_START.astimezone()
    both = [("Clams", "right", Status.DONE, 80.0), ("Clams", "left", Status.DONE, 60.0)]
    seed_session(store, now - timedelta(days=3), both, pain_before=3, pain_after=2)
    seed_session(store, now - timedelta(days=2), [("Clams", "right", Status.DONE, 80.0),
                                                  ("Clams", "left", Status.SKIPPED, 0.0)], pain_before=4, pain_after=8)
    store.close()
    app = make_app(None, tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        table = app.screen.query_one("#sessions")
        assert sum(column.get_render_width(table) for column in table.columns.values()) <= 78, \
            "every column visible at 80 columns"
        assert str(table.get_row_at(0)[5]) == "⚑" and str(table.get_row_at(1)[5]) == "", "the flagged one marked"
        chart = drawn_rows(app.screen.query_one("#pain"))
        assert chart[1].startswith("10┤") and chart[-2].startswith(" 0┤"), "a 0-10 scale"
        assert "latest 4 → 8" in chart[-1]
        await pilot.press("c")
        await pilot.pause()
        weeks = drawn_rows(app.screen.query_one("#weeks"))
        assert weeks[0].startswith("Work per week") and weeks[-2].rstrip().endswith("4"), "3 min 40 s of work: 4"
        await pilot.press("c")
        await pilot.pause()
        sides = str(app.screen.query_one("#sides").content)
        assert "left 1:00  right 1:20  (25% less on the left)  · 1 session" in sides, "not a 100% gap"
