"""What people type is normalised or refused with a Russian message."""

import pytest

from bot.services import validation
from bot.services.errors import ValidationFailed
from bot.texts import validation as texts


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("иванова мария петровна", "Иванова Мария Петровна"),
        ("  Салтыков-Щедрин   Михаил  ", "Салтыков-Щедрин Михаил"),
        ("O'Brien Анна", "O'Brien Анна"),
        ("Ким Ён Су Ли", "Ким Ён Су Ли"),
    ],
)
def test_full_name_is_normalised(raw: str, expected: str) -> None:
    assert validation.full_name(raw) == expected


@pytest.mark.parametrize(
    "raw", ["Иван", "Иван 3", "<script>alert(1)</script> Иван", "А & Б", "Один Два Три Четыре Пять"]
)
def test_full_name_refuses_non_names(raw: str) -> None:
    with pytest.raises(ValidationFailed) as error:
        validation.full_name(raw)
    assert error.value.message == texts.VALIDATION_NAME


def test_empty_and_too_long_answers() -> None:
    with pytest.raises(ValidationFailed, match="не может быть пустым"):
        validation.short_text("   \u200b ", field="Предмет")
    with pytest.raises(ValidationFailed, match="не больше 100 символов \\(у вас 101\\)"):
        validation.short_text("а" * 101, field="Предмет")
    with pytest.raises(ValidationFailed, match="буквы"):
        validation.short_text("123", field="Предмет")
    assert validation.short_text("Учитель\nматематики", field="Должность") == "Учитель математики"


@pytest.mark.parametrize(("raw", "years"), [("0", 0), ("3 года", 3), ("25 лет", 25), ("60", 60)])
def test_experience(raw: str, years: int) -> None:
    assert validation.experience_years(raw) == years


@pytest.mark.parametrize("raw", ["", "-1", "61", "3.5", "три", None])
def test_experience_refused(raw: str | None) -> None:
    with pytest.raises(ValidationFailed):
        validation.experience_years(raw)


def test_timezone_names() -> None:
    assert validation.timezone_name("asia/yekaterinburg") == "Asia/Yekaterinburg"
    assert validation.timezone_name("Europe/Moscow") == "Europe/Moscow"
    with pytest.raises(ValidationFailed):
        validation.timezone_name("Moscow")
