"""The outcome measures, in the app: pain over the last week, and the activities the knee
makes hard (the PSFS), each 0-10. The activities are named once and scored each time."""

from __future__ import annotations

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from kneetimer.care.outcomes import MAX_ACTIVITIES, Checkin, changes
from kneetimer.tui.app import KneetimerApp
from kneetimer.tui.widgets.keybar import KeyBar


class CheckinScreen(ModalScreen[bool]):
    """A short form: Enter saves what is filled in, Esc leaves without saving."""

    app = getters.app(KneetimerApp)

    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "leave", "Not now"),
    ]

    def compose(self) -> ComposeResult:
        store = self.app.history()
        previous = store.checkins() if store is not None else []
        named = [name for name, _ in previous[-1].activities] if previous else []
        with VerticalScroll(classes="dialog"):
            yield Static(Text("Check-in: how the knee has been", style="bold"), classes="dialog-title")
            yield Static(Text("Each 0-10. Pain: 0 none, 10 worst. Activities: 0 unable, 10 as before the problem. "
                              "Leave a box empty to skip it; Enter saves."))
            yield from _row("Usual knee pain, last week", Input(id="usual", placeholder="0-10", max_length=2))
            yield from _row("Worst knee pain, last week", Input(id="worst", placeholder="0-10", max_length=2))
            for number in range(MAX_ACTIVITIES):
                name = named[number] if number < len(named) else ""
                yield Input(name, id=f"activity-{number}", max_length=60,
                            placeholder=f"activity {number + 1} the knee makes hard (e.g. stairs)")
                yield Input(id=f"score-{number}", placeholder="0-10", max_length=2)
            yield Static(id="checkin-problem")
        yield KeyBar(palette_hint=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        try:
            usual, worst = self._score("usual"), self._score("worst")
            activities = []
            for number in range(MAX_ACTIVITIES):
                name = self.query_one(f"#activity-{number}", Input).value.strip()
                score = self._score(f"score-{number}")
                if name and score is not None:
                    activities.append((name, score))
        except ValueError as error:
            self.query_one("#checkin-problem", Static).update(Text(str(error), style="bold red"))
            return
        store = self.app.history()
        if store is None:
            self.dismiss(False)
            return
        checkin = Checkin(self.app.today(), usual, worst, tuple(activities))
        previous = store.checkins()
        store.add_checkin(checkin, self.app.wall_clock())
        found = changes([*previous, checkin])
        self.notify("Saved." + "".join(f"\n{change.words()}" for change in found), timeout=12, markup=False)
        self.dismiss(True)

    def action_leave(self) -> None:
        self.dismiss(False)

    def _score(self, widget_id: str) -> int | None:
        text = self.query_one(f"#{widget_id}", Input).value.strip()
        if not text:
            return None
        if not text.isdigit() or int(text) > 10:
            raise ValueError(f"{text!r} is not a whole number from 0 to 10")
        return int(text)


def _row(label: str, field: Input) -> ComposeResult:
    with Horizontal(classes="checkin-row"):
        yield Label(label)
        yield field
