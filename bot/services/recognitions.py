"""Recognition of mentors (seed 000 §2.4, seed 001 §3.4): the curator records a thanks, a
diploma or a nomination («Почётный наставник» and the like) with its day and a file; and the
mentor's statement of their mentoring (справка о наставнической деятельности, for аттестация):
pairs and periods, meetings held and their hours, the mentees' results, the recognitions. The
mentor and their curator get it; nobody else."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import pairs, staff, validation
from bot.services.access import Actor
from bot.services.errors import AccessDenied, NotFound
from bot.texts import achievements as texts
from models import Difficulty, Goal, Meeting, Pair, Person, PersonRole, Recognition
from models.enums import (
    DifficultyStatus,
    GoalStatus,
    MeetingStatus,
    MentorshipKind,
    PairStatus,
    RecognitionKind,
    Role,
)

TITLE_MAX = 300
DEFAULT_MEETING_MINUTES = 45  # a meeting logged without its length counts as a lesson's


@dataclass(frozen=True, slots=True)
class RecognitionDraft:
    kind: RecognitionKind
    title: str
    on_date: date
    file_id: str | None = None
    file_name: str | None = None


async def mentor_of_organization(session: AsyncSession, actor: Actor, mentor_id: int) -> Person:
    """A mentor of the curator's organisation (now or before: a role once held counts)."""
    curator = actor.require_curator()
    mentor = await session.get(Person, mentor_id)
    if mentor is None or mentor.organization_id != curator.organization_id:
        raise NotFound(texts.RECOGNITION_NOT_MENTOR)
    was_mentor = await session.scalar(
        select(PersonRole.id).where(
            PersonRole.person_id == mentor.id, PersonRole.role == Role.MENTOR
        )
    )
    if was_mentor is None:
        raise NotFound(texts.RECOGNITION_NOT_MENTOR)
    return mentor


def title(text: str | None) -> str:
    return validation.short_text(text, field="Название", maximum=TITLE_MAX)


def recognised_on(actor: Actor, text: str | None) -> date:
    today = pairs.local_today(actor.require_curator().organization.timezone)
    return validation.past_date(text, today)


async def add(
    session: AsyncSession, actor: Actor, mentor_id: int, draft: RecognitionDraft
) -> tuple[Recognition, Person]:
    mentor = await mentor_of_organization(session, actor, mentor_id)
    recognition = Recognition(
        organization_id=mentor.organization_id,
        mentor_id=mentor.id,
        kind=draft.kind,
        title=title(draft.title),
        on_date=draft.on_date,
        file_id=draft.file_id,
        file_name=draft.file_name,
        created_by_id=actor.require_curator().id,
    )
    session.add(recognition)
    await session.flush()
    return recognition, mentor


async def _own_or_curator(session: AsyncSession, actor: Actor, mentor_id: int) -> Person:
    person = actor.require_person()
    if person.id == mentor_id:
        return person
    if Role.CURATOR not in actor.roles:
        raise AccessDenied(texts.STATEMENT_WHO)
    return await mentor_of_organization(session, actor, mentor_id)


async def of_mentor(session: AsyncSession, actor: Actor, mentor_id: int) -> list[Recognition]:
    mentor = await _own_or_curator(session, actor, mentor_id)
    return list(
        await session.scalars(
            select(Recognition)
            .where(Recognition.mentor_id == mentor.id)
            .order_by(Recognition.on_date.desc(), Recognition.id.desc())
        )
    )


@dataclass(frozen=True, slots=True)
class MentoredPair:
    mentees: list[str]
    kind: MentorshipKind
    starts_on: date
    ends_on: date | None
    status: PairStatus


@dataclass(frozen=True, slots=True)
class MentorStatement:
    organization: str
    curator: str | None
    mentor: Person
    made_on: date
    pairs: list[MentoredPair]
    meetings_held: int
    meeting_hours: float
    goals_reached: int
    difficulties_overcome: int
    recognitions: list[Recognition]


async def statement(session: AsyncSession, actor: Actor, mentor_id: int) -> MentorStatement:
    mentor = await _own_or_curator(session, actor, mentor_id)
    found = list(
        await session.scalars(
            select(Pair)
            .where(
                Pair.mentor_id == mentor.id,
                Pair.status.not_in((PairStatus.PROPOSED, PairStatus.DECLINED)),
            )
            .order_by(Pair.starts_on, Pair.id)
        )
    )
    mentored = []
    mentee_ids: set[int] = set()
    for pair in found:
        view = await pairs.view(session, pair)
        mentee_ids |= {mentee.id for mentee in view.mentees}
        mentored.append(
            MentoredPair(
                mentees=[mentee.full_name for mentee in view.mentees],
                kind=pair.kind,
                starts_on=pair.starts_on,
                ends_on=pair.ends_on,
                status=pair.status,
            )
        )
    held, minutes = (
        await session.execute(
            select(
                func.count(Meeting.id),
                func.coalesce(
                    func.sum(func.coalesce(Meeting.duration_minutes, DEFAULT_MEETING_MINUTES)), 0
                ),
            ).where(Meeting.mentor_id == mentor.id, Meeting.status == MeetingStatus.HELD)
        )
    ).one()
    pair_ids = [pair.id for pair in found]
    reached = await session.scalar(
        select(func.count(Goal.id)).where(
            Goal.pair_id.in_(pair_ids), Goal.status == GoalStatus.REACHED
        )
    )
    overcome = await session.scalar(
        select(func.count(Difficulty.id)).where(
            Difficulty.mentee_id.in_(mentee_ids), Difficulty.status == DifficultyStatus.OVERCOME
        )
    )
    return MentorStatement(
        organization=mentor.organization.name,
        curator=await staff.first_curator_name(session, mentor.organization),
        mentor=mentor,
        made_on=pairs.local_today(mentor.organization.timezone),
        pairs=mentored,
        meetings_held=held or 0,
        meeting_hours=(minutes or 0) / 60,
        goals_reached=reached or 0,
        difficulties_overcome=overcome or 0,
        recognitions=await of_mentor(session, actor, mentor.id),
    )
