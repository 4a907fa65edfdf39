"""Organisations: created by admins, listed for the regional view."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import validation
from bot.services.access import Actor
from bot.services.errors import NotFound, ValidationFailed
from bot.services.pagination import Page, paginate
from bot.texts import organizations as texts
from bot.texts.settings import ORG_BAD_SETTING
from models import Organization, Person, PersonRole
from models.enums import Role


async def create_organization(
    session: AsyncSession, actor: Actor, *, name: str, timezone: str, region: str
) -> Organization:
    actor.require_admin()
    organization = Organization(
        name=validation.organization_name(name),
        timezone=validation.timezone_name(timezone),
        region=validation.region(region),
        created_by_telegram_id=actor.telegram_id,
    )
    session.add(organization)
    await session.flush()
    return organization


async def get_organization(session: AsyncSession, organization_id: int) -> Organization:
    organization = await session.get(Organization, organization_id)
    if organization is None:
        raise NotFound(texts.ORGANIZATION_NOT_FOUND)
    return organization


async def list_organizations(session: AsyncSession, actor: Actor, page: int) -> Page[Organization]:
    actor.require_admin()
    query = select(Organization).order_by(Organization.name, Organization.id)
    return await paginate(session, query, page)


async def organization_card(
    session: AsyncSession, actor: Actor, organization_id: int
) -> tuple[Organization, int, int]:
    """An organisation with its number of registered people and of curators."""
    actor.require_admin()
    organization = await get_organization(session, organization_id)
    active = (Person.organization_id == organization_id, Person.erased_at.is_(None))
    people_count = await session.scalar(select(func.count(Person.id)).where(*active))
    curators = await session.scalar(
        select(func.count(PersonRole.id))
        .join(Person, Person.id == PersonRole.person_id)
        .where(*active, PersonRole.role == Role.CURATOR)
    )
    return organization, people_count or 0, curators or 0


class OrgSetting(StrEnum):
    """A setting the curator changes in /settings."""

    ESCALATION_HOURS = "escalation_hours"
    NUDGE_DAYS = "nudge_days"
    STALLED_DAYS = "stalled_days"
    PULSE_DAYS = "pulse_days"
    QUIET = "quiet"  # the quiet hours, as start * 100 + end


ESCALATION_HOURS_CHOICES = (1, 2, 4, 8, 24)
NUDGE_DAYS_CHOICES = (7, 14, 21, 30)
STALLED_DAYS_CHOICES = (21, 30, 45, 60)
PULSE_DAYS_CHOICES = (7, 14, 28, 0)  # 0: mentees are not asked
# quiet hours as start * 100 + end: 21–08 is 2108; 0 means none
QUIET_CHOICES = (2108, 2207, 2009, 0)


async def own_organization(actor: Actor) -> Organization:
    """The curator's organisation, for its settings."""
    return actor.require_curator().organization


async def update_setting(
    session: AsyncSession, actor: Actor, field: OrgSetting, value: int
) -> Organization:
    """The curator changes one setting of their organisation to one of the offered values:
    how long a help request waits before escalation, after how many days without a meeting
    the mentor is nudged, after how many days without a meeting or a programme step a pair is
    flagged to the curator as stalled, every how many days mentees are asked how the work
    goes, and the organisation's quiet hours."""
    organization = await own_organization(actor)
    if field is OrgSetting.ESCALATION_HOURS and value in ESCALATION_HOURS_CHOICES:
        organization.help_escalation_hours = value
    elif field is OrgSetting.NUDGE_DAYS and value in NUDGE_DAYS_CHOICES:
        organization.no_meeting_nudge_days = value
    elif field is OrgSetting.STALLED_DAYS and value in STALLED_DAYS_CHOICES:
        organization.stalled_days = value
    elif field is OrgSetting.PULSE_DAYS and value in PULSE_DAYS_CHOICES:
        organization.pulse_days = value
    elif field is OrgSetting.QUIET and value in QUIET_CHOICES:
        organization.quiet_hours_start, organization.quiet_hours_end = divmod(value, 100)
    else:
        raise ValidationFailed(ORG_BAD_SETTING)
    await session.flush()
    return organization
