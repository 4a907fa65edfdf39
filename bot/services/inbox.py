"""The inbox of long polling: each update fetched from Telegram is written here before the next
getUpdates tells Telegram it was received, and marked handled when its handler has finished;
what a crash or an outage left unhandled is taken again, each update once, in the order
received. Handled rows are kept a day (a redelivered update is recognised) and then removed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Update, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from models import RECEIVED_UPDATES, ReceivedUpdate
from models.database import upsert_insert

KEEP_HANDLED = timedelta(days=1)
# An update that fails again and again with the database answering (a bug taken for an outage,
# or Redis away that long) is given up after this many attempts, once it is this old.
GIVE_UP_ATTEMPTS = 50
GIVE_UP_AGE = timedelta(hours=1)


async def store(
    session: AsyncSession, bot_id: int, updates: Sequence[tuple[int, dict[str, Any]]], now: datetime
) -> list[int]:
    """Write the updates not written yet; returns the ids of those that are new."""
    statement = (
        upsert_insert(session, RECEIVED_UPDATES)
        .on_conflict_do_nothing(index_elements=["bot_id", "update_id"])
        .returning(RECEIVED_UPDATES.c.update_id)
    )
    rows = [
        {
            "bot_id": bot_id,
            "update_id": update_id,
            "payload": payload,
            "received_at": now,
            "attempts": 0,
        }
        for update_id, payload in updates
    ]
    fresh = set((await session.execute(statement, rows)).scalars())
    return [update_id for update_id, _ in updates if update_id in fresh]


async def unhandled(
    session: AsyncSession, bot_id: int, *, limit: int, received_before: datetime | None = None
) -> list[ReceivedUpdate]:
    """The updates not handled yet, oldest first (optionally only those received before)."""
    query = select(ReceivedUpdate).where(
        ReceivedUpdate.bot_id == bot_id, ReceivedUpdate.handled_at.is_(None)
    )
    if received_before is not None:
        query = query.where(ReceivedUpdate.received_at < received_before)
    return list(await session.scalars(query.order_by(ReceivedUpdate.update_id).limit(limit)))


def _row(bot_id: int, update_id: int) -> Update:
    """An update of one row (SQLAlchemy Core: every update makes two or three of them)."""
    table = RECEIVED_UPDATES
    return update(table).where(table.c.bot_id == bot_id, table.c.update_id == update_id)


async def mark_handled(session: AsyncSession, bot_id: int, update_id: int, now: datetime) -> None:
    attempts = RECEIVED_UPDATES.c.attempts + 1
    await session.execute(
        _row(bot_id, update_id).values(handled_at=now, attempts=attempts, pending_call=None)
    )


async def note_call(
    session: AsyncSession, bot_id: int, update_id: int, call: dict[str, Any]
) -> None:
    """The call the handler is about to make, committed with its writes."""
    await session.execute(_row(bot_id, update_id).values(pending_call=call))


async def mark_attempt(session: AsyncSession, bot_id: int, update_id: int) -> None:
    """An attempt that failed for an outage: the update stays to be taken again."""
    await session.execute(_row(bot_id, update_id).values(attempts=RECEIVED_UPDATES.c.attempts + 1))


async def prune(session: AsyncSession, now: datetime) -> list[int]:
    """Remove what was handled a day ago; give up what keeps failing (returns their ids)."""
    await session.execute(
        delete(ReceivedUpdate).where(ReceivedUpdate.handled_at < now - KEEP_HANDLED)
    )
    given_up = await session.scalars(
        update(ReceivedUpdate)
        .where(
            ReceivedUpdate.handled_at.is_(None),
            ReceivedUpdate.attempts >= GIVE_UP_ATTEMPTS,
            ReceivedUpdate.received_at < now - GIVE_UP_AGE,
        )
        .values(handled_at=now)
        .returning(ReceivedUpdate.update_id)
    )
    return list(given_up)
