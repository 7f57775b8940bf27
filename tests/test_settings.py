"""Settings: read, written atomically, broken files kept aside, bad values reported."""

from __future__ import annotations

from kneetimer.settings import Settings, load_settings, save_settings


def test_settings_round_trip_and_defaults(tmp_path):
    path = tmp_path / "config.toml"
    loaded = load_settings(path)
    assert loaded.settings == Settings() and loaded.problems == []
    wanted = Settings(sound=False, voice=True, lead_in=8.0, theme="nord", pain_prompt=False, sessions_per_week=4)
    assert save_settings(wanted, path) is None
    assert load_settings(path).settings == wanted
    assert not list(tmp_path.glob(".config.toml.*")), "no temporary file left behind"


def test_broken_settings_fall_back_and_are_kept_aside_before_saving(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("sound = [oops\n")
    loaded = load_settings(path)
    assert loaded.broken and loaded.settings == Settings() and "broken" in loaded.problems[0]
    notice = save_settings(Settings(sound=False), path)
    kept = list(tmp_path.glob("config.broken-*.toml"))
    assert len(kept) == 1 and kept[0].read_text() == "sound = [oops\n" and kept[0].name in notice
    assert load_settings(path).settings.sound is False


def test_bad_setting_values_are_reported_one_by_one(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('sound = "loud"\nsessions_per_week = 40\ncolour = "red"\nvoice = true\n')
    loaded = load_settings(path)
    assert loaded.settings.voice is True and loaded.settings.sound is True
    assert len(loaded.problems) == 3 and "unknown setting 'colour'" in loaded.problems[2]
