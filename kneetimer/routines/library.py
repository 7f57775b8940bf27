"""The user's own routines: create, copy, edit (validated on save) and save adjusted
versions, all inside the user's routines folder and never over a file by accident."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path

from kneetimer import paths
from kneetimer.files import write_atomically
from kneetimer.routines.loader import LoadResult, load_bytes
from kneetimer.routines.model import Routine
from kneetimer.routines.tomlpos import scan
from kneetimer.text import clean_line

MAX_ID_LENGTH = 64


class RoutineFileError(Exception):
    """A user-facing reason a routine file could not be made or changed."""


def safe_id(name: str) -> str:
    """A file-name-safe id from whatever the user typed: letters of any script (lower
    case), digits, dashes. No path separators, no dots, no control characters, so it
    can only name a file in the folder."""
    folded = unicodedata.normalize("NFC", name).casefold()
    slug = re.sub(r"[\W_]+", "-", folded).strip("-")[:MAX_ID_LENGTH].strip("-")
    if not slug:
        raise RoutineFileError(f"cannot make a routine id from {name!r}: use letters or digits")
    return slug


def user_path(routine_id: str) -> Path:
    return paths.user_routines_dir() / f"{safe_id(routine_id)}.toml"


def _claim(routine_id: str, force: bool, shadow: bool = False) -> Path:
    """The user's file for `routine_id`, refused if it exists (unless `force`) or if it
    would take a bundled routine's place unasked (unless `shadow`: editing it on purpose):
    the bundled routine would vanish from the list and its history carry on under the new one."""
    path = user_path(routine_id)
    if path.exists() and not force:
        raise RoutineFileError(f"{path} already exists; use --force to replace it")
    bundled = paths.bundled_routines_dir() / path.name
    if not shadow and not path.exists() and bundled.exists():
        raise RoutineFileError(
            f"'{path.stem}' is a bundled routine: a routine of yours with that id would hide it. "
            f"Choose another name, or change the bundled one with `kneetimer edit {path.stem}`")
    return path


STARTER = '''\
# A kneetimer routine. Check it with `kneetimer validate {path}`.
# Durations: seconds (30) or text ("45s", "2m", "1m30s", "1:30").

name = {name}
description = "Who it is for and what it trains."
source = "Where it comes from: an article, a study, your physical therapist."
lead_in = "5s"          # "get ready" before each exercise and each side
rest_between = "15s"    # rest between exercises

[[exercise]]
name = "Clams"
instructions = "Lie on one side, knees bent, heels together. Open the top knee, hold, close slowly."
cues = ["Heels together", "Don't roll back"]
harder = "Add a resistance band just above the knees"
sides = "each"          # right then left; or "none", or ["left leg", "right leg"]
sets = 1
reps = 10
hold = "5s"             # each rep held 5 s, plus `tempo` (3 s) to move
figure = "clam"         # the move drawn beside the countdown: `kneetimer figures` lists them

[[exercise]]
name = "IT band stretch"
sides = "each"
hold = ["30s", "1m"]    # a range: Enter ends it after 30 s, or it runs to 1 min
figure = "it-band-stretch-standing"
'''


def new_routine(name: str, force: bool = False) -> Path:
    path = _claim(name, force)
    display = clean_line(name) or path.stem  # one line: a newline would end the TOML string
    text = STARTER.format(name=_toml_string(display), path=path)
    write_atomically(path, text)
    return path


def copy_routine(source: Path, new_id: str, force: bool = False, rename: bool = True) -> Path:
    """Copy a routine file as it is (comments and all) into the user's folder. With
    `rename`, the copy's name says it is the copy ("... — mine"), so the list never
    shows two routines of the same name; without, it is the user's version of the same
    routine, in its place."""
    path = _claim(new_id, force, shadow=not rename)
    if path.resolve() == source.resolve():
        raise RoutineFileError(f"{source} is already that file")
    text = source.read_text(encoding="utf-8")
    if rename:
        text = _renamed(text, path.stem)
    write_atomically(path, text)
    return path


def _renamed(text: str, new_id: str) -> str:
    """The routine text with its name line saying which copy it is; unchanged if the
    name is written in a way a one-line edit cannot safely change."""
    original = load_bytes(text.encode("utf-8"), "copy", new_id).routine
    line = scan(text).keys.get((None, None, "name"))
    if original is None or line is None:
        return text
    lines = text.split("\n")
    lines[line - 1] = f"name = {_toml_string(f'{original.name} — {new_id}')}"
    renamed = "\n".join(lines)
    copy = load_bytes(renamed.encode("utf-8"), "copy", new_id).routine
    return renamed if copy is not None and copy.exercises == original.exercises else text


def _toml_string(text: str) -> str:
    """`text` as a TOML string, escaped by tomli-w (quotes, backslashes, control characters)."""
    import tomli_w

    return tomli_w.dumps({"s": text}).split("=", 1)[1].strip()


# -- editing ---------------------------------------------------------------------------


def editor_command() -> list[str] | None:
    """$VISUAL, else $EDITOR, split as a shell would; else nano or vi where installed."""
    for variable in ("VISUAL", "EDITOR"):
        value = os.environ.get(variable, "").strip()
        if value:
            try:
                return shlex.split(value)
            except ValueError as error:  # an unbalanced quote
                raise RoutineFileError(f"${variable} ({value!r}) cannot be read as a command: {error}") from None
    for fallback in ("nano", "vi"):
        found = shutil.which(fallback)
        if found:
            return [found]
    return None


def edit_file(path: Path, ask_again: Callable[[list[str]], bool],
              run_editor: Callable[[Path], int] | None = None) -> tuple[bool, list[str]]:
    """Edit a copy of `path` until it is valid or the user gives up (like `crontab -e`).

    Returns (saved, problems). The original is replaced, atomically, only by a valid
    routine; an invalid edit is never saved."""
    command = editor_command()
    if command is None and run_editor is None:
        raise RoutineFileError("no editor found: set $VISUAL or $EDITOR")
    if run_editor is None:
        assert command is not None
        editor = command
        run_editor = lambda file: subprocess.run([*editor, str(file)], check=False).returncode  # noqa: E731
    original, was_utf8 = _read_text(path)
    with tempfile.TemporaryDirectory() as scratch:
        draft = Path(scratch) / path.name
        draft.write_text(original, encoding="utf-8")
        while True:
            status = run_editor(draft)
            if status != 0:
                name = Path(command[0]).name if command else "the editor"
                raise RoutineFileError(f"the editor ({name}) failed with exit status {status}; nothing was changed")
            text = draft.read_bytes()
            if text.decode("utf-8", "replace") == original and was_utf8:
                return False, []  # a file that was not UTF-8 is saved as UTF-8 even unchanged
            result: LoadResult = load_bytes(text, str(path), path.stem)
            if result.ok:
                write_atomically(path, text.decode("utf-8"))
                return True, []
            problems = [str(problem) for problem in result.problems]
            if not ask_again(problems):
                return False, problems


def _read_text(path: Path) -> tuple[str, bool]:
    """The file's text, and whether it was UTF-8: a file saved in Latin-1 or Windows-1252
    (which `list` reports) opens as that, so the editor can fix it."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8"), True
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace"), False


def ask_on_terminal(problems: list[str]) -> bool:
    for problem in problems:
        print(problem, file=sys.stderr)
    if not sys.stdin.isatty():
        return False
    answer = input("The routine has errors. Edit it again? [Y/n] ").strip().lower()
    return answer in ("", "y", "yes")


def save_user_version(routine: Routine) -> tuple[Path, Path | None]:
    """Save an adjusted or progressed routine as the user's own, under the same id
    (so it takes the bundled one's place and its history carries on). A file of the
    user's it replaces is kept beside it as .bak. Returns (path, backup)."""
    from dataclasses import replace

    from kneetimer.routines.adjust import version_description
    from kneetimer.routines.writer import dump_routine

    path = user_path(routine.id)
    backup = None
    if path.exists():
        backup = path.with_name(path.name + ".bak")
        shutil.copy2(path, backup)
    write_atomically(path, dump_routine(replace(routine, description=version_description(routine))))
    return path, backup
