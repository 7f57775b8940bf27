"""Settings: read, written atomically, broken files kept aside, bad values reported."""

from __future__ import annotations

from kneetimer.settings import Settings, load_settings, save_settings
from kneetimer.sound.vocabulary import SoundLevel


def test_settings_round_trip_and_defaults(tmp_path):
    path = tmp_path / "config.toml"
    loaded = load_settings(path)
    assert loaded.settings == Settings() and loaded.problems == []
    wanted = Settings(sound=SoundLevel.ESSENTIAL, volume=35, voice=True, lead_in=8.0, theme="nord",
                      pain_prompt=False, sessions_per_week=4)
    assert save_settings(wanted, path) is None
    assert load_settings(path).settings == wanted
    assert 'sound = "essential"' in path.read_text()
    assert not list(tmp_path.glob(".config.toml.*")), "no temporary file left behind"


def test_broken_settings_fall_back_and_are_kept_aside_before_saving(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("sound = [oops\n")
    loaded = load_settings(path)
    assert loaded.broken and loaded.settings == Settings() and "broken" in loaded.problems[0]
    notice = save_settings(Settings(sound=SoundLevel.OFF), path)
    kept = list(tmp_path.glob("config.broken-*.toml"))
    assert len(kept) == 1 and kept[0].read_text() == "sound = [oops\n" and kept[0].name in notice
    assert load_settings(path).settings.sound is SoundLevel.OFF


def test_bad_setting_values_are_reported_one_by_one(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('sound = "loud"\nsessions_per_week = 40\ncolour = "red"\nvoice = true\n')
    loaded = load_settings(path)
    assert loaded.settings.voice is True and loaded.settings.sound is SoundLevel.ALL
    assert len(loaded.problems) == 3 and "unknown setting 'colour'" in loaded.problems[2]
    assert 'sound must be "all", "essential" or "off"' in loaded.problems[0]


def test_a_settings_file_from_before_sound_levels_still_reads(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("sound = false\n")
    assert load_settings(path).settings.sound is SoundLevel.OFF
    path.write_text("sound = true\nvolume = 101\n")
    loaded = load_settings(path)
    assert loaded.settings.sound is SoundLevel.ALL and loaded.settings.volume == 80
    assert "volume must be a whole number from 0 to 100" in loaded.problems[0]
