"""Monitoring over the real bot: the curator's /summary for a custom period, the charts, the
workbook (sheets, headers, frozen rows, filters, local times) and its audit entry; the admin's
regional view and /audit; refusals for mentors."""

from __future__ import annotations

import io
import re
from datetime import timedelta
from zoneinfo import ZoneInfo

from docx import Document
from openpyxl import load_workbook

from bot.callbacks.monitoring import SummaryAction, SummaryCb
from bot.services import monitoring
from bot.services.monitoring import PeriodKind
from bot.services.pairs import local_today
from bot.texts import monitoring as texts
from bot.texts.common import ACCESS_ADMIN_ONLY, ACCESS_CURATOR_ONLY
from bot.texts.reports import (
    FINAL_INVOLVED,
    FINAL_PAIRS,
    FINAL_ROADMAP,
    FINAL_SURVEYS,
    FINAL_TEACHERS,
    FINAL_TITLE,
    FINAL_YOUNG,
)
from bot.texts.vocabulary import category_short
from models import utcnow
from models.enums import DifficultyCategory
from tests.conftest import ADMIN_ID
from tests.dialogs import reply, users
from tests.printed import joined, printed
from tests.services.test_monitoring import build

CURATOR, MENTOR = 3001, 3002


async def test_curator_summary_charts_and_workbook(running_bot, session_factory, telegram):
    await build(session_factory, telegram_ids=True)
    curator, mentor = await users(telegram, CURATOR, MENTOR)

    await curator.send("/summary")
    month = await reply(curator)
    assert "Мониторинг наставничества</b> · Школа №1" in month.html
    await curator.press(month, "Свой период")
    assert (await reply(curator)).text == texts.SUMMARY_ASK_PERIOD
    await curator.send("31.10.2026-01.10.2026")
    assert (await reply(curator)).text == texts.SUMMARY_BAD_PERIOD
    await curator.send("01.10.2026-31.10.2026")
    october = await reply(curator)
    assert "Период: 01.10.2026 — 31.10.2026" in october.text
    assert "Педагогов: 9; вовлечено в наставничество: 5 (56 %" in october.text
    assert "Молодых специалистов с наставником: 1 из 2 (50 %)" in october.text
    assert "проведено 2 (1,0 на пару в месяц); пар без встреч за период: 1" in october.text
    assert "медиана до первого ответа — 35 мин" in october.text
    assert "оценка встреч 4,5 из 5" in october.text
    assert "Методические 2,5 → 3,5" in october.text
    assert "Школа №2" not in october.text

    await curator.press(october, texts.BUTTON_CHARTS)
    pictures = [await reply(curator) for _ in range(3)]
    assert all(picture.photo for picture in pictures)
    assert pictures[0].photo[-1]["content"].startswith(b"\x89PNG")

    await curator.press(october, texts.BUTTON_WORKBOOK)
    document = await reply(curator)
    assert document.document["file_name"] == "monitoring_20261001_20261031.xlsx"
    book = load_workbook(io.BytesIO(document.document["content"]))
    assert book.sheetnames == [
        "Участники",
        "Пары и группы",
        "Мероприятия программ",
        "Встречи",
        "Цели",
        "Запросы о помощи",
        "Затруднения",
        "Оценки встреч",
        "Анкеты",
    ]
    meetings = book["Встречи"]
    assert [cell.value for cell in meetings[1]][:3] == ["Организация", "Пара №", "Дата и время"]
    assert meetings.freeze_panes == "A2" and meetings.auto_filter.ref
    assert meetings.max_row == 4  # October's three, the cancelled one too
    assert meetings["C2"].value.hour == 15  # 12:00 UTC is 15:00 in Moscow
    assert meetings["C2"].number_format == "DD.MM.YYYY HH:MM"
    # it prints: landscape A4 as wide as the page, the header row on every page
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
        fit = sheet.sheet_properties.pageSetUpPr
        assert fit is not None and fit.fitToPage and sheet.print_title_rows == "$1:$1"
    statuses = [row[5] for row in meetings.iter_rows(min_row=2, values_only=True)]
    assert statuses == ["состоялась", "отменена", "состоялась"]
    descriptions = [row[3] for row in book["Затруднения"].iter_rows(min_row=2, values_only=True)]
    assert '=HYPERLINK("x")' in descriptions  # text, not a formula; the bell character dropped
    assert book["Затруднения"]["D2"].data_type == "s"
    people = [row[1] for row in book["Участники"].iter_rows(min_row=2, values_only=True)]
    assert "Другой Наставник" not in people

    await curator.send("/report")  # the current school year
    assert (await reply(curator)).document["file_name"].endswith(".xlsx")
    await curator.send("/final_report")
    assert (await reply(curator)).document["file_name"].endswith(".docx")

    await mentor.send("/summary")
    assert (await reply(mentor)).text == ACCESS_CURATOR_ONLY
    await mentor.send("/report")
    assert (await reply(mentor)).text == ACCESS_CURATOR_ONLY
    await mentor.press_data(
        (await reply_after(mentor, "/start")).message_id,
        SummaryCb(action=SummaryAction.WORKBOOK, kind=PeriodKind.YEAR).pack(),
    )
    assert (await mentor.callback_answer())["text"] == ACCESS_CURATOR_ONLY
    await mentor.send("/audit")
    assert (await reply(mentor)).text == ACCESS_ADMIN_ONLY

    (admin,) = await users(telegram, ADMIN_ID)
    await admin.send("/audit")
    log = await reply(admin)
    assert "Завуч Ольга · выгрузка Excel" in log.text and "01.10.2026–31.10.2026" in log.text


async def test_regional_view_for_the_admin(running_bot, session_factory, telegram):
    await build(session_factory, telegram_ids=True)
    (admin,) = await users(telegram, ADMIN_ID)
    await admin.send("/summary")
    region = await reply(admin)
    assert "все организации (3)" in region.text
    for name in ("Школа №1", "Школа №2", "Пустая школа"):
        assert f"• {name}: " in region.text
    await admin.press(region, texts.BUTTON_WORKBOOK)
    book = load_workbook(io.BytesIO((await reply(admin)).document["content"]))
    organizations = {row[0] for row in book["Участники"].iter_rows(min_row=2, values_only=True)}
    assert organizations == {"Школа №1", "Школа №2"}


async def reply_after(user, command: str):
    await user.send(command)
    return await reply(user)


async def test_pair_filters_mentor_load_and_difficulties(running_bot, session_factory, telegram):
    await build(session_factory, telegram_ids=True)
    curator, mentor = await users(telegram, CURATOR, MENTOR)

    await curator.send("/pairs")
    listing = await reply(curator)
    assert "Застоявшиеся" in listing.buttons()
    await curator.press(listing, "Просроченные цели")
    overdue = await reply(curator)
    assert "Отбор: есть просроченные цели" in overdue.text
    assert "Орлова Вера" in overdue.text and "Белов Иван" not in overdue.text
    await curator.press(overdue, "Групповые")
    groups = await reply(curator)
    assert "Белов Иван" in groups.text and "Орлова Вера" not in groups.text
    await curator.press_line(groups, 1)
    assert "Наставник: Белов Иван" in (await reply(curator)).text
    (admin,) = await users(telegram, ADMIN_ID)
    await admin.send("/audit")
    log = (await reply(admin)).text
    assert "Завуч Ольга · карточка пары · Школа №1" in log  # names, not ids
    moscow = utcnow().astimezone(ZoneInfo("Europe/Moscow"))
    assert f"{moscow:%d.%m.%Y %H}:" in log or f"{moscow - timedelta(minutes=1):%d.%m.%Y %H}:" in log

    await curator.send("/mentor")
    load = await reply(curator)
    assert "Нагрузка наставников" in load.text
    # pairs · mentees · meetings in 30 days (depends on today) · open requests · overdue goals
    assert re.search(r"Белов Иван: 1 · 2 · 0 · 0 · 0 ⚠️", load.text)
    assert re.search(r"Орлова Вера: 1 · 1 · \d+ · 1 · 1", load.text)
    await curator.press(load, "Пары: Орлова Вера")
    own = await reply(curator)
    assert "Отбор: наставник Орлова Вера" in own.text and "Белов Иван" not in own.text

    await curator.send("/difficulties")
    difficulties = await reply(curator)
    psychological = category_short(DifficultyCategory.PSYCHOLOGICAL)
    digital = category_short(DifficultyCategory.DIGITAL)
    assert f"• {psychological}: 1 / 1;" in difficulties.text
    assert f"• {digital}: 1 / 0;" in difficulties.text
    assert (await reply(curator)).photo

    await mentor.send("/mentor")
    assert (await reply(mentor)).text == ACCESS_CURATOR_ONLY
    await mentor.send("/difficulties")
    assert (await reply(mentor)).text == ACCESS_CURATOR_ONLY


async def test_final_analytic_report_to_print_and_sign(running_bot, session_factory, telegram):
    await build(session_factory, telegram_ids=True)
    (curator,) = await users(telegram, CURATOR)
    await curator.send("/summary")
    month = await reply(curator)
    await curator.press(month, "Свой период")
    await reply(curator)
    await curator.send("01.09.2026-31.10.2026")
    autumn = await reply(curator)
    await curator.press(autumn, texts.BUTTON_FINAL_REPORT)
    sent = await reply(curator)
    assert sent.document["file_name"] == "final_report_2026_2026.docx"
    document = Document(io.BytesIO(sent.document["content"]))
    paragraphs = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert FINAL_TITLE in paragraphs
    assert "Школа №1" in paragraphs and "01.09.2026 — 31.10.2026" in paragraphs
    assert "/ Завуч Ольга /" in paragraphs
    assert len(document.inline_shapes) == 3  # meetings, difficulties, self-diagnosis
    first_table = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert first_table[1] == [FINAL_TEACHERS, "10"]  # one left in September: still counted
    assert first_table[2] == [FINAL_INVOLVED, "5 (50 %)"]
    assert first_table[5] == [FINAL_YOUNG, "1 из 2 (50 %)"]
    # every category the period touched, the overcome-only ones too: the column adds up
    difficulties = next(
        table for table in document.tables if table.rows[0].cells[0].text == "Категория"
    )
    overcome = sum(int(row.cells[3].text) for row in difficulties.rows[1:])
    async with session_factory() as session:
        autumn_figures = await monitoring.summary(
            session, None, monitoring.custom_period("01.09.2026-31.10.2026"), "Europe/Moscow",
            local_today("Europe/Moscow"),
        )  # fmt: skip
    assert overcome == sum(autumn_figures.total.difficulties_overcome.values())

    text = joined(printed(sent.document["content"], "final_report").text)
    for expected in (
        "УТВЕРЖДАЮ",
        f"Отчёт составлен {local_today('Europe/Moscow'):%d.%m.%Y}",
        "Средняя оценка встреч (1–5) 4,5",
        FINAL_PAIRS,
        "Орлова Вера",
        "Белов Иван",
        FINAL_ROADMAP,
        "Мероприятия не запланированы",
        f"{FINAL_TEACHERS} 10",
        f"{FINAL_INVOLVED} 5 (50 %)",
        f"{FINAL_YOUNG} 1 из 2 (50 %)",
        FINAL_SURVEYS,
        "наставляемых на старте 0 из 3 (0 %)",
        "Получено квалификационных категорий 0",
    ):
        assert expected in text, expected
    assert "— —" not in text and "None" not in text
    # every figure of every table, as printed: each row's cells in the PDF's text
    for table in document.tables:
        for row in table.rows:
            printed_row = joined(" ".join(cell.text for cell in row.cells))
            assert printed_row in text, printed_row
