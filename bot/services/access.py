"""Who is acting: the Telegram user, their person record (if registered) and admin rights,
and the checks every command and callback makes on the server."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.errors import AccessDenied
from bot.texts import common as texts
from models import Pair, PairMember, Person, utcnow
from models.enums import PairStatus, Role


def _today(person: Person) -> date:
    return utcnow().astimezone(ZoneInfo(person.organization.timezone)).date()


@dataclass(frozen=True, slots=True)
class Actor:
    telegram_id: int
    person: Person | None
    is_admin: bool
    username: str | None = None  # the Telegram username, for a person registering

    @property
    def roles(self) -> frozenset[Role]:
        """The person's roles; none for a teacher who left (they keep only their own data)."""
        return self.person.role_set if self.person and not self.left else frozenset()

    @property
    def left(self) -> bool:
        """A teacher marked as having left the organisation."""
        person = self.person
        return (
            person is not None and person.left_on is not None and person.left_on <= _today(person)
        )

    @property
    def is_registered(self) -> bool:
        return self.person is not None

    def has_role(self, role: Role) -> bool:
        return role in self.roles

    def require_admin(self) -> None:
        if not self.is_admin:
            raise AccessDenied(texts.ACCESS_ADMIN_ONLY)

    def require_person(self) -> Person:
        if self.person is None:
            raise AccessDenied(texts.NEED_INVITE)
        return self.person

    def require_role(self, role: Role) -> Person:
        """The person in this role, on the staff: a teacher who left keeps only their own
        data (/my_data, /delete_me), not the role."""
        person = self.require_person()
        if role not in person.role_set:
            raise AccessDenied(texts.ACCESS_ROLE_ONLY[role])
        if self.left:
            raise AccessDenied(texts.ACCESS_LEFT)
        return person

    def require_curator(self) -> Person:
        """The curator's person record; their organisation is the only one they may touch."""
        return self.require_role(Role.CURATOR)

    def is_curator_of(self, organization_id: int) -> bool:
        """The curator of this organisation: a mentor of a pair in another school (virtual
        mentoring) who is a curator in their own is not that pair's curator."""
        person = self.person
        return (
            person is not None
            and person.organization_id == organization_id
            and Role.CURATOR in self.roles
        )

    def require_curator_of(self, organization_id: int) -> Person:
        curator = self.require_curator()
        if curator.organization_id != organization_id:
            raise AccessDenied(texts.ACCESS_OTHER_ORGANIZATION)
        return curator

    def require_organization_manager(self, organization_id: int) -> None:
        """Admins manage every organisation; a curator only their own."""
        if self.is_admin:
            return
        curator = self.require_curator()
        if curator.organization_id != organization_id:
            raise AccessDenied(texts.ACCESS_OTHER_ORGANIZATION)


async def require_mentee_visible(session: AsyncSession, actor: Actor, mentee: Person) -> None:
    """A mentee's difficulties and self-diagnosis are seen by the mentee, by their mentor in an
    active pair or group, and by the curator of their organisation; by nobody else."""
    viewer = actor.require_person()
    if viewer.id == mentee.id:
        return
    if viewer.organization_id == mentee.organization_id and Role.CURATOR in viewer.role_set:
        return
    # a mentor may be of another school (virtual mentoring)
    if await is_mentor_of(session, viewer.id, mentee.id):
        return
    if viewer.organization_id != mentee.organization_id:
        raise AccessDenied(texts.ACCESS_OTHER_ORGANIZATION)
    raise AccessDenied(texts.ACCESS_NOT_YOUR_MENTEE)


async def is_mentor_of(session: AsyncSession, mentor_id: int, mentee_id: int) -> bool:
    found = await session.scalar(
        select(
            exists().where(
                Pair.id == PairMember.pair_id,
                Pair.mentor_id == mentor_id,
                Pair.status == PairStatus.ACTIVE,
                PairMember.mentee_id == mentee_id,
                PairMember.left_at.is_(None),
            )
        )
    )
    return bool(found)
