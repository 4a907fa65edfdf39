"""Suggested mentors for a mentee without a pair: a short list ranked by what fits — the same
subject, help with the categories of the mentee's open difficulties, free capacity, experience —
each with its reasons in words (HTML, the names in them escaped). A mentor at capacity or not
willing this year is left out unless the curator asks to see everyone. `rank` is pure;
`suggest` loads its inputs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import and_, exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import pairs, virtual_mentoring
from bot.services.access import Actor
from bot.services.errors import ValidationFailed
from bot.texts import matching as texts
from bot.texts.vocabulary import esc
from models import Difficulty, MentorArea, Person, PersonRole
from models.enums import DifficultyCategory, DifficultyStatus, Role

DEFAULT_CAPACITY = 3
CAPACITY_RANGE = range(1, 11)
SHORT_LIST = 5
EVERYONE_LIST = 20
# weights: a subject in common and help with an open difficulty matter most
SAME_SUBJECT = 3.0
HELPS_SUBJECT = 2.0
PER_DIFFICULTY = 2.0
FREE_CAPACITY = 1.0  # times the free share of the capacity
EXPERIENCE = 1.0  # times experience / 30 years, at most
UNKNOWN_WILL = -0.5
NOT_JOINED = -0.5


@dataclass(frozen=True, slots=True)
class MenteeFacts:
    subject: str | None
    open_difficulties: Counter[DifficultyCategory]


@dataclass(frozen=True, slots=True)
class MentorFacts:
    person_id: int
    name: str
    subject: str | None
    help_subjects: frozenset[str]
    areas: frozenset[DifficultyCategory]
    experience_years: int | None
    load: int
    capacity: int
    willing: bool | None  # None: not asked this school year
    joined: bool
    school: str | None = None  # another school's name: a mentor across schools


@dataclass(frozen=True, slots=True)
class Suggestion:
    person_id: int
    name: str
    score: float
    reasons: list[str] = field(default_factory=list)
    offered: bool = True  # False: at capacity or unwilling, shown only when asked for everyone


def subjects(text: str | None) -> frozenset[str]:
    """«Химия, биология» → {"химия", "биология"}."""
    return frozenset(
        part.strip().casefold()
        for part in (text or "").replace(";", ",").split(",")
        if part.strip()
    )


def rank(
    mentee: MenteeFacts, mentors: Sequence[MentorFacts], *, everyone: bool
) -> list[Suggestion]:
    """The mentors best first, each with its reasons; those not to be offered last, and only
    when `everyone`."""
    suggestions = [_weigh(mentee, mentor) for mentor in mentors]
    shown = [s for s in suggestions if s.offered or everyone]
    shown.sort(key=lambda s: (not s.offered, -s.score, s.name))
    return shown[: EVERYONE_LIST if everyone else SHORT_LIST]


def _weigh(mentee: MenteeFacts, mentor: MentorFacts) -> Suggestion:
    score = 0.0
    reasons: list[str] = []
    if mentor.school is not None:
        reasons.append(texts.REASON_OTHER_SCHOOL.format(school=esc(mentor.school)))
    subject = (mentee.subject or "").strip().casefold()
    if subject and subject == (mentor.subject or "").strip().casefold():
        score += SAME_SUBJECT
        reasons.append(texts.REASON_SAME_SUBJECT)
    elif subject and subject in mentor.help_subjects:
        score += HELPS_SUBJECT
        reasons.append(texts.REASON_HELPS_SUBJECT.format(subject=esc(mentee.subject or "")))
    for category in sorted(mentor.areas & set(mentee.open_difficulties)):
        count = mentee.open_difficulties[category]
        score += PER_DIFFICULTY * count
        reasons.append(
            texts.REASON_AREA.format(
                area=texts.AREA_PHRASES[category], count=texts.difficulties_count(count)
            )
        )
    free = max(mentor.capacity - mentor.load, 0)
    score += FREE_CAPACITY * free / mentor.capacity
    full = mentor.load >= mentor.capacity
    reasons.append(
        (texts.REASON_FULL if full else texts.REASON_LOAD).format(
            load=mentor.load, capacity=mentor.capacity
        )
    )
    if mentor.experience_years is not None:
        score += EXPERIENCE * min(mentor.experience_years, 30) / 30
        reasons.append(texts.experience(mentor.experience_years))
    if mentor.willing is None:
        score += UNKNOWN_WILL
        reasons.append(texts.REASON_WILL_UNKNOWN)
    elif not mentor.willing:
        reasons.append(texts.REASON_UNWILLING)
    if not mentor.joined:
        score += NOT_JOINED
        reasons.append(texts.REASON_NOT_JOINED)
    offered = not full and mentor.willing is not False
    return Suggestion(mentor.person_id, mentor.name, round(score, 3), reasons, offered)


def willing_now(person: Person, today: date) -> bool | None:
    """A mentor's answer for this school year; None when given in an earlier one or never."""
    if person.mentor_willing is None or person.mentor_willing_on is None:
        return None
    if pairs.school_year(person.mentor_willing_on) != pairs.school_year(today):
        return None
    return person.mentor_willing


def capacity_of(person: Person) -> int:
    return person.mentor_capacity or DEFAULT_CAPACITY


def check_capacity(value: int) -> int:
    if value not in CAPACITY_RANGE:
        raise ValidationFailed(
            texts.CAPACITY_RANGE.format(low=CAPACITY_RANGE.start, high=CAPACITY_RANGE.stop - 1)
        )
    return value


async def mentee_facts(session: AsyncSession, mentee: Person) -> MenteeFacts:
    rows = await session.execute(
        select(Difficulty.category, func.count())
        .where(Difficulty.mentee_id == mentee.id, Difficulty.status != DifficultyStatus.OVERCOME)
        .group_by(Difficulty.category)
    )
    return MenteeFacts(
        mentee.subject, Counter({category: int(count) for category, count in rows.all()})
    )


async def mentor_facts(
    session: AsyncSession, organization_id: int, today: date, *, beyond: bool = False
) -> list[MentorFacts]:
    """Every mentor on the organisation's staff, with their load and profile; with `beyond`,
    instead those of the region's other schools who agreed to mentor across schools."""
    where = Person.organization_id == organization_id
    if beyond:
        where = and_(
            Person.organization_id.in_(
                await virtual_mentoring.neighbours(session, organization_id)
            ),
            Person.mentor_beyond_school.is_(True),
        )
    mentors = list(
        await session.scalars(
            select(Person)
            .where(
                where,
                *pairs.on_staff(today),
                exists().where(PersonRole.person_id == Person.id, PersonRole.role == Role.MENTOR),
            )
            .order_by(Person.full_name, Person.id)
        )
    )
    ids = [mentor.id for mentor in mentors]
    loads = await pairs.mentees_held(session, ids)
    areas: dict[int, set[DifficultyCategory]] = {}
    for person_id, category in await session.execute(
        select(MentorArea.person_id, MentorArea.category).where(MentorArea.person_id.in_(ids))
    ):
        areas.setdefault(person_id, set()).add(category)
    return [
        MentorFacts(
            person_id=mentor.id,
            name=mentor.full_name,
            subject=mentor.subject,
            help_subjects=subjects(mentor.help_subjects),
            areas=frozenset(areas.get(mentor.id, ())),
            experience_years=mentor.experience_years,
            load=loads.get(mentor.id, 0),
            capacity=capacity_of(mentor),
            willing=willing_now(mentor, today),
            joined=mentor.telegram_id is not None,
            school=mentor.organization.name if beyond else None,
        )
        for mentor in mentors
    ]


async def suggest(
    session: AsyncSession,
    actor: Actor,
    mentee_id: int,
    *,
    everyone: bool = False,
    beyond: bool = False,
) -> tuple[Person, list[Suggestion]]:
    """The curator's ranked mentors for one mentee of their organisation (with `beyond`, the
    mentors of the region's other schools open to virtual mentoring)."""
    curator = actor.require_curator()
    mentee = await pairs.check_mentee(session, actor, mentee_id)
    today = pairs.local_today(curator.organization.timezone)
    candidates = [
        mentor
        for mentor in await mentor_facts(session, curator.organization_id, today, beyond=beyond)
        if mentor.person_id != mentee.id
    ]
    return mentee, rank(await mentee_facts(session, mentee), candidates, everyone=everyone)
