"""The phone page's address, as text and as a QR code, over the workout until a phone
connects; then a small mark that one is."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

OPEN_WARNING = "Anyone on this network with this code can control the timer."


class PhoneBadge(Static):
    DEFAULT_CSS = """
    PhoneBadge {
        layer: overlay;
        dock: right;
        width: auto;
        max-width: 60%;
        height: auto;
        background: #ffffff;
        color: #000000;
        padding: 0 1;
    }
    PhoneBadge.-connected { background: #000000; color: #E69F00; dock: top; width: auto; }
    """

    connected: reactive[bool] = reactive(False)

    def __init__(self) -> None:
        super().__init__(id="phone-badge")
        self.address = ""
        self.code: list[str] = []
        self.open_to_all = False

    def show_address(self, address: str, code: list[str], open_to_all: bool) -> None:
        self.address, self.code, self.open_to_all = address, code, open_to_all
        self._draw()

    def watch_connected(self) -> None:
        self.set_class(self.connected, "-connected")
        self._draw()

    def _draw(self) -> None:
        if self.connected:
            self.update(Text("phone connected", style="bold"))
            return
        text = Text("Phone: scan, or open\n", style="bold")
        text.append(self.address + "\n")
        room = self.screen.size.height - 6 if self.is_attached else 0
        if self.code and len(self.code) <= room:
            text.append("\n".join(self.code) + "\n")
        if self.open_to_all:
            text.append(OPEN_WARNING, style="italic")
        self.update(text)
