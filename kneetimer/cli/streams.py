"""The process's standard streams: whether there is a terminal to run the app in, and
writing when a stream is closed, full, or cannot spell a character."""

from __future__ import annotations

import contextlib
import os
import sys

NO_TERMINAL = ("kneetimer: the workout needs a terminal to show it and to read keys (standard input and "
               "standard error must be one). `kneetimer list` and `kneetimer history` work without.")


def has_terminal() -> bool:
    """Textual reads keys from standard input and draws on standard error."""
    streams = (sys.__stdin__, sys.__stderr__)
    try:
        return all(stream is not None and stream.isatty() for stream in streams)
    except (OSError, ValueError):
        return False


def say(message: str) -> None:
    """To standard error, or standard output if that is all there is."""
    for stream in (sys.stderr, sys.stdout):
        if stream is None:
            continue
        try:
            print(message, file=stream, flush=True)
            return
        except (OSError, ValueError):
            continue


def silence_stdout() -> None:
    """Point standard output at /dev/null, so the flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def tolerant_encoding() -> None:
    """Under a locale that cannot spell a character (LC_ALL=C), print a stand-in, not a traceback."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(OSError, ValueError):
                reconfigure(errors="replace")


def utf8_output() -> None:
    """JSON, CSV, HTML and Markdown are written as UTF-8 whatever the locale: under a
    Latin-1 locale a name would otherwise become "?" in the file handed to a physio, or
    Latin-1 bytes sit under a UTF-8 charset."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(OSError, ValueError):
            reconfigure(encoding="utf-8", errors="strict")

