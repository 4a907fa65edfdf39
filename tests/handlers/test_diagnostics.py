"""Self-diagnosis over the real bot: nine answers at the start, nine at the end, the change
side by side; the mentor sees it, others do not; forged answers are refused."""

from __future__ import annotations

from sqlalchemy import select

from bot.callbacks.diagnostics import SelfCheckCb, SelfCheckViewCb
from bot.texts import diagnostics as texts
from bot.texts.common import ACCESS_MENTEE_ONLY, ACCESS_NOT_YOUR_MENTEE
from models import SelfAssessment
from models.enums import AssessmentStage, DifficultyCategory, Role
from tests.dialogs import reply
from tests.factories import make_organization, make_pair, make_person, make_programme

CATEGORIES = len(DifficultyCategory)


async def answer_all(user, message, scores: list[int]) -> None:
    for number, score in enumerate(scores):
        question = await reply(user)
        assert f"вопрос {number + 1} из {CATEGORIES}" in question.text
        await user.press(question, str(score))
        answer = await user.callback_answer()
        if number == len(scores) - 1:
            assert answer["text"] == texts.SELF_CHECK_SAVED


async def test_start_and_end_show_the_change(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    mentee_id = await make_person(session_factory, organization_id, 2001, Role.MENTEE)
    mentor_id = await make_person(session_factory, organization_id, 2002, Role.MENTOR)
    await make_person(session_factory, organization_id, 2003, Role.MENTOR)
    await make_pair(session_factory, organization_id, mentor_id, mentee_id)
    user = telegram.add_user(user_id=2001, first_name="Анна")

    await user.send("/self_check")
    empty = await reply(user)
    assert "Пройдите входную" in empty.text
    await user.press(empty, texts.BUTTON_SELF_CHECK_START)
    await answer_all(user, empty, [2] * CATEGORIES)
    after_start = await reply(user)
    assert "• Методические: 2 → —" in after_start.text
    await user.press(after_start, texts.BUTTON_SELF_CHECK_END)
    await answer_all(user, after_start, [4, 2, 3, 5, 4, 2, 2, 1, 2])
    final = await reply(user)
    assert "• Научно-теоретические: 2 → 4 (+2)" in final.text
    assert "• Нормативные правовые: 2 → 2 (+0)" in final.text
    assert "• Здоровьесбережение: 2 → 1 (-1)" in final.text

    async with session_factory() as session:
        entries = (await session.scalars(select(SelfAssessment))).all()
    assert len(entries) == 2 * CATEGORIES
    assert {entry.stage for entry in entries} == {AssessmentStage.START, AssessmentStage.END}

    view = SelfCheckViewCb(mentee_id=mentee_id).pack()
    mentor = telegram.add_user(user_id=2002, first_name="Наставник")
    await mentor.send("/start")
    await mentor.press_data((await reply(mentor)).message_id, view)
    seen = await reply(mentor)
    assert "2 → 4 (+2)" in seen.text and seen.buttons() == []
    stranger = telegram.add_user(user_id=2003, first_name="Другой")
    await stranger.send("/start")
    await stranger.press_data((await reply(stranger)).message_id, view)
    assert (await stranger.callback_answer())["text"] == ACCESS_NOT_YOUR_MENTEE


async def test_forged_answers_are_refused(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    await make_person(session_factory, organization_id, 2010, Role.MENTEE)
    await make_person(session_factory, organization_id, 2011, Role.MENTOR)
    user = telegram.add_user(user_id=2010, first_name="Анна")
    await user.send("/self_check")
    message = await reply(user)
    for forged in (
        SelfCheckCb(stage=AssessmentStage.START, index=0, score=9),
        SelfCheckCb(stage=AssessmentStage.START, index=99, score=3),
    ):
        await user.press_data(message.message_id, forged.pack())
        assert (await user.callback_answer())["text"] == texts.SELF_CHECK_BAD_ANSWER
    mentor = telegram.add_user(user_id=2011, first_name="Наставник")
    await mentor.send("/self_check")
    assert (await reply(mentor)).text == ACCESS_MENTEE_ONLY
    async with session_factory() as session:
        assert (await session.scalars(select(SelfAssessment))).all() == []


async def test_start_answers_given_before_the_programme_still_count(
    running_bot, session_factory, telegram
):
    organization_id = await make_organization(session_factory)
    mentee_id = await make_person(session_factory, organization_id, 2020, Role.MENTEE)
    mentor_id = await make_person(session_factory, organization_id, 2021, Role.MENTOR)
    pair_id = await make_pair(session_factory, organization_id, mentor_id, mentee_id)
    user = telegram.add_user(user_id=2020, first_name="Анна")
    await user.send("/self_check")
    empty = await reply(user)
    await user.press(empty, texts.BUTTON_SELF_CHECK_START)
    await answer_all(user, empty, [3] * CATEGORIES)
    await reply(user)
    await make_programme(session_factory, pair_id)  # the mentor writes the programme now
    await user.send("/self_check")
    later = await reply(user)
    assert "• Методические: 3 → —" in later.text
    await user.press(later, texts.BUTTON_SELF_CHECK_END)
    await answer_all(user, later, [4] * CATEGORIES)
    assert "• Методические: 3 → 4 (+1)" in (await reply(user)).text
