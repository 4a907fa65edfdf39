"""The HTTP side of the bot: Telegram's webhook (only requests carrying the secret token are
handled; others get 401 and nothing is processed) and `GET /healthz` (200 with the state of the
database and Redis, 503 when one of them is down)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.settings import Settings

logger = logging.getLogger(__name__)
HEALTH_PATH = "/healthz"
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


def health_route(engine: AsyncEngine, redis: Redis | None) -> Any:
    async def handle(_request: web.Request) -> web.Response:
        healthy, state = await health(engine, redis)
        return web.json_response(
            {"status": "ok" if healthy else "down", **state}, status=200 if healthy else 503
        )

    return handle


def create_web_app(
    settings: Settings,
    dispatcher: Dispatcher,
    bot: Bot,
    engine: AsyncEngine,
    redis: Redis | None,
) -> web.Application:
    """The aiohttp application of webhook mode. Handlers run before Telegram is answered, so an
    update whose handler did not finish (a crash, a shutdown) is delivered again."""
    app = web.Application()
    app.router.add_get(HEALTH_PATH, health_route(engine, redis))
    SimpleRequestHandler(
        dispatcher=dispatcher,
        bot=bot,
        secret_token=settings.webhook_secret,
        handle_in_background=False,
    ).register(app, path=settings.webhook_path)
    setup_application(app, dispatcher, bot=bot)
    return app
