"""History in tests: rows in the shape `history --json` prints, and seeding a store."""

from __future__ import annotations

from kneetimer.cli.history_output import session_json
from kneetimer.history.rows import SessionRow


def as_json(sessions: list[SessionRow]) -> list[dict]:
    return [session_json(session) for session in sessions]
