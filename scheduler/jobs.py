"""The scheduler's jobs. Each opens its own transaction (the same rule as an update's), asks a
service what is due at `now`, and queues it in the outbox; the sender delivers it."""

from __future__ import annotations

import asyncio
from datetime import datetime

from redis.asyncio import Redis
from redis.exceptions import RedisError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services import help_requests, outbox
from bot.services.reminders import planning


async def take_turn(redis: Redis | None, job: str, seconds: int) -> bool:
    """Whether this instance runs this tick of `job`. Planning is idempotent (the outbox's keys),
    but every instance planning the whole region each minute multiplies the work: with Redis
    the first instance to tick in a period does it, and the others skip that period. Without
    Redis, or while it is unreachable, every instance runs it."""
    if redis is None:
        return True
    try:
        return bool(await redis.set(f"nastavnik:turn:{job}", "1", nx=True, ex=seconds))
    except (RedisError, OSError):
        return True


async def plan_reminders(session_factory: async_sessionmaker[AsyncSession], now: datetime) -> int:
    """Queue every reminder due around now (already queued ones are kept); returns how many
    were considered. Each part of the planning is a transaction of its own (queueing is
    idempotent), and the updates waiting for the database go first between two parts."""
    considered = 0
    for part in planning.parts(now):
        async with session_factory.begin() as session:
            drafts = await part(session)
            await outbox.enqueue(session, drafts)
        considered += len(drafts)
        # the updates ready meanwhile run, and the connection just given back goes to one
        # that waits for it (the pool hands it to whoever asks first)
        await asyncio.sleep(0)
    return considered


async def escalate_help_requests(
    session_factory: async_sessionmaker[AsyncSession], now: datetime
) -> int:
    """Queue a notice to the curators of every help request no mentor took in time; returns
    how many requests were escalated."""
    async with session_factory.begin() as session:
        due = await help_requests.escalate_due(session, now)
        drafts = [
            draft
            for view, curators in due
            for draft in planning.escalation_drafts(view.request, curators, now)
        ]
        await outbox.enqueue(session, drafts)
    return len(due)
