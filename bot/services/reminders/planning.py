"""When each reminder fires, in the organisation's local time: `plan()` (in parts, `parts()`)
looks at meetings, goals, programme activities, help requests and pairs and returns every
reminder whose fire time falls in a window around now (ahead, so a crash loses nothing already
planned; back, so that after a restart what was missed is still sent, late), each with a key
that makes queueing it twice a no-op."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import pair_life, pulse, surveys
from bot.services.outbox import Draft
from bot.services.reminders.kinds import Kind
from models import (
    Goal,
    HelpRequest,
    Meeting,
    Organization,
    Pair,
    Person,
    PersonRole,
    Programme,
    ProgrammeActivity,
)
from models.enums import (
    ActivityStatus,
    Attendance,
    GoalStatus,
    HelpStatus,
    MeetingStatus,
    PairStatus,
    Role,
    SurveyMilestone,
)

AHEAD = timedelta(hours=36)

BEHIND = timedelta(days=3)

DIGEST_LATE = timedelta(hours=12)

MORNING = time(9, 0)

DEFAULT_MEETING_MINUTES = 60

RATE_AFTER = timedelta(days=1)

ANSWER_NUDGE_AFTER = timedelta(hours=2)

PROGRAMME_END_NOTICE = timedelta(days=14)

STAFF_LIST_DAY = (8, 25)  # 25 August: before the school year, the list of mentees is renewed


@dataclass(frozen=True, slots=True)
class Window:
    now: datetime
    start: datetime
    end: datetime

    def __contains__(self, moment: datetime) -> bool:
        return self.start <= moment <= self.end

    def timely(self, moment: datetime) -> bool:
        """For news of the week: in the window, and not so late that it is stale."""
        return moment in self and moment >= self.now - DIGEST_LATE


def at_local(day: date, clock: time, timezone: str) -> datetime:
    return datetime.combine(day, clock, tzinfo=ZoneInfo(timezone)).astimezone(UTC)


# The furthest time zones from UTC: a local moment is at most this much before or after it.
EARLIEST_ZONE, LATEST_ZONE = timedelta(hours=14), timedelta(hours=12)


def _may_fire(day: date, clock: time, window: Window) -> bool:
    """Whether `clock` on `day` falls in the window in some time zone."""
    as_if_utc = datetime.combine(day, clock, tzinfo=UTC)
    return as_if_utc - EARLIEST_ZONE <= window.end and as_if_utc + LATEST_ZONE >= window.start


def _stamp(moment: datetime | date) -> str:
    return moment.strftime("%Y%m%d%H%M") if isinstance(moment, datetime) else f"{moment:%Y%m%d}"


def _draft(
    kind: Kind,
    thing: int,
    version: datetime | date | str,
    person: int,
    due: datetime,
    **payload: Any,
) -> Draft:
    version_text = version if isinstance(version, str) else _stamp(version)
    return Draft(
        key=f"{kind}:{thing}:{version_text}:{person}",
        person_id=person,
        kind=kind,
        due_at=due,
        payload=payload,
    )


Part = Callable[[AsyncSession], Awaitable[list[Draft]]]


def parts(now: datetime) -> list[Part]:
    """The planning of every reminder whose fire time is in [now - BEHIND, now + AHEAD], in
    parts that each read little (the pulses day by day, the questionnaires milestone by
    milestone): the scheduler runs each in a transaction of its own, so that the minute's
    planning over a whole region never holds the database (on SQLite, its one connection) or
    the event loop for long."""
    window = Window(now, now - BEHIND, now + AHEAD)
    pulse_days = [day for day in days_around(window) if _may_fire(day, PULSE_TIME, window)]
    planners = (
        _meetings,
        _ratings,
        _goals,
        _activities,
        _answer_nudges,
        _no_meeting,
        _weekly,
        _programme_endings,
        _staff_lists,
        _stalled_pairs,
    )
    return [
        *(partial(planner, window=window) for planner in planners),
        *(partial(_pulses, window=window, day=day) for day in pulse_days),
        *(partial(_surveys, window=window, milestone=milestone) for milestone in SurveyMilestone),
    ]


async def plan(session: AsyncSession, now: datetime) -> list[Draft]:
    """Every reminder whose fire time is in [now - BEHIND, now + AHEAD], in one transaction."""
    return [draft for part in parts(now) for draft in await part(session)]


async def _meetings(session: AsyncSession, window: Window) -> list[Draft]:
    rows = await session.execute(
        select(Meeting, Pair.mentor_id)
        .join(Pair, Pair.id == Meeting.pair_id)
        .where(
            Meeting.status == MeetingStatus.SCHEDULED,
            Meeting.starts_at >= window.start - timedelta(hours=8),
            Meeting.starts_at <= window.end + timedelta(hours=24),
        )
    )
    drafts = []
    for meeting, mentor_id in rows.all():
        people = [mentor_id] + [
            p.person_id for p in meeting.participants if p.attendance is not Attendance.DECLINED
        ]
        payload = {"meeting_id": meeting.id, "starts_at": meeting.starts_at.isoformat()}
        for kind, before in (
            (Kind.MEETING_DAY, timedelta(hours=24)),
            (Kind.MEETING_HOUR, timedelta(hours=1)),
        ):
            fire = meeting.starts_at - before
            if fire in window and fire >= meeting.created_at:
                drafts += [
                    _draft(kind, meeting.id, meeting.starts_at, person, fire, **payload)
                    for person in people
                ]
        ends = meeting.starts_at + timedelta(
            minutes=meeting.duration_minutes or DEFAULT_MEETING_MINUTES
        )
        if ends in window:
            drafts.append(
                _draft(Kind.MEETING_LOG, meeting.id, meeting.starts_at, mentor_id, ends, **payload)
            )
    return drafts


async def _ratings(session: AsyncSession, window: Window) -> list[Draft]:
    meetings = await session.scalars(
        select(Meeting).where(
            Meeting.status == MeetingStatus.HELD,
            Meeting.logged_at >= window.start - RATE_AFTER,
            Meeting.logged_at <= window.end - RATE_AFTER,
        )
    )
    drafts = []
    for meeting in meetings:
        assert meeting.logged_at is not None
        fire = meeting.logged_at + RATE_AFTER
        for entry in meeting.participants:
            if entry.rating is None:
                drafts.append(
                    _draft(
                        Kind.MEETING_RATE,
                        meeting.id,
                        "",
                        entry.person_id,
                        fire,
                        meeting_id=meeting.id,
                    )
                )
    return drafts


GOAL_KINDS = (Kind.GOAL_SOON, Kind.GOAL_TODAY, Kind.GOAL_OVERDUE)

ACTIVITY_KINDS = (Kind.ACTIVITY_SOON, Kind.ACTIVITY_TODAY, Kind.ACTIVITY_OVERDUE)


def _deadline_drafts(
    window: Window,
    kinds: tuple[Kind, Kind, Kind],
    thing: str,
    thing_id: int,
    due_on: date,
    created_at: datetime,
    timezone: str,
    people: list[int],
    mentor_id: int,
) -> list[Draft]:
    """A deadline's reminders, each in the morning: the day before and the day itself to
    `people` (only if the thing existed by then), and the day after, when overdue, to the
    mentor too."""
    soon, today, overdue = kinds
    fires = [
        (soon, at_local(due_on - timedelta(days=1), MORNING, timezone)),
        (today, at_local(due_on, MORNING, timezone)),
    ]
    fires = [(kind, fire) for kind, fire in fires if fire >= created_at]
    fires.append((overdue, at_local(due_on + timedelta(days=1), MORNING, timezone)))
    payload = {f"{thing}_id": thing_id, "due_on": due_on.isoformat()}
    return [
        _draft(kind, thing_id, due_on, person, fire, **payload)
        for kind, fire in fires
        if fire in window
        for person in people + ([mentor_id] if kind is overdue else [])
    ]


def _days_around(window: Window) -> tuple[date, date]:
    return (window.start - timedelta(days=2)).date(), (window.end + timedelta(days=2)).date()


def days_around(window: Window) -> list[date]:
    """Every day of `_days_around`, the first and the last included."""
    first, last = _days_around(window)
    return [first + timedelta(days=offset) for offset in range((last - first).days + 1)]


async def _goals(session: AsyncSession, window: Window) -> list[Draft]:
    first, last = _days_around(window)
    rows = await session.execute(
        select(Goal, Pair.mentor_id, Organization.timezone)
        .join(Pair, Pair.id == Goal.pair_id)
        .join(Organization, Organization.id == Pair.organization_id)
        .where(
            Goal.status == GoalStatus.OPEN,
            Pair.status == PairStatus.ACTIVE,
            Goal.due_on.between(first, last),
        )
    )
    return [
        draft
        for goal, mentor_id, timezone in rows.all()
        for draft in _deadline_drafts(
            window,
            GOAL_KINDS,
            "goal",
            goal.id,
            goal.due_on,
            goal.created_at,
            timezone,
            [goal.mentee_id],
            mentor_id,
        )
    ]


async def _activities(session: AsyncSession, window: Window) -> list[Draft]:
    first, last = _days_around(window)
    rows = await session.execute(
        select(ProgrammeActivity, Pair, Organization.timezone)
        .join(Programme, Programme.id == ProgrammeActivity.programme_id)
        .join(Pair, Pair.id == Programme.pair_id)
        .join(Organization, Organization.id == Pair.organization_id)
        .where(
            ProgrammeActivity.status == ActivityStatus.PLANNED,
            Pair.status == PairStatus.ACTIVE,
            ProgrammeActivity.due_on.between(first, last),
        )
    )
    return [
        draft
        for activity, pair, timezone in rows.all()
        for draft in _deadline_drafts(
            window,
            ACTIVITY_KINDS,
            "activity",
            activity.id,
            activity.due_on,
            activity.created_at,
            timezone,
            [m.mentee_id for m in pair.members if m.left_at is None],
            pair.mentor_id,
        )
    ]


async def _answer_nudges(session: AsyncSession, window: Window) -> list[Draft]:
    requests = await session.scalars(
        select(HelpRequest).where(
            HelpRequest.status == HelpStatus.TAKEN,
            HelpRequest.first_answer_at.is_(None),
            HelpRequest.taken_at >= window.start - ANSWER_NUDGE_AFTER,
            HelpRequest.taken_at <= window.end - ANSWER_NUDGE_AFTER,
        )
    )
    drafts = []
    for request in requests:
        assert request.taken_at is not None
        assert request.assignee_id is not None
        fire = request.taken_at + ANSWER_NUDGE_AFTER
        drafts.append(
            _draft(
                Kind.HELP_NUDGE,
                request.id,
                request.taken_at,
                request.assignee_id,
                fire,
                request_id=request.id,
                taken_at=request.taken_at.isoformat(),
            )
        )
    return drafts


async def _no_meeting(session: AsyncSession, window: Window) -> list[Draft]:
    last_meetings = (
        select(Meeting.pair_id, func.max(Meeting.starts_at).label("last"))
        .where(Meeting.status != MeetingStatus.CANCELLED)
        .group_by(Meeting.pair_id)
        .subquery()
    )
    rows = await session.execute(
        select(
            Pair.id,
            Pair.mentor_id,
            Pair.starts_on,
            Organization.timezone,
            Organization.no_meeting_nudge_days,
            last_meetings.c.last,
        )
        .join(Organization, Organization.id == Pair.organization_id)
        .outerjoin(last_meetings, last_meetings.c.pair_id == Pair.id)
        .where(Pair.status == PairStatus.ACTIVE)
    )
    drafts = []
    for pair_id, mentor_id, starts_on, timezone, days, last in rows.all():
        anchor = quiet_since(last, starts_on, timezone)
        fire = at_local(anchor + timedelta(days=days), MORNING, timezone)
        if fire in window:
            drafts.append(
                _draft(
                    Kind.NO_MEETING,
                    pair_id,
                    anchor,
                    mentor_id,
                    fire,
                    pair_id=pair_id,
                    anchor=anchor.isoformat(),
                )
            )
    return drafts


def quiet_since(last: datetime | None, starts_on: date, timezone: str) -> date:
    """The day a pair's quiet spell began: its latest meeting, or its start."""
    if last is None:
        return starts_on
    return last.astimezone(ZoneInfo(timezone)).date()


async def _people_with_role(session: AsyncSession, organization_id: int, role: Role) -> list[int]:
    return list(
        await session.scalars(
            select(Person.id)
            .join(PersonRole, PersonRole.person_id == Person.id)
            .where(
                Person.organization_id == organization_id,
                Person.erased_at.is_(None),
                Person.left_on.is_(None),
                PersonRole.role == role,
            )
        )
    )


async def _mentors_with_pairs(session: AsyncSession, organization_id: int) -> list[int]:
    return list(
        await session.scalars(
            select(Pair.mentor_id)
            .where(Pair.organization_id == organization_id, Pair.status == PairStatus.ACTIVE)
            .distinct()
        )
    )


def _mondays(window: Window, timezone: str) -> Iterable[date]:
    """Mondays whose 09:00 local could fall in the window."""
    day = window.start.astimezone(ZoneInfo(timezone)).date()
    last = window.end.astimezone(ZoneInfo(timezone)).date()
    while day <= last:
        if day.weekday() == 0:
            yield day
        day += timedelta(days=1)


async def _weekly(session: AsyncSession, window: Window) -> list[Draft]:
    drafts = []
    for organization in await session.scalars(select(Organization)):
        for monday in _mondays(window, organization.timezone):
            fire = at_local(monday, MORNING, organization.timezone)
            if not window.timely(fire):
                continue
            week = f"{monday.isocalendar().year}W{monday.isocalendar().week:02d}"
            for mentor in await _mentors_with_pairs(session, organization.id):
                drafts.append(_draft(Kind.MENTOR_DIGEST, mentor, week, mentor, fire))
            for curator in await _people_with_role(session, organization.id, Role.CURATOR):
                drafts.append(
                    _draft(
                        Kind.CURATOR_WEEKLY,
                        organization.id,
                        week,
                        curator,
                        fire,
                        since=(fire - timedelta(days=7)).isoformat(),
                    )
                )
    return drafts


async def _programme_endings(session: AsyncSession, window: Window) -> list[Draft]:
    first, last = _days_around(window)
    rows = await session.execute(
        select(Pair, Organization.timezone)
        .join(Organization, Organization.id == Pair.organization_id)
        .where(
            Pair.status == PairStatus.ACTIVE,
            Pair.ends_on.between(first + PROGRAMME_END_NOTICE, last + PROGRAMME_END_NOTICE),
        )
    )
    drafts = []
    for pair, timezone in rows.all():
        assert pair.ends_on is not None  # the query takes pairs ending in the window
        fire = at_local(pair.ends_on - PROGRAMME_END_NOTICE, MORNING, timezone)
        if fire not in window:
            continue
        for curator in await _people_with_role(session, pair.organization_id, Role.CURATOR):
            drafts.append(
                _draft(Kind.PROGRAMME_ENDING, pair.id, pair.ends_on, curator, fire, pair_id=pair.id)
            )
    return drafts


async def _staff_lists(session: AsyncSession, window: Window) -> list[Draft]:
    drafts = []
    for organization in await session.scalars(select(Organization)):
        for year in {window.start.year, window.end.year}:
            fire = at_local(date(year, *STAFF_LIST_DAY), MORNING, organization.timezone)
            if not window.timely(fire):
                continue
            for curator in await _people_with_role(session, organization.id, Role.CURATOR):
                drafts.append(_draft(Kind.STAFF_LIST, organization.id, str(year), curator, fire))
    return drafts


async def _stalled_pairs(session: AsyncSession, window: Window) -> list[Draft]:
    """A pair stalled for its organisation's N days, told to the curators once every N days
    while it stays so (the pair keeps when it was flagged)."""
    drafts = []
    for pair, days in await pair_life.newly_stalled(session, window.now):
        for curator in await _people_with_role(session, pair.organization_id, Role.CURATOR):
            drafts.append(
                _draft(
                    Kind.PAIR_STALLED,
                    pair.id,
                    window.now,
                    curator,
                    window.now,
                    pair_id=pair.id,
                    days=days,
                )
            )
    return drafts


PULSE_TIME = time(15, 0)  # after the lessons


async def _pulses(session: AsyncSession, window: Window, day: date) -> list[Draft]:
    """Each mentee of an active pair whose pulse day `day` is, asked how the work goes (every
    N days of the pair)."""
    drafts = []
    for pair, timezone in await pulse.pairs_asked_on(session, day):
        fire = at_local(day, PULSE_TIME, timezone)
        if fire not in window:
            continue
        for member in pair.members:
            if member.left_at is None:
                drafts.append(
                    _draft(
                        Kind.PULSE,
                        pair.id,
                        day,
                        member.mentee_id,
                        fire,
                        pair_id=pair.id,
                        day=day.isoformat(),
                    )
                )
    return drafts


SURVEY_TIME = time(16, 0)


async def _surveys(
    session: AsyncSession, window: Window, milestone: SurveyMilestone
) -> list[Draft]:
    """Each participant of an active pair, sent the questionnaire of this milestone of its
    programme, and reminded three days later (sent only if still not filled in then)."""
    first, last = _days_around(window)
    drafts: list[Draft] = []
    due = await surveys.pairs_due(session, milestone, first - surveys.REMIND_AFTER, last)
    for pair, timezone, day in due:
        people = [pair.mentor_id] + [m.mentee_id for m in pair.members if m.left_at is None]
        for kind, fire_day in (
            (Kind.SURVEY, day),
            (Kind.SURVEY_REMINDER, day + surveys.REMIND_AFTER),
        ):
            fire = at_local(fire_day, SURVEY_TIME, timezone)
            if fire not in window:
                continue
            drafts.extend(
                _draft(kind, pair.id, milestone.value, person, fire, pair_id=pair.id,
                       milestone=milestone.value)
                for person in people
            )  # fmt: skip
    return drafts


def escalation_drafts(request: HelpRequest, curators: list[Person], now: datetime) -> list[Draft]:
    return [
        _draft(Kind.HELP_ESCALATED, request.id, "", curator.id, now, request_id=request.id)
        for curator in curators
    ]
