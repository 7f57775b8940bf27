"""`kneetimer history` and `kneetimer export`: history on stdout, without Textual.

The JSON and CSV shapes live here, and only here: `history --json` keeps the keys
design.md promises; new keys may be added, none renamed.
"""

from __future__ import annotations

import csv
import json
import sys

from kneetimer import paths
from kneetimer.care.pain import zone
from kneetimer.cli.tables import columns
from kneetimer.dates import Precision, format_moment, iso
from kneetimer.history.rows import ExerciseRow, SessionRow
from kneetimer.history.store import HistoryStore, HistoryUnavailable
from kneetimer.text import clean
from kneetimer.workout.records import tally

EXIT_OK, EXIT_FAILED = 0, 1


def session_json(session: SessionRow) -> dict:
    """A session in the shape of `history --json`."""
    return {
        "id": session.id,
        "routine_id": session.routine_id,
        "routine": session.routine,
        "started_at": iso(session.started_at),
        "ended_at": iso(session.ended_at) if session.ended_at else None,
        "status": str(session.status),
        "active_s": round(session.active_s, 1),
        "paused_s": round(session.paused_s, 1),
        "pain_before": session.pain_before,
        "pain_after": session.pain_after,
        "note": session.note,
        "exercises": [exercise_json(exercise) for exercise in session.exercises],
        "ended_by": None if session.ended_by is None else str(session.ended_by),
        "flagged": session.flag is not None,
        "flag": list(session.flag.reasons) if session.flag else [],
        "zone_after": None if session.pain_after is None else str(zone(session.pain_after)),
        "next_day": None if session.next_day is None else str(session.next_day),
        "exercises_planned": session.exercises_planned,
        "exercises_done": tally(session.counted, session.exercises_planned).done,
    }


def exercise_json(exercise: ExerciseRow) -> dict:
    return {
        "name": exercise.name,
        "side": exercise.side,
        "status": str(exercise.status),
        "sets_done": exercise.sets_done,
        "reps_done": exercise.reps_done,
        "seconds": round(exercise.seconds, 1),
        "started_at": iso(exercise.started_at),
        "ended_at": iso(exercise.ended_at),
        "pain": exercise.pain,
        "counted": exercise.counted,
        "planned_sets": exercise.planned_sets,
        "planned_reps": exercise.planned_reps,
        "planned_seconds": round(exercise.planned_seconds, 1),
        "prescribed": exercise.prescribed,
        "zone": None if exercise.pain is None else str(zone(exercise.pain)),
        "effort": exercise.effort,
        "load": exercise.load or None,
    }


def open_existing() -> HistoryStore | None:
    """The store, or None when there is no history yet: reading creates, moves and
    changes nothing, and needs no write access."""
    return HistoryStore.open_for_reading(paths.data_dir())


def print_history(as_json: bool, limit: int | None) -> int:
    try:
        store = open_existing()
        sessions = store.sessions(limit=limit) if store else []
    except HistoryUnavailable as error:
        print(f"kneetimer: {error}", file=sys.stderr)
        return EXIT_FAILED
    if as_json:
        print(json.dumps([session_json(session) for session in sessions], indent=2, ensure_ascii=False))
    elif not sessions:
        print("No sessions yet. Start one with `kneetimer` or `kneetimer run ROUTINE`.")
    else:
        print(format_sessions(sessions))
    return EXIT_OK


def format_sessions(sessions: list[SessionRow]) -> str:
    table = [("ID", "STARTED", "ROUTINE", "TIME", "DONE", "PAIN", "STATUS")]
    for session in sessions:
        counts = tally(session.counted, session.exercises_planned)
        minutes, seconds = divmod(round(session.active_s), 60)
        table.append((
            str(session.id),
            format_moment(session.started_at),
            session.routine,
            f"{minutes}:{seconds:02d}",
            f"{counts.done}/{counts.exercises}",
            _pain(session.pain_before, session.pain_after),
            str(session.status),
        ))
    return columns(table)


def _pain(before: int | None, after: int | None) -> str:
    if before is None and after is None:
        return "-"
    return f"{'-' if before is None else before}{_arrow()}{'-' if after is None else after}"


def _arrow() -> str:
    """→ where the output can spell it, else -> (LC_ALL=C)."""
    try:
        "→".encode(sys.stdout.encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return "->"
    return "→"


EXPORT_FIELDS = [
    "session_id", "date", "time", "routine_id", "routine_name", "session_started_at", "session_ended_at",
    "session_status", "ended_by", "flagged", "active_s", "paused_s", "pain_before", "pain_after", "note",
    "exercise", "side", "status", "counted", "prescribed", "planned_sets", "planned_reps", "planned_seconds",
    "sets_done", "reps_done", "seconds", "pain", "started_at", "ended_at", "next_day", "effort", "load",
]


def export_rows(sessions: list[SessionRow]) -> list[dict]:
    """Every exercise record with its session's fields, oldest session first; a session
    without a record (stopped before its first exercise ended) is one row of its own."""
    rows = []
    for session in sorted(sessions, key=lambda s: (s.started_at.timestamp(), s.id)):
        base = {
            "session_id": session.id,
            "date": format_moment(session.started_at, Precision.DAY, where_done=True),
            "time": format_moment(session.started_at, Precision.TIME, where_done=True),
            "routine_id": session.routine_id,
            "routine_name": session.routine,
            "session_started_at": iso(session.started_at),
            "session_ended_at": iso(session.ended_at) if session.ended_at else None,
            "session_status": str(session.status),
            "ended_by": None if session.ended_by is None else str(session.ended_by),
            "flagged": session.flag is not None,
            "active_s": round(session.active_s, 1),
            "paused_s": round(session.paused_s, 1),
            "pain_before": session.pain_before,
            "pain_after": session.pain_after,
            "note": session.note,
        }
        after = {"next_day": None if session.next_day is None else str(session.next_day)}
        if not session.exercises:
            rows.append(base | dict.fromkeys(EXPORT_FIELDS[len(base):]) | after)
        for exercise in session.exercises:
            rows.append(base | {
                "exercise": exercise.name,
                "side": exercise.side,
                "status": str(exercise.status),
                "counted": exercise.counted,
                "prescribed": exercise.prescribed,
                "planned_sets": exercise.planned_sets,
                "planned_reps": exercise.planned_reps,
                "planned_seconds": round(exercise.planned_seconds, 1),
                "sets_done": exercise.sets_done,
                "reps_done": exercise.reps_done,
                "seconds": round(exercise.seconds, 1),
                "pain": exercise.pain,
                "started_at": iso(exercise.started_at),
                "ended_at": iso(exercise.ended_at),
                "effort": exercise.effort,
                "load": exercise.load or None,
            } | after)
    return rows


def export(fmt: str) -> int:
    try:
        store = open_existing()
        rows = export_rows(store.sessions()) if store else []
    except HistoryUnavailable as error:
        print(f"kneetimer: {error}", file=sys.stderr)
        return EXIT_FAILED
    if fmt == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    writer = csv.DictWriter(sys.stdout, fieldnames=EXPORT_FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _spreadsheet_safe(value) for key, value in row.items()})
    return EXIT_OK


def _spreadsheet_safe(value):
    """Every text cell: control characters stripped; a cell starting with = + - @ (or a
    tab or carriage return before one) would run as a formula in a spreadsheet, so it is
    quoted. Numbers stay numbers."""
    if not isinstance(value, str):
        return value
    value = clean(value)
    return "'" + value if value[:1] in FORMULA_STARTS or value.lstrip("\t\r ")[:1] in FORMULA_STARTS else value


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
