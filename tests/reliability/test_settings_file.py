"""config.toml as a person's machine may have it (issue 17.12, 17.6): many unknown keys are
one quick warning, a huge file or a FIFO is refused at once, and no terminal escape from a
key or value reaches the screen."""

from __future__ import annotations

import os
import threading
import time

import pytest

from kneetimer.settings import MAX_CONFIG_BYTES, load_settings
from tests.tui_helpers import make_app

ESC = "\x1b"


def test_three_thousand_unknown_keys_are_one_quick_warning(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("".join(f"key{n} = {n}\n" for n in range(3000)) + "volume = 40\n")
    started = time.perf_counter()
    loaded = load_settings(path)
    assert time.perf_counter() - started < 0.5
    assert loaded.settings.volume == 40
    (problem,) = loaded.problems
    assert "unknown settings 'key0', 'key1', 'key2' and 2,997 more, ignored" in problem


async def test_the_app_shows_one_toast_for_all_the_problems(tmp_path, isolated_dirs):
    config, _ = isolated_dirs
    config.mkdir(exist_ok=True)
    (config / "config.toml").write_text("".join(f"key{n} = {n}\n" for n in range(50)) + 'sound = "loud"\n')
    app = make_app(None, tmp_path / "data")
    async with app.run_test() as pilot:
        await pilot.pause()
        assert len(app._notifications) == 1


def test_an_oversized_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("# " + "x" * (MAX_CONFIG_BYTES + 10) + "\nvolume = 10\n")
    loaded = load_settings(path)
    assert loaded.settings.volume == 80 and loaded.broken
    assert "at most" in loaded.problems[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_a_fifo_does_not_hang_start_up(tmp_path):
    path = tmp_path / "config.toml"
    os.mkfifo(path)
    result = []
    reader = threading.Thread(target=lambda: result.append(load_settings(path)), daemon=True)
    reader.start()
    reader.join(3)
    assert result, "loading the settings hung on a FIFO"
    assert "not a regular file" in result[0].problems[0]


def test_device_files_are_refused(tmp_path):
    loaded = load_settings(__import__("pathlib").Path("/dev/zero"))
    assert loaded.broken and "not a regular file" in loaded.problems[0]


def test_no_escape_from_a_key_or_a_value_survives(tmp_path):
    path = tmp_path / "config.toml"
    path.write_bytes(('"\\u001b]2;owned\\u0007" = 1\ntheme = "\\u001b[31mred"\n').encode())
    loaded = load_settings(path)
    assert loaded.problems
    assert all(ESC not in problem and "\x07" not in problem for problem in loaded.problems)
    assert ESC not in loaded.settings.theme


def test_no_escape_from_a_routine_file_name_reaches_the_list(user_routines, capsys):
    from kneetimer.cli.parser import main

    (user_routines / f"{ESC}]2;owned\x07clams.toml").write_text('name = "x"\n[[exercise]]\nname = "a"\nreps = 2\n')
    (user_routines / f"{ESC}[31mbroken.toml").write_text('name = \n')
    main(["list"])
    main(["list", "--json"])
    main(["validate", str(user_routines / f"{ESC}[31mbroken.toml")])
    captured = capsys.readouterr()
    assert ESC not in captured.out and ESC not in captured.err
    assert "\x07" not in captured.out and "\x07" not in captured.err
    assert "clams" in captured.out and "broken" in captured.out + captured.err


async def test_no_escape_from_a_routine_file_name_reaches_the_picker(user_routines, tmp_path):
    from kneetimer.tui.app import KneetimerApp

    (user_routines / f"{ESC}]2;owned\x07clams.toml").write_text('name = "x"\n[[exercise]]\nname = "a"\nreps = 2\n')
    app = KneetimerApp(None, data_dir=tmp_path / "data")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        drawn = app.export_screenshot()
        assert len(app.screen.query("*")) > 3
        assert ESC not in app.title and ESC not in (app.sub_title or "")
        assert ESC not in drawn and "\x07" not in drawn


@pytest.mark.parametrize("name, routine_id", [("Übung", "übung"), ("膝のリハビリ", "膝のリハビリ"),
                                              ("Line one\nline two", "line-one-line-two"),
                                              ('Tab\there "quoted" \\ back\x7f', "tab-here-quoted-back")])
def test_new_keeps_any_script_and_writes_a_routine_that_validates(user_routines, capsys, name, routine_id):
    from kneetimer.cli.parser import main
    from kneetimer.routines.loader import load_file

    assert main(["new", name]) == 0
    path = user_routines / f"{routine_id}.toml"
    result = load_file(path)
    assert result.ok, [str(p) for p in result.problems]
    assert "\n" not in result.routine.name and ESC not in result.routine.name
    assert main(["validate", str(path)]) == 0
