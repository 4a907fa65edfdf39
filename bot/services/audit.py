"""The audit log: every read of people's data by a curator or an admin (a pair's page, a
workbook) is written down — who, what, when — and admins read it with /audit."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.access import Actor
from models import AuditEntry

SHOWN = 30


async def record(
    session: AsyncSession,
    actor: Actor,
    action: str,
    *,
    organization_id: int | None,
    object_type: str | None = None,
    object_id: int | None = None,
    details: str | None = None,
) -> None:
    session.add(
        AuditEntry(
            actor_telegram_id=actor.telegram_id,
            actor_person_id=actor.person.id if actor.person else None,
            organization_id=organization_id,
            action=action,
            object_type=object_type,
            object_id=object_id,
            details=details,
        )
    )
    await session.flush()


async def latest(session: AsyncSession, actor: Actor) -> list[AuditEntry]:
    actor.require_admin()
    return list(
        await session.scalars(
            select(AuditEntry)
            .order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
            .limit(SHOWN)
        )
    )
