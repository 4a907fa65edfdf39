"""The load benchmark's floor: the least a bot that keeps its people in a database does per
update — a minimal aiogram bot (long polling, no middlewares) that selects the sender by
Telegram id and inserts one row, through the bot's own engine (`models.database.create_engine`:
the same driver, pool and connection settings), then answers once. Configured like the bot
(BOT_TOKEN, TELEGRAM_API_URL, DATABASE_URL).

    python -m bench.floor_bot
"""

from __future__ import annotations

import asyncio
import os
from datetime import datetime

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import Message
from sqlalchemy import BigInteger, DateTime, Integer, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from models import Person, utcnow
from models.database import create_engine, create_session_factory


class FloorBase(DeclarativeBase):
    """Kept apart from the bot's models: the table is the benchmark's alone."""


class FloorWrite(FloorBase):
    __tablename__ = "bench_floor_writes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int | None] = mapped_column(Integer)
    telegram_id: Mapped[int] = mapped_column(BigInteger)
    written_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


async def main() -> None:
    engine = create_engine(os.environ["DATABASE_URL"])
    async with engine.begin() as connection:
        await connection.run_sync(FloorBase.metadata.create_all)
    session_factory = create_session_factory(engine)
    dispatcher = Dispatcher()

    @dispatcher.message()
    async def read_write_answer(message: Message) -> None:
        assert message.from_user is not None
        telegram_id = message.from_user.id
        async with session_factory.begin() as session:
            person_id = await session.scalar(
                select(Person.id).where(Person.telegram_id == telegram_id)
            )
            session.add(
                FloorWrite(person_id=person_id, telegram_id=telegram_id, written_at=utcnow())
            )
        await message.answer(message.text or "…")

    session = AiohttpSession(api=TelegramAPIServer.from_base(os.environ["TELEGRAM_API_URL"]))
    bot = Bot(os.environ["BOT_TOKEN"], session=session)
    try:
        await dispatcher.start_polling(bot, handle_signals=True)
    finally:
        await engine.dispose()


if __name__ == "__main__":
    asyncio.run(main())
