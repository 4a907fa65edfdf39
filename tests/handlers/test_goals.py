"""Short-term goals over the real bot: the mentor sets one tied to a difficulty, the mentee
reports progress and marks it reached, the mentor returns and then confirms it; a mentee sets
their own goal; overdue goals; and every refusal."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from bot.callbacks.goals import GoalAction, GoalCb, PairGoalsAction, PairGoalsCb
from bot.services.pairs import local_today
from bot.texts import goals as texts
from bot.texts.validation import VALIDATION_DATE_PAST
from fakes.telegram import FakeUser
from models import Goal, GoalProgress
from models.enums import GoalStatus, Role
from tests.dialogs import reply, users
from tests.factories import make_difficulty, make_goal, make_organization, make_pair, make_person

MENTOR, MENTEE, OTHER_MENTEE, OTHER_MENTOR = 1501, 1502, 1503, 1504


async def setup(factory) -> tuple[int, int, int]:
    organization_id = await make_organization(factory)
    mentor_id = await make_person(
        factory, organization_id, MENTOR, Role.MENTOR, full_name="Орлова Вера"
    )
    mentee_id = await make_person(
        factory, organization_id, MENTEE, Role.MENTEE, full_name="Новикова Ира"
    )
    other_mentee = await make_person(
        factory, organization_id, OTHER_MENTEE, Role.MENTEE, full_name="Зайцев Пётр"
    )
    other_mentor = await make_person(
        factory, organization_id, OTHER_MENTOR, Role.MENTOR, full_name="Белов Иван"
    )
    pair_id = await make_pair(factory, organization_id, mentor_id, mentee_id)
    await make_pair(factory, organization_id, other_mentor, other_mentee)
    return pair_id, mentee_id, other_mentee


async def open_goals(user: FakeUser) -> Any:
    await user.send("/my_pairs")
    await user.press_line(await reply(user), 1)
    await user.press(await reply(user), texts.BUTTON_GOALS)
    return await reply(user)


async def test_goal_set_reported_returned_and_confirmed(running_bot, session_factory, telegram):
    _, mentee_id, _ = await setup(session_factory)
    await make_difficulty(session_factory, mentee_id, "Не успеваю проверять тетради")
    mentor, mentee = await users(telegram, MENTOR, MENTEE)

    goals = await open_goals(mentor)
    assert "Краткосрочных целей пока нет" in goals.text
    await mentor.press(goals, texts.BUTTON_GOAL_NEW)
    assert (await reply(mentor)).text == texts.GOAL_ASK_TITLE
    await mentor.send("Освоить <быструю> проверку тетрадей")
    await reply(mentor)
    await mentor.send("01.01.2020")
    assert (await reply(mentor)).text == VALIDATION_DATE_PAST
    await mentor.send("01.09.2027")
    assert "позже окончания наставничества (31.05.2027)" in (await reply(mentor)).text
    due = local_today("Europe/Moscow") + timedelta(days=14)
    await mentor.send(due.strftime("%d.%m.%Y"))
    await reply(mentor)
    await mentor.send("Проверка класса занимает не больше часа")
    links = await reply(mentor)
    await mentor.press(links, "🧩 Не успеваю проверять тетради")
    assert (await reply(mentor)).text == texts.GOAL_CREATED
    card = await reply(mentor)
    assert "Освоить <быструю> проверку тетрадей" in card.text
    assert "Связана с: Не успеваю проверять тетради" in card.text
    assert "в работе" in card.text

    notice = await reply(mentee)
    assert "Новая цель (Орлова Вера): Освоить <быструю> проверку тетрадей" in notice.text
    await mentee.press(notice, texts.BUTTON_GOAL_OPEN)
    own = await reply(mentee)
    assert own.buttons()[:2] == [texts.GOAL_BUTTONS["progress"], texts.GOAL_BUTTONS["submit"]]
    await mentee.press(own, texts.GOAL_BUTTONS["progress"])
    await reply(mentee)
    await mentee.send("140%")
    assert (await reply(mentee)).text == texts.GOAL_BAD_PERCENT
    await mentee.send("2/5 — освоила проверку по критериям")
    assert (await reply(mentee)).text == texts.GOAL_PROGRESS_SAVED
    progressed = await reply(mentee)
    assert "Прогресс: 40%" in progressed.text
    assert "Новикова Ира: 40% — освоила проверку по критериям" in progressed.text
    assert "40% — освоила проверку" in (await reply(mentor)).text

    await mentee.press(progressed, texts.GOAL_BUTTONS["submit"])
    assert "ждёт подтверждения наставника" in (await reply(mentee)).text
    review = await reply(mentor)
    await mentor.press(review, texts.GOAL_BUTTONS["give_back"])
    await reply(mentor)
    await mentor.send("Нужен ещё самоанализ")
    returned = await reply(mentor)
    assert "в работе" in returned.text and "Орлова Вера: Нужен ещё самоанализ" in returned.text
    returned_notice = await reply(mentee)
    assert "вернул цель" in returned_notice.text and "Нужен ещё самоанализ" in returned_notice.text

    await mentee.press(returned_notice, texts.BUTTON_GOAL_OPEN)
    await mentee.press(await reply(mentee), texts.GOAL_BUTTONS["submit"])
    await reply(mentee)
    review = await reply(mentor)
    await mentor.press(review, texts.GOAL_BUTTONS["confirm"])
    reached = await reply(mentor)
    assert "🏆" in reached.text and "Прогресс: 100%" in reached.text
    assert "Поздравляем" in (await reply(mentee)).text
    await mentee.press_data(
        progressed.message_id, GoalCb(action=GoalAction.PROGRESS, goal_id=1).pack()
    )
    assert (await mentee.callback_answer())["text"] == texts.GOAL_NOT_OPEN

    async with session_factory() as session:
        goal = await session.scalar(select(Goal))
        notes = list(await session.scalars(select(GoalProgress.note)))
    assert goal is not None and goal.status is GoalStatus.REACHED and goal.reached_at
    assert "Нужен ещё самоанализ" in notes


async def test_mentee_sets_own_goal_and_overdue_shows(running_bot, session_factory, telegram):
    pair_id, mentee_id, other_mentee = await setup(session_factory)
    today = local_today("Europe/Moscow")
    await make_goal(session_factory, pair_id, mentee_id, "Старая цель", today - timedelta(days=2))
    foreign = await make_goal(
        session_factory, pair_id + 1, other_mentee, "Чужая цель", today + timedelta(days=2)
    )
    mentee, other_mentor = await users(telegram, MENTEE, OTHER_MENTOR)

    goals = await open_goals(mentee)
    assert "⚠️ Старая цель" in goals.text
    await mentee.press_line(goals, 1)
    overdue = await reply(mentee)
    assert "просрочена" in overdue.text
    await mentee.press(overdue, texts.BUTTON_GOALS)
    await mentee.press(await reply(mentee), texts.BUTTON_GOAL_NEW)
    assert (await reply(mentee)).text == texts.GOAL_ASK_TITLE  # no «for whom»: for herself
    await mentee.send("Провести открытый урок")
    await reply(mentee)
    await mentee.send((today + timedelta(days=7)).strftime("%d.%m"))
    await reply(mentee)
    await mentee.send("Урок проведён, есть самоанализ")
    assert (await reply(mentee)).text == texts.GOAL_CREATED  # nothing to tie it to
    card = await reply(mentee)
    assert "Провести открытый урок" in card.text

    await mentee.press_data(card.message_id, GoalCb(action=GoalAction.OPEN, goal_id=foreign).pack())
    assert "Нет доступа" in (await mentee.callback_answer())["text"]
    await mentee.press_data(
        card.message_id, GoalCb(action=GoalAction.CONFIRM, goal_id=foreign).pack()
    )
    assert "Нет доступа" in (await mentee.callback_answer())["text"]
    await other_mentor.send("/start")
    menu = await reply(other_mentor)
    await other_mentor.press_data(
        menu.message_id, PairGoalsCb(action=PairGoalsAction.NEW, pair_id=pair_id).pack()
    )
    assert "Нет доступа" in (await other_mentor.callback_answer())["text"]
    async with session_factory() as session:
        assert await session.scalar(select(Goal).where(Goal.title == "Провести открытый урок"))


async def test_goals_open_from_the_menu_in_one_tap(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    mentor_id = await make_person(session_factory, organization_id, MENTOR, Role.MENTOR)
    mentee_id = await make_person(session_factory, organization_id, MENTEE, Role.MENTEE)
    await make_pair(session_factory, organization_id, mentor_id, mentee_id)
    (mentee,) = await users(telegram, MENTEE)
    await mentee.send("/start")
    menu = await reply(mentee)
    await mentee.press(menu, texts.BUTTON_GOALS)
    goals = await reply(mentee)  # their only pair's goals, with «Новая цель»
    await mentee.press(goals, texts.BUTTON_GOAL_NEW)
    assert (await reply(mentee)).text == texts.GOAL_ASK_TITLE
