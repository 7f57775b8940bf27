"""Reminders without a daemon: the system's own scheduler runs `kneetimer remind check`
on the planned days (a systemd user timer, a LaunchAgent, a scheduled task, or a crontab
line), and a phone's calendar takes an .ics of the plan."""
