"""The phone page (issue 28.2-28.4): a real HTTP client on 127.0.0.1 against the server
running on the app's loop, during a workout driven by a fake clock: the token refused,
events as the phases change, each action as its key, the port freed at the end; and the
page in Debian's chromium, driven by a test (skipped, saying why, where there is none)."""

from __future__ import annotations

import asyncio
import json
import shutil
import socket
import sys
import threading

import aiohttp
import pytest

from kneetimer.workout.engine import State
from kneetimer.workout.plan import Kind
from tests.engine_helpers import routine_from
from tests.tui_helpers import advance, make_app

ROUTINE = routine_from(
    """
    name = "Phone"
    lead_in = 5
    rest_between = 0
    [[exercise]]
    name = "Steps"
    reps = 3
    paced = false
    [[exercise]]
    name = "Hold"
    hold = 20
    """
)


def phone_app(tmp_path):
    return make_app(ROUTINE, tmp_path / "data", remote_host="127.0.0.1")


async def server_of(app, pilot):
    for _ in range(200):
        phone = app.screen.phone
        if phone is not None and phone.server is not None:
            return phone.server
        await pilot.pause(0.01)
    raise AssertionError("the phone page never started")


async def next_event(stream) -> dict:
    while True:
        line = (await asyncio.wait_for(stream.content.readline(), 5)).decode()
        if line.startswith("data: "):
            return json.loads(line[6:])


async def test_the_token_is_needed_for_everything(tmp_path):
    app = phone_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        server = await server_of(app, pilot)
        base = f"http://127.0.0.1:{server.port}"
        assert len(server.token) >= 22, "128 bits, URL-safe"
        async with aiohttp.ClientSession() as client:
            for path in ("/", "/history", f"/{server.token[:-1]}x/", f"/{server.token[:-1]}x/events", "/favicon.ico"):
                async with client.get(base + path) as answer:
                    assert answer.status == 404 and "kneetimer" not in await answer.text()
            async with client.post(f"{base}/wrong/action/skip") as answer:
                assert answer.status == 404
            assert app.screen.session.index == 0, "a wrong token changed nothing"
            async with client.get(f"{base}/{server.token}/") as answer:
                page = await answer.text()
                assert answer.status == 200 and "<script" in page
                assert not any(marker in page for marker in ("src=", "href=", "@import")), "self-contained"


async def test_events_follow_the_phases_and_actions_do_what_keys_do(tmp_path):
    app = phone_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        server = await server_of(app, pilot)
        session = app.screen.session
        base = f"http://127.0.0.1:{server.port}/{server.token}/"
        async with aiohttp.ClientSession() as client, client.get(base + "events") as stream:
            first = await next_event(stream)
            assert first["phase"] == "get_ready" and first["remaining_s"] == pytest.approx(5, abs=0.01)
            assert app.screen.phone.badge.connected, "the screen says a phone is connected"
            async with client.post(base + "action/enter") as answer:
                assert answer.status == 409, "Enter means nothing in a get-ready's first second"
            async with client.post(base + "action/resume") as answer:
                assert answer.status == 409
            async with client.post(base + "action/pause") as answer:
                assert answer.status == 204 and session.state is State.PAUSED
            assert (await next_event(stream))["phase"] == "paused"
            async with client.post(base + "action/resume") as answer:
                assert answer.status == 204 and session.state is State.RUNNING
            await next_event(stream)
            await advance(pilot, 1.5)
            async with client.post(base + "action/enter") as answer:  # start now
                assert answer.status == 204 and session.phase.kind is Kind.REP
            event = await next_event(stream)
            while event["phase"] != "hold" or event["rep"] != "1/3":
                event = await next_event(stream)
            assert event["enter"] == "Count rep" and event["exercise"] == "Steps"
            async with client.post(base + "action/skip") as answer:
                assert answer.status == 204 and session.phase.exercise.name == "Hold"
            async with client.post(base + "action/back") as answer:
                assert answer.status == 204 and session.phase.exercise.name == "Steps"
            async with client.post(base + "action/dance") as answer:
                assert answer.status == 404


async def test_a_closed_tab_is_let_go_and_a_new_one_picks_up(tmp_path):
    """A phone that closes its tab is dropped at the next change (its write fails), the
    workout goes on, and a tab opened again gets the state now and can act."""
    app = phone_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        server = await server_of(app, pilot)
        session = app.screen.session
        base = f"http://127.0.0.1:{server.port}/{server.token}/"
        async with aiohttp.ClientSession() as client:
            async with client.get(base + "events") as stream:
                assert (await next_event(stream))["phase"] == "get_ready"
            # the tab is closed; a change is published to a stream no one reads
            await pilot.press("space")
            for _ in range(100):
                if not server._listeners:
                    break
                await pilot.pause(0.02)
            assert not server._listeners, "the closed tab's stream is let go"
            assert session.state is State.PAUSED, "the workout carries on as the keys say"
            async with client.get(base + "events") as stream:
                assert (await next_event(stream))["phase"] == "paused", "a new tab starts from now"
                async with client.post(base + "action/resume") as answer:
                    assert answer.status == 204 and session.state is State.RUNNING
            assert server.connected == 2


async def test_the_port_is_freed_when_the_workout_ends(tmp_path):
    app = phone_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        server = await server_of(app, pilot)
        port = server.port
        await pilot.press("q", "y")  # ended: the summary
        await pilot.pause()
        for _ in range(100):
            await pilot.pause(0.02)
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) != 0:
                    break
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", port)) != 0, "nothing listens any more"


async def test_a_plain_run_shows_no_badge_and_serves_nothing(tmp_path):
    app = make_app(ROUTINE, tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.phone is None and not app.screen.query("PhoneBadge")


def test_a_plain_run_never_imports_the_http_server():
    import subprocess

    code = ("import sys\nimport kneetimer.tui.app, kneetimer.tui.screens.workout, kneetimer.tui.launch\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('aiohttp', 'segno')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True).stdout
    assert out.strip() == "[]"


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.mark.skipif(CHROMIUM is None or CHROMEDRIVER is None,
                    reason="needs Debian's chromium and chromium-driver (.ci/run installs them)")
async def test_the_page_in_a_real_browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    app = phone_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        server = await server_of(app, pilot)
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=400,800",
                     f"--user-data-dir={tmp_path / 'profile'}"):
            options.add_argument(flag)
        outcome: dict[str, object] = {}

        def browse() -> None:  # the browser on a thread of its own: the app's loop keeps serving
            driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
            try:
                driver.set_page_load_timeout(30)
                driver.get(server.address.replace(server.address.split("/")[2], f"127.0.0.1:{server.port}"))
                driver.find_element(By.ID, "start").click()
                for _ in range(100):
                    if driver.find_element(By.ID, "word").text == "GET READY":
                        break
                    threading.Event().wait(0.05)
                outcome["word"] = driver.find_element(By.ID, "word").text
                for _ in range(100):  # the colour eases in over 0.2 s
                    outcome["colour"] = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
                    if outcome["colour"] == "rgb(240, 228, 66)":
                        break
                    threading.Event().wait(0.05)
                driver.find_element(By.ID, "pause").click()
                for _ in range(100):
                    if driver.find_element(By.ID, "pause").text == "Resume":
                        break
                    threading.Event().wait(0.05)
                outcome["button"] = driver.find_element(By.ID, "pause").text
            finally:
                driver.quit()

        thread = threading.Thread(target=browse)
        thread.start()
        while thread.is_alive():
            await pilot.pause(0.05)
        assert outcome["word"] == "GET READY"
        assert outcome["colour"] == "rgb(240, 228, 66)", "the get-ready yellow fills the page"
        assert outcome["button"] == "Resume" and app.screen.session.state is State.PAUSED


def test_the_qr_code_decodes_to_the_address():
    """Each half block read back as two modules gives segno's own matrix: dark on light."""
    import segno

    from kneetimer.remote.server import qr_rows

    address = "http://192.168.1.20:8765/abcdefghijklmnopqrstuv/"
    rows = qr_rows(address)
    modules = []
    for row in rows:
        modules.append([char in "█▀" for char in row])
        modules.append([char in "█▄" for char in row])
    expected = [[bool(cell) for cell in line] for line in segno.make(address, error="m").matrix_iter(border=2)]
    assert modules[: len(expected)] == expected
