"""Untrusted text in every field: shown literally, control characters stripped,
layout intact, on every screen and in the CLI; markup never runs an action."""

from __future__ import annotations

import json
import re

from textual.geometry import Region
from textual.widgets import Static

from kneetimer.cli.parser import main
from kneetimer.history.store import HistoryStore
from kneetimer.routines.loader import load_bytes
from kneetimer.tui.screens.history import HistoryScreen, SessionScreen
from kneetimer.tui.screens.summary import SummaryScreen
from kneetimer.tui.screens.workout import WorkoutScreen
from tests.history_helpers import as_json, seed_session
from tests.tui_helpers import advance_stepwise, make_app

MARKUP = "[/] [bold]b [link=https://evil.example]l[/link] [@click=app.quit]q[/] x\\"
ESCAPES = r"\u001b[2J\u001b]52;c;aGk=\u0007\u001b]8;;http://x\u001b\\L\u001b]8;;\u001b\\\u0007\u009b31m"
ODD = "\u202eevil\u202c zero\u200bwidth 😀👍🏽 膝の痛み"
LONG_WORD = "W" * 10_000


def toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def hostile_routine_text() -> str:
    field = toml_string(MARKUP) [:-1] + ESCAPES + " " + ODD + '"'
    return f"""
name = {field}
description = {field}
source = {field}
lead_in = 2
rest_between = 0
[[exercise]]
name = {field}
instructions = {toml_string(LONG_WORD)}
cues = [{field}, {toml_string(LONG_WORD)}]
equipment = [{field}]
harder = {field}
sides = [{field}, "{LONG_WORD}"]
reps = 1
tempo = 1
  [[exercise.step]]
  name = {field}
  cues = [{field}]
[[exercise]]
name = "{LONG_WORD}"
hold = 2
"""


CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_loader_keeps_markup_and_strips_controls():
    routine = load_bytes(hostile_routine_text().encode(), "h.toml", "h").routine
    assert routine is not None
    for text in (routine.name, routine.description, routine.source, *routine.exercises[0].cues,
                 *routine.exercises[0].sides, routine.exercises[0].steps[0].name):
        assert not CONTROL.search(text), repr(text)
    assert routine.name.startswith(MARKUP)
    assert "膝の痛み" in routine.name and "😀👍🏽" in routine.name and "\u200b" in routine.name


def rendered(app) -> str:
    """The screen's widgets as plain text, the way they are drawn."""
    lines = []
    for widget in app.screen.query("*"):
        if widget.display and widget.region.area and isinstance(widget, Static):
            strips = widget.render_lines(Region(0, 0, widget.region.width, widget.region.height))
            lines.extend("".join(segment.text for segment in strip) for strip in strips)
    return "\n".join(lines)


def assert_clean(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text


async def test_every_screen_shows_hostile_text_literally(user_routines, tmp_path):
    (user_routines / "hostile.toml").write_text(hostile_routine_text())
    data = tmp_path / "data"
    app = make_app(None, data)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#routines").highlighted == 0  # the user's routine first
        assert_clean(rendered(app))
        assert "[@click=app.quit]q[/]" in str(app.screen.query_one("#details").content)
        await pilot.press("enter", "s")  # start it, skip the pain question
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen)
        screen_text = rendered(app)
        assert_clean(screen_text)
        assert "[/] [bold]b [link=https://evil.example]l[/link]" in screen_text
        assert len(screen_text.splitlines()) < 40, "layout intact: long words are cut, not spread"
        await advance_stepwise(pilot, 2 + 1)
        assert_clean(rendered(app))
        await pilot.press("n", "n", "n")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("3", *"[@click=app.quit] note", "enter", "enter")
        await pilot.press("h")
        assert isinstance(app.screen, HistoryScreen)
        assert_clean(rendered(app))
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)
        text = rendered(app)
        assert_clean(text)
        assert "[@click=app.quit] note" in text
        assert app.is_running, "no markup action ran"
    (session,) = as_json(HistoryStore.open(data).sessions())
    assert session["note"] == "[@click=app.quit] note" and session["routine"].startswith(MARKUP)


def test_cli_output_carries_no_control_characters(user_routines, isolated_dirs, capsys):
    (user_routines / "hostile.toml").write_text(hostile_routine_text())
    routine = load_bytes(hostile_routine_text().encode(), "h.toml", "h").routine
    store = HistoryStore.open(isolated_dirs[1])
    from datetime import datetime, timezone

    from kneetimer.workout.records import Status

    start = datetime(2026, 11, 21, tzinfo=timezone.utc)
    seed_session(store, start, [(routine.exercises[0].name, "\x1b[31mside", Status.DONE, 4.0)], routine_id="hostile",
                 routine=routine.name, status=None, note="\x1b]52;c;aGk=\x07 note")
    store.close()
    for argv in (["list"], ["list", "--json"], ["history"], ["history", "--json"], ["export", "--format", "csv"],
                 ["export", "--format", "json"]):
        assert main(argv) == 0
        out = capsys.readouterr().out
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out, argv
        if argv[-1] == "--json" or argv[-1] == "json":
            json.loads(out)
    main(["list"])
    table = capsys.readouterr().out
    assert max(len(line) for line in table.splitlines()) < 200, "a 10,000-character word does not stretch the table"
