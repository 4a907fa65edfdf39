"""Situational help (ситуационное наставничество): a mentee asks for help (text, optionally a
photo or document, urgency); the request goes to their mentor, or to the curator when they have
no pair; the mentor takes it and the conversation runs through the bot, each message tied to the
request; either side closes it and the mentee says whether it helped. A request nobody took
within the organisation's working hours limit is escalated to the curator, who can pass it to
another mentor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import pairs, validation
from bot.services.access import Actor
from bot.services.errors import AccessDenied, NotFound, ValidationFailed
from bot.services.pagination import Page, paginate
from bot.texts import help_requests as texts
from bot.texts.common import ACCESS_OTHER_ORGANIZATION
from bot.texts.pairs import PAIR_MENTOR_IS_MENTEE
from models import (
    HelpMessage,
    HelpRequest,
    Organization,
    Pair,
    PairMember,
    Person,
    PersonRole,
    utcnow,
)
from models.enums import HelpStatus, MentorshipKind, PairStatus, Role, Urgency

TEXT_MAX = 3000
WORKDAY_START = time(8, 0)
WORKDAY_END = time(18, 0)
FILE_KINDS = frozenset({"photo", "document"})


@dataclass(frozen=True, slots=True)
class Attachment:
    file_id: str
    kind: str  # "photo" | "document"


@dataclass(frozen=True, slots=True)
class RequestView:
    request: HelpRequest
    mentee: Person
    assignee: Person | None
    mentor: Person | None  # the mentor of the mentee's pair, if any

    @property
    def responders(self) -> list[Person]:
        """Who answers the request now: the one it is assigned to, else the pair's mentor."""
        if self.assignee is not None:
            return [self.assignee]
        return [self.mentor] if self.mentor is not None else []


def working_deadline(start: datetime, hours: int, timezone: str) -> datetime:
    """The moment `hours` working hours (08:00–18:00, Monday to Friday, local time) after
    `start`: a request sent on Friday evening is due on Monday."""
    zone = ZoneInfo(timezone)
    moment = start.astimezone(zone)
    left = timedelta(hours=hours)
    while True:
        day_start = datetime.combine(moment.date(), WORKDAY_START, tzinfo=zone)
        day_end = datetime.combine(moment.date(), WORKDAY_END, tzinfo=zone)
        if moment.weekday() < 5 and moment < day_end:
            moment = max(moment, day_start)
            if moment + left <= day_end:
                return (moment + left).astimezone(UTC)
            left -= day_end - moment
        next_day = moment.date() + timedelta(days=1)
        moment = datetime.combine(next_day, WORKDAY_START, tzinfo=zone)


def description(text: str | None) -> str:
    if not (text or "").strip():
        raise ValidationFailed(texts.HELP_NEEDS_TEXT)
    return validation.short_text(text, field="Описание", maximum=TEXT_MAX)


def message_text(text: str | None, attachment: Attachment | None) -> str | None:
    if attachment is not None and not (text or "").strip():
        return None
    return validation.short_text(text, field="Сообщение", maximum=TEXT_MAX)


async def _mentee_pair(session: AsyncSession, mentee_id: int) -> Pair | None:
    """The mentee's newest active pair or group: its mentor answers their requests."""
    return await session.scalar(
        select(Pair)
        .join(PairMember, PairMember.pair_id == Pair.id)
        .where(
            PairMember.mentee_id == mentee_id,
            PairMember.left_at.is_(None),
            Pair.status == PairStatus.ACTIVE,
            # a situational pair has its own one request; a speed one is one meeting
            Pair.kind.not_in([MentorshipKind.SITUATIONAL, MentorshipKind.SPEED]),
        )
        .order_by(Pair.created_at.desc(), Pair.id.desc())
        .limit(1)
    )


async def curators(session: AsyncSession, organization_id: int) -> list[Person]:
    return list(
        await session.scalars(
            select(Person).where(
                Person.organization_id == organization_id,
                Person.erased_at.is_(None),
                exists().where(PersonRole.person_id == Person.id, PersonRole.role == Role.CURATOR),
            )
        )
    )


async def _view(session: AsyncSession, request: HelpRequest) -> RequestView:
    mentee = await session.get(Person, request.mentee_id)
    assert mentee is not None
    assignee = await session.get(Person, request.assignee_id) if request.assignee_id else None
    mentor = None
    if request.pair_id is not None:
        pair = await session.get(Pair, request.pair_id)
        if pair is not None and pair.status is PairStatus.ACTIVE:
            mentor = await session.get(Person, pair.mentor_id)
    return RequestView(request=request, mentee=mentee, assignee=assignee, mentor=mentor)


async def open_request(
    session: AsyncSession,
    actor: Actor,
    *,
    text: str,
    urgency: Urgency,
    attachment: Attachment | None = None,
) -> RequestView:
    mentee = actor.require_role(Role.MENTEE)
    pair = await _mentee_pair(session, mentee.id)
    request = HelpRequest(
        organization_id=mentee.organization_id,
        mentee_id=mentee.id,
        pair_id=pair.id if pair else None,
        text=description(text),
        urgency=urgency,
        status=HelpStatus.OPEN,
    )
    session.add(request)
    await session.flush()
    if attachment is not None:
        session.add(
            HelpMessage(
                request_id=request.id,
                author_id=mentee.id,
                file_id=attachment.file_id,
                file_kind=attachment.kind,
            )
        )
        await session.flush()
    return await _view(session, request)


async def get(session: AsyncSession, actor: Actor, request_id: int) -> RequestView:
    """A request seen by its mentee, whoever answers it, and the organisation's curator."""
    person = actor.require_person()
    request = await session.get(HelpRequest, request_id)
    if request is None:
        raise NotFound(texts.HELP_NOT_FOUND)
    view = await _view(session, request)
    # whoever answers it may be a mentor of another school (virtual mentoring)
    if person.id in {view.mentee.id} | {p.id for p in view.responders}:
        return view
    if request.organization_id != person.organization_id:
        raise AccessDenied(ACCESS_OTHER_ORGANIZATION)
    if Role.CURATOR not in person.role_set:
        raise AccessDenied(texts.HELP_NOT_YOURS)
    return view


class RequestClosed(ValidationFailed):
    """The request is closed: nothing more is written in it."""

    def __init__(self) -> None:
        super().__init__(texts.HELP_CLOSED)


def _require_not_closed(view: RequestView) -> None:
    if view.request.status is HelpStatus.CLOSED:
        raise RequestClosed


async def take(session: AsyncSession, actor: Actor, request_id: int) -> RequestView:
    """The responder (or a curator, for a request of their organisation) takes the request."""
    view = await get(session, actor, request_id)
    _require_not_closed(view)
    person = actor.require_person()
    if person.id == view.mentee.id:
        raise AccessDenied(texts.HELP_NOT_FOR_MENTEE)
    if view.request.status is HelpStatus.TAKEN:
        if view.request.assignee_id == person.id:
            return view
        raise ValidationFailed(texts.HELP_ALREADY_TAKEN)
    request = view.request
    request.status = HelpStatus.TAKEN
    request.assignee_id = person.id
    request.taken_at = utcnow()
    await session.flush()
    return RequestView(request=request, mentee=view.mentee, assignee=person, mentor=view.mentor)


async def check_can_write(session: AsyncSession, actor: Actor, request_id: int) -> RequestView:
    """The mentee and whoever took the request write on it while it is not closed; the
    responder's first message takes it."""
    view = await get(session, actor, request_id)
    _require_not_closed(view)
    person = actor.require_person()
    if person.id == view.mentee.id:
        return view
    if view.request.status is HelpStatus.OPEN:
        return await take(session, actor, request_id)
    if view.request.assignee_id != person.id:
        raise AccessDenied(texts.HELP_ALREADY_TAKEN)
    return view


async def add_message(
    session: AsyncSession,
    actor: Actor,
    request_id: int,
    text: str | None,
    attachment: Attachment | None = None,
) -> tuple[RequestView, list[Person]]:
    """Record one message; returns the request and whom to pass the message to."""
    view = await check_can_write(session, actor, request_id)
    person = actor.require_person()
    if attachment is not None and attachment.kind not in FILE_KINDS:
        raise ValidationFailed(texts.HELP_BAD_ATTACHMENT)
    session.add(
        HelpMessage(
            request_id=request_id,
            author_id=person.id,
            text=message_text(text, attachment),
            file_id=attachment.file_id if attachment else None,
            file_kind=attachment.kind if attachment else None,
        )
    )
    if person.id != view.mentee.id and view.request.first_answer_at is None:
        view.request.first_answer_at = utcnow()
    await session.flush()
    if person.id == view.mentee.id:
        recipients = view.responders or await curators(session, view.mentee.organization_id)
    else:
        recipients = [view.mentee]
    return view, recipients


async def close(session: AsyncSession, actor: Actor, request_id: int) -> RequestView:
    view = await get(session, actor, request_id)
    _require_not_closed(view)
    person = actor.require_person()
    if person.id != view.mentee.id and person.id != view.request.assignee_id:
        actor.require_curator_of(view.request.organization_id)
    view.request.status = HelpStatus.CLOSED
    view.request.closed_at = utcnow()
    view.request.closed_by_id = person.id
    await _end_its_situational_pair(session, view.request)
    await session.flush()
    return view


async def _end_its_situational_pair(session: AsyncSession, request: HelpRequest) -> None:
    """A situational pair lives with its request: closed, the pair is complete (or, still a
    proposal, no longer needed)."""
    pair = await session.get(Pair, request.pair_id) if request.pair_id else None
    if pair is None or pair.kind is not MentorshipKind.SITUATIONAL:
        return
    if pair.status in pairs.LIVE_STATUSES:
        pairs.close(pair, completed=True)
    elif pair.status is PairStatus.PROPOSED:
        pair.status, pair.finished_at = PairStatus.DECLINED, utcnow()


async def mark_helped(
    session: AsyncSession, actor: Actor, request_id: int, helped: bool
) -> RequestView:
    view = await get(session, actor, request_id)
    if actor.require_person().id != view.mentee.id:
        raise AccessDenied(texts.HELP_MENTEE_ONLY)
    if view.request.status is not HelpStatus.CLOSED:
        raise ValidationFailed(texts.HELP_NOT_CLOSED)
    if view.request.helped is not None:
        raise ValidationFailed(texts.HELP_ALREADY_ANSWERED)
    view.request.helped = helped
    await session.flush()
    return view


async def pass_to(
    session: AsyncSession, actor: Actor, request_id: int, mentor_id: int
) -> tuple[RequestView, Person | None]:
    """The curator gives the request to another mentor; returns it and the previous assignee."""
    actor.require_curator()
    view = await get(session, actor, request_id)
    actor.require_curator_of(view.request.organization_id)
    _require_not_closed(view)
    mentor = await pairs.check_mentor(session, actor, mentor_id)
    if mentor.id == view.mentee.id:
        raise ValidationFailed(PAIR_MENTOR_IS_MENTEE)
    if mentor.id == view.request.assignee_id:
        raise ValidationFailed(texts.HELP_SAME_MENTOR)
    previous = view.assignee
    request = view.request
    request.assignee_id = mentor.id
    request.status = HelpStatus.OPEN
    request.taken_at = None
    request.escalated_at = request.escalated_at or utcnow()
    await session.flush()
    return RequestView(request=request, mentee=view.mentee, assignee=mentor, mentor=view.mentor), (
        previous
    )


async def conversation(session: AsyncSession, request_id: int) -> list[tuple[str, HelpMessage]]:
    rows = await session.execute(
        select(Person.full_name, HelpMessage)
        .join(Person, Person.id == HelpMessage.author_id)
        .where(HelpMessage.request_id == request_id)
        .order_by(HelpMessage.created_at, HelpMessage.id)
    )
    return [(name, message) for name, message in rows.all()]


async def list_open(session: AsyncSession, actor: Actor, page: int) -> Page[HelpRequest]:
    """Requests not yet closed that concern the person: their own as a mentee, those they
    answer as a mentor, and every one of the organisation for a curator; oldest first."""
    person = actor.require_person()
    conditions = [
        HelpRequest.mentee_id == person.id,
        HelpRequest.assignee_id == person.id,
        (HelpRequest.assignee_id.is_(None))
        & HelpRequest.pair_id.in_(
            select(Pair.id).where(Pair.mentor_id == person.id, Pair.status == PairStatus.ACTIVE)
        ),
    ]
    if Role.CURATOR in person.role_set:
        conditions.append(HelpRequest.organization_id == person.organization_id)
    statement = (
        select(HelpRequest)
        .where(HelpRequest.status != HelpStatus.CLOSED, or_(*conditions))
        .order_by(HelpRequest.created_at, HelpRequest.id)
    )
    return await paginate(session, statement, page)


async def escalate_due(
    session: AsyncSession, now: datetime
) -> list[tuple[RequestView, list[Person]]]:
    """Requests no mentor took within their organisation's limit: marked escalated once, and
    returned with the curators to tell. Requests without a pair went to the curator at once."""
    rows = await session.execute(
        select(HelpRequest, Organization)
        .join(Organization, Organization.id == HelpRequest.organization_id)
        .where(
            HelpRequest.status == HelpStatus.OPEN,
            HelpRequest.escalated_at.is_(None),
            HelpRequest.pair_id.is_not(None),
        )
        .order_by(HelpRequest.created_at, HelpRequest.id)
    )
    due: list[tuple[RequestView, list[Person]]] = []
    for request, organization in rows.all():
        deadline = working_deadline(
            request.created_at, organization.help_escalation_hours, organization.timezone
        )
        if deadline > now:
            continue
        request.escalated_at = now
        due.append((await _view(session, request), await curators(session, organization.id)))
    await session.flush()
    return due
