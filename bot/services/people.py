"""People: registration through an invite, roles, the profile, the export of everything stored
about a person, erasure of their personal data, and the blocked-the-bot state."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from bot.services import validation
from bot.services.access import Actor
from bot.services.errors import AccessDenied, ValidationFailed
from bot.services.invites import (
    InviteUnusable,
    find_usable_invite,
    forget_opening,
    redeem_invite,
)
from bot.texts.invites import INVITE_OTHER_ORGANIZATION, INVITE_REVOKED
from bot.texts.profile import ERASED_TEXT, PROFILE_UNKNOWN_FIELD
from bot.texts.registration import ALREADY_REGISTERED
from bot.texts.staff import INVITE_PERSONAL_OTHER
from bot.texts.vocabulary import ERASED_PERSON
from models import (
    Base,
    Difficulty,
    Feedback,
    Goal,
    GoalProgress,
    HelpMessage,
    HelpRequest,
    Invite,
    Meeting,
    MeetingParticipant,
    Notification,
    NotificationPreference,
    Pair,
    PairMember,
    Person,
    PersonRole,
    Programme,
    ProgrammeActivity,
    SelfAssessment,
    utcnow,
)
from models.enums import Role


@dataclass(frozen=True, slots=True)
class Registration:
    """What the registration dialogue collected, already validated."""

    full_name: str
    position: str
    subject: str
    experience_years: int


class InviteOutcome(Enum):
    NEW_PERSON = "new_person"
    ROLE_ADDED = "role_added"
    ALREADY_HAS_ROLE = "already_has_role"


EDITABLE_FIELDS = ("full_name", "position", "subject", "experience_years")


async def find_by_telegram_id(session: AsyncSession, telegram_id: int) -> Person | None:
    """The person behind a Telegram user, with their organisation and roles in one query (it
    runs for every update)."""
    found = await session.scalars(
        select(Person)
        .options(joinedload(Person.roles))
        .where(Person.telegram_id == telegram_id, Person.erased_at.is_(None))
    )
    return found.unique().one_or_none()


async def by_ids(session: AsyncSession, ids: Collection[int]) -> dict[int, Person]:
    """These people (with their organisations and roles), by id; the unknown ones left out."""
    found = await session.scalars(select(Person).where(Person.id.in_(ids)))
    return {person.id: person for person in found}


async def check_invite_for(
    session: AsyncSession, actor: Actor, code: str
) -> tuple[InviteOutcome, Invite]:
    """What opening this invite would do for this user; raises if it cannot be used."""
    invite = await find_usable_invite(session, code)
    person = actor.person
    if person is not None and invite.person_id is not None and invite.person_id != person.id:
        raise AccessDenied(INVITE_PERSONAL_OTHER)
    if person is None:
        return InviteOutcome.NEW_PERSON, invite
    if person.organization_id != invite.organization_id:
        raise AccessDenied(INVITE_OTHER_ORGANIZATION)
    if invite.role in person.role_set:
        return InviteOutcome.ALREADY_HAS_ROLE, invite
    return InviteOutcome.ROLE_ADDED, invite


async def known_answers(session: AsyncSession, code: str) -> dict[str, str | int]:
    """What the curator gave of the teacher a personal link was made for (from the staff
    list): their answers, for them to confirm instead of typing them again. Whether the link
    can still be used is checked when the registration ends."""
    invite = await session.scalar(select(Invite).where(Invite.code == code))
    if invite is None or invite.person_id is None:
        return {}
    person = await session.get(Person, invite.person_id)
    if person is None or person.telegram_id is not None or person.erased_at is not None:
        return {}
    values = {field: getattr(person, field) for field in EDITABLE_FIELDS}
    return {field: value for field, value in values.items() if value not in (None, "")}


async def add_role_from_invite(session: AsyncSession, actor: Actor, code: str) -> Role:
    """A registered person takes one more role (a mentor who is also a mentee, say)."""
    person = actor.require_person()
    invite = await redeem_invite(session, code)
    if person.organization_id != invite.organization_id:
        raise AccessDenied(INVITE_OTHER_ORGANIZATION)
    if invite.role not in person.role_set:
        person.roles.append(PersonRole(role=invite.role))
        await session.flush()
    return invite.role


async def register(
    session: AsyncSession,
    *,
    telegram_id: int,
    username: str | None,
    code: str,
    registration: Registration,
) -> Person:
    """Create the person from a consented, completed dialogue, spending one use of the invite."""
    if await find_by_telegram_id(session, telegram_id) is not None:
        raise ValidationFailed(ALREADY_REGISTERED)
    invite = await redeem_invite(session, code)
    if invite.person_id is None:
        person = Person(
            organization_id=invite.organization_id, roles=[PersonRole(role=invite.role)]
        )
        session.add(person)
    else:  # a personal link from a staff list: the teacher's row is waiting for them
        imported = await session.get(Person, invite.person_id)
        if imported is None or imported.erased_at is not None or imported.telegram_id:
            raise InviteUnusable(INVITE_REVOKED)
        person = imported
    person.telegram_id = telegram_id
    person.username = username
    person.full_name = registration.full_name
    person.position = registration.position
    person.subject = registration.subject
    person.experience_years = registration.experience_years
    person.consent_at = utcnow()
    await forget_opening(session, telegram_id)
    await session.flush()
    await session.refresh(person, attribute_names=["organization", "roles"])
    return person


def validate_field(field: str, raw: str | None) -> str | int:
    """Validate one profile field as typed by the person."""
    if field == "full_name":
        return validation.full_name(raw)
    if field == "position":
        return validation.short_text(raw, field="Должность")
    if field == "subject":
        return validation.short_text(raw, field="Предмет")
    if field == "experience_years":
        return validation.experience_years(raw)
    raise ValidationFailed(PROFILE_UNKNOWN_FIELD)


async def update_profile(
    session: AsyncSession, actor: Actor, field: str, raw: str | None
) -> Person:
    person = actor.require_person()
    if field not in EDITABLE_FIELDS:
        raise ValidationFailed(PROFILE_UNKNOWN_FIELD)
    setattr(person, field, validate_field(field, raw))
    await session.flush()
    return person


async def set_share_contact(
    session: AsyncSession, actor: Actor, share: bool, username: str | None
) -> Person:
    person = actor.require_person()
    person.share_contact = share
    person.username = username
    await session.flush()
    return person


async def set_active(session: AsyncSession, telegram_id: int, active: bool) -> None:
    """Record that a person blocked the bot (False) or wrote to it again (True)."""
    await session.execute(
        update(Person)
        .where(Person.telegram_id == telegram_id, Person.is_active != active)
        .values(is_active=active)
    )


def _row(obj: Base, exclude: frozenset[str] = frozenset()) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for column in obj.__table__.columns:
        if column.key in exclude:
            continue
        value = getattr(obj, column.key)
        if isinstance(value, datetime | date):
            value = value.isoformat()
        elif isinstance(value, Enum):
            value = value.value
        data[column.key] = value
    return data


async def export_personal_data(session: AsyncSession, actor: Actor) -> dict[str, Any]:
    """Everything the bot stores about this person, as plain JSON-ready data."""
    person = actor.require_person()
    pid = person.id

    async def rows(model: type[Base], *conditions: Any) -> list[dict[str, Any]]:
        result = await session.scalars(select(model).where(*conditions).order_by("id"))
        return [_row(item) for item in result]

    pair_ids = select(PairMember.pair_id).where(PairMember.mentee_id == pid)
    my_pairs = select(Pair.id).where(or_(Pair.mentor_id == pid, Pair.id.in_(pair_ids)))
    my_programmes = select(Programme.id).where(Programme.pair_id.in_(my_pairs))
    my_requests = select(HelpRequest.id).where(
        or_(HelpRequest.mentee_id == pid, HelpRequest.assignee_id == pid)
    )
    return {
        "exported_at": utcnow().isoformat(),
        "person": _row(person, exclude=frozenset({"search_name"})),
        "organization": {
            "id": person.organization.id,
            "name": person.organization.name,
            "region": person.organization.region,
        },
        "roles": [item.role.value for item in person.roles],
        "invites_created": await rows(Invite, Invite.created_by_person_id == pid),
        "difficulties": await rows(Difficulty, Difficulty.mentee_id == pid),
        "self_assessments": await rows(SelfAssessment, SelfAssessment.person_id == pid),
        "pairs": await rows(Pair, Pair.id.in_(my_pairs)),
        "pair_memberships": await rows(PairMember, PairMember.mentee_id == pid),
        "programmes": await rows(Programme, Programme.id.in_(my_programmes)),
        "programme_activities": await rows(
            ProgrammeActivity, ProgrammeActivity.programme_id.in_(my_programmes)
        ),
        "goals": await rows(Goal, Goal.mentee_id == pid),
        "goal_progress": await rows(GoalProgress, GoalProgress.author_id == pid),
        "meetings": await rows(
            Meeting,
            Meeting.id.in_(
                select(MeetingParticipant.meeting_id).where(MeetingParticipant.person_id == pid)
            )
            | Meeting.pair_id.in_(select(Pair.id).where(Pair.mentor_id == pid)),
        ),
        "meeting_answers": await rows(MeetingParticipant, MeetingParticipant.person_id == pid),
        "help_requests": await rows(HelpRequest, HelpRequest.id.in_(my_requests)),
        "help_messages": await rows(HelpMessage, HelpMessage.author_id == pid),
        "feedback": await rows(Feedback, Feedback.person_id == pid),
        "notification_preferences": await rows(
            NotificationPreference, NotificationPreference.person_id == pid
        ),
        "notifications": await rows(Notification, Notification.person_id == pid),
    }


async def erase_personal_data(session: AsyncSession, actor: Actor) -> None:
    """Erase what identifies the person; rows others depend on keep an anonymous placeholder."""
    person = actor.require_person()
    pid = person.id
    erased = ERASED_TEXT
    await session.execute(delete(Difficulty).where(Difficulty.mentee_id == pid))
    await session.execute(delete(SelfAssessment).where(SelfAssessment.person_id == pid))
    await session.execute(delete(Notification).where(Notification.person_id == pid))
    await session.execute(
        delete(NotificationPreference).where(NotificationPreference.person_id == pid)
    )
    await session.execute(
        update(HelpRequest).where(HelpRequest.mentee_id == pid).values(text=erased)
    )
    await session.execute(
        update(HelpMessage)
        .where(HelpMessage.author_id == pid)
        .values(text=erased, file_id=None, file_kind=None)
    )
    await session.execute(update(Feedback).where(Feedback.person_id == pid).values(text=None))
    await session.execute(
        update(MeetingParticipant)
        .where(MeetingParticipant.person_id == pid)
        .values(rating_comment=None)
    )
    await session.execute(
        update(GoalProgress).where(GoalProgress.author_id == pid).values(note=None)
    )
    await session.execute(
        update(Invite)
        .where(Invite.person_id == pid, Invite.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
    await session.execute(
        update(Invite).where(Invite.created_by_person_id == pid).values(created_by_telegram_id=None)
    )
    await session.execute(
        update(PairMember)
        .where(PairMember.mentee_id == pid, PairMember.left_at.is_(None))
        .values(left_at=utcnow())
    )
    person.roles.clear()
    person.telegram_id = None
    person.username = None
    person.full_name = ERASED_PERSON
    person.position = None
    person.subject = None
    person.experience_years = None
    person.phone = None
    person.email = None
    person.share_contact = False
    person.consent_at = None
    person.import_key = None
    person.is_active = False
    person.erased_at = utcnow()
    await session.flush()
