"""A fake MAX API per test, and a client of it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp import ClientSession

from fakes.max.server import FakeMaxServer
from tests.max.api import TOKEN, Api


@pytest.fixture
async def max_api() -> AsyncIterator[Api]:
    server = FakeMaxServer(TOKEN)
    await server.start()
    async with ClientSession() as http:
        yield Api(server, http)
    await server.stop()
