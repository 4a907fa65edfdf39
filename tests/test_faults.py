"""Faults injected between the real `python -m bot` processes and PostgreSQL or Redis
(`tests.faults.FaultyProxy`): two webhook instances behind a balancer through a database that
stops answering for 20 s and for 75 s, through a Redis that restarts and one that is away for a
while. Each update sent meanwhile is answered exactly once afterwards, and nobody is told
«something went wrong» for an outage."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Sequence
from contextlib import AbstractAsyncContextManager
from pathlib import Path

import pytest
from redis.asyncio import Redis
from sqlalchemy.engine import make_url

from bot.texts.common import UNEXPECTED_ERROR
from fakes.telegram.server import FakeUser
from models.enums import Role
from tests.conftest import ADMIN_ID, TOKEN
from tests.factories import make_organization, make_person
from tests.faults import FaultyProxy
from tests.instances import HOST, Cluster, webhook_cluster

REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
REDIS_DB = 8
SECRET = "faults-secret"
# Telegram offers an unanswered update again and again; after the outage it must get through.
ANSWERED_WITHIN_SECONDS = 90

on_postgresql = pytest.mark.skipif(
    not os.environ.get("TEST_DATABASE_URL", "").startswith("postgresql"),
    reason="needs PostgreSQL (TEST_DATABASE_URL)",
)


def webhook_instances(
    telegram, database_url: str, workdir: Path, redis_url: str
) -> AbstractAsyncContextManager[Cluster]:
    """Two webhook instances sharing Redis behind a round-robin balancer."""
    settings = {
        "BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": telegram.url,
        "DATABASE_URL": database_url,
        "ADMIN_IDS": str(ADMIN_ID),
        "REDIS_URL": redis_url,
    }
    return webhook_cluster(settings, workdir, count=2, secret=SECRET)


async def mentees(telegram, session_factory, ids: range) -> list[FakeUser]:
    organization_id = await make_organization(session_factory)
    users = []
    for telegram_id in ids:
        await make_person(session_factory, organization_id, telegram_id, Role.MENTEE)
        users.append(telegram.add_user(user_id=telegram_id, first_name="П"))
    return users


async def each_answered_once(telegram, users: Sequence[FakeUser]) -> None:
    """Every user gets one answer to their one update, none of them an apology."""
    async with asyncio.timeout(ANSWERED_WITHIN_SECONDS):
        answers = await asyncio.gather(
            *(user.next_message(timeout=ANSWERED_WITHIN_SECONDS) for user in users)
        )
    await asyncio.sleep(1)
    for user in users:
        await user.expect_no_message(within=0.05)
    for user, answer in zip(users, answers, strict=True):
        assert answer.text != UNEXPECTED_ERROR, user.id
        sent = [m.text for m in telegram.chat_messages(user.id) if m.from_bot]
        assert UNEXPECTED_ERROR not in sent, (user.id, sent)


async def clean_redis() -> str:
    redis = Redis(host=REDIS_HOST, port=REDIS_PORT, db=REDIS_DB)
    await redis.flushdb()
    await redis.aclose()
    return f"redis://{REDIS_HOST}:{REDIS_PORT}/{REDIS_DB}"


@on_postgresql
@pytest.mark.parametrize("stall_seconds", [20, 75])
async def test_a_database_that_stops_answering_loses_no_update(
    telegram, database_url, session_factory, tmp_path, stall_seconds
):
    url = make_url(database_url)
    database = FaultyProxy(url.host or "127.0.0.1", url.port or 5432)
    await database.start()
    through_proxy = url.set(host=HOST, port=database.port).render_as_string(hide_password=False)
    users = await mentees(telegram, session_factory, range(9_100, 9_106))
    async with webhook_instances(telegram, through_proxy, tmp_path, await clean_redis()):
        await users[0].send("/start")  # the pools hold connections when the stall begins
        await users[0].next_message(timeout=30)
        database.stall()
        for user in users:
            await user.send("/start")
        await asyncio.sleep(stall_seconds)
        for user in users:  # nothing was answered, nor apologised for, meanwhile
            await user.expect_no_message(within=0.01)
        await database.restore()
        await each_answered_once(telegram, users)
    await database.stop()


@pytest.mark.parametrize("fault", ["restart", "outage"])
async def test_redis_restarting_or_away_loses_no_update(
    telegram, database_url, session_factory, tmp_path, fault
):
    redis = FaultyProxy(REDIS_HOST, REDIS_PORT)
    await redis.start()
    await clean_redis()
    redis_url = f"redis://{HOST}:{redis.port}/{REDIS_DB}"
    users = await mentees(telegram, session_factory, range(9_200, 9_210))
    async with webhook_instances(telegram, database_url, tmp_path, redis_url):
        for user in users:  # every instance's pool holds connections to Redis
            await user.send("/start")
            await user.next_message(timeout=30)
        if fault == "restart":
            await redis.drop_all()
        else:
            await redis.refuse()
        for user in users:
            await user.send("/start")
        if fault == "outage":
            await asyncio.sleep(8)
            for user in users:
                await user.expect_no_message(within=0.01)
            await redis.restore()
        await each_answered_once(telegram, users)
    await redis.stop()
