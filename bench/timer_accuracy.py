"""Timer accuracy: how late each phase ends against its ideal deadline.

The real app runs headless on the real clock through a routine of short phases,
with pauses. Every time the screen shows a new phase we note how long after the
ideal deadline that was. Beside it, the naive countdown a tick-counting app would
write (set_interval(1) decrementing a counter) runs the same phases under the
same conditions: a core burnt by another process, or the event loop stalled once.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from textual.app import App
from textual.widgets import Digits

from kneetimer.routines.loader import load_bytes
from kneetimer.tui.app import KneetimerApp
from kneetimer.tui.screens.workout import WorkoutScreen
from kneetimer.workout.cues import CueKind

STALL_SECONDS = 2.2


def bench_routine(seconds: float):
    """Short phases (1.5-3.5 s) adding up to about `seconds`."""
    holds = [1.5, 2.5, 3.5, 2.0, 3.0]
    count = max(1, round(seconds / (sum(holds) / len(holds) + 1)))
    text = 'name = "Bench"\nlead_in = 0\nrest_between = 1\n'
    for n in range(count):
        text += f'[[exercise]]\nname = "Move {n}"\nhold = {holds[n % len(holds)]}\n'
    return load_bytes(text.encode(), "bench.toml", "bench").routine


async def run_kneetimer(seconds: float, pauses: int, stall_at: float | None) -> dict:
    """Lateness (s) of every phase change, and the drift of the session's end."""
    routine = bench_routine(seconds)
    latenesses: list[float] = []
    with tempfile.TemporaryDirectory() as data:
        app = KneetimerApp(routine, data_dir=Path(data), quiet=True, ask_pain_first=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, WorkoutScreen)
            session = screen.session
            wake, drain = screen.wake, session.drain_cues
            started_phases: list[float] = []

            def measured_drain():
                cues = drain()
                started_phases.extend(cue.at for cue in cues if cue.kind is CueKind.PHASE_STARTED)
                return cues

            def measured_wake() -> None:
                """Every phase that began in this wake (several, after a stall), against
                the moment the screen has been updated to show it."""
                started_phases.clear()
                wake()
                shown = time.monotonic()
                latenesses.extend(shown - ideal for ideal in started_phases)

            session.drain_cues = measured_drain
            screen.wake = measured_wake
            started = time.monotonic()
            pause_times = [started + seconds * (n + 1) / (pauses + 1) for n in range(pauses)]
            stalled = stall_at is None
            while not session.finished:
                await asyncio.sleep(0.05)
                if pause_times and time.monotonic() >= pause_times[0]:
                    pause_times.pop(0)
                    await pilot.press("space")
                    await asyncio.sleep(0.7)
                    await pilot.press("space")
                deadline = session.deadline()
                due_to_stall = not stalled and time.monotonic() - started >= stall_at and deadline is not None
                if due_to_stall and deadline - time.monotonic() > 0.6:  # stall across this phase's end
                    await asyncio.sleep(deadline - time.monotonic() - 0.5)
                    stalled = True
                    time.sleep(STALL_SECONDS)  # the event loop is blocked
            ideal_end = session.started_mono + session.planned_total + session.paused_total
            drift = session.ended_mono - ideal_end
            noticed_end = time.monotonic()
    return {"lateness": latenesses, "drift": drift, "phases": len(latenesses), "end_noticed": noticed_end - ideal_end}


class NaiveCountdown(App):
    """What a tick-counting countdown does: one tick a second, counting down."""

    def __init__(self, durations: list[int]):
        super().__init__()
        self.durations = durations
        self.ends: list[float] = []

    def compose(self):
        yield Digits("0")

    def on_mount(self) -> None:
        self.index = 0
        self.left = self.durations[0]
        self.set_interval(1, self.tick)

    def tick(self) -> None:
        self.left -= 1
        if self.left <= 0:
            self.ends.append(time.monotonic())
            self.index += 1
            if self.index >= len(self.durations):
                self.exit()
                return
            self.left = self.durations[self.index]
        self.query_one(Digits).update(str(self.left))


async def run_naive(seconds: float, stall_at: float | None) -> dict:
    durations = [2, 3, 2, 4, 3] * round(seconds / 14) if seconds >= 14 else [2, 2]
    app = NaiveCountdown(durations)
    async with app.run_test(size=(80, 24)):
        started = time.monotonic()
        stalled = stall_at is None
        while app.is_running and len(app.ends) < len(durations):
            await asyncio.sleep(0.05)
            if not stalled and time.monotonic() - started >= stall_at:
                stalled = True
                time.sleep(STALL_SECONDS)
    ideal, latenesses = started, []
    for duration, end in zip(durations, app.ends, strict=False):
        ideal += duration
        latenesses.append(end - ideal)
    return {"lateness": latenesses, "drift": latenesses[-1] if latenesses else 0.0, "phases": len(latenesses)}


def summarize(result: dict) -> dict:
    values = sorted(result["lateness"]) or [0.0]
    p99 = values[min(len(values) - 1, round(0.99 * (len(values) - 1)))]
    return {
        "phases": result["phases"],
        "p50_ms": round(statistics.median(values) * 1000, 2),
        "p99_ms": round(p99 * 1000, 2),
        "max_ms": round(max(values) * 1000, 2),
        "drift_ms": round(result["drift"] * 1000, 2),
    }


def run(seconds: float, burn_core) -> dict:
    """Three conditions for kneetimer; the naive countdown beside the harder two."""
    results = {}
    results["kneetimer, idle machine"] = summarize(asyncio.run(run_kneetimer(seconds, pauses=3, stall_at=None)))
    with burn_core():
        results["kneetimer, a core busy"] = summarize(asyncio.run(run_kneetimer(seconds, pauses=3, stall_at=None)))
        results["naive countdown, a core busy"] = summarize(asyncio.run(run_naive(seconds, stall_at=None)))
    results[f"kneetimer, loop stalled {STALL_SECONDS}s"] = summarize(
        asyncio.run(run_kneetimer(seconds, pauses=1, stall_at=seconds / 3)))
    results[f"naive countdown, loop stalled {STALL_SECONDS}s"] = summarize(
        asyncio.run(run_naive(seconds, stall_at=seconds / 3)))
    return results
