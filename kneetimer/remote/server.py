"""The phone page's server: aiohttp on the app's own event loop, for this workout only.

Everything lives under `/<token>/` (a random token of 128 bits); any other path, a wrong
token included, gets the same plain 404 and learns nothing. Served: the page (one
self-contained file), `events` (Server-Sent Events: a JSON state at each change) and
`POST action/<name>` (204 when done, 409 when it means nothing now). The workout never
waits on the network: a change is queued for each listener, dropped for one that lags.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import socket
from collections.abc import Callable
from importlib import resources

from aiohttp import web

from kneetimer.remote.state import ACTIONS, PhoneState

TOKEN_BYTES = 16  # 128 bits
QUEUE_LENGTH = 8  # states queued for one phone before the oldest are dropped
KEEP_ALIVE_S = 15.0  # a comment line now and then: proxies and phones keep the stream open


class RemoteServer:
    """Serves one workout's page; `publish` a state at each change; `act(name)` is how a
    button reaches the workout (True when it did something)."""

    def __init__(self, act: Callable[[str], bool], host: str = "0.0.0.0", port: int = 0,
                 on_connect: Callable[[], None] | None = None) -> None:
        self.token = secrets.token_urlsafe(TOKEN_BYTES)
        self.host = host
        self.port = port
        self._act = act
        self._on_connect = on_connect
        self._state: PhoneState | None = None
        self._listeners: set[asyncio.Queue[PhoneState | None]] = set()
        self._runner: web.AppRunner | None = None
        self.connected = 0  # phones that have opened the event stream

    @property
    def address(self) -> str:
        """The page's address as a phone on this network reaches it."""
        host = self.host if self.host not in ("0.0.0.0", "::", "") else local_address()
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}/{self.token}/"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/{token}/", self._page)
        app.router.add_get("/{token}/events", self._events)
        app.router.add_post("/{token}/action/{name}", self._action)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port, reuse_address=True)
        await site.start()
        addresses = self._runner.addresses  # the port chosen, for port 0
        self.port = int(addresses[0][1]) if addresses else self.port

    async def stop(self) -> None:
        """Close every stream and free the port."""
        for queue in list(self._listeners):
            queue.put_nowait(None)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def publish(self, state: PhoneState) -> None:
        """A new state for every phone listening; never waits."""
        if state == self._state:
            return
        self._state = state
        for queue in self._listeners:
            if queue.full():
                queue.get_nowait()  # a lagging phone loses the oldest, not the newest
            queue.put_nowait(state)

    # -- handlers -------------------------------------------------------------------------

    def _allowed(self, request: web.Request) -> bool:
        return secrets.compare_digest(request.match_info.get("token", ""), self.token)

    async def _page(self, request: web.Request) -> web.StreamResponse:
        if not self._allowed(request):
            raise web.HTTPNotFound()
        page = resources.files("kneetimer.remote").joinpath("page.html").read_text(encoding="utf-8")
        return web.Response(text=page, content_type="text/html", headers=_NO_STORE)

    async def _events(self, request: web.Request) -> web.StreamResponse:
        if not self._allowed(request):
            raise web.HTTPNotFound()
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream", "Cache-Control": "no-store",
                                               "X-Accel-Buffering": "no"})
        await response.prepare(request)
        queue: asyncio.Queue[PhoneState | None] = asyncio.Queue(QUEUE_LENGTH)
        if self._state is not None:
            queue.put_nowait(self._state)
        self._listeners.add(queue)
        self.connected += 1
        if self._on_connect is not None:
            self._on_connect()
        try:
            while True:
                try:
                    state = await asyncio.wait_for(queue.get(), KEEP_ALIVE_S)
                except asyncio.TimeoutError:
                    await response.write(b": still here\n\n")
                    continue
                if state is None:
                    break
                await response.write(f"data: {json.dumps(state.json())}\n\n".encode())
        except ConnectionResetError:  # the tab was closed: let it go (a cancellation propagates)
            pass
        finally:
            self._listeners.discard(queue)
        return response

    async def _action(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info.get("name", "")
        if not self._allowed(request) or name not in ACTIONS:
            raise web.HTTPNotFound()
        return web.Response(status=204 if self._act(name) else 409, headers=_NO_STORE)


_NO_STORE = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}


def local_address() -> str:
    """This machine's address on its network (a UDP socket "connected" sends nothing)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))
        return str(probe.getsockname()[0])
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


def qr_rows(text: str) -> list[str]:
    """`text` as a QR code in half blocks (two modules a row), with its quiet zone."""
    import segno

    matrix = [list(row) for row in segno.make(text, error="m").matrix_iter(scale=1, border=2)]
    rows = []
    for top in range(0, len(matrix), 2):
        upper = matrix[top]
        lower = matrix[top + 1] if top + 1 < len(matrix) else [0] * len(upper)
        rows.append("".join(_cell(a, b) for a, b in zip(upper, lower, strict=True)))
    return rows


def _cell(upper: int, lower: int) -> str:
    """Dark modules in the text colour, light ones left as the background: drawn black on
    the badge's white, as a camera expects a QR code."""
    return {(1, 1): "█", (1, 0): "▀", (0, 1): "▄", (0, 0): " "}[(int(bool(upper)), int(bool(lower)))]
