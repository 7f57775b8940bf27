"""`python -m bench --quick` still runs end to end (the numbers are not checked here:
speed is measured in bench/, against baselines, not asserted in timed tests)."""

import json
import subprocess
import sys

from tests.conftest import REPO


def test_quick_benchmark_runs_and_writes_results(tmp_path):
    out = tmp_path / "results.json"
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--out", str(out)],
        cwd=REPO, capture_output=True, text=True, timeout=240,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    results = json.loads(out.read_text())
    assert set(results) >= {"machine", "timer", "apps", "phase_change", "voice", "cli_startup", "history"}
    assert results["voice"]["kneetimer"]["countdown_words"] == 3
    assert results["phase_change"]["kneetimer"]["changes"] >= 3, "phase changes were measured"
    assert results["timer"]["kneetimer, idle machine"]["phases"] >= 1
    assert results["apps"]["cpu_percent"]["bare_textual"] > 0
    assert "Timer: lateness" in result.stdout and "History:" in result.stdout
