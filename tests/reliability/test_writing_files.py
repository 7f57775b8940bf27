"""Writing a file never harms what is at that path (issue 22.2, 22.8, 22.11): a report's
--output over the history, a device, a symlink, a FIFO or a pipe; modes as `open()` gives
them; `edit` on a file saved in Latin-1 or with an editor command it cannot read."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time

import pytest

from kneetimer.cli import main
from kneetimer.files import write_atomically
from kneetimer.history.database import DB_NAME
from tests.conftest import REPO, write
from tests.reliability.test_reading_history import a_session


def test_report_never_overwrites_the_history(isolated_dirs, capsys):
    _, data = isolated_dirs
    a_session(data)
    before = (data / DB_NAME).read_bytes()
    assert main(["report", "--output", str(data / DB_NAME)]) == 1
    assert "is a database" in capsys.readouterr().err
    assert (data / DB_NAME).read_bytes() == before
    assert main(["history", "--json"]) == 0


def test_a_symlink_is_kept_and_its_target_written(tmp_path):
    target = tmp_path / "real.html"
    target.write_text("old")
    link = tmp_path / "link.html"
    link.symlink_to(target)
    write_atomically(link, "new")
    assert link.is_symlink() and target.read_text() == "new"


@pytest.mark.skipif(not os.access("/dev/null", os.W_OK), reason="needs /dev/null")
def test_a_device_is_written_into_not_replaced(tmp_path, capsys):
    a_session(tmp_path / "data")
    assert main(["report", "--output", "/dev/null"]) == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_fifo_gets_the_report(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_atomically(fifo, "<html>report</html>")
    reader.join(timeout=10)
    assert received == [b"<html>report</html>"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_process_substitution_gets_the_report(isolated_dirs, tmp_path):
    _, data = isolated_dirs
    a_session(data)
    out = tmp_path / "r.html"
    env = dict(os.environ, PYTHONPATH=str(REPO))
    result = subprocess.run(f"'{sys.executable}' -m kneetimer report --output >(cat > '{out}.part'; "
                            f"mv '{out}.part' '{out}')",
                            shell=True, executable="/bin/bash", env=env, capture_output=True, timeout=30)
    assert result.returncode == 0, result.stderr
    for _ in range(200):  # the substituted process finishes after the shell returns: wait for it
        if out.exists():
            break
        time.sleep(0.05)
    assert out.read_text().startswith("<!DOCTYPE html>")


def test_modes_follow_the_umask_and_an_existing_file_keeps_its_own(tmp_path):
    old = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.html"
        write_atomically(fresh, "x")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
        shared = tmp_path / "shared.html"
        shared.write_text("old")
        shared.chmod(0o640)
        write_atomically(shared, "new")
        assert stat.S_IMODE(shared.stat().st_mode) == 0o640
    finally:
        os.umask(old)


def test_a_folder_is_not_replaced(tmp_path):
    with pytest.raises(IsADirectoryError):
        write_atomically(tmp_path, "x")


@pytest.mark.parametrize("weeks", ["1000000", "521"])
def test_report_weeks_are_bounded(capsys, weeks):
    with pytest.raises(SystemExit) as exit_:
        main(["report", "--weeks", weeks])
    assert exit_.value.code == 2
    assert "at most 520" in capsys.readouterr().err


def test_edit_opens_a_latin1_routine_and_saves_it_as_utf8(user_routines, monkeypatch, tmp_path, capsys):
    path = user_routines / "mine.toml"
    path.write_bytes('name = "Übungen"\n\n[[exercise]]\nname = "Clams"\nreps = 10\n'.encode("latin-1"))
    monkeypatch.setenv("EDITOR", "true")  # saves without a change
    assert main(["edit", "mine"]) == 0
    assert path.read_text(encoding="utf-8").startswith('name = "Übungen"')


def test_edit_names_an_editor_command_it_cannot_read(user_routines, monkeypatch, capsys):
    write(user_routines, "mine.toml", 'name = "Mine"\n\n[[exercise]]\nname = "Clams"\nreps = 10\n')
    monkeypatch.setenv("EDITOR", 'vim "')
    assert main(["edit", "mine"]) == 1
    assert "$EDITOR" in capsys.readouterr().err
