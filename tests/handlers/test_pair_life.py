"""A pair's whole life over the real bot: a pause with its reason and the resumption; a stalled
pair flagged to the curator once, with one tap to write to its people; a change of mentor that
keeps each meeting counted for who led it; the kinds' own rules — a speed pair's one meeting, a
situational pair living with its help request, a short-term pair without a programme; and
private notes nobody else reads, whatever they press."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from bot.callbacks.meetings import MeetingAction, MeetingCb, PairMeetingsAction, PairMeetingsCb
from bot.callbacks.pair_notes import NotesAction, NotesCb
from bot.callbacks.pairs import PairAction, PairCb
from bot.callbacks.programmes import ProgrammeAction, ProgrammeCb
from bot.services.pairs import local_today
from bot.texts import help_requests as help_texts
from bot.texts import meetings as meeting_texts
from bot.texts import pair_notes as note_texts
from bot.texts import pairs as texts
from bot.texts import proposals as proposal_texts
from bot.texts.common import ACCESS_OTHER_ORGANIZATION
from bot.texts.programmes import BUTTON_PROGRAMME, PROGRAMME_NOT_FOR_KIND
from bot.texts.vocabulary import FORM_NAMES, KIND_NAMES
from models import HelpRequest, Meeting, Notification, Organization, Pair, PairNote, utcnow
from models.enums import (
    HelpStatus,
    MeetingStatus,
    MentorshipForm,
    MentorshipKind,
    NoteVisibility,
    PairStatus,
    Role,
)
from scheduler.jobs import plan_reminders
from scheduler.sender import Sender
from tests.dialogs import reply, users
from tests.factories import (
    make_help_request,
    make_meeting,
    make_organization,
    make_pair,
    make_person,
)

CURATOR, MENTOR, MENTEE, OTHER_MENTOR, OUTSIDER = 1801, 1802, 1803, 1804, 1805


async def school(factory, *, kind: MentorshipKind = MentorshipKind.TRADITIONAL, days: int = 10):
    """A pair begun `days` ago; returns (organization, pair, {role: person id})."""
    organization_id = await make_organization(factory)
    ids = {
        "curator": await make_person(
            factory, organization_id, CURATOR, Role.CURATOR, full_name="Завуч Ольга"
        ),
        "mentor": await make_person(
            factory, organization_id, MENTOR, Role.MENTOR, full_name="Орлова Вера"
        ),
        "mentee": await make_person(
            factory, organization_id, MENTEE, Role.MENTEE, full_name="Новикова Ира"
        ),
        "other": await make_person(
            factory, organization_id, OTHER_MENTOR, Role.MENTOR, full_name="Белов Иван"
        ),
    }
    today = local_today("Europe/Moscow")
    ends_on = (
        None
        if kind in (MentorshipKind.SPEED, MentorshipKind.SITUATIONAL)
        else today + timedelta(days=90)
    )
    pair_id = await make_pair(
        factory,
        organization_id,
        ids["mentor"],
        ids["mentee"],
        kind=kind,
        starts_on=today - timedelta(days=days),
        ends_on=ends_on,
    )
    return organization_id, pair_id, ids


async def open_card(user, pair_id: int):
    await user.send("/start")
    menu = await reply(user)
    await user.press_data(menu.message_id, PairCb(action=PairAction.OPEN, pair_id=pair_id).pack())
    return await reply(user)


async def test_a_pause_and_the_resumption(running_bot, session_factory, telegram):
    _, pair_id, _ = await school(session_factory)
    curator, mentor, mentee = await users(telegram, CURATOR, MENTOR, MENTEE)
    card = await open_card(curator, pair_id)
    await curator.press(card, texts.BUTTON_PAUSE)
    assert (await reply(curator)).text == texts.PAIR_ASK_PAUSE_REASON
    await curator.send("Наставник на курсах <ПК> до конца месяца")
    assert (await reply(curator)).text == texts.PAIR_PAUSED
    paused = await reply(curator)
    assert "на паузе" in paused.text and "Наставник на курсах <ПК> до конца месяца" in paused.text
    assert texts.BUTTON_RESUME in paused.buttons()
    assert "на паузе: Наставник на курсах <ПК>" in (await reply(mentor)).text
    assert "на паузе" in (await reply(mentee)).text

    await mentor.send("/start")
    menu = await reply(mentor)
    new = PairMeetingsCb(action=PairMeetingsAction.NEW, pair_id=pair_id).pack()
    await mentor.press_data(menu.message_id, new)
    assert (await mentor.callback_answer())["text"] == texts.PAIR_PAUSED_NOW

    await curator.press(paused, texts.BUTTON_RESUME)
    assert (await curator.callback_answer())["text"] == texts.PAIR_RESUMED
    resumed = await reply(curator)
    assert "действует" in resumed.text and texts.BUTTON_PAUSE in resumed.buttons()
    assert "снова работает" in (await reply(mentor)).text
    await mentor.press_data(menu.message_id, new)
    assert "Europe/Moscow" in (await reply(mentor)).text  # the day of the meeting is asked


async def test_a_stalled_pair_is_flagged_once_and_both_are_written_to(
    running_bot, session_factory, telegram
):
    organization_id, pair_id, _ = await school(session_factory, days=45)
    await school_with_a_busy_pair(session_factory, organization_id)
    curator, mentor, mentee = await users(telegram, CURATOR, MENTOR, MENTEE)
    now = utcnow()
    await plan_reminders(session_factory, now)
    async with session_factory() as session:
        flagged = list(
            await session.scalars(select(Notification).where(Notification.kind == "pair_stalled"))
        )
    assert [n.payload["pair_id"] for n in flagged] == [pair_id]  # not the pair that meets
    await Sender(session_factory, running_bot.bot).run_once()
    notice = None
    while notice is None:
        message = await reply(curator)
        notice = message if "без встреч и шагов программы 30 дн." in message.text else None
    assert "Орлова Вера, Новикова Ира" in notice.text
    assert notice.buttons() == [texts.BUTTON_MESSAGE_BOTH, texts.BUTTON_OPEN_PAIR]
    await plan_reminders(session_factory, now + timedelta(minutes=5))  # flagged already
    async with session_factory() as session:
        count = await session.scalar(
            select(func.count())
            .select_from(Notification)
            .where(Notification.kind == "pair_stalled")
        )
    assert count == 1

    await curator.press(notice, texts.BUTTON_MESSAGE_BOTH)
    assert (await reply(curator)).text == texts.PAIR_ASK_MESSAGE
    await curator.send("Как у вас дела? Нужна <помощь> с расписанием?")
    assert (await reply(curator)).text == texts.PAIR_MESSAGE_SENT.format(count=2)
    for user in (mentor, mentee):
        message = await reply(user)
        while "Сообщение куратора" not in message.text:
            message = await reply(user)
        assert "Нужна <помощь> с расписанием?" in message.text

    await curator.send("/pairs")
    listing = await reply(curator)
    await curator.press(listing, "Застоявшиеся")
    stalled = await reply(curator)
    assert "Отбор: застоявшиеся" in stalled.text and "Орлова Вера → Новикова Ира" in stalled.text
    assert "Белов Иван" not in stalled.text


async def school_with_a_busy_pair(factory, organization_id: int) -> None:
    """Another pair of the school, as old, that met last week: not stalled."""
    async with factory() as session, session.begin():
        organization = await session.get(Organization, organization_id)
        assert organization is not None and organization.stalled_days == 30
    busy_mentee = await make_person(
        factory, organization_id, None, Role.MENTEE, full_name="Ким Анна"
    )
    mentor = await make_person(factory, organization_id, None, Role.MENTOR, full_name="Белов Пётр")
    today = local_today("Europe/Moscow")
    busy = await make_pair(
        factory, organization_id, mentor, busy_mentee, starts_on=today - timedelta(days=45)
    )
    await make_meeting(
        factory, busy, utcnow() - timedelta(days=7), busy_mentee, status=MeetingStatus.HELD
    )


async def test_meetings_count_for_who_led_them(running_bot, session_factory, telegram):
    _, pair_id, ids = await school(session_factory)
    await make_meeting(
        session_factory, pair_id, utcnow() - timedelta(days=3), ids["mentee"],
        status=MeetingStatus.HELD,
    )  # fmt: skip
    (curator,) = await users(telegram, CURATOR)
    card = await open_card(curator, pair_id)
    await curator.press(card, texts.BUTTON_CHANGE_MENTOR)
    await curator.press(await reply(curator), "Белов Иван")
    await reply(curator)
    await curator.send("/mentor")
    load = await reply(curator)
    # pairs · mentees · meetings in 30 days · open requests · overdue goals
    assert "Белов Иван: 1 · 1 · 0 · 0 · 0" in load.text
    assert "Орлова Вера: 0 · 0 · 1 · 0 · 0" in load.text
    async with session_factory() as session:
        meeting = await session.scalar(select(Meeting))
    assert meeting is not None and meeting.mentor_id == ids["mentor"]


async def test_a_speed_pair_is_one_meeting(running_bot, session_factory, telegram):
    _, pair_id, ids = await school(session_factory, kind=MentorshipKind.SPEED)
    meeting_id = await make_meeting(
        session_factory, pair_id, utcnow() - timedelta(hours=3), ids["mentee"]
    )
    mentor, mentee = await users(telegram, MENTOR, MENTEE)
    card = await open_card(mentor, pair_id)
    assert "Срок: одна встреча" in card.text and BUTTON_PROGRAMME not in card.buttons()
    new = PairMeetingsCb(action=PairMeetingsAction.NEW, pair_id=pair_id).pack()
    await mentor.press_data(card.message_id, new)
    assert (await mentor.callback_answer())["text"] == meeting_texts.MEETING_SPEED_ONE

    await mentor.press_data(
        card.message_id, MeetingCb(action=MeetingAction.HELD, meeting_id=meeting_id).pack()
    )
    await reply(mentor)
    for answer in ("40", "Познакомились, обсудили цели", "Встретиться с методистом"):
        await mentor.send(answer)
        await reply(mentor)
    async with session_factory() as session:
        pair = await session.get(Pair, pair_id)
    assert pair is not None and pair.status is PairStatus.COMPLETED
    messages = [await reply(mentee), await reply(mentee)]
    assert any("Программа наставничества завершена" in m.text for m in messages)


async def test_a_situational_pair_lives_with_its_request(running_bot, session_factory, telegram):
    _, _, ids = await school(session_factory)
    request_id = await make_help_request(
        session_factory, ids["mentee"], None, utcnow() - timedelta(hours=1),
        text="Родитель <жалуется> на оценку",
    )  # fmt: skip
    curator, other = await users(telegram, CURATOR, OTHER_MENTOR)
    await curator.send("/new_pair")
    await curator.press(await reply(curator), "Белов Иван")
    await curator.press(await reply(curator), "Новикова Ира")
    await curator.press(await reply(curator), "Готово (1)")
    await curator.press(await reply(curator), KIND_NAMES[MentorshipKind.SITUATIONAL])
    await curator.press(await reply(curator), FORM_NAMES[MentorshipForm.TEACHER_TEACHER])
    await curator.press(await reply(curator), "Равный – равному")
    requests = await reply(curator)
    assert requests.buttons()[0] == f"№{request_id} · Родитель <жалуется> на оценку"
    await curator.send(f"№{request_id}")
    await curator.press(await reply(curator), texts.PAIR_START_TODAY)
    summary = await reply(curator)  # no period: while the request is open
    assert f"Срок: пока открыт запрос №{request_id}" in summary.text
    await curator.press(summary, texts.BUTTON_CREATE)
    await reply(curator)
    (mentee,) = await users(telegram, MENTEE)
    await mentee.press(await reply(mentee), proposal_texts.BUTTON_ACCEPT)
    await reply(mentee)
    await other.press(await reply(other), proposal_texts.BUTTON_ACCEPT)
    await reply(other)
    async with session_factory() as session:
        request = await session.get(HelpRequest, request_id)
        pair = await session.scalar(select(Pair).where(Pair.kind == MentorshipKind.SITUATIONAL))
    assert pair is not None and pair.status is PairStatus.ACTIVE and pair.ends_on is None
    assert request is not None and request.status is HelpStatus.TAKEN
    assert request.assignee_id == ids["other"] and request.pair_id == pair.id

    await other.send("/requests")
    listing = await reply(other)
    await other.press_line(listing, 1)
    card = await reply(other)
    await other.press(card, help_texts.HELP_BUTTONS["close"])
    await reply(other)
    async with session_factory() as session:
        pair = await session.get(Pair, pair.id)
    assert pair is not None and pair.status is PairStatus.COMPLETED


async def test_a_short_term_pair_has_goals_not_a_programme(running_bot, session_factory, telegram):
    _, pair_id, _ = await school(session_factory, kind=MentorshipKind.SHORT_TERM)
    (mentor,) = await users(telegram, MENTOR)
    card = await open_card(mentor, pair_id)
    assert BUTTON_PROGRAMME not in card.buttons()
    await mentor.press_data(
        card.message_id, ProgrammeCb(action=ProgrammeAction.AIM, pair_id=pair_id).pack()
    )
    assert (await mentor.callback_answer())["text"] == PROGRAMME_NOT_FOR_KIND


async def test_private_notes_are_read_by_nobody_else(running_bot, session_factory, telegram):
    _, pair_id, _ = await school(session_factory)
    other_org = await make_organization(session_factory, "Другая школа")
    await make_person(session_factory, other_org, OUTSIDER, Role.CURATOR)
    curator, mentor, mentee, other, outsider = await users(
        telegram, CURATOR, MENTOR, MENTEE, OTHER_MENTOR, OUTSIDER
    )

    async def write(user, text: str, visibility: str | None) -> None:
        card = await open_card(user, pair_id)
        await user.press(card, note_texts.BUTTON_NOTES)
        notes = await reply(user)
        await user.press(notes, note_texts.BUTTON_NOTE_NEW)
        assert (await reply(user)).text == note_texts.NOTES_ASK_TEXT
        await user.send(text)
        if visibility is not None:
            assert (await reply(user)).text == note_texts.NOTES_ASK_VISIBILITY
            await user.send(visibility)  # typed
        await reply(user)  # saved
        await reply(user)  # the notes

    await write(mentor, "Только мне: тревожится перед <открытым> уроком", "Только мне")
    await write(mentor, "Для куратора: нужна замена в четверг", "Видит куратор")
    await write(mentee, "Моя заметка: спросить про журнал", None)

    async def notes_of(user) -> str:
        card = await open_card(user, pair_id)
        await user.press(card, note_texts.BUTTON_NOTES)
        return str((await reply(user)).text)

    mentor_view = await notes_of(mentor)
    assert "тревожится перед <открытым> уроком" in mentor_view and "нужна замена" in mentor_view
    assert "спросить про журнал" not in mentor_view
    mentee_view = await notes_of(mentee)
    assert "спросить про журнал" in mentee_view and "Орлова" not in mentee_view.split("\n", 2)[-1]
    curator_view = await notes_of(curator)
    assert "нужна замена в четверг" in curator_view
    assert "тревожится" not in curator_view and "спросить про журнал" not in curator_view

    for forger, expected in ((other, texts.PAIR_NOT_YOURS), (outsider, ACCESS_OTHER_ORGANIZATION)):
        await forger.send("/start")
        menu = await reply(forger)
        for action in NotesAction:
            await forger.press_data(menu.message_id, NotesCb(action=action, pair_id=pair_id).pack())
            assert (await forger.callback_answer())["text"] == expected
    async with session_factory() as session:
        notes = {
            (n.visibility, n.text[:11])
            for n in await session.scalars(select(PairNote).where(PairNote.pair_id == pair_id))
        }
    assert notes == {
        (NoteVisibility.PRIVATE, "Только мне:"),
        (NoteVisibility.CURATOR, "Для куратор"),
        (NoteVisibility.PRIVATE, "Моя заметка"),
    }
