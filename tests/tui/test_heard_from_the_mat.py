"""Heard from the mat: which sound each moment gets, and what the voice says, on a fake clock."""

from __future__ import annotations

from kneetimer.sound.vocabulary import Signal, SoundLevel
from tests.engine_helpers import routine_from
from tests.tui_helpers import FakePlayer, FakeSpeaker, advance_stepwise, bundled, make_app

G, GO, T, RE, R, SW, H, D = (Signal.GET_READY, Signal.GO, Signal.TICK, Signal.RELEASE, Signal.REST,
                             Signal.SWITCH, Signal.HALFWAY, Signal.DONE)
ROUTINE = routine_from(
    """
    name = "Sounds"
    lead_in = 5
    rest_between = 6
    [[exercise]]
    name = "Clams"
    sides = "each"
    reps = 2
    hold = 2
    [[exercise]]
    name = "Roll"
    hold = 10
    """
)


async def test_each_moment_gets_its_own_sound_on_time(tmp_path):
    app = make_app(ROUTINE, tmp_path / "data")
    async with app.run_test() as pilot:
        await pilot.pause()
        await advance_stepwise(pilot, 52)
    assert app.player.played == [
        (0, G), (2, T), (3, T), (4, T),  # get ready, 3-2-1
        (5, GO), (7, RE), (10, GO), (12, RE),  # each rep: go at its hold, release at its end, no sound to move
        (15, SW), (17, T), (18, T), (19, T),  # switch sides, 3-2-1
        (20, GO), (22, RE), (25, GO), (27, RE),
        (30, R), (33, T), (34, T), (35, T),  # rest between exercises, 3-2-1
        (36, G), (38, T), (39, T), (40, T),
        (41, GO), (48, T), (49, T), (50, T),  # a timed hold: go, 3-2-1
        (51, D),
    ]


async def test_halfway_only_with_all_sounds(tmp_path, isolated_dirs):
    routine = routine_from('name = "x"\nlead_in = 0\n[[exercise]]\nname = "Stretch"\nhold = 40\n')
    for level, expected in ((SoundLevel.ALL, [GO, H, T, T, T, D]), (SoundLevel.ESSENTIAL, [GO, T, T, T, D])):
        app = make_app(routine, tmp_path / "data")
        app.settings.sound = level
        async with app.run_test() as pilot:
            await pilot.pause()
            await advance_stepwise(pilot, 41)
        assert [signal for _, signal in app.player.played] == expected, level


async def test_quiet_means_no_sound_and_no_bell(tmp_path, monkeypatch):
    app = make_app(ROUTINE, tmp_path / "data", quiet=True)
    rings = []
    monkeypatch.setattr(app, "bell", lambda: rings.append(1))
    async with app.run_test() as pilot:
        await pilot.pause()
        await advance_stepwise(pilot, 12)
    assert app.player.played == [] and rings == []


async def test_no_working_player_means_the_bell_and_one_message(tmp_path, monkeypatch):
    app = make_app(ROUTINE, tmp_path / "data", player=FakePlayer(broken="paplay failed (exit status 1)"))
    rings = []
    monkeypatch.setattr(app, "bell", lambda: rings.append(app.fake_clock.now - 1000))
    async with app.run_test() as pilot:
        await pilot.pause()
        await advance_stepwise(pilot, 8)
        messages = [n.message for n in app._notifications if "Sound" in n.message]
    assert rings == [0, 2, 3, 4, 5, 7]
    assert len(messages) == 1 and "paplay failed" in messages[0] and "terminal bell" in messages[0]


async def test_the_voice_says_timed_words_and_fits_the_announcement(tmp_path):
    speaker = FakeSpeaker()
    app = make_app(bundled("react-glute-it-band"), tmp_path / "data", voice=True, speaker=speaker)
    async with app.run_test() as pilot:
        await pilot.pause()
        await advance_stepwise(pilot, 5 + 8 + 0.5)
    said = [(round(u.due - 1000, 3), u.text, u.timed) for u in speaker.utterances]
    assert said[:6] == [
        (0, "Right side. Clams", False),  # the whole prescription would run into the 3-2-1
        (2, "3", True), (3, "2", True), (4, "1", True),
        (5, "Go", True), (13, "2", True),  # go, then rep numbers at each rep's hold; the release is a sound
    ]
    assert all(signal is not Signal.TICK for _, signal in app.player.played), "the voice says 3-2-1 instead"


async def test_the_voice_says_the_set_for_reps_too_and_switch_sides(tmp_path):
    routine = routine_from('name = "x"\nlead_in = 5\n[[exercise]]\nname = "Lift"\nsides = "each"\nsets = 2\n'
                           'reps = 2\ntempo = 2\n')
    speaker = FakeSpeaker()
    app = make_app(routine, tmp_path / "data", voice=True, speaker=speaker)
    async with app.run_test() as pilot:
        await pilot.pause()
        await advance_stepwise(pilot, 5 + 8 + 1)
    texts = speaker.said
    assert texts[:8] == ["Right side. Lift, 2 sets", "3", "2", "1", "Go", "2", "Set 2", "2"]
    assert "Switch sides. Left side" in texts


async def test_a_player_that_hangs_changes_nothing_in_the_timing(tmp_path):
    import time

    from kneetimer.sound.players import SoundPlayer
    from tests.sound.stand_ins import stand_in

    command, _ = stand_in(tmp_path, 60)  # never returns while we watch
    player = SoundPlayer(command, tmp_path / "sounds", 80)
    app = make_app(ROUTINE, tmp_path / "data", player=player)
    slowest = 0.0
    try:
        async with app.run_test() as pilot:
            await pilot.pause()
            for _ in range(20):
                app.fake_clock.advance(1)
                started = time.perf_counter()
                app.screen.wake()
                slowest = max(slowest, time.perf_counter() - started)
            await pilot.pause()
            phase = app.screen.session.phase
            assert (phase.side, phase.rep_no) == ("left", 1), "the workout is exactly where the clock says"
    finally:
        player.stop()
    assert slowest < 0.05, f"a wake took {slowest * 1000:.0f} ms with a hanging player"
