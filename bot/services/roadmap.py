"""The school's roadmap of the mentorship system for a school year (seed 004's «дорожная
карта»): the curator plans events — training of mentors, seminars, open lessons, contests,
meetings of the mentors' council — with a day, who is responsible and who is invited; marks each
done with its result, or cancels it. The invited get an invitation; the roadmap is a document
and a section of the final report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import pairs, validation
from bot.services.access import Actor
from bot.services.errors import NotFound, ValidationFailed
from bot.texts import documents as texts
from models import Person, PersonRole, RoadmapEvent, utcnow
from models.enums import RoadmapAudience, RoadmapEventKind, RoadmapStatus, Role

TITLE_MAX = 300
RESULT_MAX = 1000
CANDIDATES_SHOWN = 8
EVENTS_SHOWN = 15
INVITED_ROLES = {
    RoadmapAudience.MENTORS: (Role.MENTOR,),
    RoadmapAudience.MENTEES: (Role.MENTEE,),
    RoadmapAudience.EVERYONE: (Role.MENTOR, Role.MENTEE),
    RoadmapAudience.NOBODY: (),
}


@dataclass(frozen=True, slots=True)
class EventDraft:
    kind: RoadmapEventKind
    title: str
    on_date: date
    responsible_id: int | None
    audience: RoadmapAudience


@dataclass(frozen=True, slots=True)
class RoadmapView:
    organization: str
    curator: str | None
    first_year: int  # the school year from September of this year
    events: list[tuple[RoadmapEvent, str | None]]  # each with its responsible's name


def title(text: str | None) -> str:
    return validation.short_text(text, field="Название мероприятия", maximum=TITLE_MAX)


@dataclass(frozen=True, slots=True)
class Span:
    """The days a roadmap holds: its school year, and in August the days left of the
    current one too (schools draw the coming year's roadmap up in August)."""

    first_year: int  # the school year the roadmap is for, from September of this year
    first: date
    last: date


def span(today: date) -> Span:
    current = pairs.school_year(today)
    year = current + (1 if today.month == 8 else 0)
    return Span(first_year=year, first=date(current, 9, 1), last=date(year + 1, 8, 31))


def event_day(actor: Actor, text: str | None) -> date:
    """The event's day, within the roadmap's days: ahead (planned) or passed (an event held
    that is recorded after it)."""
    today = _today(actor)
    days = span(today)
    day = validation.calendar_date(text, today)
    if not days.first <= day <= days.last:
        raise ValidationFailed(
            texts.ROADMAP_OUTSIDE_YEAR.format(
                year=days.first_year,
                next=days.first_year + 1,
                first=days.first.strftime("%d.%m.%Y"),
                last=days.last.strftime("%d.%m.%Y"),
            )
        )
    return day


def _today(actor: Actor) -> date:
    return pairs.local_today(actor.require_curator().organization.timezone)


async def staff_by_name(session: AsyncSession, actor: Actor, query: str | None) -> list[Person]:
    """Teachers on the organisation's staff whose name holds the typed part, for the responsible."""
    curator = actor.require_curator()
    needle = validation.search_text(query)
    return list(
        await session.scalars(
            select(Person)
            .where(
                Person.organization_id == curator.organization_id,
                *pairs.on_staff(_today(actor)),
                Person.search_name.contains(needle, autoescape=True),
            )
            .order_by(Person.full_name, Person.id)
            .limit(CANDIDATES_SHOWN)
        )
    )


async def _staff_member(session: AsyncSession, actor: Actor, person_id: int) -> Person:
    curator = actor.require_curator()
    person = await session.get(Person, person_id)
    if (
        person is None
        or person.organization_id != curator.organization_id
        or not pairs.is_staff(person, _today(actor))
    ):
        raise NotFound(texts.ROADMAP_NOT_STAFF)
    return person


async def responsible(session: AsyncSession, actor: Actor, person_id: int) -> int | None:
    """The responsible chosen by button (0: nobody), checked to be on the staff."""
    if person_id == 0:
        actor.require_curator()
        return None
    return (await _staff_member(session, actor, person_id)).id


async def responsible_name(session: AsyncSession, event: RoadmapEvent) -> str | None:
    if event.responsible_id is None:
        return None
    person = await session.get(Person, event.responsible_id)
    return person.full_name if person is not None else None


async def add(session: AsyncSession, actor: Actor, draft: EventDraft) -> RoadmapEvent:
    curator = actor.require_curator()
    if draft.responsible_id is not None:
        await _staff_member(session, actor, draft.responsible_id)
    event = RoadmapEvent(
        organization_id=curator.organization_id,
        kind=draft.kind,
        title=title(draft.title),
        on_date=draft.on_date,
        responsible_id=draft.responsible_id,
        audience=draft.audience,
        status=RoadmapStatus.PLANNED,
        created_by_id=curator.id,
    )
    session.add(event)
    await session.flush()
    return event


async def invitees(session: AsyncSession, actor: Actor, event: RoadmapEvent) -> list[Person]:
    """Who the event invites: the organisation's teachers on the staff in the audience's roles,
    and the responsible one; the curator planning it is not invited."""
    curator = actor.require_curator()
    invited: ColumnElement[bool] = exists().where(
        PersonRole.person_id == Person.id, PersonRole.role.in_(INVITED_ROLES[event.audience])
    )
    if event.responsible_id is not None:
        invited = invited | (Person.id == event.responsible_id)
    found = await session.scalars(
        select(Person)
        .where(
            Person.organization_id == curator.organization_id,
            *pairs.on_staff(_today(actor)),
            Person.id != curator.id,
            invited,
        )
        .order_by(Person.id)
    )
    return list(found)


async def get(session: AsyncSession, actor: Actor, event_id: int) -> RoadmapEvent:
    curator = actor.require_curator()
    event = await session.get(RoadmapEvent, event_id)
    if event is None or event.organization_id != curator.organization_id:
        raise NotFound(texts.ROADMAP_EVENT_NOT_FOUND)
    return event


async def planned(session: AsyncSession, actor: Actor, event_id: int) -> RoadmapEvent:
    event = await get(session, actor, event_id)
    if event.status is not RoadmapStatus.PLANNED:
        raise ValidationFailed(texts.ROADMAP_EVENT_CLOSED)
    return event


async def check_can_mark_done(session: AsyncSession, actor: Actor, event_id: int) -> RoadmapEvent:
    """A planned event whose day has come, before its result is asked."""
    event = await planned(session, actor, event_id)
    if event.on_date > _today(actor):
        raise ValidationFailed(texts.ROADMAP_NOT_YET)
    return event


async def mark_done(
    session: AsyncSession, actor: Actor, event_id: int, result: str | None
) -> RoadmapEvent:
    event = await check_can_mark_done(session, actor, event_id)
    event.result = validation.short_text(result, field="Результат", maximum=RESULT_MAX)
    event.status = RoadmapStatus.DONE
    event.done_at = utcnow()
    await session.flush()
    return event


async def cancel(session: AsyncSession, actor: Actor, event_id: int) -> RoadmapEvent:
    event = await planned(session, actor, event_id)
    event.status = RoadmapStatus.CANCELLED
    await session.flush()
    return event


async def of_year(
    session: AsyncSession, organization_id: int, first_year: int, first: date | None = None
) -> list[tuple[RoadmapEvent, str | None]]:
    """The organisation's events of the school year beginning in September of `first_year`
    (from `first` on, when given)."""
    rows = await session.execute(
        select(RoadmapEvent, Person.full_name)
        .outerjoin(Person, Person.id == RoadmapEvent.responsible_id)
        .where(
            RoadmapEvent.organization_id == organization_id,
            RoadmapEvent.on_date >= (first or date(first_year, 9, 1)),
            RoadmapEvent.on_date < date(first_year + 1, 9, 1),
        )
        .order_by(RoadmapEvent.on_date, RoadmapEvent.id)
    )
    return [(event, name) for event, name in rows.all()]


async def view(session: AsyncSession, actor: Actor) -> RoadmapView:
    """The roadmap of its days (`span`), for the curator."""
    curator = actor.require_curator()
    days = span(_today(actor))
    return RoadmapView(
        organization=curator.organization.name,
        curator=curator.full_name,
        first_year=days.first_year,
        events=await of_year(session, curator.organization_id, days.first_year, days.first),
    )
