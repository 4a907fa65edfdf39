"""Importing a staff list: a curator's .xlsx or .csv of the whole staff (ФИО, должность,
предмет, стаж, роль — empty for a teacher with no role in mentorship — and optionally a phone
or e-mail) becomes people of the organisation, each mentor and mentee with a personal one-use
invite link. Every row is checked and reported; a teacher already imported (or registered)
under the same name is not created twice, so the same file can be sent again."""

from __future__ import annotations

import contextlib
import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import validation
from bot.services.access import Actor
from bot.services.errors import DomainError, ValidationFailed
from bot.services.invites import deep_link, personal_invite, usable_personal_invite
from bot.services.staff import import_key, suggested_types
from bot.texts import staff as texts
from bot.texts.vocabulary import ROLE_NAMES
from models import Invite, Person, PersonMenteeType, PersonRole, utcnow
from models.enums import Role

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000
EXTENSIONS = (".xlsx", ".csv")
ROLE_WORDS = {
    "наставник": Role.MENTOR,
    "наставница": Role.MENTOR,
    "mentor": Role.MENTOR,
    "наставляемый": Role.MENTEE,
    "наставляемая": Role.MENTEE,
    "mentee": Role.MENTEE,
}
HEADERS = {
    "name": ("фио", "ф.и.о.", "ф. и. о.", "имя"),
    "position": ("должность",),
    "subject": ("предмет", "предмет/направление", "направление"),
    "experience": ("стаж", "педагогический стаж"),
    "role": ("роль",),
    "contact": ("контакт", "телефон", "e-mail", "email", "почта", "телефон или e-mail"),
}
COLUMN_ORDER = ("name", "position", "subject", "experience", "role", "contact")
_PHONE = re.compile(r"^\+?[\d\s()\-]{10,20}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class BadFile(DomainError):
    """The file cannot be read as a staff list at all."""


@dataclass
class ImportReport:
    created: list[Person] = field(default_factory=list)
    links: list[tuple[Person, Invite]] = field(default_factory=list)  # new and renewed
    roles_added: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)  # row, name
    errors: list[tuple[int, str]] = field(default_factory=list)  # row, reason
    outcomes: list[tuple[int, str, str]] = field(default_factory=list)  # row, name, outcome


def check_file(filename: str | None, size: int | None) -> None:
    name = (filename or "").lower()
    if not name.endswith(EXTENSIONS):
        raise BadFile(texts.IMPORT_BAD_TYPE)
    if size is not None and size > MAX_FILE_BYTES:
        raise BadFile(texts.IMPORT_TOO_BIG.format(megabytes=MAX_FILE_BYTES // (1024 * 1024)))


def _cells(filename: str, content: bytes) -> list[list[str]]:
    """All rows of the first sheet (or of the CSV) as text, without trailing empty rows."""
    if filename.lower().endswith(".xlsx"):
        from openpyxl import load_workbook  # some 30 MB: loaded with the first staff list

        try:
            workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds on a damaged file
            raise BadFile(texts.IMPORT_UNREADABLE) from error
        sheet = workbook.worksheets[0]
        rows = [
            ["" if value is None else str(value).strip() for value in row]
            for row in sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 2)
        ]
        workbook.close()
    else:
        rows = list(_csv_rows(content))
    while rows and not any(rows[-1]):
        rows.pop()
    return rows


def _csv_rows(content: bytes) -> Iterator[list[str]]:
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1251 decodes any byte
        raise BadFile(texts.IMPORT_UNREADABLE)
    dialect: type[csv.Dialect] = _Semicolons  # Russian Excel's default, if nothing tells
    with contextlib.suppress(csv.Error):
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    for row in csv.reader(io.StringIO(text), dialect):
        yield [cell.strip() for cell in row]


class _Semicolons(csv.excel):
    delimiter = ";"


def _columns(header: list[str]) -> dict[str, int] | None:
    """Column positions from a header row, or None when the row is not a header."""
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        title = cell.strip().casefold()
        for key, names in HEADERS.items():
            if title in names and key not in found:
                found[key] = index
    return found if "name" in found else None


def _contact(raw: str) -> tuple[str | None, str | None]:
    value = raw.strip()
    if not value:
        return None, None
    if _EMAIL.match(value):
        return None, value
    if _PHONE.match(value):
        return value, None
    raise ValidationFailed(texts.IMPORT_BAD_CONTACT)


async def import_staff(
    session: AsyncSession, actor: Actor, filename: str, content: bytes
) -> ImportReport:
    curator = actor.require_curator()
    check_file(filename, len(content))
    rows = _cells(filename, content)
    if not rows:
        raise BadFile(texts.IMPORT_EMPTY)
    columns = _columns(rows[0])
    first_data_row = 2 if columns else 1
    if columns is None:
        columns = {key: index for index, key in enumerate(COLUMN_ORDER)}
    body = rows[first_data_row - 1 :]
    if len(body) > MAX_ROWS:
        raise BadFile(texts.IMPORT_TOO_MANY.format(maximum=MAX_ROWS))

    report = ImportReport()
    seen: dict[str, int] = {}
    now = utcnow()
    for number, row in enumerate(body, start=first_data_row):
        if not any(row):
            continue

        def cell(key: str, row: list[str] = row) -> str:
            index = columns.get(key)
            return row[index] if index is not None and index < len(row) else ""

        try:
            full_name = validation.full_name(cell("name"))
            role_word = cell("role").strip().casefold()
            role = ROLE_WORDS.get(role_word)
            if role_word and role is None:  # no role at all: a teacher of the staff base
                raise ValidationFailed(texts.IMPORT_BAD_ROLE.format(role=cell("role")))
            position = validation.short_text(cell("position"), field="Должность")
            subject = validation.short_text(cell("subject"), field="Предмет")
            years = validation.experience_years(cell("experience"))
            phone, email = _contact(cell("contact"))
        except ValidationFailed as error:
            report.errors.append((number, error.message))
            report.outcomes.append((number, cell("name"), f"{texts.IMPORT_ERROR}: {error.message}"))
            continue
        key = import_key(full_name)
        duplicate_key = f"{key}:{role.value if role else ''}"
        if duplicate_key in seen:
            reason = texts.IMPORT_DUPLICATE.format(row=seen[duplicate_key])
            report.errors.append((number, reason))
            report.outcomes.append((number, full_name, f"{texts.IMPORT_ERROR}: {reason}"))
            continue
        seen[duplicate_key] = number
        existing = await session.scalar(
            select(Person).where(
                Person.organization_id == curator.organization_id,
                Person.erased_at.is_(None),
                (Person.import_key == key) | (Person.search_name == full_name.casefold()),
            )
        )
        if existing is not None:
            if role is None or role in existing.role_set:
                report.skipped.append((number, full_name))
                report.outcomes.append((number, full_name, texts.IMPORT_SKIPPED))
            else:
                existing.roles.append(PersonRole(role=role))
                report.roles_added += 1
                report.outcomes.append((number, full_name, texts.IMPORT_ROLE_ADDED))
            listed = any(person.id == existing.id for person, _ in report.links)
            role = role or next(
                (r for r in (Role.MENTOR, Role.MENTEE) if r in existing.role_set), None
            )
            if existing.telegram_id is None and not listed and role is not None:
                # not joined yet: the link again (a new one once it expired), so importing
                # the list again is how a curator gets links lost or out of date
                invite = await usable_personal_invite(session, existing, now)
                if invite is None:
                    invite = personal_invite(actor, curator, existing, role, now)
                    session.add(invite)
                report.links.append((existing, invite))
            continue
        person = Person(
            organization_id=curator.organization_id,
            full_name=full_name,
            position=position,
            subject=subject,
            experience_years=years,
            phone=phone,
            email=email,
            import_key=key,
            roles=[PersonRole(role=role)] if role else [],
        )
        session.add(person)
        await session.flush()
        report.created.append(person)
        report.outcomes.append((number, full_name, texts.IMPORT_CREATED))
        if role is None:
            continue
        if role is Role.MENTEE:
            session.add_all(
                PersonMenteeType(person_id=person.id, type=kind) for kind in suggested_types(person)
            )
        invite = personal_invite(actor, curator, person, role, now)
        session.add(invite)
        report.links.append((person, invite))
    await session.flush()
    return report


def report_csv(report: ImportReport) -> bytes:
    """Every row of the file with what became of it."""
    return _csv(
        texts.IMPORT_REPORT_HEADER,
        [[str(row), name, outcome] for row, name, outcome in sorted(report.outcomes)],
    )


def invites_csv(report: ImportReport, bot_username: str) -> bytes:
    """The personal links to hand out."""
    return _csv(
        texts.IMPORT_LINKS_HEADER,
        [
            [
                person.full_name,
                ROLE_NAMES[invite.role],
                deep_link(bot_username, invite.code),
                invite.expires_at.strftime("%d.%m.%Y"),
            ]
            for person, invite in report.links
        ],
    )


def _csv(header: tuple[str, ...], rows: list[list[str]]) -> bytes:
    """A CSV that Excel opens as is: UTF-8 with BOM, «;» between columns."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode()
