"""Mentees' difficulties over the real bot: three-tap registration, the paged list, the card
and its changes, and who may see or change them (mentee, their mentor, their curator)."""

from __future__ import annotations

from sqlalchemy import select

from bot.callbacks.difficulties import DifficultyAction, DifficultyCb, DifficultyListCb
from bot.texts import common as common_texts
from bot.texts import difficulties as texts
from models import Difficulty
from models.enums import DifficultyCategory, DifficultyStatus, PairStatus, Role, Urgency
from tests.dialogs import reply
from tests.factories import (
    make_difficulty,
    make_organization,
    make_pair,
    make_person,
)


async def load(factory, difficulty_id: int) -> Difficulty:
    async with factory() as session:
        difficulty: Difficulty | None = await session.get(Difficulty, difficulty_id)
        assert difficulty is not None
        return difficulty


async def test_mentee_registers_a_difficulty_in_three_taps(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    await make_person(session_factory, organization_id, 3001, Role.MENTEE)
    user = telegram.add_user(user_id=3001, first_name="Анна")

    await user.send("/start")
    menu = await reply(user)
    await user.press(menu, texts.BUTTON_NEW_DIFFICULTY)
    categories = await reply(user)
    assert len(categories.buttons()) == len(DifficultyCategory) + 1  # and «Отмена»
    await user.press(categories, "Методические")
    prompt = await reply(user)
    assert "Методические (содержание образования" in prompt.text
    await user.send_sticker()
    refused = (await reply(user)).text
    assert refused.startswith(common_texts.TEXT_EXPECTED)
    assert f"Сейчас я жду {texts.EXPECT_DESCRIPTION}" in refused
    await user.send("я" * 1001)
    assert "не больше 1000 символов" in (await reply(user)).text
    await user.send("Не умею работать с <b>ЭОР</b> & тестами")
    urgency = await reply(user)
    await user.press(urgency, "Срочно")
    assert (await user.callback_answer())["text"] == texts.DIFFICULTY_SAVED
    card = await reply(user)

    assert "Не умею работать с <b>ЭОР</b> & тестами" in card.text
    assert "Статус: открыто · Важность: срочно" in card.text
    async with session_factory() as session:
        difficulty = await session.scalar(select(Difficulty))
    assert difficulty is not None
    assert difficulty.category is DifficultyCategory.METHODOLOGICAL
    assert difficulty.urgency is Urgency.HIGH


async def test_list_card_work_and_overcome(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    mentee_id = await make_person(session_factory, organization_id, 3002, Role.MENTEE)
    ids = [
        await make_difficulty(session_factory, mentee_id, f"Затруднение номер {n}")
        for n in range(10)
    ]
    user = telegram.add_user(user_id=3002, first_name="Анна")

    await user.send("/my_difficulties")
    listing = await reply(user)
    assert "всего 10, стр. 1 из 2" in listing.text
    assert "Затруднение номер 9" in listing.text  # newest first
    await user.press(listing, common_texts.BUTTON_NEXT)
    second = await reply(user)
    assert "Затруднение номер 0" in second.text
    await user.press_line(second, 10)
    card = await reply(user)
    assert "Затруднение номер 0" in card.text

    await user.press(card, texts.BUTTON_DIFFICULTY_WORK)
    card = await reply(user)
    assert "Статус: в работе" in card.text
    await user.press(card, texts.BUTTON_DIFFICULTY_URGENCY)
    await user.press(await reply(user), "Может подождать")
    assert "Важность: может подождать" in (await reply(user)).text
    await user.press(card, texts.BUTTON_DIFFICULTY_DESCRIBE)
    await reply(user)
    await user.send("Новое описание")
    assert "Новое описание" in (await reply(user)).text
    await user.press(card, texts.BUTTON_DIFFICULTY_OVERCOME)
    await reply(user)
    await user.send("Помогли открытые уроки наставника")
    assert (await reply(user)).text == texts.DIFFICULTY_OVERCOME_DONE
    final = await reply(user)
    assert "Рефлексия: Помогли открытые уроки наставника" in final.text
    assert final.buttons() == [common_texts.BUTTON_BACK]

    difficulty = await load(session_factory, ids[0])
    assert difficulty.status is DifficultyStatus.OVERCOME
    assert difficulty.overcome_at is not None
    await user.press_data(
        final.message_id, DifficultyCb(action=DifficultyAction.WORK, difficulty_id=ids[0]).pack()
    )
    assert (await user.callback_answer())["text"] == texts.DIFFICULTY_ALREADY_OVERCOME


async def test_who_sees_and_changes_a_mentees_difficulties(running_bot, session_factory, telegram):
    home = await make_organization(session_factory, "Школа 1")
    other = await make_organization(session_factory, "Школа 2")
    mentee_id = await make_person(session_factory, home, 3010, Role.MENTEE)
    mentor_id = await make_person(session_factory, home, 3011, Role.MENTOR)
    await make_person(session_factory, home, 3012, Role.MENTOR)  # not this mentee's mentor
    await make_person(session_factory, home, 3013, Role.CURATOR)
    await make_person(session_factory, other, 3014, Role.CURATOR)
    await make_person(session_factory, home, 3015, Role.MENTEE)  # another mentee
    await make_pair(session_factory, home, mentor_id, mentee_id)
    difficulty_id = await make_difficulty(session_factory, mentee_id, "Конфликт с родителями")
    listing = DifficultyListCb(mentee_id=mentee_id).pack()
    card = DifficultyCb(action=DifficultyAction.OPEN, difficulty_id=difficulty_id).pack()

    async def opens(user_id: int, data: str) -> str:
        user = telegram.users.get(user_id) or telegram.add_user(user_id=user_id, first_name="X")
        await user.send("/start")
        menu = await reply(user)
        await user.press_data(menu.message_id, data)
        answer = await user.callback_answer()
        if answer["text"]:
            return str(answer["text"])
        return str((await reply(user)).text)

    assert "Конфликт с родителями" in await opens(3011, listing)  # the mentor
    assert "Конфликт с родителями" in await opens(3011, card)
    assert "Конфликт с родителями" in await opens(3013, listing)  # the curator
    assert await opens(3012, listing) == common_texts.ACCESS_NOT_YOUR_MENTEE
    assert await opens(3012, card) == common_texts.ACCESS_NOT_YOUR_MENTEE
    assert await opens(3014, card) == common_texts.ACCESS_OTHER_ORGANIZATION
    assert await opens(3015, listing) == common_texts.ACCESS_NOT_YOUR_MENTEE

    # Changing: only the mentee edits; the mentor may take it into work; the curator may not.
    describe = DifficultyCb(action=DifficultyAction.DESCRIBE, difficulty_id=difficulty_id).pack()
    assert await opens(3011, describe) == common_texts.ACCESS_MENTEE_ONLY
    assert await opens(3015, describe) == texts.DIFFICULTY_NOT_YOURS
    work = DifficultyCb(action=DifficultyAction.WORK, difficulty_id=difficulty_id).pack()
    assert await opens(3013, work) == texts.DIFFICULTY_NOT_YOURS
    assert (await load(session_factory, difficulty_id)).status is DifficultyStatus.OPEN
    assert "Статус: в работе" in await opens(3011, work)


async def test_a_finished_pair_ends_the_mentors_access(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    mentee_id = await make_person(session_factory, organization_id, 3020, Role.MENTEE)
    mentor_id = await make_person(session_factory, organization_id, 3021, Role.MENTOR)
    await make_pair(
        session_factory, organization_id, mentor_id, mentee_id, status=PairStatus.COMPLETED
    )
    mentor = telegram.add_user(user_id=3021, first_name="Наставник")
    await mentor.send("/start")
    menu = await reply(mentor)
    await mentor.press_data(menu.message_id, DifficultyListCb(mentee_id=mentee_id).pack())
    assert (await mentor.callback_answer())["text"] == common_texts.ACCESS_NOT_YOUR_MENTEE


async def test_only_mentees_register_difficulties(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    await make_person(session_factory, organization_id, 3030, Role.MENTOR)
    user = telegram.add_user(user_id=3030, first_name="Наставник")
    for command in ("/new_difficulty", "/my_difficulties"):
        await user.send(command)
        assert (await reply(user)).text == common_texts.ACCESS_MENTEE_ONLY
