"""The settings every connection of the bot's engine gets: on PostgreSQL the JIT off (it
compiled the region's summary for longer than the summary ran), on SQLite foreign keys, the
busy timeout and WAL. The readers of a long report: read-only, committed rows, beside a unit
of work that writes, and stopped together when one fails."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from models import Organization
from models.database import READERS_AT_ONCE, SQLITE_BUSY_TIMEOUT_MS, Readers, readers
from tests.factories import make_organization


async def test_each_connection_gets_the_bots_settings(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            assert await connection.scalar(text("SHOW jit")) == "off"
        else:
            assert await connection.scalar(text("PRAGMA foreign_keys")) == 1
            assert await connection.scalar(text("PRAGMA busy_timeout")) == SQLITE_BUSY_TIMEOUT_MS
            assert await connection.scalar(text("PRAGMA journal_mode")) == "wal"


async def test_readers_see_what_is_committed_beside_a_writing_unit_of_work(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await make_organization(session_factory, "Школа № 1")
    async with session_factory() as session, session.begin():
        session.add(Organization(name="Школа № 2", timezone="Europe/Moscow", region="Тверская"))
        await session.flush()  # holds SQLite's write lock, its row not committed
        async with readers(session) as reading:

            async def names(reader: AsyncSession) -> list[str]:
                return list((await reader.scalars(select(Organization.name))).all())

            assert await reading.gather([names, names]) == [["Школа № 1"]] * 2

            async def write(reader: AsyncSession) -> None:
                await reader.execute(update(Organization).values(name="Чужая"))

            with pytest.raises(DBAPIError, match=r"read-?only"):
                await reading.gather([write])


async def test_when_a_reader_fails_the_others_are_stopped(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    stopped = asyncio.Event()

    async def fails(_reader: AsyncSession) -> None:
        raise RuntimeError("сбой")

    async def waits(_reader: AsyncSession) -> None:
        try:
            await asyncio.Event().wait()
        finally:
            stopped.set()

    async with session_factory() as session, readers(session) as reading, asyncio.timeout(10):
        with pytest.raises(RuntimeError):
            await reading.gather([waits, fails])
    assert stopped.is_set()


async def test_in_the_session_itself_readers_take_turns_and_see_its_own_rows(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    async with session_factory() as session, session.begin():
        session.add(Organization(name="Школа № 3", timezone="Europe/Moscow", region="Тверская"))
        await session.flush()
        reading = Readers.within(session)
        in_flight = InFlight()

        async def count(reader: AsyncSession) -> int | None:
            assert reader is session
            async with in_flight:
                return await reader.scalar(select(func.count()).select_from(Organization))

        assert await reading.gather([count, count, count]) == [1, 1, 1]
    assert in_flight.most == 1


class InFlight:
    """How many works are inside at once, and the most there were."""

    def __init__(self) -> None:
        self.now = self.most = 0

    async def __aenter__(self) -> None:
        self.now += 1
        self.most = max(self.most, self.now)
        await asyncio.sleep(0.01)  # the others start meanwhile, if they may

    async def __aexit__(self, *_: object) -> None:
        self.now -= 1


async def test_reports_at_once_read_with_two_connections_in_all(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    in_flight = InFlight()

    async def read(reader: AsyncSession) -> None:
        async with in_flight:
            await reader.execute(text("SELECT 1"))

    async def report() -> None:
        async with session_factory() as session, readers(session) as reading:
            await reading.gather([read] * 4)

    await asyncio.gather(report(), report(), report())
    assert in_flight.most == READERS_AT_ONCE
