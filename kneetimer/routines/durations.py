"""Durations as routine files write them: 5, 2.5, "45s", "2m", "1m30s", "1:30".

Parsing and formatting live together so that what we print reads back the same.
"""

from __future__ import annotations

import math
import re

MAX_SECONDS = 24 * 60 * 60

_UNITS = re.compile(
    r"^(?:(?P<h>\d+(?:\.\d+)?)h)?"
    r"(?:(?P<m>\d+(?:\.\d+)?)m)?"
    r"(?:(?P<s>\d+(?:\.\d+)?)s)?$"
)
_CLOCK = re.compile(r"^(?:(?P<h>\d+):)?(?P<m>\d+):(?P<s>\d{2}(?:\.\d+)?)$")
_PLAIN = re.compile(r"^\d+(?:\.\d+)?$")


class DurationError(ValueError):
    """A value that is not a usable duration; the message says why."""


def parse_duration(value: object) -> float:
    """Seconds for a duration value, or DurationError.

    Only the range check against zero is left to the caller, since a hold must be
    positive while a rest may be 0.
    """
    if isinstance(value, bool):
        raise DurationError(f"expected a duration, got {str(value).lower()}")
    if isinstance(value, (int, float)):
        seconds = float(value)
    elif isinstance(value, str):
        seconds = _parse_text(value)
    else:
        raise DurationError(f"expected a duration (like 30, \"45s\" or \"1:30\"), got {kind_of(value)}")
    if math.isnan(seconds) or math.isinf(seconds):
        raise DurationError(f"duration must be a finite number, got {value!r}")
    if seconds < 0:
        raise DurationError(f"duration must not be negative, got {value!r}")
    if seconds > MAX_SECONDS:
        raise DurationError(f"duration {_show(value)} is over 24 hours")
    return seconds


def _parse_text(text: str) -> float:
    compact = text.strip().lower().replace(" ", "")
    if _PLAIN.match(compact):
        return float(compact)
    match = _CLOCK.match(compact)
    if match:
        if float(match["s"]) >= 60 or (match["h"] is not None and int(match["m"]) >= 60):
            raise DurationError(f"cannot read {_show(text)} as a duration: seconds and minutes go up to 59")
        return int(match["h"] or 0) * 3600 + int(match["m"]) * 60 + float(match["s"])
    match = _UNITS.match(compact)
    if compact and match:
        return float(match["h"] or 0) * 3600 + float(match["m"] or 0) * 60 + float(match["s"] or 0)
    raise DurationError(
        f"cannot read {_show(text)} as a duration (use seconds like 30, or \"45s\", \"2m\", \"1m30s\", \"1:30\")"
    )


def format_seconds(seconds: float) -> str:
    """A short human form: 45s, 2m, 1m30s, 2.5s."""
    if seconds < 60:
        return f"{seconds:g}s"
    minutes, rest = divmod(seconds, 60)
    return f"{int(minutes)}m" + (f"{rest:g}s" if rest else "")


def format_clock(seconds: float) -> str:
    """M:SS (or H:MM:SS) for a countdown: rounded up, so it shows 0:00 only at the end."""
    return _clock(max(0, math.ceil(seconds - 1e-6)))  # the engine's tolerance


def format_duration(seconds: float) -> str:
    """M:SS (or H:MM:SS) for time spent, rounded to the nearest second."""
    return _clock(max(0, round(seconds)))


def _clock(whole: int) -> str:
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def _show(value: object) -> str:
    return f'"{value}"' if isinstance(value, str) else repr(value)


def kind_of(value: object) -> str:
    """A TOML value's type in words, for messages ("got an array")."""
    if isinstance(value, bool):
        return "true/false"
    return {str: "text", int: "a whole number", float: "a number", list: "an array", dict: "a table"}.get(
        type(value), type(value).__name__
    )
