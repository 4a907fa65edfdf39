"""Achievements of teachers and the mentee's portfolio (портфолио молодого специалиста, seed
004): a mentee or a mentor records an open lesson, a contest (its level and result), a
publication, a course or a qualification category obtained, with a file if they wish. A
person's achievements are read by them, by the curator, and a mentee's also by their mentor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import diagnostics, pairs, validation
from bot.services.access import Actor, require_mentee_visible
from bot.services.errors import AccessDenied, NotFound, ValidationFailed
from bot.texts import achievements as texts
from models import Achievement, Difficulty, Goal, Pair, PairMember, Person
from models.enums import (
    AchievementKind,
    AchievementLevel,
    DifficultyStatus,
    GoalStatus,
    PairStatus,
    Role,
)

TITLE_MAX = 300
RESULT_MAX = 200
SHOWN = 20
FILE_MAX_BYTES = 10 * 1024 * 1024
LEVELLED = frozenset({AchievementKind.CONTEST, AchievementKind.PUBLICATION})


@dataclass(frozen=True, slots=True)
class AchievementDraft:
    kind: AchievementKind
    title: str
    on_date: date
    level: AchievementLevel | None = None
    result: str | None = None
    file_id: str | None = None
    file_name: str | None = None


def check_can_record(actor: Actor) -> Person:
    """Mentees and mentors record their achievements."""
    person = actor.require_person()
    if not ({Role.MENTEE, Role.MENTOR} & actor.roles):
        raise AccessDenied(texts.ACHIEVEMENTS_WHO)
    return person


def title(text: str | None) -> str:
    return validation.short_text(text, field="Название", maximum=TITLE_MAX)


def result(text: str | None) -> str:
    return validation.short_text(text, field="Результат", maximum=RESULT_MAX)


def achieved_on(actor: Actor, text: str | None) -> date:
    today = pairs.local_today(actor.require_person().organization.timezone)
    return validation.past_date(text, today)


def check_file(file_name: str | None, size: int | None) -> str:
    if size is not None and size > FILE_MAX_BYTES:
        raise ValidationFailed(texts.ACHIEVEMENT_FILE_TOO_BIG)
    return (file_name or "file")[:200]


async def add(session: AsyncSession, actor: Actor, draft: AchievementDraft) -> Achievement:
    person = check_can_record(actor)
    achievement = Achievement(
        organization_id=person.organization_id,
        person_id=person.id,
        kind=draft.kind,
        title=title(draft.title),
        level=draft.level if draft.kind in LEVELLED else None,
        result=result(draft.result) if draft.result else None,
        on_date=draft.on_date,
        file_id=draft.file_id,
        file_name=draft.file_name,
    )
    session.add(achievement)
    await session.flush()
    return achievement


async def _readable(session: AsyncSession, actor: Actor, person_id: int) -> Person:
    """Whose achievements the actor may read: their own, as the curator anyone's of the
    organisation, as a mentor their mentees'."""
    person = await session.get(Person, person_id)
    if person is None or person.erased_at is not None:
        raise NotFound(texts.ACHIEVEMENTS_NOBODY)
    viewer = actor.require_person()
    if viewer.id != person.id:
        await require_mentee_visible(session, actor, person)
    return person


async def of_person(
    session: AsyncSession, actor: Actor, person_id: int
) -> tuple[Person, list[Achievement]]:
    person = await _readable(session, actor, person_id)
    found = await session.scalars(
        select(Achievement)
        .where(Achievement.person_id == person.id)
        .order_by(Achievement.on_date.desc(), Achievement.id.desc())
    )
    return person, list(found)


async def get(session: AsyncSession, actor: Actor, achievement_id: int) -> Achievement:
    achievement = await session.get(Achievement, achievement_id)
    if achievement is None:
        raise NotFound(texts.ACHIEVEMENTS_NOBODY)
    await _readable(session, actor, achievement.person_id)
    return achievement


@dataclass(frozen=True, slots=True)
class Portfolio:
    organization: str
    mentee: Person
    mentors: list[tuple[str, date, date | None]]  # who mentored, from, to
    achievements: list[Achievement]
    difficulties: list[Difficulty]
    goals_reached: int
    self_check: list[diagnostics.Row]


async def portfolio(session: AsyncSession, actor: Actor, mentee_id: int) -> Portfolio:
    """The portfolio of a mentee: for them, their mentor and the curator."""
    mentee, found = await of_person(session, actor, mentee_id)
    mentors = (
        await session.execute(
            select(Person.full_name, Pair.starts_on, Pair.ends_on)
            .join(Pair, Pair.mentor_id == Person.id)
            .join(PairMember, PairMember.pair_id == Pair.id)
            .where(
                PairMember.mentee_id == mentee.id,
                Pair.status.not_in((PairStatus.PROPOSED, PairStatus.DECLINED)),
            )
            .order_by(Pair.starts_on)
        )
    ).all()
    difficulties = list(
        await session.scalars(
            select(Difficulty)
            .where(Difficulty.mentee_id == mentee.id)
            .order_by(Difficulty.created_at)
        )
    )
    reached = await session.scalar(
        select(func.count(Goal.id)).where(
            Goal.mentee_id == mentee.id, Goal.status == GoalStatus.REACHED
        )
    )
    _, rows = await diagnostics.results(session, actor, mentee.id)
    return Portfolio(
        organization=mentee.organization.name,
        mentee=mentee,
        mentors=[(name, starts, ends) for name, starts, ends in mentors],
        achievements=found,
        difficulties=difficulties,
        goals_reached=reached or 0,
        self_check=[row for row in rows if row.start is not None or row.end is not None],
    )


def overcome(difficulties: list[Difficulty]) -> int:
    return sum(1 for item in difficulties if item.status is DifficultyStatus.OVERCOME)
