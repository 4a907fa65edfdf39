"""Mentorship pairs and groups: the rules of each kind (who, how many, how long), proposing a
pair (it becomes active when every participant accepts: `proposals`), finding teachers by name,
who is not yet paired, changing the mentor (who mentored when is kept), and finishing a pair
(completed with final reflections, or stopped early with a reason)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import validation, virtual_mentoring
from bot.services.access import Actor
from bot.services.errors import AccessDenied, NotFound, ValidationFailed
from bot.services.pagination import Page, paginate
from bot.texts import pairs as texts
from bot.texts.common import ACCESS_MENTOR_ONLY, ACCESS_OTHER_ORGANIZATION
from bot.texts.vocabulary import ROLE_NAMES
from models import (
    Feedback,
    Goal,
    HelpRequest,
    Meeting,
    Pair,
    PairAnswer,
    PairMember,
    PairMentor,
    Person,
    PersonRole,
    Programme,
    ProgrammeActivity,
    utcnow,
)
from models.enums import (
    ActivityStatus,
    FeedbackKind,
    GoalStatus,
    HelpStatus,
    MeetingStatus,
    MentorshipForm,
    MentorshipKind,
    PairStatus,
    Role,
    RoleModel,
)

# a personalised programme lasts 3 to 12 months; a short-term pair works on goals for weeks
PROGRAMME_KINDS = frozenset(
    {
        MentorshipKind.TRADITIONAL,
        MentorshipKind.GROUP,
        MentorshipKind.REVERSE,
        MentorshipKind.VIRTUAL,
    }
)
PERIODS = {kind: range(3, 13) for kind in PROGRAMME_KINDS} | {
    MentorshipKind.SHORT_TERM: range(1, 4)
}
PERIOD_CHOICES = dict.fromkeys(PROGRAMME_KINDS, (3, 6, 9, 12)) | {
    MentorshipKind.SHORT_TERM: (1, 2, 3)
}
ONE_TO_ONE_KINDS = frozenset(
    {MentorshipKind.TRADITIONAL, MentorshipKind.REVERSE, MentorshipKind.SITUATIONAL}
)
# the working statuses: a pair that has a mentor, though it may rest for a while
LIVE_STATUSES = (PairStatus.ACTIVE, PairStatus.PAUSED)
# …and those that still hold the people: a proposal waits for them
HOLDING_STATUSES = (PairStatus.PROPOSED, *LIVE_STATUSES)
START_AHEAD_DAYS = 365
REASON_MAX = 1000


@dataclass(frozen=True, slots=True)
class PairView:
    """A pair with its people loaded, for rendering."""

    pair: Pair
    mentor: Person
    mentees: list[Person]

    @property
    def people(self) -> list[Person]:
        return [self.mentor, *self.mentees]


def add_months(start: date, months: int) -> date:
    month = start.month - 1 + months
    year = start.year + month // 12
    month = month % 12 + 1
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days_in_month = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return date(year, month, min(start.day, days_in_month))


def local_today(timezone: str, now: datetime | None = None) -> date:
    return (now or utcnow()).astimezone(ZoneInfo(timezone)).date()


def school_year(day: date) -> int:
    """The first calendar year of the school year of `day` (September to August)."""
    return day.year if day.month >= 9 else day.year - 1


def is_staff(person: Person, on: date) -> bool:
    """Whether the teacher is on the staff that day (not left, not erased)."""
    return person.erased_at is None and (person.left_on is None or person.left_on > on)


def require_working(pair: Pair) -> None:
    """An active pair: refused, saying why, while it waits for answers, rests, or is over."""
    if pair.status is PairStatus.ACTIVE:
        return
    reason = {
        PairStatus.PROPOSED: texts.PAIR_NOT_ACCEPTED_YET,
        PairStatus.PAUSED: texts.PAIR_PAUSED_NOW,
    }.get(pair.status, texts.PAIR_NOT_ACTIVE)
    raise ValidationFailed(reason)


def has_programme(kind: MentorshipKind) -> bool:
    return kind in PROGRAMME_KINDS


PICKER_SIZE = 20  # names a page of the people picker, each a row of its own


def on_staff(today: date) -> list[ColumnElement[bool]]:
    """Conditions on `Person`: on the staff today."""
    return [Person.erased_at.is_(None), or_(Person.left_on.is_(None), Person.left_on > today)]


async def search_people(
    session: AsyncSession, actor: Actor, role: Role, query: str | None, page: int
) -> Page[Person]:
    """Teachers of the curator's organisation with this role, on the staff, optionally by part
    of the name."""
    curator = actor.require_curator()
    conditions = [
        Person.organization_id == curator.organization_id,
        *on_staff(local_today(curator.organization.timezone)),
        exists().where(PersonRole.person_id == Person.id, PersonRole.role == role),
    ]
    if query:
        needle = validation.search_text(query)
        conditions.append(Person.search_name.contains(needle, autoescape=True))
    statement = select(Person).where(*conditions).order_by(Person.full_name, Person.id)
    return await paginate(session, statement, page, PICKER_SIZE)


def mentee_in(statuses: Sequence[PairStatus]) -> Any:
    """Condition on `Person`: a mentee (still a member) of a pair in one of these statuses."""
    return exists().where(
        PairMember.mentee_id == Person.id,
        PairMember.left_at.is_(None),
        PairMember.pair_id == Pair.id,
        Pair.status.in_(statuses),
    )


async def unpaired_mentees(session: AsyncSession, actor: Actor, page: int) -> Page[Person]:
    """Mentees on the staff in no active, paused or proposed pair: who still needs a mentor."""
    curator = actor.require_curator()
    statement = (
        select(Person)
        .where(
            Person.organization_id == curator.organization_id,
            *on_staff(local_today(curator.organization.timezone)),
            exists().where(PersonRole.person_id == Person.id, PersonRole.role == Role.MENTEE),
            ~mentee_in(HOLDING_STATUSES),
        )
        .order_by(Person.full_name, Person.id)
    )
    return await paginate(session, statement, page)


async def _member_of(session: AsyncSession, curator: Person, person_id: int, role: Role) -> Person:
    """A teacher of the curator's staff in this role; for a mentor, also one of another school
    of the region who agreed to mentor beyond it."""
    person = await session.get(Person, person_id)
    if (
        person is None
        or (
            person.organization_id != curator.organization_id
            and not (
                role is Role.MENTOR
                and await virtual_mentoring.may_mentor_in(session, person, curator.organization_id)
            )
        )
        or not is_staff(person, local_today(curator.organization.timezone))
        or role not in person.role_set
    ):
        raise ValidationFailed(texts.PAIR_PERSON_NOT_AVAILABLE.format(role=ROLE_NAMES[role]))
    return person


async def check_mentor(session: AsyncSession, actor: Actor, person_id: int) -> Person:
    return await _member_of(session, actor.require_curator(), person_id, Role.MENTOR)


async def check_mentee(session: AsyncSession, actor: Actor, person_id: int) -> Person:
    return await _member_of(session, actor.require_curator(), person_id, Role.MENTEE)


def check_kind(kind: MentorshipKind, mentee_count: int) -> None:
    if mentee_count < 1:
        raise ValidationFailed(texts.PAIR_NEEDS_MENTEE)
    if kind in ONE_TO_ONE_KINDS and mentee_count != 1:
        raise ValidationFailed(texts.PAIR_ONE_TO_ONE)
    if kind is MentorshipKind.GROUP and mentee_count < 2:
        raise ValidationFailed(texts.PAIR_GROUP_NEEDS_TWO)


def check_period(kind: MentorshipKind, months: int | None) -> None:
    """A period in the kind's bounds; none for a speed or situational pair."""
    allowed = PERIODS.get(kind)
    if allowed is None:
        if months is not None:
            raise ValidationFailed(texts.PAIR_NO_PERIOD)
        return
    if months not in allowed:
        raise ValidationFailed(
            texts.PAIR_BAD_PERIOD.format(low=allowed.start, high=allowed.stop - 1)
        )


def check_start(starts_on: date, today: date) -> date:
    if starts_on < today:
        raise ValidationFailed(texts.PAIR_START_PAST)
    if starts_on > today + timedelta(days=START_AHEAD_DAYS):
        raise ValidationFailed(texts.PAIR_START_FAR)
    return starts_on


async def mentees_held(session: AsyncSession, mentor_ids: Sequence[int]) -> dict[int, int]:
    """How many mentees each mentor has in active, paused or proposed pairs: their load."""
    rows = await session.execute(
        select(Pair.mentor_id, func.count(PairMember.mentee_id.distinct()))
        .join(PairMember, PairMember.pair_id == Pair.id)
        .where(
            Pair.mentor_id.in_(mentor_ids),
            Pair.status.in_(HOLDING_STATUSES),
            PairMember.left_at.is_(None),
        )
        .group_by(Pair.mentor_id)
    )
    return {mentor: int(count) for mentor, count in rows.all()}


async def open_requests_of(session: AsyncSession, mentee_id: int) -> list[HelpRequest]:
    """A mentee's help requests not closed and not yet in a situational pair."""
    situational = select(Pair.id).where(Pair.kind == MentorshipKind.SITUATIONAL)
    return list(
        await session.scalars(
            select(HelpRequest)
            .where(
                HelpRequest.mentee_id == mentee_id,
                HelpRequest.status != HelpStatus.CLOSED,
                or_(HelpRequest.pair_id.is_(None), HelpRequest.pair_id.not_in(situational)),
            )
            .order_by(HelpRequest.created_at, HelpRequest.id)
        )
    )


async def situational_request_id(session: AsyncSession, pair_id: int) -> int | None:
    """The help request a situational pair was formed for."""
    return await session.scalar(select(HelpRequest.id).where(HelpRequest.pair_id == pair_id))


@dataclass(frozen=True, slots=True)
class Proposal:
    """What the curator proposes: who, the kind, form and role model, when and for how long."""

    mentor_id: int
    mentee_ids: Sequence[int]
    kind: MentorshipKind
    form: MentorshipForm
    role_model: RoleModel
    starts_on: date
    months: int | None = None
    request_id: int | None = None  # a situational pair's help request


async def propose(session: AsyncSession, actor: Actor, proposal: Proposal) -> PairView:
    """A new pair waiting for the mentor's and every mentee's consent (`proposals.answer`)."""
    curator = actor.require_curator()
    mentor = await check_mentor(session, actor, proposal.mentor_id)
    unique_ids = list(dict.fromkeys(proposal.mentee_ids))
    mentees = [await check_mentee(session, actor, mentee_id) for mentee_id in unique_ids]
    if mentor.id in unique_ids:
        raise ValidationFailed(texts.PAIR_MENTOR_IS_MENTEE)
    check_kind(proposal.kind, len(mentees))
    check_period(proposal.kind, proposal.months)
    check_start(proposal.starts_on, local_today(curator.organization.timezone))
    duplicate = await session.scalar(
        select(Person.full_name)
        .join(PairMember, PairMember.mentee_id == Person.id)
        .join(Pair, Pair.id == PairMember.pair_id)
        .where(
            Pair.mentor_id == mentor.id,
            Pair.status.in_(HOLDING_STATUSES),
            PairMember.left_at.is_(None),
            PairMember.mentee_id.in_(unique_ids),
        )
        .limit(1)
    )
    if duplicate is not None:
        raise ValidationFailed(texts.PAIR_ALREADY_EXISTS.format(name=duplicate))
    request = await _situational_request(session, proposal, mentees)
    pair = Pair(
        organization_id=curator.organization_id,
        mentor_id=mentor.id,
        kind=proposal.kind,
        form=proposal.form,
        role_model=proposal.role_model,
        status=PairStatus.PROPOSED,
        starts_on=proposal.starts_on,
        ends_on=add_months(proposal.starts_on, proposal.months) if proposal.months else None,
        created_by_id=curator.id,
        members=[PairMember(mentee_id=mentee.id) for mentee in mentees],
    )
    session.add(pair)
    await session.flush()
    session.add_all(PairAnswer(pair_id=pair.id, person_id=p.id) for p in (mentor, *mentees))
    if request is not None:
        request.pair_id = pair.id
    await session.flush()
    return PairView(pair=pair, mentor=mentor, mentees=sorted(mentees, key=_by_name))


async def _situational_request(
    session: AsyncSession, proposal: Proposal, mentees: list[Person]
) -> HelpRequest | None:
    """A situational pair is formed for one open help request of its mentee."""
    if proposal.kind is not MentorshipKind.SITUATIONAL:
        if proposal.request_id is not None:
            raise ValidationFailed(texts.PAIR_REQUEST_ONLY_SITUATIONAL)
        return None
    open_ids = {request.id: request for request in await open_requests_of(session, mentees[0].id)}
    if proposal.request_id not in open_ids:
        raise ValidationFailed(texts.PAIR_SITUATIONAL_NEEDS_REQUEST)
    return open_ids[proposal.request_id]


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


async def get_pair(
    session: AsyncSession, actor: Actor, pair_id: int, *, reading: bool = False
) -> PairView:
    """A pair seen by its curator, its mentor or one of its mentees; nobody else. Its mentor
    may be of another school (virtual mentoring); with `reading` (the pair's card), so may the
    curator of the mentor's school, who sees their mentor's load across schools."""
    person = actor.require_person()
    pair = await session.get(Pair, pair_id)
    if pair is None:
        raise NotFound(texts.PAIR_NOT_FOUND)
    loaded = await view(session, pair)
    if person.id in {p.id for p in loaded.people}:
        return loaded
    curator = Role.CURATOR in person.role_set
    if curator and pair.organization_id == person.organization_id:
        return loaded
    if reading and curator and loaded.mentor.organization_id == person.organization_id:
        return loaded
    if pair.organization_id != person.organization_id:
        raise AccessDenied(ACCESS_OTHER_ORGANIZATION)
    raise AccessDenied(texts.PAIR_NOT_YOURS)


async def managed_pair(session: AsyncSession, actor: Actor, pair_id: int) -> PairView:
    """A pair of the curator's own organisation, for changes only the curator makes."""
    curator = actor.require_curator()
    loaded = await get_pair(session, actor, pair_id)
    if loaded.pair.organization_id != curator.organization_id:
        raise AccessDenied(ACCESS_OTHER_ORGANIZATION)
    return loaded


def pair_filter(only: str, timezone: str, stalled_days: int) -> list[Any]:
    now = utcnow()
    today = local_today(timezone, now)
    if not only:
        return []
    if only == "stalled":
        return stalled_conditions(now, stalled_days)
    if only == "overdue":
        overdue = exists().where(
            Goal.pair_id == Pair.id,
            Goal.status == GoalStatus.OPEN,
            Goal.due_on < today,
        )
        return [Pair.status == PairStatus.ACTIVE, overdue]
    if only.startswith("m") and only[1:].isdigit():
        return [Pair.mentor_id == int(only[1:])]
    try:
        status = PairStatus(only)
    except ValueError:
        pass
    else:
        return [Pair.status == status]
    try:
        return [Pair.kind == MentorshipKind(only)]
    except ValueError:
        raise ValidationFailed(texts.PAIR_BAD_FILTER) from None


def stalled_conditions(now: datetime, days: int) -> list[Any]:
    """Conditions on `Pair`: active, begun `days` or more days ago, with no meeting held or
    planned and no programme step done since `days` days ago."""
    since = now - timedelta(days=days)
    recent_meeting = exists().where(
        Meeting.pair_id == Pair.id,
        or_(
            Meeting.status == MeetingStatus.SCHEDULED,
            (Meeting.status == MeetingStatus.HELD) & (Meeting.starts_at >= since),
        ),
    )
    recent_step = exists().where(
        Programme.pair_id == Pair.id,
        ProgrammeActivity.programme_id == Programme.id,
        ProgrammeActivity.status == ActivityStatus.DONE,
        ProgrammeActivity.done_at >= since,
    )
    return [
        Pair.status == PairStatus.ACTIVE,
        Pair.starts_on <= since.date(),
        ~recent_meeting,
        ~recent_step,
    ]


async def list_pairs(session: AsyncSession, actor: Actor, page: int, only: str = "") -> Page[Pair]:
    """The curator's pairs, working ones first, optionally only: stalled, with overdue goals,
    of one status, of one kind, or of one mentor (`m<id>`)."""
    curator = actor.require_curator()
    organization = curator.organization
    # the school's pairs, and those its mentors lead in other schools (virtual mentoring)
    own_mentors = select(Person.id).where(Person.organization_id == curator.organization_id)
    statement = select(Pair).where(
        or_(Pair.organization_id == curator.organization_id, Pair.mentor_id.in_(own_mentors))
    )
    statement = statement.where(
        *pair_filter(only, organization.timezone, organization.stalled_days)
    )
    statement = statement.order_by(
        Pair.status.not_in(LIVE_STATUSES), Pair.created_at.desc(), Pair.id.desc()
    )
    return await paginate(session, statement, page)


async def list_my_pairs(session: AsyncSession, actor: Actor, page: int) -> Page[Pair]:
    """Pairs and groups the acting mentor leads or the acting mentee belongs to (proposals
    declined are not theirs to keep)."""
    person = actor.require_person()
    if not person.role_set & {Role.MENTOR, Role.MENTEE}:
        raise AccessDenied(ACCESS_MENTOR_ONLY)
    as_mentee = select(PairMember.pair_id).where(
        PairMember.mentee_id == person.id, PairMember.left_at.is_(None)
    )
    statement = (
        select(Pair)
        .where(
            or_(Pair.mentor_id == person.id, Pair.id.in_(as_mentee)),
            Pair.status != PairStatus.DECLINED,
        )
        .order_by(Pair.status.not_in(LIVE_STATUSES), Pair.created_at.desc(), Pair.id.desc())
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
    return [(pair.id, title(pair, known)) for pair in found]


def title(pair: Pair, known: dict[int, str]) -> str:
    """«mentor → mentees» of a pair, from the names of its people."""
    mentees = ", ".join(known.get(m.mentee_id, "") for m in pair.members if m.left_at is None)
    return f"{known.get(pair.mentor_id, '')} → {mentees}"


async def names(session: AsyncSession, person_ids: set[int]) -> dict[int, str]:
    rows = await session.execute(
        select(Person.id, Person.full_name).where(Person.id.in_(person_ids))
    )
    return dict(rows.all())


async def active_managed_pair(session: AsyncSession, actor: Actor, pair_id: int) -> PairView:
    """A pair the curator may still change: of their organisation, active or paused."""
    loaded = await managed_pair(session, actor, pair_id)
    if loaded.pair.status not in LIVE_STATUSES:
        require_working(loaded.pair)
    return loaded


async def change_mentor(
    session: AsyncSession, actor: Actor, pair_id: int, mentor_id: int
) -> tuple[PairView, Person]:
    """Give the pair a new mentor; returns the pair and the previous mentor. Who mentored when
    is kept: meetings so far stay counted for the previous one."""
    loaded = await active_managed_pair(session, actor, pair_id)
    mentor = await check_mentor(session, actor, mentor_id)
    if mentor.id == loaded.mentor.id:
        raise ValidationFailed(texts.PAIR_SAME_MENTOR)
    if mentor.id in {mentee.id for mentee in loaded.mentees}:
        raise ValidationFailed(texts.PAIR_MENTOR_IS_MENTEE)
    previous = loaded.mentor
    now = utcnow()
    current = await session.scalar(
        select(PairMentor).where(PairMentor.pair_id == pair_id, PairMentor.until.is_(None))
    )
    if current is not None:
        current.until = now
    session.add(PairMentor(pair_id=pair_id, mentor_id=mentor.id, since=now))
    loaded.pair.mentor_id = mentor.id
    await session.flush()
    return PairView(pair=loaded.pair, mentor=mentor, mentees=loaded.mentees), previous


async def mentor_history(
    session: AsyncSession, pair_id: int
) -> list[tuple[str, datetime, datetime | None]]:
    """(mentor, since, until) of the pair, oldest first."""
    rows = await session.execute(
        select(Person.full_name, PairMentor.since, PairMentor.until)
        .join(Person, Person.id == PairMentor.mentor_id)
        .where(PairMentor.pair_id == pair_id)
        .order_by(PairMentor.since, PairMentor.id)
    )
    return [(name, since, until) for name, since, until in rows.all()]


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
    close(loaded.pair, completed=completed, reason=reason)
    await session.flush()
    return loaded


def close(pair: Pair, *, completed: bool, reason: str | None = None) -> None:
    """The pair ends: completed, or stopped early with its reason."""
    if completed:
        pair.status = PairStatus.COMPLETED
    else:
        pair.status = PairStatus.STOPPED
        pair.stop_reason = validation.short_text(reason, field="Причина", maximum=REASON_MAX)
    pair.finished_at = utcnow()


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
