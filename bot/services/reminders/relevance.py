"""At sending time, whether a reminder still has a point: the meeting still takes place then and
has not begun, the goal or activity is still open with the same due day, the help request still
waits, the pair is still quiet or active. Each check returns what the reminder is about, or None
to drop it."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import surveys
from bot.services.reminders.kinds import Kind
from bot.services.reminders.planning import quiet_since
from models import (
    Announcement,
    Goal,
    HelpRequest,
    Meeting,
    MeetingParticipant,
    Notification,
    Organization,
    Pair,
    Programme,
    ProgrammeActivity,
    PulseCheck,
)
from models.enums import (
    ActivityStatus,
    Attendance,
    GoalStatus,
    HelpStatus,
    MeetingStatus,
    PairStatus,
    SurveyMilestone,
)


def _entry(meeting: Meeting, person_id: int) -> MeetingParticipant | None:
    return next((p for p in meeting.participants if p.person_id == person_id), None)


async def meeting(
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


async def goal(session: AsyncSession, notification: Notification, _now: datetime) -> Goal | None:
    goal = await session.get(Goal, notification.payload.get("goal_id"))
    if goal is None or goal.status is not GoalStatus.OPEN:
        return None
    return goal if goal.due_on.isoformat() == notification.payload.get("due_on") else None


async def activity(
    session: AsyncSession, notification: Notification, _now: datetime
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


async def help_request(
    session: AsyncSession, notification: Notification, _now: datetime
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


async def quiet_pair(
    session: AsyncSession, notification: Notification, _now: datetime
) -> Pair | None:
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
    anchor = quiet_since(last, pair.starts_on, organization.timezone)
    return pair if anchor.isoformat() == notification.payload.get("anchor") else None


async def active_pair(
    session: AsyncSession, notification: Notification, _now: datetime
) -> Pair | None:
    pair = await session.get(Pair, notification.payload.get("pair_id"))
    return pair if pair is not None and pair.status is PairStatus.ACTIVE else None


async def pulse_due(
    session: AsyncSession, notification: Notification, _now: datetime
) -> tuple[Pair, date] | None:
    """The pair still active, the mentee still in it, and that day not answered yet."""
    pair = await active_pair(session, notification, _now)
    day = date.fromisoformat(notification.payload.get("day", ""))
    if pair is None or notification.person_id not in {
        member.mentee_id for member in pair.members if member.left_at is None
    }:
        return None
    answered = await session.scalar(
        select(PulseCheck.id).where(
            PulseCheck.pair_id == pair.id,
            PulseCheck.mentee_id == notification.person_id,
            PulseCheck.due_on == day,
        )
    )
    return (pair, day) if answered is None else None


async def survey_due(
    session: AsyncSession, notification: Notification, _now: datetime
) -> tuple[Pair, surveys.Questionnaire] | None:
    """The pair still active, the person still in it, the questionnaire still sent, and not
    filled in yet."""
    pair = await active_pair(session, notification, _now)
    if pair is None:
        return None
    audience = surveys.audience_of(pair, notification.person_id)
    milestone = SurveyMilestone(notification.payload.get("milestone", SurveyMilestone.START))
    if audience is None or await surveys.completed(
        session, pair.id, notification.person_id, milestone
    ):
        return None
    current = await surveys.questionnaire(session, pair.organization_id, audience, milestone)
    return (pair, current) if current.enabled else None


async def always(_session: AsyncSession, _notification: Notification, _now: datetime) -> bool:
    """A digest or a yearly reminder: it always has something to say."""
    return True


async def announcement(
    session: AsyncSession, notification: Notification, _now: datetime
) -> Announcement | None:
    """The announcement itself (gone: nothing to send)."""
    return await session.get(Announcement, notification.payload.get("announcement_id", 0))
