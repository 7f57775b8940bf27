"""Phases shorter than a frame: the engine must always make progress (issue 17.1).

Textual 8.2.8 never fires a timer asked for with a delay of 0 (its task divides by the
interval), so a wake-up that is already due must still be scheduled a little ahead."""

from __future__ import annotations

import asyncio

from kneetimer.tui.screens.summary import SummaryScreen
from tests.engine_helpers import routine_from
from tests.tui_helpers import make_app

TINY = routine_from('name = "Tiny"\nlead_in = 0\nrest_between = 0\n'
                    + '[[exercise]]\nname = "Blink"\nhold = 0.002\n' * 100)


class TickingClock:
    """Time moves on 3 ms at every reading, as a busy machine's would between two looks."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        self.now += 0.003
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


async def test_a_hundred_holds_shorter_than_a_frame_reach_the_summary(tmp_path):
    app = make_app(TINY, tmp_path / "data", clock=TickingClock())
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(300):  # up to 3 s of real time; it needs a few hundredths
            if isinstance(app.screen, SummaryScreen):
                break
            await asyncio.sleep(0.01)
        assert isinstance(app.screen, SummaryScreen), f"frozen on {app.screen}"
        await pilot.pause()


async def test_a_wake_up_already_due_is_never_asked_for_with_no_delay(tmp_path):
    app = make_app(TINY, tmp_path / "data", clock=TickingClock())
    delays = []
    async with app.run_test(size=(80, 24)):
        screen = app.screen
        original = screen.set_timer

        def recording(delay, *args, **kwargs):
            delays.append(delay)
            return original(delay, *args, **kwargs)

        screen.set_timer = recording
        screen.wake()
        screen.wake()
    assert delays and min(delays) > 0
