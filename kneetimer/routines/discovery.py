"""Finding routines: the user's own folder first, then the bundled ones.

A user routine shadows a bundled one with the same id (the file's stem). A
broken file is still listed, with its first problem, and hides nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from kneetimer import paths
from kneetimer.routines.loader import LoadResult, Problem, load_file, routine_id_of
from kneetimer.routines.model import Routine


class Origin(StrEnum):
    """Where a routine was found: the person's own folder, or bundled with kneetimer."""

    USER = "user"  # the person's own routines folder
    BUNDLED = "bundled"  # shipped with kneetimer
    FILE = "file"  # a path given on the command line


@dataclass
class Entry:
    """A routine file found: its id and path, and the routine or the first problem with it."""

    id: str
    path: Path
    origin: Origin
    result: LoadResult

    @property
    def routine(self) -> Routine | None:
        return self.result.routine

    @property
    def first_problem(self) -> Problem | None:
        return self.result.problems[0] if self.result.problems else None


def discover() -> list[Entry]:
    """Every routine, the user's first, each group in id order."""
    entries: dict[str, Entry] = {}
    for origin, folder in ((Origin.USER, paths.user_routines_dir()), (Origin.BUNDLED, paths.bundled_routines_dir())):
        for path in _routine_files(folder):
            routine_id = routine_id_of(path)
            if routine_id not in entries:
                entries[routine_id] = Entry(routine_id, path, origin, load_file(path))
    return list(entries.values())


def find(reference: str) -> Entry | None:
    """A routine by id, or by the path of a .toml file."""
    candidate = Path(reference).expanduser()
    if reference.endswith(".toml") or "/" in reference or candidate.is_file():
        return Entry(routine_id_of(candidate), candidate, Origin.FILE, load_file(candidate, display=reference))
    for origin, folder in ((Origin.USER, paths.user_routines_dir()), (Origin.BUNDLED, paths.bundled_routines_dir())):
        path = folder / f"{reference}.toml"
        if path.is_file():
            return Entry(reference, path, origin, load_file(path))
    return next((entry for entry in discover() if entry.id == reference), None)  # a name cleaned of escapes


def known_ids() -> list[str]:
    """Every routine id, from file names alone (nothing is parsed)."""
    folders = (paths.user_routines_dir(), paths.bundled_routines_dir())
    return sorted({routine_id_of(path) for folder in folders for path in _routine_files(folder)})


def _routine_files(folder: Path) -> list[Path]:
    try:
        return sorted(
            path for path in folder.iterdir()
            if path.suffix == ".toml" and not path.name.startswith(".") and path.is_file()
        )
    except OSError:
        return []
