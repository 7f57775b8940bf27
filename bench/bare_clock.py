"""The baseline: a bare Textual app showing a 1 Hz clock in Digits, and nothing else."""

import time

from textual.app import App
from textual.widgets import Digits, Static


class BareClock(App):
    def compose(self):
        yield Static("READY")
        yield Digits(time.strftime("%H:%M:%S"))

    def on_mount(self) -> None:
        self.set_interval(1, lambda: self.query_one(Digits).update(time.strftime("%H:%M:%S")))


if __name__ == "__main__":
    BareClock().run()
