"""The app factory: the Dispatcher with its storage, middlewares and routers, and the run in
either mode — long polling, or a webhook served by aiohttp behind a reverse proxy — with the
scheduler beside it. One process or several: with Redis the dialogue state and per-user event
isolation are shared, and the outbox claims keep each reminder to one sender."""

from __future__ import annotations

import asyncio
import logging
import signal
from contextlib import suppress

from aiogram import Bot, Dispatcher, F
from aiogram.enums import ChatType
from aiogram.filters import Command
from aiogram.fsm.storage.base import BaseEventIsolation, BaseStorage, DefaultKeyBuilder
from aiogram.fsm.storage.memory import MemoryStorage, SimpleEventIsolation
from aiogram.fsm.storage.redis import RedisStorage
from aiohttp import web
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.commands import set_default_commands
from bot.delivery import Courier
from bot.logs import UpdateContextMiddleware
from bot.middlewares import (
    ActorMiddleware,
    DatabaseMiddleware,
    DialogueInterruption,
    InFlightMiddleware,
)
from bot.settings import Settings
from bot.telegram import create_bot
from bot.web import create_web_app
from handlers import get_routers
from models.database import create_engine, create_session_factory, upgrade_database
from scheduler.runner import Scheduler

logger = logging.getLogger(__name__)
# How long a stopping instance waits for handlers already running.
SHUTDOWN_GRACE_SECONDS = 10


def create_storage(redis: Redis | None) -> tuple[BaseStorage, BaseEventIsolation]:
    """Dialogue state and per-user isolation: in Redis when given (shared by instances and kept
    over restarts), else in this process's memory."""
    if redis is None:
        return MemoryStorage(), SimpleEventIsolation()
    storage = RedisStorage(redis, key_builder=DefaultKeyBuilder(with_bot_id=True))
    return storage, storage.create_isolation()


def create_dispatcher(
    settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    redis: Redis | None = None,
    courier: Courier | None = None,
) -> Dispatcher:
    """The Dispatcher; with a `courier` the notices an update queues are sent at once (without
    one, the scheduler's sender sends them on its next round)."""
    storage, isolation = create_storage(redis)
    dispatcher = Dispatcher(
        storage=storage,
        events_isolation=isolation,
        settings=settings,
        session_factory=session_factory,
        courier=courier,
    )
    # The bot works in private chats only: in a group its answers (personal data, invite
    # links) would be read by everyone there.
    private = F.chat.type == ChatType.PRIVATE
    dispatcher.message.filter(private)
    dispatcher.callback_query.filter(F.message.chat.type == ChatType.PRIVATE)
    dispatcher.my_chat_member.filter(private)
    dispatcher.update.outer_middleware(UpdateContextMiddleware())
    in_flight = InFlightMiddleware()
    dispatcher["in_flight"] = in_flight
    dispatcher.update.outer_middleware(in_flight)
    dispatcher.update.outer_middleware(DatabaseMiddleware(session_factory))
    dispatcher.update.outer_middleware(ActorMiddleware(settings.admin_ids))
    dispatcher.include_routers(*get_routers())
    interruption = DialogueInterruption(commands_of(dispatcher))
    dispatcher.message.outer_middleware(interruption)
    dispatcher.callback_query.outer_middleware(interruption)
    dispatcher.startup.register(_on_startup)
    return dispatcher


def commands_of(dispatcher: Dispatcher) -> frozenset[str]:
    """Every command a message handler of the dispatcher answers (`/start` included)."""
    commands: set[str] = set()
    for router in dispatcher.chain_tail:
        for handler in router.message.handlers:
            for event_filter in handler.filters or ():
                if isinstance(event_filter.callback, Command):
                    commands.update(c for c in event_filter.callback.commands if isinstance(c, str))
    return frozenset({"start", *commands})


async def _on_startup(bot: Bot) -> None:
    me = await bot.me()
    await set_default_commands(bot)
    logger.info("Bot @%s started", me.username)


async def run(settings: Settings) -> None:
    """Migrate the database, then serve updates until SIGTERM or SIGINT; what is running then
    is finished before the process exits."""
    engine = create_engine(settings.database_url)
    redis = (
        # a Redis that stops answering fails calls in seconds instead of hanging handlers
        Redis.from_url(settings.redis_url, socket_timeout=5, socket_connect_timeout=5)
        if settings.redis_url
        else None
    )
    try:
        await upgrade_database(engine)
        bot = create_bot(settings)
        session_factory = create_session_factory(engine)
        sender_bot = create_bot(settings, max_flood_wait=0)
        scheduler = Scheduler(session_factory, sender_bot, redis=redis)
        courier = Courier(scheduler.sender)
        dispatcher = create_dispatcher(settings, session_factory, redis, courier)
        async with bot.session, sender_bot.session:
            scheduler.start()
            try:
                if settings.bot_mode == "webhook":
                    await _serve_webhook(settings, dispatcher, bot, engine, redis)
                else:
                    await dispatcher.start_polling(
                        bot, allowed_updates=dispatcher.resolve_used_update_types()
                    )
                await dispatcher["in_flight"].finish(SHUTDOWN_GRACE_SECONDS)
                await courier.finish(SHUTDOWN_GRACE_SECONDS)
            finally:
                await scheduler.stop(SHUTDOWN_GRACE_SECONDS)
    finally:
        if redis is not None:
            await redis.aclose()
        await engine.dispose()


async def _serve_webhook(
    settings: Settings,
    dispatcher: Dispatcher,
    bot: Bot,
    engine: AsyncEngine,
    redis: Redis | None,
) -> None:
    app = create_web_app(settings, dispatcher, bot, engine, redis)
    runner = web.AppRunner(app, shutdown_timeout=SHUTDOWN_GRACE_SECONDS)
    await runner.setup()
    site = web.TCPSite(runner, settings.webhook_host, settings.webhook_port)
    await site.start()
    await bot.set_webhook(
        settings.webhook_endpoint,
        secret_token=settings.webhook_secret,
        allowed_updates=dispatcher.resolve_used_update_types(),
    )
    logger.info("Webhook served on %s:%s", settings.webhook_host, settings.webhook_port)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for name in (signal.SIGTERM, signal.SIGINT):
        with suppress(NotImplementedError):
            loop.add_signal_handler(name, stop.set)
    try:
        await stop.wait()
    finally:
        # stop taking requests; aiohttp lets the ones being handled finish first
        await runner.cleanup()
