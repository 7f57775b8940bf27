"""How long a phase change takes to reach the terminal, in a real pseudo-terminal.

kneetimer runs a routine of one-second holds at 200x55 (the largest size in the
design), instrumented from inside: the clock starts when the screen wakes and the
engine has moved to a new phase, and stops when the frame showing it has been
written to the terminal (the full-screen colour, the new word, the new digits).
Beside it, a bare Textual app making the same visual change once a second (the
whole screen's background colour, and new digits in a Digits widget), measured
the same way: the floor Textual itself sets for such a frame.

Run as a script, it is the instrumented app: `python -m bench.phase_change kneetimer|bare OUT ROUTINE`.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.process import PtyProcess, python_argv

COLS, ROWS = 200, 55
def routine_text(exercises: int) -> str:
    return 'name = "Phases"\nlead_in = 1\nrest_between = 1\n' + "".join(
        f'[[exercise]]\nname = "Move {n}"\nhold = 1\n' for n in range(exercises)
    )


ROUTINE = routine_text(12)


def run(runs: int = 1, quick: bool = False) -> dict:
    """`quick`: a few phases, a smoke test rather than numbers to quote."""
    ours, bare = [], []
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        routine = scratch / "phases.toml"
        routine.write_text(routine_text(2) if quick else ROUTINE)
        env = {"KNEETIMER_DATA_DIR": str(scratch / "data"), "KNEETIMER_CONFIG_DIR": str(scratch / "config"),
               "BENCH_BARE_SECONDS": "3.5" if quick else "12.5"}
        for n in range(runs):
            ours += _measure("kneetimer", scratch / f"ours-{n}.json", routine, env, timeout=60)
            bare += _measure("bare", scratch / f"bare-{n}.json", routine, env, timeout=30)
    return {"size": f"{COLS}x{ROWS}", "kneetimer": _summary(ours), "bare_textual": _summary(bare),
            "p99_ratio": round(_summary(ours)["p99_ms"] / max(0.001, _summary(bare)["p99_ms"]), 2)}


def _measure(which: str, out: Path, routine: Path, env: dict, timeout: float) -> list[float]:
    app = PtyProcess(python_argv("-m", "bench.phase_change", which, str(out), str(routine)), env=env,
                     cols=COLS, rows=ROWS)
    try:
        app.process.wait(timeout=timeout)
    except Exception:
        pass
    finally:
        app.stop()
    return json.loads(out.read_text()) if out.exists() else []


def _summary(values: list[float]) -> dict:
    count = len(values)
    values = sorted(values) or [0.0]
    p99 = values[min(len(values) - 1, round(0.99 * (len(values) - 1)))]
    return {"changes": count, "p50_ms": round(statistics.median(values) * 1000, 2),
            "p99_ms": round(p99 * 1000, 2), "max_ms": round(max(values) * 1000, 2)}


# -- the instrumented apps ------------------------------------------------------------


def _instrument_display(app_class, pending: list, times: list) -> None:
    """After each frame is written, close the measurement that is waiting for it."""
    original = app_class._display

    def display(self, screen, renderable):
        original(self, screen, renderable)
        if pending and renderable is not None:
            times.append(time.perf_counter() - pending.pop())
            pending.clear()

    app_class._display = display


def _kneetimer(out: Path, routine_file: Path) -> None:
    from kneetimer.routines.loader import load_file
    from kneetimer.tui.app import KneetimerApp
    from kneetimer.tui.screens.workout import WorkoutScreen

    pending: list[float] = []
    times: list[float] = []
    _instrument_display(KneetimerApp, pending, times)
    original_wake = WorkoutScreen.wake

    def wake(self):
        started = time.perf_counter()
        before = self.session.index
        original_wake(self)
        if self.session.finished:
            self.app.exit()
        elif self.session.index != before:
            pending[:] = [started]

    WorkoutScreen.wake = wake
    app = KneetimerApp(load_file(routine_file).routine, quiet=True, ask_pain_first=False)
    app.run()
    out.write_text(json.dumps(times))


def _bare(out: Path) -> None:
    from textual.app import App
    from textual.widgets import Digits

    pending: list[float] = []
    times: list[float] = []

    colours = ["#009E73", "#56B4E9"]

    class BareClock(App):
        def compose(self):
            yield Digits(time.strftime("%H:%M:%S"))

        def on_mount(self) -> None:
            self.set_interval(1, self.tick)
            self.set_timer(float(os.environ.get("BENCH_BARE_SECONDS", "12.5")), self.exit)

        def tick(self) -> None:
            pending[:] = [time.perf_counter()]
            colours.reverse()
            self.screen.styles.background = colours[0]
            self.query_one(Digits).update(time.strftime("%H:%M:%S"))

    _instrument_display(BareClock, pending, times)
    BareClock().run()
    out.write_text(json.dumps(times))


if __name__ == "__main__":
    which, out, routine = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    if which == "kneetimer":
        _kneetimer(out, routine)
    else:
        _bare(out)
