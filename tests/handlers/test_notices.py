"""Notices to other people go through the outbox: sent at once after the action is saved, and
when Telegram fails then, sent later by the scheduler's sender, once."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import select

from bot.texts import help_requests as texts
from models import Notification, utcnow
from models.enums import NotificationStatus, Urgency
from scheduler.sender import Sender
from tests.clock import FakeClock
from tests.dialogs import reply, users
from tests.factories import Factory
from tests.handlers.test_help_requests import MENTEE, MENTOR, school


async def only_notice(factory: Factory) -> Notification:
    async with factory() as session:
        rows = list(await session.scalars(select(Notification)))
    assert len(rows) == 1
    return rows[0]


async def test_a_notice_telegram_refused_goes_later_once(running_bot, session_factory, telegram):
    await school(session_factory)
    mentor, mentee = await users(telegram, MENTOR, MENTEE)
    await mentee.send("/need_help")
    await reply(mentee)
    await mentee.send("Как вести родительское собрание?")
    urgency = await reply(mentee)
    for _ in range(4):  # more than the session retries: the notice waits in the outbox
        telegram.fail_next("sendMessage", 502, "Bad Gateway")
    await mentee.press(urgency, texts.HELP_URGENCY_NAMES[Urgency.MEDIUM])
    assert "отправлен наставнику" in (await reply(mentee)).text
    async with asyncio.timeout(30):  # the courier tries, with the session's own retries
        while (row := await only_notice(session_factory)).last_error is None:  # noqa: ASYNC110
            await asyncio.sleep(0.05)
    await mentor.expect_no_message()
    assert row.status is NotificationStatus.PENDING and "Bad Gateway" in (row.last_error or "")

    later = FakeClock(utcnow() + timedelta(minutes=1))
    assert (await Sender(session_factory, running_bot.bot, clock=later).run_once()).sent == 1
    assert "Как вести родительское собрание?" in (await reply(mentor)).text
    assert (await Sender(session_factory, running_bot.bot, clock=later).run_once()).sent == 0
    await mentor.expect_no_message()
