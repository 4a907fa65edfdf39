"""Questionnaires over the real bot: sent at a programme's milestone through the outbox,
answered with buttons and one typed answer in well under a minute, once; a reminder only for who
has not answered; refused to anyone outside the pair; the curator's questionnaire turned
anonymous, given a question of their own, its results with the response rate and a chart, and
turned off; the milestones of a pair."""

from __future__ import annotations

import io
from datetime import date, timedelta

from docx import Document
from openpyxl import load_workbook
from sqlalchemy import select

from bot.callbacks.surveys import SurveyAdminAction, SurveyAdminCb, SurveyStartCb
from bot.services import surveys
from bot.services.pairs import local_today
from bot.services.reminders import relevance
from bot.texts import surveys as texts
from bot.texts.common import ACCESS_ROLE_ONLY
from models import Notification, Pair, SurveyAnswer, SurveyResponse, utcnow
from models.enums import QuestionKind, Role, SurveyAudience, SurveyMilestone
from scheduler.jobs import plan_reminders
from scheduler.sender import Sender
from tests.clock import local
from tests.dialogs import reply, users
from tests.factories import make_organization, make_pair, make_person

CURATOR, MENTOR, MENTEE, OUTSIDER = 2301, 2302, 2303, 2304
ANSWER_SHEET = "Освоить электронный <журнал>"


async def test_a_questionnaire_answered_and_its_results(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    await make_person(session_factory, organization_id, CURATOR, Role.CURATOR, full_name="Завуч")
    mentor_id = await make_person(
        session_factory, organization_id, MENTOR, Role.MENTOR, full_name="Орлова Вера"
    )
    mentee_id = await make_person(
        session_factory, organization_id, MENTEE, Role.MENTEE, full_name="Новикова Ира"
    )
    await make_person(session_factory, organization_id, OUTSIDER, Role.MENTEE, full_name="Другой")
    today = local_today("Europe/Moscow")
    pair_id = await make_pair(
        session_factory,
        organization_id,
        mentor_id,
        mentee_id,
        starts_on=today - timedelta(days=8),  # the start's questionnaire was due yesterday
        ends_on=today + timedelta(days=100),
    )
    curator, mentor, mentee, outsider = await users(telegram, CURATOR, MENTOR, MENTEE, OUTSIDER)
    await plan_reminders(session_factory, utcnow())
    async with session_factory() as session:
        sent = list(
            await session.scalars(select(Notification).where(Notification.kind == "survey"))
        )
    assert {(n.person_id, n.payload["milestone"]) for n in sent} == {
        (mentor_id, "start"),
        (mentee_id, "start"),
    }
    await Sender(session_factory, running_bot.bot).run_once()
    invite = await reply(mentee)
    assert "Анкета наставляемых на старте программы" in invite.text and "Вопросов: 3" in invite.text

    # not theirs to fill in, whatever they press
    for stranger in (outsider, curator):
        await stranger.send("/start")
        menu = await reply(stranger)
        forged = SurveyStartCb(pair_id=pair_id, milestone=SurveyMilestone.START).pack()
        await stranger.press_data(menu.message_id, forged)
        assert (await stranger.callback_answer())["text"] == texts.SURVEY_NOT_YOURS

    await mentee.press(invite, texts.BUTTON_SURVEY_START)
    first = await reply(mentee)
    assert "Вопрос 1 из 3." in first.text and first.buttons() == ["1", "2", "3", "4", "5"]
    await mentee.press(first, "4")
    second = await reply(mentee)
    assert "Вопрос 2 из 3." in second.text
    await mentee.press(second, texts.SUPPORT_OPTIONS[2])
    third = await reply(mentee)
    assert "Вопрос 3 из 3." in third.text
    await mentee.send(ANSWER_SHEET)
    assert (await reply(mentee)).text == texts.SURVEY_DONE
    again = SurveyStartCb(pair_id=pair_id, milestone=SurveyMilestone.START).pack()
    await mentee.press_data(invite.message_id, again)  # once only
    assert (await mentee.callback_answer())["text"] == texts.SURVEY_ALREADY
    async with session_factory() as session:
        response = await session.scalar(select(SurveyResponse))
        assert response is not None and response.completed_at is not None
        answers = list(await session.scalars(select(SurveyAnswer).order_by(SurveyAnswer.id)))
    assert [(a.score, a.text) for a in answers] == [
        (4, None),
        (None, texts.SUPPORT_OPTIONS[2]),
        (None, ANSWER_SHEET),
    ]

    # three days on, the reminder is for the mentor only: the mentee has answered
    yesterday = today - timedelta(days=1)
    later = local(yesterday + surveys.REMIND_AFTER, 16, 5)
    await plan_reminders(session_factory, later)
    async with session_factory() as session:
        reminders = list(
            await session.scalars(
                select(Notification).where(Notification.kind == "survey_reminder")
            )
        )
        due = {
            n.person_id: await relevance.survey_due(session, n, later) is not None
            for n in reminders
        }
    assert due == {mentor_id: True, mentee_id: False}

    # the curator's side
    await curator.send("/surveys")
    listing = await reply(curator)
    await curator.press(listing, "✅ Анкета наставляемых на старте")
    card = await reply(curator)
    await curator.press(card, texts.BUTTON_SURVEY_ANONYMOUS_ON)
    card = await reply(curator)
    assert texts.SURVEY_ANONYMOUS_STATE in card.text
    await curator.press(card, texts.BUTTON_SURVEY_ADD)
    await curator.press(await reply(curator), texts.QUESTION_KIND_NAMES[QuestionKind.SCALE])
    await reply(curator)
    await curator.send("Насколько комфортно в коллективе?")
    assert (await reply(curator)).text == texts.SURVEY_QUESTION_SAVED
    card = await reply(curator)
    assert "4. Насколько комфортно в коллективе?" in card.text
    await curator.press(card, texts.BUTTON_SURVEY_RESULTS)
    results = await reply(curator)
    assert "Ответили: 1 из 1 (100 %)" in results.text
    assert "среднее — 4,0" in results.text
    assert f"{texts.SUPPORT_OPTIONS[2]} — 1" in results.text
    assert ANSWER_SHEET in results.text and "Новикова" not in results.text  # anonymous
    assert (await reply(curator)).photo

    await mentor.send("/start")
    menu = await reply(mentor)
    forged_admin = SurveyAdminCb(
        action=SurveyAdminAction.TOGGLE,
        audience=SurveyAudience.MENTOR,
        milestone=SurveyMilestone.START,
    ).pack()
    await mentor.press_data(menu.message_id, forged_admin)
    assert (await mentor.callback_answer())["text"] == ACCESS_ROLE_ONLY[Role.CURATOR]

    # the answers in the workbook (anonymous now: without the name) and the final report
    await curator.send("/report")
    book = load_workbook(io.BytesIO((await reply(curator)).document["content"]))
    rows = list(book["Анкеты"].iter_rows(min_row=2, values_only=True))
    assert [(row[3], row[5]) for row in rows] == [
        ("анонимно", "4"),
        ("анонимно", texts.SUPPORT_OPTIONS[2]),
        ("анонимно", ANSWER_SHEET),
    ]
    await curator.send("/final_report")
    report = Document(io.BytesIO((await reply(curator)).document["content"]))
    cells = [cell.text for table in report.tables for row in table.rows for cell in row.cells]
    assert "наставляемых на старте" in cells and "1 из 1 (100 %)" in cells

    # turned off, the mentor's questionnaire is no longer sent
    await curator.press_data(card.message_id, forged_admin)
    assert "выключена" in (await reply(curator)).text
    async with session_factory() as session:
        mentor_invite = next(n for n in sent if n.person_id == mentor_id)
        assert await relevance.survey_due(session, mentor_invite, utcnow()) is None


def test_milestones() -> None:
    pair = Pair(starts_on=date(2026, 9, 1), ends_on=date(2026, 12, 31))
    assert surveys.milestone_day(pair, SurveyMilestone.START) == date(2026, 9, 8)
    assert surveys.milestone_day(pair, SurveyMilestone.MIDDLE) == date(2026, 10, 31)
    assert surveys.milestone_day(pair, SurveyMilestone.END) == date(2026, 12, 24)
    short = Pair(starts_on=date(2026, 9, 1), ends_on=date(2026, 9, 20))
    assert surveys.milestone_day(short, SurveyMilestone.START) is None
    assert surveys.milestone_day(Pair(starts_on=date(2026, 9, 1)), SurveyMilestone.END) is None


async def test_milestones_in_sql(session_factory):
    organization_id = await make_organization(session_factory)
    mentor = await make_person(session_factory, organization_id, None, Role.MENTOR)
    mentee = await make_person(session_factory, organization_id, None, Role.MENTEE)
    pair_id = await make_pair(
        session_factory,
        organization_id,
        mentor,
        mentee,
        starts_on=date(2026, 9, 1),
        ends_on=date(2026, 12, 31),
    )
    async with session_factory() as session:
        for milestone, day in (
            (SurveyMilestone.START, date(2026, 9, 8)),
            (SurveyMilestone.MIDDLE, date(2026, 10, 31)),
            (SurveyMilestone.END, date(2026, 12, 24)),
        ):
            found = await surveys.pairs_due(session, milestone, day, day)
            assert [(pair.id, due) for pair, _, due in found] == [(pair_id, day)], milestone
            assert (
                await surveys.pairs_due(session, milestone, day + timedelta(1), day + timedelta(9))
                == []
            )
