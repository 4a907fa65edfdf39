"""Invite rules on the database: who may create which link, and redeeming that cannot
overshoot the number of uses."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.services import invites
from bot.services.access import Actor
from bot.services.errors import AccessDenied, ValidationFailed
from bot.texts import invites as texts
from models import Invite, Person, utcnow
from models.enums import Role
from tests.factories import make_invite, make_organization, make_person


async def load(factory, person_id: int) -> Person:
    async with factory() as session:
        person: Person | None = await session.get(Person, person_id)
        assert person is not None
        return person


async def test_curator_invites_only_teachers_of_own_organization(session_factory) -> None:
    home = await make_organization(session_factory)
    other = await make_organization(session_factory, "Другая")
    curator = await load(session_factory, await make_person(session_factory, home, 1, Role.CURATOR))
    actor = Actor(telegram_id=1, person=curator, is_admin=False)
    async with session_factory() as session, session.begin():
        invite = await invites.create_invite(
            session, actor, organization_id=home, role=Role.MENTOR, expires_in_days=7, max_uses=10
        )
        assert invite.expires_at - utcnow() > timedelta(days=6, hours=23)
        with pytest.raises(AccessDenied):
            await invites.create_invite(
                session,
                actor,
                organization_id=other,
                role=Role.MENTEE,
                expires_in_days=7,
                max_uses=1,
            )
        with pytest.raises(AccessDenied):
            await invites.create_invite(
                session,
                actor,
                organization_id=home,
                role=Role.CURATOR,
                expires_in_days=7,
                max_uses=1,
            )
        with pytest.raises(ValidationFailed):
            await invites.create_invite(
                session,
                actor,
                organization_id=home,
                role=Role.MENTEE,
                expires_in_days=2,
                max_uses=1,
            )


async def test_redeem_never_overshoots_max_uses(session_factory) -> None:
    organization_id = await make_organization(session_factory)
    code = await make_invite(session_factory, organization_id, Role.MENTEE, max_uses=2)
    for _ in range(2):
        async with session_factory() as session, session.begin():
            await invites.redeem_invite(session, code)
    async with session_factory() as session, session.begin():
        with pytest.raises(invites.InviteUnusable) as error:
            await invites.redeem_invite(session, code)
    assert error.value.message == texts.INVITE_EXHAUSTED


def test_deep_link() -> None:
    assert invites.deep_link("bot", "abc_-1") == "https://t.me/bot?start=abc_-1"


async def test_redeem_update_itself_refuses_a_used_up_invite(session_factory, monkeypatch) -> None:
    """Two people racing for the last use both pass the first check; the UPDATE decides."""
    organization_id = await make_organization(session_factory)
    code = await make_invite(session_factory, organization_id, Role.MENTEE, max_uses=1, uses=1)

    async def stale_check(session, code, now=None):  # what a racer read a moment earlier
        invite = await session.scalar(select(Invite).where(Invite.code == code))
        assert invite is not None
        return invite

    monkeypatch.setattr(invites, "find_usable_invite", stale_check)
    async with session_factory() as session, session.begin():
        with pytest.raises(invites.InviteUnusable):
            await invites.redeem_invite(session, code)
    async with session_factory() as session:
        assert await session.scalar(select(Invite.uses).where(Invite.code == code)) == 1


async def test_a_new_curator_link_replaces_the_old_one(session_factory) -> None:
    organization_id = await make_organization(session_factory)
    admin = Actor(telegram_id=1, person=None, is_admin=True)
    async with session_factory() as session, session.begin():
        first = await invites.create_curator_invite(session, admin, organization_id)
        second = await invites.create_curator_invite(session, admin, organization_id)
        await session.refresh(first)
        assert first.revoked_at is not None and second.revoked_at is None
    with pytest.raises(AccessDenied):
        async with session_factory() as session, session.begin():
            await invites.create_curator_invite(
                session, Actor(telegram_id=2, person=None, is_admin=False), organization_id
            )
