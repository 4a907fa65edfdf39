"""Validation and normalisation of what people type; each failure says, in Russian, what is
expected (`ValidationFailed`)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot import texts
from bot.services.errors import ValidationFailed

NAME_MAX = 150
SHORT_TEXT_MAX = 100
ORG_NAME_MAX = 200
MAX_EXPERIENCE_YEARS = 60

_NAME_WORD = re.compile(r"^[^\W\d_]+(?:['’\-][^\W\d_]+)*\.?$")
_EXPERIENCE = re.compile(r"^(\d{1,3})(?:\s*(?:год|года|лет|г\.?))?$", re.IGNORECASE)


def _clean(text: str | None) -> str:
    """Collapse white space and drop control and format characters."""
    if text is None:
        return ""
    kept = "".join(char for char in text if unicodedata.category(char)[0] != "C" or char in "\n\t")
    return " ".join(kept.split())


def _bounded(text: str | None, *, minimum: int, maximum: int, field: str) -> str:
    value = _clean(text)
    if not value:
        raise ValidationFailed(texts.VALIDATION_EMPTY.format(field=field))
    if len(value) > maximum:
        raise ValidationFailed(
            texts.VALIDATION_TOO_LONG.format(field=field, maximum=maximum, length=len(value))
        )
    if len(value) < minimum:
        raise ValidationFailed(texts.VALIDATION_TOO_SHORT.format(field=field, minimum=minimum))
    return value


def full_name(text: str | None) -> str:
    """ФИО: two to four words of letters (hyphens and apostrophes inside words allowed)."""
    value = _bounded(text, minimum=3, maximum=NAME_MAX, field="ФИО")
    words = value.split(" ")
    if not 2 <= len(words) <= 4 or not all(_NAME_WORD.match(word) for word in words):
        raise ValidationFailed(texts.VALIDATION_NAME)
    return " ".join(word[:1].upper() + word[1:] for word in words)


def short_text(text: str | None, *, field: str, maximum: int = SHORT_TEXT_MAX) -> str:
    value = _bounded(text, minimum=2, maximum=maximum, field=field)
    if not any(char.isalpha() for char in value):
        raise ValidationFailed(texts.VALIDATION_NEEDS_LETTERS.format(field=field))
    return value


def experience_years(text: str | None) -> int:
    match = _EXPERIENCE.match(_clean(text))
    if not match:
        raise ValidationFailed(texts.VALIDATION_EXPERIENCE)
    years = int(match.group(1))
    if years > MAX_EXPERIENCE_YEARS:
        raise ValidationFailed(texts.VALIDATION_EXPERIENCE)
    return years


def organization_name(text: str | None) -> str:
    return short_text(text, field="Название", maximum=ORG_NAME_MAX)


def region(text: str | None) -> str:
    return short_text(text, field="Регион", maximum=ORG_NAME_MAX)


def timezone_name(text: str | None) -> str:
    """An IANA zone, typed as is (`Asia/Yekaterinburg`) or case-insensitively."""
    value = _clean(text).replace(" ", "_")
    if not value:
        raise ValidationFailed(texts.VALIDATION_TIMEZONE)
    candidates = {name.lower(): name for name in available_timezones()}
    name = candidates.get(value.lower())
    if name is None:
        raise ValidationFailed(texts.VALIDATION_TIMEZONE)
    try:
        ZoneInfo(name)
    except ZoneInfoNotFoundError as error:  # pragma: no cover - listed zones always load
        raise ValidationFailed(texts.VALIDATION_TIMEZONE) from error
    return name


_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})(?:\.(\d{2}|\d{4}))?$")


def future_date(text: str | None, today: date) -> date:
    """A day typed as 25.12.2026, 25.12.26 or 25.12 (the next such day), today or later."""
    match = _DATE.match(_clean(text))
    if not match:
        raise ValidationFailed(texts.VALIDATION_DATE)
    day, month, year_text = int(match.group(1)), int(match.group(2)), match.group(3)
    year = today.year if year_text is None else int(year_text)
    if year_text is not None and len(year_text) == 2:
        year += 2000
    try:
        result = date(year, month, day)
        if year_text is None and result < today:
            result = date(year + 1, month, day)
    except ValueError as error:
        raise ValidationFailed(texts.VALIDATION_DATE) from error
    if result < today:
        raise ValidationFailed(texts.VALIDATION_DATE_PAST)
    return result
