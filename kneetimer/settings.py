"""The user's settings: config.toml in the config dir.

Read with tomllib, written with tomli-w through a temporary file and a rename,
so a crash mid-write never leaves half a file. A broken file is reported and
the defaults used; it is never overwritten silently: before the first save it
is kept beside, renamed, and the user is told.
"""

from __future__ import annotations

import os
import stat
import time
import tomllib
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from kneetimer import paths
from kneetimer.files import write_atomically
from kneetimer.routines.durations import DurationError, parse_duration
from kneetimer.sound.vocabulary import SoundLevel
from kneetimer.text import clean_line, shorten

CONFIG_NAME = "config.toml"
MAX_CONFIG_BYTES = 64 * 1024  # a settings file is a dozen lines
DEFAULT_THEME = "textual-dark"


@dataclass
class Settings:
    """The person's settings, as config.toml gives them (defaults where it says nothing)."""

    sound: SoundLevel = SoundLevel.ALL  # kneetimer's sounds (the bell where no player is found)
    volume: int = 80  # percent, baked into the sounds
    voice: bool = False  # spoken cues (needs espeak-ng, spd-say or say)
    lead_in: float | None = None  # "get ready" before every exercise and side; None: as each routine says
    theme: str = DEFAULT_THEME
    pain_prompt: bool = True  # ask knee pain before and after
    figure: bool = True  # draw the move beside the countdown, where there is room
    sessions_per_week: int = 3  # the weekly goal; 0 for none
    remote: bool = False  # serve a phone page during workouts (on the local network, with a token)


KNOWN = frozenset(field.name for field in fields(Settings))


@dataclass
class LoadedSettings:
    """Settings as loaded, with a problem for every key that could not be used."""

    settings: Settings
    problems: list[str]
    broken: bool = False  # the file could not be read at all


def config_path() -> Path:
    return paths.config_dir() / CONFIG_NAME


def load_settings(path: Path | None = None) -> LoadedSettings:
    path = path or config_path()
    try:
        data = _read_config(path)
    except FileNotFoundError:
        return LoadedSettings(Settings(), [])
    except OSError as error:
        return LoadedSettings(Settings(), [f"{path}: cannot read the settings: {error.strerror or error}"],
                              broken=True)
    try:
        document = tomllib.loads(data.decode("utf-8"))
    except Exception as error:  # TOMLDecodeError, UnicodeDecodeError, RecursionError, ValueError
        return LoadedSettings(
            Settings(), [f"{path}: the settings file is broken ({error}); using the defaults"], broken=True
        )
    settings, problems, unknown = Settings(), [], []
    for key, value in document.items():
        if key not in KNOWN:
            unknown.append(key)
            continue
        problem = _apply(settings, key, value)
        if problem:
            problems.append(f"{path}: {problem}")
    if unknown:
        problems.append(f"{path}: {_unknown_keys(unknown)}")
    return LoadedSettings(settings, problems)


def _read_config(path: Path) -> bytes:
    """The file's bytes: a regular file (a FIFO would hang start-up, a device never end)
    of at most MAX_CONFIG_BYTES."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise OSError(f"{path} is not a regular file")
        if status.st_size > MAX_CONFIG_BYTES:
            raise OSError(f"it is {status.st_size:,} bytes; a settings file is at most {MAX_CONFIG_BYTES:,}")
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            return handle.read(MAX_CONFIG_BYTES + 1)
    finally:
        os.close(descriptor)


def _unknown_keys(keys: list[str]) -> str:
    """One message for every unknown key (a thousand keys are one warning, not a thousand)."""
    shown = ", ".join(repr(shorten(clean_line(key), 30)) for key in keys[:3])
    more = f" and {len(keys) - 3:,} more" if len(keys) > 3 else ""
    known = ", ".join(sorted(KNOWN))
    noun = "setting" if len(keys) == 1 else "settings"
    return f"unknown {noun} {shown}{more}, ignored (known: {known})"


def _apply(settings: Settings, key: str, value: object) -> str | None:
    if key == "sound":
        if isinstance(value, bool):  # written by kneetimer before sound levels
            settings.sound = SoundLevel.ALL if value else SoundLevel.OFF
        elif isinstance(value, str) and value in tuple(SoundLevel):
            settings.sound = SoundLevel(value)
        else:
            return f'sound must be "all", "essential" or "off"; using "{settings.sound}"'
    elif key == "volume":
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
            return f"volume must be a whole number from 0 to 100; using {settings.volume}"
        settings.volume = value
    elif key in ("voice", "pain_prompt", "figure", "remote"):
        if not isinstance(value, bool):
            return f"{key} must be true or false; using {getattr(settings, key)}"
        setattr(settings, key, value)
    elif key == "lead_in":
        try:
            settings.lead_in = parse_duration(value)
        except DurationError as error:
            return f"lead_in: {error}; using each routine's own"
        if settings.lead_in > 600:
            settings.lead_in = None
            return "lead_in: at most 10 minutes; using each routine's own"
    elif key == "theme":
        if not isinstance(value, str) or not clean_line(value):
            return "theme must be a theme name"
        settings.theme = shorten(clean_line(value), 60)
    elif key == "sessions_per_week":
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 14:
            return "sessions_per_week must be a whole number from 0 to 14; using 3"
        settings.sessions_per_week = value
    return None


def save_settings(settings: Settings, path: Path | None = None) -> str | None:
    """Write the settings; returns a message for the user when something needed saying
    (a broken file kept aside), raises OSError when it cannot be written."""
    import tomli_w

    path = path or config_path()
    notice = None
    if path.exists() and load_settings(path).broken:
        kept = path.with_name(f"{path.stem}.broken-{time.strftime('%Y%m%d-%H%M%S')}{path.suffix}")
        path.rename(kept)
        notice = f"The old settings file could not be read; it was kept as {kept.name}."
    document = {key: str(value) if isinstance(value, SoundLevel) else value
                for key, value in asdict(settings).items() if value is not None}
    write_atomically(path, tomli_w.dumps(document))
    return notice
