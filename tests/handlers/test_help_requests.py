"""Situational help over the real bot: a request with a photo goes to the mentor, who takes it;
the conversation is relayed both ways; closing asks whether it helped; a closed request takes
no more messages; an untaken request is escalated to the curator (once) and passed to another
mentor; a mentee without a pair reaches the curator; the curator's escalation setting."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.callbacks.help_requests import HelpAction, HelpCb
from bot.callbacks.settings import OrgSettingsCb
from bot.services.organizations import OrgSetting
from bot.texts import help_requests as texts
from bot.texts.common import ACCESS_CURATOR_ONLY, ACCESS_MENTEE_ONLY, UNKNOWN_INPUT
from bot.texts.settings import ORG_BAD_SETTING
from models import HelpMessage, HelpRequest, Organization
from models.enums import HelpStatus, Role, Urgency
from scheduler.jobs import escalate_help_requests
from scheduler.sender import Sender
from tests.clock import FakeClock, last_wednesday, local
from tests.dialogs import reply, users
from tests.factories import count, make_help_request, make_organization, make_pair, make_person

MENTOR, MENTEE, CURATOR, OTHER_MENTOR, LONE_MENTEE = 1601, 1602, 1603, 1604, 1605


async def school(factory) -> tuple[int, int]:
    organization_id = await make_organization(factory)
    mentor_id = await make_person(
        factory, organization_id, MENTOR, Role.MENTOR, full_name="Орлова Вера"
    )
    mentee_id = await make_person(
        factory, organization_id, MENTEE, Role.MENTEE, full_name="Новикова Ира"
    )
    await make_person(factory, organization_id, CURATOR, Role.CURATOR, full_name="Завуч Ольга")
    await make_person(factory, organization_id, OTHER_MENTOR, Role.MENTOR, full_name="Белов Иван")
    await make_person(factory, organization_id, LONE_MENTEE, Role.MENTEE, full_name="Зайцев Пётр")
    pair_id = await make_pair(factory, organization_id, mentor_id, mentee_id)
    return pair_id, mentee_id


async def test_request_conversation_and_close(running_bot, session_factory, telegram):
    await school(session_factory)
    mentor, mentee = await users(telegram, MENTOR, MENTEE)

    await mentee.send("/need_help")
    assert (await reply(mentee)).text.startswith("🆘 Нужна помощь.")
    await mentee.send_photo(b"\xff\xd8jpeg")
    assert (await reply(mentee)).text == texts.HELP_NEEDS_TEXT
    await mentee.send_photo(b"\xff\xd8jpeg", caption="Родители <жалуются> на оценки")
    urgency = await reply(mentee)
    await mentee.press(urgency, texts.HELP_URGENCY_NAMES[Urgency.HIGH])
    sent = await reply(mentee)
    assert sent.text == "✅ Запрос №1 отправлен наставнику Орлова Вера. Ответ придёт сюда."

    notice = await reply(mentor)  # the photo, the request as its caption, and the buttons
    assert notice.photo is not None
    assert "Запрос о помощи №1 от Новикова Ира · срочно" in notice.text
    assert "Родители <жалуются> на оценки" in notice.text
    await mentor.press(notice, texts.HELP_BUTTONS["take"])
    assert "Переписка по запросу №1" in (await reply(mentor)).text
    assert "Орлова Вера взял(а) ваш запрос №1" in (await reply(mentee)).text
    await mentor.send("Позвоните родителям и покажите критерии")
    assert (await reply(mentor)).text == texts.HELP_MESSAGE_SENT
    relayed = await reply(mentee)
    assert "Запрос №1 · Орлова Вера:\nПозвоните родителям" in relayed.text

    await mentee.press(relayed, texts.HELP_BUTTONS["reply"])
    await reply(mentee)
    await mentee.send_document(b"%PDF", "criteria.pdf", caption="Вот мои критерии")
    assert (await reply(mentee)).text == texts.HELP_MESSAGE_SENT
    answer = await reply(mentor)
    assert answer.document is not None
    assert "Новикова Ира:\nВот мои критерии" in answer.text

    await mentor.send("/requests")
    listing = await reply(mentor)
    assert "№1 · Новикова Ира · в работе" in listing.text
    await mentor.press_line(listing, 1)
    card = await reply(mentor)
    assert "Вот мои критерии 📎 вложение" in card.text

    await mentor.press(answer, texts.HELP_BUTTONS["close"])
    assert (await reply(mentor)).text == "✔️ Запрос №1 закрыт."
    question = await reply(mentee)
    await mentee.press(question, texts.HELP_BUTTONS["helped"])
    assert (await reply(mentee)).text == texts.HELP_HELPED_THANKS
    assert "по запросу №1 — помогло" in (await reply(mentor)).text

    await mentee.send("И ещё вопрос")  # still in the conversation, but it is closed
    assert (await reply(mentee)).text == texts.HELP_CLOSED
    await mentee.send("Алло?")  # the closed conversation no longer takes messages
    assert (await reply(mentee)).text == UNKNOWN_INPUT
    await mentee.press_data(
        relayed.message_id, HelpCb(action=HelpAction.REPLY, request_id=1).pack()
    )
    assert (await mentee.callback_answer())["text"] == texts.HELP_CLOSED
    await mentee.expect_no_message()  # refused once, by the alert, not again in the chat
    async with session_factory() as session:
        request = await session.get(HelpRequest, 1)
    assert request is not None and request.status is HelpStatus.CLOSED and request.helped
    assert request.first_answer_at is not None
    assert await count(session_factory, HelpMessage) == 3  # photo, answer, document


async def test_escalation_once_then_passed_to_another_mentor(
    running_bot, session_factory, telegram
):
    pair_id, mentee_id = await school(session_factory)
    # working hours count (Mon–Fri 08–18): a Wednesday noon, when a fresh request is not late
    clock = FakeClock(local(last_wednesday(), 12))
    week_ago = clock() - timedelta(days=7)
    await make_help_request(session_factory, mentee_id, pair_id, week_ago)
    fresh = await make_help_request(session_factory, mentee_id, pair_id, clock(), "Свежий")
    mentor, mentee, curator, other = await users(telegram, MENTOR, MENTEE, CURATOR, OTHER_MENTOR)

    assert await escalate_help_requests(session_factory, clock()) == 1
    assert (await Sender(session_factory, running_bot.bot, clock=clock).run_once()).sent == 1
    escalated = await reply(curator)
    assert "Запрос о помощи №1 от Новикова Ира ждёт уже 7 дн" in escalated.text
    assert "наставник Орлова Вера его не взял" in escalated.text
    assert await escalate_help_requests(session_factory, clock()) == 0
    assert (await Sender(session_factory, running_bot.bot, clock=clock).run_once()).sent == 0
    await curator.expect_no_message()

    await curator.press(escalated, texts.HELP_BUTTONS["pass"])
    mentors = await reply(curator)
    assert mentors.buttons()[:2] == ["Белов Иван", "Орлова Вера"]
    await curator.press(mentors, "Белов Иван")
    assert (await reply(curator)).text == "✅ Запрос передан: Белов Иван."
    passed = await reply(other)
    assert "Куратор передал вам запрос о помощи" in passed.text
    assert "передан наставнику Белов Иван" in (await reply(mentee)).text

    await mentor.send("/start")
    menu = await reply(mentor)
    await mentor.press_data(menu.message_id, HelpCb(action=HelpAction.TAKE, request_id=1).pack())
    assert "Нет доступа" in (await mentor.callback_answer())["text"]
    await other.press(passed, texts.HELP_BUTTONS["take"])
    assert "Переписка по запросу №1" in (await reply(other)).text
    assert "Белов Иван взял(а) ваш запрос №1" in (await reply(mentee)).text
    async with session_factory() as session:
        request = await session.get(HelpRequest, 1)
        untouched = await session.get(HelpRequest, fresh)
    assert request is not None and request.status is HelpStatus.TAKEN
    assert request.escalated_at is not None
    assert untouched is not None and untouched.escalated_at is None


async def test_mentee_without_pair_reaches_the_curator(running_bot, session_factory, telegram):
    await school(session_factory)
    lone, curator, mentor = await users(telegram, LONE_MENTEE, CURATOR, MENTOR)

    await lone.send("/need_help")
    await reply(lone)
    await lone.send("Не понимаю, как заполнять электронный журнал")
    await lone.press(await reply(lone), texts.HELP_URGENCY_NAMES[Urgency.MEDIUM])
    assert (await reply(lone)).text == texts.HELP_SENT_TO_CURATOR.format(id=1)
    notice = await reply(curator)
    assert "нет наставника" in notice.text
    assert notice.buttons() == [texts.HELP_BUTTONS["take"], texts.HELP_BUTTONS["pass"]]
    await curator.press(notice, texts.HELP_BUTTONS["take"])
    await reply(curator)
    assert "Завуч Ольга взял(а) ваш запрос №1" in (await reply(lone)).text
    await curator.send("Зайдите ко мне в 14:00")
    await reply(curator)
    assert "Завуч Ольга:\nЗайдите ко мне" in (await reply(lone)).text

    await mentor.send("/start")
    menu = await reply(mentor)
    await mentor.press_data(menu.message_id, HelpCb(action=HelpAction.OPEN, request_id=1).pack())
    assert "Нет доступа" in (await mentor.callback_answer())["text"]
    await mentor.send("/need_help")
    assert (await reply(mentor)).text == ACCESS_MENTEE_ONLY


async def test_curator_sets_escalation_hours(running_bot, session_factory, telegram):
    await school(session_factory)
    curator, mentor = await users(telegram, CURATOR, MENTOR)

    await curator.send("/settings")
    settings = await reply(curator)
    assert "за 4 рабочих ч" in settings.text and "✅ 4 ч" in settings.buttons()
    await curator.press(settings, "8 ч")
    changed = await reply(curator)
    assert "за 8 рабочих ч" in changed.text
    assert "не было 14 дн." in changed.text and "Тихие часы организации" in changed.text
    await curator.press(changed, "21 дн.")
    changed = await reply(curator)
    assert "Пара застоялась, если 30 дн." in changed.text
    await curator.press(changed, "⚠️ 45 дн.")
    changed = await reply(curator)
    assert "Пара застоялась, если 45 дн." in changed.text
    await curator.press(changed, "🌙 22–07")
    assert "22:00–07:00" in (await reply(curator)).text
    await curator.press_data(
        changed.message_id, OrgSettingsCb(field=OrgSetting.QUIET, value=1234).pack()
    )  # a forged value
    assert (await curator.callback_answer())["text"] == ORG_BAD_SETTING
    await mentor.send("/settings")
    assert (await reply(mentor)).text == ACCESS_CURATOR_ONLY
    async with session_factory() as session:
        organization = await session.scalar(select(Organization))
    assert organization is not None and organization.help_escalation_hours == 8
    assert organization.no_meeting_nudge_days == 21 and organization.stalled_days == 45
    assert (organization.quiet_hours_start, organization.quiet_hours_end) == (22, 7)
