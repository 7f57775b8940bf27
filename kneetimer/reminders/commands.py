"""`kneetimer remind install|remove|status|check|ics`.

install registers `kneetimer remind check` with the system's own scheduler for the
planned days and time: a systemd user timer (Persistent, so a reminder missed while the
machine was off comes at the next login), a LaunchAgent on macOS, a scheduled task on
Windows; where none of these can be used it says so and prints a crontab line. `check`
is what runs then: a desktop notification only when today is planned and nothing was
done yet today, or when the next-morning question is due; it never opens the app.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from kneetimer import paths
from kneetimer.care.morning import LATEST_DAYS, question_due
from kneetimer.care.plan import Plan, PlanError, load_plan
from kneetimer.dates import now_local
from kneetimer.files import write_atomically
from kneetimer.reminders.schedules import (
    LAUNCHD_LABEL,
    NAME,
    crontab_line,
    ics,
    launchd_plist,
    schtasks_create,
    systemd_service,
    systemd_timer,
)

EXIT_OK, EXIT_BAD_INPUT = 0, 1
ENVIRONMENT = ("KNEETIMER_DATA_DIR", "KNEETIMER_CONFIG_DIR")
SYSTEMCTL_TIMEOUT = 20  # seconds


def remind(action: str, output: str | None) -> int:
    if action == "check":
        return check()
    try:
        plan = load_plan()
    except PlanError as error:
        print(f"kneetimer: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if action == "status":
        return status(plan)
    if action == "remove":
        return remove()
    if plan is None:
        print("kneetimer: there is no plan to remind you of: set one with `kneetimer plan set ROUTINE`.",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    return install(plan) if action == "install" else write_ics(plan, output)


def command() -> list[str]:
    """How a scheduler starts the check: this Python, with kneetimer as a module."""
    return [sys.executable, "-m", "kneetimer", "remind", "check"]


def environment() -> dict[str, str]:
    """The folders of the person installing it, when set: the check looks where they do."""
    return {key: os.environ[key] for key in ENVIRONMENT if os.environ.get(key)}


def systemd_folder() -> Path:
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "systemd" / "user"


def launchd_file() -> Path:
    return Path.home() / "Library" / "LaunchAgents" / f"{LAUNCHD_LABEL}.plist"


def install(plan: Plan) -> int:
    if sys.platform == "darwin":
        path = launchd_file()
        write_atomically(path, launchd_plist(plan, command(), environment()))
        ok = _run(["launchctl", "unload", str(path)], quiet=True) is not None and \
            _run(["launchctl", "load", str(path)]) == 0
        return _said(ok, f"Installed {path}: reminders on the planned days.")
    if sys.platform == "win32":
        return _said(_run(schtasks_create(plan, command())) == 0, f"Installed the scheduled task {NAME}.")
    folder = systemd_folder()
    if not _systemd_running():
        print("kneetimer: systemd is not running for your user here, so nothing was installed. Add this line "
              "with `crontab -e` instead:")
        print(crontab_line(plan, command(), environment()))
        return EXIT_BAD_INPUT
    write_atomically(folder / f"{NAME}.service", systemd_service(command(), environment()))
    write_atomically(folder / f"{NAME}.timer", systemd_timer(plan))
    ok = _run(["systemctl", "--user", "daemon-reload"]) == 0 and \
        _run(["systemctl", "--user", "enable", "--now", f"{NAME}.timer"]) == 0
    return _said(ok, f"Installed {folder / (NAME + '.timer')}: reminders on the planned days "
                     "(a reminder missed while the computer was off comes at the next login).")


def remove() -> int:
    if sys.platform == "darwin":
        path = launchd_file()
        _run(["launchctl", "unload", str(path)], quiet=True)
        path.unlink(missing_ok=True)
        print("Reminders removed.")
        return EXIT_OK
    if sys.platform == "win32":
        _run(["schtasks", "/Delete", "/TN", NAME, "/F"], quiet=True)
        print("Reminders removed.")
        return EXIT_OK
    folder = systemd_folder()
    if _systemd_running():
        _run(["systemctl", "--user", "disable", "--now", f"{NAME}.timer"], quiet=True)
    for suffix in (".timer", ".service"):
        (folder / f"{NAME}{suffix}").unlink(missing_ok=True)
    if _systemd_running():
        _run(["systemctl", "--user", "daemon-reload"], quiet=True)
    print("Reminders removed.")
    return EXIT_OK


def status(plan: Plan | None) -> int:
    installed = (launchd_file() if sys.platform == "darwin" else systemd_folder() / f"{NAME}.timer").exists()
    if sys.platform == "win32":
        installed = _run(["schtasks", "/Query", "/TN", NAME], quiet=True) == 0
    plan_words = "no plan" if plan is None else f"plan: {plan.routine_id}"
    print(f"Reminders {'installed' if installed else 'not installed'} ({plan_words}).")
    return EXIT_OK


def check(now: datetime | None = None) -> int:
    """Notify when today is planned and nothing is done yet, or the morning question is
    due. Quick and quiet: no notifier, no plan or no history means nothing is shown."""
    from kneetimer.history.stats import done_days
    from kneetimer.history.store import HistoryStore, HistoryUnavailable

    now = now or now_local()
    today = now.date()
    try:
        plan = load_plan()
        store = HistoryStore.open_for_reading(paths.data_dir())
    except (PlanError, HistoryUnavailable):
        return EXIT_OK
    message = None
    if store is not None and question_due(today, store.morning_candidates(today - timedelta(days=LATEST_DAYS))):
        message = "How is the knee this morning? Open kneetimer (or `kneetimer checkin`) to say."
    elif plan is not None and plan.planned(today):
        done = store is not None and today in done_days(store, today, today)
        if not done:
            message = f"Today is a planned day: kneetimer run {plan.routine_id}"
    if message:
        notify("kneetimer", message)
    return EXIT_OK


def notify(title: str, message: str) -> bool:
    """A desktop notification with whatever the system has; silent when it has none."""
    if shutil.which("notify-send"):
        return _run(["notify-send", "--app-name=kneetimer", title, message], quiet=True) == 0
    if shutil.which("osascript"):
        script = f"display notification {_applescript(message)} with title {_applescript(title)}"
        return _run(["osascript", "-e", script], quiet=True) == 0
    if shutil.which("powershell"):
        toast = ("[reflection.assembly]::loadwithpartialname('System.Windows.Forms') | Out-Null;"
                 "$n = New-Object System.Windows.Forms.NotifyIcon; $n.Icon = [System.Drawing.SystemIcons]::Information;"
                 f"$n.Visible = $true; $n.ShowBalloonTip(10000, '{_ps(title)}', '{_ps(message)}', 'Info')")
        return _run(["powershell", "-NoProfile", "-Command", toast], quiet=True) == 0
    return False


def write_ics(plan: Plan, output: str | None) -> int:
    from kneetimer.routines.discovery import find

    entry = find(plan.routine_id)
    name = entry.routine.name if entry is not None and entry.routine is not None else plan.routine_id
    text = ics(plan, name, datetime.now(timezone.utc))
    if output is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        write_atomically(Path(output), text)
    except OSError as error:
        print(f"kneetimer: cannot write {output}: {error.strerror or error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"Wrote {output}: open it on your phone (or import it into its calendar) for reminders on the planned days.")
    return EXIT_OK


def _systemd_running() -> bool:
    if not shutil.which("systemctl"):
        return False
    return _run(["systemctl", "--user", "show-environment"], quiet=True) == 0


def _run(argv: list[str], quiet: bool = False) -> int | None:
    """Run a system command; its exit status (None when it could not be started)."""
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=SYSTEMCTL_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError) as error:
        if not quiet:
            print(f"kneetimer: {argv[0]} could not be run: {error}", file=sys.stderr)
        return None
    if done.returncode != 0 and not quiet:
        print(f"kneetimer: {' '.join(argv[:3])} failed: {(done.stderr or done.stdout).strip()[:300]}",
              file=sys.stderr)
    return done.returncode


def _said(ok: bool, message: str) -> int:
    if ok:
        print(message)
        return EXIT_OK
    return EXIT_BAD_INPUT


def _applescript(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _ps(text: str) -> str:
    return text.replace("'", "''")
