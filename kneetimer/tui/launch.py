"""Run the app from the command line, and report afterwards what it could not save."""

from __future__ import annotations

import sys

from kneetimer.routines.model import Routine


def launch(routine: Routine | None, quiet: bool, voice: bool) -> int:
    from kneetimer.tui import paste
    from kneetimer.tui.app import KneetimerApp

    paste.install()
    app = KneetimerApp(routine, quiet=quiet, voice=voice, handle_signals=True)
    app.run()
    if app.history_notice:
        print(f"kneetimer: {app.history_notice}", file=sys.stderr)
    if app.unsaved_on_exit:
        print(f"kneetimer: {app.unsaved_on_exit}", file=sys.stderr)
        return 1
    return app.return_code or 0
