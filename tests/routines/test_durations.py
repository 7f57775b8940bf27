import math

import pytest

from kneetimer.routines.durations import DurationError, format_clock, format_seconds, parse_duration


@pytest.mark.parametrize(
    "value, seconds",
    [
        (5, 5.0), (2.5, 2.5), (0, 0.0), ("45s", 45.0), ("2m", 120.0), ("1m30s", 90.0),
        ("1:30", 90.0), ("0:05", 5.0), ("1:00:00", 3600.0), ("2.5s", 2.5), ("1h", 3600.0),
        (" 30s ", 30.0), ("30", 30.0), ("1m 30s", 90.0), ("24:00:00", 86400.0),
    ],
)
def test_accepted_forms(value, seconds):
    assert parse_duration(value) == seconds


@pytest.mark.parametrize(
    "value, fragment",
    [
        (-1, "negative"), (math.nan, "finite"), (math.inf, "finite"), (-math.inf, "finite"),
        ("abc", "cannot read"), ("", "cannot read"), ("5x", "cannot read"), ("1:75", "59"),
        (86401, "over 24 hours"), ("25h", "over 24 hours"), (True, "got true"),
        ([1], "an array"), ({"a": 1}, "a table"), ("s", "cannot read"), ("-5s", "cannot read"),
    ],
)
def test_rejected_values_say_why(value, fragment):
    with pytest.raises(DurationError, match=fragment):
        parse_duration(value)


def test_formatting():
    assert [format_seconds(s) for s in (5, 2.5, 60, 90, 3600)] == ["5s", "2.5s", "1m", "1m30s", "60m"]
    assert [format_clock(s) for s in (0, 0.2, 5, 59.01, 61, 3661)] == ["0:00", "0:01", "0:05", "1:00", "1:01", "1:01:01"]
