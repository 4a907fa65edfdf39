"""The inbox of durable polling when something other than an outage goes wrong: an update
handled whose marking failed is marked by the next retry instead of being handled again after
a restart, a row that cannot be read as an update is dropped, and one that fails again and
again with the database answering is given up after an hour, not retried forever."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from bot.app import create_dispatcher
from bot.polling import DurablePolling
from bot.services import inbox
from bot.telegram import create_bot
from models import ReceivedUpdate, utcnow


async def test_the_retry_marks_what_was_handled_and_drops_what_cannot_be_read(
    settings, session_factory
):
    bot = create_bot(settings)
    dispatcher = create_dispatcher(settings, session_factory)
    polling = DurablePolling(dispatcher, bot, session_factory, ["message"])
    long_ago = utcnow().replace(year=2025)
    async with session_factory.begin() as session:
        await inbox.store(
            session,
            bot.id,
            [(1, {"update_id": 1, "message": {"text": "no chat, no date"}}), (2, {"update_id": 2})],
            long_ago,
        )
    polling._done[2] = None  # handled by this process, its marking failed
    try:
        await polling._retry()
    finally:
        await bot.session.close()
    assert not polling._tasks  # neither was taken again
    async with session_factory() as session:
        handled = await session.scalars(
            select(ReceivedUpdate.update_id).where(ReceivedUpdate.handled_at.is_not(None))
        )
        assert set(handled) == {1, 2}


async def test_an_update_that_keeps_failing_is_given_up_but_not_one_left_by_a_crash(
    session_factory,
):
    now = utcnow()
    async with session_factory.begin() as session:
        await inbox.store(session, 1, [(7, {"update_id": 7}), (8, {"update_id": 8})], now)
        await session.execute(
            update(ReceivedUpdate).values(received_at=now - inbox.GIVE_UP_AGE - timedelta(1))
        )
        await session.execute(
            update(ReceivedUpdate)
            .where(ReceivedUpdate.update_id == 7)
            .values(attempts=inbox.GIVE_UP_ATTEMPTS)
        )
    async with session_factory.begin() as session:
        assert await inbox.prune(session, now) == [7]
    async with session_factory() as session:
        left = await inbox.unhandled(session, 1, limit=10)
    assert [row.update_id for row in left] == [8]  # a day old, never tried: after a crash
