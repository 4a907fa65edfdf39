"""The text and buttons of each queued reminder, built when it is about to be sent from the
state of things then (`reminders.*_if_current`); None means there is nothing to say any more."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime

from aiogram.types import InlineKeyboardMarkup
from sqlalchemy.ext.asyncio import AsyncSession

from bot.callbacks.help_requests import HelpAction
from bot.keyboards.goals import open_goal
from bot.keyboards.help_requests import help_request
from bot.keyboards.meetings import meeting_rating, open_meeting
from bot.keyboards.pairs import open_pair
from bot.keyboards.programmes import open_programme
from bot.services import pairs, reminders
from bot.services.reminders import Kind
from bot.texts import notices as texts
from bot.texts.help_requests import HELP_ESCALATED_NOTICE
from bot.texts.vocabulary import MEETING_FORMAT_NAMES, age, esc, local_time, shorten
from models import Meeting, Notification, Organization, Pair, Person


@dataclass(frozen=True, slots=True)
class Notice:
    text: str
    markup: InlineKeyboardMarkup | None = None


Renderer = Callable[[AsyncSession, Notification, Person, datetime], Awaitable[Notice | None]]


def _day(value: date) -> str:
    return value.strftime("%d.%m.%Y")


async def _names(session: AsyncSession, ids: list[int]) -> str:
    found = await pairs.names(session, set(ids))
    return ", ".join(esc(found[i]) for i in ids if i in found)


async def _meeting(
    session: AsyncSession, notification: Notification, person: Person, now: datetime
) -> Notice | None:
    meeting = await reminders.meeting_if_current(session, notification, now)
    if meeting is None:
        return None
    timezone = person.organization.timezone
    when = local_time(meeting.starts_at, timezone)
    topic = esc(meeting.topic)
    if notification.kind == Kind.MEETING_LOG:
        return Notice(
            texts.REMINDER_MEETING_LOG.format(topic=topic, when=when),
            open_meeting(meeting.id),
        )
    if notification.kind == Kind.MEETING_RATE:
        return Notice(
            texts.REMINDER_MEETING_RATE.format(topic=topic, when=when),
            meeting_rating(meeting.id),
        )
    facts = {
        "topic": topic,
        "when": when,
        "timezone": timezone,
        "format": MEETING_FORMAT_NAMES[meeting.format],
        "link": f" — {esc(meeting.link)}" if meeting.link else "",
    }
    if notification.kind == Kind.MEETING_HOUR:
        return Notice(texts.REMINDER_MEETING_HOUR.format(**facts), open_meeting(meeting.id))
    with_whom = await _with_whom(session, meeting, person)
    return Notice(
        texts.REMINDER_MEETING_DAY.format(with_whom=with_whom, **facts),
        open_meeting(meeting.id),
    )


async def _with_whom(session: AsyncSession, meeting: Meeting, person: Person) -> str:
    pair = await session.get(Pair, meeting.pair_id)
    assert pair is not None
    if person.id != pair.mentor_id:
        return texts.REMINDER_WITH_MENTOR.format(name=await _names(session, [pair.mentor_id]))
    ids = [p.person_id for p in meeting.participants]
    return texts.REMINDER_WITH_MENTEES.format(names=await _names(session, ids))


async def _goal(
    session: AsyncSession, notification: Notification, person: Person, _now: datetime
) -> Notice | None:
    goal = await reminders.goal_if_current(session, notification)
    if goal is None:
        return None
    title = esc(goal.title)
    markup = open_goal(goal.id)
    if notification.kind == Kind.GOAL_SOON:
        return Notice(texts.REMINDER_GOAL_SOON.format(title=title), markup)
    if notification.kind == Kind.GOAL_TODAY:
        return Notice(texts.REMINDER_GOAL_TODAY.format(title=title), markup)
    if person.id != goal.mentee_id:
        name = await _names(session, [goal.mentee_id])
        text = texts.REMINDER_GOAL_OVERDUE_MENTOR.format(
            name=name, title=title, due=_day(goal.due_on)
        )
        return Notice(text, markup)
    return Notice(texts.REMINDER_GOAL_OVERDUE.format(title=title, due=_day(goal.due_on)), markup)


ACTIVITY_TEXTS = {
    Kind.ACTIVITY_SOON: texts.REMINDER_ACTIVITY_SOON,
    Kind.ACTIVITY_TODAY: texts.REMINDER_ACTIVITY_TODAY,
    Kind.ACTIVITY_OVERDUE: texts.REMINDER_ACTIVITY_OVERDUE,
}


async def _activity(
    session: AsyncSession, notification: Notification, _person: Person, _now: datetime
) -> Notice | None:
    current = await reminders.activity_if_current(session, notification)
    if current is None:
        return None
    activity, pair = current
    text = ACTIVITY_TEXTS[Kind(notification.kind)].format(
        title=esc(activity.title), due=_day(activity.due_on)
    )
    return Notice(text, open_programme(pair.id))


async def _help(
    session: AsyncSession, notification: Notification, _person: Person, now: datetime
) -> Notice | None:
    request = await reminders.request_if_current(session, notification)
    if request is None:
        return None
    mentee = await _names(session, [request.mentee_id])
    if notification.kind == Kind.HELP_NUDGE:
        return Notice(
            texts.REMINDER_HELP_NUDGE.format(id=request.id, mentee=mentee),
            help_request(request.id, [HelpAction.REPLY, HelpAction.OPEN]),
        )
    pair = await session.get(Pair, request.pair_id) if request.pair_id else None
    text = HELP_ESCALATED_NOTICE.format(
        id=request.id,
        mentee=mentee,
        age=age((now - request.created_at).total_seconds()),
        mentor=await _names(session, [pair.mentor_id]) if pair else "",
        text=esc(shorten(request.text, 2000)),
    )
    return Notice(text, help_request(request.id, [HelpAction.PASS, HelpAction.TAKE]))


async def _no_meeting(
    session: AsyncSession, notification: Notification, _person: Person, _now: datetime
) -> Notice | None:
    pair = await reminders.quiet_pair(session, notification)
    if pair is None:
        return None
    mentees = await _names(session, [m.mentee_id for m in pair.members if m.left_at is None])
    text = texts.REMINDER_NO_MEETING.format(
        anchor=_day(date.fromisoformat(notification.payload["anchor"])),
        mentees=mentees,
        pair=f"№{pair.id}",
    )
    return Notice(text, open_pair(pair.id))


async def _digest(
    session: AsyncSession, _notification: Notification, person: Person, now: datetime
) -> Notice | None:
    digest = await reminders.mentor_digest(session, person.id, now)
    timezone = person.organization.timezone
    today = pairs.local_today(timezone, now)
    text = texts.REMINDER_DIGEST
    if digest.meetings:
        text += texts.REMINDER_DIGEST_MEETINGS + "".join(
            texts.REMINDER_DIGEST_MEETING.format(
                when=local_time(m.starts_at, timezone), topic=esc(m.topic)
            )
            for m in digest.meetings
        )
    if digest.goals:
        text += texts.REMINDER_DIGEST_GOALS + "".join(
            texts.REMINDER_DIGEST_GOAL.format(
                icon="⚠️" if g.due_on < today else "🎯",
                title=esc(shorten(g.title, 80)),
                due=_day(g.due_on),
            )
            for g in digest.goals
        )
    if digest.requests:
        text += texts.REMINDER_DIGEST_REQUESTS + "".join(
            texts.REMINDER_DIGEST_REQUEST.format(
                id=r.id, age=age((now - r.created_at).total_seconds())
            )
            for r in digest.requests
        )
    if not (digest.meetings or digest.goals or digest.requests):
        text += texts.REMINDER_DIGEST_EMPTY
    return Notice(text)


async def _curator_weekly(
    session: AsyncSession, notification: Notification, person: Person, now: datetime
) -> Notice | None:
    organization: Organization = person.organization
    figures = await reminders.weekly_figures(
        session,
        organization.id,
        datetime.fromisoformat(notification.payload["since"]),
        now,
        pairs.local_today(organization.timezone, now),
    )
    text = texts.REMINDER_CURATOR_WEEKLY.format(
        organization=esc(organization.name),
        pairs=figures.active_pairs,
        meetings=figures.meetings_held,
        requests=figures.open_requests,
        overdue=figures.overdue_goals,
        unpaired=figures.unpaired_mentees,
    )
    return Notice(text)


async def _programme_ending(
    session: AsyncSession, notification: Notification, _person: Person, _now: datetime
) -> Notice | None:
    pair = await reminders.active_pair(session, notification)
    if pair is None:
        return None
    text = texts.REMINDER_PROGRAMME_ENDING.format(pair=f"Пара №{pair.id}", ends=_day(pair.ends_on))
    return Notice(text, open_pair(pair.id))


async def _staff_list(
    _session: AsyncSession, _notification: Notification, _person: Person, _now: datetime
) -> Notice | None:
    return Notice(texts.REMINDER_STAFF_LIST)


RENDERERS: dict[str, Renderer] = {
    Kind.MEETING_DAY: _meeting,
    Kind.MEETING_HOUR: _meeting,
    Kind.MEETING_LOG: _meeting,
    Kind.MEETING_RATE: _meeting,
    Kind.GOAL_SOON: _goal,
    Kind.GOAL_TODAY: _goal,
    Kind.GOAL_OVERDUE: _goal,
    Kind.ACTIVITY_SOON: _activity,
    Kind.ACTIVITY_TODAY: _activity,
    Kind.ACTIVITY_OVERDUE: _activity,
    Kind.HELP_ESCALATED: _help,
    Kind.HELP_NUDGE: _help,
    Kind.NO_MEETING: _no_meeting,
    Kind.MENTOR_DIGEST: _digest,
    Kind.CURATOR_WEEKLY: _curator_weekly,
    Kind.PROGRAMME_ENDING: _programme_ending,
    Kind.STAFF_LIST: _staff_list,
}


async def render(
    session: AsyncSession, notification: Notification, person: Person, now: datetime
) -> Notice | None:
    renderer = RENDERERS.get(notification.kind)
    if renderer is None:
        return None
    return await renderer(session, notification, person, now)
