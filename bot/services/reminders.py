"""What the bot reminds people of, and when, in the organisation's local time.

`plan()` looks at meetings, goals, programme activities, help requests and pairs and queues
(`outbox.enqueue`) every reminder whose fire time falls in a window around now: ahead, so that a
crash loses nothing already planned; back, so that after a restart what was missed is still sent,
late. `current()` checks a reminder against the state of things when it is about to be sent: a
cancelled or moved meeting, a reached goal, a done activity, a taken request send nothing.
Reminders are grouped into categories a person can turn off (`preferences`), and nothing is sent
in a person's quiet hours (`quiet_until`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.errors import ValidationFailed
from bot.services.outbox import Draft
from bot.texts.reminders import REMINDERS_BAD_CHOICE
from models import (
    Goal,
    HelpRequest,
    Meeting,
    MeetingParticipant,
    Notification,
    NotificationPreference,
    Organization,
    Pair,
    PairMember,
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


class Kind(StrEnum):
    MEETING_DAY = "meeting_24h"
    MEETING_HOUR = "meeting_1h"
    MEETING_LOG = "meeting_log"
    MEETING_RATE = "meeting_rate"
    GOAL_SOON = "goal_soon"
    GOAL_TODAY = "goal_today"
    GOAL_OVERDUE = "goal_overdue"
    ACTIVITY_SOON = "activity_soon"
    ACTIVITY_TODAY = "activity_today"
    ACTIVITY_OVERDUE = "activity_overdue"
    HELP_ESCALATED = "help_escalated"
    HELP_NUDGE = "help_nudge"
    NO_MEETING = "no_meeting"
    MENTOR_DIGEST = "mentor_digest"
    CURATOR_WEEKLY = "curator_weekly"
    PROGRAMME_ENDING = "programme_ending"
    STAFF_LIST = "staff_list"


class Category(StrEnum):
    """What a person turns on or off in /reminders."""

    MEETINGS = "meetings"
    GOALS = "goals"
    ACTIVITIES = "activities"
    HELP = "help"
    NUDGES = "nudges"
    DIGESTS = "digests"


CATEGORY = {
    Kind.MEETING_DAY: Category.MEETINGS,
    Kind.MEETING_HOUR: Category.MEETINGS,
    Kind.MEETING_LOG: Category.MEETINGS,
    Kind.MEETING_RATE: Category.MEETINGS,
    Kind.GOAL_SOON: Category.GOALS,
    Kind.GOAL_TODAY: Category.GOALS,
    Kind.GOAL_OVERDUE: Category.GOALS,
    Kind.ACTIVITY_SOON: Category.ACTIVITIES,
    Kind.ACTIVITY_TODAY: Category.ACTIVITIES,
    Kind.ACTIVITY_OVERDUE: Category.ACTIVITIES,
    Kind.HELP_ESCALATED: Category.HELP,
    Kind.HELP_NUDGE: Category.HELP,
    Kind.NO_MEETING: Category.NUDGES,
    Kind.MENTOR_DIGEST: Category.DIGESTS,
    Kind.CURATOR_WEEKLY: Category.DIGESTS,
    Kind.PROGRAMME_ENDING: Category.NUDGES,
    Kind.STAFF_LIST: Category.NUDGES,
}
# Some reminders are part of someone's duty and cannot be turned off: escalated help requests.
ALWAYS_ON = frozenset({Kind.HELP_ESCALATED})


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


# --- planning ---------------------------------------------------------------------------------


async def plan(session: AsyncSession, now: datetime) -> list[Draft]:
    """Every reminder whose fire time is in [now - BEHIND, now + AHEAD]."""
    window = Window(now, now - BEHIND, now + AHEAD)
    drafts: list[Draft] = []
    for planner in (
        _meetings,
        _ratings,
        _goals,
        _activities,
        _answer_nudges,
        _no_meeting,
        _weekly,
        _programme_endings,
        _staff_lists,
    ):
        drafts.extend(await planner(session, window))
    return drafts


def _with_timezone(statement: Select[Any]) -> Select[Any]:
    return statement.join(Pair, Pair.id == Meeting.pair_id).join(
        Organization, Organization.id == Pair.organization_id
    )


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
        anchor = _anchor(last, starts_on, timezone)
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


def _anchor(last: datetime | None, starts_on: date, timezone: str) -> date:
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


def escalation_drafts(request: HelpRequest, curators: list[Person], now: datetime) -> list[Draft]:
    return [
        _draft(Kind.HELP_ESCALATED, request.id, "", curator.id, now, request_id=request.id)
        for curator in curators
    ]


# --- at sending time --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QuietHours:
    start: int
    end: int
    timezone: str

    @classmethod
    def of(cls, person: Person) -> QuietHours:
        """The person's own quiet hours, else their organisation's."""
        organization = person.organization
        if person.quiet_hours_start is None or person.quiet_hours_end is None:
            return cls(
                organization.quiet_hours_start,
                organization.quiet_hours_end,
                organization.timezone,
            )
        return cls(person.quiet_hours_start, person.quiet_hours_end, organization.timezone)

    def until(self, now: datetime) -> datetime | None:
        """The end of the quiet hours if `now` is inside them; None when a message may go."""
        start, end = self.start, self.end
        if start == end:
            return None
        zone = ZoneInfo(self.timezone)
        local = now.astimezone(zone)
        hour = local.hour
        quiet = (hour >= start or hour < end) if start > end else start <= hour < end
        if not quiet:
            return None
        day = local.date() if hour < end else local.date() + timedelta(days=1)
        return datetime.combine(day, time(end), tzinfo=zone).astimezone(UTC)


async def disabled_categories(session: AsyncSession, person_id: int) -> set[Category]:
    rows = await session.scalars(
        select(NotificationPreference.kind).where(
            NotificationPreference.person_id == person_id,
            NotificationPreference.enabled.is_(False),
        )
    )
    return {Category(kind) for kind in rows if kind in Category.__members__.values()}


def is_wanted(kind: str, disabled: set[Category]) -> bool:
    try:
        known = Kind(kind)
    except ValueError:
        return True
    return known in ALWAYS_ON or CATEGORY[known] not in disabled


async def set_category(
    session: AsyncSession, person_id: int, category: Category, enabled: bool
) -> None:
    preference = await session.scalar(
        select(NotificationPreference).where(
            NotificationPreference.person_id == person_id,
            NotificationPreference.kind == category.value,
        )
    )
    if preference is None:
        session.add(
            NotificationPreference(person_id=person_id, kind=category.value, enabled=enabled)
        )
    else:
        preference.enabled = enabled
    await session.flush()


def _entry(meeting: Meeting, person_id: int) -> MeetingParticipant | None:
    return next((p for p in meeting.participants if p.person_id == person_id), None)


async def meeting_if_current(
    session: AsyncSession, notification: Notification, now: datetime
) -> Meeting | None:
    """The meeting a reminder is about, if it still takes place at the time the reminder was
    planned for (and, for a reminder before it, has not begun) and the person still takes
    part."""
    payload = notification.payload
    meeting = await session.get(Meeting, payload.get("meeting_id"))
    if meeting is None:
        return None
    if notification.kind == Kind.MEETING_RATE:
        entry = next(
            (p for p in meeting.participants if p.person_id == notification.person_id), None
        )
        return meeting if entry is not None and entry.rating is None else None
    if meeting.status is not MeetingStatus.SCHEDULED:
        return None
    if meeting.starts_at.isoformat() != payload.get("starts_at"):
        return None
    if notification.kind != Kind.MEETING_LOG and meeting.starts_at <= now:
        return None  # «tomorrow» or «in an hour» that comes late is no use any more
    entry = _entry(meeting, notification.person_id)
    if entry is not None and entry.attendance is Attendance.DECLINED:
        return None
    return meeting


async def goal_if_current(session: AsyncSession, notification: Notification) -> Goal | None:
    goal = await session.get(Goal, notification.payload.get("goal_id"))
    if goal is None or goal.status is not GoalStatus.OPEN:
        return None
    return goal if goal.due_on.isoformat() == notification.payload.get("due_on") else None


async def activity_if_current(
    session: AsyncSession, notification: Notification
) -> tuple[ProgrammeActivity, Pair] | None:
    row = (
        await session.execute(
            select(ProgrammeActivity, Pair)
            .join(Programme, Programme.id == ProgrammeActivity.programme_id)
            .join(Pair, Pair.id == Programme.pair_id)
            .where(ProgrammeActivity.id == notification.payload.get("activity_id"))
        )
    ).first()
    if row is None:
        return None
    activity, pair = row
    if activity.status is not ActivityStatus.PLANNED or pair.status is not PairStatus.ACTIVE:
        return None
    return (
        (activity, pair)
        if activity.due_on.isoformat() == notification.payload.get("due_on")
        else None
    )


async def request_if_current(
    session: AsyncSession, notification: Notification
) -> HelpRequest | None:
    request = await session.get(HelpRequest, notification.payload.get("request_id"))
    if request is None:
        return None
    if notification.kind == Kind.HELP_ESCALATED:
        return request if request.status is HelpStatus.OPEN else None
    still_waiting = (
        request.status is HelpStatus.TAKEN
        and request.first_answer_at is None
        and request.assignee_id == notification.person_id
        and request.taken_at is not None
        and request.taken_at.isoformat() == notification.payload.get("taken_at")
    )
    return request if still_waiting else None


async def quiet_pair(session: AsyncSession, notification: Notification) -> Pair | None:
    """The pair of a «no meeting for N days» nudge, if it is still active and still has had
    no meeting since the anchor day."""
    pair = await session.get(Pair, notification.payload.get("pair_id"))
    if pair is None or pair.status is not PairStatus.ACTIVE:
        return None
    organization = await session.get(Organization, pair.organization_id)
    assert organization is not None
    last = await session.scalar(
        select(func.max(Meeting.starts_at)).where(
            Meeting.pair_id == pair.id, Meeting.status != MeetingStatus.CANCELLED
        )
    )
    anchor = _anchor(last, pair.starts_on, organization.timezone)
    return pair if anchor.isoformat() == notification.payload.get("anchor") else None


async def active_pair(session: AsyncSession, notification: Notification) -> Pair | None:
    pair = await session.get(Pair, notification.payload.get("pair_id"))
    return pair if pair is not None and pair.status is PairStatus.ACTIVE else None


@dataclass(frozen=True, slots=True)
class Digest:
    meetings: list[Meeting]
    goals: list[Goal]
    requests: list[HelpRequest]


async def mentor_digest(session: AsyncSession, mentor_id: int, now: datetime) -> Digest:
    """The week ahead of a mentor: meetings, mentees' goals coming due, open requests."""
    week = now + timedelta(days=7)
    pair_ids = select(Pair.id).where(Pair.mentor_id == mentor_id, Pair.status == PairStatus.ACTIVE)
    meetings = await session.scalars(
        select(Meeting)
        .where(
            Meeting.pair_id.in_(pair_ids),
            Meeting.status == MeetingStatus.SCHEDULED,
            Meeting.starts_at.between(now, week),
        )
        .order_by(Meeting.starts_at)
        .limit(10)
    )
    goals = await session.scalars(
        select(Goal)
        .where(
            Goal.pair_id.in_(pair_ids),
            Goal.status.in_([GoalStatus.OPEN, GoalStatus.SUBMITTED]),
            Goal.due_on <= week.date(),
        )
        .order_by(Goal.due_on)
        .limit(10)
    )
    requests = await session.scalars(
        select(HelpRequest)
        .where(
            HelpRequest.status != HelpStatus.CLOSED,
            (HelpRequest.assignee_id == mentor_id)
            | (HelpRequest.assignee_id.is_(None) & HelpRequest.pair_id.in_(pair_ids)),
        )
        .order_by(HelpRequest.created_at)
        .limit(10)
    )
    return Digest(list(meetings), list(goals), list(requests))


@dataclass(frozen=True, slots=True)
class WeeklyFigures:
    active_pairs: int
    meetings_held: int
    open_requests: int
    overdue_goals: int
    unpaired_mentees: int


async def weekly_figures(
    session: AsyncSession, organization_id: int, since: datetime, now: datetime, today: date
) -> WeeklyFigures:
    in_organization = Pair.organization_id == organization_id
    active = await session.scalar(
        select(func.count(Pair.id)).where(in_organization, Pair.status == PairStatus.ACTIVE)
    )
    held = await session.scalar(
        select(func.count(Meeting.id))
        .join(Pair, Pair.id == Meeting.pair_id)
        .where(
            in_organization,
            Meeting.status == MeetingStatus.HELD,
            Meeting.starts_at.between(since, now),
        )
    )
    requests = await session.scalar(
        select(func.count(HelpRequest.id)).where(
            HelpRequest.organization_id == organization_id, HelpRequest.status != HelpStatus.CLOSED
        )
    )
    overdue = await session.scalar(
        select(func.count(Goal.id))
        .join(Pair, Pair.id == Goal.pair_id)
        .where(in_organization, Goal.status == GoalStatus.OPEN, Goal.due_on < today)
    )
    in_pair = (
        select(PairMember.mentee_id)
        .join(Pair, Pair.id == PairMember.pair_id)
        .where(PairMember.left_at.is_(None), Pair.status == PairStatus.ACTIVE)
    )
    unpaired = await session.scalar(
        select(func.count(Person.id))
        .join(PersonRole, and_(PersonRole.person_id == Person.id, PersonRole.role == Role.MENTEE))
        .where(
            Person.organization_id == organization_id,
            Person.erased_at.is_(None),
            Person.id.not_in(in_pair),
        )
    )
    return WeeklyFigures(active or 0, held or 0, requests or 0, overdue or 0, unpaired or 0)


QUIET_CHOICES = ((22, 7), (21, 8), (20, 9), (0, 0))


@dataclass(frozen=True, slots=True)
class ReminderSettings:
    enabled: dict[Category, bool]
    own_quiet_hours: tuple[int, int] | None
    organization_quiet_hours: tuple[int, int]


async def settings_of(session: AsyncSession, person: Person) -> ReminderSettings:
    disabled = await disabled_categories(session, person.id)
    own = (
        (person.quiet_hours_start, person.quiet_hours_end)
        if person.quiet_hours_start is not None and person.quiet_hours_end is not None
        else None
    )
    organization = person.organization
    return ReminderSettings(
        enabled={category: category not in disabled for category in Category},
        own_quiet_hours=own,
        organization_quiet_hours=(organization.quiet_hours_start, organization.quiet_hours_end),
    )


async def toggle(session: AsyncSession, person: Person, category: Category) -> None:
    disabled = await disabled_categories(session, person.id)
    await set_category(session, person.id, category, enabled=category in disabled)


async def set_quiet_hours(session: AsyncSession, person: Person, start: int, end: int) -> None:
    """One of the offered quiet hours, or -1 for the organisation's."""
    if start == -1:
        person.quiet_hours_start = person.quiet_hours_end = None
    elif (start, end) in QUIET_CHOICES:
        person.quiet_hours_start, person.quiet_hours_end = start, end
    else:
        raise ValidationFailed(REMINDERS_BAD_CHOICE)
    await session.flush()
