"""Self-diagnosis: a mentee rates themself 1–5 on each difficulty category at the start of a
programme and again at its end; the change (динамика) is shown side by side. Scores belong to
the mentee's current programme when there is one, so each programme has its own pair of
measurements."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.access import Actor, require_mentee_visible
from bot.services.errors import NotFound, ValidationFailed
from bot.texts import diagnostics as texts
from bot.texts.common import PERSON_NOT_FOUND
from models import Pair, PairMember, Person, Programme, SelfAssessment
from models.enums import AssessmentStage, DifficultyCategory, PairStatus, Role

CATEGORIES = tuple(DifficultyCategory)
SCORES = range(1, 6)


@dataclass(frozen=True, slots=True)
class Row:
    category: DifficultyCategory
    start: int | None
    end: int | None

    @property
    def change(self) -> int | None:
        if self.start is None or self.end is None:
            return None
        return self.end - self.start


async def current_programme_id(session: AsyncSession, mentee_id: int) -> int | None:
    """The newest programme of an active pair or group the mentee belongs to."""
    return await session.scalar(
        select(Programme.id)
        .join(Pair, Pair.id == Programme.pair_id)
        .join(PairMember, PairMember.pair_id == Pair.id)
        .where(
            PairMember.mentee_id == mentee_id,
            PairMember.left_at.is_(None),
            Pair.status == PairStatus.ACTIVE,
        )
        .order_by(Programme.created_at.desc(), Programme.id.desc())
        .limit(1)
    )


def _of_programme(programme_id: int | None) -> ColumnElement[bool]:
    if programme_id is None:
        return SelfAssessment.programme_id.is_(None)
    return SelfAssessment.programme_id == programme_id


def category_at(index: int) -> DifficultyCategory:
    if not 0 <= index < len(CATEGORIES):
        raise ValidationFailed(texts.SELF_CHECK_BAD_ANSWER)
    return CATEGORIES[index]


async def record_score(
    session: AsyncSession, actor: Actor, stage: AssessmentStage, index: int, score: int
) -> None:
    mentee = actor.require_role(Role.MENTEE)
    category = category_at(index)
    if score not in SCORES:
        raise ValidationFailed(texts.SELF_CHECK_BAD_ANSWER)
    programme_id = await current_programme_id(session, mentee.id)
    entry = await session.scalar(
        select(SelfAssessment).where(
            SelfAssessment.person_id == mentee.id,
            _of_programme(programme_id),
            SelfAssessment.stage == stage,
            SelfAssessment.category == category,
        )
    )
    if entry is None:
        session.add(
            SelfAssessment(
                person_id=mentee.id,
                programme_id=programme_id,
                stage=stage,
                category=category,
                score=score,
            )
        )
    else:
        entry.score = score
    await session.flush()


async def results(session: AsyncSession, actor: Actor, mentee_id: int) -> tuple[Person, list[Row]]:
    """The mentee's start and end scores in the current programme (or outside any)."""
    mentee = await session.get(Person, mentee_id)
    if mentee is None or mentee.erased_at is not None:
        raise NotFound(PERSON_NOT_FOUND)
    await require_mentee_visible(session, actor, mentee)
    programme_id = await current_programme_id(session, mentee_id)
    entries = await session.scalars(
        select(SelfAssessment)
        .where(
            SelfAssessment.person_id == mentee_id,
            _of_programme(programme_id) | _of_programme(None),
        )
        # answers given before the programme existed first, so the programme's own win
        .order_by(SelfAssessment.programme_id.is_not(None))
    )
    scores = {(entry.stage, entry.category): entry.score for entry in entries}
    rows = [
        Row(
            category=category,
            start=scores.get((AssessmentStage.START, category)),
            end=scores.get((AssessmentStage.END, category)),
        )
        for category in CATEGORIES
    ]
    return mentee, rows
