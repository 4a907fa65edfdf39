"""The monitoring workbook (/report): one sheet per subject — participants, pairs, programme
activities, meetings, goals, help requests, difficulties, ratings — with Russian headers, times
in the organisation's time zone, frozen header rows and filters. Opens in Excel and LibreOffice.
Each sheet is one SQL query over the chosen organisations. openpyxl (some 30 MB) is loaded with
the first workbook, not with the bot."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from bot.services import surveys
from bot.services.monitoring import NotIndexed, Period
from bot.texts import reports as texts
from bot.texts import surveys as survey_texts
from bot.texts.vocabulary import label
from models import (
    Difficulty,
    Goal,
    HelpRequest,
    Meeting,
    MeetingParticipant,
    Organization,
    Pair,
    PairMember,
    Person,
    PersonRole,
    Programme,
    ProgrammeActivity,
)

if TYPE_CHECKING:
    from openpyxl import Workbook

MAX_WIDTH = 60
DATE_FORMAT = "DD.MM.YYYY"
DATETIME_FORMAT = "DD.MM.YYYY HH:MM"


def _in(column: Any, scope: Sequence[int] | None) -> Any:
    return column.in_(scope) if scope is not None else column.is_not(None)


def _value(value: Any, zone: ZoneInfo) -> Any:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, StrEnum):  # before `str`: a stored code is shown by its name
        return label(value)
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)  # what openpyxl refuses to write
    if isinstance(value, datetime):
        return value.astimezone(zone).replace(tzinfo=None)  # Excel has no time zones
    if isinstance(value, bool):
        return texts.WORKBOOK_YES if value else texts.WORKBOOK_NO
    return value


def _sheet(
    book: Workbook, title: str, headers: Sequence[str], rows: list[Any], zone: ZoneInfo
) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [len(header) for header in headers]
    for row_number, row in enumerate(rows, start=2):
        values = [_value(value, zone) for value in row]
        sheet.append(values)
        for column, value in enumerate(values, start=1):
            if isinstance(value, str) and value.startswith("="):
                # what people typed is text, never a formula
                sheet.cell(row=row_number, column=column).data_type = "s"
            elif isinstance(value, date):  # one format for every date: 01.09.2026 (and time)
                moment = isinstance(value, datetime)
                sheet.cell(row=row_number, column=column).number_format = (
                    DATETIME_FORMAT if moment else DATE_FORMAT
                )
        for index, value in enumerate(values):
            widths[index] = max(widths[index], min(len(str(value or "")), MAX_WIDTH))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width + 2
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    # printed: landscape A4, as wide as the page, the header row on every page
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


def table(title: str, headers: Sequence[str], rows: list[list[Any]], timezone: str) -> bytes:
    """A workbook of one sheet of figures (the territory's organisations side by side: no
    person's data, which only their own school's curator sees)."""
    from openpyxl import Workbook

    book = Workbook()
    assert book.active is not None
    book.remove(book.active)
    _sheet(book, title, headers, rows, ZoneInfo(timezone))
    return _saved(book)


def _saved(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


async def build(
    session: AsyncSession, scope: Sequence[int] | None, chosen: Period, timezone: str
) -> bytes:
    start, end = chosen.bounds(timezone)
    zone = ZoneInfo(timezone)
    held_at = NotIndexed(Meeting.starts_at)  # reach meetings through their pairs
    mentor = aliased(Person)
    mentee = aliased(Person)

    async def rows(statement: Select[Any]) -> list[Any]:
        return list((await session.execute(statement)).all())

    sheets: list[tuple[str, Sequence[str], Any]] = [
        (
            "Участники",
            texts.WORKBOOK_PEOPLE,
            select(
                Organization.name,
                Person.full_name,
                Person.position,
                Person.subject,
                Person.experience_years,
                PersonRole.role,  # empty: on the staff, with no role in mentorship
                Person.created_at,
                Person.left_on,
            )
            .join(Organization, Organization.id == Person.organization_id)
            .outerjoin(PersonRole, PersonRole.person_id == Person.id)
            .where(_in(Person.organization_id, scope), Person.erased_at.is_(None))
            .order_by(Organization.name, Person.full_name),
        ),
        (
            "Пары и группы",
            texts.WORKBOOK_PAIRS,
            select(
                Organization.name,
                Pair.id,
                Pair.kind,
                Pair.form,
                Pair.role_model,
                mentor.full_name,
                mentee.full_name,
                Pair.status,
                Pair.starts_on,
                Pair.ends_on,
            )
            .join(Organization, Organization.id == Pair.organization_id)
            .join(mentor, mentor.id == Pair.mentor_id)
            .join(PairMember, PairMember.pair_id == Pair.id)
            .join(mentee, mentee.id == PairMember.mentee_id)
            .where(_in(Pair.organization_id, scope))
            .order_by(Organization.name, Pair.id),
        ),
        (
            "Мероприятия программ",
            texts.WORKBOOK_ACTIVITIES,
            select(
                Organization.name,
                Pair.id,
                ProgrammeActivity.title,
                ProgrammeActivity.due_on,
                ProgrammeActivity.status,
                ProgrammeActivity.done_at,
                ProgrammeActivity.result,
            )
            .join(Programme, Programme.id == ProgrammeActivity.programme_id)
            .join(Pair, Pair.id == Programme.pair_id)
            .join(Organization, Organization.id == Pair.organization_id)
            .where(_in(Pair.organization_id, scope))
            .order_by(Organization.name, Pair.id, ProgrammeActivity.due_on),
        ),
        (
            "Встречи",
            texts.WORKBOOK_MEETINGS,
            select(
                Organization.name,
                Pair.id,
                Meeting.starts_at,
                Meeting.format,
                Meeting.topic,
                Meeting.status,
                Meeting.duration_minutes,
                Meeting.summary,
                Meeting.agreements,
            )
            .join(Pair, Pair.id == Meeting.pair_id)
            .join(Organization, Organization.id == Pair.organization_id)
            .where(_in(Pair.organization_id, scope), held_at >= start, held_at < end)
            .order_by(Organization.name, Meeting.starts_at),
        ),
        (
            "Цели",
            texts.WORKBOOK_GOALS,
            select(
                Organization.name,
                Pair.id,
                mentee.full_name,
                Goal.title,
                Goal.due_on,
                Goal.status,
                Goal.progress_percent,
                Goal.reached_at,
            )
            .join(Pair, Pair.id == Goal.pair_id)
            .join(Organization, Organization.id == Pair.organization_id)
            .join(mentee, mentee.id == Goal.mentee_id)
            .where(_in(Pair.organization_id, scope))
            .order_by(Organization.name, Goal.due_on),
        ),
        (
            "Запросы о помощи",
            texts.WORKBOOK_REQUESTS,
            select(
                Organization.name,
                HelpRequest.id,
                mentee.full_name,
                HelpRequest.urgency,
                HelpRequest.status,
                HelpRequest.created_at,
                HelpRequest.first_answer_at,
                HelpRequest.escalated_at,
                HelpRequest.closed_at,
                HelpRequest.helped,
            )
            .join(Organization, Organization.id == HelpRequest.organization_id)
            .join(mentee, mentee.id == HelpRequest.mentee_id)
            .where(
                _in(HelpRequest.organization_id, scope),
                HelpRequest.created_at >= start,
                HelpRequest.created_at < end,
            )
            .order_by(Organization.name, HelpRequest.created_at),
        ),
        (
            "Затруднения",
            texts.WORKBOOK_DIFFICULTIES,
            select(
                Organization.name,
                mentee.full_name,
                Difficulty.category,
                Difficulty.description,
                Difficulty.urgency,
                Difficulty.status,
                Difficulty.created_at,
                Difficulty.overcome_at,
            )
            .join(Organization, Organization.id == Difficulty.organization_id)
            .join(mentee, mentee.id == Difficulty.mentee_id)
            .where(_in(Difficulty.organization_id, scope))
            .order_by(Organization.name, Difficulty.created_at),
        ),
        (
            "Оценки встреч",
            texts.WORKBOOK_RATINGS,
            select(
                Organization.name,
                Meeting.starts_at,
                Meeting.topic,
                mentee.full_name,
                MeetingParticipant.rating,
                MeetingParticipant.rating_comment,
            )
            .join(Meeting, Meeting.id == MeetingParticipant.meeting_id)
            .join(Pair, Pair.id == Meeting.pair_id)
            .join(Organization, Organization.id == Pair.organization_id)
            .join(mentee, mentee.id == MeetingParticipant.person_id)
            .where(
                _in(Pair.organization_id, scope),
                MeetingParticipant.rating.is_not(None),
                held_at >= start,
                held_at < end,
            )
            .order_by(Organization.name, Meeting.starts_at),
        ),
    ]
    from openpyxl import Workbook

    book = Workbook()
    assert book.active is not None
    book.remove(book.active)
    for title, headers, statement in sheets:
        _sheet(book, title, headers, await rows(statement), zone)
    answers = await surveys.answers_for_workbook(
        session, list(scope) if scope is not None else None, start, end
    )
    _sheet(book, survey_texts.WORKBOOK_SHEET, survey_texts.WORKBOOK_HEADERS, answers, zone)
    return _saved(book)
