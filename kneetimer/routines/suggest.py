"""Did you mean: the known key an unknown one was meant to be.

A typo is one or two slips of the keyboard, and swapping two letters is one slip
("rpes" is "reps", not "rest"), so the distance is Damerau's. Among equally close
keys, the one whose kind of value matches what was written wins, then the commoner
key. And a whole number is never steered from a count to a duration: following the
hint must not turn 10 reps into a 10-second rest.
"""

from __future__ import annotations

from collections.abc import Sequence

COUNT_KEYS = ("sets", "reps")
DURATION_KEYS = ("hold", "tempo", "rest", "lead_in", "rest_between")
TEXT_KEYS = ("name", "instructions", "harder", "easier", "load", "description", "source", "figure", "based_on")
LIST_KEYS = ("cues", "equipment", "sides", "changes")
COMMON = ("name", "reps", "hold", "sets", "sides", "rest", "tempo", "cues", "instructions", "equipment",
          "harder", "paced", "figure", "step", "exercise", "description", "source", "lead_in", "rest_between",
          "easier", "load")


def distance(a: str, b: str, limit: int | None = None) -> int:
    """Edits from `a` to `b`: insertions, deletions, substitutions and swaps of neighbours.

    With a `limit`, any distance over it may be returned as limit + 1: a name far longer
    than every known one is answered at once, not with a matrix of its length."""
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            row[j] = min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[i - 2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def suggest(key: str, value: object, known: Sequence[str]) -> str | None:
    """The known key `key` (written with `value`) was most likely meant to be, if any."""
    limit = 1 if len(key) <= 4 else 2
    close = [(distance(key.lower(), name, limit), name) for name in known]
    close = [(edits, name) for edits, name in close if edits <= limit]
    whole_number = isinstance(value, int) and not isinstance(value, bool)
    if whole_number and any(name in COUNT_KEYS for _, name in close):
        close = [(edits, name) for edits, name in close if name not in DURATION_KEYS]
    if not close:
        return None
    return min(close, key=lambda item: (item[0], not _fits(item[1], value), _commonness(item[1])))[1]


def _fits(name: str, value: object) -> bool:
    """Whether a key takes the kind of value written."""
    if isinstance(value, bool):
        return name == "paced"
    if isinstance(value, (int, float)):
        return name in COUNT_KEYS or name in DURATION_KEYS
    if isinstance(value, str):
        return name in DURATION_KEYS or name in TEXT_KEYS or name == "sides"
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        return name in ("step", "exercise")
    if isinstance(value, list):
        return name in LIST_KEYS or name == "hold"
    return False


def _commonness(name: str) -> int:
    return COMMON.index(name) if name in COMMON else len(COMMON)


def _figure_key(name: str) -> str:
    return name.lower().replace(" ", "-").replace("_", "-").replace(",", "").replace(":", "").strip("-")


def figure_named(name: str) -> str | None:
    """The move a routine means by `name`: its name, a common alias ("glute bridge"), or its
    title, however written; None when it is none of these."""
    from kneetimer.figures.library import ALIASES, MOVES

    wanted = _figure_key(name)
    if wanted in MOVES:
        return wanted
    if wanted in ALIASES:
        return ALIASES[wanted]
    titles = {_figure_key(move.title): move.name for move in MOVES.values()}
    return titles.get(wanted)


def suggest_figure(name: str) -> str | None:
    """The figure a misspelt or half-remembered name most likely means ("clams", "it band
    stretch"): a name, alias or title close by edits, else one the name is part of."""
    from kneetimer.figures.library import ALIASES, FIGURE_NAMES, MOVES

    exact = figure_named(name)
    if exact is not None:
        return exact
    wanted = _figure_key(name)
    known = {**{move: move for move in FIGURE_NAMES}, **ALIASES,
             **{_figure_key(move.title): move.name for move in MOVES.values()}}
    limit = 1 if len(wanted) <= 4 else 3
    close = sorted((distance(wanted, spelled, limit), spelled) for spelled in known)
    if close and close[0][0] <= limit:
        return known[close[0][1]]
    containing = [move for move in FIGURE_NAMES if wanted in move or move in wanted]
    return min(containing, key=len) if containing else None
