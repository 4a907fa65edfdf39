"""Mentors across schools (virtual mentoring, seed 001 §4.2): a mentor who agreed to mentor
beyond their school may be paired with a mentee of another organisation of the same region.
The pair belongs to the mentee's school; each school counts its own people. Which organisations
are neighbours, and whether a mentor may be proposed across schools, is decided here."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Organization, Person, Territory


def in_region(region_id: int) -> Any:
    """Condition on `Organization`: of the region, directly or through a municipality."""
    return or_(
        Organization.territory_id == region_id,
        Organization.territory_id.in_(select(Territory.id).where(Territory.parent_id == region_id)),
    )


async def region_of(session: AsyncSession, organization_id: int) -> int | None:
    """The region an organisation is in (None: not put in a territory yet)."""
    return await session.scalar(
        select(func.coalesce(Territory.parent_id, Territory.id))
        .join(Organization, Organization.territory_id == Territory.id)
        .where(Organization.id == organization_id)
    )


async def neighbours(session: AsyncSession, organization_id: int) -> list[int]:
    """The other organisations of the same region."""
    region = await region_of(session, organization_id)
    if region is None:
        return []
    return list(
        await session.scalars(
            select(Organization.id).where(in_region(region), Organization.id != organization_id)
        )
    )


async def may_mentor_in(session: AsyncSession, mentor: Person, organization_id: int) -> bool:
    """A mentor of another school may be proposed here: they agreed, and both schools are of
    one region."""
    return mentor.mentor_beyond_school and mentor.organization_id in await neighbours(
        session, organization_id
    )
