"""Domain rules without the bot: typed meeting times, goal progress notes, and the working-hours
deadline of a help request."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.services import validation
from bot.services.errors import ValidationFailed
from bot.services.goals import parse_progress
from bot.services.help_requests import working_deadline
from bot.texts import validation as validation_texts
from bot.texts.goals import GOAL_BAD_PERCENT, GOAL_BAD_STEPS, GOAL_EMPTY_PROGRESS
from bot.texts.vocabulary import CARD_LIMIT, fit

# Monday 23.11.2026, 10:00 in Moscow (UTC+3)
NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
MOSCOW = "Europe/Moscow"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("25.11 15:30", datetime(2026, 11, 25, 12, 30, tzinfo=UTC)),
        ("25.11.2026 15.30", datetime(2026, 11, 25, 12, 30, tzinfo=UTC)),
        ("завтра 16:00", datetime(2026, 11, 24, 13, 0, tzinfo=UTC)),
        ("Завтра в 9:05", datetime(2026, 11, 24, 6, 5, tzinfo=UTC)),
        ("в пятницу 10:00", datetime(2026, 11, 27, 7, 0, tzinfo=UTC)),
        ("сегодня 18:00", datetime(2026, 11, 23, 15, 0, tzinfo=UTC)),
        ("10.01 08:00", datetime(2027, 1, 10, 5, 0, tzinfo=UTC)),  # the next 10 January
    ],
)
def test_future_moments(typed: str, expected: datetime) -> None:
    assert validation.moment(typed, NOW, MOSCOW) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("сегодня 09:00", validation_texts.VALIDATION_MOMENT_PAST),
        ("23.11.2026 08:00", validation_texts.VALIDATION_MOMENT_PAST),
        ("31.02 10:00", validation_texts.VALIDATION_NO_SUCH_DATE.format(date="31.02")),
        ("32.13 10:00", validation_texts.VALIDATION_DATE),
        ("25.11 25:00", validation_texts.VALIDATION_TIME),
        ("25.11", validation_texts.VALIDATION_MOMENT),
        ("когда-нибудь", validation_texts.VALIDATION_MOMENT),
        ("25.11.2028 10:00", validation_texts.VALIDATION_MOMENT_FAR),
    ],
)
def test_bad_future_moments(typed: str, message: str) -> None:
    with pytest.raises(ValidationFailed) as raised:
        validation.moment(typed, NOW, MOSCOW)
    assert raised.value.message == message


def test_past_moments() -> None:
    assert validation.moment("вчера 15:00", NOW, MOSCOW, past=True) == datetime(
        2026, 11, 22, 12, 0, tzinfo=UTC
    )
    assert validation.moment("пт 15:00", NOW, MOSCOW, past=True) == datetime(
        2026, 11, 20, 12, 0, tzinfo=UTC
    )
    assert validation.moment("30.11 15:00", NOW, MOSCOW, past=True) == datetime(
        2025, 11, 30, 12, 0, tzinfo=UTC
    )
    with pytest.raises(ValidationFailed) as raised:
        validation.moment("завтра 10:00", NOW, MOSCOW, past=True)
    assert raised.value.message == validation_texts.VALIDATION_MOMENT_FUTURE


@pytest.mark.parametrize(
    ("typed", "percent", "note"),
    [
        ("40% — составила план урока", 40, "составила план урока"),
        ("100%", 100, None),
        ("2/5 — посетила два урока", 40, "посетила два урока"),
        ("3 из 4 шагов", 75, None),
        ("Прочитала методичку", None, "Прочитала методичку"),
    ],
)
def test_progress_notes(typed: str, percent: int | None, note: str | None) -> None:
    report = parse_progress(typed)
    assert (report.percent, report.note) == (percent, note)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("140%", GOAL_BAD_PERCENT),
        ("6/5", GOAL_BAD_STEPS),
        ("1/0", GOAL_BAD_STEPS),
        ("   ", GOAL_EMPTY_PROGRESS),
    ],
)
def test_bad_progress(typed: str, message: str) -> None:
    with pytest.raises(ValidationFailed) as raised:
        parse_progress(typed)
    assert raised.value.message == message


@pytest.mark.parametrize(
    ("sent", "hours", "due"),
    [
        # Monday 10:00 + 4 h = Monday 14:00 (Moscow)
        (datetime(2026, 11, 23, 7, 0, tzinfo=UTC), 4, datetime(2026, 11, 23, 11, 0, tzinfo=UTC)),
        # Monday 16:00 + 4 h = Tuesday 10:00
        (datetime(2026, 11, 23, 13, 0, tzinfo=UTC), 4, datetime(2026, 11, 24, 7, 0, tzinfo=UTC)),
        # Friday 20:00 + 4 h = Monday 12:00
        (datetime(2026, 11, 27, 17, 0, tzinfo=UTC), 4, datetime(2026, 11, 30, 9, 0, tzinfo=UTC)),
        # Sunday 03:00 + 24 h = Wednesday 12:00 (10 + 10 + 4)
        (datetime(2026, 11, 29, 0, 0, tzinfo=UTC), 24, datetime(2026, 12, 2, 9, 0, tzinfo=UTC)),
    ],
)
def test_working_deadline(sent: datetime, hours: int, due: datetime) -> None:
    assert working_deadline(sent, hours, MOSCOW) == due


def test_cards_are_cut_between_parts_never_inside_html() -> None:
    parts = [f"\n<b>№{number}</b> {'x' * 900}" for number in range(8)]
    first = fit("<b>head</b>", parts)
    latest = fit("<b>head</b>", parts, keep_last=True)
    assert len(first) <= CARD_LIMIT and first.endswith("\n…")
    assert "№0" in first and "№7" not in first
    assert "№7" in latest and "№0" not in latest and latest.startswith("<b>head</b>\n…")
    assert fit("head", parts[:2]) == "head" + "".join(parts[:2])
