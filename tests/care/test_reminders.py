"""Reminders (issue 27.3, 27.4): golden text for each scheduler, the systemd units checked
by systemd-analyze where it exists, the .ics read by a real iCalendar parser, install and
remove with a stand-in systemctl in a temporary config home, and `remind check` under an
injected clock with a stand-in notifier on PATH. Nothing is registered on this machine."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date, datetime, time

import pytest

from kneetimer.care.plan import Plan, save_plan
from kneetimer.cli import main
from kneetimer.reminders import commands
from kneetimer.reminders.schedules import (
    crontab_line,
    ics,
    launchd_plist,
    schtasks_create,
    systemd_service,
    systemd_timer,
)

PLAN = Plan("react-glute-it-band", days=(0, 2, 4), weeks=6, start=date(2026, 11, 16), remind_at=time(7, 30))
COMMAND = ["/usr/bin/python3", "-m", "kneetimer", "remind", "check"]
ENV = {"KNEETIMER_DATA_DIR": "/home/ann/data dir"}


def test_systemd_units_as_golden_text():
    assert systemd_timer(PLAN) == (
        "[Unit]\nDescription=kneetimer: reminders on the planned days\n\n[Timer]\n"
        "OnCalendar=Mon,Wed,Fri *-*-* 07:30:00\nPersistent=true\nUnit=kneetimer-remind.service\n\n"
        "[Install]\nWantedBy=timers.target\n")
    assert systemd_service(COMMAND, ENV) == (
        "[Unit]\nDescription=kneetimer: a reminder on planned exercise days\n\n[Service]\nType=oneshot\n"
        "Environment='KNEETIMER_DATA_DIR=/home/ann/data dir'\n"
        "ExecStart=/usr/bin/python3 -m kneetimer remind check\n")


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_units_pass_systemd_analyze_verify(tmp_path):
    (tmp_path / "kneetimer-remind.service").write_text(systemd_service([sys.executable, "-m", "kneetimer"], ENV))
    (tmp_path / "kneetimer-remind.timer").write_text(systemd_timer(PLAN))
    checked = subprocess.run(["systemd-analyze", "verify", str(tmp_path / "kneetimer-remind.timer"),
                              str(tmp_path / "kneetimer-remind.service")], capture_output=True, text=True,
                             timeout=60, check=False)
    assert "kneetimer-remind" not in checked.stderr or checked.returncode == 0, checked.stderr
    assert checked.returncode == 0, checked.stderr


def test_launchd_schtasks_and_crontab_as_golden_text():
    plist = launchd_plist(PLAN, COMMAND, ENV)
    assert "<key>Weekday</key><integer>1</integer><key>Hour</key><integer>7</integer>" in plist  # Monday
    assert "<key>Weekday</key><integer>5</integer>" in plist and "<string>remind</string>" in plist
    assert schtasks_create(PLAN, COMMAND) == [
        "schtasks", "/Create", "/TN", "kneetimer-remind", "/TR",
        '"/usr/bin/python3" "-m" "kneetimer" "remind" "check"', "/SC", "WEEKLY", "/D", "MON,WED,FRI",
        "/ST", "07:30", "/F"]
    assert crontab_line(PLAN, COMMAND, ENV) == ("30 7 * * 1,3,5 'KNEETIMER_DATA_DIR=/home/ann/data dir' "
                                                "/usr/bin/python3 -m kneetimer remind check")


def test_the_ics_is_read_by_a_real_parser():
    icalendar = pytest.importorskip("icalendar")
    text = ics(PLAN, "Glute, IT band; and more", datetime(2026, 11, 30, 9, 0))
    calendar = icalendar.Calendar.from_ical(text)
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == datetime(2026, 11, 16, 7, 30)
    rule = event.get("RRULE")
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["MO", "WE", "FR"]
    assert str(event.get("SUMMARY")) == "Knee exercises: Glute, IT band; and more"
    assert len(event.walk("VALARM")) == 1
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def stand_in(folder, name, body="exit 0"):
    folder.mkdir(exist_ok=True)
    script = folder / name
    script.write_text(f"#!/bin/sh\necho \"$@\" >> '{folder}/{name}.log'\n{body}\n")
    script.chmod(0o755)


@pytest.mark.skipif(sys.platform != "linux", reason="systemd user timers")
def test_install_and_remove_with_a_stand_in_systemctl(isolated_dirs, tmp_path, monkeypatch, capsys):
    bin_dir = tmp_path / "bin"
    stand_in(bin_dir, "systemctl")
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    save_plan(PLAN)
    assert main(["remind", "install"]) == 0
    timer = tmp_path / "xdg" / "systemd" / "user" / "kneetimer-remind.timer"
    assert "OnCalendar=Mon,Wed,Fri *-*-* 07:30:00" in timer.read_text()
    calls = (bin_dir / "systemctl.log").read_text()
    assert "--user enable --now kneetimer-remind.timer" in calls
    assert main(["remind", "status"]) == 0 and "installed" in capsys.readouterr().out
    assert main(["remind", "remove"]) == 0
    assert not timer.exists()


@pytest.mark.skipif(sys.platform != "linux", reason="a stand-in notify-send")
@pytest.mark.parametrize("today, done_today, notified", [
    (date(2026, 11, 30), False, True),  # a planned Monday, nothing done
    (date(2026, 12, 1), False, False),  # Tuesday: not planned
    (date(2026, 11, 30), True, False),  # done already
    (date(2027, 1, 4), False, False),  # after the block
])
def test_remind_check_notifies_only_on_planned_days_not_yet_done(isolated_dirs, tmp_path, monkeypatch, today,
                                                                 done_today, notified):
    from kneetimer.history.store import HistoryStore
    from tests.history_helpers import seed_session

    bin_dir = tmp_path / "bin"
    stand_in(bin_dir, "notify-send")
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    save_plan(PLAN)
    store = HistoryStore.open(isolated_dirs[1])
    if done_today:
        seed_session(store, datetime.combine(today, time(7, 0)).astimezone())
    store.close()
    assert commands.check(datetime.combine(today, time(7, 30)).astimezone()) == 0
    log = bin_dir / "notify-send.log"
    assert log.exists() == notified
    if notified:
        assert "kneetimer run react-glute-it-band" in log.read_text()


def test_remind_check_is_quiet_without_a_notifier_or_a_plan(isolated_dirs, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    assert commands.check(datetime(2026, 11, 30, 7, 30).astimezone()) == 0
    save_plan(PLAN)
    assert commands.check(datetime(2026, 11, 30, 7, 30).astimezone()) == 0
