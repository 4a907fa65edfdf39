"""Monitoring of the mentorship system (seed 000, section IV; seed 004, the indicators): every
figure of a period, for one organisation or side by side for a region, computed by SQL
aggregation (GROUP BY organisation) and never by loading rows into Python.

A period is a span of local days; its bounds are turned into UTC instants in the time zone of
the one organisation asked about (for a region, in the region's default time zone)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    distinct,
    exists,
    extract,
    false,
    func,
    literal,
    literal_column,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import aliased
from sqlalchemy.sql.functions import FunctionElement

from bot.services.access import Actor
from bot.services.errors import ValidationFailed
from bot.services.pagination import Page, paginate
from bot.services.pairs import add_months
from bot.texts import monitoring as texts
from bot.texts.validation import VALIDATION_DATE
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
from models.database import Readers, readers
from models.enums import (
    AchievementKind,
    ActivityStatus,
    AssessmentStage,
    DifficultyCategory,
    DifficultyStatus,
    FeedbackKind,
    GoalStatus,
    HelpStatus,
    MeetingStatus,
    MenteeType,
    MentorshipKind,
    PairStatus,
    Role,
)

NATIONAL_AIM_SHARE = 0.70
PERIOD_KINDS = ("month", "quarter", "year")
MAX_CUSTOM_DAYS = 3 * 366
_CUSTOM = re.compile(
    r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*[-–—]\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$"
)


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"  # the school year, 1 September to 31 August
    CUSTOM = "custom"


@dataclass(frozen=True, slots=True)
class Period:
    start: date  # the first day
    end: date  # the last day, included
    kind: PeriodKind

    def bounds(self, timezone: str) -> tuple[datetime, datetime]:
        """[start, end) as UTC instants in this time zone."""
        zone = ZoneInfo(timezone)
        start = datetime.combine(self.start, time(0), tzinfo=zone).astimezone(UTC)
        end = datetime.combine(self.end + timedelta(days=1), time(0), tzinfo=zone)
        return start, end.astimezone(UTC)

    @property
    def months(self) -> int:
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1


def period(kind: PeriodKind, today: date) -> Period:
    """The current month, quarter or school year (1 September to 31 August)."""
    if kind is PeriodKind.MONTH:
        start = today.replace(day=1)
        return Period(start, add_months(start, 1) - timedelta(days=1), kind)
    if kind is PeriodKind.QUARTER:
        start = date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
        return Period(start, add_months(start, 3) - timedelta(days=1), kind)
    if kind is PeriodKind.YEAR:
        year = today.year if today.month >= 9 else today.year - 1
        return Period(date(year, 9, 1), date(year + 1, 8, 31), kind)
    raise ValidationFailed(texts.SUMMARY_BAD_PERIOD)


def custom_period(text: str | None) -> Period:
    """«01.09.2026-31.12.2026»."""
    match = _CUSTOM.match(text or "")
    if not match:
        raise ValidationFailed(texts.SUMMARY_BAD_PERIOD)
    numbers = [int(part) for part in match.groups()]
    try:
        start = date(numbers[2], numbers[1], numbers[0])
        end = date(numbers[5], numbers[4], numbers[3])
    except ValueError:
        raise ValidationFailed(VALIDATION_DATE) from None
    if end < start or (end - start).days > MAX_CUSTOM_DAYS:
        raise ValidationFailed(texts.SUMMARY_BAD_PERIOD)
    return Period(start, end, PeriodKind.CUSTOM)


@dataclass
class Figures:
    """The indicators of one organisation (or of the whole scope) for one period."""

    teachers: int = 0  # the staff of the period: everyone not left before it began
    involved: int = 0  # of them, in a pair or group of the period, as mentor or mentee
    mentors: int = 0
    mentees: int = 0
    young_specialists: int = 0
    young_with_mentor: int = 0  # young specialists mentored in a pair of the period
    pairs_by_kind: dict[MentorshipKind, int] = field(default_factory=dict)
    meetings_held: int = 0
    pairs_without_meetings: int = 0
    goals_reached: int = 0
    goals_open: int = 0
    goals_overdue: int = 0
    activities_done: int = 0
    activities_overdue: int = 0
    requests: int = 0
    requests_escalated: int = 0
    first_answer_median_minutes: float | None = None
    difficulties_new: dict[DifficultyCategory, int] = field(default_factory=dict)
    difficulties_open: dict[DifficultyCategory, int] = field(default_factory=dict)
    difficulties_overcome: dict[DifficultyCategory, int] = field(default_factory=dict)
    rating_sum: int = 0
    rating_count: int = 0
    satisfaction_sum: int = 0
    satisfaction_count: int = 0
    self_check: dict[DifficultyCategory, tuple[float, float]] = field(default_factory=dict)
    self_check_counts: dict[DifficultyCategory, int] = field(default_factory=dict)  # mentees
    categories_obtained: int = 0  # qualification categories obtained in the period
    contest_participants: int = 0  # teachers who took part in a contest in the period
    young_year_on: int = 0  # young specialists mentored in a pair begun a year before the end
    young_retained: int = 0  # of them, still on the staff at the period's end

    @property
    def active_pairs(self) -> int:
        return sum(self.pairs_by_kind.values())

    @property
    def share(self) -> float:
        """Вовлечено: participants / all teachers of the staff."""
        return self.involved / self.teachers if self.teachers else 0.0

    @property
    def young_share(self) -> float | None:
        """Young specialists with a mentor / all young specialists (None: there are none)."""
        return self.young_with_mentor / self.young_specialists if self.young_specialists else None

    @property
    def meetings_per_pair_month(self) -> float:
        return 0.0 if not self.active_pairs else self.meetings_held / self.active_pairs

    @property
    def rating(self) -> float | None:
        return self.rating_sum / self.rating_count if self.rating_count else None

    @property
    def satisfaction(self) -> float | None:
        return self.satisfaction_sum / self.satisfaction_count if self.satisfaction_count else None


@dataclass
class Summary:
    period: Period
    organizations: dict[int, str]
    by_organization: dict[int, Figures]
    total: Figures
    meetings_by_month: dict[str, int]
    today: date | None = None  # the day it was made: a period ending later counts months so far

    @property
    def months_so_far(self) -> int:
        """The months of the period up to today's (all of them for a period in the past)."""
        end = self.period.end if self.today is None else min(self.period.end, self.today)
        if end < self.period.start:
            return 1
        return (end.year - self.period.start.year) * 12 + end.month - self.period.start.month + 1

    def per_pair_month(self, figures: Figures) -> float:
        return figures.meetings_per_pair_month / self.months_so_far


# --- who may see what -------------------------------------------------------------------------


def scope_of(actor: Actor, organization_id: int | None = None) -> list[int] | None:
    """The organisations the actor may summarise: a curator their own; an admin any one, or
    all (None) for the regional view. Mentors and mentees are refused."""
    if actor.is_admin:
        return None if organization_id is None else [organization_id]
    curator = actor.require_curator()
    return [curator.organization_id]


# --- the figures ------------------------------------------------------------------------------


def _in(column: Any, scope: Sequence[int] | None) -> ColumnElement[bool]:
    """Rows of these organisations; no condition at all for the whole region."""
    return column.in_(scope) if scope is not None else true()


def _active_pairs(scope: Sequence[int] | None, start: datetime, end_day: date) -> Any:
    """Pairs that worked at some time in the period (a proposal never accepted did not)."""
    return and_(
        _in(Pair.organization_id, scope),
        Pair.status.not_in([PairStatus.PROPOSED, PairStatus.DECLINED]),
        Pair.starts_on <= end_day,
        or_(Pair.finished_at.is_(None), Pair.finished_at >= start),
    )


class NotIndexed(FunctionElement[Any]):
    """A column SQLite must not search by its own index (`+column`): the meetings of a period
    are reached from their pairs through the (pair, status, start) index, which SQLite would
    otherwise pass over for the index on the start alone and read every meeting's row."""

    inherit_cache = True

    def __init__(self, column: Any) -> None:
        super().__init__(column)
        self.type = column.type


@compiles(NotIndexed, "sqlite")
def _not_indexed_sqlite(element: NotIndexed, compiler: Any, **kw: Any) -> str:
    return "+" + str(compiler.process(element.clauses, **kw))


@compiles(NotIndexed)
def _not_indexed(element: NotIndexed, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


def _count_if(condition: Any) -> Any:
    """How many rows of the group meet the condition (several counts in one pass)."""
    return func.count(case((condition, 1)))


def _seconds_between(later: Any, earlier: Any, dialect: str) -> Any:
    if dialect == "postgresql":
        return extract("epoch", later - earlier)
    return (func.julianday(later) - func.julianday(earlier)) * 86400


def _month(column: Any, dialect: str) -> tuple[Any, Any]:
    """The month of an instant: what to group by, and its "YYYY-MM" label computed from that
    (in the session's time zone on PostgreSQL)."""
    # literals, not parameters: PostgreSQL must see the GROUP BY expression and the selected
    # one as the same
    if dialect == "postgresql":
        # to_char() of every row costs as much as the rest of the query: format the groups
        month = func.date_trunc(literal_column("'month'"), column)
        return month, func.to_char(month, literal_column("'YYYY-MM'"))
    month = func.substr(column, 1, 7)  # stored as 'YYYY-MM-DD HH:MM:SS'; strftime() is slower
    return month, month


async def summary(
    session: AsyncSession,
    scope: Sequence[int] | None,
    chosen: Period,
    timezone: str,
    today: date,
    *,
    in_parallel: bool = False,
) -> Summary:
    """The figures of each organisation of `scope` (all when None) for the period, and their
    total, each section counted by one aggregate query per table: in the session, or
    `in_parallel` by readers of the committed rows (`models.database.readers`), several
    sections at once."""
    async with readers(session, in_parallel=in_parallel) as reading:
        return await _summary(session, reading, scope, chosen, timezone, today)


async def _summary(
    session: AsyncSession,
    reading: Readers,
    scope: Sequence[int] | None,
    chosen: Period,
    timezone: str,
    today: date,
) -> Summary:
    start, end = chosen.bounds(timezone)
    names = await organization_names(session, scope)
    figures = {organization: Figures() for organization in names}
    dialect = session.get_bind().dialect.name
    tally = _Tally(dialect, scope, start, end, chosen.start, chosen.end, today, figures)
    # the longest first, so that the last to finish is a short one
    await reading.gather(
        [
            tally.self_check,
            tally.meetings,
            tally.ratings,
            tally.people,
            tally.difficulties,
            tally.activities,
            tally.achievements,
            tally.involved,
            tally.goals,
            tally.pairs,
            tally.requests,
            tally.median_of_all,
        ]
    )
    total = total_of(list(tally.figures.values()))
    total.first_answer_median_minutes = tally.total_median
    return Summary(chosen, names, tally.figures, total, dict(sorted(tally.by_month.items())), today)


async def zoned_summary(
    session: AsyncSession,
    zones: Mapping[str, Sequence[int]],
    chosen: Period,
    today: date,
    *,
    in_parallel: bool = False,
) -> Summary:
    """The summary of organisations in several time zones, each counted over its own local
    dates of the period (`zones`: time zone → organisations), and their total."""
    async with readers(session, in_parallel=in_parallel) as reading:
        return await _zoned_summary(session, reading, zones, chosen, today)


async def _zoned_summary(
    session: AsyncSession,
    reading: Readers,
    zones: Mapping[str, Sequence[int]],
    chosen: Period,
    today: date,
) -> Summary:
    parts = [
        await _summary(session, reading, scope, chosen, timezone, today)
        for timezone, scope in zones.items()
        if scope
    ]
    if len(parts) == 1:
        return parts[0]
    names = dict(
        sorted(
            ((key, name) for part in parts for key, name in part.organizations.items()),
            key=lambda item: item[1],
        )
    )
    by_organization = {
        key: part.by_organization[key] for part in parts for key in part.organizations
    }
    by_month: dict[str, int] = defaultdict(int)
    for part in parts:
        for month, count in part.meetings_by_month.items():
            by_month[month] += count
    total = total_of(list(by_organization.values()))
    requests = or_(
        false(),
        *(
            _requests_in(scope, *chosen.bounds(timezone))
            for timezone, scope in zones.items()
            if scope
        ),
    )
    dialect = session.get_bind().dialect.name
    total.first_answer_median_minutes = (
        await _median_first_answer(session, requests, dialect, grouped=False)
    ).get(0)
    return Summary(chosen, names, by_organization, total, dict(sorted(by_month.items())), today)


def _requests_in(scope: Sequence[int] | None, start: datetime, end: datetime) -> Any:
    return and_(
        _in(HelpRequest.organization_id, scope),
        HelpRequest.created_at >= start,
        HelpRequest.created_at < end,
    )


@dataclass
class _Tally:
    """One summary being counted: the scope, the period as UTC instants, and each
    organisation's figures, filled section by section (each section in the session it is
    given; sections may run at once, each filling figures of its own)."""

    dialect: str
    scope: Sequence[int] | None
    start: datetime
    end: datetime  # the instant after the period
    start_day: date  # the period's first day
    end_day: date  # the period's last day
    today: date
    figures: dict[int, Figures]
    by_month: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    total_median: float | None = None

    @property
    def active(self) -> Any:
        return _active_pairs(self.scope, self.start, self.end_day)

    @property
    def held_in_period(self) -> Any:
        held_at = NotIndexed(Meeting.starts_at)
        return and_(Meeting.status == MeetingStatus.HELD, held_at >= self.start, held_at < self.end)

    @property
    def requests_in_period(self) -> Any:
        return _requests_in(self.scope, self.start, self.end)

    @staticmethod
    async def rows(session: AsyncSession, statement: Any) -> list[Any]:
        return list((await session.execute(statement)).all())

    def known(self, rows: list[Any]) -> Iterator[tuple[Figures, list[Any]]]:
        """The figures of each row's organisation with the rest of the row; a row of an
        organisation the summary does not list (created since its names were read, which a
        reader of its own may see) is left out."""
        for organization, *values in rows:
            if organization in self.figures:
                yield self.figures[organization], values

    def put(self, rows: list[Any], *names: str) -> None:
        """Rows of an organisation and one value for each of the names."""
        for figures, values in self.known(rows):
            for name, value in zip(names, values, strict=True):
                setattr(figures, name, value or 0)

    @property
    def on_staff(self) -> Any:
        """Teachers of the period's staff: not erased, not left before it began."""
        return and_(
            _in(Person.organization_id, self.scope),
            Person.erased_at.is_(None),
            or_(Person.left_on.is_(None), Person.left_on > self.start_day),
        )

    async def people(self, session: AsyncSession) -> None:
        young = exists().where(
            PersonMenteeType.person_id == Person.id,
            PersonMenteeType.type == MenteeType.YOUNG_SPECIALIST,
        )
        mentored = exists().where(
            PairMember.mentee_id == Person.id,
            PairMember.pair_id == Pair.id,
            self.active,
            or_(PairMember.left_at.is_(None), PairMember.left_at >= self.start),
        )
        self.put(
            await self.rows(
                session,
                select(
                    Person.organization_id,
                    func.count(Person.id),
                    _count_if(young),
                    _count_if(and_(young, mentored)),
                )
                .where(self.on_staff)
                .group_by(Person.organization_id),
            ),
            "teachers",
            "young_specialists",
            "young_with_mentor",
        )

    async def involved(self, session: AsyncSession) -> None:
        # Everyone who worked in a pair of the period, once per organisation, with whether they
        # mentored and whether they were mentored: the three head counts in one pass. Each
        # school counts its own people: a mentor of a pair in another school (virtual
        # mentoring) in their own.
        mentor = aliased(Person)
        mentors = (
            select(
                mentor.organization_id.label("org"),
                Pair.mentor_id.label("person"),
                literal(1).label("mentor"),
                literal(0).label("mentee"),
            )
            .join(mentor, mentor.id == Pair.mentor_id)
            .where(
                _active_pairs(None, self.start, self.end_day),
                _in(mentor.organization_id, self.scope),
            )
        )
        mentees = (
            select(
                Pair.organization_id.label("org"),
                PairMember.mentee_id.label("person"),
                literal(0).label("mentor"),
                literal(1).label("mentee"),
            )
            .join(PairMember, PairMember.pair_id == Pair.id)
            .where(self.active, or_(PairMember.left_at.is_(None), PairMember.left_at >= self.start))
        )
        roles = union_all(mentors, mentees).subquery()
        people = (
            select(
                roles.c.org,
                func.max(roles.c.mentor).label("mentor"),
                func.max(roles.c.mentee).label("mentee"),
            )
            .group_by(roles.c.org, roles.c.person)
            .subquery()
        )
        self.put(
            await self.rows(
                session,
                select(
                    people.c.org, func.count(), func.sum(people.c.mentor), func.sum(people.c.mentee)
                ).group_by(people.c.org),
            ),
            "involved",
            "mentors",
            "mentees",
        )

    async def pairs(self, session: AsyncSession) -> None:
        """Pairs by form, and those without a held meeting."""
        without_meetings = ~exists().where(Meeting.pair_id == Pair.id, self.held_in_period)
        for figures, (form, count, idle) in self.known(
            await self.rows(
                session,
                select(Pair.organization_id, Pair.kind, func.count(), _count_if(without_meetings))
                .where(self.active)
                .group_by(Pair.organization_id, Pair.kind),
            )
        ):
            figures.pairs_by_kind[form] = count
            figures.pairs_without_meetings += idle

    async def meetings(self, session: AsyncSession) -> None:
        """Held meetings, of each organisation and of each month."""
        # Meetings are the biggest table: reached from the pairs of the scope through the
        # (pair, status, start) index, never scanned by time alone; counted once, by
        # organisation and month, for both the organisations' totals and the months' ones.
        month, label = _month(Meeting.starts_at, self.dialect)
        for organization, when, count in await self.rows(
            session,
            select(Pair.organization_id, label, func.count())
            .join(Meeting, Meeting.pair_id == Pair.id)
            .where(_in(Pair.organization_id, self.scope), self.held_in_period)
            .group_by(Pair.organization_id, month),
        ):
            self.by_month[when] += count
            if organization in self.figures:
                self.figures[organization].meetings_held += count

    async def goals(self, session: AsyncSession) -> None:
        start, end, today = self.start, self.end, self.today
        self.put(
            await self.rows(
                session,
                select(
                    Pair.organization_id,
                    _count_if(and_(Goal.reached_at >= start, Goal.reached_at < end)),
                    _count_if(Goal.status.in_([GoalStatus.OPEN, GoalStatus.SUBMITTED])),
                    _count_if(and_(Goal.status == GoalStatus.OPEN, Goal.due_on < today)),
                )
                .join(Pair, Pair.id == Goal.pair_id)
                .where(_in(Pair.organization_id, self.scope))
                .group_by(Pair.organization_id),
            ),
            "goals_reached",
            "goals_open",
            "goals_overdue",
        )

    async def activities(self, session: AsyncSession) -> None:
        start, end, today = self.start, self.end, self.today
        activities = (
            select(
                Pair.organization_id,
                _count_if(
                    and_(ProgrammeActivity.done_at >= start, ProgrammeActivity.done_at < end)
                ),
                _count_if(
                    and_(
                        ProgrammeActivity.status == ActivityStatus.PLANNED,
                        ProgrammeActivity.due_on < today,
                        Pair.status == PairStatus.ACTIVE,
                    )
                ),
            )
            .select_from(ProgrammeActivity)
            .join(Programme, Programme.id == ProgrammeActivity.programme_id)
            .join(Pair, Pair.id == Programme.pair_id)
            .where(_in(Pair.organization_id, self.scope))
            .group_by(Pair.organization_id)
        )
        self.put(await self.rows(session, activities), "activities_done", "activities_overdue")

    async def requests(self, session: AsyncSession) -> None:
        self.put(
            await self.rows(
                session,
                select(
                    HelpRequest.organization_id,
                    func.count(),
                    func.count(HelpRequest.escalated_at),
                )
                .where(self.requests_in_period)
                .group_by(HelpRequest.organization_id),
            ),
            "requests",
            "requests_escalated",
        )
        medians = await _median_first_answer(session, self.requests_in_period, self.dialect)
        for organization, minutes in medians.items():
            if organization in self.figures:
                self.figures[organization].first_answer_median_minutes = minutes

    async def difficulties(self, session: AsyncSession) -> None:
        start, end = self.start, self.end
        kinds = {
            "difficulties_new": and_(Difficulty.created_at >= start, Difficulty.created_at < end),
            "difficulties_open": Difficulty.status != DifficultyStatus.OVERCOME,
            "difficulties_overcome": and_(
                Difficulty.overcome_at >= start, Difficulty.overcome_at < end
            ),
        }
        for figures, (category, *counts) in self.known(
            await self.rows(
                session,
                select(
                    Difficulty.organization_id,
                    Difficulty.category,
                    *(_count_if(condition) for condition in kinds.values()),
                )
                .where(_in(Difficulty.organization_id, self.scope))
                .group_by(Difficulty.organization_id, Difficulty.category),
            )
        ):
            for name, count in zip(kinds, counts, strict=True):
                if count:  # a category appears only where it has some
                    getattr(figures, name)[category] = count

    async def achievements(self, session: AsyncSession) -> None:
        """Categories obtained and contest participants of the period; the young specialists
        mentored since a year before the period's end, and how many of them still work."""
        in_period = and_(
            _in(Achievement.organization_id, self.scope),
            Achievement.on_date >= self.start_day,
            Achievement.on_date <= self.end_day,
        )
        contestant = case((Achievement.kind == AchievementKind.CONTEST, Achievement.person_id))
        self.put(
            await self.rows(
                session,
                select(
                    Achievement.organization_id,
                    _count_if(Achievement.kind == AchievementKind.CATEGORY),
                    func.count(distinct(contestant)),
                )
                .where(in_period)
                .group_by(Achievement.organization_id),
            ),
            "categories_obtained",
            "contest_participants",
        )
        year_before = self.end_day - timedelta(days=365)
        young = exists().where(
            PersonMenteeType.person_id == Person.id,
            PersonMenteeType.type == MenteeType.YOUNG_SPECIALIST,
        )
        mentored_then = exists().where(
            PairMember.mentee_id == Person.id,
            PairMember.pair_id == Pair.id,
            Pair.starts_on <= year_before,
            Pair.status.not_in((PairStatus.PROPOSED, PairStatus.DECLINED)),
        )
        still_working = or_(Person.left_on.is_(None), Person.left_on > self.end_day)
        self.put(
            await self.rows(
                session,
                select(Person.organization_id, func.count(Person.id), _count_if(still_working))
                .where(
                    _in(Person.organization_id, self.scope),
                    Person.erased_at.is_(None),
                    young,
                    mentored_then,
                )
                .group_by(Person.organization_id),
            ),
            "young_year_on",
            "young_retained",
        )

    async def ratings(self, session: AsyncSession) -> None:
        """Meeting ratings of the period, and the participants' satisfaction at completion."""
        self.put(
            await self.rows(
                session,
                select(
                    Pair.organization_id,
                    func.sum(MeetingParticipant.rating),
                    func.count(MeetingParticipant.rating),
                )
                .join(Meeting, Meeting.pair_id == Pair.id)
                .join(MeetingParticipant, MeetingParticipant.meeting_id == Meeting.id)
                .where(
                    _in(Pair.organization_id, self.scope),
                    self.held_in_period,
                    MeetingParticipant.rating.is_not(None),
                )
                .group_by(Pair.organization_id),
            ),
            "rating_sum",
            "rating_count",
        )
        self.put(
            await self.rows(
                session,
                select(Pair.organization_id, func.sum(Feedback.score), func.count(Feedback.score))
                .join(Pair, Pair.id == Feedback.pair_id)
                .where(
                    _in(Pair.organization_id, self.scope),
                    Feedback.kind == FeedbackKind.COMPLETION_REFLECTION,
                    Feedback.created_at >= self.start,
                    Feedback.created_at < self.end,
                )
                .group_by(Pair.organization_id),
            ),
            "satisfaction_sum",
            "satisfaction_count",
        )

    async def median_of_all(self, session: AsyncSession) -> None:
        """The median minutes to a first answer over all the requests of the scope."""
        medians = await _median_first_answer(
            session, self.requests_in_period, self.dialect, grouped=False
        )
        self.total_median = medians.get(0)

    async def self_check(self, session: AsyncSession) -> None:
        """Each organisation's mean start and end self-diagnosis, and of how many mentees."""
        for figures, (category, before, after, count) in self.known(
            await _self_check(session, self.scope, self.end)
        ):
            figures.self_check[category] = (before / count, after / count)
            figures.self_check_counts[category] = count


async def organization_names(session: AsyncSession, scope: Sequence[int] | None) -> dict[int, str]:
    rows = await session.execute(
        select(Organization.id, Organization.name)
        .where(_in(Organization.id, scope))
        .order_by(Organization.name)
    )
    return dict(rows.all())


async def _median_first_answer(
    session: AsyncSession, requests: Any, dialect: str, *, grouped: bool = True
) -> dict[int, float]:
    """The median minutes from a request to its first answer, per organisation (or, with
    `grouped=False`, over the whole scope under the key 0): the middle one or two rows of each
    ordered group, found with window functions."""
    seconds = _seconds_between(HelpRequest.first_answer_at, HelpRequest.created_at, dialect)
    group = HelpRequest.organization_id if grouped else literal(0)
    ranked = (
        select(
            group.label("org"),
            seconds.label("seconds"),
            func.row_number().over(partition_by=group, order_by=seconds).label("position"),
            func.count().over(partition_by=group).label("size"),
        )
        .where(requests, HelpRequest.first_answer_at.is_not(None))
        .subquery()
    )
    rows = await session.execute(
        select(ranked.c.org, func.avg(ranked.c.seconds))
        # the middle row of an odd group (2p = n + 1), the two middle ones of an even one
        # (2p = n or n + 2): integers only, so every backend agrees
        .where((2 * ranked.c.position).in_([ranked.c.size, ranked.c.size + 1, ranked.c.size + 2]))
        .group_by(ranked.c.org)
    )
    # julianday() arithmetic is exact only to about a millisecond
    return {organization: round(float(value) / 60, 1) for organization, value in rows.all()}


async def _self_check(
    session: AsyncSession, scope: Sequence[int] | None, end: datetime
) -> list[Any]:
    """Per organisation and category: the sums of start and end self-ratings of mentees who
    gave both, and how many there are."""
    start_rows = SelfAssessment.__table__.alias("start_rows")
    end_rows = SelfAssessment.__table__.alias("end_rows")
    # From the people to their end answers, then to the start answer of each (at most one: the
    # entry is unique). In this order PostgreSQL joins people to the end answers by hash; from
    # the start answers it misjudged the self-join as a few rows and looked each one up in
    # people by key. SQLite reads the end answers in table order, not through the index.
    statement = (
        select(
            Person.organization_id,
            start_rows.c.category,
            func.sum(start_rows.c.score),
            func.sum(end_rows.c.score),
            func.count(),
        )
        .select_from(Person)
        .join(end_rows, end_rows.c.person_id == Person.id)
        .join(
            start_rows,
            and_(
                start_rows.c.person_id == end_rows.c.person_id,
                start_rows.c.category == end_rows.c.category,
                start_rows.c.programme_id.is_not_distinct_from(end_rows.c.programme_id),
                start_rows.c.stage == AssessmentStage.START,
            ),
        )
        .where(
            _in(Person.organization_id, scope),
            end_rows.c.stage == AssessmentStage.END,
            end_rows.c.created_at < end,
        )
        .group_by(Person.organization_id, start_rows.c.category)
    )
    return list((await session.execute(statement)).all())


def total_of(parts: list[Figures]) -> Figures:
    """The figures of several organisations together (the median of first answers aside)."""
    total = Figures()
    counters = [
        "teachers",
        "involved",
        "mentors",
        "mentees",
        "young_specialists",
        "young_with_mentor",
        "meetings_held",
        "pairs_without_meetings",
        "goals_reached",
        "goals_open",
        "goals_overdue",
        "activities_done",
        "activities_overdue",
        "requests",
        "requests_escalated",
        "rating_sum",
        "rating_count",
        "satisfaction_sum",
        "satisfaction_count",
        "categories_obtained",
        "contest_participants",
        "young_year_on",
        "young_retained",
    ]
    for name in counters:
        setattr(total, name, sum(getattr(part, name) for part in parts))
    for name in ("pairs_by_kind", "difficulties_new", "difficulties_open", "difficulties_overcome"):
        merged: dict[Any, int] = defaultdict(int)
        for part in parts:
            for key, value in getattr(part, name).items():
                merged[key] += value
        setattr(total, name, dict(merged))
    total.self_check, total.self_check_counts = _merged_self_check(parts)
    return total


def _merged_self_check(
    parts: list[Figures],
) -> tuple[dict[DifficultyCategory, tuple[float, float]], dict[DifficultyCategory, int]]:
    """The means over all the parts' mentees, each part weighed by how many gave both."""
    sums: dict[DifficultyCategory, list[float]] = defaultdict(lambda: [0.0, 0.0])
    counts: dict[DifficultyCategory, int] = defaultdict(int)
    for part in parts:
        for category, (before, after) in part.self_check.items():
            count = part.self_check_counts[category]
            sums[category][0] += before * count
            sums[category][1] += after * count
            counts[category] += count
    means = {
        category: (before / counts[category], after / counts[category])
        for category, (before, after) in sums.items()
    }
    return means, dict(counts)


# --- per mentor, and difficulties over time -----------------------------------------------


@dataclass(frozen=True, slots=True)
class MentorLoad:
    pairs: int
    mentees: int
    meetings: int  # held in the last 30 days
    open_requests: int
    overdue_goals: int
    other_schools: int = 0  # of the pairs, those in other schools (virtual mentoring)


LOAD_DAYS = 30


async def mentor_load(
    session: AsyncSession, actor: Actor, page: int, now: datetime, today: date
) -> tuple[Page[Person], dict[int, MentorLoad]]:
    """The organisation's mentors, a page at a time, each with their load and activity."""
    curator = actor.require_curator()
    mentors = await paginate(
        session,
        select(Person)
        .join(PersonRole, PersonRole.person_id == Person.id)
        .where(
            Person.organization_id == curator.organization_id,
            Person.erased_at.is_(None),
            or_(Person.left_on.is_(None), Person.left_on > today),
            PersonRole.role == Role.MENTOR,
        )
        .order_by(Person.full_name, Person.id),
        page,
    )
    ids = [mentor.id for mentor in mentors.items]
    active = and_(Pair.mentor_id.in_(ids), Pair.status.in_([PairStatus.ACTIVE, PairStatus.PAUSED]))

    async def counts(statement: Any) -> dict[int, int]:
        return dict((await session.execute(statement)).all())

    pairs = await counts(
        select(Pair.mentor_id, func.count(Pair.id)).where(active).group_by(Pair.mentor_id)
    )
    elsewhere = await counts(
        select(Pair.mentor_id, func.count(Pair.id))
        .where(active, Pair.organization_id != curator.organization_id)
        .group_by(Pair.mentor_id)
    )
    mentees = await counts(
        select(Pair.mentor_id, func.count(distinct(PairMember.mentee_id)))
        .join(PairMember, PairMember.pair_id == Pair.id)
        .where(active, PairMember.left_at.is_(None))
        .group_by(Pair.mentor_id)
    )
    meetings = await counts(  # by who led them: a pair's earlier mentor keeps theirs
        select(Meeting.mentor_id, func.count(Meeting.id))
        .where(
            Meeting.mentor_id.in_(ids),
            Meeting.status == MeetingStatus.HELD,
            Meeting.starts_at >= now - timedelta(days=LOAD_DAYS),
        )
        .group_by(Meeting.mentor_id)
    )
    requests = await counts(
        select(Pair.mentor_id, func.count(HelpRequest.id))
        .join(Pair, Pair.id == HelpRequest.pair_id)
        .where(active, HelpRequest.status != HelpStatus.CLOSED)
        .group_by(Pair.mentor_id)
    )
    overdue = await counts(
        select(Pair.mentor_id, func.count(Goal.id))
        .join(Pair, Pair.id == Goal.pair_id)
        .where(active, Goal.status == GoalStatus.OPEN, Goal.due_on < today)
        .group_by(Pair.mentor_id)
    )
    loads = {
        mentor: MentorLoad(
            pairs.get(mentor, 0),
            mentees.get(mentor, 0),
            meetings.get(mentor, 0),
            requests.get(mentor, 0),
            overdue.get(mentor, 0),
            elsewhere.get(mentor, 0),
        )
        for mentor in ids
    }
    return mentors, loads


TREND_MONTHS = 6


@dataclass(frozen=True, slots=True)
class DifficultyTrend:
    months: list[str]  # "YYYY-MM", oldest first
    new: dict[DifficultyCategory, dict[str, int]]
    open: dict[DifficultyCategory, int]
    overcome: dict[DifficultyCategory, int]


async def difficulty_trend(
    session: AsyncSession, scope: Sequence[int] | None, timezone: str, today: date
) -> DifficultyTrend:
    """What teachers struggle with, by category: open and overcome now, and how many new ones
    each of the last six months brought (calendar months of UTC: a difficulty noted in the
    first local hours of a month east of Greenwich counts for the month before)."""
    dialect = session.get_bind().dialect.name
    first = add_months(today.replace(day=1), 1 - TREND_MONTHS)
    months = [f"{add_months(first, shift):%Y-%m}" for shift in range(TREND_MONTHS)]
    start, _ = Period(first, today, PeriodKind.CUSTOM).bounds(timezone)
    month, label = _month(Difficulty.created_at, dialect)
    new: dict[DifficultyCategory, dict[str, int]] = defaultdict(dict)
    for category, when, count in (
        await session.execute(
            select(Difficulty.category, label, func.count(Difficulty.id))
            .where(_in(Difficulty.organization_id, scope), Difficulty.created_at >= start)
            .group_by(Difficulty.category, month)
        )
    ).all():
        new[category][when] = count
    by_status: dict[bool, dict[DifficultyCategory, int]] = {True: {}, False: {}}
    overcome = Difficulty.status == DifficultyStatus.OVERCOME
    for category, is_overcome, count in (
        await session.execute(
            select(Difficulty.category, overcome, func.count(Difficulty.id))
            .where(_in(Difficulty.organization_id, scope))
            .group_by(Difficulty.category, overcome)
        )
    ).all():
        by_status[bool(is_overcome)][category] = count
    return DifficultyTrend(months, dict(new), by_status[False], by_status[True])
