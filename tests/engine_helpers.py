"""A fake monotonic clock and a driver that wakes the session as the UI does."""

from __future__ import annotations

import textwrap
from datetime import datetime, timezone

from kneetimer.routines.loader import load_bytes
from kneetimer.workout.engine import Session
from kneetimer.workout.plan import build_plan

WALL_START = datetime(2026, 11, 21, 7, 58, 3, 412000, tzinfo=timezone.utc)


class FakeClock:
    def __init__(self, start: float = 1000.0):
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def routine_from(text: str):
    result = load_bytes(textwrap.dedent(text).encode(), "t.toml", "t")
    assert result.ok, [str(p) for p in result.problems]
    return result.routine


def make_session(routine, clock: FakeClock | None = None, **options) -> tuple[Session, FakeClock]:
    clock = clock or FakeClock()
    options.setdefault("wall_clock", lambda: WALL_START)
    session = Session(build_plan(routine), clock=clock, **options)
    return session, clock


def drive(session: Session, clock: FakeClock, until: float | None = None, max_wakes: int = 20_000) -> int:
    """Wake the session at each `next_change_at`, like the TUI, until it finishes,
    waits for Enter, or the clock reaches `until`. Returns the number of wake-ups."""
    wakes = 0
    session.update()  # the clock may have moved since the caller last looked
    while not session.finished and wakes < max_wakes:
        wake = session.next_change_at()
        if wake is None or (until is not None and wake > until):
            break
        assert wake > clock.now - 1e-9 or wake == clock.now, "a wake-up in the past"
        clock.now = max(clock.now, wake)
        session.update()
        wakes += 1
    assert wakes < max_wakes, "the session never got anywhere: next_change_at is stuck"
    if until is not None and clock.now < until:
        clock.now = until
        session.update()
    return wakes
