"""Dates and times: how they are stored, and the one way they are shown.

History keeps each moment as ISO 8601 text with milliseconds and the offset of the
place it happened ("2026-11-21T07:58:03.412+01:00"), and its local calendar day.
Nothing slices those strings by hand: they are parsed into datetimes at the store,
and shown through `format_moment`.

The rule across time zones: sessions are ordered by the instant; a session's day (for
streaks, the week's goal and the calendar) is the local day where it was done; screens
and `history` show times on the clock of where the person is now; the export keeps
both the instant with its offset and the date and time where it was done.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum


class Precision(StrEnum):
    """How much of a moment to show: the day, the day and minute, the time, or to the second."""

    DAY = "day"  # 2026-11-21
    MINUTE = "minute"  # 2026-11-21 07:58
    TIME = "time"  # 07:58
    SHORT = "short"  # 11-21 07:58
    SECONDS = "seconds"  # 07:58:03


_FORMATS = {
    Precision.DAY: "%Y-%m-%d",
    Precision.MINUTE: "%Y-%m-%d %H:%M",
    Precision.TIME: "%H:%M",
    Precision.SHORT: "%m-%d %H:%M",
    Precision.SECONDS: "%H:%M:%S",
}


def now_local() -> datetime:
    """Now, with the local offset."""
    return datetime.now().astimezone()


def iso(moment: datetime) -> str:
    """The stored and exported form: ISO 8601 with milliseconds and the offset."""
    return moment.isoformat(timespec="milliseconds")


def parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text)


def format_moment(moment: datetime, precision: Precision = Precision.MINUTE, where_done: bool = False) -> str:
    """A moment for people to read, on the clock of where they are now (`where_done`:
    of the place it happened)."""
    shown = moment if where_done or moment.tzinfo is None else moment.astimezone()
    return shown.strftime(_FORMATS[precision])
