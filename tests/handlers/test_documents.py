"""The school's documents over the real bot, each printed by LibreOffice and read back: the
order fixing pairs (number proposed or typed, date «Сегодня»), the order of changes, the
programme approved by the curator and printed for its mentor, the regulation's template and
the adopted version uploaded back, the roadmap with its invitations and results (and its section
of the final report); each refused to who may not have it, whatever they press; an organisation
with no pairs and one with 60 (several pages, the table's header on each)."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

from docx import Document
from sqlalchemy import select

from bot.callbacks.documents import DocumentsAction, DocumentsCb, EventAction, EventCb, NewOrderCb
from bot.callbacks.programmes import ProgrammeAction, ProgrammeCb
from bot.documents import order as order_document
from bot.documents import regulation as regulation_document
from bot.documents import roadmap as roadmap_document
from bot.services.orders import OrderDocument
from bot.services.pairs import local_today
from bot.services.regulations import RegulationTemplate
from bot.services.roadmap import RoadmapView, span
from bot.texts import documents as texts
from bot.texts import programmes as programme_texts
from bot.texts import reports as report_texts
from bot.texts.common import ACCESS_ROLE_ONLY, CANCELLED
from bot.texts.validation import VALIDATION_DATE, VALIDATION_NO_SUCH_DATE
from models import Order, Pair, PairMentor, Programme, ProgrammeActivity, RoadmapEvent, utcnow
from models.enums import (
    MentorshipForm,
    MentorshipKind,
    OrderKind,
    PairStatus,
    ProgrammeStatus,
    RoadmapAudience,
    RoadmapEventKind,
    RoadmapStatus,
    Role,
)
from tests.dialogs import reply, users
from tests.factories import (
    make_activity,
    make_difficulty,
    make_organization,
    make_pair,
    make_person,
    make_programme,
)
from tests.printed import joined, printed

CURATOR, MENTOR, MENTEE, MENTEE_TWO, OTHER_MENTOR = 1901, 1902, 1903, 1904, 1905
SCHOOL = "МБОУ «Лицей № 7»"


def today_text() -> str:
    return local_today("Europe/Moscow").strftime("%d.%m.%Y")


async def school(factory: Any) -> Any:
    """A curator, two mentors, two mentees: a traditional pair and a group."""
    organization_id = await make_organization(factory, SCHOOL)
    ids = {
        "curator": await make_person(
            factory, organization_id, CURATOR, Role.CURATOR, full_name="Завуч Ольга Ивановна"
        ),
        "mentor": await make_person(
            factory, organization_id, MENTOR, Role.MENTOR, full_name="Орлова Вера Павловна"
        ),
        "mentee": await make_person(
            factory, organization_id, MENTEE, Role.MENTEE, full_name="Новикова Ирина"
        ),
        "mentee_two": await make_person(
            factory, organization_id, MENTEE_TWO, Role.MENTEE, full_name="Сидоров Пётр"
        ),
        "other": await make_person(
            factory, organization_id, OTHER_MENTOR, Role.MENTOR, full_name="Белов Иван"
        ),
    }
    today = local_today("Europe/Moscow")
    pair_id = await make_pair(
        factory,
        organization_id,
        ids["mentor"],
        ids["mentee"],
        starts_on=today - timedelta(days=20),
        ends_on=today + timedelta(days=160),
    )
    group_id = await make_pair(
        factory,
        organization_id,
        ids["other"],
        ids["mentee"],
        ids["mentee_two"],
        kind=MentorshipKind.GROUP,
        starts_on=today - timedelta(days=10),
        ends_on=today + timedelta(days=80),
    )
    return organization_id, pair_id, group_id, ids


async def hub(user: Any) -> Any:
    await user.send("/documents")
    return await reply(user)


async def make_order(user: Any, button: str, number: str | None = None) -> Any:
    """Through the hub: the order's number (the proposed one, or typed) and «Сегодня»."""
    await user.press(await hub(user), button)
    prompt = await reply(user)
    if number is None:
        await user.press(prompt, texts.BUTTON_ORDER_NUMBER.format(number="1"))
    else:
        await user.send(number)
    asked = await reply(user)
    assert asked.text == texts.ORDER_ASK_DATE.replace("<b>", "").replace("</b>", "")
    await user.press(asked, texts.BUTTON_TODAY.format(day=today_text()))
    saved = await reply(user)
    return saved, await reply(user)


async def test_the_order_fixing_pairs(running_bot, session_factory, telegram):
    _, pair_id, group_id, _ = await school(session_factory)
    curator, mentor = await users(telegram, CURATOR, MENTOR)

    menu = await hub(curator)
    assert "пар без приказа о закреплении — 2" in menu.text
    await curator.press(menu, texts.BUTTON_ORDER_FIXING)
    prompt = await reply(curator)
    assert "пар в нём — 2" in prompt.text
    assert texts.BUTTON_ORDER_NUMBER.format(number="1") in prompt.buttons()
    await curator.send("!!")
    assert (await reply(curator)).text == texts.ORDER_BAD_NUMBER
    await curator.send("Отмена")  # typed, it cancels: it is not taken for a number
    assert (await reply(curator)).text == CANCELLED
    await curator.press(await hub(curator), texts.BUTTON_ORDER_FIXING)
    await reply(curator)
    await curator.send("№ 15-н")
    await reply(curator)
    await curator.send("31.02.2026")
    assert (await reply(curator)).text == VALIDATION_NO_SUCH_DATE.format(date="31.02")
    await curator.send(today_text())
    assert (await reply(curator)).text == texts.ORDER_SAVED.format(
        number="15-н", day=today_text(), count=2
    )
    sent = await reply(curator)
    assert sent.text == f"Приказ № 15-н от {today_text()}"
    async with session_factory() as session:
        order = await session.scalar(select(Order))
        assert order is not None and order.number == "15-н"
        fixed = {pair.id: pair.fixed_by_order_id for pair in await session.scalars(select(Pair))}
    assert fixed == {pair_id: order.id, group_id: order.id}

    paper = printed(sent.document["content"], "order_fixing")
    text = joined(paper.text)
    for expected in (
        "ПРИКАЗ",
        "о закреплении наставнических пар",
        f"от {today_text()}",
        "№ 15-н",
        SCHOOL,
        "Орлова",
        "Новикова",
        "Сидоров",
        "Белов",
        "Групповая",
        "Завуч Ольга Ивановна",
        "Руководитель образовательной организации",
    ):
        assert expected in text, expected
    assert "None" not in text

    # nothing left to fix: refused, and the same number again is refused too
    await curator.press(await hub(curator), texts.BUTTON_ORDER_FIXING)
    assert (await curator.callback_answer())["text"] == texts.ORDER_NOTHING[OrderKind.FIXING]

    # the order again, from the list
    menu = await hub(curator)
    await curator.press(menu, texts.BUTTON_ORDERS)
    listed = await reply(curator)
    await curator.press(listed, f"№ 15-н от {today_text()} — закрепление")
    assert (await reply(curator)).document["file_name"].endswith(".docx")

    # a mentor has no documents, whatever they press
    await mentor.send("/documents")
    assert (await reply(mentor)).text == ACCESS_ROLE_ONLY[Role.CURATOR]
    await mentor.send("/start")
    start = await reply(mentor)
    await mentor.press_data(start.message_id, NewOrderCb(kind=OrderKind.FIXING).pack())
    assert (await mentor.callback_answer())["text"] == ACCESS_ROLE_ONLY[Role.CURATOR]


async def test_the_order_of_changes(running_bot, session_factory, telegram):
    _, pair_id, group_id, ids = await school(session_factory)
    (curator,) = await users(telegram, CURATOR)
    await curator.press(await hub(curator), texts.BUTTON_ORDER_CHANGES)
    assert (await curator.callback_answer())["text"] == texts.ORDER_NOTHING[OrderKind.CHANGES]
    await make_order(curator, texts.BUTTON_ORDER_FIXING)

    async with session_factory() as session, session.begin():
        pair = await session.get(Pair, pair_id)
        group = await session.get(Pair, group_id)
        assert pair is not None and group is not None
        current = await session.scalar(select(PairMentor).where(PairMentor.pair_id == pair_id))
        assert current is not None
        current.until = utcnow()
        session.add(PairMentor(pair_id=pair_id, mentor_id=ids["other"], since=utcnow()))
        pair.mentor_id = ids["other"]
        group.status, group.finished_at = PairStatus.STOPPED, utcnow()
        group.stop_reason = "Наставник переведён в другую школу"

    assert "изменений для приказа — 2" in (await hub(curator)).text
    await curator.press(await hub(curator), texts.BUTTON_ORDER_CHANGES)
    await reply(curator)
    await curator.send("1")  # the number of the fixing order, this year: taken
    assert (await reply(curator)).text == texts.ORDER_NUMBER_TAKEN.format(
        number="1", year=local_today("Europe/Moscow").year
    )
    saved, sent = await make_order(curator, texts.BUTTON_ORDER_CHANGES, "2")
    assert "пар в нём — 2" in saved.text
    text = joined(printed(sent.document["content"], "order_changes").text)
    for expected in ("о внесении изменений", "№ 2", "смена наставника", "прекращение", "Белов"):
        assert expected in text, expected
    assert "изменений для приказа — 0" in (await hub(curator)).text


async def open_programme(user: Any, pair_id: int) -> Any:
    await user.send("/start")
    menu = await reply(user)
    data = ProgrammeCb(action=ProgrammeAction.OPEN, pair_id=pair_id).pack()
    await user.press_data(menu.message_id, data)
    return await reply(user)


async def test_the_programme_approved_and_printed(running_bot, session_factory, telegram):
    _, pair_id, _, ids = await school(session_factory)
    curator, mentor, mentee = await users(telegram, CURATOR, MENTOR, MENTEE)
    difficulty_id = await make_difficulty(
        session_factory, ids["mentee"], "Не удерживаю дисциплину в 7 «Б»"
    )
    programme_id = await make_programme(session_factory, pair_id, aim="Выстроить <дисциплину>")
    activity_id = await make_activity(
        session_factory,
        programme_id,
        "Посетить 3 урока наставника",
        local_today("Europe/Moscow") + timedelta(days=7),
    )
    async with session_factory() as session, session.begin():
        programme = await session.get(Programme, programme_id)
        assert programme is not None
        programme.status = ProgrammeStatus.DRAFT
        activity = await session.get(ProgrammeActivity, activity_id)
        assert activity is not None
        activity.difficulty_id = difficulty_id

    card = await open_programme(mentor, pair_id)
    assert programme_texts.PROGRAMME_DRAFT_STATE in card.text
    assert programme_texts.BUTTON_PROGRAMME_APPROVE not in card.buttons()
    assert programme_texts.BUTTON_PROGRAMME_FILE in card.buttons()
    # forged: the mentor approves, the mentee asks for the document
    await mentor.press_data(
        card.message_id, ProgrammeCb(action=ProgrammeAction.APPROVE, pair_id=pair_id).pack()
    )
    assert (await mentor.callback_answer())["text"] == ACCESS_ROLE_ONLY[Role.CURATOR]
    mentee_card = await open_programme(mentee, pair_id)
    assert programme_texts.BUTTON_PROGRAMME_FILE not in mentee_card.buttons()
    await mentee.press_data(
        mentee_card.message_id,
        ProgrammeCb(action=ProgrammeAction.DOCUMENT, pair_id=pair_id).pack(),
    )
    assert (await mentee.callback_answer())["text"] == ACCESS_ROLE_ONLY[Role.CURATOR]

    # the draft printed says so
    await mentor.press(card, programme_texts.BUTTON_PROGRAMME_FILE)
    draft = joined(printed((await reply(mentor)).document["content"], "programme_draft").text)
    assert texts.PROGRAMME_DRAFT in draft

    curator_card = await open_programme(curator, pair_id)
    await curator.press(curator_card, programme_texts.BUTTON_PROGRAMME_APPROVE)
    assert (await curator.callback_answer())["text"] == programme_texts.PROGRAMME_APPROVED_NOW
    approved = await reply(curator)
    assert programme_texts.PROGRAMME_APPROVED_STATE.format(day=today_text()) in approved.text
    assert programme_texts.BUTTON_PROGRAMME_APPROVE not in approved.buttons()
    assert "утвердил" in (await reply(mentor)).text
    assert "утвердил" in (await reply(mentee)).text
    stale = ProgrammeCb(action=ProgrammeAction.APPROVE, pair_id=pair_id).pack()
    await curator.press_data(approved.message_id, stale)
    assert (await curator.callback_answer())["text"] == programme_texts.PROGRAMME_ALREADY_APPROVED

    await curator.press(approved, programme_texts.BUTTON_PROGRAMME_FILE)
    sent = await reply(curator)
    assert sent.document["file_name"] == f"programme_{pair_id}.docx"
    text = joined(printed(sent.document["content"], "programme").text)
    for expected in (
        "УТВЕРЖДАЮ",
        "ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА",
        f"Утверждена {today_text()}",
        SCHOOL,
        "Орлова Вера Павловна",
        "Новикова Ирина",
        "Выстроить <дисциплину>",
        "Не удерживаю дисциплину",
        "Посетить 3 урока",
        "Завуч Ольга Ивановна",
        "Самодиагностика не проводилась",
    ):
        assert expected in text, expected
    assert "None" not in text

    # a new aim makes it a draft again
    await mentor.press(await open_programme(mentor, pair_id), programme_texts.BUTTON_PROGRAMME_AIM)
    await reply(mentor)
    await mentor.send("Выстроить дисциплину и мотивацию")
    assert programme_texts.PROGRAMME_DRAFT_STATE in (await reply(mentor)).text
    async with session_factory() as session:
        programme = await session.get(Programme, programme_id)
        assert programme is not None
        assert programme.status is ProgrammeStatus.DRAFT and programme.approved_at is None


async def test_the_regulation_template_and_the_adopted_one(running_bot, session_factory, telegram):
    await school(session_factory)
    curator, mentor = await users(telegram, CURATOR, MENTOR)
    menu = await hub(curator)
    assert texts.HUB_REGULATION_NONE in menu.text
    assert texts.BUTTON_REGULATION_ADOPTED not in menu.buttons()
    await curator.press(menu, texts.BUTTON_REGULATION_TEMPLATE)
    sent = await reply(curator)
    text = joined(printed(sent.document["content"], "regulation_template").text)
    for expected in (
        "ПОЛОЖЕНИЕ",
        "о системе наставничества",
        SCHOOL,
        "Завуч Ольга Ивановна",
        "педагог – педагог",
        "традиционная",
        "групповая",
        "от 3 до 12 месяцев",
    ):
        assert expected in text, expected
    assert "скоростная" not in text  # only the kinds the school's pairs use

    await curator.press(menu, texts.BUTTON_REGULATION_UPLOAD)
    assert (await reply(curator)).text == texts.REGULATION_ASK_FILE
    await curator.send_document(b"text", filename="положение.txt")
    assert (await reply(curator)).text == texts.REGULATION_BAD_TYPE
    await curator.send_document(sent.document["content"], filename="Положение 2026.docx")
    await reply(curator)
    await curator.send("завтра")
    assert (await reply(curator)).text == VALIDATION_DATE
    await curator.send(today_text())
    assert (await reply(curator)).text == texts.REGULATION_SAVED.format(day=today_text())
    menu = await hub(curator)
    assert f"принято {today_text()}" in menu.text
    await curator.press(menu, texts.BUTTON_REGULATION_ADOPTED)
    adopted = await reply(curator)
    assert adopted.document["content"] == sent.document["content"]
    assert adopted.text == texts.REGULATION_ADOPTED_CAPTION.format(day=today_text())

    await mentor.send("/start")
    start = await reply(mentor)
    forged = DocumentsCb(action=DocumentsAction.REGULATION_TEMPLATE).pack()
    await mentor.press_data(start.message_id, forged)
    assert (await mentor.callback_answer())["text"] == ACCESS_ROLE_ONLY[Role.CURATOR]


async def test_the_roadmap(running_bot, session_factory, telegram):
    organization_id, *_ = await school(session_factory)
    curator, mentor, mentee, other = await users(telegram, CURATOR, MENTOR, MENTEE, OTHER_MENTOR)
    await curator.send("/roadmap")
    card = await reply(curator)
    assert texts.ROADMAP_NO_EVENTS in card.text
    await curator.press(card, texts.BUTTON_EVENT_ADD)
    assert (await reply(curator)).text == texts.ROADMAP_ASK_KIND
    await curator.send("Семинар")  # typed as the button says
    assert "название" in (await reply(curator)).text
    await curator.send("Семинар «Адаптация <молодого> педагога»")
    await reply(curator)
    await curator.send("01.01.2020")
    days = span(local_today("Europe/Moscow"))
    assert (await reply(curator)).text == texts.ROADMAP_OUTSIDE_YEAR.format(
        year=days.first_year,
        next=days.first_year + 1,
        first=days.first.strftime("%d.%m.%Y"),
        last=days.last.strftime("%d.%m.%Y"),
    )
    await curator.send(today_text())
    asked = await reply(curator)
    assert texts.BUTTON_RESPONSIBLE_ME in asked.buttons()
    await curator.send("Нетаких")
    assert (await reply(curator)).text == texts.ROADMAP_NO_CANDIDATES.format(query="Нетаких")
    await curator.send("орлов")
    found = await reply(curator)
    await curator.press(found, "Орлова Вера Павловна")
    audience = await reply(curator)
    assert audience.text == texts.ROADMAP_ASK_AUDIENCE
    await curator.press(audience, texts.AUDIENCE_NAMES[RoadmapAudience.MENTORS])
    assert (await curator.callback_answer())["text"] == texts.ROADMAP_SAVED.format(invited=2)
    roadmap_card = await reply(curator)
    assert "Адаптация &lt;молодого&gt;" not in roadmap_card.text  # shown, not HTML
    assert "Адаптация <молодого> педагога" in roadmap_card.text
    for invited in (mentor, other):
        invitation = await reply(invited)
        assert "Приглашение: Семинар «Адаптация <молодого> педагога»" in invitation.text
    await mentee.expect_no_message()  # mentees were not invited

    label = f"{local_today('Europe/Moscow'):%d.%m} Семинар «Адаптация <молодого> педагога»"
    await curator.press(roadmap_card, label)
    event_card = await reply(curator)
    assert "Ответственный: Орлова Вера Павловна" in event_card.text
    await curator.press(event_card, texts.BUTTON_EVENT_DONE)
    await reply(curator)
    await curator.send("Провели, 12 участников")
    assert (await reply(curator)).text == texts.ROADMAP_DONE
    done = await reply(curator)
    assert "проведено" in done.text and "12 участников" in done.text
    stale = EventCb(action=EventAction.DONE, event_id=1).pack()
    await curator.press_data(event_card.message_id, stale)
    assert (await curator.callback_answer())["text"] == texts.ROADMAP_EVENT_CLOSED

    await curator.press(done, texts.BUTTON_ROADMAP_BACK)
    back = await reply(curator)
    await curator.press(back, texts.BUTTON_ROADMAP_FILE)
    sent = await reply(curator)
    text = joined(printed(sent.document["content"], "roadmap").text)
    for expected in ("ДОРОЖНАЯ КАРТА", SCHOOL, "Адаптация", "Семинар", "12 участников", "Орлова"):
        assert expected in text, expected

    await curator.send("/final_report")
    report = Document(io.BytesIO((await reply(curator)).document["content"]))
    paragraphs = [paragraph.text for paragraph in report.paragraphs]
    assert report_texts.FINAL_ROADMAP in paragraphs
    cells = {cell.text for table in report.tables for row in table.rows for cell in row.cells}
    assert "Семинар «Адаптация <молодого> педагога»" in cells

    # an event cancelled: who was invited is told
    async with session_factory() as session, session.begin():
        planned = RoadmapEvent(
            organization_id=organization_id,
            kind=RoadmapEventKind.OPEN_LESSON,
            title="Открытый урок",
            on_date=local_today("Europe/Moscow"),
            audience=RoadmapAudience.MENTEES,
        )
        session.add(planned)
    await curator.press_data(
        back.message_id, EventCb(action=EventAction.OPEN, event_id=planned.id).pack()
    )
    await curator.press(await reply(curator), texts.BUTTON_EVENT_CANCEL)
    assert (await curator.callback_answer())["text"] == texts.ROADMAP_CANCELLED
    assert "«Открытый урок»" in (await reply(mentee)).text
    await mentor.expect_no_message()

    await mentor.send("/roadmap")
    assert (await reply(mentor)).text == ACCESS_ROLE_ONLY[Role.CURATOR]
    async with session_factory() as session:
        event = await session.scalar(select(RoadmapEvent))
        assert event is not None and event.status is RoadmapStatus.DONE


async def test_an_organisation_with_no_pairs():
    empty_order = OrderDocument(
        organization=SCHOOL,
        curator=None,
        kind=OrderKind.FIXING,
        number="1",
        dated_on=local_today("Europe/Moscow"),
        lines=[],
    )
    text = joined(printed(order_document.build(empty_order), "order_empty").text)
    assert texts.ORDER_EMPTY in text and "None" not in text and "______" in text
    template = RegulationTemplate(
        organization=SCHOOL,
        curator=None,
        forms=[form for form in MentorshipForm if form is not MentorshipForm.OTHER],
        kinds=list(MentorshipKind),
        adopted=None,
    )
    text = joined(printed(regulation_document.build(template), "regulation_empty").text)
    assert "скоростная" in text and "работодатель – студент" in text and "None" not in text
    plan = RoadmapView(organization=SCHOOL, curator=None, first_year=2026, events=[])
    text = joined(printed(roadmap_document.build(plan), "roadmap_empty").text)
    assert texts.ROADMAP_EMPTY in text and "2026/2027" in text and "None" not in text


async def test_an_order_of_sixty_pairs(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory, SCHOOL)
    await make_person(session_factory, organization_id, CURATOR, Role.CURATOR, full_name="Завуч")
    today = local_today("Europe/Moscow")
    for number in range(60):
        mentor_id = await make_person(
            session_factory, organization_id, None, Role.MENTOR, full_name=f"Наставник{number:02d}"
        )
        mentee_id = await make_person(
            session_factory, organization_id, None, Role.MENTEE, full_name=f"Молодой{number:02d}"
        )
        await make_pair(
            session_factory,
            organization_id,
            mentor_id,
            mentee_id,
            starts_on=today,
            ends_on=today + timedelta(days=180),
        )
    (curator,) = await users(telegram, CURATOR)
    saved, sent = await make_order(curator, texts.BUTTON_ORDER_FIXING)
    assert "пар в нём — 60" in saved.text
    paper = printed(sent.document["content"], "order_sixty", all_pages=True)
    assert len(paper.pages) >= 4  # the order, and the appendix over several pages
    appendix_pages = [page for page in paper.pages if "Наставник" in page and "Молодой" in page]
    assert len(appendix_pages) >= 2
    for page in appendix_pages:  # the table's header repeated on each page
        assert "Ролевая модель" in page
    text = joined(paper.text)
    for number in (0, 29, 59):
        assert f"Наставник{number:02d}" in text and f"Молодой{number:02d}" in text
    await curator.press(await hub(curator), texts.BUTTON_ORDERS)
    listed = await reply(curator)
    assert any("закрепление" in label for label in listed.buttons())
