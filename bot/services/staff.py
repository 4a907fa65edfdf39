"""The school's base of teachers: the whole staff, with or without a role in mentorship; a
teacher added by hand; a teacher who left (their history kept, out of the counts); mentee types
and requests; mentors' profiles (areas, subjects, capacity, this year's consent); a role given
to a teacher. Who may change a record: the teacher themself or their organisation's curator."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, exists, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import matching, pairs, validation
from bot.services.access import Actor
from bot.services.errors import AccessDenied, NotFound, ValidationFailed
from bot.services.invites import personal_invite, usable_conditions, usable_personal_invite
from bot.services.pagination import Page, paginate
from bot.texts import staff as texts
from bot.texts.common import ACCESS_OTHER_ORGANIZATION
from models import (
    Invite,
    MentorArea,
    Organization,
    Pair,
    PairAnswer,
    PairMember,
    Person,
    PersonMenteeType,
    PersonRole,
    utcnow,
)
from models.enums import DifficultyCategory, MenteeType, PairStatus, Role

YOUNG_SPECIALIST_YEARS = 3
PAGE_SIZE = 20
REQUEST_MAX = 1000


class TeacherList(StrEnum):
    ALL = "all"
    MENTORS = "mentors"
    MENTEES = "mentees"
    NO_ROLE = "no_role"
    YOUNG = "young"
    NOT_JOINED = "not_joined"
    LEFT = "left"


async def curators(session: AsyncSession, organization: Organization) -> list[Person]:
    """The organisation's curators on the staff today, the longest-standing first."""
    today = pairs.local_today(organization.timezone)
    return list(
        await session.scalars(
            select(Person)
            .where(
                Person.organization_id == organization.id,
                *pairs.on_staff(today),
                _has_role(Role.CURATOR),
            )
            .order_by(Person.id)
        )
    )


async def first_curator_name(session: AsyncSession, organization: Organization) -> str | None:
    """Who signs for the organisation's mentorship on its papers."""
    found = await curators(session, organization)
    return found[0].full_name if found else None


def import_key(full_name: str) -> str:
    """A teacher's identity in the staff base, so that adding them twice creates nothing."""
    return hashlib.sha256(full_name.casefold().encode()).hexdigest()[:32]


def _has_role(role: Role) -> ColumnElement[bool]:
    return exists().where(PersonRole.person_id == Person.id, PersonRole.role == role)


def _list_conditions(which: TeacherList, today: date) -> list[ColumnElement[bool]]:
    if which is TeacherList.LEFT:
        return [Person.erased_at.is_(None), Person.left_on.is_not(None), Person.left_on <= today]
    staff: list[ColumnElement[bool]] = pairs.on_staff(today)
    young = exists().where(
        PersonMenteeType.person_id == Person.id,
        PersonMenteeType.type == MenteeType.YOUNG_SPECIALIST,
    )
    extra: dict[TeacherList, list[ColumnElement[bool]]] = {
        TeacherList.ALL: [],
        TeacherList.MENTORS: [_has_role(Role.MENTOR)],
        TeacherList.MENTEES: [_has_role(Role.MENTEE)],
        TeacherList.NO_ROLE: [~_has_role(Role.MENTOR), ~_has_role(Role.MENTEE)],
        TeacherList.YOUNG: [young],
        TeacherList.NOT_JOINED: [Person.telegram_id.is_(None)],
    }
    return staff + extra[which]


async def list_teachers(
    session: AsyncSession, actor: Actor, which: TeacherList, query: str | None, page: int
) -> Page[Person]:
    """The curator's staff of one list, by name, optionally by part of the name."""
    curator = actor.require_curator()
    today = pairs.local_today(curator.organization.timezone)
    conditions = [
        Person.organization_id == curator.organization_id,
        *_list_conditions(which, today),
    ]
    if query:
        conditions.append(
            Person.search_name.contains(validation.search_text(query), autoescape=True)
        )
    statement = select(Person).where(*conditions).order_by(Person.full_name, Person.id)
    return await paginate(session, statement, page, PAGE_SIZE)


async def mentee_types_of(
    session: AsyncSession, person_ids: Iterable[int]
) -> dict[int, frozenset[MenteeType]]:
    found: dict[int, set[MenteeType]] = {}
    for person_id, kind in await session.execute(
        select(PersonMenteeType.person_id, PersonMenteeType.type).where(
            PersonMenteeType.person_id.in_(list(person_ids))
        )
    ):
        found.setdefault(person_id, set()).add(kind)
    return {person_id: frozenset(kinds) for person_id, kinds in found.items()}


async def areas_of(session: AsyncSession, person_id: int) -> frozenset[DifficultyCategory]:
    return frozenset(
        await session.scalars(select(MentorArea.category).where(MentorArea.person_id == person_id))
    )


def suggested_types(person: Person) -> frozenset[MenteeType]:
    """What the record itself suggests: up to three years' experience is a young specialist."""
    years = person.experience_years
    if years is not None and years <= YOUNG_SPECIALIST_YEARS:
        return frozenset({MenteeType.YOUNG_SPECIALIST})
    return frozenset()


async def ensure_suggested_types(session: AsyncSession, person: Person) -> frozenset[MenteeType]:
    """A mentee with no types yet gets those the record suggests; returns their types."""
    current = (await mentee_types_of(session, [person.id])).get(person.id, frozenset())
    if current:
        return current
    suggested = suggested_types(person)
    session.add_all(PersonMenteeType(person_id=person.id, type=kind) for kind in suggested)
    await session.flush()
    return suggested


@dataclass(frozen=True, slots=True)
class TeacherCard:
    person: Person
    mentee_types: frozenset[MenteeType]
    areas: frozenset[DifficultyCategory]
    load: int
    capacity: int
    willing: bool | None
    pairs: list[tuple[int, str, PairStatus]]  # id, «mentor → mentees», status
    mentored: bool  # a mentee in one of those pairs (proposed, active or paused)
    today: date

    @property
    def is_mentor(self) -> bool:
        return Role.MENTOR in self.person.role_set

    @property
    def is_mentee(self) -> bool:
        return Role.MENTEE in self.person.role_set

    @property
    def left(self) -> bool:
        return not pairs.is_staff(self.person, self.today)


async def editable(session: AsyncSession, actor: Actor, person_id: int) -> Person:
    """A teacher's record the actor may change: their own, or one of their curator's staff."""
    me = actor.require_person()
    if person_id == me.id:
        return me
    curator = actor.require_curator()
    person = await session.get(Person, person_id)
    if person is None or person.erased_at is not None:
        raise NotFound(texts.TEACHER_NOT_FOUND)
    if person.organization_id != curator.organization_id:
        raise AccessDenied(ACCESS_OTHER_ORGANIZATION)
    return person


async def card(session: AsyncSession, actor: Actor, person_id: int) -> TeacherCard:
    person = await editable(session, actor, person_id)
    today = pairs.local_today(person.organization.timezone)
    found = list(
        await session.scalars(
            select(Pair)
            .where(
                Pair.status.in_(pairs.HOLDING_STATUSES),
                (Pair.mentor_id == person.id)
                | Pair.id.in_(
                    select(PairMember.pair_id).where(
                        PairMember.mentee_id == person.id, PairMember.left_at.is_(None)
                    )
                ),
            )
            .order_by(Pair.created_at, Pair.id)
        )
    )
    people = {pair.mentor_id for pair in found} | {
        m.mentee_id for pair in found for m in pair.members if m.left_at is None
    }
    known = await pairs.names(session, people)
    loads = await pairs.mentees_held(session, [person.id])
    return TeacherCard(
        person=person,
        mentee_types=(await mentee_types_of(session, [person.id])).get(person.id, frozenset()),
        areas=await areas_of(session, person.id),
        load=loads.get(person.id, 0),
        capacity=matching.capacity_of(person),
        willing=matching.willing_now(person, today),
        pairs=[(pair.id, pairs.title(pair, known), pair.status) for pair in found],
        mentored=any(
            m.mentee_id == person.id and m.left_at is None for pair in found for m in pair.members
        ),
        today=today,
    )


# --- adding a teacher, a role, the day they left ----------------------------------------------


@dataclass(frozen=True, slots=True)
class NewTeacher:
    full_name: str
    position: str
    subject: str
    experience_years: int
    role: Role | None


async def add_teacher(
    session: AsyncSession, actor: Actor, teacher: NewTeacher
) -> tuple[Person, Invite | None]:
    """A teacher entered by hand, with a personal link when they get a role in mentorship."""
    curator = actor.require_curator()
    existing = await session.scalar(
        select(Person.full_name).where(
            Person.organization_id == curator.organization_id,
            Person.erased_at.is_(None),
            Person.search_name == teacher.full_name.casefold(),
        )
    )
    if existing is not None:
        raise ValidationFailed(texts.TEACHER_EXISTS.format(name=existing))
    if teacher.role is Role.CURATOR:
        raise ValidationFailed(texts.TEACHER_BAD_ROLE)
    person = Person(
        organization_id=curator.organization_id,
        full_name=teacher.full_name,
        position=teacher.position,
        subject=teacher.subject,
        experience_years=teacher.experience_years,
        import_key=import_key(teacher.full_name),
        roles=[PersonRole(role=teacher.role)] if teacher.role else [],
    )
    session.add(person)
    await session.flush()
    invite = None
    if teacher.role is not None:
        invite = personal_invite(actor, curator, person, teacher.role, utcnow())
        session.add(invite)
    if teacher.role is Role.MENTEE:
        session.add_all(
            PersonMenteeType(person_id=person.id, type=kind) for kind in suggested_types(person)
        )
    await session.flush()
    await session.refresh(person, attribute_names=["roles"])
    return person, invite


async def add_role(
    session: AsyncSession, actor: Actor, person_id: int, role: Role
) -> tuple[Person, Invite | None]:
    """A teacher of the staff becomes a mentor or a mentee; one who has not joined the bot yet
    gets a personal link (a usable one is kept)."""
    curator = actor.require_curator()
    person = await editable(session, actor, person_id)
    if role is Role.CURATOR:
        raise ValidationFailed(texts.TEACHER_BAD_ROLE)
    if not pairs.is_staff(person, pairs.local_today(curator.organization.timezone)):
        raise ValidationFailed(texts.TEACHER_LEFT_ALREADY)
    if role in person.role_set:
        raise ValidationFailed(texts.TEACHER_HAS_ROLE)
    person.roles.append(PersonRole(role=role))
    invite = None
    if person.telegram_id is None:
        now = utcnow()
        invite = await usable_personal_invite(session, person, now)
        if invite is None:
            invite = personal_invite(actor, curator, person, role, now)
            session.add(invite)
    await session.flush()
    return person, invite


@dataclass(frozen=True, slots=True)
class Departure:
    person: Person
    stopped: list[pairs.PairView]  # their pairs stopped, whose people are to be told
    declined: list[pairs.PairView]  # proposals they were in, now declined


async def mark_left(
    session: AsyncSession, actor: Actor, person_id: int, left_on: date
) -> Departure:
    """The teacher left the organisation: their pairs stop (the others are told), proposals to
    them end, their links stop working; their history stays and they leave the counts."""
    curator = actor.require_curator()
    person = await editable(session, actor, person_id)
    if person.id == curator.id:
        raise ValidationFailed(texts.TEACHER_NOT_YOURSELF)
    if person.left_on is not None:
        raise ValidationFailed(texts.TEACHER_LEFT_ALREADY)
    today = pairs.local_today(curator.organization.timezone)
    if left_on > today:
        raise ValidationFailed(texts.TEACHER_LEFT_FUTURE)
    person.left_on = left_on
    stopped, declined = [], []
    for pair in await _pairs_holding(session, person.id):
        loaded = await pairs.view(session, pair)
        if pair.status is PairStatus.PROPOSED:
            pair.status, pair.finished_at = PairStatus.DECLINED, utcnow()
            await session.execute(
                update(PairAnswer)
                .where(PairAnswer.pair_id == pair.id, PairAnswer.person_id == person.id)
                .values(accepted=False, reason=texts.TEACHER_LEFT_REASON, answered_at=utcnow())
            )
            declined.append(loaded)
        elif person.id == pair.mentor_id or len(loaded.mentees) == 1:
            pairs.close(pair, completed=False, reason=texts.TEACHER_LEFT_REASON)
            stopped.append(loaded)
        else:  # a mentee leaves a group: the group goes on without them
            for member in pair.members:
                if member.mentee_id == person.id:
                    member.left_at = utcnow()
    now = utcnow()
    await session.execute(
        update(Invite)
        .where(Invite.person_id == person.id, *usable_conditions(now))
        .values(revoked_at=now)
        .execution_options(synchronize_session=False)
    )
    await session.flush()
    return Departure(person, stopped, declined)


async def _pairs_holding(session: AsyncSession, person_id: int) -> Sequence[Pair]:
    return (
        await session.scalars(
            select(Pair).where(
                Pair.status.in_(pairs.HOLDING_STATUSES),
                (Pair.mentor_id == person_id)
                | Pair.id.in_(
                    select(PairMember.pair_id).where(
                        PairMember.mentee_id == person_id, PairMember.left_at.is_(None)
                    )
                ),
            )
        )
    ).all()


async def mark_back(session: AsyncSession, actor: Actor, person_id: int) -> Person:
    """A teacher marked as left by mistake, or back: on the staff again (their pairs stay
    stopped; the curator forms new ones)."""
    actor.require_curator()
    person = await editable(session, actor, person_id)
    if person.left_on is None:
        raise ValidationFailed(texts.TEACHER_NOT_LEFT)
    person.left_on = None
    await session.flush()
    return person


def left_day(text: str | None, today: date) -> date:
    """The day a teacher left: «сегодня», or a date not in the future."""
    if (text or "").strip().casefold() in texts.TODAY_WORDS:
        return today
    return validation.past_date(text, today)


# --- mentee types and request; a mentor's profile ---------------------------------------------


async def _toggle(
    session: AsyncSession, row: PersonMenteeType | MentorArea, current: frozenset[Any]
) -> frozenset[Any]:
    """Add the person's mark (a mentee type, a mentor's area), or take it off if they had it."""
    value = row.type if isinstance(row, PersonMenteeType) else row.category
    if value in current:
        await session.delete(await session.merge(row))
        await session.flush()
        return current - {value}
    session.add(row)
    await session.flush()
    return current | {value}


async def toggle_mentee_type(
    session: AsyncSession, actor: Actor, person_id: int, kind: MenteeType
) -> frozenset[MenteeType]:
    person = await _mentee(session, actor, person_id)
    current = (await mentee_types_of(session, [person.id])).get(person.id, frozenset())
    return await _toggle(session, PersonMenteeType(person_id=person.id, type=kind), current)


async def set_mentee_request(
    session: AsyncSession, actor: Actor, person_id: int, text: str | None
) -> Person:
    person = await _mentee(session, actor, person_id)
    person.mentee_request = validation.short_text(text, field="Запрос", maximum=REQUEST_MAX)
    await session.flush()
    return person


async def _mentee(session: AsyncSession, actor: Actor, person_id: int) -> Person:
    person = await editable(session, actor, person_id)
    if Role.MENTEE not in person.role_set:
        raise ValidationFailed(texts.TEACHER_NOT_MENTEE)
    return person


async def _mentor(session: AsyncSession, actor: Actor, person_id: int) -> Person:
    person = await editable(session, actor, person_id)
    if Role.MENTOR not in person.role_set:
        raise ValidationFailed(texts.TEACHER_NOT_MENTOR)
    return person


async def set_capacity(
    session: AsyncSession, actor: Actor, person_id: int, capacity: int
) -> Person:
    person = await _mentor(session, actor, person_id)
    person.mentor_capacity = matching.check_capacity(capacity)
    await session.flush()
    return person


async def set_willing(session: AsyncSession, actor: Actor, person_id: int, willing: bool) -> Person:
    """This school year's answer: does the teacher agree to mentor at all."""
    person = await _mentor(session, actor, person_id)
    person.mentor_willing = willing
    person.mentor_willing_on = pairs.local_today(person.organization.timezone)
    await session.flush()
    return person


async def set_beyond_school(
    session: AsyncSession, actor: Actor, person_id: int, agrees: bool
) -> Person:
    """Does the mentor agree to mentor teachers of other schools of the region (virtual
    mentoring): curators there then find them. The mentor's own word, not their curator's."""
    person = await _mentor(session, actor, person_id)
    if person.id != actor.require_person().id:
        raise AccessDenied(texts.BEYOND_SCHOOL_OWN_WORD)
    person.mentor_beyond_school = agrees
    await session.flush()
    return person


async def toggle_area(
    session: AsyncSession, actor: Actor, person_id: int, category: DifficultyCategory
) -> frozenset[DifficultyCategory]:
    person = await _mentor(session, actor, person_id)
    current = await areas_of(session, person.id)
    return await _toggle(session, MentorArea(person_id=person.id, category=category), current)


async def set_help_subjects(
    session: AsyncSession, actor: Actor, person_id: int, text: str | None
) -> Person:
    person = await _mentor(session, actor, person_id)
    person.help_subjects = validation.short_text(text, field="Предметы", maximum=300)
    await session.flush()
    return person
