"""What `kneetimer list` shows: one row per routine found, as data and as a table."""

from __future__ import annotations

from kneetimer.routines.discovery import discover
from kneetimer.workout.plan import build_plan
from kneetimer.cli.tables import columns


def catalog_rows() -> list[dict]:
    rows = []
    for entry in discover():
        row = {"id": entry.id, "origin": entry.origin, "path": str(entry.path)}
        routine = entry.routine
        if routine is None:
            row.update(name=None, error=str(entry.first_problem))
        else:
            seconds = build_plan(routine).total_seconds
            row.update(
                name=routine.name,
                exercises=len(routine.exercises),
                estimated_minutes=round(seconds / 60, 1),
                estimated_seconds=round(seconds, 1),
                equipment=list(routine.equipment),
                description=routine.description,
                source=routine.source,
            )
        rows.append(row)
    return rows


def format_rows(rows: list[dict]) -> str:
    if not rows:
        return "No routines found."
    table = [("ID", "NAME", "EXERCISES", "MINUTES")]
    broken = []
    for row in rows:
        if row["name"] is None:
            table.append((row["id"], "BROKEN (see below)", "-", "-"))
            broken.append(f"  {row['error']}")
        else:
            name = row["name"] + (" (yours)" if row["origin"] == "user" else "")
            table.append((row["id"], name, str(row["exercises"]), f"{row['estimated_minutes']:.0f}"))
    text = columns(table)
    if broken:
        text += "\n\nBroken routines (fix them, then check with `kneetimer validate`):\n" + "\n".join(broken)
    return text
