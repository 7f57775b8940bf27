"""A paste is text, never keys.

Textual 8.2's input parser turns escape sequences inside a bracketed paste (a paste of
coloured terminal text, an OSC title sequence) back into key presses: fifty pasted lines
skipped both exercises of a workout in 0.3 s, and a title sequence paused it. Here the
input is defused before Textual parses it: between the paste's start and end markers,
ESC and the other control characters (but tab and newline) are dropped, so the whole
paste arrives as one Paste event of plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from textual._xterm_parser import BRACKETED_PASTE_END, BRACKETED_PASTE_START, XTermParser
from textual.message import Message

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class PasteSafeParser(XTermParser):
    """XTermParser that never reads a key from inside a bracketed paste."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._pasting = False
        self._held = ""  # inside a paste: the start of an end marker split across two reads
        self._recent = ""  # outside: the last characters passed on, for a start marker split across reads

    def feed(self, data: str) -> Iterable[Message]:
        defused = self.defuse(data)
        if data and not defused:
            return ()  # all held back or dropped: an empty feed would mean the end of input
        return super().feed(defused)

    def defuse(self, data: str) -> str:
        """`data` with the controls inside a paste removed; the markers kept."""
        out: list[str] = []
        data, self._held = self._held + data, ""
        while data:
            if self._pasting:
                found = data.find(BRACKETED_PASTE_END)
                if found < 0:
                    keep = _partial_marker(data, BRACKETED_PASTE_END)
                    out.append(_CONTROLS.sub("", data[: len(data) - keep]))
                    self._held = data[len(data) - keep :]
                    break
                out.append(_CONTROLS.sub("", data[:found]) + BRACKETED_PASTE_END)
                data = data[found + len(BRACKETED_PASTE_END) :]
                self._pasting, self._recent = False, ""
                continue
            window = self._recent + data  # nothing held back outside a paste: Escape stays instant
            found = window.find(BRACKETED_PASTE_START)
            if found < 0:
                out.append(data)
                self._recent = window[-(len(BRACKETED_PASTE_START) - 1) :]
                break
            ends = found + len(BRACKETED_PASTE_START) - len(self._recent)  # where the marker ends in data
            out.append(data[:ends])
            data = data[ends:]
            self._pasting = True
        return "".join(out)


def _partial_marker(text: str, marker: str) -> int:
    """How many characters at the end of `text` could begin `marker`."""
    for length in range(min(len(marker) - 1, len(text)), 0, -1):
        if marker.startswith(text[-length:]):
            return length
    return 0


def install() -> None:
    """Use the safe parser in the terminal driver (Linux and macOS)."""
    try:
        from textual.drivers import linux_driver
    except ImportError:  # Windows: its driver reads keys another way
        return
    linux_driver.XTermParser = PasteSafeParser  # type: ignore[attr-defined,misc]
