"""A player or speech command that is a wrapper script leaves nothing running (issue
22.12): its children end with it, when it is cut and when kneetimer stops."""

from __future__ import annotations

import os

import pytest

from kneetimer.sound.players import SoundPlayer
from kneetimer.sound.vocabulary import Signal
from kneetimer.sound.voice import Speaker
from tests.sound.stand_ins import wait_for

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="POSIX process groups")

WRAPPER = """#!/bin/sh
sleep 300 &
echo $! >> "{pids}"
wait
"""


def wrapper(tmp_path) -> tuple[list[str], object]:
    pids = tmp_path / "children"
    script = tmp_path / "player.sh"
    script.write_text(WRAPPER.format(pids=pids))
    script.chmod(0o755)
    return [str(script)], pids


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def children(pids) -> list[int]:
    return [int(line) for line in pids.read_text().split()] if pids.exists() else []


def test_a_players_children_end_when_it_stops(tmp_path):
    command, pids = wrapper(tmp_path)
    player = SoundPlayer(command, tmp_path / "sounds", volume=50)
    player.play(Signal.GO)
    player.play(Signal.REST)
    wait_for(lambda: len(children(pids)) == 2)
    player.stop()
    wait_for(lambda: not any(alive(pid) for pid in children(pids)))


def test_a_speech_commands_children_end_when_cut_and_when_it_stops(tmp_path):
    command, pids = wrapper(tmp_path)
    speaker = Speaker(command)
    speaker.say("Clams, right side")
    wait_for(lambda: len(children(pids)) == 1)
    first = children(pids)[0]
    speaker.say("Something newer")  # cuts the first
    wait_for(lambda: not alive(first))
    wait_for(lambda: len(children(pids)) == 2)
    speaker.stop()
    wait_for(lambda: not any(alive(pid) for pid in children(pids)))
