"""Running as several instances: webhook mode with its secret token, /healthz, and a dialogue
that begins on one instance and ends on another through Redis."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator

import pytest
from aiogram.types import Message, Update
from aiohttp import ClientSession, web
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import texts
from bot.app import create_dispatcher
from bot.settings import load_settings
from bot.telegram import create_bot
from bot.web import HEALTH_PATH, create_web_app
from models.database import create_engine
from models.enums import Role
from tests.conftest import TOKEN
from tests.dialogs import reply
from tests.factories import make_organization, make_person

SECRET = "s3cret-token_for-tests"
REDIS_URL = "redis://127.0.0.1:6379/5"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
async def webhook_bot(telegram, database_url, session_factory, engine) -> AsyncIterator[str]:
    """The bot in webhook mode on a local port, registered with the fake Bot API."""
    port = free_port()
    settings = load_settings(
        BOT_TOKEN=TOKEN,
        TELEGRAM_API_URL=telegram.url,
        DATABASE_URL=database_url,
        BOT_MODE="webhook",
        WEBHOOK_URL=f"http://127.0.0.1:{port}",
        WEBHOOK_SECRET=SECRET,
    )
    bot = create_bot(settings)
    dispatcher = create_dispatcher(settings, session_factory)
    runner = web.AppRunner(create_web_app(settings, dispatcher, bot, engine, None))
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    await bot.set_webhook(
        settings.webhook_endpoint,
        secret_token=SECRET,
        allowed_updates=dispatcher.resolve_used_update_types(),
    )
    yield settings.webhook_url
    await runner.cleanup()
    await bot.session.close()


async def test_webhook_answers_only_with_the_secret(webhook_bot, telegram):
    user = telegram.add_user(user_id=5001, first_name="Гость")
    await user.send("/start")
    assert (await reply(user)).text == texts.NEED_INVITE

    update = {
        "update_id": 999,
        "message": {
            "message_id": 1,
            "date": 0,
            "chat": {"id": 5001, "type": "private"},
            "from": {"id": 5001, "is_bot": False, "first_name": "Гость"},
            "text": "/help",
        },
    }
    async with ClientSession() as http:
        for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}):
            async with http.post(
                f"{webhook_bot}/telegram/webhook", json=update, headers=headers
            ) as response:
                assert response.status == 401
        async with http.get(f"{webhook_bot}{HEALTH_PATH}") as response:
            assert response.status == 200
            assert await response.json() == {"status": "ok", "database": "ok"}
    await user.expect_no_message()  # the forged updates were not processed


async def test_health_is_503_when_the_database_is_down(telegram, session_factory, engine):
    dead: AsyncEngine = create_engine("postgresql+asyncpg://nobody@127.0.0.1:1/none")
    settings = load_settings(BOT_TOKEN=TOKEN, TELEGRAM_API_URL=telegram.url)
    bot = create_bot(settings)
    redis = Redis.from_url(REDIS_URL)
    app = create_web_app(settings, create_dispatcher(settings, session_factory), bot, dead, redis)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        async with ClientSession() as http, http.get(f"http://127.0.0.1:{port}{HEALTH_PATH}") as r:
            assert r.status == 503
            body = await r.json()
        assert body["status"] == "down" and body["database"].startswith("down")
        assert body["redis"] == "ok"
    finally:
        await runner.cleanup()
        await bot.session.close()
        await redis.aclose()
        await dead.dispose()


async def test_a_dialogue_moves_between_instances_through_redis(
    telegram, settings, session_factory
):
    organization_id = await make_organization(session_factory)
    await make_person(session_factory, organization_id, 5101, Role.MENTEE, full_name="Ким Анна")
    redis = Redis.from_url(REDIS_URL)
    await redis.flushdb()
    first = create_dispatcher(settings, session_factory, redis)
    second = create_dispatcher(settings, session_factory, redis)
    bot = create_bot(settings)
    user = telegram.add_user(user_id=5101, first_name="Анна")
    try:
        payload = telegram.user_message(
            user,
            {
                "text": "/need_help",
                "entities": [{"type": "bot_command", "offset": 0, "length": 10}],
            },
        )
        await first.feed_update(bot, Update(update_id=1, message=Message.model_validate(payload)))
        assert (await reply(user)).text.startswith("🆘 Нужна помощь.")
        payload = telegram.user_message(user, {"text": "Не могу заполнить журнал"})
        await second.feed_update(bot, Update(update_id=2, message=Message.model_validate(payload)))
        assert (await reply(user)).text == texts.HELP_ASK_URGENCY  # the second knew the step
    finally:
        await redis.flushdb()
        await redis.aclose()
        await bot.session.close()
