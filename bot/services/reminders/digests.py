"""The figures of the weekly digests: a mentor's week ahead and a curator's week behind."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Goal, HelpRequest, Meeting, Pair, PairMember, Person, PersonRole
from models.enums import GoalStatus, HelpStatus, MeetingStatus, PairStatus, Role


@dataclass(frozen=True, slots=True)
class Digest:
    meetings: list[Meeting]
    goals: list[Goal]
    requests: list[HelpRequest]


async def mentor_digest(session: AsyncSession, mentor_id: int, now: datetime) -> Digest:
    """The week ahead of a mentor: meetings, mentees' goals coming due, open requests."""
    week = now + timedelta(days=7)
    pair_ids = select(Pair.id).where(Pair.mentor_id == mentor_id, Pair.status == PairStatus.ACTIVE)
    meetings = await session.scalars(
        select(Meeting)
        .where(
            Meeting.pair_id.in_(pair_ids),
            Meeting.status == MeetingStatus.SCHEDULED,
            Meeting.starts_at.between(now, week),
        )
        .order_by(Meeting.starts_at)
        .limit(10)
    )
    goals = await session.scalars(
        select(Goal)
        .where(
            Goal.pair_id.in_(pair_ids),
            Goal.status.in_([GoalStatus.OPEN, GoalStatus.SUBMITTED]),
            Goal.due_on <= week.date(),
        )
        .order_by(Goal.due_on)
        .limit(10)
    )
    requests = await session.scalars(
        select(HelpRequest)
        .where(
            HelpRequest.status != HelpStatus.CLOSED,
            (HelpRequest.assignee_id == mentor_id)
            | (HelpRequest.assignee_id.is_(None) & HelpRequest.pair_id.in_(pair_ids)),
        )
        .order_by(HelpRequest.created_at)
        .limit(10)
    )
    return Digest(list(meetings), list(goals), list(requests))


@dataclass(frozen=True, slots=True)
class WeeklyFigures:
    active_pairs: int
    meetings_held: int
    open_requests: int
    overdue_goals: int
    unpaired_mentees: int


async def weekly_figures(
    session: AsyncSession, organization_id: int, since: datetime, now: datetime, today: date
) -> WeeklyFigures:
    in_organization = Pair.organization_id == organization_id
    active = await session.scalar(
        select(func.count(Pair.id)).where(in_organization, Pair.status == PairStatus.ACTIVE)
    )
    held = await session.scalar(
        select(func.count(Meeting.id))
        .join(Pair, Pair.id == Meeting.pair_id)
        .where(
            in_organization,
            Meeting.status == MeetingStatus.HELD,
            Meeting.starts_at.between(since, now),
        )
    )
    requests = await session.scalar(
        select(func.count(HelpRequest.id)).where(
            HelpRequest.organization_id == organization_id, HelpRequest.status != HelpStatus.CLOSED
        )
    )
    overdue = await session.scalar(
        select(func.count(Goal.id))
        .join(Pair, Pair.id == Goal.pair_id)
        .where(in_organization, Goal.status == GoalStatus.OPEN, Goal.due_on < today)
    )
    in_pair = (
        select(PairMember.mentee_id)
        .join(Pair, Pair.id == PairMember.pair_id)
        .where(PairMember.left_at.is_(None), Pair.status == PairStatus.ACTIVE)
    )
    unpaired = await session.scalar(
        select(func.count(Person.id))
        .join(PersonRole, and_(PersonRole.person_id == Person.id, PersonRole.role == Role.MENTEE))
        .where(
            Person.organization_id == organization_id,
            Person.erased_at.is_(None),
            Person.id.not_in(in_pair),
        )
    )
    return WeeklyFigures(active or 0, held or 0, requests or 0, overdue or 0, unpaired or 0)
