"""The text and buttons of each kind of reminder, built when it is about to be sent: each kind
pairs a relevance check (`bot.services.reminders.relevance`), which finds what the reminder is
about as things are then (or nothing, and then nothing is sent), with a renderer of that."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar
from zoneinfo import ZoneInfo

from aiogram.types import InlineKeyboardMarkup
from sqlalchemy.ext.asyncio import AsyncSession

from bot.callbacks.help_requests import HelpAction
from bot.keyboards.goals import open_goal
from bot.keyboards.help_requests import help_request
from bot.keyboards.meetings import meeting_held, meeting_rating, open_meeting
from bot.keyboards.pairs import open_pair, stalled
from bot.keyboards.programmes import open_programme
from bot.keyboards.pulse import steps as pulse_steps
from bot.keyboards.surveys import start as survey_start
from bot.services import pairs, surveys
from bot.services.reminders import digests, relevance
from bot.services.reminders.kinds import Kind
from bot.texts import announcements as announcement_texts
from bot.texts import notices as texts
from bot.texts import pulse as pulse_texts
from bot.texts import surveys as survey_texts
from bot.texts.help_requests import HELP_ESCALATED_NOTICE
from bot.texts.pairs import PAIR_STALLED_NOTICE
from bot.texts.vocabulary import (
    DAYS_AHEAD,
    MEETING_FORMAT_NAMES,
    age,
    day,
    esc,
    fit,
    local_time,
    shorten,
)
from models import (
    Announcement,
    Goal,
    HelpRequest,
    Meeting,
    Notification,
    Organization,
    Pair,
    Person,
    ProgrammeActivity,
)


@dataclass(frozen=True, slots=True)
class Notice:
    text: str
    markup: InlineKeyboardMarkup | None = None
    file_id: str | None = None  # a photo or document sent with the text as its caption
    file_kind: str | None = None  # "photo" | "document"


Subject = TypeVar("Subject")


@dataclass(frozen=True, slots=True)
class Reminder(Generic[Subject]):
    """A kind's relevance check and the renderer of what the check found."""

    check: Callable[[AsyncSession, Notification, datetime], Awaitable[Subject | None]]
    # None: what the reminder would say is no longer true (a «tomorrow» that came too late)
    render: Callable[
        [AsyncSession, Notification, Person, datetime, Subject], Awaitable[Notice | None]
    ]


def _days_ahead(when: date, person: Person, now: datetime) -> str | None:
    """«Сегодня», «Завтра», «Послезавтра» for `when` as seen now in the person's organisation;
    None for a day already past (or too far to say so)."""
    today = pairs.local_today(person.organization.timezone, now)
    return DAYS_AHEAD.get((when - today).days)


async def _names(session: AsyncSession, ids: list[int]) -> str:
    found = await pairs.names(session, set(ids))
    return ", ".join(esc(found[i]) for i in ids if i in found)


async def _meeting(
    session: AsyncSession,
    notification: Notification,
    person: Person,
    now: datetime,
    meeting: Meeting,
) -> Notice | None:
    timezone = person.organization.timezone
    when = local_time(meeting.starts_at, timezone)
    topic = esc(meeting.topic)
    if notification.kind == Kind.MEETING_LOG:
        return Notice(
            texts.REMINDER_MEETING_LOG.format(topic=topic, when=when),
            meeting_held(meeting.id, reminder=True),
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
        minutes = round((meeting.starts_at - now).total_seconds() / 60)
        soon = texts.IN_AN_HOUR if minutes > 50 else texts.IN_MINUTES.format(minutes=minutes)
        text = texts.REMINDER_MEETING_HOUR.format(soon=soon, **facts)
        return Notice(text, open_meeting(meeting.id))
    local_day = meeting.starts_at.astimezone(ZoneInfo(timezone)).date()
    ahead = _days_ahead(local_day, person, now)
    if ahead is None:
        return None
    with_whom = await _with_whom(session, meeting, person)
    return Notice(
        texts.REMINDER_MEETING_DAY.format(day=ahead, with_whom=with_whom, **facts),
        open_meeting(meeting.id),
    )


async def _with_whom(session: AsyncSession, meeting: Meeting, person: Person) -> str:
    pair = await session.get(Pair, meeting.pair_id)
    assert pair is not None
    if person.id != pair.mentor_id:
        return texts.REMINDER_WITH_MENTOR.format(name=await _names(session, [pair.mentor_id]))
    ids = [p.person_id for p in meeting.participants]
    return texts.REMINDER_WITH_MENTEES.format(names=await _names(session, ids))


DEADLINE_TEXTS = {
    Kind.GOAL_SOON: texts.REMINDER_GOAL_SOON,
    Kind.GOAL_TODAY: texts.REMINDER_GOAL_TODAY,
    Kind.ACTIVITY_SOON: texts.REMINDER_ACTIVITY_SOON,
    Kind.ACTIVITY_TODAY: texts.REMINDER_ACTIVITY_TODAY,
}


def _deadline_ahead(
    notification: Notification, person: Person, now: datetime, title: str, due: date
) -> Notice | None:
    """«Завтра» or «Сегодня срок …», as true when it is sent; None once the day has passed
    (the overdue reminder speaks then)."""
    ahead = _days_ahead(due, person, now)
    if ahead is None:
        return None
    return Notice(DEADLINE_TEXTS[Kind(notification.kind)].format(day=ahead, title=title))


async def _goal(
    session: AsyncSession, notification: Notification, person: Person, now: datetime, goal: Goal
) -> Notice | None:
    title = esc(goal.title)
    markup = open_goal(goal.id)
    if notification.kind in DEADLINE_TEXTS:
        ahead = _deadline_ahead(notification, person, now, title, goal.due_on)
        return Notice(ahead.text, markup) if ahead else None
    if person.id != goal.mentee_id:
        name = await _names(session, [goal.mentee_id])
        text = texts.REMINDER_GOAL_OVERDUE_MENTOR.format(
            name=name, title=title, due=day(goal.due_on)
        )
        return Notice(text, markup)
    return Notice(texts.REMINDER_GOAL_OVERDUE.format(title=title, due=day(goal.due_on)), markup)


async def _activity(
    _session: AsyncSession,
    notification: Notification,
    person: Person,
    now: datetime,
    current: tuple[ProgrammeActivity, Pair],
) -> Notice | None:
    activity, pair = current
    title = esc(activity.title)
    markup = open_programme(pair.id)
    if notification.kind in DEADLINE_TEXTS:
        ahead = _deadline_ahead(notification, person, now, title, activity.due_on)
        return Notice(ahead.text, markup) if ahead else None
    text = texts.REMINDER_ACTIVITY_OVERDUE.format(title=title, due=day(activity.due_on))
    return Notice(text, markup)


async def _help(
    session: AsyncSession,
    notification: Notification,
    _person: Person,
    now: datetime,
    request: HelpRequest,
) -> Notice:
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
    session: AsyncSession, notification: Notification, _person: Person, _now: datetime, pair: Pair
) -> Notice:
    mentees = await _names(session, [m.mentee_id for m in pair.members if m.left_at is None])
    text = texts.REMINDER_NO_MEETING.format(
        anchor=day(date.fromisoformat(notification.payload["anchor"])),
        mentees=mentees,
        pair=f"№{pair.id}",
    )
    return Notice(text, open_pair(pair.id))


async def _digest(
    session: AsyncSession, _notification: Notification, person: Person, now: datetime, _: bool
) -> Notice:
    digest = await digests.mentor_digest(session, person.id, now)
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
                due=day(g.due_on),
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
    session: AsyncSession, notification: Notification, person: Person, now: datetime, _: bool
) -> Notice:
    organization: Organization = person.organization
    figures = await digests.weekly_figures(
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
    _session: AsyncSession, _notification: Notification, _person: Person, _now: datetime, pair: Pair
) -> Notice | None:
    if pair.ends_on is None:  # made open-ended since: nothing ends
        return None
    text = texts.REMINDER_PROGRAMME_ENDING.format(pair=f"Пара №{pair.id}", ends=day(pair.ends_on))
    return Notice(text, open_pair(pair.id))


async def _programme_update(
    _session: AsyncSession, notification: Notification, _person: Person, _now: datetime, pair: Pair
) -> Notice:
    head = texts.REMINDER_PROGRAMME_UPDATE.format(pair=f"пара №{pair.id}")
    lines = [
        texts.REMINDER_PROGRAMME_UPDATE_LINE.format(line=esc(shorten(line, 300)))
        for line in notification.payload.get("lines", [])
    ]
    return Notice(fit(head, lines, keep_last=True), open_programme(pair.id))


async def _staff_list(
    _session: AsyncSession, _notification: Notification, _person: Person, _now: datetime, _: bool
) -> Notice:
    return Notice(texts.REMINDER_STAFF_LIST)


async def _pair_stalled(
    session: AsyncSession, notification: Notification, _person: Person, _now: datetime, pair: Pair
) -> Notice:
    people = await _names(
        session, [pair.mentor_id, *(m.mentee_id for m in pair.members if m.left_at is None)]
    )
    text = PAIR_STALLED_NOTICE.format(
        pair=f"Пара №{pair.id}", people=people, days=notification.payload.get("days", "")
    )
    return Notice(text, stalled(pair.id))


async def _pulse(
    session: AsyncSession,
    _notification: Notification,
    _person: Person,
    _now: datetime,
    subject: tuple[Pair, date],
) -> Notice:
    pair, pulse_day = subject
    mentor = await _names(session, [pair.mentor_id])
    text = pulse_texts.PULSE_QUESTION.format(mentor=mentor, pair=pair.id)
    return Notice(text, pulse_steps(pair.id, pulse_day))


async def _survey(
    _session: AsyncSession,
    notification: Notification,
    _person: Person,
    _now: datetime,
    subject: tuple[Pair, surveys.Questionnaire],
) -> Notice:
    pair, current = subject
    text = survey_texts.SURVEY_INVITE.format(
        audience=survey_texts.AUDIENCE_NAMES[current.audience],
        milestone=survey_texts.MILESTONE_NAMES[current.milestone],
        pair=pair.id,
        count=len(current.questions),
        anonymous=survey_texts.SURVEY_ANONYMOUS if current.anonymous else "",
    )
    if notification.kind == Kind.SURVEY_REMINDER:
        text = f"{survey_texts.SURVEY_REMIND}\n{text}"
    return Notice(text, survey_start(pair.id, current.milestone))


async def _notice(
    _session: AsyncSession, notification: Notification, _person: Person, _now: datetime, _: bool
) -> Notice:
    """A notice was rendered when it happened (`bot.delivery.deliver`)."""
    payload = notification.payload
    markup = payload.get("markup")
    return Notice(
        payload["text"],
        InlineKeyboardMarkup.model_validate(markup) if markup else None,
        payload.get("file_id"),
        payload.get("file_kind"),
    )


async def _announcement(
    _session: AsyncSession,
    _notification: Notification,
    _person: Person,
    _now: datetime,
    announcement: Announcement,
) -> Notice:
    return Notice(
        message_of(announcement),
        None,
        announcement.file_id,
        "document" if announcement.file_id else None,
    )


def message_of(announcement: Announcement) -> str:
    """An announcement as its recipients see it (and its author before sending)."""
    return announcement_texts.MESSAGE.format(
        scope=esc(announcement.scope_name),
        text=esc(announcement.text),
        author=esc(announcement.author_name),
    )


_MEETING = Reminder(relevance.meeting, _meeting)
_GOAL = Reminder(relevance.goal, _goal)
_ACTIVITY = Reminder(relevance.activity, _activity)
_HELP = Reminder(relevance.help_request, _help)
REMINDERS: dict[Kind, Reminder[Any]] = {
    Kind.MEETING_DAY: _MEETING,
    Kind.MEETING_HOUR: _MEETING,
    Kind.MEETING_LOG: _MEETING,
    Kind.MEETING_RATE: _MEETING,
    Kind.GOAL_SOON: _GOAL,
    Kind.GOAL_TODAY: _GOAL,
    Kind.GOAL_OVERDUE: _GOAL,
    Kind.ACTIVITY_SOON: _ACTIVITY,
    Kind.ACTIVITY_TODAY: _ACTIVITY,
    Kind.ACTIVITY_OVERDUE: _ACTIVITY,
    Kind.HELP_ESCALATED: _HELP,
    Kind.HELP_NUDGE: _HELP,
    Kind.NO_MEETING: Reminder(relevance.quiet_pair, _no_meeting),
    Kind.MENTOR_DIGEST: Reminder(relevance.always, _digest),
    Kind.CURATOR_WEEKLY: Reminder(relevance.always, _curator_weekly),
    Kind.PROGRAMME_ENDING: Reminder(relevance.active_pair, _programme_ending),
    Kind.STAFF_LIST: Reminder(relevance.always, _staff_list),
    Kind.PAIR_STALLED: Reminder(relevance.active_pair, _pair_stalled),
    Kind.PULSE: Reminder(relevance.pulse_due, _pulse),
    Kind.SURVEY: Reminder(relevance.survey_due, _survey),
    Kind.SURVEY_REMINDER: Reminder(relevance.survey_due, _survey),
    Kind.NOTICE: Reminder(relevance.always, _notice),
    Kind.PROGRAMME_UPDATE: Reminder(relevance.active_pair, _programme_update),
    Kind.ANNOUNCEMENT: Reminder(relevance.announcement, _announcement),
}


async def render(
    session: AsyncSession, notification: Notification, person: Person, now: datetime
) -> Notice | None:
    """What to send now, or None when the reminder lost its point (or its kind is unknown)."""
    try:
        reminder = REMINDERS[Kind(notification.kind)]
    except ValueError:  # a kind of an older version, queued before an upgrade
        return None
    subject = await reminder.check(session, notification, now)
    if subject is None:
        return None
    return await reminder.render(session, notification, person, now, subject)
