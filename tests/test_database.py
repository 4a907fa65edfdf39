"""The settings every connection of the bot's engine gets: on PostgreSQL the JIT off (it
compiled the region's summary for longer than the summary ran), on SQLite foreign keys, the
busy timeout and WAL."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from models.database import SQLITE_BUSY_TIMEOUT_MS


async def test_each_connection_gets_the_bots_settings(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            assert await connection.scalar(text("SHOW jit")) == "off"
        else:
            assert await connection.scalar(text("PRAGMA foreign_keys")) == 1
            assert await connection.scalar(text("PRAGMA busy_timeout")) == SQLITE_BUSY_TIMEOUT_MS
            assert await connection.scalar(text("PRAGMA journal_mode")) == "wal"
