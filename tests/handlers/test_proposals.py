"""Pairs formed by suggestion and agreement, over the real bot: the curator asks who would fit a
mentee without a pair and gets mentors ranked with reasons (one at capacity only on «show
everyone»), proposes, and the pair waits for its people; a decline with its reason, the lists of
proposals, proposing again; forged and late answers; a teacher not in the bot yet sees their
proposal when they join."""

from __future__ import annotations

from sqlalchemy import select

from bot.callbacks.proposals import ProposalAction, ProposalCb
from bot.texts import matching as matching_texts
from bot.texts import pairs as pair_texts
from bot.texts import proposals as texts
from bot.texts.vocabulary import FORM_NAMES, KIND_NAMES
from models import Pair, PairAnswer, Person
from models.enums import DifficultyCategory, MentorshipForm, MentorshipKind, PairStatus, Role
from tests.dialogs import open_invite, reply, users
from tests.factories import (
    make_difficulty,
    make_invite,
    make_organization,
    make_pair,
    make_person,
)

CURATOR, MENTOR, BUSY, MENTEE, MENTEE_2, OUTSIDER = 1301, 1302, 1303, 1304, 1305, 1306


async def school(factory) -> dict[str, int]:
    organization_id = await make_organization(factory)
    ids = {"organization": organization_id}
    ids["curator"] = await make_person(
        factory, organization_id, CURATOR, Role.CURATOR, full_name="Завуч Ольга"
    )
    ids["mentor"] = await make_person(
        factory, organization_id, MENTOR, Role.MENTOR, full_name="Орлова Вера", subject="Химия"
    )
    ids["busy"] = await make_person(
        factory, organization_id, BUSY, Role.MENTOR, full_name="Белов Иван", subject="Химия"
    )
    ids["mentee"] = await make_person(
        factory, organization_id, MENTEE, Role.MENTEE, full_name="Новикова Ира", subject="Химия"
    )
    ids["mentee_2"] = await make_person(
        factory, organization_id, MENTEE_2, Role.MENTEE, full_name="Зайцев Пётр"
    )
    async with factory() as session, session.begin():
        busy = await session.get(Person, ids["busy"])
        assert busy is not None
        busy.mentor_capacity = 1
    await make_pair(factory, organization_id, ids["busy"], ids["mentee_2"])  # Белов: full
    await make_difficulty(
        factory, ids["mentee"], "Не умею в электронный журнал", DifficultyCategory.DIGITAL
    )
    return ids


async def propose(curator, listing) -> None:
    """From a mentor's suggestion to the proposal: kind, form, model, today, six months."""
    await curator.press(listing, KIND_NAMES[MentorshipKind.TRADITIONAL])
    await curator.press(await reply(curator), FORM_NAMES[MentorshipForm.TEACHER_TEACHER])
    await curator.press(await reply(curator), "Опытный учитель – молодой специалист")
    await curator.press(await reply(curator), pair_texts.PAIR_START_TODAY)
    await curator.press(await reply(curator), "6 мес.")
    await curator.press(await reply(curator), pair_texts.BUTTON_CREATE)
    await reply(curator)  # the card of the proposal


async def test_suggested_mentors_with_reasons_and_a_proposal(
    running_bot, session_factory, telegram
):
    await school(session_factory)
    curator, mentor, mentee = await users(telegram, CURATOR, MENTOR, MENTEE)

    await curator.send("/unpaired")
    unpaired = await reply(curator)
    assert "Новикова Ира" in unpaired.text and "Зайцев Пётр" not in unpaired.text
    await curator.press_line(unpaired, 1)
    suggested = await reply(curator)
    assert "Кого предложить наставником: Новикова Ира" in suggested.text
    assert "1. Орлова Вера — тот же предмет, нагрузка 0 из 3, стаж 12 лет" in suggested.text
    assert "Белов Иван" not in suggested.text  # at capacity: not offered
    await curator.press(suggested, matching_texts.BUTTON_EVERYONE)
    everyone = await reply(curator)
    assert "Белов Иван — тот же предмет, нагрузка полная: 1 из 1" in everyone.text
    assert matching_texts.SUGGESTION_HIDDEN.strip() in everyone.text
    await curator.press(everyone, matching_texts.BUTTON_FITTING)
    fitting = await reply(curator)
    assert "Белов Иван" not in fitting.text

    await curator.press_line(fitting, 1)  # Орлова Вера: the wizard goes on from the kind
    kinds = await reply(curator)
    assert kinds.text.startswith("Новая пара или группа · вид")
    await propose(curator, kinds)
    assert "быть наставником" in (await reply(mentor)).text
    assert "наставник — Орлова Вера" in (await reply(mentee)).text
    async with session_factory() as session:
        pair = await session.scalar(select(Pair).where(Pair.status == PairStatus.PROPOSED))
    assert pair is not None

    # a mentee with a proposal waiting is not offered to another mentor meanwhile
    await curator.send("/unpaired")
    assert (await reply(curator)).text == pair_texts.UNPAIRED_EMPTY


async def test_a_decline_with_its_reason_and_proposing_again(
    running_bot, session_factory, telegram
):
    ids = await school(session_factory)
    curator, mentor, mentee = await users(telegram, CURATOR, MENTOR, MENTEE)
    await curator.send("/new_pair")
    await curator.press(await reply(curator), "Орлова Вера")
    await curator.press(await reply(curator), "Новикова Ира")
    await curator.press(await reply(curator), "Готово (1)")
    await propose(curator, await reply(curator))
    offer = await reply(mentor)
    await reply(mentee)

    await mentor.press(offer, texts.BUTTON_DECLINE)
    assert (await reply(mentor)).text == texts.PROPOSAL_ASK_REASON
    await mentor.send("В этом году <классное руководство> в двух классах")
    assert (await reply(mentor)).text == texts.PROPOSAL_DECLINED
    notice = await reply(curator)
    assert "Орлова Вера отказался(-ась)" in notice.text
    assert "<классное руководство>" in notice.text and notice.buttons() == [texts.BUTTON_AGAIN]
    assert "отказался(-ась)" in (await reply(mentee)).text
    pair_id = 2  # Белов Иван's pair is the first
    await mentee.press_data(
        offer.message_id, ProposalCb(action=ProposalAction.ACCEPT, pair_id=pair_id).pack()
    )
    assert (await mentee.callback_answer())["text"] == texts.PROPOSAL_CLOSED
    async with session_factory() as session:
        pair = await session.get(Pair, pair_id)
        answers = {
            a.person_id: (a.accepted, a.reason)
            for a in await session.scalars(select(PairAnswer).where(PairAnswer.pair_id == pair_id))
        }
    assert pair is not None and pair.status is PairStatus.DECLINED
    assert answers == {
        ids["mentor"]: (False, "В этом году <классное руководство> в двух классах"),
        ids["mentee"]: (None, None),
    }

    await curator.send("/proposals")
    waiting = await reply(curator)
    assert "ждут ответа" in waiting.text and texts.PROPOSALS_EMPTY in waiting.text
    await curator.press(waiting, texts.PROPOSAL_LISTS["declined"])
    declined = await reply(curator)
    assert "Орлова Вера → Новикова Ира · ✖Орлова ⏳Новикова" in declined.text
    await curator.press(declined, texts.PROPOSAL_LISTS["accepted"])
    accepted = await reply(curator)
    assert "Белов Иван → Зайцев Пётр" not in accepted.text  # made before proposals existed

    await curator.press(notice, texts.BUTTON_AGAIN)
    again = await reply(curator)
    assert again.text.startswith(texts.PROPOSAL_AGAIN_SENT) and "ждёт согласия" in again.text
    assert "быть наставником" in (await reply(mentor)).text
    assert "наставник — Орлова Вера" in (await reply(mentee)).text
    await curator.press(notice, texts.BUTTON_AGAIN)  # the declined one is not proposed twice
    answer = await curator.callback_answer()
    assert answer["text"] == pair_texts.PAIR_ALREADY_EXISTS.format(name="Новикова Ира")


async def test_forged_and_repeated_answers_change_nothing(running_bot, session_factory, telegram):
    ids = await school(session_factory)
    other_org = await make_organization(session_factory, "Другая школа")
    await make_person(session_factory, other_org, OUTSIDER, Role.CURATOR)
    curator, mentor, mentee, stranger, outsider = await users(
        telegram, CURATOR, MENTOR, MENTEE, MENTEE_2, OUTSIDER
    )
    await curator.send("/new_pair")
    await curator.press(await reply(curator), "Орлова Вера")
    await curator.press(await reply(curator), "Новикова Ира")
    await curator.press(await reply(curator), "Готово (1)")
    await propose(curator, await reply(curator))
    await reply(mentor)
    offer = await reply(mentee)
    pair_id = 2

    for forger in (stranger, curator, outsider):  # not asked: not even the curator who asked
        await forger.send("/start")
        menu = await reply(forger)
        for action in (ProposalAction.ACCEPT, ProposalAction.DECLINE):
            await forger.press_data(
                menu.message_id, ProposalCb(action=action, pair_id=pair_id).pack()
            )
            assert (await forger.callback_answer())["text"] == texts.PROPOSAL_NOT_YOURS
    await outsider.press_data(
        menu.message_id, ProposalCb(action=ProposalAction.OPEN, pair_id=pair_id).pack()
    )
    assert "другой организации" in (await outsider.callback_answer())["text"]

    await mentee.press(offer, texts.BUTTON_ACCEPT)
    await reply(mentee)
    await mentee.press_data(
        offer.message_id, ProposalCb(action=ProposalAction.ACCEPT, pair_id=pair_id).pack()
    )
    assert (await mentee.callback_answer())["text"] == texts.PROPOSAL_ANSWERED
    async with session_factory() as session:
        pair = await session.get(Pair, pair_id)
        answers = {
            a.person_id: a.accepted
            for a in await session.scalars(select(PairAnswer).where(PairAnswer.pair_id == pair_id))
        }
    assert pair is not None and pair.status is PairStatus.PROPOSED
    assert answers == {ids["mentor"]: None, ids["mentee"]: True}


async def test_a_teacher_not_in_the_bot_sees_the_proposal_on_joining(
    running_bot, session_factory, telegram
):
    ids = await school(session_factory)
    newcomer = await make_person(
        session_factory, ids["organization"], None, Role.MENTEE, full_name="Ким Анна"
    )
    code = await make_invite(session_factory, ids["organization"], Role.MENTEE, person_id=newcomer)
    curator, mentor = await users(telegram, CURATOR, MENTOR)
    await curator.send("/new_pair")
    await curator.press(await reply(curator), "Орлова Вера")
    picker = await reply(curator)
    assert "⏳ Ким Анна" in picker.buttons()
    await curator.press(picker, "⏳ Ким Анна")
    await curator.press(await reply(curator), "Готово (1)")
    await propose(curator, await reply(curator))
    await mentor.press(await reply(mentor), texts.BUTTON_ACCEPT)
    assert "Ждём ответа: Ким Анна" in (await reply(mentor)).text

    teacher = telegram.add_user(user_id=1399, first_name="Анна")
    consent = await open_invite(teacher, code)
    await teacher.press(consent, "✅ Согласен(на)")
    known = await reply(teacher)
    await teacher.press(known, "✅ Всё верно")
    assert "Регистрация завершена" in (await reply(teacher)).text
    waiting = await reply(teacher)
    assert "наставник — Орлова Вера" in waiting.text
    await teacher.press(waiting, texts.BUTTON_ACCEPT)
    assert (await reply(teacher)).text == texts.PROPOSAL_ACCEPTED_ALL
    async with session_factory() as session:
        pair = await session.get(Pair, 2)
    assert pair is not None and pair.status is PairStatus.ACTIVE
