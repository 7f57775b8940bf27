"""The phone page during one workout: the server started with it, told each change,
stopped with it (its port freed). Only imported here is the server's own module when a
page is asked for: a plain run never loads aiohttp."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from kneetimer.tui.widgets.phone_badge import PhoneBadge
from kneetimer.workout.view import SessionView

if TYPE_CHECKING:
    from kneetimer.remote.server import RemoteServer
    from kneetimer.tui.screens.workout import WorkoutScreen


class PhoneLink:
    """Ties a RemoteServer to a workout screen."""

    def __init__(self, screen: WorkoutScreen, host: str) -> None:
        self.screen = screen
        self.host = host
        self.badge = PhoneBadge()
        self.server: RemoteServer | None = None
        self._waiting: SessionView | None = None
        self._ended = False

    async def start(self) -> None:
        from kneetimer.remote.server import RemoteServer, qr_rows

        server = RemoteServer(self.screen.act, self.host, on_connect=self._connected)
        try:
            await server.start()
        except OSError as error:
            self.screen.notify(f"The phone page could not start: {error.strerror or error}", severity="error",
                               timeout=10, markup=False)
            return
        self.server = server
        address = server.address
        self.badge.show_address(address, qr_rows(address), self.host in ("0.0.0.0", "::", ""))
        if self._ended:
            self.publish(None)
        elif self._waiting is not None:
            self.publish(self._waiting)

    def publish(self, view: SessionView | None) -> None:
        """The workout as it is now (None: it has ended)."""
        from kneetimer.remote.state import DONE, phone_state  # loaded with the server, not before

        if view is None:
            self._ended = True
        if self.server is None:
            self._waiting = view
            return
        self.server.publish(DONE if view is None else phone_state(view))

    def _connected(self) -> None:
        self.badge.connected = True

    def stop_soon(self) -> None:
        """Stop serving (the workout screen is closing): the port is freed."""
        server, self.server = self.server, None
        if server is not None:
            asyncio.get_running_loop().create_task(server.stop())
