"""The app factory: the Dispatcher with its storage, middlewares and routers, and the run in
either mode — long polling, or a webhook served by aiohttp behind a reverse proxy — with the
scheduler beside it. One process or several: with Redis the dialogue state and per-user event
isolation are shared, and the outbox claims keep each reminder to one sender."""

from __future__ import annotations

import asyncio
import gc
import logging
import signal
from contextlib import suppress

from aiogram import Bot, Dispatcher, F
from aiogram.enums import ChatType
from aiogram.filters import Command
from aiogram.fsm.storage.memory import DisabledEventIsolation
from aiohttp import web
from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.commands import set_default_commands
from bot.delivery import Courier
from bot.logs import UpdateContextMiddleware
from bot.middlewares import (
    ActorMiddleware,
    DatabaseMiddleware,
    DialogueInterruption,
    InFlightMiddleware,
    UserIsolation,
)
from bot.polling import DurablePolling
from bot.routing import InlineFilter
from bot.settings import Settings
from bot.storage import create_storage
from bot.telegram import create_bot
from bot.web import create_health_app, create_web_app
from handlers import get_routers
from models.database import create_engine, create_session_factory, upgrade_database
from scheduler.runner import Scheduler

logger = logging.getLogger(__name__)
# How long a stopping instance waits for handlers already running.
SHUTDOWN_GRACE_SECONDS = 10
REDIS_TIMEOUT_SECONDS = 5
REDIS_HEALTH_CHECK_SECONDS = 10


def create_dispatcher(
    settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    redis: Redis | None = None,
    courier: Courier | None = None,
) -> Dispatcher:
    """The Dispatcher; with a `courier` the notices an update queues are sent at once (without
    one, the scheduler's sender sends them on its next round)."""
    storage, isolation = create_storage(session_factory, redis)
    # the FSM middleware is registered below, inside the unit of work (`UserIsolation`)
    dispatcher = Dispatcher(
        storage=storage,
        events_isolation=DisabledEventIsolation(),
        disable_fsm=True,
        settings=settings,
        session_factory=session_factory,
        courier=courier,
    )
    # The bot works in private chats only: in a group its answers (personal data, invite
    # links) would be read by everyone there.
    private = InlineFilter(F.chat.type == ChatType.PRIVATE)
    dispatcher.message.filter(private)
    dispatcher.callback_query.filter(InlineFilter(F.message.chat.type == ChatType.PRIVATE))
    dispatcher.my_chat_member.filter(private)
    dispatcher.update.outer_middleware(UpdateContextMiddleware())
    in_flight = InFlightMiddleware()
    dispatcher["in_flight"] = in_flight
    dispatcher.update.outer_middleware(in_flight)
    dispatcher.update.outer_middleware(UserIsolation(isolation, dispatcher.fsm))
    dispatcher.shutdown.register(isolation.close)
    dispatcher.update.outer_middleware(DatabaseMiddleware(session_factory))
    dispatcher.update.outer_middleware(dispatcher.fsm)
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
    migrating = create_engine(settings.database_url, command_timeout=None)
    try:
        await upgrade_database(migrating)
    finally:
        await migrating.dispose()
    # With Redis there may be several instances: on one SQLite file they would wait for each
    # other's write lock, which must not stall the event loop (`models.sqlite_inline`).
    engine = create_engine(settings.database_url, sqlite_on_loop=not settings.redis_url)
    redis = create_redis(settings.redis_url) if settings.redis_url else None
    try:
        bot = create_bot(settings)
        session_factory = create_session_factory(engine)
        sender_bot = create_bot(settings, max_flood_wait=0)
        scheduler = Scheduler(session_factory, sender_bot, redis=redis)
        courier = Courier(scheduler.sender)
        dispatcher = create_dispatcher(settings, session_factory, redis, courier)
        # What start-up built (modules, routers, models: some 340 000 objects) lives as long as
        # the process: kept out of the collector's passes, each of which would walk it all
        # (a pause of about 0.15 s that every update in flight waits out).
        gc.collect()
        gc.freeze()
        stop = _stop_on_signals()
        async with bot.session, sender_bot.session:
            if settings.scheduler_enabled:
                scheduler.start()
            try:
                if settings.bot_mode == "webhook":
                    await _serve_webhook(settings, dispatcher, bot, engine, redis, stop)
                else:
                    await _poll(settings, dispatcher, bot, engine, redis, stop)
                await dispatcher["in_flight"].finish(SHUTDOWN_GRACE_SECONDS)
                await courier.finish(SHUTDOWN_GRACE_SECONDS)
            finally:
                await scheduler.stop(SHUTDOWN_GRACE_SECONDS)
    finally:
        if redis is not None:
            await redis.aclose()
        await engine.dispose()


def create_redis(url: str) -> Redis:
    """The Redis client: a Redis that stops answering fails a call in seconds instead of
    hanging handlers; a pooled connection is checked before use after a quiet spell, and a
    call on a connection that a Redis restart closed is retried on a new one."""
    return Redis.from_url(
        url,
        socket_timeout=REDIS_TIMEOUT_SECONDS,
        socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
        health_check_interval=REDIS_HEALTH_CHECK_SECONDS,
        retry=Retry(ExponentialBackoff(cap=1.0, base=0.1), retries=2),
        retry_on_error=[RedisConnectionError, RedisTimeoutError],
    )


def _stop_on_signals() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for name in (signal.SIGTERM, signal.SIGINT):
        with suppress(NotImplementedError):
            loop.add_signal_handler(name, stop.set)
    return stop


async def _serve(app: web.Application, host: str, port: int) -> web.AppRunner:
    runner = web.AppRunner(app, shutdown_timeout=SHUTDOWN_GRACE_SECONDS, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    logger.info("Serving HTTP on %s:%s", host, port)
    return runner


async def _poll(
    settings: Settings,
    dispatcher: Dispatcher,
    bot: Bot,
    engine: AsyncEngine,
    redis: Redis | None,
    stop: asyncio.Event,
) -> None:
    runner = None
    if settings.health_port:
        app = create_health_app(dispatcher["session_factory"], engine, redis)
        runner = await _serve(app, settings.health_host, settings.health_port)
    polling = DurablePolling(
        dispatcher, bot, dispatcher["session_factory"], dispatcher.resolve_used_update_types()
    )
    try:
        await polling.run(stop)
    finally:
        if runner is not None:
            await runner.cleanup()


async def _serve_webhook(
    settings: Settings,
    dispatcher: Dispatcher,
    bot: Bot,
    engine: AsyncEngine,
    redis: Redis | None,
    stop: asyncio.Event,
) -> None:
    app = create_web_app(settings, dispatcher, bot, engine, redis)
    runner = await _serve(app, settings.webhook_host, settings.webhook_port)
    await bot.set_webhook(
        settings.webhook_endpoint,
        secret_token=settings.webhook_secret,
        allowed_updates=dispatcher.resolve_used_update_types(),
    )
    try:
        await stop.wait()
    finally:
        # stop taking requests; aiohttp lets the ones being handled finish first
        await runner.cleanup()
