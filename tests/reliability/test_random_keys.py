"""Fast random keys all over the app (issue 22.17): no crash, no coroutine left
unawaited, and what was done is saved, with no false "could not be saved"."""

from __future__ import annotations

import random
import warnings

import pytest

from kneetimer.history.store import HistoryStore
from tests.tui_helpers import advance, make_app

KEYS = ["space", "enter", "n", "p", "q", "y", "escape", "r", "a", "h", "s", "d", "g", "0", "3", "7", "t",
        "up", "down", "left", "right", "question_mark", "ctrl+p", "pageup", "pagedown", "b", "full_stop",
        "tab", "plus", "minus", "x"]


@pytest.mark.parametrize("seed", [1])
async def test_random_keys_all_over_the_app(tmp_path, seed):
    chooser = random.Random(seed)
    app = make_app(None, tmp_path / "data")
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)  # "coroutine ... was never awaited"
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for step in range(300):
                if not app.is_running:
                    break
                if step % 7 == 0:
                    app.fake_clock.advance(chooser.uniform(0, 4))
                    screen = app.screen
                    if hasattr(screen, "wake") and getattr(screen, "session", None) is not None \
                            and not screen.session.finished:
                        await advance(pilot, 0)
                await pilot.press(chooser.choice(KEYS))
            await pilot.pause()
    assert app.unsaved_on_exit is None, app.unsaved_on_exit
    store = HistoryStore.open(tmp_path / "data")
    for session in store.sessions():
        assert session.status in ("completed", "interrupted", "skipped")
    store.close()
