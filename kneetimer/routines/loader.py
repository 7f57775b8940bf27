"""Routine files (TOML) into Routine objects, with every problem located.

The contract is the routine format (README, "Writing a routine"). Loading never raises: it returns a
routine or a list of problems as FILE:LINE[:COL]: message, all of them at once,
because a routine file is untrusted input and a typo must never silently change
a workout.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kneetimer.figures.library import MOVES
from kneetimer.routines.durations import DurationError, kind_of, parse_duration
from kneetimer.routines.model import (
    DEFAULT_LEAD_IN,
    DEFAULT_REST_BETWEEN,
    DEFAULT_TEMPO,
    EACH_SIDES,
    Exercise,
    Hold,
    Routine,
    Step,
)
from kneetimer.routines.suggest import figure_named, suggest, suggest_figure
from kneetimer.routines.tomlpos import KeyLines, scan
from kneetimer.text import clean, clean_line, shorten

Table = dict[str, Any]  # a TOML table as tomllib gives it: checked key by key below
Where = tuple[int | None, int | None]  # line and column in the file, where known

MAX_FILE_BYTES = 1024 * 1024
MAX_EXERCISES = 500
MAX_KEY_PARTS = 32  # dotted parts of one key: the format's deepest is exercise.step
MAX_SETS = 100
MAX_REPS = 1000
MAX_STEPS = 50
MAX_SIDES = 10
MAX_MOVES = 10_000  # reps and holds in the whole routine: about 8 hours at 3 s each

TOP_KEYS = ("name", "description", "source", "lead_in", "rest_between", "based_on", "changes", "exercise")
EXERCISE_KEYS = (
    "name", "instructions", "cues", "equipment", "harder", "easier", "load", "sides", "sets",
    "reps", "hold", "tempo", "paced", "rest", "figure", "step",
)
STEP_KEYS = ("name", "reps", "hold", "tempo", "paced", "cues", "instructions", "figure")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a routine file, printed as FILE:LINE[:COL]: message."""

    path: str
    line: int | None
    message: str
    column: int | None = None

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


@dataclass
class LoadResult:
    """A routine, or every problem found in its file (each with file, line and key)."""

    routine: Routine | None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # the routine runs; something is worth saying

    @property
    def ok(self) -> bool:
        return self.routine is not None


def routine_id_of(path: Path) -> str:
    """A routine's id: its file's name without .toml, and without anything that could
    steer a terminal (a file may be named with escape sequences)."""
    return clean_line(path.stem)


def load_file(path: Path | str, display: str | None = None) -> LoadResult:
    """Load one routine file; its id is the file's stem (without control characters)."""
    path = Path(path)
    shown = clean_line(display if display is not None else str(path))
    try:
        if path.is_dir():
            return _failed(shown, "is a folder, not a routine file")
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        return _failed(shown, f"cannot read the file: {error.strerror or error}")
    result = load_bytes(data, shown, routine_id=routine_id_of(path))
    if result.routine is not None:
        result.routine = _with_path(result.routine, path)
    return result


def as_written(routine: Routine) -> Routine:
    """The routine as its file says now (without the settings a run applied), to build
    a new version on; the routine itself if the file is gone or broken."""
    if routine.path is not None:
        loaded = load_file(routine.path).routine
        if loaded is not None and loaded.id == routine.id:
            return loaded
    return routine


def load_bytes(data: bytes, display: str, routine_id: str) -> LoadResult:
    """Load routine source; `display` names the file in problems."""
    if len(data) > MAX_FILE_BYTES:
        return _failed(display, "file is over 1 MiB; a routine file cannot be that large")
    if b"\x00" in data:
        line, column = _position(data, data.index(b"\x00"))
        return _failed(display, "not a text file (it contains a NUL byte)", line, column)
    try:
        source = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        byte = data[error.start]
        return _failed(display, f"not UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8", line, column)
    if (overlong := _overlong_key(source)) is not None:
        return _failed(display, f"a key or table name of more than {MAX_KEY_PARTS} dotted parts; "
                       "no routine has one", overlong)
    try:
        document = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        return _toml_error(display, error)
    except RecursionError:
        return _failed(display, "invalid TOML: arrays or tables are nested too deeply")
    except Exception as error:  # tomllib raises ValueError and others on hostile input
        return _failed(display, f"invalid TOML: {clean_line(str(error))[:200]}")
    return _Checker(display, scan(source)).routine(document, routine_id)


_KEY_BOUNDARY = re.compile(r"[=,{}\[\]]")
_KEY_DOT = re.compile(r"[A-Za-z0-9_-]\s*\.")  # a dot after a key's part: not a dotted leader "....."
_QUOTED = re.compile(r'"[^"\n]*"|\'[^\'\n]*\'')


def _overlong_key(source: str) -> int | None:
    """The line of a key or table header with more than MAX_KEY_PARTS dotted parts, if any.

    tomllib takes time and memory quadratic in a key's parts (15,000 parts in 30 KB: 15 s
    and 0.9 GB), so such a file is refused before it is parsed. Counted per line, with
    quoted parts as one word; prose in a multi-line string would need 32 words ending in a
    dot between two of "= , { } [ ]" to be taken for a key."""
    for number, line in enumerate(source.splitlines(), 1):
        if line.count(".") < MAX_KEY_PARTS:
            continue
        for segment in _KEY_BOUNDARY.split(_QUOTED.sub("x", line)):  # keys of inline tables too
            if len(_KEY_DOT.findall(segment)) >= MAX_KEY_PARTS:
                return number
    return None


def _failed(display: str, message: str, line: int | None = None, column: int | None = None) -> LoadResult:
    return LoadResult(None, [Problem(display, line, message, column)])


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, offset - line_start + 1


_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def _toml_error(display: str, error: tomllib.TOMLDecodeError) -> LoadResult:
    message = str(error)
    line = column = None
    match = _TOML_AT.search(message)
    if match:
        line, column = int(match[1]), int(match[2])
        message = message[: match.start()]
    message = message.replace(" (at end of document)", " at the end of the file")
    message = message[:1].lower() + message[1:]
    return _failed(display, f"invalid TOML: {message}", line, column)


def _with_path(routine: Routine, path: Path) -> Routine:
    return replace(routine, path=path)


def _show(value: object, limit: int = 40) -> str:
    """A value as the user wrote it, safe and short enough for one message line."""
    import json  # only needed to word an error

    text = json.dumps(value, ensure_ascii=False, default=str) if isinstance(value, (str, list)) else str(value)
    if isinstance(value, bool):
        text = text.lower()
    text = clean_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _label(base: str, raw_name: object) -> str:
    """Which table a message is about: 'exercise 2 ("Clams")', or just 'exercise 2'."""
    name = clean_line(raw_name) if isinstance(raw_name, str) else ""
    return f'{base} ("{shorten(name, 40)}")' if name else base


class _Checker:
    """Walks a parsed document, collecting problems and building the routine."""

    def __init__(self, display: str, lines: KeyLines):
        self.display = display
        self.lines = lines
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    # -- reporting ----------------------------------------------------------

    def report(self, where: tuple[int | None, int | None, str | None], message: str, prefix: str = "") -> None:
        exercise, step, key = where
        line = self.lines.key(exercise, step, key) if key else self.lines.table(exercise, step)
        self.problems.append(Problem(self.display, line, prefix + message))

    def unknown_keys(self, table: Table, known: tuple[str, ...], where: Where,
                     prefix: str) -> None:
        for key, value in table.items():
            if key in known:
                continue
            guess = suggest(key, value, known)
            hint = f" (did you mean '{guess}'?)" if guess else ""
            if not guess and where[0] is not None and key in TOP_KEYS:
                hint = " (it belongs at the top of the file, before the first [[exercise]])"
            self.report((*where, key), f"unknown key '{_show(key).strip(chr(34))}'{hint}", prefix)

    # -- the document --------------------------------------------------------

    def routine(self, doc: Table, routine_id: str) -> LoadResult:
        top = (None, None)
        self.unknown_keys(doc, TOP_KEYS, top, "")
        name = self.text(doc, "name", top, "", required=True, one_line=True)
        description = self.text(doc, "description", top, "")
        source = self.text(doc, "source", top, "")
        lead_in = self.duration(doc, "lead_in", top, "", DEFAULT_LEAD_IN, allow_zero=True)
        rest_between = self.duration(doc, "rest_between", top, "", DEFAULT_REST_BETWEEN, allow_zero=True)
        based_on = self.text(doc, "based_on", top, "", one_line=True)
        changes = self.text_list(doc, "changes", top, "")
        exercises = self.exercises(doc)
        if exercises:
            moves = sum(_moves(exercise) for exercise in exercises)
            if moves > MAX_MOVES:
                self.report(
                    (None, None, None),
                    f"routine is too long: {moves:,} reps and holds in all (the limit is {MAX_MOVES:,})",
                )
        self.problems.sort(key=lambda problem: problem.line or 0)
        if self.problems or not name or not exercises:
            return LoadResult(None, self.problems)
        return LoadResult(
            Routine(
                id=routine_id,
                name=name,
                description=description,
                source=source,
                lead_in=lead_in,
                rest_between=rest_between,
                based_on=based_on,
                changes=changes,
                exercises=tuple(exercises),
                lead_in_set="lead_in" in doc,
            ),
            [],
            sorted(self.warnings, key=lambda problem: problem.line or 0),
        )

    def exercises(self, doc: Table) -> list[Exercise]:
        tables = doc.get("exercise")
        if tables is None:
            self.report((None, None, None), "no exercises: add at least one [[exercise]] table")
            return []
        if not isinstance(tables, list) or not all(isinstance(table, dict) for table in tables):
            self.report((None, None, "exercise"), "'exercise' must be an array of tables, written [[exercise]]")
            return []
        if not tables:
            self.report((None, None, "exercise"), "no exercises: add at least one [[exercise]] table")
            return []
        if len(tables) > MAX_EXERCISES:
            self.report(
                (None, None, None),
                f"too many exercises: {len(tables):,} (a routine may have at most {MAX_EXERCISES})",
            )
            return []
        built = [self.exercise(index, table) for index, table in enumerate(tables)]
        return [exercise for exercise in built if exercise is not None]

    def exercise(self, index: int, table: Table) -> Exercise | None:
        label = _label(f"exercise {index + 1}", table.get("name"))
        prefix = label + ": "
        where = (index, None)
        before = len(self.problems)
        self.unknown_keys(table, EXERCISE_KEYS, where, prefix)
        name = self.text(table, "name", where, prefix, required=True, one_line=True)
        instructions = self.text(table, "instructions", where, prefix)
        cues = self.text_list(table, "cues", where, prefix)
        equipment = self.text_list(table, "equipment", where, prefix)
        harder = self.text(table, "harder", where, prefix)
        easier = self.text(table, "easier", where, prefix)
        load = self.text(table, "load", where, prefix, one_line=True)
        sides = self.sides(table, where, prefix)
        sets = self.count(table, "sets", where, prefix, MAX_SETS, default=1)
        reps = self.count(table, "reps", where, prefix, MAX_REPS, default=None)
        hold = self.hold(table, where, prefix)
        tempo = self.duration(table, "tempo", where, prefix, DEFAULT_TEMPO, allow_zero=False)
        paced = self.flag(table, "paced", where, prefix, default=True)
        rest = self.duration(table, "rest", where, prefix, 0.0, allow_zero=True)
        figure = self.figure(table, where, prefix, default="")
        exercise = Exercise(
            name=name,
            instructions=instructions,
            cues=cues,
            equipment=equipment,
            harder=harder,
            easier=easier,
            load=load,
            sides=sides,
            sets=sets or 1,
            reps=reps,
            hold=hold,
            tempo=tempo,
            paced=paced,
            rest=rest,
            figure=figure,
        )
        steps = self.steps(index, table, exercise, label)
        if "step" not in table and reps is None and hold is None and len(self.problems) == before:
            self.report((index, None, None), "needs reps, hold, or both", prefix)
        if len(self.problems) > before:
            return None
        return replace(exercise, steps=steps)

    def steps(self, index: int, table: Table, exercise: Exercise, label: str) -> tuple[Step, ...]:
        tables = table.get("step")
        if tables is None:
            return ()
        if not isinstance(tables, list) or not tables or not all(isinstance(t, dict) for t in tables):
            self.report((index, None, "step"), "'step' must be an array of tables, written [[exercise.step]]",
                        label + ": ")
            return ()
        if len(tables) > MAX_STEPS:
            self.report((index, None, "step"), f"too many steps: {len(tables)} (the limit is {MAX_STEPS})",
                        label + ": ")
            return ()
        steps = []
        for number, step_table in enumerate(tables):
            step = self.step(index, number, step_table, exercise, label)
            if step is not None:
                steps.append(step)
        return tuple(steps)

    def step(self, index: int, number: int, table: Table, exercise: Exercise, label: str) -> Step | None:
        prefix = _label(f"{label}, step {number + 1}", table.get("name")) + ": "
        where = (index, number)
        before = len(self.problems)
        self.unknown_keys(table, STEP_KEYS, where, prefix)
        name = self.text(table, "name", where, prefix, required=True, one_line=True)
        reps = self.count(table, "reps", where, prefix, MAX_REPS, default=exercise.reps)
        hold = self.hold(table, where, prefix) if "hold" in table else exercise.hold
        tempo = self.duration(table, "tempo", where, prefix, exercise.tempo, allow_zero=False)
        paced = self.flag(table, "paced", where, prefix, default=exercise.paced)
        cues = self.text_list(table, "cues", where, prefix) if "cues" in table else exercise.cues
        instructions = (self.text(table, "instructions", where, prefix) if "instructions" in table
                        else exercise.instructions)
        figure = self.figure(table, where, prefix, default=exercise.figure)
        if reps is None and hold is None and len(self.problems) == before:
            self.report((index, number, None), "needs reps, hold, or both (on the step or its exercise)", prefix)
        if len(self.problems) > before:
            return None
        return Step(name=name, reps=reps, hold=hold, tempo=tempo, paced=paced, cues=cues, instructions=instructions,
                    figure=figure)

    # -- values --------------------------------------------------------------

    def text(self, table: Table, key: str, where: Where, prefix: str,
             required: bool = False, one_line: bool = False) -> str:
        if key not in table:
            if required:
                self.report((*where, None), f"'{key}' is required", prefix)
            return ""
        value = table[key]
        if not isinstance(value, str):
            self.report((*where, key), f"{key} must be text, got {kind_of(value)}", prefix)
            return ""
        cleaned = clean_line(value) if one_line else clean(value).strip()
        if required and not cleaned:
            self.report((*where, key), f"{key} must not be empty", prefix)
        return cleaned

    def figure(self, table: Table, where: Where, prefix: str, default: str) -> str:
        """A move of the figure library, by name; a near miss gets a did-you-mean."""
        if "figure" not in table:
            return default
        value = table["figure"]
        if not isinstance(value, str):
            self.report((*where, "figure"), f"figure must be text, got {kind_of(value)}", prefix)
            return default
        name = clean_line(value)
        if name in MOVES or not name:
            return name
        meant = figure_named(name)
        if meant is not None:
            return meant  # the same move, written another way (an alias, its title)
        guess = suggest_figure(name)
        hint = f" (did you mean '{guess}'?)" if guess else " (`kneetimer figures` lists them)"
        exercise, step = where
        line = self.lines.key(exercise, step, "figure")
        self.warnings.append(Problem(self.display, line, f"{prefix}unknown figure {_show(name)}{hint}; "
                                                         "it runs without a figure"))
        return default

    def text_list(self, table: Table, key: str, where: Where, prefix: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.report((*where, key), f"{key} must be an array of text, like [\"one\", \"two\"]", prefix)
            return ()
        return tuple(item for item in (clean_line(v) for v in value) if item)

    def sides(self, table: Table, where: Where, prefix: str) -> tuple[str, ...]:
        value = table.get("sides", "none")
        if value == "none":
            return ()
        if value == "each":
            return EACH_SIDES
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            labels = [clean_line(item) for item in value]
            if len(labels) < 2:
                self.report((*where, "sides"), 'sides as an array needs at least 2 labels, like ["left", "right"]',
                            prefix)
            elif len(labels) > MAX_SIDES:
                self.report((*where, "sides"), f"sides has {len(labels)} labels (the limit is {MAX_SIDES})", prefix)
            elif not all(labels):
                self.report((*where, "sides"), "side labels must not be empty", prefix)
            elif len(set(labels)) != len(labels):
                self.report((*where, "sides"), f"side labels must differ from each other, got {_show(labels)}", prefix)
            else:
                return tuple(labels)
            return ()
        self.report((*where, "sides"), f'sides must be "none", "each", or an array of labels, got {_show(value)}',
                    prefix)
        return ()

    def count(self, table: Table, key: str, where: Where, prefix: str, limit: int, default: int | None) -> int | None:
        if key not in table:
            return default
        value = table[key]
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= limit:
            self.report((*where, key), f"{key} must be a whole number from 1 to {limit:,}, got {_show(value)}", prefix)
            return default
        return value

    def flag(self, table: Table, key: str, where: Where, prefix: str, default: bool) -> bool:
        value = table.get(key, default)
        if not isinstance(value, bool):
            self.report((*where, key), f"{key} must be true or false, got {_show(value)}", prefix)
            return default
        return value

    def duration(self, table: Table, key: str, where: Where, prefix: str, default: float, allow_zero: bool) -> float:
        if key not in table:
            return default
        try:
            seconds = parse_duration(table[key])
        except DurationError as error:
            self.report((*where, key), f"{key}: {clean_line(str(error))}", prefix)
            return default
        if seconds == 0 and not allow_zero:
            self.report((*where, key), f"{key} must be more than 0 seconds", prefix)
            return default
        return seconds

    def hold(self, table: Table, where: Where, prefix: str) -> Hold | None:
        if "hold" not in table:
            return None
        value = table["hold"]
        if isinstance(value, list):
            if len(value) != 2:
                self.report((*where, "hold"), f"a hold range has two durations, [min, max]; got {_show(value)}", prefix)
                return None
            try:
                low, high = (parse_duration(item) for item in value)
            except DurationError as error:
                self.report((*where, "hold"), f"hold range {_show(value)}: {clean_line(str(error))}", prefix)
                return None
            if low <= 0:
                self.report((*where, "hold"), f"hold range {_show(value)} must start above 0 seconds", prefix)
                return None
            if low > high:
                self.report((*where, "hold"), f"hold range {_show(value)} has min > max", prefix)
                return None
            return Hold(low, high)
        try:
            seconds = parse_duration(value)
        except DurationError as error:
            self.report((*where, "hold"), f"hold: {clean_line(str(error))}", prefix)
            return None
        if seconds <= 0:
            self.report((*where, "hold"), "hold must be more than 0 seconds", prefix)
            return None
        return Hold.fixed(seconds)


def _moves(exercise: Exercise) -> int:
    per_set = sum(step.reps or 1 for step in exercise.sequence())
    return len(exercise.side_labels()) * exercise.sets * per_set
