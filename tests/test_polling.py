"""The inbox of durable polling when something other than an outage goes wrong: an update
handled whose marking failed is marked by the next retry instead of being handled again after
a restart, and a row that cannot be read as an update is dropped, not retried forever."""

from __future__ import annotations

from sqlalchemy import select

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
