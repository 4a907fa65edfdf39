"""Achievements and recognitions over the real bot: a mentee records a contest with its level,
result, day and diploma; the portfolio printed for the mentee, the mentor and the curator and
refused to another mentor; the curator recognises a mentor from the pair's card (the mentor is
told, with the file); the mentor's statement printed with their pairs, meetings and
recognitions, refused to anyone but the mentor and the curator."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from bot.callbacks.achievements import PortfolioCb, RecognizeCb, StatementCb
from bot.callbacks.pairs import PairAction, PairCb
from bot.services.pairs import local_today
from bot.texts import achievements as texts
from bot.texts.common import ACCESS_NOT_YOUR_MENTEE, ACCESS_ROLE_ONLY
from bot.texts.validation import VALIDATION_DATE_FUTURE
from models import Achievement, Recognition, utcnow
from models.enums import AchievementKind, AchievementLevel, MeetingStatus, Role
from tests.dialogs import reply, users
from tests.factories import make_meeting, make_organization, make_pair, make_person
from tests.printed import joined, printed

CURATOR, MENTOR, MENTEE, OTHER_MENTOR = 2201, 2202, 2203, 2204
SCHOOL = "МБОУ СОШ № 5"


async def school(factory: Any) -> dict[str, int]:
    organization_id = await make_organization(factory, SCHOOL)
    ids = {
        "curator": await make_person(
            factory, organization_id, CURATOR, Role.CURATOR, full_name="Завуч Ольга"
        ),
        "mentor": await make_person(
            factory, organization_id, MENTOR, Role.MENTOR, full_name="Орлова Вера Павловна"
        ),
        "mentee": await make_person(
            factory, organization_id, MENTEE, Role.MENTEE, full_name="Новикова Ирина"
        ),
        "other": await make_person(
            factory, organization_id, OTHER_MENTOR, Role.MENTOR, full_name="Белов Иван"
        ),
    }
    today = local_today("Europe/Moscow")
    ids["pair"] = await make_pair(
        factory,
        organization_id,
        ids["mentor"],
        ids["mentee"],
        starts_on=today - timedelta(days=40),
        ends_on=today + timedelta(days=100),
    )
    return ids


async def test_a_contest_in_the_portfolio(running_bot, session_factory, telegram):
    ids = await school(session_factory)
    curator, mentor, mentee, other = await users(telegram, CURATOR, MENTOR, MENTEE, OTHER_MENTOR)
    await mentee.send("/achievements")
    listing = await reply(mentee)
    assert texts.ACHIEVEMENTS_EMPTY.strip() in listing.text
    await mentee.press(listing, texts.BUTTON_ACHIEVEMENT_ADD)
    kinds = await reply(mentee)
    await mentee.press(kinds, texts.KIND_NAMES[AchievementKind.CONTEST])
    await reply(mentee)
    await mentee.send("Педагогический дебют <2026>")
    levels = await reply(mentee)
    assert levels.text == texts.ASK_LEVEL
    await mentee.press(levels, "Муниципальный")
    await reply(mentee)
    await mentee.send("призёр")
    await reply(mentee)
    tomorrow = local_today("Europe/Moscow") + timedelta(days=1)
    await mentee.send(tomorrow.strftime("%d.%m.%Y"))
    assert (await reply(mentee)).text == VALIDATION_DATE_FUTURE
    await mentee.send(local_today("Europe/Moscow").strftime("%d.%m.%Y"))
    asked = await reply(mentee)
    assert asked.text == texts.ASK_FILE
    await mentee.send_document(b"%PDF-1.4 diploma", filename="диплом.pdf")
    assert (await reply(mentee)).text == texts.ACHIEVEMENT_SAVED
    shown = await reply(mentee)
    assert "Педагогический дебют <2026> (муниципальный, призёр)" in shown.text
    async with session_factory() as session:
        saved = await session.scalar(select(Achievement))
        assert saved is not None and saved.level is AchievementLevel.MUNICIPAL
        assert saved.file_name == "диплом.pdf" and saved.file_id

    await mentee.press(shown, texts.BUTTON_PORTFOLIO)
    paper = await reply(mentee)
    text = joined(printed(paper.document["content"], "portfolio").text)
    for expected in (
        texts.PORTFOLIO_TITLE,
        SCHOOL,
        "Новикова Ирина",
        "Орлова Вера Павловна",
        "Педагогический дебют <2026>",
        "муниципальный",
        "призёр",
    ):
        assert expected in text, expected
    assert "None" not in text

    # the mentor and the curator get it from the pair's card; another mentor does not
    for user in (mentor, curator):
        await user.send("/start")
        menu = await reply(user)
        opened = PairCb(action=PairAction.OPEN, pair_id=ids["pair"]).pack()
        await user.press_data(menu.message_id, opened)
        card = await reply(user)
        await user.press(card, texts.BUTTON_PORTFOLIO_OF.format(name="Новикова"))
        assert (await reply(user)).document["file_name"] == f"portfolio_{ids['mentee']}.docx"
    await other.send("/start")
    menu = await reply(other)
    await other.press_data(menu.message_id, PortfolioCb(person_id=ids["mentee"]).pack())
    assert (await other.callback_answer())["text"] == ACCESS_NOT_YOUR_MENTEE
    await curator.send("/achievements")
    assert (await reply(curator)).text == texts.ACHIEVEMENTS_WHO


async def test_a_mentor_recognised_and_their_statement(running_bot, session_factory, telegram):
    ids = await school(session_factory)
    await make_meeting(
        session_factory,
        ids["pair"],
        utcnow() - timedelta(days=7),
        status=MeetingStatus.HELD,
    )
    curator, mentor, mentee, other = await users(telegram, CURATOR, MENTOR, MENTEE, OTHER_MENTOR)
    await curator.send("/start")
    menu = await reply(curator)
    await curator.press_data(
        menu.message_id, PairCb(action=PairAction.OPEN, pair_id=ids["pair"]).pack()
    )
    card = await reply(curator)
    await curator.press(card, texts.BUTTON_RECOGNIZE)
    kinds = await reply(curator)
    assert "Орлова Вера Павловна" in kinds.text
    await curator.send("Грамота")  # typed as the button says
    await reply(curator)
    await curator.send("Почётная грамота управления образования")
    day = await reply(curator)
    await curator.press(day, texts.BUTTON_TODAY)
    file_step = await reply(curator)
    await curator.press(file_step, texts.BUTTON_NO_FILE)
    assert (await reply(curator)).text == texts.RECOGNITION_SAVED
    told = await reply(mentor)
    assert "грамота «Почётная грамота управления образования»" in told.text

    # a mentee and another mentor may not recognise, nor read the statement
    for user in (mentee, other):
        await user.send("/start")
        start = await reply(user)
        await user.press_data(start.message_id, RecognizeCb(mentor_id=ids["mentor"]).pack())
        assert (await user.callback_answer())["text"] == ACCESS_ROLE_ONLY[Role.CURATOR]
        await user.press_data(start.message_id, StatementCb(mentor_id=ids["mentor"]).pack())
        assert (await user.callback_answer())["text"] == texts.STATEMENT_WHO

    await mentor.send("/achievements")
    own = await reply(mentor)
    assert "Почётная грамота управления образования" in own.text
    await mentor.press(own, texts.BUTTON_STATEMENT)
    paper = await reply(mentor)
    text = joined(printed(paper.document["content"], "mentor_statement").text)
    for expected in (
        "СПРАВКА",
        "Орлова Вера Павловна",
        SCHOOL,
        "Новикова Ирина",
        "Проведено встреч с наставляемыми: 1",
        "Почётная грамота управления образования",
        "Завуч Ольга",
    ):
        assert expected in text, expected
    async with session_factory() as session:
        assert (await session.scalar(select(Recognition))) is not None
