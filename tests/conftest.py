"""Shared fixtures: a fresh database per test (SQLite file, or the PostgreSQL of
`TEST_DATABASE_URL` reset to an empty schema), the strict fake Bot API, and the real bot
running the real Dispatcher over long polling against it."""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from aiogram import Bot, Dispatcher
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.app import create_dispatcher
from bot.delivery import Courier
from bot.polling import DurablePolling
from bot.settings import Settings, load_settings
from bot.telegram import create_bot
from fakes.telegram import FakeTelegramServer
from models import Base
from models.database import create_engine, create_session_factory, upgrade_database
from scheduler.sender import Sender

ADMIN_ID = 900_001
BOT_USERNAME = "nastavnik_test_bot"
TOKEN = "123456789:AAHfakeTOKENforTESTSonly_abcdefghijk"


async def _migrate_fresh(url: str) -> None:
    engine = create_engine(url)
    if engine.dialect.name == "postgresql":
        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
    await upgrade_database(engine)
    await engine.dispose()


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Run the migrations once per test run: into a template SQLite file, or into the
    PostgreSQL of TEST_DATABASE_URL (whose tables each test then empties)."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('template') / 'template.db'}"
    asyncio.run(_migrate_fresh(url))
    return url


@pytest.fixture
async def database_url(migrated_database: str, tmp_path: Path) -> str:
    """A database with the newest schema and no rows, for one test."""
    if migrated_database.startswith("sqlite"):
        template = Path(migrated_database.removeprefix("sqlite+aiosqlite:///"))
        copy = tmp_path / "test.db"
        shutil.copyfile(template, copy)
        return f"sqlite+aiosqlite:///{copy}"
    engine = create_engine(migrated_database)
    tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
    async with engine.begin() as connection:
        await connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    await engine.dispose()
    return migrated_database


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(database_url)
    await upgrade_database(engine)  # already at head: proves start-up migration is idempotent
    yield engine
    await engine.dispose()


@pytest.fixture
def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return create_session_factory(engine)


@pytest.fixture
async def telegram() -> AsyncIterator[FakeTelegramServer]:
    server = FakeTelegramServer(token=TOKEN, bot_username=BOT_USERNAME)
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
def settings(telegram: FakeTelegramServer, database_url: str) -> Settings:
    return load_settings(
        BOT_TOKEN=TOKEN,
        TELEGRAM_API_URL=telegram.url,
        DATABASE_URL=database_url,
        ADMIN_IDS=str(ADMIN_ID),
        TIMEZONE="Europe/Moscow",
    )


@dataclass
class RunningBot:
    bot: Bot
    dispatcher: Dispatcher
    telegram: FakeTelegramServer


@pytest.fixture
async def running_bot(
    settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    telegram: FakeTelegramServer,
) -> AsyncIterator[RunningBot]:
    """The real bot, long polling the fake Bot API until the test ends."""
    bot = create_bot(settings)
    # notices to other people are sent at once, as by the app (the scheduler is not running)
    courier = Courier(Sender(session_factory, bot))
    dispatcher = create_dispatcher(settings, session_factory, courier=courier)
    stop = asyncio.Event()
    polling = asyncio.create_task(
        DurablePolling(
            dispatcher, bot, session_factory, dispatcher.resolve_used_update_types()
        ).run(stop)
    )
    async with asyncio.timeout(10):
        while not any(method == "getUpdates" for method, _ in telegram.calls):
            if polling.done():
                polling.result()
            await asyncio.sleep(0.02)
    yield RunningBot(bot=bot, dispatcher=dispatcher, telegram=telegram)
    stop.set()
    await polling
    await dispatcher["in_flight"].finish(10)
    await courier.finish(10)
    await bot.session.close()
