"""What `kneetimer list` shows: one row per routine found, as a table or as JSON."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kneetimer.cli.tables import columns
from kneetimer.routines.discovery import Origin, discover
from kneetimer.workout.plan import build_plan
from kneetimer.workout.words import minutes


@dataclass(frozen=True)
class CatalogRow:
    id: str
    origin: Origin
    path: Path
    name: str | None  # None: the file is broken
    error: str = ""  # its first problem, when broken
    exercises: int = 0
    estimated_seconds: float = 0.0
    equipment: tuple[str, ...] = ()
    description: str = ""
    source: str = ""

    @property
    def estimated_minutes(self) -> float:
        return round(self.estimated_seconds / 60, 1)


def catalog_rows() -> list[CatalogRow]:
    rows = []
    for entry in discover():
        routine = entry.routine
        if routine is None:
            rows.append(CatalogRow(entry.id, entry.origin, entry.path, None, error=str(entry.first_problem)))
            continue
        rows.append(CatalogRow(
            entry.id, entry.origin, entry.path, routine.name,
            exercises=len(routine.exercises),
            estimated_seconds=round(build_plan(routine).total_seconds, 1),
            equipment=routine.equipment,
            description=routine.description,
            source=routine.source,
        ))
    return rows


def row_json(row: CatalogRow) -> dict:
    """One routine in the shape of `list --json`."""
    shape: dict = {"id": row.id, "origin": str(row.origin), "path": str(row.path)}
    if row.name is None:
        shape.update(name=None, error=row.error)
    else:
        shape.update(
            name=row.name,
            exercises=row.exercises,
            estimated_minutes=row.estimated_minutes,
            estimated_seconds=row.estimated_seconds,
            equipment=list(row.equipment),
            description=row.description,
            source=row.source,
        )
    return shape


def format_rows(rows: list[CatalogRow]) -> str:
    if not rows:
        return "No routines found."
    table = [("ID", "NAME", "EXERCISES", "MINUTES")]
    broken = []
    for row in rows:
        if row.name is None:
            table.append((row.id, "BROKEN (see below)", "-", "-"))
            broken.append(f"  {row.error}")
        else:
            name = row.name + (" (yours)" if row.origin is Origin.USER else "")
            table.append((row.id, name, str(row.exercises), str(minutes(row.estimated_seconds))))
    text = columns(table)
    if broken:
        text += "\n\nBroken routines (fix them, then check with `kneetimer validate`):\n" + "\n".join(broken)
    return text
