"""Professional difficulties of mentees: registering, listing, editing, taking into work and
marking overcome with a reflection. Seen only by the mentee, their mentor and their curator."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import validation
from bot.services.access import Actor, is_mentor_of, require_mentee_visible
from bot.services.errors import AccessDenied, NotFound
from bot.services.pagination import Page, paginate
from bot.texts import difficulties as texts
from bot.texts.common import PERSON_NOT_FOUND
from models import Difficulty, Person, utcnow
from models.enums import DifficultyCategory, DifficultyStatus, Role, Urgency

DESCRIPTION_MAX = 1000
REFLECTION_MAX = 1000


def description(text: str | None) -> str:
    return validation.short_text(text, field="Описание", maximum=DESCRIPTION_MAX)


def reflection(text: str | None) -> str:
    return validation.short_text(text, field="Рефлексия", maximum=REFLECTION_MAX)


async def register_difficulty(
    session: AsyncSession,
    actor: Actor,
    *,
    category: DifficultyCategory,
    text: str,
    urgency: Urgency,
) -> Difficulty:
    mentee = actor.require_role(Role.MENTEE)
    difficulty = Difficulty(
        organization_id=mentee.organization_id,
        mentee_id=mentee.id,
        category=category,
        description=description(text),
        urgency=urgency,
    )
    session.add(difficulty)
    await session.flush()
    return difficulty


async def _load(session: AsyncSession, difficulty_id: int) -> Difficulty:
    difficulty = await session.get(Difficulty, difficulty_id)
    if difficulty is None:
        raise NotFound(texts.DIFFICULTY_NOT_FOUND)
    return difficulty


async def get_visible(session: AsyncSession, actor: Actor, difficulty_id: int) -> Difficulty:
    difficulty = await _load(session, difficulty_id)
    mentee = await session.get(Person, difficulty.mentee_id)
    assert mentee is not None  # difficulties are deleted with their mentee
    await require_mentee_visible(session, actor, mentee)
    return difficulty


async def get_own(session: AsyncSession, actor: Actor, difficulty_id: int) -> Difficulty:
    """A difficulty the acting mentee may still change: their own, not yet overcome."""
    mentee = actor.require_role(Role.MENTEE)
    difficulty = await _load(session, difficulty_id)
    if difficulty.mentee_id != mentee.id:
        raise AccessDenied(texts.DIFFICULTY_NOT_YOURS)
    if difficulty.status is DifficultyStatus.OVERCOME:
        raise AccessDenied(texts.DIFFICULTY_ALREADY_OVERCOME)
    return difficulty


async def list_for_mentee(
    session: AsyncSession, actor: Actor, mentee_id: int, page: int
) -> tuple[Person, Page[Difficulty]]:
    mentee = await session.get(Person, mentee_id)
    if mentee is None or mentee.erased_at is not None:
        raise NotFound(PERSON_NOT_FOUND)
    await require_mentee_visible(session, actor, mentee)
    query = (
        select(Difficulty)
        .where(Difficulty.mentee_id == mentee_id)
        .order_by(
            # open first, then in work, then overcome; newest first within each
            Difficulty.status == DifficultyStatus.OVERCOME,
            Difficulty.status == DifficultyStatus.IN_WORK,
            Difficulty.created_at.desc(),
            Difficulty.id.desc(),
        )
    )
    return mentee, await paginate(session, query, page)


def _touch(difficulty: Difficulty) -> None:
    difficulty.updated_at = utcnow()


async def change_description(
    session: AsyncSession, actor: Actor, difficulty_id: int, text: str | None
) -> Difficulty:
    difficulty = await get_own(session, actor, difficulty_id)
    difficulty.description = description(text)
    _touch(difficulty)
    await session.flush()
    return difficulty


async def change_urgency(
    session: AsyncSession, actor: Actor, difficulty_id: int, urgency: Urgency
) -> Difficulty:
    difficulty = await get_own(session, actor, difficulty_id)
    difficulty.urgency = urgency
    _touch(difficulty)
    await session.flush()
    return difficulty


async def take_into_work(session: AsyncSession, actor: Actor, difficulty_id: int) -> Difficulty:
    """The mentee, or their mentor, says the difficulty is being worked on."""
    person = actor.require_person()
    difficulty = await _load(session, difficulty_id)
    if person.id != difficulty.mentee_id and not await is_mentor_of(
        session, person.id, difficulty.mentee_id
    ):
        raise AccessDenied(texts.DIFFICULTY_NOT_YOURS)
    if difficulty.status is DifficultyStatus.OVERCOME:
        raise AccessDenied(texts.DIFFICULTY_ALREADY_OVERCOME)
    difficulty.status = DifficultyStatus.IN_WORK
    _touch(difficulty)
    await session.flush()
    return difficulty


async def mark_overcome(
    session: AsyncSession, actor: Actor, difficulty_id: int, text: str | None
) -> Difficulty:
    difficulty = await get_own(session, actor, difficulty_id)
    difficulty.reflection = reflection(text)
    difficulty.status = DifficultyStatus.OVERCOME
    difficulty.overcome_at = utcnow()
    _touch(difficulty)
    await session.flush()
    return difficulty
