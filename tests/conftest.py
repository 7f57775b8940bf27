"""Every test runs with its own empty config and data folders."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BUNDLED = sorted((REPO / "routines").glob("*.toml"))


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    config = tmp_path / "config"
    data = tmp_path / "data"
    monkeypatch.setenv("KNEETIMER_CONFIG_DIR", str(config))
    monkeypatch.setenv("KNEETIMER_DATA_DIR", str(data))
    return config, data


@pytest.fixture
def user_routines(isolated_dirs) -> Path:
    folder = isolated_dirs[0] / "routines"
    folder.mkdir(parents=True)
    return folder


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def bundled(routine_id: str):
    """A bundled routine, loaded."""
    from kneetimer.routines.loader import load_file

    return load_file(REPO / "routines" / f"{routine_id}.toml").routine
