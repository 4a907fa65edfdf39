"""Running as several instances: webhook mode with its secret token, /healthz, and a dialogue
that begins on one instance and ends on another through Redis."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator

import pytest
from aiogram.types import Message, Update
from aiohttp import ClientSession, web
from redis.asyncio import Redis
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import create_dispatcher
from bot.settings import load_settings
from bot.telegram import create_bot
from bot.texts.common import NEED_INVITE
from bot.texts.help_requests import HELP_ASK_URGENCY
from bot.web import HEALTH_PATH, create_web_app
from models.database import create_engine, create_session_factory
from models.enums import Role
from tests.conftest import TOKEN
from tests.dialogs import reply
from tests.factories import make_organization, make_person
from tests.faults import FaultyProxy
from tests.instances import free_port

SECRET = "s3cret-token_for-tests"
REDIS_URL = "redis://127.0.0.1:6379/5"


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
    assert (await reply(user)).text == NEED_INVITE

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
        assert (await reply(user)).text == HELP_ASK_URGENCY  # the second knew the step
    finally:
        await redis.flushdb()
        await redis.aclose()
        await bot.session.close()


@pytest.mark.skipif(
    not os.environ.get("TEST_DATABASE_URL"), reason="needs PostgreSQL (TEST_DATABASE_URL)"
)
async def test_database_outage_then_recovery_loses_no_update(telegram, database_url, engine):
    url = make_url(database_url)
    switch = FaultyProxy(url.host or "127.0.0.1", url.port or 5432)
    await switch.start()
    flaky = create_engine(url.set(port=switch.port).render_as_string(hide_password=False))
    flaky_factory = create_session_factory(flaky)
    web_port = free_port()
    settings = load_settings(
        BOT_TOKEN=TOKEN,
        TELEGRAM_API_URL=telegram.url,
        BOT_MODE="webhook",
        WEBHOOK_URL=f"http://127.0.0.1:{web_port}",
        WEBHOOK_SECRET=SECRET,
    )
    bot = create_bot(settings)
    dispatcher = create_dispatcher(settings, flaky_factory)
    runner = web.AppRunner(create_web_app(settings, dispatcher, bot, flaky, None))
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", web_port).start()
    await bot.set_webhook(settings.webhook_endpoint, secret_token=SECRET)
    health = f"http://127.0.0.1:{web_port}{HEALTH_PATH}"
    user = telegram.add_user(user_id=5201, first_name="Гость")
    try:
        async with ClientSession() as http:
            async with http.get(health) as response:
                assert response.status == 200
            await switch.refuse()
            await flaky.dispose()  # pooled connections die with the network
            async with http.get(health) as response:
                assert response.status == 503
            await user.send("/start")  # Telegram keeps offering it while the bot fails
            await user.expect_no_message(within=1.5)
            await switch.restore()
            async with http.get(health) as response:
                assert response.status == 200
        assert (await reply(user)).text == NEED_INVITE  # delivered again, handled once
        await user.expect_no_message(within=1.0)
    finally:
        await runner.cleanup()
        await bot.session.close()
        await switch.stop()
        await flaky.dispose()
