"""The audit log: every read of people's data by a curator or an admin (a pair's page, a
workbook) is written down — who, what, when — and admins read it with /audit."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.access import Actor
from models import AuditEntry, Organization, Person

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


@dataclass(frozen=True, slots=True)
class Line:
    """An entry as the log shows it: who by name, the organisation by name and its time zone."""

    entry: AuditEntry
    who: str
    organization: str | None
    timezone: str | None


async def latest(session: AsyncSession, actor: Actor) -> list[Line]:
    actor.require_admin()
    entries = list(
        await session.scalars(
            select(AuditEntry)
            .order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
            .limit(SHOWN)
        )
    )
    people = dict(
        (
            await session.execute(
                select(Person.id, Person.full_name).where(
                    Person.id.in_({entry.actor_person_id for entry in entries})
                )
            )
        ).all()
    )
    organizations = {
        row.id: (row.name, row.timezone)
        for row in await session.execute(
            select(Organization.id, Organization.name, Organization.timezone).where(
                Organization.id.in_({entry.organization_id for entry in entries})
            )
        )
    }
    lines = []
    for entry in entries:
        name, timezone = organizations.get(entry.organization_id or 0, (None, None))
        who = people.get(entry.actor_person_id or 0) or str(entry.actor_telegram_id or "")
        lines.append(Line(entry, who, name, timezone))
    return lines
