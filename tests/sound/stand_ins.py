"""Stand-ins for a sound player and a speech command: scripts that log what they are
asked for, and when, on the monotonic clock (the same clock as the workout's)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

SCRIPT = """\
import json, sys, time
log, seconds, what = sys.argv[1], float(sys.argv[2]), sys.argv[-1]
if seconds < 0:
    sys.exit(3)  # a player that fails
with open(log, "a") as out:
    out.write(json.dumps({"what": what, "start": time.monotonic()}) + "\\n")
time.sleep(seconds if seconds < 1e6 else len(what) * 0.07)  # 1e6: as long as real speech
with open(log, "a") as out:
    out.write(json.dumps({"what": what, "end": time.monotonic()}) + "\\n")
"""
AS_LONG_AS_SPEECH = 1e6


def stand_in(tmp_path: Path, seconds: float) -> tuple[list[str], Path]:
    """A command (argv before the file or text) that takes `seconds`, and its log."""
    script = tmp_path / "stand_in.py"
    script.write_text(SCRIPT)
    log = tmp_path / f"log-{seconds}.jsonl"
    return [sys.executable, str(script), str(log), str(seconds)], log


def entries(log: Path) -> list[dict]:
    return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


def wait_for(condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)
