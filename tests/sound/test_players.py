"""The sound player: found once, never waited for, given up on when it keeps failing."""

from __future__ import annotations

import time
from pathlib import Path

from kneetimer.sound import players
from kneetimer.sound.players import SoundPlayer, find_player
from kneetimer.sound.vocabulary import Signal
from tests.sound.stand_ins import entries, stand_in, wait_for


def test_the_first_player_found_is_used(monkeypatch):
    found = {"paplay": "/usr/bin/paplay", "aplay": "/usr/bin/aplay"}
    monkeypatch.setattr(players.shutil, "which", found.get)
    monkeypatch.setattr(players.sys, "platform", "linux")
    assert find_player() == ["/usr/bin/paplay"]
    monkeypatch.setattr(players.shutil, "which", {"aplay": "/usr/bin/aplay"}.get)
    assert find_player() == ["/usr/bin/aplay", "-q"]
    monkeypatch.setattr(players.shutil, "which", lambda name: None)
    assert find_player() is None


def test_play_returns_at_once_and_the_player_gets_the_sound_file(tmp_path):
    command, log = stand_in(tmp_path, 2.0)  # a slow player
    player = SoundPlayer(command, tmp_path / "sounds", 80)
    try:
        started = time.monotonic()
        player.play(Signal.GO)
        player.play(Signal.TICK)
        assert time.monotonic() - started < 0.05, "play() never waits for the player"
        wait_for(lambda: len(entries(log)) >= 2)
        played = sorted(Path(entry["what"]).name for entry in entries(log))  # two processes: either logs first
        assert played == ["go-v2-80.wav", "tick-v2-80.wav"]
        assert player.broken is None
    finally:
        player.stop()


def test_a_player_that_keeps_failing_is_given_up(tmp_path):
    command, _ = stand_in(tmp_path, -1)  # exits 3 at once
    player = SoundPlayer(command, tmp_path / "sounds", 80)
    try:
        for _ in range(3):
            player.play(Signal.GO)
            time.sleep(0.3)
        wait_for(lambda: player.broken is not None)
        assert "exit status 3" in player.broken
    finally:
        player.stop()


def test_a_hung_player_is_stopped_and_given_up(tmp_path, monkeypatch):
    monkeypatch.setattr(players, "HUNG_AFTER", 0.2)
    command, log = stand_in(tmp_path, 60)  # never finishes
    player = SoundPlayer(command, tmp_path / "sounds", 80)
    try:
        player.play(Signal.TICK)
        player.play(Signal.TICK)
        wait_for(lambda: player.broken is not None)
        assert "did not finish" in player.broken
        assert not any("end" in entry for entry in entries(log)), "stopped, not left to run"
    finally:
        player.stop()


def test_a_missing_player_is_given_up_without_an_exception(tmp_path):
    player = SoundPlayer([str(tmp_path / "no-such-player")], tmp_path / "sounds", 80)
    try:
        player.play(Signal.GO)
        player.play(Signal.GO)
        wait_for(lambda: player.broken is not None)
        assert "could not be started" in player.broken
    finally:
        player.stop()
