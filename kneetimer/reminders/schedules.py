"""The text each scheduler is given for a plan: pure functions, tested as golden text.

`command` is how the scheduler starts kneetimer (this Python, `-m kneetimer`), with the
data and config folders of the person who installed it kept in its environment.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping, Sequence
from datetime import datetime, time, timedelta
from xml.sax.saxutils import escape

from kneetimer.care.plan import Plan

NAME = "kneetimer-remind"
LAUNCHD_LABEL = "com.kneetimer.remind"
DEFAULT_TIME = time(18, 0)  # when a plan names no time: early evening, after work
SYSTEMD_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
ICS_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
SESSION_MINUTES = 20


def reminder_time(plan: Plan) -> time:
    return plan.remind_at or DEFAULT_TIME


def systemd_service(command: Sequence[str], environment: Mapping[str, str]) -> str:
    lines = ["[Unit]", "Description=kneetimer: a reminder on planned exercise days", "", "[Service]",
             "Type=oneshot"]
    lines += [f"Environment={shlex.quote(f'{key}={value}')}" for key, value in sorted(environment.items())]
    lines.append("ExecStart=" + " ".join(shlex.quote(part) for part in command))
    return "\n".join(lines) + "\n"


def systemd_timer(plan: Plan) -> str:
    days = ",".join(SYSTEMD_DAYS[day] for day in plan.days)
    at = reminder_time(plan)
    return "\n".join([
        "[Unit]", "Description=kneetimer: reminders on the planned days", "",
        "[Timer]", f"OnCalendar={days} *-*-* {at:%H:%M}:00",
        "Persistent=true", f"Unit={NAME}.service", "",
        "[Install]", "WantedBy=timers.target", "",
    ])


def launchd_plist(plan: Plan, command: Sequence[str], environment: Mapping[str, str]) -> str:
    at = reminder_time(plan)
    intervals = "".join(
        f"\n    <dict><key>Weekday</key><integer>{(day + 1) % 7}</integer><key>Hour</key><integer>{at.hour}"
        f"</integer><key>Minute</key><integer>{at.minute}</integer></dict>" for day in plan.days)
    arguments = "".join(f"\n    <string>{escape(part)}</string>" for part in command)
    env = "".join(f"\n    <key>{escape(key)}</key><string>{escape(value)}</string>"
                  for key, value in sorted(environment.items()))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>Label</key><string>{LAUNCHD_LABEL}</string>
  <key>ProgramArguments</key>
  <array>{arguments}
  </array>
  <key>EnvironmentVariables</key>
  <dict>{env}
  </dict>
  <key>StartCalendarInterval</key>
  <array>{intervals}
  </array>
</dict>
</plist>
"""


def schtasks_create(plan: Plan, command: Sequence[str]) -> list[str]:
    at = reminder_time(plan)
    days = ",".join(SYSTEMD_DAYS[day].upper() for day in plan.days)
    return ["schtasks", "/Create", "/TN", NAME, "/TR", " ".join(f'"{part}"' for part in command),
            "/SC", "WEEKLY", "/D", days, "/ST", f"{at:%H:%M}", "/F"]


def crontab_line(plan: Plan, command: Sequence[str], environment: Mapping[str, str]) -> str:
    at = reminder_time(plan)
    days = ",".join(str((day + 1) % 7) for day in plan.days)
    env = " ".join(shlex.quote(f"{key}={value}") for key, value in sorted(environment.items()))
    return f"{at.minute} {at.hour} * * {days} {env + ' ' if env else ''}{' '.join(shlex.quote(p) for p in command)}"


def ics(plan: Plan, routine_name: str, now: datetime) -> str:
    """An RFC 5545 calendar: the planned days as a weekly event for the block, with an alarm."""
    at = reminder_time(plan)
    first = plan.start
    while first.weekday() not in plan.days:
        first += timedelta(days=1)
    start = datetime.combine(first, at)
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//kneetimer//plan//EN", "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT",
        f"UID:kneetimer-plan-{plan.start:%Y%m%d}-{plan.routine_id}@kneetimer",
        f"DTSTAMP:{now:%Y%m%dT%H%M%SZ}",
        f"DTSTART:{start:%Y%m%dT%H%M%S}",
        f"DURATION:PT{SESSION_MINUTES}M",
        f"RRULE:FREQ=WEEKLY;BYDAY={','.join(ICS_DAYS[day] for day in plan.days)};UNTIL={plan.end:%Y%m%d}T235959",
        "SUMMARY:" + _ics_text(f"Knee exercises: {routine_name}"),
        "DESCRIPTION:" + _ics_text(f"kneetimer run {plan.routine_id} ({plan.weeks}-week plan)"),
        "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + _ics_text("Time for your knee exercises"),
        "TRIGGER:PT0M", "END:VALARM",
        "END:VEVENT", "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def _ics_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continued with a space (RFC 5545, 3.1)."""
    out, current = [], ""
    for char in line:
        if len((current + char).encode()) > 75:
            out.append(current)
            current = " "
        current += char
    out.append(current)
    return "\r\n".join(out)
