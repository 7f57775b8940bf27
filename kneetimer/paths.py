"""Where kneetimer keeps things: platformdirs defaults, overridden by environment variables."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "kneetimer"
PACKAGE_DIR = Path(__file__).resolve().parent


def config_dir() -> Path:
    """Settings and the user's own routines (KNEETIMER_CONFIG_DIR overrides)."""
    override = os.environ.get("KNEETIMER_CONFIG_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return platformdirs.user_config_path(APP_NAME)


def data_dir() -> Path:
    """The history database (KNEETIMER_DATA_DIR overrides)."""
    override = os.environ.get("KNEETIMER_DATA_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return platformdirs.user_data_path(APP_NAME)


def cache_dir() -> Path:
    """Things kneetimer can make again, like its sounds (KNEETIMER_CACHE_DIR overrides)."""
    override = os.environ.get("KNEETIMER_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return platformdirs.user_cache_path(APP_NAME)


def user_routines_dir() -> Path:
    return config_dir() / "routines"


def bundled_routines_dir() -> Path:
    """The routines shipped with kneetimer: inside the package when installed from a
    wheel, or the repository's routines/ folder in a source checkout."""
    packaged = PACKAGE_DIR / "routines" / "bundled"
    if packaged.is_dir():
        return packaged
    return PACKAGE_DIR.parent / "routines"
