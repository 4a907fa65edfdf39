"""Three whole instances (`python -m bot`, webhook mode, Redis) on one database behind a
round-robin balancer, as a region deploys them: due reminders are each sent by one instance
only, and users' updates, spread over all three, are each handled once, dialogues included."""

from __future__ import annotations

import asyncio
from collections import Counter

from redis.asyncio import Redis
from sqlalchemy import func, select

from bot.services.outbox import Draft, enqueue
from bot.services.reminders.kinds import Kind
from models import Notification, utcnow
from models.enums import NotificationStatus, Role
from tests.conftest import ADMIN_ID, TOKEN
from tests.dialogs import register_difficulty
from tests.factories import make_organization, make_person
from tests.instances import webhook_cluster

REDIS_URL = "redis://127.0.0.1:6379/6"
SECRET = "instances-secret"
REMINDED = range(7_000, 7_090)
TALKING = range(7_500, 7_506)


def sent_by_bot(telegram, chats: range) -> Counter[int]:
    return Counter({chat: sum(m.from_bot for m in telegram.chat_messages(chat)) for chat in chats})


async def test_three_instances_share_the_work_and_repeat_nothing(
    telegram, database_url, session_factory, tmp_path
):
    organization_id = await make_organization(session_factory)
    people = []
    for telegram_id in [*REMINDED, *TALKING]:
        people.append(await make_person(session_factory, organization_id, telegram_id, Role.MENTEE))
        user = telegram.add_user(user_id=telegram_id, first_name="П")
        if telegram_id in REMINDED:
            telegram.open_chat(user)
    redis = Redis.from_url(REDIS_URL)
    await redis.flushdb()
    telegram.rate_limit(30, 1)
    settings = {
        "BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": telegram.url,
        "DATABASE_URL": database_url,
        "ADMIN_IDS": str(ADMIN_ID),
        "REDIS_URL": REDIS_URL,
    }
    try:
        async with webhook_cluster(settings, tmp_path, count=3, secret=SECRET) as cluster:
            async with session_factory.begin() as session:  # due now: all three senders race
                await enqueue(
                    session,
                    [
                        Draft(f"instances:{person}", person, Kind.STAFF_LIST, utcnow())
                        for person in people[: len(REMINDED)]
                    ],
                )
            talkers = [telegram.users[telegram_id] for telegram_id in TALKING]
            cards = await asyncio.gather(
                *(register_difficulty(user, f"Затруднение {user.id}") for user in talkers)
            )
            assert len(cards) == len(TALKING)
            async with asyncio.timeout(60):
                while sum(sent_by_bot(telegram, REMINDED).values()) < len(REMINDED):
                    assert all(instance.running for instance in cluster.instances)
                    await asyncio.sleep(0.1)
            await asyncio.sleep(3)  # a second sender of the same reminder would show up by now
            assert set(sent_by_bot(telegram, REMINDED).values()) == {1}
            for user in talkers:
                await user.expect_no_message(within=0.1)  # every update answered once, no more
            assert all(count > 0 for count in cluster.balancer.forwarded.values()), (
                cluster.balancer.forwarded
            )
    finally:
        await redis.flushdb()
        await redis.aclose()
    assert cluster.exit_codes == [0, 0, 0]
    async with session_factory() as session:
        left = await session.scalar(
            select(func.count(Notification.id)).where(
                Notification.status != NotificationStatus.SENT
            )
        )
    assert left == 0
