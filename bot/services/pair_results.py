"""What each pair or group of an organisation did over a period, for the final report's list
of pairs: its people, kind and period, its state, the meetings held in the period and the steps
of its programme done."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.monitoring import Period
from models import Meeting, Pair, PairMember, Person, Programme, ProgrammeActivity
from models.enums import ActivityStatus, MeetingStatus, MentorshipKind, PairStatus

SHOWN_STATUSES = (PairStatus.ACTIVE, PairStatus.PAUSED, PairStatus.COMPLETED, PairStatus.STOPPED)


@dataclass(frozen=True, slots=True)
class PairResult:
    pair_id: int
    mentor: str
    mentees: list[str]
    kind: MentorshipKind
    starts_on: date
    ends_on: date | None
    status: PairStatus
    meetings_held: int
    steps_done: int
    steps_total: int


async def of_period(
    session: AsyncSession, organization_id: int, chosen: Period, timezone: str
) -> list[PairResult]:
    """The organisation's pairs that worked in the period, oldest first."""
    first, last = chosen.start, chosen.end
    start, end = chosen.bounds(timezone)
    rows = (
        await session.execute(
            select(Pair, Person.full_name)
            .join(Person, Person.id == Pair.mentor_id)
            .where(
                Pair.organization_id == organization_id,
                Pair.status.in_(SHOWN_STATUSES),
                Pair.starts_on <= last,
                or_(Pair.ends_on.is_(None), Pair.ends_on >= first),
            )
            .order_by(Pair.starts_on, Pair.id)
        )
    ).all()
    ids = [pair.id for pair, _ in rows]
    mentees: dict[int, list[str]] = {pair_id: [] for pair_id in ids}
    for pair_id, name in await session.execute(
        select(PairMember.pair_id, Person.full_name)
        .join(Person, Person.id == PairMember.mentee_id)
        .where(PairMember.pair_id.in_(ids))
        .order_by(Person.full_name)
    ):
        mentees[pair_id].append(name)
    held = dict(
        (
            await session.execute(
                select(Meeting.pair_id, func.count(Meeting.id))
                .where(
                    Meeting.pair_id.in_(ids),
                    Meeting.status == MeetingStatus.HELD,
                    Meeting.starts_at >= start,
                    Meeting.starts_at < end,
                )
                .group_by(Meeting.pair_id)
            )
        ).all()
    )
    steps = {
        pair_id: (done, total)
        for pair_id, done, total in await session.execute(
            select(
                Programme.pair_id,
                func.count(ProgrammeActivity.id).filter(
                    ProgrammeActivity.status == ActivityStatus.DONE
                ),
                func.count(ProgrammeActivity.id),
            )
            .join(ProgrammeActivity, ProgrammeActivity.programme_id == Programme.id)
            .where(Programme.pair_id.in_(ids))
            .group_by(Programme.pair_id)
        )
    }
    return [
        PairResult(
            pair_id=pair.id,
            mentor=mentor,
            mentees=mentees[pair.id],
            kind=pair.kind,
            starts_on=pair.starts_on,
            ends_on=pair.ends_on,
            status=pair.status,
            meetings_held=held.get(pair.id, 0),
            steps_done=steps.get(pair.id, (0, 0))[0],
            steps_total=steps.get(pair.id, (0, 0))[1],
        )
        for pair, mentor in rows
    ]
