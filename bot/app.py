"""The app factory: the Dispatcher with its middlewares and routers, and the polling run."""

from __future__ import annotations

import logging

from aiogram import Bot, Dispatcher, F
from aiogram.enums import ChatType
from aiogram.fsm.storage.memory import MemoryStorage, SimpleEventIsolation
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.commands import set_default_commands
from bot.middlewares import ActorMiddleware, DatabaseMiddleware
from bot.settings import Settings
from bot.telegram import create_bot
from handlers import get_routers
from models.database import create_engine, create_session_factory, upgrade_database
from scheduler.runner import create_scheduler

logger = logging.getLogger(__name__)


def create_dispatcher(
    settings: Settings, session_factory: async_sessionmaker[AsyncSession]
) -> Dispatcher:
    dispatcher = Dispatcher(
        storage=MemoryStorage(),
        events_isolation=SimpleEventIsolation(),
        settings=settings,
        session_factory=session_factory,
    )
    # The bot works in private chats only: in a group its answers (personal data, invite
    # links) would be read by everyone there.
    private = F.chat.type == ChatType.PRIVATE
    dispatcher.message.filter(private)
    dispatcher.callback_query.filter(F.message.chat.type == ChatType.PRIVATE)
    dispatcher.my_chat_member.filter(private)
    dispatcher.update.outer_middleware(DatabaseMiddleware(session_factory))
    dispatcher.update.outer_middleware(ActorMiddleware(settings.admin_ids))
    dispatcher.include_routers(*get_routers())
    dispatcher.startup.register(_on_startup)
    return dispatcher


async def _on_startup(bot: Bot) -> None:
    me = await bot.me()
    await set_default_commands(bot)
    logger.info("Bot @%s started", me.username)


async def run_polling(settings: Settings) -> None:
    """Migrate the database, then serve updates by long polling until stopped."""
    engine = create_engine(settings.database_url)
    try:
        await upgrade_database(engine)
        bot = create_bot(settings)
        session_factory = create_session_factory(engine)
        dispatcher = create_dispatcher(settings, session_factory)
        sender_bot = create_bot(settings, max_flood_wait=0)
        scheduler = create_scheduler(session_factory, sender_bot)
        async with bot.session, sender_bot.session:
            scheduler.start()
            try:
                await dispatcher.start_polling(
                    bot, allowed_updates=dispatcher.resolve_used_update_types()
                )
            finally:
                scheduler.shutdown(wait=False)
    finally:
        await engine.dispose()
