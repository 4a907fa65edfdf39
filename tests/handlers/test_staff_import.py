"""Importing a staff list over the real bot: an Excel file in, people, personal links and a
row-by-row report out; the same file twice creates nothing twice; a personal link fills the
imported teacher's record; bad files are refused."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

from openpyxl import Workbook
from sqlalchemy import func, select

from bot.texts import staff as texts
from bot.texts.common import ACCESS_CURATOR_ONLY, CANCELLED, NOTHING_TO_CANCEL, STEP_EXPECTS
from models import Invite, Person
from models.enums import Role
from tests.dialogs import LINK, open_invite, reply
from tests.factories import make_organization, make_person

CURATOR = 1401
HEADER = ["ФИО", "Должность", "Предмет", "Стаж", "Роль", "Телефон или e-mail"]
ROWS = [
    ["Орлова Вера Павловна", "Учитель", "Математика", "25", "наставник", "+7 900 123-45-67"],
    ["новикова ирина", "Учитель", "Физика", "1", "Наставляемая", "ira@school.ru"],
    ["", "Учитель", "Химия", "3", "наставляемый", ""],
    ["Петров Пётр", "Директор", "История", "30", "директор", ""],
    ["Новикова Ирина", "Учитель", "Физика", "1", "наставляемый", ""],
    ["Смирнов Олег", "Учитель", "ИЗО", "сорок", "наставник", ""],
    ["Орлова Вера Павловна", "Учитель", "Математика", "25", "наставляемый", ""],
]


def xlsx(rows: list[list[str]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


async def people_count(factory) -> int:
    async with factory() as session:
        return (await session.scalar(select(func.count(Person.id)))) or 0


async def curator_ready(factory, telegram) -> Any:
    organization_id = await make_organization(factory)
    await make_person(factory, organization_id, CURATOR, Role.CURATOR, full_name="Завуч Ольга")
    curator = telegram.add_user(user_id=CURATOR, first_name="Ольга")
    await curator.send("/import")
    assert "Импорт списка педагогов" in (await reply(curator)).text
    return curator


async def test_import_reports_rows_and_sends_links(running_bot, session_factory, telegram):
    curator = await curator_ready(session_factory, telegram)
    await curator.send_document(xlsx([HEADER, *ROWS]), filename="staff.xlsx")

    report = await reply(curator)
    assert "Добавлено педагогов: 2" in report.text
    assert "Добавлено ролей уже известным: 1" in report.text
    assert "Строк с ошибками: 4" in report.text
    assert "Строка 4: Поле «ФИО» не может быть пустым." in report.text
    assert "Строка 5: неизвестная роль «директор»" in report.text
    assert "Строка 6: повтор строки 3" in report.text
    assert "Строка 7: Укажите педагогический стаж" in report.text
    report_file = await reply(curator)
    assert report_file.document is not None
    rows = list(
        csv.reader(io.StringIO(report_file.document["content"].decode("utf-8-sig")), delimiter=";")
    )
    assert rows[0] == ["Строка", "ФИО", "Итог"] and len(rows) == 1 + len(ROWS)
    assert rows[1][2] == texts.IMPORT_CREATED and rows[7][2] == texts.IMPORT_ROLE_ADDED
    links = await reply(curator)
    assert links.document is not None and links.document["file_name"] == "invites.csv"
    table = list(
        csv.reader(io.StringIO(links.document["content"].decode("utf-8-sig")), delimiter=";")
    )
    assert table[0] == ["ФИО", "Роль", "Ссылка-приглашение", "Действует до"]
    assert [row[:2] for row in table[1:]] == [
        ["Орлова Вера Павловна", "наставник"],
        ["Новикова Ирина", "наставляемый"],
    ]
    async with session_factory() as session:
        orlova = await session.scalar(select(Person).where(Person.full_name.like("Орлова%")))
    assert orlova is not None and orlova.telegram_id is None
    assert orlova.role_set == {Role.MENTOR, Role.MENTEE} and orlova.phone == "+7 900 123-45-67"
    assert await people_count(session_factory) == 3

    # The same file again creates nothing twice.
    await curator.send("/import")
    await reply(curator)
    await curator.send_document(xlsx([HEADER, *ROWS]), filename="staff.xlsx")
    again = await reply(curator)
    assert "Добавлено педагогов: 0" in again.text and "Уже были в списке: 3" in again.text
    # ...but gives the links of those not joined yet again, the same links: a lost file is
    # found by importing the list once more
    assert "Ссылок для рассылки: 2" in again.text
    await reply(curator)  # the row-by-row report
    links_again = await reply(curator)
    assert links_again.document is not None
    assert links_again.document["content"] == links.document["content"]
    assert await people_count(session_factory) == 3

    # A personal link fills the imported record instead of making a new one.
    code = LINK.search(table[2][2])
    assert code is not None
    teacher = telegram.add_user(user_id=1402, first_name="Ира")
    consent = await open_invite(teacher, code.group(1))
    await teacher.send("Согласна")  # typed instead of tapped
    known = await reply(teacher)  # what the curator gave, to confirm instead of retyping
    assert "ФИО: <b>Новикова Ирина</b>" in known.html and consent.message_id
    await teacher.send("Исправить")  # typed too
    name_step = await reply(teacher)
    assert "Шаг 1 из 4" in name_step.text
    assert name_step.buttons()[0] == "Оставить: Новикова Ирина"
    await teacher.send("Новикова Ирина Олеговна")
    position_step = await reply(teacher)
    assert position_step.buttons()[0].startswith("Оставить:"), position_step.buttons()
    await teacher.send("Оставить")  # the button's word typed keeps the value, is not the value
    for _ in range(2):  # subject and experience as the curator gave them
        step = await reply(teacher)
        assert step.buttons()[0].startswith("Оставить:"), step.buttons()
        await teacher.press(step, step.buttons()[0])
    assert "Регистрация завершена" in (await reply(teacher)).text
    assert await people_count(session_factory) == 3
    async with session_factory() as session:
        person = await session.scalar(select(Person).where(Person.telegram_id == 1402))
        invite = await session.scalar(select(Invite).where(Invite.code == code.group(1)))
    assert person is not None and person.email == "ira@school.ru"
    assert person.full_name == "Новикова Ирина Олеговна" and person.consent_at is not None
    assert person.position == position_step.buttons()[0].removeprefix("Оставить: ")
    assert invite is not None and invite.person_id == person.id and invite.uses == 1


async def test_csv_in_windows_encoding(running_bot, session_factory, telegram):
    curator = await curator_ready(session_factory, telegram)
    content = "ФИО;Должность;Предмет;Стаж;Роль\nЗайцев Пётр;Учитель;Химия;2;наставляемый\n"
    await curator.send_document(
        content.encode("cp1251"), filename="список.csv", mime_type="text/csv"
    )
    assert "Добавлено педагогов: 1" in (await reply(curator)).text
    assert (await reply(curator)).document is not None  # report
    links = await reply(curator)
    assert links.document is not None and links.document["file_name"] == "invites.csv"

    # Thirty days later the link has expired: importing again renews it.
    async with session_factory() as session, session.begin():
        invite = await session.scalar(select(Invite))
        assert invite is not None
        invite.expires_at = invite.expires_at - timedelta(days=31)
    await curator.send("/import")
    await reply(curator)
    await curator.send_document(content.encode("cp1251"), filename="список.csv")
    assert "Добавлено педагогов: 0\nСсылок для рассылки: 1" in (await reply(curator)).text
    await reply(curator)
    renewed = await reply(curator)
    assert renewed.document is not None and renewed.document["file_name"] == "invites.csv"
    assert await people_count(session_factory) == 2

    # A personal link is for its teacher only.
    code = LINK.search(renewed.document["content"].decode("utf-8-sig"))
    assert code is not None
    await curator.send(f"/start {code.group(1)}")
    assert (await reply(curator)).text == texts.INVITE_PERSONAL_OTHER


async def test_bad_files_are_refused(running_bot, session_factory, telegram):
    curator = await curator_ready(session_factory, telegram)
    await curator.send("привет")
    assert (await reply(curator)).text == STEP_EXPECTS.format(expects=texts.EXPECT_FILE)
    for content, filename, expected in (
        (b"%PDF-1.4", "staff.pdf", texts.IMPORT_BAD_TYPE),
        (b"not a workbook", "staff.xlsx", texts.IMPORT_UNREADABLE),
        (b"x" * (2 * 1024 * 1024 + 1), "staff.csv", texts.IMPORT_TOO_BIG.format(megabytes=2)),
        (xlsx([HEADER]), "staff.xlsx", texts.IMPORT_DONE.split("\n")[0]),
    ):
        await curator.send_document(content, filename=filename)
        answer = await reply(curator)
        assert expected.replace("<b>", "").replace("</b>", "") in answer.text, answer.text
        if expected != texts.IMPORT_DONE.split("\n")[0]:
            continue
        await reply(curator)  # the row-by-row report
        await curator.send("/import")
        await reply(curator)
    await curator.send("/cancel")
    assert (await reply(curator)).text in (CANCELLED, NOTHING_TO_CANCEL)
    assert await people_count(session_factory) == 1


async def test_only_curators_import(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    await make_person(session_factory, organization_id, 1403, Role.MENTOR)
    mentor = telegram.add_user(user_id=1403, first_name="Вера")
    await mentor.send("/import")
    assert (await reply(mentor)).text == ACCESS_CURATOR_ONLY
    await mentor.send_document(xlsx([HEADER, *ROWS]), filename="staff.xlsx")
    assert "Не понял" in (await reply(mentor)).text
    assert await people_count(session_factory) == 1
