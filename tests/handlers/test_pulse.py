"""Pulse check-ins over the real bot: the question on a pulse day of the pair, answered with one
button; «очень трудно» told at once to the mentor and the curator, the comment to the curator;
answered once; refused to anyone but the pair's mentees; the trend on the pair's card; the
setting; and which days are pulse days."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.callbacks.pairs import PairAction, PairCb
from bot.callbacks.pulse import PulseCb
from bot.services import pulse
from bot.services.pairs import local_today
from bot.texts import pulse as texts
from bot.texts import settings as settings_texts
from models import Notification, Organization, PulseCheck, utcnow
from models.enums import Role
from scheduler.jobs import plan_reminders
from scheduler.sender import Sender
from tests.dialogs import reply, users
from tests.factories import make_organization, make_pair, make_person

CURATOR, MENTOR, MENTEE = 2101, 2102, 2103


async def test_a_very_hard_answer_reaches_the_mentor_and_the_curator(
    running_bot, session_factory, telegram
):
    organization_id = await make_organization(session_factory, pulse_days=14)
    await make_person(session_factory, organization_id, CURATOR, Role.CURATOR, full_name="Завуч")
    mentor_id = await make_person(
        session_factory, organization_id, MENTOR, Role.MENTOR, full_name="Орлова Вера"
    )
    mentee_id = await make_person(
        session_factory, organization_id, MENTEE, Role.MENTEE, full_name="Новикова Ира"
    )
    today = local_today("Europe/Moscow")
    pair_id = await make_pair(
        session_factory,
        organization_id,
        mentor_id,
        mentee_id,
        starts_on=today - timedelta(days=15),  # the pulse day was yesterday
        ends_on=today + timedelta(days=90),
    )
    curator, mentor, mentee = await users(telegram, CURATOR, MENTOR, MENTEE)
    await plan_reminders(session_factory, utcnow())
    async with session_factory() as session:
        asked = list(
            await session.scalars(select(Notification).where(Notification.kind == "pulse"))
        )
    assert [(n.person_id, n.payload["day"]) for n in asked] == [
        (mentee_id, (today - timedelta(days=1)).isoformat())
    ]
    await Sender(session_factory, running_bot.bot).run_once()
    question = await reply(mentee)
    assert "Как идёт работа с наставником?" in question.text and "Орлова Вера" in question.text
    assert question.buttons() == list(texts.PULSE_STEPS.values())

    stamp = int((today - timedelta(days=1)).strftime("%Y%m%d"))
    forged = PulseCb(pair_id=pair_id, day=stamp, score=5).pack()
    await mentor.send("/start")
    await mentor.press_data((await reply(mentor)).message_id, forged)
    assert (await mentor.callback_answer())["text"] == texts.PULSE_MENTEES_ONLY

    await mentee.press(question, texts.PULSE_STEPS[1])
    thanks = await reply(mentee)
    assert texts.PULSE_THANKS_HARD in thanks.text
    for told in (mentor, curator):
        alarm = await reply(told)
        while "очень трудно" not in alarm.text:  # what came before: the menu
            alarm = await reply(told)
        assert "Новикова Ира" in alarm.text
    await mentee.send("Не успеваю <проверять> тетради")
    assert (await reply(mentee)).text == texts.PULSE_COMMENT_SAVED
    note = await reply(curator)
    assert "Не успеваю <проверять> тетради" in note.text
    await mentor.expect_no_message()  # the comment is for the curator

    await mentee.press_data(
        question.message_id, PulseCb(pair_id=pair_id, day=stamp, score=4).pack()
    )
    assert (await mentee.callback_answer())["text"] == texts.PULSE_ALREADY
    async with session_factory() as session:
        checks = list(await session.scalars(select(PulseCheck)))
    assert [(c.score, c.comment) for c in checks] == [(1, "Не успеваю <проверять> тетради")]

    await curator.send("/start")
    menu = await reply(curator)
    await curator.press_data(
        menu.message_id, PairCb(action=PairAction.OPEN, pair_id=pair_id).pack()
    )
    assert "Пульс наставляемых (1–5): 1,0" in (await reply(curator)).text

    await curator.send("/settings")
    shown = await reply(curator)
    assert "каждые 14 дн." in shown.text
    await curator.press(shown, "💬 нет")
    await reply(curator)
    async with session_factory() as session:
        organization = await session.get(Organization, organization_id)
        assert organization is not None and organization.pulse_days == 0
    assert settings_texts.PULSE_NEVER


async def test_pulse_days(session_factory):
    asking = await make_organization(session_factory, "Спрашивает", pulse_days=14)
    silent = await make_organization(session_factory, "Не спрашивает", pulse_days=0)
    people = {}
    for organization_id in (asking, silent):
        people[organization_id] = (
            await make_person(session_factory, organization_id, None, Role.MENTOR),
            await make_person(session_factory, organization_id, None, Role.MENTEE),
        )
    start = local_today("Europe/Moscow") - timedelta(days=60)
    asked_pair = await make_pair(session_factory, asking, *people[asking], starts_on=start)
    await make_pair(session_factory, silent, *people[silent], starts_on=start)
    async with session_factory() as session:
        for days, expected in ((14, [asked_pair]), (28, [asked_pair]), (7, []), (0, []), (15, [])):
            found = await pulse.pairs_asked_on(session, start + timedelta(days=days))
            assert [pair.id for pair, _ in found] == expected, days
