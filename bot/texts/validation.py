"""Refusals of typed input that does not fit (empty, too long, not a date or a time)."""

from __future__ import annotations

VALIDATION_EMPTY = "Поле «{field}» не может быть пустым."

VALIDATION_TOO_LONG = "Слишком длинно: «{field}» — не больше {maximum} символов (у вас {length})."

VALIDATION_TOO_SHORT = "Слишком коротко: «{field}» — не меньше {minimum} символов."

VALIDATION_NEEDS_LETTERS = "«{field}» должно содержать буквы."

VALIDATION_NAME = (
    "Укажите фамилию, имя и (если есть) отчество — два-четыре слова из букв, "
    "например: Иванова Мария Петровна."
)

VALIDATION_EXPERIENCE = "Укажите педагогический стаж числом полных лет от 0 до 60, например: 3."

VALIDATION_DATE = "Не понял дату. Напишите её так: 25.12.2026 или 25.12."
VALIDATION_NO_SUCH_DATE = "Такой даты нет: {date}. Проверьте число и месяц."

VALIDATION_DATE_PAST = "Эта дата уже прошла. Укажите сегодняшнюю или будущую."

VALIDATION_DATE_FUTURE = "Эта дата ещё не наступила. Укажите сегодняшнюю или прошедшую."

VALIDATION_TIME = "Не понял время. Напишите его так: 15:30."

VALIDATION_MOMENT = (
    "Не понял день и время. Напишите, например: «25.11 15:30», «25.11.2026 15:30», "
    "«завтра 16:00» или «пт 10:00»."
)

VALIDATION_MOMENT_PAST = "Это время уже прошло. Укажите будущее."

VALIDATION_MOMENT_FUTURE = "Это время ещё не наступило: здесь записывают уже прошедшую встречу."

VALIDATION_MOMENT_FAR = "Слишком далеко: не дальше года от сегодняшнего дня."

VALIDATION_MINUTES = "Укажите длительность числом минут от {minimum} до {maximum}, например: 45."

VALIDATION_URL = (
    "Нужна ссылка, начинающаяся с http:// или https://, например: https://meet.example.ru/abc."
)

VALIDATION_TIMEZONE = (
    "Не знаю такого часового пояса. Выберите кнопкой или напишите название из базы IANA, "
    "например: Asia/Yekaterinburg."
)
VALIDATION_SEARCH_TOO_SHORT = "Для поиска напишите хотя бы 2 буквы фамилии или имени."
