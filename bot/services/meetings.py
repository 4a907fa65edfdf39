"""Meetings of a pair or group: the mentor schedules one (when, format, topic) for a mentee or
the whole group; mentees confirm or ask to move it; either side moves or cancels it; the mentor
logs it afterwards (held or not, duration, what was discussed, agreements, the difficulties and
activities it touched) or records one after the fact; mentees rate it 1–5 (the satisfaction
measure of the monitoring); both sides see their history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, delete, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import pairs, validation
from bot.services.access import Actor
from bot.services.errors import AccessDenied, NotFound, ValidationFailed
from bot.services.pagination import Page, paginate
from bot.texts import meetings as texts
from bot.texts.pairs import PAIR_BAD_SCORE, PAIR_NO_MENTEES
from models import (
    Difficulty,
    Meeting,
    MeetingParticipant,
    Pair,
    Person,
    Programme,
    ProgrammeActivity,
    meeting_activities,
    meeting_difficulties,
    utcnow,
)
from models.enums import (
    ActivityStatus,
    Attendance,
    DifficultyStatus,
    MeetingFormat,
    MeetingStatus,
    MentorshipKind,
    Role,
)

TOPIC_MAX = 300
NOTES_MAX = 2000
COMMENT_MAX = 1000
DURATION_CHOICES = (30, 45, 60, 90)
TOUCHABLE_SHOWN = 12  # difficulties and activities offered as «touched» buttons, each


@dataclass(frozen=True, slots=True)
class MeetingView:
    """A meeting with its pair and the people it concerns, for rendering and checks."""

    meeting: Meeting
    pair: pairs.PairView
    participants: list[Person]

    @property
    def mentor(self) -> Person:
        return self.pair.mentor

    def attending(self) -> list[Person]:
        """Participants who did not decline: who is asked to rate the meeting."""
        declined = {
            p.person_id for p in self.meeting.participants if p.attendance is Attendance.DECLINED
        }
        return [person for person in self.participants if person.id not in declined]

    def participant(self, person_id: int) -> MeetingParticipant | None:
        return next((p for p in self.meeting.participants if p.person_id == person_id), None)

    def others(self, person_id: int) -> list[Person]:
        """Everyone the meeting concerns except the one acting: whom to tell of a change."""
        people = [self.mentor, *self.participants]
        return [person for person in people if person.id != person_id]


@dataclass(frozen=True, slots=True)
class Touchable:
    """A difficulty or programme activity a logged meeting may mark as touched."""

    kind: str  # "difficulty" | "activity"
    id: int
    label: str


async def _pair_as_mentor(session: AsyncSession, actor: Actor, pair_id: int) -> pairs.PairView:
    loaded = await pairs.get_pair(session, actor, pair_id)
    if actor.require_person().id != loaded.mentor.id:
        raise AccessDenied(texts.MEETING_MENTOR_ONLY)
    pairs.require_working(loaded.pair)
    if not loaded.mentees:
        raise ValidationFailed(PAIR_NO_MENTEES)
    return loaded


async def check_can_plan(session: AsyncSession, actor: Actor, pair_id: int) -> pairs.PairView:
    """Only the mentor of an active pair or group plans and records its meetings (a speed
    pair's one meeting only)."""
    loaded = await _pair_as_mentor(session, actor, pair_id)
    await _one_meeting_of_speed(session, loaded)
    return loaded


def _chosen_mentees(loaded: pairs.PairView, mentee_ids: Sequence[int]) -> list[Person]:
    by_id = {mentee.id: mentee for mentee in loaded.mentees}
    chosen = [by_id[i] for i in dict.fromkeys(mentee_ids) if i in by_id]
    if not chosen or len(chosen) != len(set(mentee_ids)):
        raise ValidationFailed(texts.MEETING_BAD_PARTICIPANTS)
    return chosen


async def check_participants(
    session: AsyncSession, actor: Actor, pair_id: int, mentee_ids: Sequence[int]
) -> None:
    _chosen_mentees(await _pair_as_mentor(session, actor, pair_id), mentee_ids)


def topic(text: str | None) -> str:
    return validation.short_text(text, field="Тема", maximum=TOPIC_MAX)


def notes(text: str | None, field: str) -> str:
    return validation.short_text(text, field=field, maximum=NOTES_MAX)


def when(loaded: pairs.PairView, at: datetime, now: datetime, *, past: bool = False) -> datetime:
    """A meeting time checked against now and the pair's period (a past meeting cannot be
    before the pair began)."""
    validation.checked_moment(at, now, past=past)
    timezone = loaded.mentor.organization.timezone
    if past and pairs.local_today(timezone, at) < loaded.pair.starts_on:
        raise ValidationFailed(
            texts.MEETING_BEFORE_PAIR.format(starts=loaded.pair.starts_on.strftime("%d.%m.%Y"))
        )
    return at


async def schedule(
    session: AsyncSession,
    actor: Actor,
    pair_id: int,
    *,
    mentee_ids: Sequence[int],
    starts_at: datetime,
    meeting_format: MeetingFormat,
    link: str | None,
    topic_text: str,
) -> MeetingView:
    loaded = await _pair_as_mentor(session, actor, pair_id)
    mentees = _chosen_mentees(loaded, mentee_ids)
    when(loaded, starts_at, utcnow())
    await _one_meeting_of_speed(session, loaded)
    meeting = Meeting(
        pair_id=pair_id,
        starts_at=starts_at,
        format=meeting_format,
        link=validation.url(link) if meeting_format is MeetingFormat.ONLINE else None,
        topic=topic(topic_text),
        status=MeetingStatus.SCHEDULED,
        created_by_id=loaded.mentor.id,
        mentor_id=loaded.mentor.id,
        participants=[MeetingParticipant(person_id=mentee.id) for mentee in mentees],
    )
    session.add(meeting)
    await session.flush()
    return MeetingView(meeting=meeting, pair=loaded, participants=mentees)


async def _one_meeting_of_speed(session: AsyncSession, loaded: pairs.PairView) -> None:
    """A speed pair is one meeting: another is refused while one is planned or was held."""
    if loaded.pair.kind is not MentorshipKind.SPEED:
        return
    taken = await session.scalar(
        select(Meeting.id).where(
            Meeting.pair_id == loaded.pair.id,
            Meeting.status.in_([MeetingStatus.SCHEDULED, MeetingStatus.HELD]),
        )
    )
    if taken is not None:
        raise ValidationFailed(texts.MEETING_SPEED_ONE)


async def get(session: AsyncSession, actor: Actor, meeting_id: int) -> MeetingView:
    """A meeting seen by its mentor, its participants, and the curator of the organisation."""
    person = actor.require_person()
    meeting = await session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound(texts.MEETING_NOT_FOUND)
    loaded = await pairs.get_pair(session, actor, meeting.pair_id)
    participant_ids = [p.person_id for p in meeting.participants]
    participants = list(
        await session.scalars(
            select(Person).where(Person.id.in_(participant_ids)).order_by(Person.full_name)
        )
    )
    view = MeetingView(meeting=meeting, pair=loaded, participants=participants)
    if person.id != loaded.mentor.id and person.id not in participant_ids:
        actor.require_curator()
    return view


def _require_open(view: MeetingView) -> None:
    if view.meeting.status is not MeetingStatus.SCHEDULED:
        raise ValidationFailed(texts.MEETING_NOT_SCHEDULED)


async def _as_side(session: AsyncSession, actor: Actor, meeting_id: int) -> MeetingView:
    """A scheduled meeting, for its mentor or one of its participants to act on."""
    view = await get(session, actor, meeting_id)
    person = actor.require_person()
    if person.id != view.mentor.id and view.participant(person.id) is None:
        raise AccessDenied(texts.MEETING_NOT_YOURS)
    _require_open(view)
    return view


async def answer(
    session: AsyncSession, actor: Actor, meeting_id: int, attendance: Attendance
) -> MeetingView:
    """A participant confirms the meeting, asks to move it, or declines it (a group meeting
    goes on for the others)."""
    view, entry = await check_can_answer(session, actor, meeting_id)
    entry.attendance = attendance
    await session.flush()
    return view


async def check_can_answer(
    session: AsyncSession, actor: Actor, meeting_id: int
) -> tuple[MeetingView, MeetingParticipant]:
    view = await _as_side(session, actor, meeting_id)
    entry = view.participant(actor.require_person().id)
    if entry is None:
        raise AccessDenied(texts.MEETING_PARTICIPANT_ONLY)
    if view.meeting.starts_at <= utcnow():
        raise ValidationFailed(texts.MEETING_ALREADY_STARTED)
    return view, entry


def comment(text: str | None) -> str:
    return validation.short_text(text, field="Комментарий", maximum=COMMENT_MAX)


async def check_can_change(session: AsyncSession, actor: Actor, meeting_id: int) -> MeetingView:
    """The mentor moves or cancels a meeting; a mentee only one that is theirs alone (in a group
    meeting a mentee asks to move it or declines instead)."""
    view = await _as_side(session, actor, meeting_id)
    person = actor.require_person()
    if person.id != view.mentor.id:
        if len(view.meeting.participants) > 1:
            raise AccessDenied(texts.MEETING_GROUP_MENTOR_CHANGES)
        if view.meeting.starts_at <= utcnow():
            raise ValidationFailed(texts.MEETING_ALREADY_STARTED)
    return view


async def move(
    session: AsyncSession, actor: Actor, meeting_id: int, starts_at: datetime
) -> MeetingView:
    """A new time: everyone else is asked to confirm again."""
    view = await check_can_change(session, actor, meeting_id)
    when(view.pair, starts_at, utcnow())
    if starts_at == view.meeting.starts_at:
        raise ValidationFailed(texts.MEETING_SAME_TIME)
    view.meeting.starts_at = starts_at
    mover = actor.require_person().id
    for entry in view.meeting.participants:
        entry.attendance = Attendance.CONFIRMED if entry.person_id == mover else Attendance.PENDING
    await session.flush()
    return view


async def cancel(session: AsyncSession, actor: Actor, meeting_id: int) -> MeetingView:
    view = await check_can_change(session, actor, meeting_id)
    view.meeting.status = MeetingStatus.CANCELLED
    await session.flush()
    return view


async def check_can_log(session: AsyncSession, actor: Actor, meeting_id: int) -> MeetingView:
    view = await get(session, actor, meeting_id)
    if actor.require_person().id != view.mentor.id:
        raise AccessDenied(texts.MEETING_MENTOR_ONLY)
    _require_open(view)
    if view.meeting.starts_at > utcnow():
        raise ValidationFailed(texts.MEETING_NOT_STARTED)
    return view


async def touchable(session: AsyncSession, pair: pairs.PairView) -> list[Touchable]:
    """The mentees' open difficulties and the programme's activities a meeting may touch."""
    difficulties = await session.scalars(
        select(Difficulty)
        .where(
            Difficulty.mentee_id.in_([m.id for m in pair.mentees]),
            Difficulty.status != DifficultyStatus.OVERCOME,
        )
        .order_by(Difficulty.created_at.desc(), Difficulty.id.desc())
        .limit(TOUCHABLE_SHOWN)
    )
    activities = await session.scalars(
        select(ProgrammeActivity)
        .join(Programme, Programme.id == ProgrammeActivity.programme_id)
        .where(
            Programme.pair_id == pair.pair.id,
            ProgrammeActivity.status != ActivityStatus.CANCELLED,
        )
        .order_by(ProgrammeActivity.due_on, ProgrammeActivity.id)
        .limit(TOUCHABLE_SHOWN)
    )
    return [Touchable("difficulty", d.id, d.description) for d in difficulties] + [
        Touchable("activity", a.id, a.title) for a in activities
    ]


@dataclass(frozen=True, slots=True)
class Report:
    """What the mentor says of a meeting that was held."""

    duration_minutes: int
    summary: str
    agreements: str
    touched: Sequence[tuple[str, int]]  # ("difficulty" | "activity", id)


async def _record(session: AsyncSession, view: MeetingView, report: Report) -> None:
    allowed = {(item.kind, item.id) for item in await touchable(session, view.pair)}
    chosen = [item for item in dict.fromkeys(map(tuple, report.touched)) if item in allowed]
    meeting = view.meeting
    meeting.status = MeetingStatus.HELD
    meeting.duration_minutes = validation.minutes_in_range(report.duration_minutes)
    meeting.summary = notes(report.summary, "Что обсуждали")
    meeting.agreements = notes(report.agreements, "Договорённости")
    meeting.logged_at = utcnow()
    await session.flush()
    await session.execute(
        delete(meeting_difficulties).where(meeting_difficulties.c.meeting_id == meeting.id)
    )
    await session.execute(
        delete(meeting_activities).where(meeting_activities.c.meeting_id == meeting.id)
    )
    difficulties = [
        {"meeting_id": meeting.id, "difficulty_id": i} for k, i in chosen if k == "difficulty"
    ]
    activities = [
        {"meeting_id": meeting.id, "activity_id": i} for k, i in chosen if k == "activity"
    ]
    if difficulties:
        await session.execute(insert(meeting_difficulties), difficulties)
    if activities:
        await session.execute(insert(meeting_activities), activities)
    if view.pair.pair.kind is MentorshipKind.SPEED:  # its one meeting held: the pair is done
        pairs.close(view.pair.pair, completed=True)
        await session.flush()


async def log_held(
    session: AsyncSession, actor: Actor, meeting_id: int, report: Report
) -> MeetingView:
    view = await check_can_log(session, actor, meeting_id)
    await _record(session, view, report)
    return view


async def log_not_held(
    session: AsyncSession, actor: Actor, meeting_id: int, reason: str | None
) -> MeetingView:
    view = await check_can_log(session, actor, meeting_id)
    view.meeting.status = MeetingStatus.NOT_HELD
    view.meeting.summary = validation.short_text(reason, field="Причина", maximum=COMMENT_MAX)
    view.meeting.logged_at = utcnow()
    await session.flush()
    return view


async def record_past(
    session: AsyncSession,
    actor: Actor,
    pair_id: int,
    *,
    mentee_ids: Sequence[int],
    starts_at: datetime,
    meeting_format: MeetingFormat,
    topic_text: str,
    report: Report,
) -> MeetingView:
    """A meeting that was held without being scheduled in the bot, logged after the fact."""
    loaded = await _pair_as_mentor(session, actor, pair_id)
    mentees = _chosen_mentees(loaded, mentee_ids)
    when(loaded, starts_at, utcnow(), past=True)
    await _one_meeting_of_speed(session, loaded)
    meeting = Meeting(
        pair_id=pair_id,
        starts_at=starts_at,
        format=meeting_format,
        topic=topic(topic_text),
        status=MeetingStatus.SCHEDULED,
        created_by_id=loaded.mentor.id,
        mentor_id=loaded.mentor.id,
        participants=[
            MeetingParticipant(person_id=mentee.id, attendance=Attendance.CONFIRMED)
            for mentee in mentees
        ],
    )
    session.add(meeting)
    await session.flush()
    view = MeetingView(meeting=meeting, pair=loaded, participants=mentees)
    await _record(session, view, report)
    return view


async def touched_labels(session: AsyncSession, meeting_id: int) -> list[str]:
    difficulties = await session.scalars(
        select(Difficulty.description)
        .join(meeting_difficulties, meeting_difficulties.c.difficulty_id == Difficulty.id)
        .where(meeting_difficulties.c.meeting_id == meeting_id)
    )
    activities = await session.scalars(
        select(ProgrammeActivity.title)
        .join(meeting_activities, meeting_activities.c.activity_id == ProgrammeActivity.id)
        .where(meeting_activities.c.meeting_id == meeting_id)
    )
    return list(difficulties) + list(activities)


async def check_can_rate(
    session: AsyncSession, actor: Actor, meeting_id: int, score: int
) -> tuple[MeetingView, MeetingParticipant]:
    view = await get(session, actor, meeting_id)
    entry = view.participant(actor.require_person().id)
    if entry is None:
        raise AccessDenied(texts.MEETING_PARTICIPANT_ONLY)
    if entry.attendance is Attendance.DECLINED:
        raise ValidationFailed(texts.MEETING_DECLINED_NO_RATING)
    if view.meeting.status is not MeetingStatus.HELD:
        raise ValidationFailed(texts.MEETING_NOT_HELD_YET)
    if score not in range(1, 6):
        raise ValidationFailed(PAIR_BAD_SCORE)
    if entry.rating is not None:
        raise ValidationFailed(texts.MEETING_ALREADY_RATED)
    return view, entry


async def rate(session: AsyncSession, actor: Actor, meeting_id: int, score: int) -> MeetingView:
    view, entry = await check_can_rate(session, actor, meeting_id, score)
    entry.rating = score
    entry.rated_at = utcnow()
    await session.flush()
    return view


async def comment_rating(
    session: AsyncSession, actor: Actor, meeting_id: int, text: str | None
) -> MeetingView:
    """The optional comment that follows a rating, once."""
    view = await get(session, actor, meeting_id)
    entry = view.participant(actor.require_person().id)
    if entry is None or entry.rating is None:
        raise ValidationFailed(texts.MEETING_RATE_FIRST)
    if entry.rating_comment is not None:
        raise ValidationFailed(texts.MEETING_ALREADY_RATED)
    entry.rating_comment = comment(text)
    await session.flush()
    return view


async def history(
    session: AsyncSession, actor: Actor, page: int, pair_id: int | None = None
) -> Page[Meeting]:
    """Meetings of one pair (for anyone who may see the pair), or all of one's own meetings as
    mentor or participant; the latest first."""
    person = actor.require_person()
    mine = select(MeetingParticipant.meeting_id).where(MeetingParticipant.person_id == person.id)
    if pair_id is not None:
        loaded = await pairs.get_pair(session, actor, pair_id)
        condition = Meeting.pair_id == pair_id
        if person.id != loaded.mentor.id and Role.CURATOR not in person.role_set:
            # a mentee of a group sees the group's meetings they take part in, not the
            # one-to-one meetings of the others
            condition = and_(condition, Meeting.id.in_(mine))
    else:
        led = select(Pair.id).where(Pair.mentor_id == person.id)
        condition = or_(Meeting.id.in_(mine), Meeting.pair_id.in_(led))
    statement = select(Meeting).where(condition).order_by(Meeting.starts_at.desc(), Meeting.id)
    return await paginate(session, statement, page)
