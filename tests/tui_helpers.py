"""Driving the app in tests: a fake clock shared by the engine and the wall clock."""

from __future__ import annotations

from datetime import timedelta

from kneetimer.tui.app import KneetimerApp
from tests.conftest import bundled  # noqa: F401 (tests import it from here)
from tests.engine_helpers import WALL_START, FakeClock, routine_from


class FakeSpeaker:
    def __init__(self):
        self.said: list[str] = []
        self.utterances = []

    def say(self, utterance) -> None:
        self.utterances.append(utterance)
        self.said.append(utterance.text)

    def stop(self) -> None:
        pass


class FakePlayer:
    """Records which sound was asked for, and when (seconds on the fake clock)."""

    def __init__(self, clock=None, broken: str | None = None):
        self.clock = clock
        self.broken = broken
        self.played: list[tuple[float, object]] = []

    def play(self, signal) -> None:
        self.played.append((self.clock.now - self.start if self.clock else 0.0, signal))

    def stop(self) -> None:
        pass


def make_app(routine=None, data_dir=None, clock=None, **options) -> KneetimerApp:
    clock = clock or FakeClock()
    start = clock.now
    options.setdefault("ask_pain_first", False)  # `run`'s question before: tests that want it say so
    options.setdefault("ask_morning", False)  # the next-morning check: the tests of it say so
    options.setdefault("question_settle", 0.0)  # a pain key at once is taken: the test that checks the wait says so
    if "player" not in options:  # tests never make a sound
        options["player"] = FakePlayer(clock)
        options["player"].start = start
    app = KneetimerApp(
        routine,
        clock=clock,
        wall_clock=lambda: (WALL_START + timedelta(seconds=clock.now - start)).astimezone(),
        data_dir=data_dir,
        **options,
    )
    app.fake_clock = clock
    return app


async def advance(pilot, seconds: float) -> None:
    """Move the fake clock and wake the workout screen, as its timer would."""
    pilot.app.fake_clock.advance(seconds)
    pilot.app.screen.wake()
    await pilot.pause()


async def advance_stepwise(pilot, seconds: float, step: float = 1.0) -> None:
    """Move the clock in steps no bigger than the screen's own wake-ups."""
    remaining = seconds
    while remaining > 1e-9:
        chunk = min(step, remaining)
        pilot.app.fake_clock.advance(chunk)
        if not hasattr(pilot.app.screen, "wake"):  # the workout is over
            break
        pilot.app.screen.wake()
        remaining -= chunk
    await pilot.pause()


async def fast_forward(pilot, seconds: float, step: float = 1.0) -> None:
    """Get somewhere quickly: the engine follows the clock in steps (as it would), the
    screen draws once at the end. Sounds and words are reacted to only then."""
    screen = pilot.app.screen
    remaining = seconds
    while remaining > 1e-9:
        chunk = min(step, remaining)
        pilot.app.fake_clock.advance(chunk)
        screen.session.update()
        remaining -= chunk
    screen.wake()
    await pilot.pause()


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector).content)


def title(app) -> str:
    """The exercise and side on the workout screen."""
    return app.screen.grid.title_text.text


def word(app) -> str:
    """The phase word (HOLD, GET READY, PAUSED ...)."""
    return app.screen.grid.banner.text


def hint(app) -> str:
    return app.screen.grid.banner.hint


def big(app) -> str:
    """What the big countdown shows."""
    return app.screen.grid.countdown.text


SHORT = routine_from(
    """
    name = "Short"
    lead_in = 3
    rest_between = 4
    [[exercise]]
    name = "Clams"
    sides = "each"
    reps = 2
    hold = 2
    cues = ["Heels together"]
    [[exercise]]
    name = "Stretch"
    hold = ["5s", "10s"]
    """
)
