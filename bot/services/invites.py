"""Invite links: a role in one organisation, an expiry, a number of uses, revocable.

Redeeming is one conditional UPDATE, so two people racing for the last use cannot both win."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import validation
from bot.services.access import Actor
from bot.services.errors import DomainError, NotFound, ValidationFailed
from bot.services.pagination import Page, paginate
from bot.texts import invites as texts
from models import Invite, InviteOpening, Person, utcnow
from models.enums import Role

TEACHER_ROLES = (Role.MENTOR, Role.MENTEE)
EXPIRY_DAYS_CHOICES = (1, 7, 30)
USES_CHOICES = (1, 10, 50, 200)
CURATOR_INVITE_DAYS = 7
CODE_BYTES = 12  # 16 URL-safe characters; a start parameter may hold up to 64
# How long an opened invite is remembered for a newcomer who has not finished registering.
OPENING_KEPT = timedelta(days=7)


class InviteUnusable(DomainError):
    """The link is unknown, revoked, expired or used up; the message says which."""


def usable_conditions(now: datetime) -> tuple[ColumnElement[bool], ...]:
    """SQL conditions of an invite that can still be used."""
    return (Invite.revoked_at.is_(None), Invite.expires_at > now, Invite.uses < Invite.max_uses)


def check_wizard_choice(role: Role, days: int = 0, uses: int = 0) -> None:
    """Refuse what a curator's invite buttons never offer (0 means «not chosen yet»)."""
    if (
        role not in TEACHER_ROLES
        or (days and days not in EXPIRY_DAYS_CHOICES)
        or (uses and uses not in USES_CHOICES)
    ):
        raise ValidationFailed(texts.INVITE_BAD_PARAMETERS)


def deep_link(bot_username: str, code: str) -> str:
    return f"https://t.me/{bot_username}?start={code}"


async def create_invite(
    session: AsyncSession,
    actor: Actor,
    *,
    organization_id: int,
    role: Role,
    expires_in_days: int,
    max_uses: int,
    now: datetime | None = None,
) -> Invite:
    """Curators invite mentors and mentees of their organisation; admins invite curators."""
    if role is Role.CURATOR:
        actor.require_admin()
        allowed = (expires_in_days, max_uses) == (CURATOR_INVITE_DAYS, 1)
    else:
        actor.require_organization_manager(organization_id)
        allowed = expires_in_days in EXPIRY_DAYS_CHOICES and max_uses in USES_CHOICES
    if not allowed:
        raise ValidationFailed(texts.INVITE_BAD_PARAMETERS)
    invite = Invite(
        code=secrets.token_urlsafe(CODE_BYTES),
        organization_id=organization_id,
        role=role,
        expires_at=(now or utcnow()) + timedelta(days=expires_in_days),
        max_uses=max_uses,
        created_by_person_id=actor.person.id if actor.person else None,
        created_by_telegram_id=actor.telegram_id,
    )
    session.add(invite)
    await session.flush()
    return invite


async def create_curator_invite(
    session: AsyncSession, actor: Actor, organization_id: int
) -> Invite:
    """A one-use link by which an admin appoints an organisation's curator; it replaces any
    earlier curator link of that organisation not yet used, so a leaked one stops working."""
    actor.require_admin()
    await session.execute(
        update(Invite)
        .where(
            Invite.organization_id == organization_id,
            Invite.role == Role.CURATOR,
            *usable_conditions(utcnow()),
        )
        .values(revoked_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return await create_invite(
        session,
        actor,
        organization_id=organization_id,
        role=Role.CURATOR,
        expires_in_days=CURATOR_INVITE_DAYS,
        max_uses=1,
    )


async def list_active_invites(
    session: AsyncSession, actor: Actor, page: int, now: datetime | None = None
) -> Page[Invite]:
    curator = actor.require_curator()
    now = now or utcnow()
    query = (
        select(Invite)
        .where(
            Invite.organization_id == curator.organization_id,
            Invite.role != Role.CURATOR,
            *usable_conditions(now),
        )
        .order_by(Invite.created_at.desc(), Invite.id.desc())
    )
    return await paginate(session, query, page)


PERSONAL_INVITE_DAYS = 30
PENDING_SHOWN = 10  # teachers found by name at once


def personal_invite(
    actor: Actor, curator: Person, person: Person, role: Role, now: datetime
) -> Invite:
    """A one-use link made for one teacher of a staff list: redeeming it fills their row."""
    return Invite(
        code=secrets.token_urlsafe(CODE_BYTES),
        organization_id=curator.organization_id,
        role=role,
        expires_at=now + timedelta(days=PERSONAL_INVITE_DAYS),
        max_uses=1,
        created_by_person_id=curator.id,
        created_by_telegram_id=actor.telegram_id,
        person_id=person.id,
    )


async def usable_personal_invite(
    session: AsyncSession, person: Person, now: datetime
) -> Invite | None:
    return await session.scalar(
        select(Invite)
        .where(Invite.person_id == person.id, *usable_conditions(now))
        .order_by(Invite.created_at.desc(), Invite.id.desc())
    )


async def pending_teachers(
    session: AsyncSession, actor: Actor, query: str | None
) -> list[tuple[Person, Invite | None]]:
    """Teachers of the curator's organisation who have not joined yet, found by part of the
    name, each with their personal link still usable (or None)."""
    curator = actor.require_curator()
    needle = validation.search_text(query)
    people = await session.scalars(
        select(Person)
        .where(
            Person.organization_id == curator.organization_id,
            Person.telegram_id.is_(None),
            Person.erased_at.is_(None),
            Person.search_name.contains(needle, autoescape=True),
        )
        .order_by(Person.full_name, Person.id)
        .limit(PENDING_SHOWN)
    )
    now = utcnow()
    return [(person, await usable_personal_invite(session, person, now)) for person in people]


async def renew_personal_invite(session: AsyncSession, actor: Actor, person_id: int) -> Invite:
    """A new personal link for a teacher who has not joined; the earlier ones stop working
    (one may have gone to the wrong person)."""
    curator = actor.require_curator()
    person = await session.get(Person, person_id)
    if person is None or person.erased_at is not None:
        raise NotFound(texts.INVITE_NOT_FOUND)
    actor.require_organization_manager(person.organization_id)
    if person.telegram_id is not None:
        raise ValidationFailed(texts.INVITE_ALREADY_JOINED)
    now = utcnow()
    await session.execute(
        update(Invite)
        .where(Invite.person_id == person.id, *usable_conditions(now))
        .values(revoked_at=now)
        .execution_options(synchronize_session=False)
    )
    role = next((role for role in Role if role in person.role_set), Role.MENTEE)
    invite = personal_invite(actor, curator, person, role, now)
    session.add(invite)
    await session.flush()
    return invite


async def get_managed_invite(session: AsyncSession, actor: Actor, invite_id: int) -> Invite:
    """An invite of an organisation this person manages (a curator's link: admins only)."""
    invite = await session.get(Invite, invite_id)
    if invite is None:
        raise NotFound(texts.INVITE_NOT_FOUND)
    actor.require_organization_manager(invite.organization_id)
    if invite.role is Role.CURATOR:
        actor.require_admin()
    return invite


async def revoke_invite(session: AsyncSession, actor: Actor, invite_id: int) -> Invite:
    invite = await get_managed_invite(session, actor, invite_id)
    if invite.revoked_at is None:
        invite.revoked_at = utcnow()
        await session.flush()
    return invite


async def find_usable_invite(
    session: AsyncSession, code: str, now: datetime | None = None
) -> Invite:
    """The invite behind a start code, or `InviteUnusable` saying why it cannot be used."""
    now = now or utcnow()
    invite = await session.scalar(select(Invite).where(Invite.code == code))
    if invite is None:
        raise InviteUnusable(texts.INVITE_UNKNOWN)
    if invite.revoked_at is not None:
        raise InviteUnusable(texts.INVITE_REVOKED)
    if invite.expires_at <= now:
        raise InviteUnusable(texts.INVITE_EXPIRED)
    if invite.uses >= invite.max_uses:
        raise InviteUnusable(texts.INVITE_EXHAUSTED)
    return invite


async def redeem_invite(session: AsyncSession, code: str, now: datetime | None = None) -> Invite:
    """Spend one use of the invite, atomically; raises `InviteUnusable` if it is no longer valid."""
    now = now or utcnow()
    invite = await find_usable_invite(session, code, now)
    result = await session.execute(
        update(Invite)
        .where(
            Invite.id == invite.id,
            *usable_conditions(now),
        )
        .values(uses=Invite.uses + 1)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise InviteUnusable(texts.INVITE_EXHAUSTED)
    await session.refresh(invite)
    return invite


async def note_opening(
    session: AsyncSession, telegram_id: int, invite: Invite, now: datetime
) -> None:
    """A newcomer opened this invite: remembered until they register (a week at most), so that
    a registration whose dialogue is lost can be begun again by the same link."""
    await session.execute(delete(InviteOpening).where(InviteOpening.opened_at < now - OPENING_KEPT))
    opening = await session.get(InviteOpening, telegram_id)
    if opening is None:
        session.add(InviteOpening(telegram_id=telegram_id, invite_id=invite.id, opened_at=now))
    else:
        opening.invite_id, opening.opened_at = invite.id, now
    await session.flush()


async def interrupted_registration(
    session: AsyncSession, telegram_id: int, now: datetime
) -> Invite | None:
    """The invite this newcomer opened lately and did not finish registering by, while it can
    still be used."""
    return await session.scalar(
        select(Invite)
        .join(InviteOpening, InviteOpening.invite_id == Invite.id)
        .where(
            InviteOpening.telegram_id == telegram_id,
            InviteOpening.opened_at >= now - OPENING_KEPT,
            *usable_conditions(now),
        )
    )


async def forget_opening(session: AsyncSession, telegram_id: int) -> None:
    await session.execute(delete(InviteOpening).where(InviteOpening.telegram_id == telegram_id))
