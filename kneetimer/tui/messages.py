"""Messages that carry events across threads and widgets (dataclasses, as in toolong).

Textual's post_message is safe to call from any thread, so a background thread tells the
app what happened by posting one of these, and never waits for the event loop."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class SavingChanged(Message):
    """History writes started failing (`problem` says why), or recovered (None)."""

    problem: str | None
