"""`kill -9` in the middle of a batch: the real `python -m bot` sends queued reminders against
the fake Bot API (rate-limited like Telegram) and is killed; after the restart everything is
sent, and only a message that was in flight at the moment of the kill may come twice."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import datetime

from sqlalchemy import func, select

from bot.services.outbox import LEASE
from bot.settings import load_settings
from bot.telegram import create_bot
from models import Notification, utcnow
from models.enums import NotificationStatus
from scheduler.sender import Sender
from tests.conftest import TOKEN
from tests.factories import make_reminded_mentees
from tests.instances import BotProcess

PEOPLE = 150
FIRST_ID = 2_000


def after_the_lease() -> datetime:
    return utcnow() + 2 * LEASE


def delivered(telegram) -> Counter[int]:
    """Messages Telegram accepted, per chat (a call answered with 429 delivered nothing)."""
    chats = range(FIRST_ID, FIRST_ID + PEOPLE)
    return Counter(
        {
            chat: sum(1 for message in telegram.chat_messages(chat) if message.from_bot)
            for chat in chats
            if any(message.from_bot for message in telegram.chat_messages(chat))
        }
    )


async def test_kill_and_restart_loses_nothing_and_repeats_only_in_flight(
    session_factory, telegram, database_url, tmp_path
):
    await make_reminded_mentees(
        session_factory, telegram, range(FIRST_ID, FIRST_ID + PEOPLE), "crash"
    )
    telegram.rate_limit(30, 1)
    instance = BotProcess(
        {
            "BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": telegram.url,
            "DATABASE_URL": database_url,
            "ADMIN_IDS": "1",
        },
        tmp_path,
    )
    await instance.start()
    try:
        async with asyncio.timeout(60):
            while sum(delivered(telegram).values()) < 40:
                assert instance.running, "the bot stopped by itself"
                await asyncio.sleep(0.01)
    finally:
        await instance.kill()
    before = delivered(telegram)
    async with session_factory() as session:
        in_flight = await session.scalar(
            select(func.count(Notification.id)).where(
                Notification.status == NotificationStatus.CLAIMED
            )
        )
    assert 40 <= sum(before.values()) < PEOPLE and in_flight

    # the restarted sender takes the pending rows at once, the crashed claims after their lease
    bot = create_bot(load_settings(BOT_TOKEN=TOKEN, TELEGRAM_API_URL=telegram.url, ADMIN_IDS="1"))
    async with bot.session:
        stats = await Sender(session_factory, bot, clock=after_the_lease).run_once()
    after = delivered(telegram)
    assert set(after) == {FIRST_ID + number for number in range(PEOPLE)}  # nothing lost
    repeated = [chat for chat, times in after.items() if times > 1]
    assert max(after.values()) <= 2
    assert len(repeated) <= in_flight
    assert stats.sent == PEOPLE - sum(before.values()) + len(repeated)
    async with session_factory() as session:
        left = await session.scalar(
            select(func.count(Notification.id)).where(
                Notification.status != NotificationStatus.SENT
            )
        )
    assert left == 0


async def test_sigterm_mid_batch_stops_cleanly_and_keeps_the_rest(
    session_factory, telegram, database_url, tmp_path
):
    """As an orchestrator stops it: the bot exits 0 without a traceback, and every row is
    either sent or waiting for the next start, none left claimed until its lease ends."""
    await make_reminded_mentees(
        session_factory, telegram, range(FIRST_ID, FIRST_ID + PEOPLE), "term"
    )
    log = tmp_path / "bot.log"
    instance = BotProcess(
        {
            "BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": telegram.url,
            "DATABASE_URL": database_url,
            "ADMIN_IDS": "1",
        },
        tmp_path,
        log=log,
    )
    await instance.start()
    try:
        async with asyncio.timeout(60):
            while sum(delivered(telegram).values()) < 20:
                assert instance.running, "the bot stopped by itself"
                await asyncio.sleep(0.01)
    finally:
        code = await instance.stop(timeout=30)
    assert code == 0
    output = log.read_text()
    assert "Traceback" not in output and "raised an exception" not in output, output
    sent = sum(delivered(telegram).values())
    assert sent < PEOPLE
    async with session_factory() as session:
        counted = dict(
            (
                await session.execute(
                    select(Notification.status, func.count()).group_by(Notification.status)
                )
            ).all()
        )
    assert counted == {NotificationStatus.SENT: sent, NotificationStatus.PENDING: PEOPLE - sent}
