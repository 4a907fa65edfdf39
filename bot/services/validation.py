"""Validation and normalisation of what people type; each failure says, in Russian, what is
expected (`ValidationFailed`)."""

from __future__ import annotations

import re
import unicodedata
from contextlib import suppress
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.services.errors import ValidationFailed
from bot.texts import validation as texts

NAME_MAX = 150
SHORT_TEXT_MAX = 100
ORG_NAME_MAX = 200
MAX_EXPERIENCE_YEARS = 60
URL_MAX = 500
# Meetings are planned up to a year ahead and recorded up to a year back.
MOMENT_RANGE = timedelta(days=366)

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


SEARCH_MIN = 2


def search_text(text: str | None) -> str:
    """Part of a name to look people up by: casefolded, single spaces, two letters at least."""
    needle = " ".join((text or "").split()).casefold()
    if len(needle) < SEARCH_MIN:
        raise ValidationFailed(texts.VALIDATION_SEARCH_TOO_SHORT)
    return needle


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


def _calendar_day(match: re.Match[str], today: date, *, past: bool) -> date:
    """The day of «25.12.2026», «25.12.26» or «25.12» (the nearest such day after `today`, or
    before it when `past`); «31.02» is refused as a day that does not exist."""
    day, month, year_text = int(match.group(1)), int(match.group(2)), match.group(3)
    if not (1 <= day <= 31 and 1 <= month <= 12):
        raise ValidationFailed(texts.VALIDATION_DATE)
    year = today.year if year_text is None else int(year_text)
    if year_text is not None and len(year_text) == 2:
        year += 2000
    try:
        result = date(year, month, day)
    except ValueError:
        raise ValidationFailed(
            texts.VALIDATION_NO_SUCH_DATE.format(date=f"{day:02d}.{month:02d}")
        ) from None
    if year_text is None:
        with suppress(ValueError):  # 29.02 of a leap year has no twin: it stays
            if not past and result < today:
                result = date(year + 1, month, day)
            if past and result > today:
                result = date(year - 1, month, day)
    return result


def future_date(text: str | None, today: date) -> date:
    """A day typed as 25.12.2026, 25.12.26 or 25.12 (the next such day), today or later."""
    match = _DATE.match(_clean(text))
    if not match:
        raise ValidationFailed(texts.VALIDATION_DATE)
    result = _calendar_day(match, today, past=False)
    if result < today:
        raise ValidationFailed(texts.VALIDATION_DATE_PAST)
    return result


_RELATIVE_DAYS = {"позавчера": -2, "вчера": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2}
_WEEKDAYS = {
    "пн": 0, "понедельник": 0, "вт": 1, "вторник": 1, "ср": 2, "среда": 2, "среду": 2,
    "чт": 3, "четверг": 3, "пт": 4, "пятница": 4, "пятницу": 4, "сб": 5, "суббота": 5,
    "субботу": 5, "вс": 6, "воскресенье": 6,
}  # fmt: skip
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")
_DAY_AND_TIME = re.compile(r"^(?:в\s+)?(.+?)\s+(?:в\s+)?(\d{1,2}[:.]\d{2})$")


def calendar_date(text: str | None, today: date) -> date:
    """A day typed as 25.12.2026, 25.12.26 or 25.12 (the next such day), past or future."""
    match = _DATE.match(_clean(text))
    if not match:
        raise ValidationFailed(texts.VALIDATION_DATE)
    return _calendar_day(match, today, past=False)


def clock_time(text: str | None) -> time:
    """A time of day typed as 15:30 or 15.30."""
    match = _TIME.match(_clean(text))
    if not match:
        raise ValidationFailed(texts.VALIDATION_TIME)
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        raise ValidationFailed(texts.VALIDATION_TIME)
    return time(hour, minute)


def past_date(text: str | None, today: date) -> date:
    """A day typed as 25.12.2026, 25.12.26 or 25.12 (the last such day), today or earlier."""
    match = _DATE.match(_clean(text))
    if not match:
        raise ValidationFailed(texts.VALIDATION_DATE)
    result = _calendar_day(match, today, past=True)
    if result > today:
        raise ValidationFailed(texts.VALIDATION_DATE_FUTURE)
    return result


def _day(text: str, today: date, *, past: bool) -> date:
    word = text.casefold()
    if word in _RELATIVE_DAYS:
        return today + timedelta(days=_RELATIVE_DAYS[word])
    if word in _WEEKDAYS:
        shift = (_WEEKDAYS[word] - today.weekday()) % 7
        return today - timedelta(days=(7 - shift) % 7) if past else today + timedelta(days=shift)
    match = _DATE.match(text)
    if not match:
        raise ValidationFailed(texts.VALIDATION_MOMENT)
    return _calendar_day(match, today, past=past)


def moment(text: str | None, now: datetime, timezone: str, *, past: bool = False) -> datetime:
    """A day and time typed as «25.11 15:30», «25.11.2026 15:30», «завтра 16:00» or
    «пт 10:00», in the organisation's time zone; returned in UTC. Either ahead of `now`
    (scheduling) or not after it (`past`: recording what already happened)."""
    match = _DAY_AND_TIME.match(_clean(text))
    if not match:
        raise ValidationFailed(texts.VALIDATION_MOMENT)
    zone = ZoneInfo(timezone)
    today = now.astimezone(zone).date()
    day = _day(match.group(1), today, past=past)
    if abs(day - today) > MOMENT_RANGE:
        raise ValidationFailed(texts.VALIDATION_MOMENT_FAR)
    at = datetime.combine(day, clock_time(match.group(2)), tzinfo=zone).astimezone(UTC)
    return checked_moment(at, now, past=past)


def checked_moment(at: datetime, now: datetime, *, past: bool = False) -> datetime:
    if past and at > now:
        raise ValidationFailed(texts.VALIDATION_MOMENT_FUTURE)
    if not past and at <= now:
        raise ValidationFailed(texts.VALIDATION_MOMENT_PAST)
    if abs(at - now) > MOMENT_RANGE:
        raise ValidationFailed(texts.VALIDATION_MOMENT_FAR)
    return at


MINUTES_MIN, MINUTES_MAX = 5, 480


def minutes(text: str | None) -> int:
    """A duration typed as «45» or «45 мин»."""
    value = _clean(text).removesuffix("минут").removesuffix("мин").strip()
    if not value.isdigit():
        raise ValidationFailed(
            texts.VALIDATION_MINUTES.format(minimum=MINUTES_MIN, maximum=MINUTES_MAX)
        )
    return minutes_in_range(int(value))


def minutes_in_range(value: int) -> int:
    if not MINUTES_MIN <= value <= MINUTES_MAX:
        raise ValidationFailed(
            texts.VALIDATION_MINUTES.format(minimum=MINUTES_MIN, maximum=MINUTES_MAX)
        )
    return value


_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*\.[^\s]+$", re.IGNORECASE)


def url(text: str | None) -> str:
    value = _clean(text)
    if len(value) > URL_MAX or not _URL.match(value):
        raise ValidationFailed(texts.VALIDATION_URL)
    return value
