"""The benchmark smoke run, CI's own step: `python -m bench.smoke`.

`python -m bench --quick` still runs end to end and writes every section. The numbers are
not checked here (speed is measured in bench/, against baselines, not asserted), only that
each measurement happened. Kept out of the test suite: it takes a minute of real time.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def check(results: dict[str, dict[str, dict[str, object]]], stdout: str) -> list[str]:
    """What is missing from a quick run's results; empty when it all ran."""
    problems = []
    wanted = {"machine", "timer", "apps", "phase_change", "voice", "cli_startup", "history"}
    if missing := wanted - set(results):
        problems.append(f"sections missing: {sorted(missing)}")
        return problems
    if results["voice"]["kneetimer"]["countdown_words"] != 3:
        problems.append("the voice benchmark did not hear 3-2-1")
    if int(str(results["phase_change"]["kneetimer"]["changes"])) < 3:
        problems.append("fewer than 3 phase changes were measured")
    if int(str(results["timer"]["kneetimer, idle machine"]["phases"])) < 1:
        problems.append("no phase was timed")
    if not float(str(results["apps"]["cpu_percent"]["bare_textual"])) > 0:
        problems.append("the bare Textual app's CPU was not measured")
    if "Timer: lateness" not in stdout or "History:" not in stdout:
        problems.append("the printed table is incomplete")
    return problems


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "results.json"
        run = subprocess.run(
            [sys.executable, "-m", "bench", "--quick", "--out", str(out)],
            cwd=REPO, capture_output=True, text=True, timeout=600,
        )
        print(run.stdout)
        if run.returncode != 0:
            print(run.stderr[-4000:], file=sys.stderr)
            print(f"bench smoke: python -m bench --quick exited {run.returncode}", file=sys.stderr)
            return 1
        problems = check(json.loads(out.read_text()), run.stdout)
    for problem in problems:
        print(f"bench smoke: {problem}", file=sys.stderr)
    print("bench smoke: " + ("failed" if problems else "every measurement ran"))
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
