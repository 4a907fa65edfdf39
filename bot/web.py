"""The HTTP side of the bot: Telegram's webhook (only requests carrying the secret token are
handled; others get 401 and nothing is processed; an update that an outage kept from being
handled gets 503, so that Telegram delivers it again), `GET /healthz` (200 with the state of
the database and Redis, 503 when one of them is down) and `GET /metrics` (Prometheus). In
polling mode the same two pages are served on HEALTH_PORT."""

from __future__ import annotations

import asyncio
import logging

from aiogram import Bot, Dispatcher
from aiogram.methods import TelegramMethod
from aiogram.types import Update
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web
from prometheus_client import generate_latest
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot import metrics, updates
from bot.outages import OUTAGES, as_outage
from bot.settings import Settings
from models import utcnow

logger = logging.getLogger(__name__)
HEALTH_PATH = "/healthz"
METRICS_PATH = "/metrics"
# A busy instance waits for a pooled connection; one that cannot get it in this time is down.
HEALTH_TIMEOUT_SECONDS = 10


async def health(engine: AsyncEngine, redis: Redis | None) -> tuple[bool, dict[str, str]]:
    """Whether the bot can work now: the database answers, and Redis when it is used."""
    state: dict[str, str] = {}
    try:
        async with asyncio.timeout(HEALTH_TIMEOUT_SECONDS), engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
        state["database"] = "ok"
    except Exception as error:  # any failure to reach it means «down»
        state["database"] = f"down: {type(error).__name__}"
    if redis is not None:
        try:
            await redis.ping()
            state["redis"] = "ok"
        except Exception as error:
            state["redis"] = f"down: {type(error).__name__}"
    return all(value == "ok" for value in state.values()), state


def create_health_app(
    session_factory: async_sessionmaker[AsyncSession], engine: AsyncEngine, redis: Redis | None
) -> web.Application:
    """`/healthz` and `/metrics`, for the operator's monitoring."""

    async def healthz(_request: web.Request) -> web.Response:
        healthy, state = await health(engine, redis)
        return web.json_response(
            {"status": "ok" if healthy else "down", **state}, status=200 if healthy else 503
        )

    async def scrape(_request: web.Request) -> web.Response:
        try:
            async with asyncio.timeout(HEALTH_TIMEOUT_SECONDS):
                body = await metrics.scrape(session_factory, utcnow())
        except Exception as error:  # the outbox figures need the database
            outage = as_outage(error)
            if outage is None:
                raise
            OUTAGES.failed("Metrics without the outbox", outage)
            body = generate_latest(metrics.REGISTRY)
        return web.Response(body=body, headers={"Content-Type": metrics.CONTENT_TYPE})

    app = web.Application()
    app.router.add_get(HEALTH_PATH, healthz)
    app.router.add_get(METRICS_PATH, scrape)
    return app


class WebhookHandler(SimpleRequestHandler):
    """aiogram's webhook handler, handling each update through `bot.updates.handle`: within
    its deadline, and answering 503 for one an outage left unhandled (aiogram would log a
    traceback for each and answer 500)."""

    async def _handle_request(self, bot: Bot, request: web.Request) -> web.Response:
        update = Update.model_validate(
            await request.json(loads=bot.session.json_loads), context={"bot": bot}
        )
        outcome = await updates.handle(self.dispatcher, bot, update, **self.data)
        if not outcome.done:
            return web.Response(status=503, text="outage: deliver again later")
        result = outcome.result if isinstance(outcome.result, TelegramMethod) else None
        return web.Response(body=self._build_response_writer(bot=bot, result=result))


def create_web_app(
    settings: Settings,
    dispatcher: Dispatcher,
    bot: Bot,
    engine: AsyncEngine,
    redis: Redis | None,
) -> web.Application:
    """The aiohttp application of webhook mode. Handlers run before Telegram is answered, so an
    update whose handler did not finish (a crash, a shutdown) is delivered again."""
    app = create_health_app(dispatcher["session_factory"], engine, redis)
    WebhookHandler(
        dispatcher=dispatcher,
        bot=bot,
        secret_token=settings.webhook_secret,
        handle_in_background=False,
    ).register(app, path=settings.webhook_path)
    setup_application(app, dispatcher, bot=bot)
    return app
