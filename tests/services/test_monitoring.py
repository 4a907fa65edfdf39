"""The monitoring figures against a hand-built school whose answers are known, an empty
organisation, and a second school that must not leak into the first."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services import monitoring
from bot.services.monitoring import PeriodKind
from models import (
    Achievement,
    Difficulty,
    Feedback,
    Goal,
    HelpRequest,
    Meeting,
    MeetingParticipant,
    Organization,
    Pair,
    PairMember,
    Person,
    PersonMenteeType,
    PersonRole,
    Programme,
    ProgrammeActivity,
    SelfAssessment,
)
from models.enums import (
    AchievementKind,
    ActivityStatus,
    AssessmentStage,
    DifficultyCategory,
    DifficultyStatus,
    FeedbackKind,
    GoalStatus,
    HelpStatus,
    MeetingFormat,
    MeetingStatus,
    MenteeType,
    MentorshipForm,
    MentorshipKind,
    PairStatus,
    Role,
    RoleModel,
    Urgency,
)

OCTOBER = monitoring.custom_period("01.10.2026-31.10.2026")
TODAY = date(2026, 11, 23)
MOSCOW = "Europe/Moscow"


def at(day: int, month: int = 10, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


class School:
    def __init__(self, session: AsyncSession, name: str) -> None:
        self.session = session
        self.organization = Organization(name=name, timezone=MOSCOW, region="Тверская область")
        session.add(self.organization)

    async def person(self, name: str, *roles: Role, telegram_id: int | None = None) -> Person:
        await self.session.flush()
        person = Person(
            organization_id=self.organization.id,
            full_name=name,
            telegram_id=telegram_id,
            roles=[PersonRole(role=role) for role in roles],
        )
        self.session.add(person)
        await self.session.flush()
        return person

    async def pair(self, mentor: Person, *mentees: Person, kind: MentorshipKind) -> Pair:
        pair = Pair(
            organization_id=self.organization.id,
            mentor_id=mentor.id,
            kind=kind,
            form=MentorshipForm.TEACHER_TEACHER,
            role_model=RoleModel.EXPERIENCED_YOUNG,
            status=PairStatus.ACTIVE,
            starts_on=date(2026, 9, 1),
            ends_on=date(2027, 5, 31),
            members=[PairMember(mentee_id=mentee.id) for mentee in mentees],
        )
        self.session.add(pair)
        await self.session.flush()
        return pair

    def meeting(self, pair: Pair, when: datetime, status: MeetingStatus, **ratings: int) -> None:
        self.session.add(
            Meeting(
                pair_id=pair.id,
                mentor_id=pair.mentor_id,
                starts_at=when,
                format=MeetingFormat.OFFLINE,
                topic="Встреча",
                status=status,
                participants=[
                    MeetingParticipant(person_id=int(person), rating=rating)
                    for person, rating in ratings.items()
                ],
            )
        )


async def build(
    factory: async_sessionmaker[AsyncSession], telegram_ids: bool = False
) -> dict[str, int]:
    """School №1 with known answers for October 2026, an empty school, and another school."""
    ids = iter(range(3001, 3100)) if telegram_ids else None

    def tg() -> int | None:
        return next(ids) if ids else None

    async with factory.begin() as session:
        first = School(session, "Школа №1")
        empty = School(session, "Пустая школа")
        other = School(session, "Школа №2")
        curator = await first.person("Завуч Ольга", Role.CURATOR, telegram_id=tg())
        mentor_one = await first.person("Орлова Вера", Role.MENTOR, telegram_id=tg())
        mentor_two = await first.person("Белов Иван", Role.MENTOR, telegram_id=tg())
        e1 = await first.person("Новикова Ира", Role.MENTEE, telegram_id=tg())
        e2 = await first.person("Зайцев Пётр", Role.MENTEE, telegram_id=tg())
        e3 = await first.person("Ким Анна", Role.MENTEE, telegram_id=tg())
        waiting = await first.person("Петров Лев", Role.MENTEE)  # on the staff list, no pair yet
        await first.person("Сидорова Мария")  # on the staff, no role in mentorship
        gone = await first.person("Уволенный Илья", Role.MENTOR)
        gone.left_on = date(2026, 9, 15)  # left before October: not of its staff
        leaving = await first.person("Ушедшая Нина")
        leaving.left_on = date(2026, 10, 20)  # left during October: still of its staff
        session.add_all(
            PersonMenteeType(person_id=person.id, type=MenteeType.YOUNG_SPECIALIST)
            for person in (e1, waiting)
        )
        one = await first.pair(mentor_one, e1, kind=MentorshipKind.TRADITIONAL)
        group = await first.pair(mentor_two, e2, e3, kind=MentorshipKind.GROUP)
        proposal = await first.pair(mentor_one, waiting, kind=MentorshipKind.TRADITIONAL)
        proposal.status = PairStatus.PROPOSED  # not accepted yet: no pair of the period
        first.meeting(one, at(5), MeetingStatus.HELD, **{str(e1.id): 4})
        first.meeting(one, at(20), MeetingStatus.HELD, **{str(e1.id): 5})
        first.meeting(one, at(2, 11), MeetingStatus.HELD)  # November: outside
        first.meeting(group, at(10), MeetingStatus.CANCELLED)
        session.add_all(
            [
                Goal(pair_id=one.id, mentee_id=e1.id, title="A", due_on=date(2026, 10, 20),
                     status=GoalStatus.REACHED, reached_at=at(15)),
                Goal(pair_id=one.id, mentee_id=e1.id, title="B", due_on=date(2026, 11, 1)),
                Goal(pair_id=group.id, mentee_id=e2.id, title="C", due_on=date(2027, 5, 1)),
            ]
        )  # fmt: skip
        programme = Programme(
            pair_id=one.id, aim="ФГОС", starts_on=date(2026, 9, 1), ends_on=date(2027, 5, 31)
        )
        session.add(programme)
        await session.flush()
        session.add_all(
            [
                ProgrammeActivity(programme_id=programme.id, title="Урок",
                                  due_on=date(2026, 10, 12), status=ActivityStatus.DONE,
                                  done_at=at(12)),
                ProgrammeActivity(programme_id=programme.id, title="План",
                                  due_on=date(2026, 11, 10)),
            ]
        )  # fmt: skip
        answers = ((3, 10, False), (7, 30, True), (9, 50, False), (11, 40, False))
        for day, minutes, escalated in answers:
            session.add(
                HelpRequest(organization_id=first.organization.id, mentee_id=e1.id,
                            pair_id=one.id, text="?", urgency=Urgency.HIGH,
                            status=HelpStatus.CLOSED, created_at=at(day),
                            first_answer_at=at(day, minute=minutes),
                            escalated_at=at(day, hour=18) if escalated else None)
            )  # fmt: skip
        session.add(
            HelpRequest(organization_id=first.organization.id, mentee_id=e1.id, pair_id=one.id,
                        text="?", urgency=Urgency.LOW, created_at=at(3, 11),
                        first_answer_at=at(4, 11))
        )  # fmt: skip
        psychological = DifficultyCategory.PSYCHOLOGICAL
        session.add_all(
            [
                Difficulty(organization_id=first.organization.id, mentee_id=e1.id,
                           category=psychological, description="=HYPERLINK(\"x\")\x07",
                           urgency=Urgency.LOW, created_at=at(1)),
                Difficulty(organization_id=first.organization.id, mentee_id=e1.id,
                           category=psychological, description="y", urgency=Urgency.LOW,
                           status=DifficultyStatus.OVERCOME, created_at=at(2),
                           overcome_at=at(25)),
                Difficulty(organization_id=first.organization.id, mentee_id=e2.id,
                           category=DifficultyCategory.DIGITAL, description="z",
                           urgency=Urgency.LOW, created_at=at(15, 9)),
            ]
        )  # fmt: skip
        session.add(
            Feedback(person_id=e1.id, pair_id=one.id, kind=FeedbackKind.COMPLETION_REFLECTION,
                     score=5, text="Спасибо", created_at=at(30))
        )  # fmt: skip
        methodological = DifficultyCategory.METHODOLOGICAL
        for person, before, after in ((e1, 2, 4), (e2, 3, 3)):
            session.add_all(
                [
                    SelfAssessment(person_id=person.id, stage=AssessmentStage.START,
                                   category=methodological, score=before, created_at=at(1, 9)),
                    SelfAssessment(person_id=person.id, stage=AssessmentStage.END,
                                   category=methodological, score=after, created_at=at(28)),
                ]
            )  # fmt: skip
        other_mentor = await other.person("Другой Наставник", Role.MENTOR)
        other_mentee = await other.person("Другая Наставляемая", Role.MENTEE)
        other_pair = await other.pair(other_mentor, other_mentee, kind=MentorshipKind.TRADITIONAL)
        other.meeting(other_pair, at(6), MeetingStatus.HELD, **{str(other_mentee.id): 1})
        await session.flush()
        return {
            "first": first.organization.id,
            "empty": empty.organization.id,
            "other": other.organization.id,
            "curator": curator.id,
            "mentor": mentor_one.id,
        }


async def test_the_known_school(session_factory):
    ids = await build(session_factory)
    async with session_factory() as session:
        current = await monitoring.summary(session, [ids["first"]], OCTOBER, MOSCOW, TODAY)
    school = current.total
    # the staff of October: the curator, 2 mentors, 4 mentees, one with no role, one who left
    # in October (one who left in September is not counted); 5 of them in pairs
    assert (school.teachers, school.involved, school.mentors, school.mentees) == (9, 5, 2, 3)
    assert round(school.share, 3) == 0.556
    assert (school.young_specialists, school.young_with_mentor) == (2, 1)
    assert school.young_share == 0.5
    assert school.pairs_by_kind == {MentorshipKind.TRADITIONAL: 1, MentorshipKind.GROUP: 1}
    assert (school.meetings_held, school.pairs_without_meetings) == (2, 1)
    assert current.per_pair_month(school) == 1.0  # 2 meetings / 2 pairs / 1 month
    assert (school.goals_reached, school.goals_open, school.goals_overdue) == (1, 2, 1)
    assert (school.activities_done, school.activities_overdue) == (1, 1)
    assert (school.requests, school.requests_escalated) == (4, 1)
    assert school.first_answer_median_minutes == 35  # (30 + 40) / 2 of 10, 30, 40, 50
    assert school.difficulties_new == {DifficultyCategory.PSYCHOLOGICAL: 2}  # digital: Sept
    assert school.difficulties_open == {
        DifficultyCategory.PSYCHOLOGICAL: 1,
        DifficultyCategory.DIGITAL: 1,
    }
    assert school.difficulties_overcome == {DifficultyCategory.PSYCHOLOGICAL: 1}
    assert (school.rating, school.satisfaction) == (4.5, 5.0)
    assert school.self_check == {DifficultyCategory.METHODOLOGICAL: (2.5, 3.5)}
    assert current.meetings_by_month == {"2026-10": 2}
    assert list(current.organizations.values()) == ["Школа №1"]


async def test_meetings_per_pair_month_count_the_months_so_far(session_factory):
    ids = await build(session_factory)
    year = monitoring.period(monitoring.PeriodKind.YEAR, TODAY)  # 01.09.2026–31.08.2027
    async with session_factory() as session:
        current = await monitoring.summary(session, [ids["first"]], year, MOSCOW, TODAY)
        past = await monitoring.summary(session, [ids["first"]], OCTOBER, MOSCOW, TODAY)
    school = current.total
    assert current.months_so_far == 3  # September to November: not the months to come
    assert current.per_pair_month(school) == school.meetings_held / school.active_pairs / 3
    assert past.months_so_far == 1


async def test_growth_from_achievements_and_young_specialists_a_year_on(session_factory):
    ids = await build(session_factory)
    async with session_factory.begin() as session:
        school = School(session, "Школа роста")
        mentor = await school.person("Наставник Давний", Role.MENTOR)
        stayed = await school.person("Молодая Оставшаяся", Role.MENTEE)
        left = await school.person("Молодой Ушедший", Role.MENTEE)
        left.left_on = date(2026, 6, 30)  # left before the end of October
        recent = await school.person("Молодая Новая", Role.MENTEE)
        for person in (stayed, left, recent):
            session.add(PersonMenteeType(person_id=person.id, type=MenteeType.YOUNG_SPECIALIST))
        long_ago = await school.pair(mentor, stayed, left, kind=MentorshipKind.GROUP)
        long_ago.starts_on = date(2025, 9, 1)  # more than a year before 31.10.2026
        await school.pair(mentor, recent, kind=MentorshipKind.TRADITIONAL)  # this September
        organization_id = school.organization.id
        for person, kind, day in (
            (stayed, AchievementKind.CATEGORY, date(2026, 10, 5)),
            (stayed, AchievementKind.CONTEST, date(2026, 10, 6)),
            (stayed, AchievementKind.CONTEST, date(2026, 10, 7)),  # the same teacher again
            (recent, AchievementKind.CONTEST, date(2026, 10, 8)),
            (recent, AchievementKind.CATEGORY, date(2026, 9, 30)),  # before October
        ):
            session.add(
                Achievement(
                    organization_id=organization_id,
                    person_id=person.id,
                    kind=kind,
                    title="Достижение",
                    on_date=day,
                )
            )
    async with session_factory() as session:
        current = await monitoring.summary(session, [organization_id], OCTOBER, MOSCOW, TODAY)
        known = await monitoring.summary(session, [ids["first"]], OCTOBER, MOSCOW, TODAY)
    growth = current.total
    assert (growth.categories_obtained, growth.contest_participants) == (1, 2)
    assert (growth.young_year_on, growth.young_retained) == (2, 1)
    assert (known.total.categories_obtained, known.total.young_year_on) == (0, 0)


async def test_an_empty_school_and_an_empty_period(session_factory):
    ids = await build(session_factory)
    async with session_factory() as session:
        empty = await monitoring.summary(session, [ids["empty"]], OCTOBER, MOSCOW, TODAY)
        quiet = await monitoring.summary(
            session, [ids["first"]], monitoring.custom_period("01.01.2026-31.01.2026"), MOSCOW,
            TODAY,
        )  # fmt: skip
    assert empty.total.teachers == 0 and empty.total.share == 0.0
    assert empty.total.first_answer_median_minutes is None and empty.total.rating is None
    assert empty.meetings_by_month == {}
    assert quiet.total.meetings_held == 0 and quiet.total.requests == 0
    assert quiet.total.active_pairs == 0  # the pairs began in September


async def test_the_region_side_by_side(session_factory):
    ids = await build(session_factory)
    async with session_factory() as session:
        region = await monitoring.summary(session, None, OCTOBER, MOSCOW, TODAY)
    assert set(region.organizations) == {ids["first"], ids["empty"], ids["other"]}
    assert region.by_organization[ids["other"]].meetings_held == 1
    assert region.by_organization[ids["first"]].meetings_held == 2
    assert region.total.meetings_held == 3
    assert region.total.rating == (4 + 5 + 1) / 3
    assert region.total.teachers == 11  # 9 in the first school, 2 in the other


async def test_the_region_read_in_parallel_is_the_region_read_in_one_session(session_factory):
    await build(session_factory)
    async with session_factory() as session:
        in_one = await monitoring.summary(session, None, OCTOBER, MOSCOW, TODAY)
        in_parallel = await monitoring.summary(
            session, None, OCTOBER, MOSCOW, TODAY, in_parallel=True
        )
    assert in_parallel == in_one
    assert list(in_parallel.meetings_by_month) == sorted(in_one.meetings_by_month)
    assert in_one.total.meetings_held == 3 and in_one.total.first_answer_median_minutes


def test_periods() -> None:
    assert monitoring.period(PeriodKind.MONTH, TODAY) == monitoring.Period(
        date(2026, 11, 1), date(2026, 11, 30), PeriodKind.MONTH
    )
    assert monitoring.period(PeriodKind.QUARTER, TODAY).start == date(2026, 10, 1)
    assert monitoring.period(PeriodKind.YEAR, TODAY) == monitoring.Period(
        date(2026, 9, 1), date(2027, 8, 31), PeriodKind.YEAR
    )
    assert monitoring.period(PeriodKind.YEAR, date(2027, 3, 1)).start == date(2026, 9, 1)
