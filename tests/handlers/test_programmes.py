"""Personalised programmes over the real bot: the mentor's aim and roadmap, activities done
with results and reflections, overdue ones, mentees' proposals, and who may do what."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.callbacks.programmes import (
    ActivityAction,
    ActivityCb,
    ActivityDifficultyCb,
    ProgrammeAction,
    ProgrammeCb,
)
from bot.services.pairs import local_today
from bot.texts import programmes as texts
from bot.texts.common import ACCESS_OTHER_ORGANIZATION
from bot.texts.pairs import PAIR_NOT_ACTIVE, PAIR_NOT_YOURS
from bot.texts.validation import VALIDATION_DATE, VALIDATION_DATE_PAST
from models import Pair, Person, ProgrammeActivity, utcnow
from models.enums import ActivityStatus, PairStatus, Role
from scheduler.sender import Sender
from tests.clock import FakeClock
from tests.dialogs import reply
from tests.factories import (
    make_activity,
    make_difficulty,
    make_organization,
    make_pair,
    make_person,
    make_programme,
)

MENTOR, MENTEE, CURATOR, OUTSIDER = 1301, 1302, 1303, 1304


async def setup_pair(factory) -> tuple[int, int, int]:
    organization_id = await make_organization(factory)
    mentor_id = await make_person(
        factory, organization_id, MENTOR, Role.MENTOR, full_name="Орлова Вера"
    )
    mentee_id = await make_person(
        factory, organization_id, MENTEE, Role.MENTEE, full_name="Новикова Ира"
    )
    await make_person(factory, organization_id, CURATOR, Role.CURATOR, full_name="Завуч Ольга")
    await make_person(factory, organization_id, OUTSIDER, Role.MENTOR, full_name="Белов Иван")
    pair_id = await make_pair(factory, organization_id, mentor_id, mentee_id)
    return organization_id, pair_id, mentee_id


async def open_programme(user, pair_id: int):
    await user.send("/start")
    menu = await reply(user)
    await user.press_data(
        menu.message_id, ProgrammeCb(action=ProgrammeAction.OPEN, pair_id=pair_id).pack()
    )
    return await reply(user)


async def test_mentor_drafts_the_programme(running_bot, session_factory, telegram):
    _, _, mentee_id = await setup_pair(session_factory)
    await make_difficulty(session_factory, mentee_id, "Не держу дисциплину")
    mentor = telegram.add_user(user_id=MENTOR, first_name="Вера")

    await mentor.send("/my_pairs")
    await mentor.press_line(await reply(mentor), 1)
    card = await reply(mentor)
    await mentor.press(card, texts.BUTTON_PROGRAMME)
    empty = await reply(mentor)
    assert "Программа ещё не составлена" in empty.text
    await mentor.press(empty, texts.BUTTON_PROGRAMME_CREATE)
    await reply(mentor)
    await mentor.send("Уверенно вести уроки в 5-х классах")
    programme = await reply(mentor)
    assert "Цель: Уверенно вести уроки в 5-х классах" in programme.text
    await mentor.press(programme, texts.BUTTON_ACTIVITY_ADD)
    await reply(mentor)
    await mentor.send("Посетить 3 урока наставника")
    choice = await reply(mentor)
    assert any("Не держу дисциплину" in button for button in choice.buttons())
    await mentor.press(choice, next(b for b in choice.buttons() if "дисциплину" in b))
    await reply(mentor)
    await mentor.send("01.01.2020")
    assert (await reply(mentor)).text == VALIDATION_DATE_PAST
    await mentor.send("31.12.2099")
    assert "позже окончания программы" in (await reply(mentor)).text
    await mentor.send("32.13")
    assert (await reply(mentor)).text == VALIDATION_DATE
    due = local_today("Europe/Moscow") + timedelta(days=10)
    await mentor.send(due.strftime("%d.%m.%Y"))
    await reply(mentor)
    await mentor.send("Конспекты трёх уроков")
    assert (await reply(mentor)).text == texts.ACTIVITY_SAVED
    programme = await reply(mentor)
    assert "выполнено 0 из 1, в плане 1, просрочено 0" in programme.text
    assert f"Посетить 3 урока наставника — до {due.strftime('%d.%m.%Y')}" in programme.text

    # The mentee hears of it: both changes in one message, a few minutes later.
    mentee = telegram.add_user(user_id=MENTEE, first_name="Ира")
    telegram.open_chat(mentee)
    soon = Sender(session_factory, running_bot.bot, clock=FakeClock(utcnow()))
    assert (await soon.run_once()).sent == 0
    later = FakeClock(utcnow() + timedelta(minutes=11))
    assert (await Sender(session_factory, running_bot.bot, clock=later).run_once()).sent == 1
    news = await reply(mentee)
    assert "Изменения в программе наставничества" in news.text
    assert "составлена программа, её цель: «Уверенно вести уроки в 5-х классах»" in news.text
    assert f"добавлено мероприятие «Посетить 3 урока наставника», срок {due:%d.%m.%Y}" in news.text
    assert news.buttons() == [texts.BUTTON_PROGRAMME]
    await mentor.expect_no_message()  # not told of their own changes


async def test_activity_done_reflected_and_overdue(running_bot, session_factory, telegram):
    _, pair_id, _ = await setup_pair(session_factory)
    programme_id = await make_programme(session_factory, pair_id)
    today = local_today("Europe/Moscow")
    await make_activity(session_factory, programme_id, "Открытый урок", today + timedelta(days=5))
    await make_activity(session_factory, programme_id, "Старый план", today - timedelta(days=3))
    mentee = telegram.add_user(user_id=MENTEE, first_name="Ира")

    programme = await open_programme(mentee, pair_id)
    assert "выполнено 0 из 2, в плане 1, просрочено 1" in programme.text
    assert "⚠️ Старый план" in programme.text
    await mentee.press_line(programme, 2)  # sorted by due date: «Открытый урок» is second
    activity = await reply(mentee)
    assert "Открытый урок" in activity.text
    await mentee.press(activity, texts.BUTTON_ACTIVITY_DONE)
    await reply(mentee)
    await mentee.send("Провела урок <b>сама</b>")
    done = await reply(mentee)
    assert "Результат: Провела урок <b>сама</b>" in done.text
    await mentee.press(done, texts.BUTTON_ACTIVITY_REFLECT)
    await reply(mentee)
    await mentee.send("Поняла, как держать темп")
    reflected = await reply(mentee)
    assert "Рефлексия (Новикова Ира): Поняла, как держать темп" in reflected.text
    await mentee.press(reflected, texts.BUTTON_ACTIVITY_REFLECT)
    assert (await mentee.callback_answer())["text"] == texts.ACTIVITY_REFLECTION_DONE
    async with session_factory() as session:
        stored = await session.scalar(
            select(ProgrammeActivity).where(ProgrammeActivity.title == "Открытый урок")
        )
    assert stored is not None and stored.status is ActivityStatus.DONE


async def test_mentee_proposes_a_change(running_bot, session_factory, telegram):
    _, pair_id, _ = await setup_pair(session_factory)
    await make_programme(session_factory, pair_id)
    mentor = telegram.add_user(user_id=MENTOR, first_name="Вера")
    await mentor.send("/help")
    await reply(mentor)
    mentee = telegram.add_user(user_id=MENTEE, first_name="Ира")
    programme = await open_programme(mentee, pair_id)
    assert texts.BUTTON_ACTIVITY_ADD not in programme.buttons()
    await mentee.press(programme, texts.BUTTON_PROPOSE)
    await reply(mentee)
    await mentee.send("Добавить работу с родителями")
    assert (await reply(mentee)).text == texts.PROGRAMME_PROPOSAL_SENT
    notice = await reply(mentor)
    assert "Новикова Ира предлагает изменить программу" in notice.text
    assert "Добавить работу с родителями" in notice.text
    assert notice.buttons() == [texts.BUTTON_PROGRAMME]


async def test_who_may_change_the_programme(running_bot, session_factory, telegram):
    organization_id, pair_id, _ = await setup_pair(session_factory)
    await make_programme(session_factory, pair_id)
    other_org = await make_organization(session_factory, "Другая")
    await make_person(session_factory, other_org, 1399, Role.CURATOR)
    async with session_factory() as session:
        outsider_id = await session.scalar(select(Person.id).where(Person.telegram_id == OUTSIDER))
    other_mentee = await make_person(session_factory, organization_id, 1398, Role.MENTEE)
    foreign_difficulty = await make_difficulty(session_factory, other_mentee, "Чужое")
    assert outsider_id is not None

    mentee = telegram.add_user(user_id=MENTEE, first_name="Ира")
    await mentee.send("/start")
    menu = await reply(mentee)
    await mentee.press_data(
        menu.message_id, ProgrammeCb(action=ProgrammeAction.AIM, pair_id=pair_id).pack()
    )
    assert (await mentee.callback_answer())["text"] == texts.PROGRAMME_MENTOR_ONLY

    curator = telegram.add_user(user_id=CURATOR, first_name="Ольга")
    programme = await open_programme(curator, pair_id)
    assert "Цель: Освоить ФГОС" in programme.text
    assert texts.BUTTON_PROGRAMME_AIM not in programme.buttons()

    for user_id, expected in (
        (OUTSIDER, PAIR_NOT_YOURS),
        (1399, ACCESS_OTHER_ORGANIZATION),
    ):
        user = telegram.add_user(user_id=user_id, first_name="X")
        await user.send("/start")
        await user.press_data(
            (await reply(user)).message_id,
            ProgrammeCb(action=ProgrammeAction.OPEN, pair_id=pair_id).pack(),
        )
        assert (await user.callback_answer())["text"] == expected

    mentor = telegram.add_user(user_id=MENTOR, first_name="Вера")
    programme = await open_programme(mentor, pair_id)
    await mentor.press(programme, texts.BUTTON_ACTIVITY_ADD)
    await reply(mentor)
    await mentor.send("Мероприятие")
    choice = await reply(mentor)
    await mentor.press_data(
        choice.message_id, ActivityDifficultyCb(difficulty_id=foreign_difficulty).pack()
    )
    assert (await mentor.callback_answer())["text"] == texts.PROGRAMME_BAD_DIFFICULTY


async def test_group_mates_do_not_read_each_others_difficulties(
    running_bot, session_factory, telegram
):
    organization_id = await make_organization(session_factory)
    mentor_id = await make_person(session_factory, organization_id, 1311, Role.MENTOR)
    first = await make_person(
        session_factory, organization_id, 1312, Role.MENTEE, full_name="Ира А"
    )
    second = await make_person(
        session_factory, organization_id, 1313, Role.MENTEE, full_name="Оля Б"
    )
    pair_id = await make_pair(session_factory, organization_id, mentor_id, first, second)
    programme_id = await make_programme(session_factory, pair_id)
    secret = await make_difficulty(session_factory, first, "СЕКРЕТ Иры")
    activity_id = await make_activity(
        session_factory, programme_id, "Разбор", local_today("Europe/Moscow") + timedelta(days=3)
    )
    async with session_factory() as session, session.begin():
        activity = await session.get(ProgrammeActivity, activity_id)
        assert activity is not None
        activity.difficulty_id = secret
    for user_id, sees in ((1312, True), (1313, False), (1311, True)):
        user = telegram.add_user(user_id=user_id, first_name="X")
        programme = await open_programme(user, pair_id)
        await user.press_line(programme, 1)
        card = await reply(user)
        assert ("СЕКРЕТ Иры" in card.text) is sees, (user_id, card.text)


async def test_a_long_roadmap_still_fits_one_message(running_bot, session_factory, telegram):
    _, pair_id, _ = await setup_pair(session_factory)
    programme_id = await make_programme(session_factory, pair_id)
    due = local_today("Europe/Moscow") + timedelta(days=30)
    for number in range(45):
        await make_activity(session_factory, programme_id, f"{number:02d} " + "Очень " * 40, due)
    mentor = telegram.add_user(user_id=MENTOR, first_name="Вера")
    programme = await open_programme(mentor, pair_id)
    assert "выполнено 0 из 45" in programme.text and "…и ещё 15." in programme.text


async def test_no_activity_is_done_in_a_stopped_pair(running_bot, session_factory, telegram):
    _, pair_id, _ = await setup_pair(session_factory)
    programme_id = await make_programme(session_factory, pair_id)
    activity_id = await make_activity(
        session_factory, programme_id, "Урок", local_today("Europe/Moscow") + timedelta(days=3)
    )
    async with session_factory() as session, session.begin():
        pair = await session.get(Pair, pair_id)
        assert pair is not None
        pair.status = PairStatus.STOPPED
    mentee = telegram.add_user(user_id=MENTEE, first_name="Ира")
    await mentee.send("/start")
    menu = await reply(mentee)
    await mentee.press_data(
        menu.message_id, ActivityCb(action=ActivityAction.DONE, activity_id=activity_id).pack()
    )
    assert (await mentee.callback_answer())["text"] == PAIR_NOT_ACTIVE
