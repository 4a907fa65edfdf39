"""Direct database set-up for tests: organisations, people and invites, without the UI."""

from __future__ import annotations

import secrets
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.outbox import Draft, enqueue
from bot.services.reminders.kinds import Kind
from models import (
    Difficulty,
    Goal,
    HelpRequest,
    Invite,
    Meeting,
    MeetingParticipant,
    Organization,
    Pair,
    PairMember,
    PairMentor,
    Person,
    PersonRole,
    Programme,
    ProgrammeActivity,
    utcnow,
)
from models.enums import (
    DifficultyCategory,
    GoalStatus,
    MeetingFormat,
    MeetingStatus,
    MentorshipForm,
    MentorshipKind,
    PairStatus,
    Role,
    RoleModel,
    Urgency,
)

Factory = async_sessionmaker[AsyncSession]


# No quiet hours (start == end): a test that sends at "now" passes at any hour. Tests of quiet
# hours give them, as a school keeps them by default.
NO_QUIET_HOURS = (0, 0)
SCHOOL_QUIET_HOURS = (21, 8)


async def make_organization(
    factory: Factory,
    name: str = "МБОУ СОШ № 1",
    timezone: str = "Europe/Moscow",
    *,
    quiet_hours: tuple[int, int] = NO_QUIET_HOURS,
    pulse_days: int = 0,
) -> int:
    """An organisation of the tests: no quiet hours and no pulse check-ins unless the test is
    about them (either would add messages at times a test does not choose)."""
    async with factory() as session, session.begin():
        organization = Organization(
            name=name,
            timezone=timezone,
            region="Тверская область",
            quiet_hours_start=quiet_hours[0],
            quiet_hours_end=quiet_hours[1],
            pulse_days=pulse_days,
        )
        session.add(organization)
        await session.flush()
        return organization.id


async def make_person(
    factory: Factory,
    organization_id: int,
    telegram_id: int | None,
    *roles: Role,
    full_name: str = "Петрова Анна Сергеевна",
    subject: str = "Математика",
    experience_years: int = 12,
) -> int:
    """A teacher who joined (a Telegram id), or one of a staff list who has not yet (None)."""
    async with factory() as session, session.begin():
        person = Person(
            organization_id=organization_id,
            telegram_id=telegram_id,
            full_name=full_name,
            position="Учитель",
            subject=subject,
            experience_years=experience_years,
            consent_at=utcnow() if telegram_id is not None else None,
            roles=[PersonRole(role=role) for role in roles],
        )
        session.add(person)
        await session.flush()
        return person.id


async def make_invite(
    factory: Factory,
    organization_id: int,
    role: Role,
    *,
    days: float = 7,
    max_uses: int = 10,
    uses: int = 0,
    revoked: bool = False,
    person_id: int | None = None,
) -> str:
    code = secrets.token_urlsafe(12)
    async with factory() as session, session.begin():
        session.add(
            Invite(
                code=code,
                organization_id=organization_id,
                role=role,
                expires_at=utcnow() + timedelta(days=days),
                max_uses=max_uses,
                uses=uses,
                revoked_at=utcnow() if revoked else None,
                person_id=person_id,
            )
        )
    return code


async def count(factory: Factory, model: type, *conditions: object) -> int:
    async with factory() as session:
        return (
            await session.scalar(select(func.count()).select_from(model).where(*conditions))  # type: ignore[arg-type]
        ) or 0


async def get_person(factory: Factory, telegram_id: int) -> Person | None:
    async with factory() as session:
        return await session.scalar(select(Person).where(Person.telegram_id == telegram_id))


async def make_pair(
    factory: Factory,
    organization_id: int,
    mentor_id: int,
    *mentee_ids: int,
    kind: MentorshipKind = MentorshipKind.TRADITIONAL,
    status: PairStatus = PairStatus.ACTIVE,
    starts_on: date = date(2026, 9, 1),
    ends_on: date | None = date(2027, 5, 31),
) -> int:
    """An accepted pair (or group) with its mentor's history begun."""
    async with factory() as session, session.begin():
        pair = Pair(
            organization_id=organization_id,
            mentor_id=mentor_id,
            kind=kind,
            form=MentorshipForm.TEACHER_TEACHER,
            role_model=RoleModel.EXPERIENCED_YOUNG,
            status=status,
            starts_on=starts_on,
            ends_on=ends_on,
            members=[PairMember(mentee_id=mentee_id) for mentee_id in mentee_ids],
        )
        session.add(pair)
        await session.flush()
        session.add(PairMentor(pair_id=pair.id, mentor_id=mentor_id, since=pair.created_at))
        return pair.id


async def make_difficulty(
    factory: Factory,
    mentee_id: int,
    description: str = "Не получается удержать дисциплину на уроке",
    category: DifficultyCategory = DifficultyCategory.PSYCHOLOGICAL,
) -> int:
    async with factory() as session, session.begin():
        mentee = await session.get(Person, mentee_id)
        assert mentee is not None
        difficulty = Difficulty(
            organization_id=mentee.organization_id,
            mentee_id=mentee_id,
            category=category,
            description=description,
            urgency=Urgency.MEDIUM,
        )
        session.add(difficulty)
        await session.flush()
        return difficulty.id


async def make_programme(factory: Factory, pair_id: int, aim: str = "Освоить ФГОС") -> int:
    async with factory() as session, session.begin():
        pair = await session.get(Pair, pair_id)
        assert pair is not None
        programme = Programme(
            pair_id=pair_id, aim=aim, starts_on=pair.starts_on, ends_on=pair.ends_on
        )
        session.add(programme)
        await session.flush()
        return programme.id


async def make_activity(factory: Factory, programme_id: int, title: str, due_on: date) -> int:
    async with factory() as session, session.begin():
        activity = ProgrammeActivity(
            programme_id=programme_id, title=title, due_on=due_on, expected_result="План урока"
        )
        session.add(activity)
        await session.flush()
        return activity.id


async def make_meeting(
    factory: Factory,
    pair_id: int,
    starts_at: datetime,
    *participant_ids: int,
    topic: str = "Разбор урока",
    status: MeetingStatus = MeetingStatus.SCHEDULED,
) -> int:
    async with factory() as session, session.begin():
        pair = await session.get(Pair, pair_id)
        assert pair is not None
        meeting = Meeting(
            pair_id=pair_id,
            mentor_id=pair.mentor_id,
            starts_at=starts_at,
            format=MeetingFormat.OFFLINE,
            topic=topic,
            status=status,
            participants=[MeetingParticipant(person_id=i) for i in participant_ids],
        )
        session.add(meeting)
        await session.flush()
        return meeting.id


async def make_goal(
    factory: Factory,
    pair_id: int,
    mentee_id: int,
    title: str,
    due_on: date,
    status: GoalStatus = GoalStatus.OPEN,
) -> int:
    async with factory() as session, session.begin():
        goal = Goal(
            pair_id=pair_id,
            mentee_id=mentee_id,
            title=title,
            success_criteria="Есть результат",
            due_on=due_on,
            status=status,
        )
        session.add(goal)
        await session.flush()
        return goal.id


async def make_help_request(
    factory: Factory,
    mentee_id: int,
    pair_id: int | None,
    created_at: datetime,
    text: str = "Класс не слушается на уроке",
) -> int:
    async with factory() as session, session.begin():
        mentee = await session.get(Person, mentee_id)
        assert mentee is not None
        request = HelpRequest(
            organization_id=mentee.organization_id,
            mentee_id=mentee_id,
            pair_id=pair_id,
            text=text,
            urgency=Urgency.HIGH,
            created_at=created_at,
        )
        session.add(request)
        await session.flush()
        return request.id


async def make_reminded_mentees(
    factory: Factory, telegram: Any, telegram_ids: range, key: str
) -> None:
    """Mentees of a new school, each with a chat open with the bot and a reminder due now (keyed
    `key:<person id>`), for the tests of the sender."""
    organization_id = await make_organization(factory)
    people = []
    for telegram_id in telegram_ids:
        people.append(await make_person(factory, organization_id, telegram_id, Role.MENTEE))
        telegram.open_chat(telegram.add_user(user_id=telegram_id, first_name="П"))
    async with factory.begin() as session:
        await enqueue(
            session,
            [Draft(f"{key}:{person}", person, Kind.STAFF_LIST, utcnow()) for person in people],
        )
