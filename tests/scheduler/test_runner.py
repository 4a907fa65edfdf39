"""Stopping the scheduler in the middle of sending: what is being sent is finished and marked,
what still waits for its turn is given back as it was, and nothing is logged as a failure."""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy import select

from models import Notification
from models.enums import NotificationStatus
from scheduler.runner import Scheduler
from scheduler.sender import Sender
from tests.factories import make_reminded_mentees

PEOPLE = 60
FIRST_ID = 2_600


def delivered(telegram) -> int:
    return sum(
        message.from_bot
        for chat in range(FIRST_ID, FIRST_ID + PEOPLE)
        for message in telegram.chat_messages(chat)
    )


async def test_a_stop_mid_batch_finishes_quietly_and_gives_back_the_rest(
    running_bot, session_factory, telegram, caplog
):
    caplog.set_level(logging.INFO)
    await make_reminded_mentees(
        session_factory, telegram, range(FIRST_ID, FIRST_ID + PEOPLE), "stop"
    )
    scheduler = Scheduler(session_factory, running_bot.bot)
    scheduler.start()
    async with asyncio.timeout(60):
        while delivered(telegram) < 5:  # noqa: ASYNC110 - the fake's state, polled
            await asyncio.sleep(0.01)
    started = asyncio.get_running_loop().time()
    await scheduler.stop(grace_seconds=30)
    stopped_in = asyncio.get_running_loop().time() - started
    sent_before_stop = delivered(telegram)

    assert stopped_in < 5  # it did not pace out the rest of the batch first
    assert 5 <= sent_before_stop < PEOPLE
    async with session_factory() as session:
        rows = list(await session.scalars(select(Notification)))
    by_status = {status: [r for r in rows if r.status is status] for status in NotificationStatus}
    assert not by_status[NotificationStatus.CLAIMED]
    assert len(by_status[NotificationStatus.SENT]) == sent_before_stop
    assert all(row.attempts == 0 for row in by_status[NotificationStatus.PENDING])
    assert len(by_status[NotificationStatus.PENDING]) == PEOPLE - sent_before_stop
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text
    assert "Traceback" not in caplog.text

    # the next start sends the rest, each once
    stats = await Sender(session_factory, running_bot.bot).run_once()
    assert stats.sent == PEOPLE - sent_before_stop
    assert delivered(telegram) == PEOPLE
