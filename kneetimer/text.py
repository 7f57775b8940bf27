"""Cleaning untrusted text (routine files are shared between people).

Textual passes escape sequences and C1 controls straight to the terminal, so a
routine could write to the clipboard (OSC 52), clear the screen or retitle the
window. Every routine string goes through `clean` when it is loaded.
"""

from __future__ import annotations

import re

# C0 except tab and newline, DEL, C1; and the bidi embedding/override/isolate
# controls, which can make text display in an order other than it reads.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_WHITESPACE_RUN = re.compile(r"\s+")


def clean(text: str) -> str:
    """Strip control characters; keep tabs and newlines (CR LF becomes LF)."""
    text = text.replace("\r\n", "\n")
    return _CONTROL.sub("", text)


def clean_line(text: str) -> str:
    """`clean`, then fold all whitespace to single spaces: for names and labels."""
    return _WHITESPACE_RUN.sub(" ", clean(text)).strip()


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, with an ellipsis when cut: names and labels on
    screens that must keep their layout whatever a routine file says."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
