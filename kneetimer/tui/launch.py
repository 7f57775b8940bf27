"""Run the app from the command line, and report afterwards what it could not save."""

from __future__ import annotations

import contextlib
import os
import sys

from kneetimer.routines.model import Routine


def launch(routine: Routine | None, quiet: bool, voice: bool, remote_host: str | None = None) -> int:
    """Run the app. `remote_host`: serve the phone page there (None: as the settings say)."""
    from kneetimer.tui import paste
    from kneetimer.tui.app import KneetimerApp

    paste.install()
    use_the_terminals_own_size()
    utf8_terminal()
    app = KneetimerApp(routine, quiet=quiet, voice=voice, handle_signals=True, remote_host=remote_host)
    app.run()
    if app.history_notice:
        print(f"kneetimer: {app.history_notice}", file=sys.stderr)
    if app.unsaved_on_exit:
        print(f"kneetimer: {app.unsaved_on_exit}", file=sys.stderr)
        return 1
    return app.return_code or 0


def use_the_terminals_own_size() -> None:
    """Forget an exported COLUMNS or LINES: Textual would take them over the terminal's own
    size for the whole run (40x12 drawn in a 100x30 window, and still after a resize)."""
    for name in ("COLUMNS", "LINES"):
        os.environ.pop(name, None)


def utf8_terminal() -> None:
    """The workout draws half blocks and arrows; under a locale that cannot spell them it
    would draw "?" everywhere. Terminals are UTF-8 nearly always (a locale left as C or
    Latin-1 over ssh is the usual cause), so the app writes UTF-8."""
    for stream in (sys.__stdout__, sys.__stderr__):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(OSError, ValueError):
                reconfigure(encoding="utf-8", errors="replace")
