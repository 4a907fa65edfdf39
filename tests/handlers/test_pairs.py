"""Pairs and groups over the real bot: the curator's wizard with search and pages, the kinds'
rules, a planned start, the proposal both sides accept, lists, the card, changing the mentor
(who mentored when is kept), completing with reflections, stopping early, and every refusal."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.callbacks.pairs import PairAction, PairCb, PickCb, PickPurpose, ReflectionScoreCb
from bot.services.pairs import local_today
from bot.texts import common as common_texts
from bot.texts import pairs as texts
from bot.texts import proposals as proposal_texts
from bot.texts.achievements import BUTTON_RECOGNIZE, BUTTON_STATEMENT
from bot.texts.goals import BUTTON_GOALS
from bot.texts.meetings import BUTTON_MEETINGS
from bot.texts.pair_notes import BUTTON_NOTES
from bot.texts.profile import BUTTON_DELETE_YES
from bot.texts.programmes import BUTTON_PROGRAMME
from bot.texts.validation import VALIDATION_DATE_PAST, VALIDATION_SEARCH_TOO_SHORT
from bot.texts.vocabulary import ERASED_PERSON, FORM_NAMES, KIND_NAMES, ROLE_MODEL_NAMES
from models import Feedback, Pair, PairMentor, Person
from models.enums import MentorshipForm, MentorshipKind, PairStatus, Role, RoleModel
from tests.dialogs import reply, users
from tests.factories import make_organization, make_pair, make_person

CURATOR, MENTOR, MENTEE, MENTEE_2, OTHER_MENTOR = 1101, 1102, 1103, 1104, 1105


async def school(factory) -> int:
    organization_id = await make_organization(factory)
    await make_person(factory, organization_id, CURATOR, Role.CURATOR, full_name="Завуч Ольга")
    await make_person(factory, organization_id, MENTOR, Role.MENTOR, full_name="Орлова Вера")
    await make_person(factory, organization_id, MENTEE, Role.MENTEE, full_name="Новикова Ира")
    await make_person(factory, organization_id, MENTEE_2, Role.MENTEE, full_name="Зайцев Пётр")
    await make_person(factory, organization_id, OTHER_MENTOR, Role.MENTOR, full_name="Белов Иван")
    async with factory() as session, session.begin():
        mentor = await session.scalar(select(Person).where(Person.telegram_id == MENTOR))
        assert mentor is not None
        mentor.share_contact, mentor.username = True, "orlova_v"
    return organization_id


async def test_curator_proposes_a_pair_and_it_starts_when_both_accept(
    running_bot, session_factory, telegram
):
    await school(session_factory)
    curator, mentor, mentee = await users(telegram, CURATOR, MENTOR, MENTEE)

    await curator.send("/new_pair")
    picker = await reply(curator)
    assert picker.buttons()[:2] == ["Белов Иван", "Орлова Вера"]
    await curator.send("орл")
    found = await reply(curator)
    assert "Поиск: «орл»" in found.text and found.buttons()[0] == "Орлова Вера"
    await curator.press(found, "Орлова Вера")
    mentees = await reply(curator)
    assert "Наставник: Орлова Вера" in mentees.text
    await curator.press(mentees, "Новикова Ира")
    mentees = await reply(curator)
    assert "✅ Новикова Ира" in mentees.buttons()
    await curator.press(mentees, "Готово (1)")
    kinds = await reply(curator)
    assert kinds.buttons()[:-1] == list(KIND_NAMES.values())
    await curator.press(kinds, KIND_NAMES[MentorshipKind.TRADITIONAL])
    forms = await reply(curator)
    assert forms.buttons()[:-1] == list(FORM_NAMES.values())
    await curator.press(forms, FORM_NAMES[MentorshipForm.TEACHER_TEACHER])
    models = await reply(curator)
    assert ROLE_MODEL_NAMES[RoleModel.LEADER_STRUGGLING] in models.buttons()
    await curator.press(models, "Опытный учитель – молодой специалист")
    starts = await reply(curator)
    await curator.press(starts, texts.PAIR_START_TODAY)
    periods = await reply(curator)
    assert periods.buttons()[:4] == ["3 мес.", "6 мес.", "9 мес.", "12 мес."]
    await curator.press(periods, "6 мес.")
    summary = await reply(curator)
    assert "Срок: 6 мес." in summary.text and "примут предложение" in summary.text
    await curator.press(summary, texts.BUTTON_CREATE)
    assert (await curator.callback_answer())["text"] == texts.PAIR_PROPOSED
    card = await reply(curator)
    assert "Пара №" in card.text and "ждёт согласия участников" in card.text
    assert "Согласие: ⏳ Орлова Вера, ⏳ Новикова Ира" in card.text
    # nothing to work on until both agree; the mentee's difficulties can be looked at
    assert card.buttons() == [
        "Затруднения: Новикова",
        "Самодиагностика: Новикова",
        "📄 Портфолио: Новикова",
    ]

    proposal = await reply(mentee)
    assert "наставник — Орлова Вера (@orlova_v)" in proposal.text
    assert proposal.buttons() == [proposal_texts.BUTTON_ACCEPT, proposal_texts.BUTTON_DECLINE]
    await mentee.press(proposal, proposal_texts.BUTTON_ACCEPT)
    assert "Ждём ответа: Орлова Вера" in (await reply(mentee)).text
    assert "Новикова Ира принял(а) предложение" in (await reply(curator)).text
    async with session_factory() as session:
        pair = await session.scalar(select(Pair))
    assert pair is not None and pair.status is PairStatus.PROPOSED

    offer = await reply(mentor)
    assert "быть наставником" in offer.text and "Новикова Ира" in offer.text
    await mentor.press(offer, proposal_texts.BUTTON_ACCEPT)
    assert (await reply(mentor)).text == proposal_texts.PROPOSAL_ACCEPTED_ALL
    assert "Ваш наставник — Орлова Вера (@orlova_v)" in (await reply(mentee)).text
    assert "начала работу" in (await reply(curator)).text
    async with session_factory() as session:
        pair = await session.scalar(select(Pair))
        history = list(await session.scalars(select(PairMentor)))
    assert pair is not None and pair.status is PairStatus.ACTIVE
    assert pair.kind is MentorshipKind.TRADITIONAL and pair.form is MentorshipForm.TEACHER_TEACHER
    assert pair.ends_on is not None
    assert (pair.ends_on.year * 12 + pair.ends_on.month) - (
        pair.starts_on.year * 12 + pair.starts_on.month
    ) == 6
    assert [(entry.mentor_id, entry.until) for entry in history] == [(pair.mentor_id, None)]

    await mentor.send("/my_pairs")
    mine = await reply(mentor)
    assert "Орлова Вера → Новикова Ира" in mine.text
    await mentor.press_line(mine, 1)
    mentor_card = await reply(mentor)
    await mentor.press(mentor_card, "Затруднения: Новикова")
    assert "Новикова Ира" in (await reply(mentor)).text
    await mentee.send("/my_pairs")
    mentee_list = await reply(mentee)
    await mentee.press_line(mentee_list, 1)
    mentee_card = await reply(mentee)
    # a mentee sees the programme and their own notes, not the other mentees' data
    assert mentee_card.buttons() == [BUTTON_PROGRAMME, BUTTON_MEETINGS, BUTTON_GOALS, BUTTON_NOTES]


async def test_kinds_rules_periods_and_a_planned_start(running_bot, session_factory, telegram):
    await school(session_factory)
    (curator,) = await users(telegram, CURATOR)
    await curator.send("/new_pair")
    await curator.press(await reply(curator), "Орлова Вера")
    step = await reply(curator)
    await curator.press(step, "Новикова Ира")
    step = await reply(curator)
    await curator.press(step, "Зайцев Пётр")
    step = await reply(curator)
    await curator.press(step, "Готово (2)")
    kinds = await reply(curator)
    await curator.press(kinds, KIND_NAMES[MentorshipKind.TRADITIONAL])
    assert (await curator.callback_answer())["text"] == texts.PAIR_ONE_TO_ONE
    await curator.send("групповое")  # typed
    assert "форма наставничества" in (await reply(curator)).text
    await curator.send("руководитель оо педагог")
    starts = await reply(curator)
    assert "начало" in starts.text  # no role model asked for a head teacher's form
    await curator.send("01.01.2020")
    assert (await reply(curator)).text == VALIDATION_DATE_PAST
    planned = local_today("Europe/Moscow") + timedelta(days=40)
    await curator.send(planned.strftime("%d.%m.%Y"))
    await reply(curator)
    await curator.send("15")
    assert (await reply(curator)).text == texts.PAIR_BAD_PERIOD.format(low=3, high=12)
    await curator.send("9")
    summary = await reply(curator)
    assert f"Начало: {planned:%d.%m.%Y}" in summary.text and "Срок: 9 мес." in summary.text
    await curator.send("предложить")
    await reply(curator)
    card = await reply(curator)
    assert "Группа №" in card.text and "Зайцев Пётр, Новикова Ира" in card.text
    async with session_factory() as session:
        group = await session.scalar(select(Pair))
    assert group is not None and group.kind is MentorshipKind.GROUP
    assert group.form is MentorshipForm.HEAD_TEACHER and group.role_model is RoleModel.OTHER
    assert group.starts_on == planned

    await curator.send("/new_pair")  # the same mentor and mentee again
    await curator.press(await reply(curator), "Орлова Вера")
    await curator.press(await reply(curator), "Новикова Ира")
    await curator.press(await reply(curator), "Готово (1)")
    kinds = await reply(curator)
    await curator.press(kinds, KIND_NAMES[MentorshipKind.SITUATIONAL])  # no help request
    assert (await curator.callback_answer())["text"] == texts.PAIR_SITUATIONAL_NEEDS_REQUEST
    await curator.press(kinds, KIND_NAMES[MentorshipKind.SHORT_TERM])
    await curator.press(await reply(curator), FORM_NAMES[MentorshipForm.OTHER])
    await curator.press(await reply(curator), texts.PAIR_START_TOMORROW)
    periods = await reply(curator)
    assert periods.buttons()[:3] == ["1 мес.", "2 мес.", "3 мес."]  # a short-term pair
    await curator.press(periods, "2 мес.")
    summary = await reply(curator)
    await curator.press(summary, texts.BUTTON_CREATE)
    answer = await curator.callback_answer()
    assert answer["text"] == texts.PAIR_ALREADY_EXISTS.format(name="Новикова Ира")


async def test_unpaired_list_and_pairs_list(running_bot, session_factory, telegram):
    organization_id = await school(session_factory)
    async with session_factory() as session:
        ids = {p.telegram_id: p.id for p in (await session.scalars(select(Person))).all()}
    await make_pair(session_factory, organization_id, ids[MENTOR], ids[MENTEE])
    (curator,) = await users(telegram, CURATOR)
    await curator.send("/unpaired")
    unpaired = await reply(curator)
    assert "Зайцев Пётр" in unpaired.text and "Новикова Ира" not in unpaired.text
    await curator.send("/pairs")
    listing = await reply(curator)
    assert "всего 1" in listing.text and "Орлова Вера → Новикова Ира · действует" in listing.text


async def test_change_mentor_complete_and_reflect(running_bot, session_factory, telegram):
    organization_id = await school(session_factory)
    async with session_factory() as session:
        ids = {p.telegram_id: p.id for p in (await session.scalars(select(Person))).all()}
    pair_id = await make_pair(session_factory, organization_id, ids[MENTOR], ids[MENTEE])
    curator, mentor, mentee, other = await users(telegram, CURATOR, MENTOR, MENTEE, OTHER_MENTOR)

    await curator.send("/pairs")
    await curator.press_line(await reply(curator), 1)
    card = await reply(curator)
    await curator.press(card, texts.BUTTON_CHANGE_MENTOR)
    picker = await reply(curator)
    await curator.press(picker, "Белов Иван")
    assert (await curator.callback_answer())["text"] == texts.PAIR_MENTOR_CHANGED
    changed = await reply(curator)
    assert "Наставник: Белов Иван" in changed.text
    assert "Вы назначены наставником вместо прежнего" in (await reply(other)).text
    assert "передал вашу пару" in (await reply(mentor)).text
    assert "теперь это Белов Иван" in (await reply(mentee)).text

    await curator.press(changed, texts.BUTTON_COMPLETE)
    await curator.press(await reply(curator), texts.BUTTON_COMPLETE_YES)
    done = await reply(curator)
    assert "завершена" in done.text and done.buttons() == [
        BUTTON_PROGRAMME,
        BUTTON_MEETINGS,
        BUTTON_GOALS,
        BUTTON_NOTES,
        "Затруднения: Новикова",
        "Самодиагностика: Новикова",
        "📄 Портфолио: Новикова",
        BUTTON_STATEMENT,
        BUTTON_RECOGNIZE,
    ]
    # who mentored when is kept: the card names both, the history has both
    assert "Наставники пары: Орлова Вера (" in done.text and "Белов Иван (с " in done.text
    assert "— —" not in done.text
    async with session_factory() as session:
        history = [
            (entry.mentor_id, entry.until is None)
            for entry in await session.scalars(select(PairMentor).order_by(PairMentor.id))
        ]
    assert history == [(ids[MENTOR], False), (ids[OTHER_MENTOR], True)]
    request = await reply(mentee)
    assert "Программа наставничества завершена" in request.text
    await mentee.press(request, "4")
    await reply(mentee)
    await mentee.send("Научилась выстраивать урок")
    assert (await reply(mentee)).text == texts.PAIR_REFLECTION_SAVED
    await mentee.press_data(request.message_id, ReflectionScoreCb(pair_id=pair_id, score=5).pack())
    assert (await mentee.callback_answer())["text"] == texts.PAIR_REFLECTION_DONE
    assert "Программа наставничества завершена" in (await reply(other)).text
    # The mentor missed the notice's buttons: the completed pair's card offers them again.
    await other.send("/my_pairs")
    await other.press_line(await reply(other), 1)
    card = await reply(other)
    await other.press(card, texts.BUTTON_FINAL_REFLECTION)
    await other.press(await reply(other), "5")
    await reply(other)
    await other.send("Группа выросла")
    assert (await reply(other)).text == texts.PAIR_REFLECTION_SAVED
    async with session_factory() as session:
        feedback = {f.person_id: f.score for f in (await session.scalars(select(Feedback))).all()}
        pair = await session.get(Pair, pair_id)
    assert feedback == {ids[MENTEE]: 4, ids[OTHER_MENTOR]: 5}
    assert pair is not None and pair.status is PairStatus.COMPLETED
    await curator.send("/pairs")
    await curator.press_line(await reply(curator), 1)
    final = await reply(curator)
    assert "💭 Новикова Ира (4/5): Научилась выстраивать урок" in final.text
    assert "💭 Белов Иван (5/5): Группа выросла" in final.text


async def test_stop_early_with_reason(running_bot, session_factory, telegram):
    organization_id = await school(session_factory)
    async with session_factory() as session:
        ids = {p.telegram_id: p.id for p in (await session.scalars(select(Person))).all()}
    pair_id = await make_pair(session_factory, organization_id, ids[MENTOR], ids[MENTEE])
    curator, mentor = await users(telegram, CURATOR, MENTOR)
    await curator.send("/start")
    menu = await reply(curator)
    await curator.press_data(
        menu.message_id, PairCb(action=PairAction.STOP, pair_id=pair_id).pack()
    )
    await reply(curator)
    await curator.send("Наставник <уволился> & уехал")
    card = await reply(curator)
    assert "прекращена досрочно" in card.text
    assert "Причина прекращения: Наставник <уволился> & уехал" in card.text
    assert "Причина: Наставник <уволился> & уехал" in (await reply(mentor)).text
    await curator.press_data(
        menu.message_id, PairCb(action=PairAction.STOP, pair_id=pair_id).pack()
    )
    assert (await curator.callback_answer())["text"] == texts.PAIR_NOT_ACTIVE


async def test_refusals(running_bot, session_factory, telegram):
    organization_id = await school(session_factory)
    other_org = await make_organization(session_factory, "Другая школа")
    stranger_id = await make_person(session_factory, other_org, 1190, Role.MENTEE)
    await make_person(session_factory, other_org, 1191, Role.CURATOR)
    async with session_factory() as session:
        ids = {p.telegram_id: p.id for p in (await session.scalars(select(Person))).all()}
    pair_id = await make_pair(session_factory, organization_id, ids[MENTOR], ids[MENTEE])
    curator, mentor, outsider, foreign = await users(telegram, CURATOR, MENTOR, MENTEE_2, 1191)

    await mentor.send("/new_pair")
    assert (await reply(mentor)).text == common_texts.ACCESS_CURATOR_ONLY
    open_card = PairCb(action=PairAction.OPEN, pair_id=pair_id).pack()
    await outsider.send("/start")
    await outsider.press_data((await reply(outsider)).message_id, open_card)
    assert (await outsider.callback_answer())["text"] == texts.PAIR_NOT_YOURS
    await foreign.send("/start")
    await foreign.press_data((await reply(foreign)).message_id, open_card)
    assert (await foreign.callback_answer())["text"] == common_texts.ACCESS_OTHER_ORGANIZATION
    await mentor.send("/start")
    await mentor.press_data(
        (await reply(mentor)).message_id,
        PairCb(action=PairAction.COMPLETE_YES, pair_id=pair_id).pack(),
    )
    assert (await mentor.callback_answer())["text"] == common_texts.ACCESS_CURATOR_ONLY

    await curator.send("/new_pair")
    picker = await reply(curator)
    await curator.press(picker, "Орлова Вера")
    await reply(curator)
    forged = PickCb(purpose=PickPurpose.MENTEES, person_id=stranger_id).pack()
    await curator.press_data(picker.message_id, forged)
    answer = await curator.callback_answer()
    assert answer["text"] == texts.PAIR_PERSON_NOT_AVAILABLE.format(role="наставляемый")
    await curator.send("/cancel")
    await reply(curator)
    await curator.press_data(picker.message_id, forged)  # outside the wizard: a stale button
    assert (await curator.callback_answer())["text"] == common_texts.STALE_BUTTON
    async with session_factory() as session:
        assert len((await session.scalars(select(Pair))).all()) == 1


async def test_picker_pages_through_many_mentors(running_bot, session_factory, telegram):
    organization_id = await school(session_factory)
    for number in range(43):  # and two more: 45 mentors, 20 a page
        await make_person(
            session_factory,
            organization_id,
            1200 + number,
            Role.MENTOR,
            full_name=f"Яковлев {number:02d}",
        )
    (curator,) = await users(telegram, CURATOR)
    await curator.send("/new_pair")
    picker = await reply(curator)
    assert "1/3" in picker.buttons()
    await curator.press(picker, common_texts.BUTTON_NEXT)
    second = await reply(curator)
    assert "2/3" in second.buttons()
    await curator.send("я")
    assert (await reply(curator)).text == VALIDATION_SEARCH_TOO_SHORT


async def test_an_old_picker_cannot_change_another_pair(running_bot, session_factory, telegram):
    organization_id = await school(session_factory)
    async with session_factory() as session:
        ids = {p.telegram_id: p.id for p in (await session.scalars(select(Person))).all()}
    first = await make_pair(session_factory, organization_id, ids[MENTOR], ids[MENTEE])
    second = await make_pair(session_factory, organization_id, ids[MENTOR], ids[MENTEE_2])
    (curator,) = await users(telegram, CURATOR)
    await curator.send("/start")
    menu = await reply(curator)
    await curator.press_data(
        menu.message_id, PairCb(action=PairAction.CHANGE_MENTOR, pair_id=first).pack()
    )
    old_picker = await reply(curator)
    await curator.press_data(
        menu.message_id, PairCb(action=PairAction.CHANGE_MENTOR, pair_id=second).pack()
    )
    await reply(curator)
    await curator.press(old_picker, "Белов Иван")
    assert (await curator.callback_answer())["text"] == common_texts.STALE_BUTTON
    async with session_factory() as session:
        mentors = {p.id: p.mentor_id for p in (await session.scalars(select(Pair))).all()}
    assert mentors == {first: ids[MENTOR], second: ids[MENTOR]}


async def test_an_erased_mentee_leaves_the_pair(running_bot, session_factory, telegram):
    organization_id = await school(session_factory)
    async with session_factory() as session:
        ids = {p.telegram_id: p.id for p in (await session.scalars(select(Person))).all()}
    await make_pair(session_factory, organization_id, ids[MENTOR], ids[MENTEE], ids[MENTEE_2])
    (mentee,) = await users(telegram, MENTEE)
    await mentee.send("/delete_me")
    await mentee.press(await reply(mentee), BUTTON_DELETE_YES)
    await reply(mentee)
    (curator,) = await users(telegram, CURATOR)
    await curator.send("/pairs")
    listing = await reply(curator)
    assert "Орлова Вера → Зайцев Пётр · действует" in listing.text
    assert ERASED_PERSON not in listing.text
