"""Input a person did not mean as keys (issue 22.4, 22.5): a clicker's Page Up or Down as
the command palette opens, and a paste of coloured terminal text. Parsed as Textual does,
and in a real kneetimer in a real pseudo-terminal."""

from __future__ import annotations

import os
import signal
import sys
import time

import pytest
from textual import events
from textual._xterm_parser import XTermParser

from bench.process import PtyProcess
from kneetimer.history.store import HistoryStore
from kneetimer.tui.paste import PasteSafeParser
from tests.history_helpers import as_json
from tests.tui.test_signals import STARTED, no_kneetimer_left_behind  # noqa: F401

COLOURED = "\x1b[31mred n text\x1b[0m \x1b]0;a title\x07 skip n\tpause \n"
PASTE = "\x1b[200~" + COLOURED * 50 + "\x1b[201~"
SLOW = 'name = "Slow"\nlead_in = 0\nrest_between = 0\n' + '[[exercise]]\nname = "Long hold"\nhold = 60\n' * 2


def parse(parser: XTermParser, data: str, chunk: int) -> list[events.Event]:
    parsed: list[events.Event] = []
    for start in range(0, len(data), chunk):
        parsed += parser.feed(data[start : start + chunk])
    return parsed


def test_textual_alone_reads_keys_from_a_paste():
    """The fault this guards against, so the test below cannot pass by Textual fixing it quietly."""
    assert any(isinstance(event, events.Key) for event in parse(XTermParser(), PASTE, len(PASTE)))


@pytest.mark.parametrize("chunk", [1, 2, 5, 7, 64, len(PASTE)], ids=lambda n: f"reads of {n}")
def test_a_paste_is_one_paste_of_plain_text_however_it_is_read(chunk):
    parsed = parse(PasteSafeParser(), "a" + PASTE + "b", chunk)
    keys = [event.key for event in parsed if isinstance(event, events.Key)]
    pastes = [event.text for event in parsed if isinstance(event, events.Paste)]
    assert keys == ["a", "b"]
    assert pastes == [("[31mred n text[0m ]0;a title skip n\tpause \n") * 50]


def test_escape_alone_is_still_a_key():
    parser = PasteSafeParser()
    parsed = list(parser.feed("\x1b")) + list(parser.feed(""))
    assert [event.key for event in parsed if isinstance(event, events.Key)] == ["escape"]


def start(tmp_path) -> tuple[PtyProcess, object]:
    routine = tmp_path / "slow.toml"
    routine.write_text(SLOW)
    data = tmp_path / "data"
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text("pain_prompt = false\n")
    env = {"KNEETIMER_DATA_DIR": str(data), "KNEETIMER_CONFIG_DIR": str(tmp_path / "config")}
    terminal = PtyProcess([sys.executable, "-m", "kneetimer", "run", "--quiet", str(routine)], env=env)
    STARTED.append(terminal)
    terminal.wait_for(b"Long hold")
    return terminal, data


def end_and_read(terminal: PtyProcess, data) -> dict:
    assert terminal.process.poll() is None, "kneetimer ended by itself"
    terminal.process.send_signal(signal.SIGTERM)
    terminal.process.wait(timeout=20)
    terminal.stop()
    assert b"Traceback" not in terminal.output
    (session,) = as_json(HistoryStore.open(data).sessions())
    return session


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX pseudo-terminal")
def test_a_pasted_block_of_coloured_text_neither_skips_nor_pauses(tmp_path):
    terminal, data = start(tmp_path)
    os.write(terminal.master, PASTE.encode())
    time.sleep(1.0)  # time for fifty lines of keys to have skipped everything, as they did
    session = end_and_read(terminal, data)
    assert [exercise["status"] for exercise in session["exercises"]] == ["partial"]
    assert session["paused_s"] == 0


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX pseudo-terminal")
def test_page_keys_as_the_command_palette_opens_do_not_crash(tmp_path):
    terminal, data = start(tmp_path)
    for _ in range(3):
        os.write(terminal.master, b"\x10\x1b[5~\x1b[6~")  # ctrl+p, then Page Up and Page Down at once
        time.sleep(0.4)
        os.write(terminal.master, b"\x1b")
        time.sleep(0.4)
    session = end_and_read(terminal, data)
    assert session["status"] == "interrupted"
