"""Pulse check-ins: every N days of a pair (the organisation's setting, 0: never) each of its
mentees is asked «как идёт работа с наставником?» on five steps, with a comment if they wish.
«Очень трудно» reaches the mentor and the curators at once; the pair's card shows the trend."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import Integer, cast, func, literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import pairs, validation
from bot.services.access import Actor
from bot.services.errors import AccessDenied, NotFound, ValidationFailed
from bot.texts import pulse as texts
from models import Organization, Pair, PulseCheck, utcnow
from models.enums import PairStatus

SCORES = range(1, 6)
VERY_HARD = 1
ANSWER_WITHIN = timedelta(days=30)
COMMENT_MAX = 1000
TREND_SHOWN = 6


def days_since(day: date, column: Any, dialect: str) -> Any:
    """Whole days from `column` (a date) to `day`, in SQL."""
    if dialect == "postgresql":
        return literal(day) - column
    return cast(func.julianday(literal(day.isoformat())) - func.julianday(column), Integer)


async def pairs_asked_on(session: AsyncSession, day: date) -> list[tuple[Pair, str]]:
    """Active pairs whose pulse day `day` is (every N days of the organisation from the
    pair's start), with the organisation's time zone."""
    dialect = session.get_bind().dialect.name
    since = days_since(day, Pair.starts_on, dialect)
    rows = await session.execute(
        select(Pair, Organization.timezone)
        .join(Organization, Organization.id == Pair.organization_id)
        .where(
            Pair.status == PairStatus.ACTIVE,
            Organization.pulse_days > 0,
            Pair.starts_on < day,
            since % Organization.pulse_days == 0,
        )
    )
    return [(pair, timezone) for pair, timezone in rows.all()]


async def answer(
    session: AsyncSession, actor: Actor, pair_id: int, due_on: date, score: int
) -> tuple[PulseCheck, pairs.PairView]:
    """The mentee's answer for that pulse day: once, within a month, of a working pair."""
    person = actor.require_person()
    loaded = await pairs.get_pair(session, actor, pair_id)
    if person.id not in {mentee.id for mentee in loaded.mentees}:
        raise AccessDenied(texts.PULSE_MENTEES_ONLY)
    if score not in SCORES:
        raise ValidationFailed(texts.PULSE_BAD_SCORE)
    today = pairs.local_today(person.organization.timezone)
    if due_on > today or today - due_on > ANSWER_WITHIN:
        raise ValidationFailed(texts.PULSE_TOO_LATE)
    if loaded.pair.status is not PairStatus.ACTIVE:
        raise ValidationFailed(texts.PULSE_PAIR_NOT_WORKING)
    found = await session.scalar(
        select(PulseCheck.id).where(
            PulseCheck.pair_id == pair_id,
            PulseCheck.mentee_id == person.id,
            PulseCheck.due_on == due_on,
        )
    )
    if found is not None:
        raise ValidationFailed(texts.PULSE_ALREADY)
    check = PulseCheck(
        pair_id=pair_id, mentee_id=person.id, due_on=due_on, score=score, answered_at=utcnow()
    )
    session.add(check)
    await session.flush()
    return check, loaded


async def own_check(session: AsyncSession, actor: Actor, check_id: int) -> PulseCheck:
    check = await session.get(PulseCheck, check_id)
    if check is None or check.mentee_id != actor.require_person().id:
        raise NotFound(texts.PULSE_NOT_FOUND)
    return check


async def add_comment(
    session: AsyncSession, actor: Actor, check_id: int, text: str | None
) -> PulseCheck:
    check = await own_check(session, actor, check_id)
    if check.comment is not None:
        raise ValidationFailed(texts.PULSE_COMMENTED)
    check.comment = validation.short_text(text, field="Комментарий", maximum=COMMENT_MAX)
    await session.flush()
    return check


async def trend(session: AsyncSession, pair_id: int) -> list[float]:
    """The mentees' mean score of each of the pair's latest pulse days, oldest first."""
    rows = await session.execute(
        select(PulseCheck.due_on, func.avg(PulseCheck.score))
        .where(PulseCheck.pair_id == pair_id)
        .group_by(PulseCheck.due_on)
        .order_by(PulseCheck.due_on.desc())
        .limit(TREND_SHOWN)
    )
    return [float(mean) for _, mean in reversed(rows.all())]
