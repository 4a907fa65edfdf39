"""SQLite on the event loop: aiosqlite's connection with its worker thread taken out.

aiosqlite runs every call into the sqlite3 module in a thread of its own and hands the result
back through the loop: three or four thread round trips per statement, which cost the bot more
CPU than its small indexed statements themselves (and made polling fetch one update per call).
The bot runs one process per SQLite database with one connection (`models.database`), so a
statement never waits for another statement of its own process: it runs here, in the loop's
thread, and the loop waits the microseconds it takes.

The price: while another process holds the write lock (an operator's `sqlite3` shell writing,
a second bot started on the same file by mistake), the loop waits in SQLite's busy handler
instead of serving other updates. Readers never block it (WAL), nor does `python -m bot backup`.
Several processes on one database is what PostgreSQL is for; a bot given Redis (so possibly
one of several instances) keeps aiosqlite's thread (`create_engine(sqlite_on_loop=False)`).
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Generator
from functools import partial
from typing import Any

import aiosqlite

ITER_CHUNK_SIZE = 64  # aiosqlite's default


class _RunAtOnce:
    """Stands for the worker thread's queue, which SQLAlchemy's adapter and aiosqlite's own
    `connect()` and `stop()` use directly: a call put in runs at once, its future resolved."""

    def put_nowait(self, item: tuple[asyncio.Future[Any] | None, Callable[[], Any]]) -> None:
        future, function = item
        try:
            result = function()
        except Exception as error:
            if future is None:
                raise
            future.set_exception(error)
        else:
            if future is not None:
                future.set_result(result)


class InlineConnection(aiosqlite.Connection):
    """aiosqlite's connection, every call run in the caller's thread."""

    def __init__(self, connector: Callable[[], sqlite3.Connection]) -> None:
        super().__init__(connector, ITER_CHUNK_SIZE)
        self._tx = _RunAtOnce()  # type: ignore[assignment]

    async def _execute(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if not self._running or not self._connection:
            raise ValueError("Connection closed")
        return fn(*args, **kwargs)

    def __await__(self) -> Generator[Any, None, aiosqlite.Connection]:
        return self._connect().__await__()  # the worker thread is never started


async def connect(database: str) -> InlineConnection:
    """An open connection to `database`, for `create_async_engine(async_creator=...)`."""
    # the engine may close it from the garbage collector's thread, as SQLAlchemy allows
    connection = InlineConnection(partial(sqlite3.connect, database, check_same_thread=False))
    await connection
    return connection
