"""Meetings: scheduling (whom, day and time by buttons or typed, format, link, topic), the
invitation with confirm / ask-to-move, moving and cancelling by either side, the mentor's log
(held or not, duration, discussion, agreements, touched difficulties and activities), recording
a meeting after the fact, the mentees' 1–5 rating with a comment, and the history."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from aiogram import F
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession
from typing_extensions import TypedDict

from bot.callbacks.common import SkipCb
from bot.callbacks.meetings import (
    MeetingAction,
    MeetingCb,
    MeetingDayCb,
    MeetingDurationCb,
    MeetingFormatCb,
    MeetingRateCb,
    MeetingTimeCb,
    MeetingTouchCb,
    MeetingTouchKind,
    MeetingWhomCb,
    PairMeetingsAction,
    PairMeetingsCb,
)
from bot.delivery import deliver
from bot.dialogue import (
    Dialogue,
    DialogueLost,
    NotWhatTheStepTakes,
    Step,
    TypedChoice,
    typed_choice,
)
from bot.keyboards import meetings as keyboards
from bot.keyboards.common import cancel, skip
from bot.replies import Say, anew, answer_quietly, ask_for_text, edit, in_place, send
from bot.routing import Handlers
from bot.services import meetings, pairs, validation
from bot.services.access import Actor
from bot.services.errors import ValidationFailed
from bot.texts import meetings as texts
from bot.texts.common import BUTTON_DONE, BUTTON_SKIP
from bot.texts.validation import VALIDATION_DATE, VALIDATION_TIME
from bot.texts.vocabulary import (
    ATTENDANCE_NAMES,
    MEETING_FORMAT_NAMES,
    MEETING_STATUS_ICONS,
    MEETING_STATUS_NAMES,
    WEEKDAY_SHORT,
    esc,
    fit,
    local_time,
    shorten,
)
from handlers.pairs import ask_reflections, pair_title
from models import utcnow
from models.enums import Attendance, MeetingFormat, MeetingStatus, PairStatus

handlers = Handlers("meetings")


class MeetingForm(StatesGroup):
    """Scheduling a meeting, or recording one held without being scheduled (`past`)."""

    whom = Step(texts.EXPECT_WHOM, starts=True)
    day = Step(texts.EXPECT_DAY, starts=True)
    time = Step(texts.EXPECT_TIME)
    format = Step(texts.EXPECT_FORMAT)
    link = Step(texts.EXPECT_LINK)
    topic = Step(texts.EXPECT_TOPIC)


class MeetingLog(StatesGroup):
    """The mentor's report of a meeting (also the second half of recording a past one)."""

    reason = Step(texts.EXPECT_NOT_HELD_REASON, starts=True)
    duration = Step(texts.EXPECT_DURATION, starts=True)
    summary = Step(texts.EXPECT_SUMMARY)
    agreements = Step(texts.EXPECT_AGREEMENTS)
    touched = Step(texts.EXPECT_TOUCHED)


class MeetingChange(StatesGroup):
    day = Step(texts.EXPECT_NEW_DAY, starts=True)
    time = Step(texts.EXPECT_NEW_TIME)
    move_comment = Step(texts.EXPECT_MOVE_COMMENT, starts=True)
    rating_comment = Step(texts.EXPECT_RATING_COMMENT, starts=True)


class MeetingData(TypedDict, total=False):
    """What the meeting dialogues keep: a new or past meeting's answers (with its pair), or the
    meeting being moved, reported or rated, and the report's answers."""

    pair_id: int
    past: bool
    mentee_ids: list[int]
    day: date
    starts_at: datetime
    format: MeetingFormat
    link: str
    topic: str
    meeting_id: int
    duration: int
    summary: str
    agreements: str
    touched: list[tuple[str, int]]  # (kind, id) of the difficulties and activities discussed


MEETING = Dialogue(MeetingData)
DAY_STATES = StateFilter(MeetingForm.day, MeetingChange.day)
TIME_STATES = StateFilter(MeetingForm.time, MeetingChange.time)

ANSWER = F.text & ~F.text.startswith("/")
DAYS_OFFERED = 7
TIMES_OFFERED = [hour * 60 for hour in range(8, 20)]
# A card holds 4096 characters: long notes and comments show their beginning, and what does
# not fit after them is left for the history.
NOTES_SHOWN = 900
COMMENT_SHOWN = 200


# --- rendering --------------------------------------------------------------------------------


def _timezone(actor: Actor) -> str:
    return actor.require_person().organization.timezone


def _when(view: meetings.MeetingView) -> str:
    return local_time(view.meeting.starts_at, view.mentor.organization.timezone)


def _facts(view: meetings.MeetingView) -> dict[str, str]:
    """What every notice about a meeting names: topic, time, zone, format and link."""
    meeting = view.meeting
    link = texts.MEETING_CARD_LINK.format(link=esc(meeting.link)) if meeting.link else ""
    return {
        "topic": esc(meeting.topic),
        "when": _when(view),
        "timezone": view.mentor.organization.timezone,
        "format": MEETING_FORMAT_NAMES[meeting.format],
        "link": link,
    }


async def render_meeting(
    session: AsyncSession, actor: Actor, view: meetings.MeetingView
) -> tuple[str, InlineKeyboardMarkup]:
    meeting = view.meeting
    facts = _facts(view)
    text = texts.MEETING_CARD.format(
        icon=MEETING_STATUS_ICONS[meeting.status],
        pair=pair_title(view.pair),
        mentor=esc(view.mentor.full_name),
        status=MEETING_STATUS_NAMES[meeting.status],
        **facts,
    )
    for person in view.participants:
        entry = view.participant(person.id)
        assert entry is not None
        text += texts.MEETING_CARD_PARTICIPANT.format(
            name=esc(person.full_name), attendance=ATTENDANCE_NAMES[entry.attendance]
        )
        if entry.rating is not None:
            text += texts.MEETING_CARD_RATING.format(rating=entry.rating)
    parts: list[str] = []
    if meeting.status is MeetingStatus.HELD:
        parts.append(
            texts.MEETING_CARD_REPORT.format(
                duration=meeting.duration_minutes,
                summary=esc(shorten(meeting.summary or "", NOTES_SHOWN)),
                agreements=esc(shorten(meeting.agreements or "", NOTES_SHOWN)),
            )
        )
        touched = await meetings.touched_labels(session, meeting.id)
        if touched:
            items = "; ".join(esc(shorten(label, 60)) for label in touched)
            parts.append(texts.MEETING_CARD_TOUCHED.format(items=items))
        for person in view.participants:
            entry = view.participant(person.id)
            if entry is not None and entry.rating_comment:
                parts.append(
                    texts.MEETING_CARD_COMMENT.format(
                        name=esc(person.full_name),
                        comment=esc(shorten(entry.rating_comment, COMMENT_SHOWN)),
                    )
                )
    elif meeting.status is MeetingStatus.NOT_HELD:
        parts.append(texts.MEETING_CARD_NOT_HELD.format(reason=esc(meeting.summary or "")))
    text = fit(text, parts)
    return text, _card_buttons(actor, view)


def _card_buttons(actor: Actor, view: meetings.MeetingView) -> InlineKeyboardMarkup:
    person = actor.require_person()
    meeting = view.meeting
    scheduled = meeting.status is MeetingStatus.SCHEDULED
    ahead = scheduled and meeting.starts_at > utcnow()
    entry = view.participant(person.id)
    is_mentor = person.id == view.mentor.id
    alone = len(meeting.participants) == 1
    return keyboards.meeting_card(
        meeting.id,
        meeting.pair_id,
        answer=entry is not None and ahead,
        change=scheduled and (is_mentor or (entry is not None and alone and ahead)),
        decline=entry is not None and ahead and not alone,
        log=is_mentor and scheduled and not ahead,
        rate=entry is not None
        and meeting.status is MeetingStatus.HELD
        and entry.rating is None
        and entry.attendance is not Attendance.DECLINED,
    )


async def render_history(
    session: AsyncSession, actor: Actor, pair_id: int, page_number: int
) -> tuple[str, InlineKeyboardMarkup]:
    page = await meetings.history(session, actor, page_number, pair_id or None)
    timezone = _timezone(actor)
    label = ""
    if pair_id:
        loaded = await pairs.get_pair(session, actor, pair_id)
        label = texts.MEETING_HISTORY_PAIR.format(pair=pair_title(loaded))
        led = [(pair_id, "")] if actor.require_person().id == loaded.mentor.id else []
    else:  # all one's meetings: scheduling is a tap away for each pair one leads
        led = await pairs.my_active_pairs(session, actor, as_mentor_only=True)
    if not page.total:
        text = texts.MEETING_HISTORY_EMPTY
    else:
        lines = [
            texts.MEETING_HISTORY_HEADER.format(
                pair=label, total=page.total, page=page.number + 1, pages=page.pages
            )
        ]
        for offset, meeting in enumerate(page.items):
            lines.append(
                texts.MEETING_LINE.format(
                    number=page.first + offset,
                    icon=MEETING_STATUS_ICONS[meeting.status],
                    when=local_time(meeting.starts_at, timezone),
                    topic=esc(shorten(meeting.topic, 80)),
                )
            )
        text = "\n".join(lines)
    labels = [(m.id, f"{local_time(m.starts_at, timezone)[:5]} {m.topic}") for m in page.items]
    markup = keyboards.meetings_list(page, labels, pair_id, led)
    return text, markup


# --- history and the card ---------------------------------------------------------------------


@handlers.message(Command("meetings"))
async def meetings_command(message: Message, session: AsyncSession, actor: Actor) -> None:
    text, markup = await render_history(session, actor, 0, 0)
    await message.answer(text, reply_markup=markup)


@handlers.callback_query(PairMeetingsCb.filter(F.action == PairMeetingsAction.LIST))
async def history_page(
    callback: CallbackQuery, callback_data: PairMeetingsCb, session: AsyncSession, actor: Actor
) -> None:
    text, markup = await render_history(session, actor, callback_data.pair_id, callback_data.page)
    await answer_quietly(callback)
    await edit(callback, text, markup)


@handlers.callback_query(MeetingCb.filter(F.action == MeetingAction.OPEN))
async def open_meeting(
    callback: CallbackQuery, callback_data: MeetingCb, session: AsyncSession, actor: Actor
) -> None:
    view = await meetings.get(session, actor, callback_data.meeting_id)
    text, markup = await render_meeting(session, actor, view)
    await answer_quietly(callback)
    await edit(callback, text, markup)


async def _show(
    target: Message, session: AsyncSession, actor: Actor, view: meetings.MeetingView
) -> None:
    text, markup = await render_meeting(session, actor, view)
    await target.answer(text, reply_markup=markup)


# --- scheduling and recording: whom, when, format, link, topic --------------------------------


@handlers.callback_query(
    PairMeetingsCb.filter(F.action.in_({PairMeetingsAction.NEW, PairMeetingsAction.PAST}))
)
async def start_form(
    callback: CallbackQuery,
    callback_data: PairMeetingsCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    loaded = await meetings.check_can_plan(session, actor, callback_data.pair_id)
    await state.clear()
    past = callback_data.action is PairMeetingsAction.PAST
    await MEETING.set(state, {"pair_id": loaded.pair.id, "past": past})
    if len(loaded.mentees) > 1:
        await state.set_state(MeetingForm.whom)
        mentees = [(mentee.id, mentee.full_name) for mentee in loaded.mentees]
        await send(callback, texts.MEETING_ASK_WHOM, keyboards.meeting_whom(mentees))
        return
    await MEETING.update(state, {"mentee_ids": [loaded.mentees[0].id]})
    text, markup = await _ask_day(state, actor, MeetingForm.day)
    await send(callback, text, markup)


async def _whom_chosen(
    say: Say, mentee_id: int, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    """One mentee of the group, or 0: the whole group."""
    pair_id = (await MEETING.get(state, "pair_id"))["pair_id"]
    if mentee_id:
        mentee_ids = [mentee_id]
        await meetings.check_participants(session, actor, pair_id, mentee_ids)
    else:
        loaded = await meetings.check_can_plan(session, actor, pair_id)
        mentee_ids = [mentee.id for mentee in loaded.mentees]
    await MEETING.update(state, {"mentee_ids": mentee_ids})
    text, markup = await _ask_day(state, actor, MeetingForm.day)
    await say(text, markup)


@handlers.callback_query(StateFilter(MeetingForm.whom), MeetingWhomCb.filter())
async def whom_chosen(
    callback: CallbackQuery,
    callback_data: MeetingWhomCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await _whom_chosen(in_place(callback), callback_data.mentee_id, state, session, actor)


@handlers.message(StateFilter(MeetingForm.whom), ANSWER)
async def whom_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    pair_id = (await MEETING.get(state, "pair_id"))["pair_id"]
    loaded = await meetings.check_can_plan(session, actor, pair_id)
    choices = {0: texts.MEETING_WHOLE_GROUP} | {m.id: m.full_name for m in loaded.mentees}
    chosen = typed_choice(message.text, choices)
    if chosen is None:
        raise NotWhatTheStepTakes(MeetingForm.whom)
    await _whom_chosen(anew(message), chosen, state, session, actor)


async def _ask_day(
    state: FSMContext, actor: Actor, day_state: State
) -> tuple[str, InlineKeyboardMarkup]:
    past = (await MEETING.get(state)).get("past", False)
    timezone = _timezone(actor)
    today = pairs.local_today(timezone)
    step = -1 if past else 1
    days = [today + timedelta(days=step * offset) for offset in range(DAYS_OFFERED)]
    await state.set_state(day_state)
    prompt = texts.MEETING_ASK_PAST_DAY if past else texts.MEETING_ASK_DAY
    return prompt.format(timezone=timezone), keyboards.meeting_days(days)


@handlers.message(DAY_STATES, ANSWER)
async def day_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    past = (await MEETING.get(state)).get("past", False)
    at = validation.moment(message.text, utcnow(), _timezone(actor), past=past)
    await _when_chosen(message, state, session, actor, at)


@handlers.callback_query(DAY_STATES, MeetingDayCb.filter())
async def day_chosen(
    callback: CallbackQuery, callback_data: MeetingDayCb, state: FSMContext, actor: Actor
) -> None:
    try:
        day = datetime.strptime(str(callback_data.day), "%Y%m%d").date()
    except ValueError:
        raise ValidationFailed(VALIDATION_DATE) from None
    await MEETING.update(state, {"day": day})
    current = await state.get_state()
    await state.set_state(
        MeetingChange.time if current == MeetingChange.day.state else MeetingForm.time
    )
    label = f"{WEEKDAY_SHORT[day.weekday()]} {day:%d.%m.%Y}"
    await answer_quietly(callback)
    await edit(
        callback,
        texts.MEETING_ASK_TIME.format(day=label),
        keyboards.meeting_times(TIMES_OFFERED),
    )


def _on_day(day: date, at: time, timezone: str) -> datetime:
    return datetime.combine(day, at, tzinfo=ZoneInfo(timezone)).astimezone(ZoneInfo("UTC"))


@handlers.message(TIME_STATES, ANSWER)
async def time_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    data = await MEETING.get(state, "day")
    at = _on_day(data["day"], validation.clock_time(message.text), _timezone(actor))
    await _when_chosen(message, state, session, actor, at)


@handlers.callback_query(TIME_STATES, MeetingTimeCb.filter())
async def time_chosen(
    callback: CallbackQuery,
    callback_data: MeetingTimeCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    data = await MEETING.get(state, "day")
    hours, minutes = divmod(callback_data.minute, 60)
    if not 0 <= hours < 24:
        raise ValidationFailed(VALIDATION_TIME)
    at = _on_day(data["day"], time(hours, minutes), _timezone(actor))
    await answer_quietly(callback)
    assert isinstance(callback.message, Message)
    await _when_chosen(callback.message, state, session, actor, at)


async def _when_chosen(
    target: Message,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
    at: datetime,
) -> None:
    """The day and time are known: move the meeting, or go on to the format."""
    moving = await state.get_state() in {MeetingChange.day.state, MeetingChange.time.state}
    data = await MEETING.get(state, "meeting_id" if moving else "pair_id")
    if moving:
        view = await meetings.move(session, actor, data["meeting_id"], at)
        await state.clear()
        await _show(target, session, actor, view)
        notice = texts.MEETING_MOVED_NOTICE.format(
            name=esc(actor.require_person().full_name), **_facts(view)
        )
        for person in view.others(actor.require_person().id):
            markup = (
                keyboards.meeting_invitation(view.meeting.id)
                if view.participant(person.id)
                else keyboards.open_meeting(view.meeting.id)
            )
            await deliver(session, person, notice, markup)
        return
    loaded = await meetings.check_can_plan(session, actor, data["pair_id"])
    meetings.when(loaded, at, utcnow(), past=data.get("past", False))
    await MEETING.update(state, {"starts_at": at})
    await state.set_state(MeetingForm.format)
    await target.answer(texts.MEETING_ASK_FORMAT, reply_markup=keyboards.meeting_formats())


async def _format_chosen(say: Say, meeting_format: MeetingFormat, state: FSMContext) -> None:
    data = await MEETING.update(state, {"format": meeting_format})
    if meeting_format is MeetingFormat.ONLINE and not data.get("past", False):
        await state.set_state(MeetingForm.link)
        await say(texts.MEETING_ASK_LINK, cancel())
        return
    await state.set_state(MeetingForm.topic)
    await say(texts.MEETING_ASK_TOPIC, cancel())


@handlers.callback_query(StateFilter(MeetingForm.format), MeetingFormatCb.filter())
async def format_chosen(
    callback: CallbackQuery, callback_data: MeetingFormatCb, state: FSMContext
) -> None:
    await _format_chosen(in_place(callback), callback_data.format, state)


@handlers.message(StateFilter(MeetingForm.format), TypedChoice(MEETING_FORMAT_NAMES))
async def format_typed(message: Message, choice: MeetingFormat, state: FSMContext) -> None:
    await _format_chosen(anew(message), choice, state)


@handlers.message(StateFilter(MeetingForm.link), ANSWER)
async def link_typed(message: Message, state: FSMContext) -> None:
    await MEETING.update(state, {"link": validation.url(message.text)})
    await state.set_state(MeetingForm.topic)
    await message.answer(texts.MEETING_ASK_TOPIC, reply_markup=cancel())


@handlers.message(StateFilter(MeetingForm.topic), ANSWER)
async def topic_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    data = await MEETING.get(state, "pair_id", "mentee_ids", "starts_at", "format")
    topic = meetings.topic(message.text)
    if data.get("past", False):
        await MEETING.update(state, {"topic": topic})
        await state.set_state(MeetingLog.duration)
        await message.answer(
            texts.MEETING_ASK_DURATION,
            reply_markup=keyboards.meeting_durations(meetings.DURATION_CHOICES),
        )
        return
    view = await meetings.schedule(
        session,
        actor,
        data["pair_id"],
        mentee_ids=data["mentee_ids"],
        starts_at=data["starts_at"],
        meeting_format=data["format"],
        link=data.get("link"),
        topic_text=topic,
    )
    await state.clear()
    await message.answer(texts.MEETING_SCHEDULED)
    await _show(message, session, actor, view)
    invitation = texts.MEETING_INVITATION.format(mentor=esc(view.mentor.full_name), **_facts(view))
    for person in view.participants:
        await deliver(session, person, invitation, keyboards.meeting_invitation(view.meeting.id))


# --- answers, moves and cancellations ---------------------------------------------------------


# What a participant's answer records, the toast they see, and what the mentor is told.
ANSWERS = {
    "confirm": (Attendance.CONFIRMED, texts.MEETING_CONFIRMED, texts.MEETING_CONFIRMED_NOTICE),
    "decline": (Attendance.DECLINED, texts.MEETING_DECLINED, texts.MEETING_DECLINED_NOTICE),
}


@handlers.callback_query(MeetingCb.filter(F.action.in_(ANSWERS)))
async def answered(
    callback: CallbackQuery,
    callback_data: MeetingCb,
    session: AsyncSession,
    actor: Actor,
) -> None:
    attendance, toast, template = ANSWERS[callback_data.action]
    view = await meetings.answer(session, actor, callback_data.meeting_id, attendance)
    await answer_quietly(callback, toast)
    text, markup = await render_meeting(session, actor, view)
    await edit(callback, text, markup)
    notice = template.format(name=esc(actor.require_person().full_name), **_facts(view))
    await deliver(session, view.mentor, notice, keyboards.open_meeting(view.meeting.id))


@handlers.callback_query(MeetingCb.filter(F.action == MeetingAction.ASK_MOVE))
async def ask_move_comment(
    callback: CallbackQuery,
    callback_data: MeetingCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    view, _ = await meetings.check_can_answer(session, actor, callback_data.meeting_id)
    prompt = texts.MEETING_ASK_MOVE_COMMENT
    data: MeetingData = {"meeting_id": view.meeting.id}
    await ask_for_text(callback, state, MeetingChange.move_comment, prompt, MEETING, data)


@handlers.message(StateFilter(MeetingChange.move_comment), ANSWER)
async def move_comment_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    meeting_id = (await MEETING.get(state, "meeting_id"))["meeting_id"]
    comment = meetings.comment(message.text)
    view = await meetings.answer(session, actor, meeting_id, Attendance.MOVE_REQUESTED)
    await state.clear()
    await message.answer(texts.MEETING_MOVE_REQUEST_SENT)
    notice = texts.MEETING_MOVE_REQUEST_NOTICE.format(
        name=esc(actor.require_person().full_name),
        comment=esc(comment),
        **_facts(view),
    )
    await deliver(session, view.mentor, notice, keyboards.open_meeting(meeting_id))


@handlers.callback_query(MeetingCb.filter(F.action == MeetingAction.MOVE))
async def start_move(
    callback: CallbackQuery,
    callback_data: MeetingCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await meetings.check_can_change(session, actor, callback_data.meeting_id)
    await state.clear()
    await MEETING.set(state, {"meeting_id": callback_data.meeting_id})
    text, markup = await _ask_day(state, actor, MeetingChange.day)
    await send(callback, text, markup)


@handlers.callback_query(MeetingCb.filter(F.action == MeetingAction.CANCEL))
async def ask_cancel(
    callback: CallbackQuery, callback_data: MeetingCb, session: AsyncSession, actor: Actor
) -> None:
    view = await meetings.check_can_change(session, actor, callback_data.meeting_id)
    await answer_quietly(callback)
    await edit(
        callback,
        texts.MEETING_CONFIRM_CANCEL.format(topic=esc(view.meeting.topic)),
        keyboards.confirm_meeting_cancel(view.meeting.id),
    )


@handlers.callback_query(MeetingCb.filter(F.action == MeetingAction.CANCEL_YES))
async def cancel_meeting(
    callback: CallbackQuery,
    callback_data: MeetingCb,
    session: AsyncSession,
    actor: Actor,
) -> None:
    view = await meetings.cancel(session, actor, callback_data.meeting_id)
    await answer_quietly(callback, texts.MEETING_CANCELLED)
    text, markup = await render_meeting(session, actor, view)
    await edit(callback, text, markup)
    person = actor.require_person()
    notice = texts.MEETING_CANCELLED_NOTICE.format(name=esc(person.full_name), **_facts(view))
    for other in view.others(person.id):
        await deliver(session, other, notice)


# --- the mentor's log -------------------------------------------------------------------------


@handlers.callback_query(MeetingCb.filter(F.action == MeetingAction.LOG))
async def ask_held(
    callback: CallbackQuery, callback_data: MeetingCb, session: AsyncSession, actor: Actor
) -> None:
    view = await meetings.check_can_log(session, actor, callback_data.meeting_id)
    await send(
        callback,
        texts.MEETING_ASK_HELD.format(topic=esc(view.meeting.topic)),
        keyboards.meeting_held(view.meeting.id),
    )


@handlers.callback_query(MeetingCb.filter(F.action == MeetingAction.HELD))
async def held(
    callback: CallbackQuery,
    callback_data: MeetingCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await meetings.check_can_log(session, actor, callback_data.meeting_id)
    await state.clear()
    await state.set_state(MeetingLog.duration)
    await MEETING.set(state, {"meeting_id": callback_data.meeting_id})
    await answer_quietly(callback)
    await edit(
        callback,
        texts.MEETING_ASK_DURATION,
        keyboards.meeting_durations(meetings.DURATION_CHOICES),
    )


@handlers.callback_query(MeetingCb.filter(F.action == MeetingAction.NOT_HELD))
async def not_held(
    callback: CallbackQuery,
    callback_data: MeetingCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await meetings.check_can_log(session, actor, callback_data.meeting_id)
    prompt = texts.MEETING_ASK_NOT_HELD_REASON
    data: MeetingData = {"meeting_id": callback_data.meeting_id}
    await ask_for_text(callback, state, MeetingLog.reason, prompt, MEETING, data)


@handlers.message(StateFilter(MeetingLog.reason), ANSWER)
async def reason_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    meeting_id = (await MEETING.get(state, "meeting_id"))["meeting_id"]
    view = await meetings.log_not_held(session, actor, meeting_id, message.text)
    await state.clear()
    await message.answer(texts.MEETING_NOT_HELD_LOGGED)
    await _show(message, session, actor, view)


async def _duration_set(target: Message, state: FSMContext, minutes: int) -> None:
    await MEETING.update(state, {"duration": minutes})
    await state.set_state(MeetingLog.summary)
    await target.answer(texts.MEETING_ASK_SUMMARY, reply_markup=cancel())


@handlers.message(StateFilter(MeetingLog.duration), ANSWER)
async def duration_typed(message: Message, state: FSMContext) -> None:
    await _duration_set(message, state, validation.minutes(message.text))


@handlers.callback_query(StateFilter(MeetingLog.duration), MeetingDurationCb.filter())
async def duration_chosen(
    callback: CallbackQuery, callback_data: MeetingDurationCb, state: FSMContext
) -> None:
    minutes = validation.minutes_in_range(callback_data.minutes)
    await answer_quietly(callback)
    assert isinstance(callback.message, Message)
    await _duration_set(callback.message, state, minutes)


@handlers.message(StateFilter(MeetingLog.summary), ANSWER)
async def summary_typed(message: Message, state: FSMContext) -> None:
    await MEETING.update(state, {"summary": meetings.notes(message.text, "Что обсуждали")})
    await state.set_state(MeetingLog.agreements)
    await message.answer(texts.MEETING_ASK_AGREEMENTS, reply_markup=cancel())


LOG_FIELDS = ("duration", "summary", "agreements")


async def _log_data(state: FSMContext, *needed: str) -> MeetingData:
    """The log so far, of a planned meeting (`meeting_id`) or of a past one being recorded."""
    data = await MEETING.get(state, *needed)
    if "meeting_id" not in data and "pair_id" not in data:
        await state.clear()
        raise DialogueLost
    return data


async def _pair_of_log(session: AsyncSession, actor: Actor, data: MeetingData) -> pairs.PairView:
    if "meeting_id" in data:
        return (await meetings.check_can_log(session, actor, data["meeting_id"])).pair
    return await meetings.check_can_plan(session, actor, data["pair_id"])


async def _touched_keyboard(
    session: AsyncSession, actor: Actor, data: MeetingData
) -> InlineKeyboardMarkup:
    chosen = {(kind, item_id) for kind, item_id in data.get("touched", [])}
    items = await meetings.touchable(session, await _pair_of_log(session, actor, data))
    return keyboards.meeting_touched(
        [
            (MeetingTouchKind(item.kind), item.id, item.label, (item.kind, item.id) in chosen)
            for item in items
        ]
    )


@handlers.message(StateFilter(MeetingLog.agreements), ANSWER)
async def agreements_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    agreements = meetings.notes(message.text, "Договорённости")
    await _log_data(state, "duration", "summary")
    data = await MEETING.update(state, {"agreements": agreements, "touched": []})
    markup = await _touched_keyboard(session, actor, data)
    if len(markup.inline_keyboard) <= 2:  # nothing to mark: only «Готово» and «Отмена»
        await _save_log(message, state, session, actor)
        return
    await state.set_state(MeetingLog.touched)
    await message.answer(texts.MEETING_ASK_TOUCHED, reply_markup=markup)


def _toggled(chosen: list[tuple[str, int]], key: tuple[str, int]) -> list[tuple[str, int]]:
    return [item for item in chosen if item != key] if key in chosen else [*chosen, key]


@handlers.callback_query(StateFilter(MeetingLog.touched), MeetingTouchCb.filter())
async def touched_toggled(
    callback: CallbackQuery,
    callback_data: MeetingTouchCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await answer_quietly(callback)
    if callback_data.kind is MeetingTouchKind.DONE:
        assert isinstance(callback.message, Message)
        await _save_log(callback.message, state, session, actor)
        return
    data = await _log_data(state, *LOG_FIELDS)
    key = (callback_data.kind.value, callback_data.item_id)
    data["touched"] = _toggled(data.get("touched", []), key)
    await MEETING.set(state, data)
    await edit(callback, texts.MEETING_ASK_TOUCHED, await _touched_keyboard(session, actor, data))


@handlers.message(StateFilter(MeetingLog.touched), ANSWER)
async def touched_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    """«Готово», or the name of a difficulty or activity to mark or unmark."""
    data = await _log_data(state, *LOG_FIELDS)
    items = await meetings.touchable(session, await _pair_of_log(session, actor, data))
    choices: dict[tuple[str, int], str | tuple[str, ...]] = {
        (item.kind, item.id): item.label for item in items
    }
    choices[(MeetingTouchKind.DONE.value, 0)] = (BUTTON_DONE.split(" (")[0], "всё")
    chosen = typed_choice(message.text, choices)
    if chosen is None:
        raise NotWhatTheStepTakes(MeetingLog.touched)
    if chosen[0] == MeetingTouchKind.DONE:
        await _save_log(message, state, session, actor)
        return
    data["touched"] = _toggled(data.get("touched", []), chosen)
    await MEETING.set(state, data)
    markup = await _touched_keyboard(session, actor, data)
    await message.answer(texts.MEETING_ASK_TOUCHED, reply_markup=markup)


async def _save_log(
    target: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    data = await _log_data(state, *LOG_FIELDS)
    touched = data.get("touched", [])
    report = meetings.Report(data["duration"], data["summary"], data["agreements"], touched)
    if "meeting_id" in data:
        view = await meetings.log_held(session, actor, data["meeting_id"], report)
    else:
        view = await meetings.record_past(
            session,
            actor,
            data["pair_id"],
            mentee_ids=data["mentee_ids"],
            starts_at=data["starts_at"],
            meeting_format=data["format"],
            topic_text=data["topic"],
            report=report,
        )
    await state.clear()
    await target.answer(texts.MEETING_LOGGED)
    await _show(target, session, actor, view)
    request = texts.MEETING_RATE_REQUEST.format(mentor=esc(view.mentor.full_name), **_facts(view))
    for person in view.attending():
        await deliver(session, person, request, keyboards.meeting_rating(view.meeting.id))
    if view.pair.pair.status is PairStatus.COMPLETED:  # a speed pair's one meeting
        await ask_reflections(session, view.pair)


# --- ratings ----------------------------------------------------------------------------------


@handlers.callback_query(MeetingRateCb.filter())
async def rated(
    callback: CallbackQuery,
    callback_data: MeetingRateCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await meetings.rate(session, actor, callback_data.meeting_id, callback_data.score)
    await state.clear()
    await state.set_state(MeetingChange.rating_comment)
    await MEETING.set(state, {"meeting_id": callback_data.meeting_id})
    await send(callback, texts.MEETING_ASK_RATING_COMMENT, skip())


@handlers.message(StateFilter(MeetingChange.rating_comment), TypedChoice({True: BUTTON_SKIP}))
async def rating_comment_skipped_typed(message: Message, state: FSMContext) -> None:
    await state.clear()
    await message.answer(texts.MEETING_RATED)


@handlers.message(StateFilter(MeetingChange.rating_comment), ANSWER)
async def rating_comment_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    meeting_id = (await MEETING.get(state, "meeting_id"))["meeting_id"]
    await meetings.comment_rating(session, actor, meeting_id, message.text)
    await state.clear()
    await message.answer(texts.MEETING_RATED)


@handlers.callback_query(StateFilter(MeetingChange.rating_comment), SkipCb.filter())
async def rating_comment_skipped(callback: CallbackQuery, state: FSMContext) -> None:
    await state.clear()
    await answer_quietly(callback)
    await edit(callback, texts.MEETING_RATED)
