"""Line numbers for keys in a routine file.

tomllib gives values but not where they came from; error messages must say
FILE:LINE. This scans the source once (strings, comments and brackets aware)
and records the line of each table header and key, addressed the way the loader
walks the data: (exercise index or None, step index or None, key).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

Address = tuple[int | None, int | None, str]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


@dataclass
class KeyLines:
    """Where things are in the file; every lookup falls back to something sensible."""

    keys: dict[Address, int] = field(default_factory=dict)
    exercises: list[int] = field(default_factory=list)  # header line of each [[exercise]]
    steps: dict[tuple[int, int], int] = field(default_factory=dict)

    def key(self, exercise: int | None, step: int | None, key: str) -> int:
        line = self.keys.get((exercise, step, key))
        if line is not None:
            return line
        return self.table(exercise, step)

    def table(self, exercise: int | None, step: int | None = None) -> int:
        if exercise is not None and step is not None and (exercise, step) in self.steps:
            return self.steps[(exercise, step)]
        if exercise is not None and exercise < len(self.exercises):
            return self.exercises[exercise]
        if exercise is not None:  # written inline, `exercise = [{...}]`: point at that key
            return self.keys.get((None, None, "exercise"), 1)
        return 1


def scan(source: str) -> KeyLines:
    found = KeyLines()
    exercise: int | None = None
    step: int | None = None
    in_other_table = False
    for line_no, key_or_header in _statements(source):
        if key_or_header.startswith("["):
            name = re.sub(r"[\s\"']", "", key_or_header.strip("[]"))
            in_other_table = False
            if key_or_header.startswith("[[") and name == "exercise":
                found.exercises.append(line_no)
                exercise, step = len(found.exercises) - 1, None
            elif key_or_header.startswith("[[") and name == "exercise.step" and exercise is not None:
                step = sum(1 for ex, _ in found.steps if ex == exercise)
                found.steps[(exercise, step)] = line_no
            else:  # an unknown table: its header is where a message about it points
                in_other_table = True
                first, _, rest = name.partition(".")
                if first == "exercise" and exercise is not None and rest:
                    found.keys.setdefault((exercise, step, rest.split(".")[0]), line_no)
                else:
                    found.keys.setdefault((None, None, first), line_no)
        elif not in_other_table:
            found.keys.setdefault((exercise, step, key_or_header), line_no)
    return found


def _statements(source: str) -> Iterator[tuple[int, str]]:
    """Yield (line, text) for each table header and each top-level key of a table.

    Keys inside arrays and inline tables, and anything inside strings or
    comments, are skipped.
    """
    i, line, depth, n = 0, 1, 0, len(source)
    at_line_start = True
    while i < n:
        ch = source[i]
        if at_line_start and depth == 0 and ch not in " \t":
            at_line_start = False
            if ch == "[":
                end = source.find("]", i)
                end = n if end < 0 else end
                while end + 1 < n and source[end + 1] == "]":
                    end += 1
                yield line, source[i : end + 1]
                i = end + 1
                continue
            key = _read_key(source, i)
            if key is not None:
                yield line, key
        if ch == "\n":
            line += 1
            at_line_start = True
            i += 1
        elif ch == "#":
            newline = source.find("\n", i)
            i = n if newline < 0 else newline
        elif ch in "\"'":
            i, line = _skip_string(source, i, line)
        elif ch in "[{":
            depth += 1
            i += 1
        elif ch in "]}":
            depth = max(0, depth - 1)
            i += 1
        else:
            i += 1


def _read_key(source: str, i: int) -> str | None:
    """The first part of a key starting at i (`a.b = 1` gives "a"), if it is one."""
    if source[i] in "\"'":
        quote = source[i]
        end = source.find(quote, i + 1)
        return source[i + 1 : end] if end > 0 else None
    match = _BARE_KEY.match(source, i)
    return match.group(0) if match else None


def _skip_string(source: str, i: int, line: int) -> tuple[int, int]:
    """Index just past the string starting at i, and the line number there."""
    quote = source[i]
    triple = source.startswith(quote * 3, i)
    if triple:
        end = source.find(quote * 3, i + 3)
        end = len(source) if end < 0 else end + 3
        while end < len(source) and source[end] == quote:  # """a"""" ends on the last quotes
            end += 1
        return end, line + source.count("\n", i, end)
    j = i + 1
    while j < len(source) and source[j] not in (quote, "\n"):
        j += 2 if (quote == '"' and source[j] == "\\") else 1
    if j < len(source) and source[j] == "\n":  # unterminated: the newline still ends the line
        return j, line
    return min(j + 1, len(source)), line
