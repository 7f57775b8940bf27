"""Settings: sounds and their volume, voice, the default get-ready time, theme, the pain
question, and the weekly goal. Saved to config.toml (atomically) with ctrl+s; t plays
each sound once, to check the speakers."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Select, Static, Switch

from kneetimer.routines.durations import DurationError, format_seconds, parse_duration
from kneetimer.settings import config_path
from kneetimer.sound.vocabulary import Signal, SoundLevel
from kneetimer.tui.app import KneetimerApp
from kneetimer.tui.widgets.keybar import KeyBar

LEVEL_WORDS = {SoundLevel.ALL: "all", SoundLevel.ESSENTIAL: "essential (no halfway)", SoundLevel.OFF: "off"}
SIGNAL_WORDS = {
    Signal.GET_READY: "get ready", Signal.GO: "go (work starts)", Signal.TICK: "3-2-1 tick",
    Signal.TURN: "turn (a paced rep)",
    Signal.RELEASE: "release (a hold ends)", Signal.REST: "rest", Signal.SWITCH: "switch sides",
    Signal.HALFWAY: "halfway", Signal.MINIMUM: "minimum reached", Signal.DONE: "workout done",
}


class SettingsScreen(Screen[None]):
    app = getters.app(KneetimerApp)

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+t", "test_sounds", "Test sounds", priority=True),
        Binding("escape", "close", "Back"),
    ]

    def compose(self) -> ComposeResult:
        settings = self.app.settings
        with VerticalScroll(id="settings"):
            yield Static(Text("Settings", style="bold"), id="settings-title")
            yield from _row("Sounds", Select([(LEVEL_WORDS[level], level) for level in SoundLevel],
                                             value=settings.sound, allow_blank=False, id="sound"))
            yield from _row("Volume (0-100)", Input(str(settings.volume), id="volume", type="integer"))
            yield from _row("Spoken cues", Switch(settings.voice, id="voice"))
            yield from _row("Ask how the knee feels", Switch(settings.pain_prompt, id="pain_prompt"))
            yield from _row("Show the figure of each move", Switch(settings.figure, id="figure"))
            lead_in = "" if settings.lead_in is None else format_seconds(settings.lead_in)
            yield from _row("Get-ready time, every routine", Input(lead_in, placeholder="as each routine says",
                                                                    id="lead_in"))
            yield from _row("Weekly goal (days)", Input(str(settings.sessions_per_week), id="sessions_per_week",
                                                        type="integer"))
            yield from _row("Phone page during workouts", Switch(settings.remote, id="remote"))
            themes = sorted(self.app.available_themes)
            yield from _row("Theme", Select([(name, name) for name in themes], value=self.app.theme,
                                            allow_blank=False, id="theme"))
            yield Static(id="settings-problem")
            yield Static(Text(f"Saved in {config_path()}", style="dim"), id="settings-path")
        yield KeyBar()

    def action_save(self) -> None:
        problem = self.query_one("#settings-problem", Static)
        try:
            updated = self._read()
        except ValueError as error:
            problem.update(Text(str(error), style="bold red"))
            return
        volume_changed = updated.volume != self.app.settings.volume
        self.app.settings = updated
        self.app.set_voice(updated.voice)
        if volume_changed:
            self.app.start_sound()
        if updated.theme != self.app.theme:
            self.app.theme = updated.theme
        if self.app.store_settings():
            self.app.notify("Settings saved.", markup=False)
            self.dismiss()

    def _read(self):
        lead_text = self.query_one("#lead_in", Input).value.strip()
        try:
            lead_in = parse_duration(lead_text) if lead_text else None
        except DurationError as error:
            raise ValueError(f"Get-ready time: {error}") from None
        goal_text = self.query_one("#sessions_per_week", Input).value.strip() or "0"
        goal = int(goal_text) if goal_text.lstrip("-").isdigit() else -1
        if not 0 <= goal <= 14:
            raise ValueError("Weekly goal: a whole number from 0 (no goal) to 14")
        volume_text = self.query_one("#volume", Input).value.strip() or "0"
        volume = int(volume_text) if volume_text.lstrip("-").isdigit() else -1
        if not 0 <= volume <= 100:
            raise ValueError("Volume: a whole number from 0 to 100")
        return replace(
            self.app.settings,
            sound=SoundLevel(self.query_one("#sound", Select).value),
            volume=volume,
            voice=self.query_one("#voice", Switch).value,
            pain_prompt=self.query_one("#pain_prompt", Switch).value,
            figure=self.query_one("#figure", Switch).value,
            remote=self.query_one("#remote", Switch).value,
            lead_in=lead_in,
            sessions_per_week=goal,
            theme=str(self.query_one("#theme", Select).value),
        )

    def action_close(self) -> None:
        self.dismiss()

    def action_test_sounds(self) -> None:
        """Each sound once, named as it plays, a second apart."""
        problem = self.query_one("#settings-problem", Static)
        if self.app.player is None or self.app.player.broken:
            why = self.app.player.broken if self.app.player else "no sound player found (pw-play, paplay, aplay)"
            problem.update(Text(f"Sounds: {why}; the terminal bell is used instead.", style="bold"))
            self.app.bell()
            return
        for n, signal in enumerate(Signal):
            self.set_timer(n * 1.2 + 0.05, lambda signal=signal: self._test(signal))

    def _test(self, signal: Signal) -> None:
        if self.app.player is not None:
            self.app.player.play(signal)
        self.notify(f"♪ {SIGNAL_WORDS[signal]}", timeout=1.1, markup=False)  # on screen at any size


def _row(label: str, widget):
    with Horizontal(classes="setting"):
        yield Static(Text(label), classes="setting-label")
        yield widget
