"""Announcements: a curator's to their organisation, a coordinator's (or an admin's) to a
territory, for everyone there or for one role. Each recipient gets one row of the outbox, so
an announcement is paced within Telegram's limits together with the reminders, waits for the
end of the quiet hours, may be muted in /reminders, and a blocked chat fails alone; its author
sees how many it reached."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import outbox, pairs, territories, validation
from bot.services.access import Actor
from bot.services.errors import AccessDenied, NotFound, ValidationFailed
from bot.services.reminders import preferences
from bot.services.reminders.kinds import Kind
from bot.texts import announcements as texts
from models import Announcement, Notification, Organization, Person, PersonRole
from models.enums import AnnouncementAudience, NotificationStatus, Role

TEXT_MAX = 3500
CAPTION_MAX = 900  # with a file, the text is its caption: Telegram takes 1024 with the heading
ROLE_OF = {
    AnnouncementAudience.MENTORS: Role.MENTOR,
    AnnouncementAudience.MENTEES: Role.MENTEE,
    AnnouncementAudience.CURATORS: Role.CURATOR,
}


@dataclass(frozen=True, slots=True)
class Scope:
    """Where an announcement goes: one organisation, or a territory's organisations."""

    name: str
    organization_ids: list[int]
    organization_id: int | None = None
    territory_id: int | None = None


async def scope_of(session: AsyncSession, actor: Actor, territory_id: int | None = None) -> Scope:
    """A territory the actor sees (given), else the curator's organisation, else the
    coordinator's territory."""
    if territory_id is None and actor.person is not None and actor.has_role(Role.CURATOR):
        curator = actor.require_curator()
        return Scope(curator.organization.name, [curator.organization_id], curator.organization_id)
    if territory_id is None:
        coordinator = await territories.coordinator_of(session, actor.telegram_id)
        if coordinator is None:
            raise AccessDenied(texts.ACCESS_ANNOUNCE)
        territory_id = coordinator.territory_id
    territory = await territories.require_territory(session, actor, territory_id)
    members = await territories.members(session, territory)
    return Scope(territory.name, [member.id for member in members], territory_id=territory.id)


def check_text(text: str | None, *, with_file: bool) -> str:
    return validation.short_text(
        text, field=texts.FIELD, maximum=CAPTION_MAX if with_file else TEXT_MAX
    )


async def recipients(
    session: AsyncSession, scope: Scope, audience: AnnouncementAudience
) -> list[int]:
    """The people of the scope it reaches: in the bot, not blocking it, on the staff, of the
    role asked for."""
    conditions: list[ColumnElement[bool]] = [
        Person.organization_id.in_(scope.organization_ids),
        Person.telegram_id.is_not(None),
        Person.is_active.is_(True),
        Person.erased_at.is_(None),
    ]
    role = ROLE_OF.get(audience)
    if role is not None:
        conditions.append(
            exists().where(PersonRole.person_id == Person.id, PersonRole.role == role)
        )
    rows = await session.execute(
        select(Person.id, Person.left_on, Organization.timezone)
        .join(Organization, Organization.id == Person.organization_id)
        .where(*conditions)
        .order_by(Person.id)
    )
    return [
        person_id
        for person_id, left_on, timezone in rows.all()
        if left_on is None or left_on > pairs.local_today(timezone)
    ]


async def send(
    session: AsyncSession,
    actor: Actor,
    scope: Scope,
    audience: AnnouncementAudience,
    text: str,
    now: datetime,
    *,
    file_id: str | None = None,
    file_name: str | None = None,
) -> Announcement:
    """Queue the announcement for everyone it reaches; refused when it reaches nobody."""
    body = check_text(text, with_file=file_id is not None)
    people = await recipients(session, scope, audience)
    if not people:
        raise ValidationFailed(texts.NOBODY)
    announcement = Announcement(
        author_telegram_id=actor.telegram_id,
        author_name=await author_name(session, actor),
        scope_name=scope.name,
        organization_id=scope.organization_id,
        territory_id=scope.territory_id,
        audience=audience,
        text=body,
        file_id=file_id,
        file_name=file_name,
        recipients=len(people),
    )
    session.add(announcement)
    await session.flush()
    payload = {"announcement_id": announcement.id}
    await outbox.enqueue(
        session,
        [
            outbox.Draft(
                _key(announcement.id, person_id), person_id, Kind.ANNOUNCEMENT, now, payload
            )
            for person_id in people
        ],
    )
    return announcement


async def author_name(session: AsyncSession, actor: Actor) -> str:
    """How the announcement is signed: the person, the coordinator, or the administrator."""
    if actor.person is not None:
        return actor.person.full_name
    coordinator = await territories.coordinator_of(session, actor.telegram_id)
    if coordinator is not None and coordinator.full_name:
        return coordinator.full_name
    return texts.ADMIN_NAME


def _key(announcement_id: int, person_id: int) -> str:
    return _prefix(announcement_id) + str(person_id)


def _prefix(announcement_id: int) -> str:
    """The keys of one announcement's rows begin so."""
    return f"{Kind.ANNOUNCEMENT}:{announcement_id}:"


@dataclass(frozen=True, slots=True)
class Delivery:
    announcement: Announcement
    sent: int
    failed: int  # blocked the bot, or could not be sent
    muted: int  # turned announcements off in /reminders
    waiting: int  # in the queue: quiet hours, or Telegram's pace

    @property
    def total(self) -> int:
        return self.announcement.recipients


async def delivery(session: AsyncSession, actor: Actor, announcement_id: int) -> Delivery:
    """How far the announcement got: only its author sees it."""
    announcement = await session.get(Announcement, announcement_id)
    if announcement is None or announcement.author_telegram_id != actor.telegram_id:
        raise NotFound(texts.NOT_FOUND)
    counts: dict[str, int] = {"sent": 0, "failed": 0, "muted": 0, "waiting": 0}
    for status, reason, count in await session.execute(
        select(Notification.status, Notification.last_error, func.count())
        .where(Notification.key.startswith(_prefix(announcement.id)))
        .group_by(Notification.status, Notification.last_error)
    ):
        if status is NotificationStatus.SENT:
            counts["sent"] += count
        elif status in (NotificationStatus.PENDING, NotificationStatus.CLAIMED):
            counts["waiting"] += count
        elif reason == preferences.TURNED_OFF:
            counts["muted"] += count
        else:
            counts["failed"] += count
    return Delivery(announcement, **counts)
