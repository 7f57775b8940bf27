"""Across a time-zone change (issue 17.13): sessions in the order they happened, times
shown on the clock of where the person is now, a day is the local day where it was
done, and the export keeps the place's own date and time."""

from __future__ import annotations

import csv
import io
import json
import time
from datetime import date, datetime, timedelta, timezone

import pytest

from kneetimer.cli.parser import main
from kneetimer.dates import Precision, format_moment, iso
from kneetimer.history.stats import streak
from kneetimer.history.store import HistoryStore
from tests.history_helpers import CLAMS_RIGHT, seed_session

LONDON = timezone(timedelta(hours=0))
ATHENS = timezone(timedelta(hours=2))


@pytest.fixture
def in_zone(monkeypatch):
    def switch(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield switch
    monkeypatch.delenv("TZ", raising=False)
    time.tzset()


def two_sessions(data):
    """23:30 in London, and 00:10 the next day in Athens: the Athens one reads later but
    happened first (22:10 UTC, eighty minutes before)."""
    store = HistoryStore.open(data)
    london = datetime(2026, 11, 21, 23, 30, tzinfo=LONDON)
    athens = datetime(2026, 11, 22, 0, 10, tzinfo=ATHENS)
    for start in (london, athens):
        seed_session(store, start, [CLAMS_RIGHT], ended=start + timedelta(minutes=5), active_s=300.0)
    store.close()
    return london, athens


def test_history_is_in_the_order_things_happened(isolated_dirs, capsys, in_zone):
    in_zone("UTC")
    _, data = isolated_dirs
    london, athens = two_sessions(data)
    assert main(["history", "--json"]) == 0

    started = [row["started_at"] for row in json.loads(capsys.readouterr().out)]
    assert started == [iso(london), iso(athens)], "newest first: London happened last"


def test_times_are_shown_on_the_clock_of_where_the_person_is(in_zone):
    moment = datetime(2026, 11, 22, 0, 10, tzinfo=ATHENS)
    in_zone("UTC")
    assert format_moment(moment) == "2026-11-21 22:10"
    in_zone("Asia/Tokyo")
    assert format_moment(moment, Precision.TIME) == "07:10"
    assert format_moment(moment, Precision.TIME, where_done=True) == "00:10"


def test_a_day_is_the_local_day_where_it_was_done(isolated_dirs, in_zone):
    in_zone("UTC")
    _, data = isolated_dirs
    two_sessions(data)
    store = HistoryStore.open(data)
    assert streak(store, date(2026, 11, 22)) == 2  # the 21st in London, the 22nd in Athens
    store.close()


def test_the_export_keeps_the_place_and_the_instant(isolated_dirs, capsys, in_zone):
    in_zone("America/New_York")
    _, data = isolated_dirs
    two_sessions(data)
    assert main(["export", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(row["date"], row["time"]) for row in rows] == [("2026-11-22", "00:10"), ("2026-11-21", "23:30")]
    assert rows[0]["session_started_at"] == "2026-11-22T00:10:00.000+02:00"
