"""`python -m bench [--quick]`: kneetimer's speed, each number beside a baseline
measured in the same run (medians and ratios: these machines are noisy).
Prints a table and writes bench/results.json."""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import history_scale, phase_change, timer_accuracy, voice
from bench.process import PtyProcess, python_argv

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
HOLD_ROUTINE = 'name = "Bench hold"\nlead_in = 0\n[[exercise]]\nname = "Long hold"\nhold = "10m"\n'


def _burn(stop) -> None:
    while not stop.is_set():
        pass


@contextlib.contextmanager
def burn_core():
    """Another process keeps one core busy for the duration."""
    stop = multiprocessing.Event()
    worker = multiprocessing.Process(target=_burn, args=(stop,), daemon=True)
    worker.start()
    try:
        yield
    finally:
        stop.set()
        worker.join(5)


def kneetimer_argv(routine_file: Path) -> list[str]:
    return python_argv("-m", "kneetimer", "run", "--quiet", str(routine_file))


def bare_argv() -> list[str]:
    return python_argv(str(HERE / "bare_clock.py"))


APP_SIZE = (100, 30)  # columns, rows: a laptop terminal, not maximised


def measure_app(argv, marker: bytes, env: dict, warmup: float, window: float) -> dict:
    app = PtyProcess(argv, env=env, cols=APP_SIZE[0], rows=APP_SIZE[1])
    try:
        first_frame = app.wait_for(marker)
        time.sleep(warmup)
        cpu_before, wall_before = app.cpu_seconds(), time.monotonic()
        time.sleep(window)
        cpu = (app.cpu_seconds() - cpu_before) / (time.monotonic() - wall_before)
        return {"first_frame_s": first_frame, "cpu_percent": cpu * 100, "peak_rss_mb": app.peak_rss_mb()}
    finally:
        app.stop()


def apps_side_by_side(runs: int, warmup: float, window: float) -> dict:
    """The workout screen during a long hold against the bare 1 Hz clock, alternating runs."""
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        routine = scratch / "bench-hold.toml"
        routine.write_text(HOLD_ROUTINE)
        (scratch / "config").mkdir()
        (scratch / "config" / "config.toml").write_text("pain_prompt = false\n")  # straight into the workout
        env = {"KNEETIMER_DATA_DIR": str(scratch / "data"), "KNEETIMER_CONFIG_DIR": str(scratch / "config"),
               "PYTHONPATH": str(REPO)}
        ours, bare = [], []
        for _ in range(runs):
            ours.append(measure_app(kneetimer_argv(routine), b"Long hold", env, warmup, window))
            bare.append(measure_app(bare_argv(), b"READY", env, warmup, window))
    result = {}
    for key in ("first_frame_s", "cpu_percent", "peak_rss_mb"):
        mine = statistics.median(run[key] for run in ours)
        base = statistics.median(run[key] for run in bare)
        result[key] = {"kneetimer": round(mine, 3), "bare_textual": round(base, 3), "ratio": round(mine / base, 2)}
    memory = result["peak_rss_mb"]
    memory["difference"] = round(memory["kneetimer"] - memory["bare_textual"], 1)
    return result


MOVING_ROUTINE = ('name = "Bench moving"\nlead_in = 0\n[[exercise]]\nname = "Paced clams"\nfigure = "clam"\n'
                  'reps = 9\ntempo = 4\npaced = true\n')  # one digit: at 100x30 the figure has room beside it


def figure_side_by_side(runs: int, warmup: float, window: float) -> dict:
    """CPU of paced reps, the figure moving the whole time, with the figure on and turned off
    in the settings: what the figure costs (alternating runs, same pty, same size)."""
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        routine = scratch / "bench-moving.toml"
        routine.write_text(MOVING_ROUTINE)
        envs = {}
        for shown in (True, False):
            config = scratch / f"config-{shown}"
            config.mkdir()
            (config / "config.toml").write_text(f"pain_prompt = false\nfigure = {str(shown).lower()}\n")
            envs[shown] = {"KNEETIMER_DATA_DIR": str(scratch / "data"), "KNEETIMER_CONFIG_DIR": str(config),
                           "PYTHONPATH": str(REPO)}
        cpu: dict[bool, list[float]] = {True: [], False: []}
        for _ in range(runs):
            for shown in (True, False):
                run = measure_app(kneetimer_argv(routine), b"Paced clams", envs[shown], warmup, window)
                cpu[shown].append(run["cpu_percent"])
    on, off = statistics.median(cpu[True]), statistics.median(cpu[False])
    return {"size": f"{APP_SIZE[0]}x{APP_SIZE[1]}", "cpu_percent_figure": round(on, 2),
            "cpu_percent_no_figure": round(off, 2), "ratio": round(on / off, 2)}


def gallery_side_by_side(runs: int, warmup: float, window: float) -> dict:
    """CPU of the figure gallery (`kneetimer figures`, the cards on screen animating) against
    paced reps with one figure moving all the time: the target is at most 3x (issue 25)."""
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        routine = scratch / "bench-moving.toml"
        routine.write_text(MOVING_ROUTINE)
        (scratch / "config").mkdir()
        (scratch / "config" / "config.toml").write_text("pain_prompt = false\n")
        env = {"KNEETIMER_DATA_DIR": str(scratch / "data"), "KNEETIMER_CONFIG_DIR": str(scratch / "config"),
               "PYTHONPATH": str(REPO)}
        gallery, workout = [], []
        for _ in range(runs):
            gallery.append(measure_app(python_argv("-m", "kneetimer", "figures"), b"clam", env, warmup,
                                       window)["cpu_percent"])
            workout.append(measure_app(kneetimer_argv(routine), b"Paced clams", env, warmup, window)["cpu_percent"])
    mine, base = statistics.median(gallery), statistics.median(workout)
    return {"size": f"{APP_SIZE[0]}x{APP_SIZE[1]}", "cpu_percent_gallery": round(mine, 2),
            "cpu_percent_one_figure": round(base, 2), "ratio": round(mine / base, 2)}


def cli_startup(runs: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(REPO))

    def median_time(argv) -> float:
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run(argv, env=env, capture_output=True, check=True)
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    listing = median_time(python_argv("-m", "kneetimer", "list"))
    bare = median_time(python_argv("-c", "pass"))
    return {"kneetimer_list_s": round(listing, 4), "python_pass_s": round(bare, 4), "ratio": round(listing / bare, 2)}


def machine() -> dict:
    return {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
            "processor": platform.processor() or platform.machine()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a short run (a smoke test, not numbers to quote)")
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    args = parser.parse_args(argv)
    quick = args.quick
    results = {"machine": machine(), "quick": quick}
    steps = [  # --quick: a smoke test that every step still runs, not numbers to quote
        ("timer", lambda: timer_accuracy.run(seconds=6 if quick else 60, burn_core=burn_core)),
        ("apps", lambda: apps_side_by_side(runs=1 if quick else 3, warmup=0.3 if quick else 3,
                                           window=0.7 if quick else 30)),
        ("figure", lambda: figure_side_by_side(runs=1 if quick else 3, warmup=0.3 if quick else 3,
                                               window=0.7 if quick else 20)),
        ("gallery", lambda: gallery_side_by_side(runs=1 if quick else 3, warmup=0.3 if quick else 3,
                                                 window=0.7 if quick else 20)),
        ("phase_change", lambda: phase_change.run(runs=1 if quick else 3, quick=quick)),
        ("voice", lambda: voice.run(quick=quick)),
        ("cli_startup", lambda: cli_startup(runs=2 if quick else 15)),
        ("history", lambda: history_scale.run(days=40 if quick else 3650, runs=1 if quick else 5,
                                              saves=20 if quick else 500)),
    ]
    for name, step in steps:
        print(f"… {name}", file=sys.stderr, flush=True)
        results[name] = step()
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    print(format_table(results))
    return 0


def format_table(results: dict) -> str:
    lines = [f"kneetimer benchmarks ({'quick' if results['quick'] else 'full'} run) on "
             f"{results['machine']['cpus']} CPUs, Python {results['machine']['python']}", ""]
    lines.append("Timer: lateness of each phase end against its ideal deadline")
    lines.append(f"  {'':40} {'phases':>6} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'drift ms':>9}")
    for label, row in results["timer"].items():
        lines.append(f"  {label:40} {row['phases']:>6} {row['p50_ms']:>8} {row['p99_ms']:>8} "
                     f"{row['max_ms']:>8} {row['drift_ms']:>9}")
    apps = results["apps"]
    lines += ["", f"Workout screen during a hold vs a bare Textual 1 Hz clock (same pty launch, "
                  f"{APP_SIZE[0]}x{APP_SIZE[1]})",
              f"  {'':24} {'kneetimer':>10} {'bare':>10} {'ratio':>7}"]
    for key, label in (("first_frame_s", "start-up to first frame s"), ("cpu_percent", "CPU % of a core"),
                       ("peak_rss_mb", "peak memory MB")):
        row = apps[key]
        lines.append(f"  {label:24} {row['kneetimer']:>10} {row['bare_textual']:>10} {row['ratio']:>7}")
    figure = results["figure"]
    lines += ["", f"Paced reps, the figure moving all the time ({figure['size']}): CPU % of a core "
                  f"{figure['cpu_percent_figure']} with the figure, {figure['cpu_percent_no_figure']} without: "
                  f"ratio {figure['ratio']}"]
    gallery = results["gallery"]
    lines += ["", f"The figure gallery animating ({gallery['size']}): CPU % of a core {gallery['cpu_percent_gallery']} "
                  f"against {gallery['cpu_percent_one_figure']} for one moving workout figure: ratio "
                  f"{gallery['ratio']} (target at most 3)"]
    change = results["phase_change"]
    lines += ["", f"A phase change drawn (from the wake to the frame written to the pty), {change['size']}",
              f"  {'':24} {'changes':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}"]
    for key, label in (("kneetimer", "kneetimer"), ("bare_textual", "bare Textual, same change")):
        row = change[key]
        lines.append(f"  {label:24} {row['changes']:>8} {row['p50_ms']:>8} {row['p99_ms']:>8} {row['max_ms']:>8}")
    spoken = results["voice"]
    lines += ["", f"The voice: when each timed word (3, 2, 1, go, rep, switch) starts, with a speech command "
                  f"taking {spoken['seconds_per_character']} s a character",
              f"  {'':24} {'words':>6} {'in full':>8} {'3-2-1 in full':>14} {'<=150 ms':>9} {'p50 ms':>7} "
              f"{'p99 ms':>7} {'max ms':>7}"]
    for key, label in (("kneetimer", "kneetimer"), ("first_in_first_out", "first in, first out")):
        row = spoken[key]
        lines.append(f"  {label:24} {row['timed_words']:>6} {row['said_in_full']:>8} "
                     f"{str(row['countdown_in_full']) + '/' + str(row['countdown_words']):>14} "
                     f"{row['within_150_ms']:>9} {row['p50_ms']!s:>7} {row['p99_ms']!s:>7} {row['max_ms']!s:>7}")
    cli = results["cli_startup"]
    lines += ["", f"kneetimer list {cli['kneetimer_list_s']} s vs python -c pass {cli['python_pass_s']} s: "
                  f"ratio {cli['ratio']}"]
    history = results["history"]
    lines += ["", f"History: {history['sessions']} sessions, {history['records']} records, {history['db_mb']} MB",
              f"  {'':28} {'large':>8} {'empty':>8} {'ratio':>7}"]
    for key, label in (("history_json_limit50_s", "history --json --limit 50 s"),
                       ("report_4_weeks_s", "report --weeks 4 s"),
                       ("review_screen_s", "open the review screen s")):
        row = history[key]
        lines.append(f"  {label:28} {row['large']:>8} {row['empty']:>8} {row['ratio']:>7}")
    saves = history["save_record_ms"]
    lines.append(f"  {'save one record ms p50/p99':28} {saves['large_p50']:>4}/{saves['large_p99']:<4} "
                 f"{saves['empty_p50']:>4}/{saves['empty_p99']:<4} p99 ratio {saves['p99_ratio']}")
    return "\n".join(lines)
