"""A working pair's life after it is formed: a pause with its reason and the resumption, a
stalled pair (no meeting and no programme step for the organisation's N days) flagged to the
curator once, and the curator's word to both sides."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import pairs, validation
from bot.services.access import Actor
from bot.services.errors import ValidationFailed
from bot.texts import pairs as texts
from models import Organization, Pair, PairPause, utcnow
from models.enums import PairStatus

REASON_MAX = 500
MESSAGE_MAX = 2000


async def pause(
    session: AsyncSession, actor: Actor, pair_id: int, reason: str | None
) -> pairs.PairView:
    """An active pair rests: meetings are not planned and reminders wait until it resumes."""
    loaded = await pairs.managed_pair(session, actor, pair_id)
    pairs.require_working(loaded.pair)
    text = validation.short_text(reason, field="Причина", maximum=REASON_MAX)
    loaded.pair.status = PairStatus.PAUSED
    session.add(
        PairPause(
            pair_id=pair_id,
            reason=text,
            paused_at=utcnow(),
            paused_by_id=actor.require_person().id,
        )
    )
    await session.flush()
    return loaded


async def resume(session: AsyncSession, actor: Actor, pair_id: int) -> pairs.PairView:
    loaded = await pairs.managed_pair(session, actor, pair_id)
    if loaded.pair.status is not PairStatus.PAUSED:
        raise ValidationFailed(texts.PAIR_NOT_PAUSED)
    loaded.pair.status = PairStatus.ACTIVE
    current = await open_pause(session, pair_id)
    if current is not None:
        current.resumed_at = utcnow()
    await session.flush()
    return loaded


async def open_pause(session: AsyncSession, pair_id: int) -> PairPause | None:
    return await session.scalar(
        select(PairPause)
        .where(PairPause.pair_id == pair_id, PairPause.resumed_at.is_(None))
        .order_by(PairPause.paused_at.desc())
        .limit(1)
    )


async def newly_stalled(session: AsyncSession, now: datetime) -> list[tuple[Pair, int]]:
    """Active pairs stalled by their organisation's N days and not flagged in the last N days
    (a pair still stalled is flagged again every N days), each with its N; each is marked as
    flagged, and the caller tells the curators in the same transaction. One query for each N
    the organisations use (a handful of choices), whatever their number."""
    found: list[tuple[Pair, int]] = []
    for days in await session.scalars(select(Organization.stalled_days).distinct()):
        since = now - timedelta(days=days)
        for pair in await session.scalars(
            select(Pair)
            .join(Organization, Organization.id == Pair.organization_id)
            .where(
                Organization.stalled_days == days,
                or_(Pair.stalled_flagged_at.is_(None), Pair.stalled_flagged_at < since),
                *pairs.stalled_conditions(now, days),
            )
        ):
            pair.stalled_flagged_at = now
            found.append((pair, days))
    await session.flush()
    return found


async def check_can_message(session: AsyncSession, actor: Actor, pair_id: int) -> pairs.PairView:
    loaded = await pairs.managed_pair(session, actor, pair_id)
    if loaded.pair.status not in pairs.LIVE_STATUSES:
        pairs.require_working(loaded.pair)
    return loaded


def curator_message(text: str | None) -> str:
    return validation.short_text(text, field="Сообщение", maximum=MESSAGE_MAX)
