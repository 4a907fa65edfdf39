"""Mentorship pairs and groups: forming them (mentor, mentees, form, role model, period),
finding teachers by name, who is not yet paired, changing the mentor, and finishing a pair
(completed with final reflections, or stopped early with a reason)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import validation
from bot.services.access import Actor
from bot.services.errors import AccessDenied, NotFound, ValidationFailed
from bot.services.pagination import Page, paginate
from bot.texts import pairs as texts
from bot.texts.common import ACCESS_MENTOR_ONLY, ACCESS_OTHER_ORGANIZATION
from bot.texts.vocabulary import ROLE_NAMES
from models import Feedback, Goal, Meeting, Pair, PairMember, Person, PersonRole, utcnow
from models.enums import (
    FeedbackKind,
    GoalStatus,
    MeetingStatus,
    MentorshipForm,
    PairStatus,
    Role,
    RoleModel,
)

PERIOD_MONTHS = range(3, 13)
PERIOD_CHOICES = (3, 6, 9, 12)
ONE_TO_ONE_FORMS = frozenset({MentorshipForm.TRADITIONAL, MentorshipForm.REVERSE})
REASON_MAX = 1000


@dataclass(frozen=True, slots=True)
class PairView:
    """A pair with its people loaded, for rendering."""

    pair: Pair
    mentor: Person
    mentees: list[Person]


def add_months(start: date, months: int) -> date:
    month = start.month - 1 + months
    year = start.year + month // 12
    month = month % 12 + 1
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days_in_month = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return date(year, month, min(start.day, days_in_month))


def local_today(timezone: str, now: datetime | None = None) -> date:
    return (now or utcnow()).astimezone(ZoneInfo(timezone)).date()


PICKER_SIZE = 20  # names a page of the people picker, each a row of its own


async def search_people(
    session: AsyncSession, actor: Actor, role: Role, query: str | None, page: int
) -> Page[Person]:
    """Teachers of the curator's organisation with this role, optionally by part of the name."""
    curator = actor.require_curator()
    conditions = [
        Person.organization_id == curator.organization_id,
        Person.erased_at.is_(None),
        exists().where(PersonRole.person_id == Person.id, PersonRole.role == role),
    ]
    if query:
        needle = validation.search_text(query)
        conditions.append(Person.search_name.contains(needle, autoescape=True))
    statement = select(Person).where(*conditions).order_by(Person.full_name, Person.id)
    return await paginate(session, statement, page, PICKER_SIZE)


async def unpaired_mentees(session: AsyncSession, actor: Actor, page: int) -> Page[Person]:
    """Mentees of the organisation in no active pair or group: who still needs a mentor."""
    curator = actor.require_curator()
    in_active_pair = exists().where(
        PairMember.mentee_id == Person.id,
        PairMember.left_at.is_(None),
        PairMember.pair_id == Pair.id,
        Pair.status == PairStatus.ACTIVE,
    )
    statement = (
        select(Person)
        .where(
            Person.organization_id == curator.organization_id,
            Person.erased_at.is_(None),
            exists().where(PersonRole.person_id == Person.id, PersonRole.role == Role.MENTEE),
            ~in_active_pair,
        )
        .order_by(Person.full_name, Person.id)
    )
    return await paginate(session, statement, page)


async def _member_of(
    session: AsyncSession, organization_id: int, person_id: int, role: Role
) -> Person:
    person = await session.get(Person, person_id)
    if (
        person is None
        or person.erased_at is not None
        or person.organization_id != organization_id
        or role not in person.role_set
    ):
        raise ValidationFailed(texts.PAIR_PERSON_NOT_AVAILABLE.format(role=ROLE_NAMES[role]))
    return person


async def check_mentor(session: AsyncSession, actor: Actor, person_id: int) -> Person:
    curator = actor.require_curator()
    return await _member_of(session, curator.organization_id, person_id, Role.MENTOR)


async def check_mentee(session: AsyncSession, actor: Actor, person_id: int) -> Person:
    curator = actor.require_curator()
    return await _member_of(session, curator.organization_id, person_id, Role.MENTEE)


def check_form(form: MentorshipForm, mentee_count: int) -> None:
    if mentee_count < 1:
        raise ValidationFailed(texts.PAIR_NEEDS_MENTEE)
    if form in ONE_TO_ONE_FORMS and mentee_count != 1:
        raise ValidationFailed(texts.PAIR_ONE_TO_ONE)
    if form is MentorshipForm.GROUP and mentee_count < 2:
        raise ValidationFailed(texts.PAIR_GROUP_NEEDS_TWO)


def check_period(months: int) -> None:
    if months not in PERIOD_MONTHS:
        raise ValidationFailed(texts.PAIR_BAD_PERIOD)


async def create_pair(
    session: AsyncSession,
    actor: Actor,
    *,
    mentor_id: int,
    mentee_ids: Sequence[int],
    form: MentorshipForm,
    role_model: RoleModel,
    months: int,
) -> PairView:
    curator = actor.require_curator()
    mentor = await check_mentor(session, actor, mentor_id)
    unique_ids = list(dict.fromkeys(mentee_ids))
    mentees = [await check_mentee(session, actor, mentee_id) for mentee_id in unique_ids]
    if mentor.id in unique_ids:
        raise ValidationFailed(texts.PAIR_MENTOR_IS_MENTEE)
    check_form(form, len(mentees))
    check_period(months)
    duplicate = await session.scalar(
        select(Person.full_name)
        .join(PairMember, PairMember.mentee_id == Person.id)
        .join(Pair, Pair.id == PairMember.pair_id)
        .where(
            Pair.mentor_id == mentor.id,
            Pair.status == PairStatus.ACTIVE,
            PairMember.left_at.is_(None),
            PairMember.mentee_id.in_(unique_ids),
        )
        .limit(1)
    )
    if duplicate is not None:
        raise ValidationFailed(texts.PAIR_ALREADY_EXISTS.format(name=duplicate))
    starts_on = local_today(curator.organization.timezone)
    pair = Pair(
        organization_id=curator.organization_id,
        mentor_id=mentor.id,
        form=form,
        role_model=role_model,
        starts_on=starts_on,
        ends_on=add_months(starts_on, months),
        created_by_id=curator.id,
        members=[PairMember(mentee_id=mentee.id) for mentee in mentees],
    )
    session.add(pair)
    await session.flush()
    return PairView(pair=pair, mentor=mentor, mentees=sorted(mentees, key=_by_name))


def _by_name(person: Person) -> str:
    return person.full_name


async def view(session: AsyncSession, pair: Pair) -> PairView:
    mentor = await session.get(Person, pair.mentor_id)
    assert mentor is not None
    mentee_ids = [member.mentee_id for member in pair.members if member.left_at is None]
    mentees = list(
        await session.scalars(
            select(Person).where(Person.id.in_(mentee_ids)).order_by(Person.full_name)
        )
    )
    return PairView(pair=pair, mentor=mentor, mentees=mentees)


async def get_pair(session: AsyncSession, actor: Actor, pair_id: int) -> PairView:
    """A pair seen by its curator, its mentor or one of its mentees; nobody else."""
    person = actor.require_person()
    pair = await session.get(Pair, pair_id)
    if pair is None:
        raise NotFound(texts.PAIR_NOT_FOUND)
    if pair.organization_id != person.organization_id:
        raise AccessDenied(ACCESS_OTHER_ORGANIZATION)
    loaded = await view(session, pair)
    is_participant = person.id == pair.mentor_id or person.id in {m.id for m in loaded.mentees}
    if not is_participant and Role.CURATOR not in person.role_set:
        raise AccessDenied(texts.PAIR_NOT_YOURS)
    return loaded


async def managed_pair(session: AsyncSession, actor: Actor, pair_id: int) -> PairView:
    """A pair of the curator's own organisation, for changes only the curator makes."""
    actor.require_curator()
    return await get_pair(session, actor, pair_id)


QUIET_DAYS = 14


async def list_pairs(session: AsyncSession, actor: Actor, page: int, only: str = "") -> Page[Pair]:
    """The curator's pairs, active first, optionally only: with no meeting for 14 days,
    with overdue goals, of one form, or of one mentor (`m<id>`)."""
    curator = actor.require_curator()
    statement = select(Pair).where(Pair.organization_id == curator.organization_id)
    statement = statement.where(*pair_filter(only, curator.organization.timezone))
    statement = statement.order_by(
        Pair.status != PairStatus.ACTIVE, Pair.created_at.desc(), Pair.id.desc()
    )
    return await paginate(session, statement, page)


def pair_filter(only: str, timezone: str) -> list[Any]:
    now = utcnow()
    if not only:
        return []
    if only == "quiet":
        recent = exists().where(
            Meeting.pair_id == Pair.id,
            Meeting.status != MeetingStatus.CANCELLED,
            Meeting.starts_at >= now - timedelta(days=QUIET_DAYS),
        )
        return [Pair.status == PairStatus.ACTIVE, ~recent]
    if only == "overdue":
        overdue = exists().where(
            Goal.pair_id == Pair.id,
            Goal.status == GoalStatus.OPEN,
            Goal.due_on < local_today(timezone, now),
        )
        return [Pair.status == PairStatus.ACTIVE, overdue]
    if only.startswith("m") and only[1:].isdigit():
        return [Pair.mentor_id == int(only[1:])]
    try:
        return [Pair.form == MentorshipForm(only)]
    except ValueError:
        raise ValidationFailed(texts.PAIR_BAD_FILTER) from None


async def list_my_pairs(session: AsyncSession, actor: Actor, page: int) -> Page[Pair]:
    """Pairs and groups the acting mentor leads or the acting mentee belongs to."""
    person = actor.require_person()
    if not person.role_set & {Role.MENTOR, Role.MENTEE}:
        raise AccessDenied(ACCESS_MENTOR_ONLY)
    as_mentee = select(PairMember.pair_id).where(
        PairMember.mentee_id == person.id, PairMember.left_at.is_(None)
    )
    statement = (
        select(Pair)
        .where(or_(Pair.mentor_id == person.id, Pair.id.in_(as_mentee)))
        .order_by(Pair.status != PairStatus.ACTIVE, Pair.created_at.desc(), Pair.id.desc())
    )
    return await paginate(session, statement, page)


async def my_active_pairs(
    session: AsyncSession, actor: Actor, *, as_mentor_only: bool
) -> list[tuple[int, str]]:
    """The acting person's active pairs and groups (those they lead, or also those they are
    mentored in), each with a short title «mentor → mentees», for a choice of buttons."""
    person = actor.require_person()
    led = Pair.mentor_id == person.id
    mentored = Pair.id.in_(
        select(PairMember.pair_id).where(
            PairMember.mentee_id == person.id, PairMember.left_at.is_(None)
        )
    )
    found = list(
        await session.scalars(
            select(Pair)
            .where(Pair.status == PairStatus.ACTIVE, led if as_mentor_only else or_(led, mentored))
            .order_by(Pair.created_at, Pair.id)
        )
    )
    people = {pair.mentor_id for pair in found} | {
        member.mentee_id for pair in found for member in pair.members if member.left_at is None
    }
    known = await names(session, people)
    return [
        (
            pair.id,
            f"{known.get(pair.mentor_id, '')} → "
            + ", ".join(known.get(m.mentee_id, "") for m in pair.members if m.left_at is None),
        )
        for pair in found
    ]


async def names(session: AsyncSession, person_ids: set[int]) -> dict[int, str]:
    rows = await session.execute(
        select(Person.id, Person.full_name).where(Person.id.in_(person_ids))
    )
    return dict(rows.all())


async def active_managed_pair(session: AsyncSession, actor: Actor, pair_id: int) -> PairView:
    """A pair the curator may still change: of their organisation and still active."""
    loaded = await managed_pair(session, actor, pair_id)
    if loaded.pair.status is not PairStatus.ACTIVE:
        raise ValidationFailed(texts.PAIR_NOT_ACTIVE)
    return loaded


async def change_mentor(
    session: AsyncSession, actor: Actor, pair_id: int, mentor_id: int
) -> tuple[PairView, Person]:
    """Give the pair a new mentor; returns the pair and the previous mentor."""
    loaded = await active_managed_pair(session, actor, pair_id)
    mentor = await check_mentor(session, actor, mentor_id)
    if mentor.id == loaded.mentor.id:
        raise ValidationFailed(texts.PAIR_SAME_MENTOR)
    if mentor.id in {mentee.id for mentee in loaded.mentees}:
        raise ValidationFailed(texts.PAIR_MENTOR_IS_MENTEE)
    previous = loaded.mentor
    loaded.pair.mentor_id = mentor.id
    await session.flush()
    return PairView(pair=loaded.pair, mentor=mentor, mentees=loaded.mentees), previous


async def finish_pair(
    session: AsyncSession,
    actor: Actor,
    pair_id: int,
    *,
    completed: bool,
    reason: str | None = None,
) -> PairView:
    """Complete a pair (its participants then give final reflections) or stop it early."""
    loaded = await active_managed_pair(session, actor, pair_id)
    if completed:
        loaded.pair.status = PairStatus.COMPLETED
    else:
        loaded.pair.status = PairStatus.STOPPED
        loaded.pair.stop_reason = validation.short_text(reason, field="Причина", maximum=REASON_MAX)
    loaded.pair.finished_at = utcnow()
    await session.flush()
    return loaded


async def check_can_reflect(session: AsyncSession, actor: Actor, pair_id: int, score: int) -> None:
    """A participant of a completed pair who has not yet reflected on it, with a 1–5 score."""
    person = actor.require_person()
    loaded = await get_pair(session, actor, pair_id)
    participants = {loaded.mentor.id} | {mentee.id for mentee in loaded.mentees}
    if person.id not in participants:
        raise AccessDenied(texts.PAIR_NOT_YOURS)
    if loaded.pair.status is not PairStatus.COMPLETED:
        raise ValidationFailed(texts.PAIR_NOT_COMPLETED)
    if score not in range(1, 6):
        raise ValidationFailed(texts.PAIR_BAD_SCORE)
    already = await session.scalar(
        select(Feedback.id).where(
            Feedback.pair_id == pair_id,
            Feedback.person_id == person.id,
            Feedback.kind == FeedbackKind.COMPLETION_REFLECTION,
        )
    )
    if already is not None:
        raise ValidationFailed(texts.PAIR_REFLECTION_DONE)


async def record_final_reflection(
    session: AsyncSession, actor: Actor, pair_id: int, score: int, text: str | None
) -> Feedback:
    """A participant's satisfaction (1–5) and reflection on a completed pair, once."""
    await check_can_reflect(session, actor, pair_id, score)
    person = actor.require_person()
    feedback = Feedback(
        person_id=person.id,
        pair_id=pair_id,
        kind=FeedbackKind.COMPLETION_REFLECTION,
        score=score,
        text=validation.short_text(text, field="Рефлексия", maximum=REASON_MAX),
    )
    session.add(feedback)
    await session.flush()
    return feedback


async def final_reflections(session: AsyncSession, pair_id: int) -> list[tuple[str, int, str]]:
    """(author, satisfaction 1–5, reflection) given on a completed pair, oldest first."""
    rows = await session.execute(
        select(Person.full_name, Feedback.score, Feedback.text)
        .join(Person, Person.id == Feedback.person_id)
        .where(
            Feedback.pair_id == pair_id,
            Feedback.kind == FeedbackKind.COMPLETION_REFLECTION,
        )
        .order_by(Feedback.created_at, Feedback.id)
    )
    return [(name, score or 0, text or "") for name, score, text in rows.all()]
