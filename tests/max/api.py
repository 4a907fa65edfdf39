"""The bot's side of the fake MAX API in the tests: calls as MAX's official clients make
them (the token in the header, the body as JSON)."""

from __future__ import annotations

from typing import Any

from aiohttp import ClientSession

from fakes.max.server import FakeMaxServer

TOKEN = "max-test-token"


class Api:
    """Calls to the fake as the bot will make them; answers as (status, JSON)."""

    def __init__(self, server: FakeMaxServer, http: ClientSession) -> None:
        self.server, self.http = server, http

    async def call(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        token: str | None = TOKEN,
        **query: Any,
    ) -> tuple[int, Any]:
        headers = {"Authorization": token} if token is not None else {}
        async with self.http.request(
            method,
            self.server.url + path,
            params={key: str(value) for key, value in query.items()},
            json=body,
            headers=headers,
        ) as response:
            return response.status, await response.json()
