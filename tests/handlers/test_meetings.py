"""Meetings over the real bot: scheduling by buttons and by typing, confirm and ask-to-move,
moving and cancelling with notices, a group meeting, the mentor's log with touched
difficulties, the mentees' rating, recording a past meeting, and every refusal."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import func, select

from bot.callbacks.meetings import MeetingAction, MeetingCb, PairMeetingsAction, PairMeetingsCb
from bot.services.pairs import local_today
from bot.texts import meetings as texts
from bot.texts import validation as validation_texts
from bot.texts.vocabulary import WEEKDAY_SHORT
from fakes.telegram import FakeUser
from models import Meeting, MeetingParticipant, utcnow
from models.enums import Attendance, MeetingFormat, MeetingStatus, MentorshipKind, Role
from scheduler.jobs import plan_reminders
from scheduler.sender import Sender
from tests.dialogs import reply, users
from tests.factories import (
    make_activity,
    make_difficulty,
    make_meeting,
    make_organization,
    make_pair,
    make_person,
    make_programme,
)

MENTOR, MENTEE, MENTEE_2, OUTSIDER = 1401, 1402, 1403, 1404


async def setup(factory, *, group: bool = False) -> tuple[int, list[int]]:
    organization_id = await make_organization(factory)
    mentor_id = await make_person(
        factory, organization_id, MENTOR, Role.MENTOR, full_name="Орлова Вера"
    )
    mentee_ids = [
        await make_person(factory, organization_id, MENTEE, Role.MENTEE, full_name="Новикова Ира")
    ]
    if group:
        mentee_ids.append(
            await make_person(
                factory, organization_id, MENTEE_2, Role.MENTEE, full_name="Зайцев Пётр"
            )
        )
    await make_person(factory, organization_id, OUTSIDER, Role.MENTOR, full_name="Белов Иван")
    kind = MentorshipKind.GROUP if group else MentorshipKind.TRADITIONAL
    pair_id = await make_pair(factory, organization_id, mentor_id, *mentee_ids, kind=kind)
    return pair_id, mentee_ids


def day_label(days_ahead: int) -> str:
    day = local_today("Europe/Moscow") + timedelta(days=days_ahead)
    return f"{WEEKDAY_SHORT[day.weekday()]} {day:%d.%m}"


async def open_meetings(user: FakeUser) -> Any:
    await user.send("/my_pairs")
    await user.press_line(await reply(user), 1)
    await user.press(await reply(user), texts.BUTTON_MEETINGS)
    return await reply(user)


async def test_schedule_confirm_ask_to_move_and_move(running_bot, session_factory, telegram):
    await setup(session_factory)
    mentor, mentee, outsider = await users(telegram, MENTOR, MENTEE, OUTSIDER)

    history = await open_meetings(mentor)
    assert texts.MEETING_HISTORY_EMPTY in history.text
    await mentor.press(history, texts.BUTTON_MEETING_NEW)
    days = await reply(mentor)
    assert "Europe/Moscow" in days.text
    await mentor.press(days, day_label(1))
    times = await reply(mentor)
    await mentor.press(times, "15:00")
    await mentor.press(await reply(mentor), "Онлайн")
    await reply(mentor)
    await mentor.send("zoom где-то")
    assert (await reply(mentor)).text == validation_texts.VALIDATION_URL
    await mentor.send("https://meet.example.ru/abc")
    await reply(mentor)
    await mentor.send("Разбор <урока> в 5 «Б»")
    assert (await reply(mentor)).text == texts.MEETING_SCHEDULED
    card = await reply(mentor)
    assert "Встреча: Разбор <урока> в 5 «Б»" in card.text
    assert "Новикова Ира: ⏳ не ответил(а)" in card.text

    invitation = await reply(mentee)
    assert "Приглашение на встречу" in invitation.text
    assert f"{(local_today('Europe/Moscow') + timedelta(days=1)):%d.%m.%Y} 15:00" in invitation.text
    assert "https://meet.example.ru/abc" in invitation.text
    await mentee.press(invitation, texts.BUTTON_MEETING_CONFIRM)
    confirmed = await reply(mentee)
    assert "Новикова Ира: ✅ подтвердил(а)" in confirmed.text
    assert "Новикова Ира подтвердил(а) встречу" in (await reply(mentor)).text

    await mentee.press(confirmed, texts.BUTTON_MEETING_ASK_MOVE)
    await reply(mentee)
    await mentee.send("Лучше в четверг после 15:00")
    assert (await reply(mentee)).text == texts.MEETING_MOVE_REQUEST_SENT
    request = await reply(mentor)
    assert "просит перенести" in request.text and "Лучше в четверг" in request.text

    await mentor.press(request, texts.BUTTON_MEETING_OPEN)
    card = await reply(mentor)
    assert "🔁 просит перенести" in card.text
    await mentor.press(card, texts.BUTTON_MEETING_MOVE)
    await reply(mentor)
    await mentor.send("вчера 10:00")
    assert (await reply(mentor)).text == validation_texts.VALIDATION_MOMENT_PAST
    await mentor.send("31.02 10:00")
    assert (await reply(mentor)).text == validation_texts.VALIDATION_NO_SUCH_DATE.format(
        date="31.02"
    )
    await mentor.send("завтра 17:30")
    moved = await reply(mentor)
    assert "17:30" in moved.text and "Новикова Ира: ⏳ не ответил(а)" in moved.text
    notice = await reply(mentee)
    assert "перенёс(ла) встречу" in notice.text and "17:30" in notice.text
    assert texts.BUTTON_MEETING_CONFIRM in notice.buttons()

    async with session_factory() as session:
        meeting = await session.scalar(select(Meeting))
    assert meeting is not None and meeting.format is MeetingFormat.ONLINE
    await outsider.send("/start")
    menu = await reply(outsider)
    await outsider.press_data(
        menu.message_id, MeetingCb(action=MeetingAction.OPEN, meeting_id=meeting.id).pack()
    )
    assert "Нет доступа" in (await outsider.callback_answer())["text"]
    await outsider.press_data(
        menu.message_id, MeetingCb(action=MeetingAction.CANCEL_YES, meeting_id=meeting.id).pack()
    )
    assert "Нет доступа" in (await outsider.callback_answer())["text"]
    await outsider.press_data(
        menu.message_id,
        PairMeetingsCb(action=PairMeetingsAction.NEW, pair_id=meeting.pair_id).pack(),
    )
    assert "Нет доступа" in (await outsider.callback_answer())["text"]
    await mentee.press_data(
        menu.message_id,
        PairMeetingsCb(action=PairMeetingsAction.NEW, pair_id=meeting.pair_id).pack(),
    )
    assert (await mentee.callback_answer())["text"] == texts.MEETING_MENTOR_ONLY
    await mentee.expect_no_message()
    async with session_factory() as session:
        assert await session.scalar(select(func.count(Meeting.id))) == 1


async def test_group_meeting_decline_and_cancel(running_bot, session_factory, telegram):
    pair_id, (_, second_id) = await setup(session_factory, group=True)
    await make_meeting(
        session_factory, pair_id, utcnow() + timedelta(days=3), second_id, topic="Личная"
    )
    mentor, first, second = await users(telegram, MENTOR, MENTEE, MENTEE_2)

    history = await open_meetings(mentor)
    await mentor.press(history, texts.BUTTON_MEETING_NEW)
    whom = await reply(mentor)
    assert whom.buttons()[:3] == [texts.MEETING_WHOLE_GROUP, "Зайцев Пётр", "Новикова Ира"]
    await mentor.press(whom, texts.MEETING_WHOLE_GROUP)
    await reply(mentor)
    await mentor.send("завтра 25:00")
    assert (await reply(mentor)).text == validation_texts.VALIDATION_TIME
    await mentor.send("завтра 16:00")
    await mentor.press(await reply(mentor), "Очно")
    await reply(mentor)
    await mentor.send("Групповая консультация")
    await reply(mentor)
    card = await reply(mentor)
    assert "Зайцев Пётр: ⏳" in card.text and "Новикова Ира: ⏳" in card.text

    invitation = await reply(first)
    await reply(second)
    await first.press(invitation, texts.BUTTON_MEETING_OPEN)
    own_card = await reply(first)
    assert texts.BUTTON_MEETING_DECLINE in own_card.buttons()
    assert texts.BUTTON_MEETING_CANCEL not in own_card.buttons()
    await first.press(own_card, texts.BUTTON_MEETING_DECLINE)
    assert "Новикова Ира: ✖️ не сможет" in (await reply(first)).text
    assert "не сможет прийти" in (await reply(mentor)).text

    async with session_factory() as session:
        meeting_id = await session.scalar(
            select(Meeting.id).where(Meeting.topic == "Групповая консультация")
        )
    assert meeting_id is not None
    await second.press_data(
        invitation.message_id,
        MeetingCb(action=MeetingAction.CANCEL_YES, meeting_id=meeting_id).pack(),
    )
    assert (await second.callback_answer())["text"] == texts.MEETING_GROUP_MENTOR_CHANGES

    await mentor.press(card, texts.BUTTON_MEETING_CANCEL)
    await mentor.press(await reply(mentor), texts.BUTTON_MEETING_CANCEL_YES)
    cancelled = await reply(mentor)
    assert (
        "Статус: отменена" in cancelled.text
        and texts.BUTTON_MEETING_MOVE not in cancelled.buttons()
    )
    assert "отменил(а) встречу «Групповая консультация»" in (await reply(first)).text
    assert "отменил(а) встречу" in (await reply(second)).text
    await mentor.press_data(
        cancelled.message_id, MeetingCb(action=MeetingAction.MOVE, meeting_id=meeting_id).pack()
    )
    assert (await mentor.callback_answer())["text"] == texts.MEETING_NOT_SCHEDULED

    assert "Групповая консультация" in (await open_meetings(first)).text
    assert "Личная" not in (await open_meetings(first)).text  # another mentee's meeting
    assert "Личная" in (await open_meetings(second)).text


async def test_log_touched_difficulties_and_rating(running_bot, session_factory, telegram):
    pair_id, (mentee_id,) = await setup(session_factory)
    await make_difficulty(session_factory, mentee_id, "Не держу дисциплину")
    programme_id = await make_programme(session_factory, pair_id)
    await make_activity(
        session_factory, programme_id, "Посетить уроки", local_today("Europe/Moscow")
    )
    started = utcnow() - timedelta(hours=2)
    await make_meeting(session_factory, pair_id, started, mentee_id, topic="Дисциплина")
    ahead = await make_meeting(
        session_factory, pair_id, utcnow() + timedelta(days=2), mentee_id, topic="Позже"
    )
    mentor, mentee = await users(telegram, MENTOR, MENTEE)

    await mentor.send("/meetings")
    history = await reply(mentor)
    assert "1. 📅" in history.text and "Позже" in history.text
    await mentor.press_data(
        history.message_id, MeetingCb(action=MeetingAction.LOG, meeting_id=ahead).pack()
    )
    assert (await mentor.callback_answer())["text"] == texts.MEETING_NOT_STARTED
    await mentor.press_line(history, 2)  # the latest first: «Дисциплина» started two hours ago
    card = await reply(mentor)
    assert "Дисциплина" in card.text
    await mentor.press(card, texts.BUTTON_MEETING_LOG)
    await mentor.press(await reply(mentor), texts.BUTTON_MEETING_HELD)
    durations = await reply(mentor)
    await mentor.send("900")
    assert "от 5 до 480" in (await reply(mentor)).text
    await mentor.press(durations, "45 мин")
    await reply(mentor)
    await mentor.send("Разобрали приёмы удержания внимания")
    await reply(mentor)
    await mentor.send("Ира пробует «тишину» на двух уроках")
    touched = await reply(mentor)
    assert touched.text == texts.MEETING_ASK_TOUCHED
    await mentor.press(touched, "🧩 Не держу дисциплину")
    toggled = await reply(mentor)
    assert "✅ Не держу дисциплину" in toggled.buttons()
    await mentor.press(toggled, "Готово (1)")
    assert (await reply(mentor)).text == texts.MEETING_LOGGED
    logged = await reply(mentor)
    assert "Длительность: 45 мин" in logged.text
    assert "Затронули: Не держу дисциплину" in logged.text
    assert "Посетить уроки" not in logged.text

    request = await reply(mentee)
    assert "Оцените, пожалуйста, встречу «Дисциплина»" in request.text
    await mentee.press(request, "4")
    assert (await reply(mentee)).text == texts.MEETING_ASK_RATING_COMMENT
    await mentee.send("Полезно, спасибо")
    assert (await reply(mentee)).text == texts.MEETING_RATED
    await mentee.press(request, "5")
    assert (await mentee.callback_answer())["text"] == texts.MEETING_ALREADY_RATED

    async with session_factory() as session:
        meeting = await session.scalar(select(Meeting).where(Meeting.topic == "Дисциплина"))
        assert meeting is not None
        entry = await session.scalar(
            select(MeetingParticipant).where(MeetingParticipant.meeting_id == meeting.id)
        )
    assert entry is not None and (entry.rating, entry.rating_comment) == (4, "Полезно, спасибо")
    assert meeting is not None and meeting.status is MeetingStatus.HELD
    assert meeting.duration_minutes == 45


async def test_not_held_and_past_meeting(running_bot, session_factory, telegram):
    pair_id, (mentee_id,) = await setup(session_factory)
    await make_meeting(
        session_factory, pair_id, utcnow() - timedelta(hours=1), mentee_id, topic="Не вышло"
    )
    mentor, mentee = await users(telegram, MENTOR, MENTEE)

    history = await open_meetings(mentor)
    await mentor.press_line(history, 1)
    await mentor.press(await reply(mentor), texts.BUTTON_MEETING_LOG)
    await mentor.press(await reply(mentor), texts.BUTTON_MEETING_NOT_HELD)
    await reply(mentor)
    await mentor.send("Ира заболела")
    assert (await reply(mentor)).text == texts.MEETING_NOT_HELD_LOGGED
    assert "Причина: Ира заболела" in (await reply(mentor)).text

    history = await open_meetings(mentor)
    await mentor.press(history, texts.BUTTON_MEETING_PAST)
    days = await reply(mentor)
    assert day_label(-1) in days.buttons()
    await mentor.send("завтра 10:00")
    assert (await reply(mentor)).text == validation_texts.VALIDATION_MOMENT_FUTURE
    await mentor.send("01.08.2026 10:00")
    assert "Пара начала работу 01.09.2026" in (await reply(mentor)).text
    await mentor.press(days, day_label(-1))
    await reply(mentor)  # the times of that day
    await mentor.send("14:00")
    await mentor.press(await reply(mentor), "В чате")
    await reply(mentor)
    await mentor.send("Подготовка к открытому уроку")
    await reply(mentor)
    await mentor.send("60")
    await reply(mentor)
    await mentor.send("Составили план урока")
    await reply(mentor)
    await mentor.send("Ира присылает конспект")
    assert (await reply(mentor)).text == texts.MEETING_LOGGED  # nothing to mark as touched
    card = await reply(mentor)
    assert "Подготовка к открытому уроку" in card.text and "Статус: состоялась" in card.text
    assert "оценить" not in card.text
    assert "Оцените" in (await reply(mentee)).text

    async with session_factory() as session:
        past = await session.scalar(
            select(Meeting).where(Meeting.topic == "Подготовка к открытому уроку")
        )
        participants = list(await session.scalars(select(MeetingParticipant.attendance)))
    assert past is not None and past.format is MeetingFormat.CHAT and past.starts_at < utcnow()
    assert Attendance.CONFIRMED in participants


async def test_the_report_begins_from_the_reminder_in_one_tap(
    running_bot, session_factory, telegram
):
    pair_id, (mentee_id,) = await setup(session_factory)
    started = utcnow() - timedelta(hours=2)
    await make_meeting(session_factory, pair_id, started, mentee_id, topic="Дисциплина")
    mentor, _ = await users(telegram, MENTOR, MENTEE)
    await plan_reminders(session_factory, utcnow())
    assert (await Sender(session_factory, running_bot.bot).run_once()).sent == 1
    reminder = await reply(mentor)
    assert "Встреча «Дисциплина»" in reminder.text and "прошла?" in reminder.text
    await mentor.press(reminder, texts.BUTTON_MEETING_HELD)
    assert (await reply(mentor)).text == texts.MEETING_ASK_DURATION


async def test_meetings_offers_to_schedule_for_each_pair_one_leads(
    running_bot, session_factory, telegram
):
    await setup(session_factory)
    mentor, mentee = await users(telegram, MENTOR, MENTEE)
    await mentor.send("/meetings")
    listing = await reply(mentor)
    plan = next(b for b in listing.buttons() if b.startswith("➕ Назначить"))
    await mentor.press(listing, plan)  # one tap, and the day is asked
    assert (await reply(mentor)).text.startswith("Когда встреча?")
    await mentee.send("/meetings")  # a mentee does not schedule
    assert not any(b.startswith("➕") for b in (await reply(mentee)).buttons())
