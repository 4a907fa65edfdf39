"""Suggested mentors: the reasons of each suggestion, in words a curator reads at a glance."""

from __future__ import annotations

from bot.texts.vocabulary import plural
from models.enums import DifficultyCategory

SUGGESTIONS_HEADER = (
    "<b>Кого предложить наставником: {name}</b>\n{about}\n"
    "Лучшие совпадения сверху. Выберите, чтобы составить предложение."
)

SUGGESTIONS_EVERYONE = "\n\nПоказаны все наставники, в том числе без свободных мест."

SUGGESTIONS_EMPTY = (
    "\n\nПодходящих наставников со свободными местами нет. Нажмите «Показать всех», чтобы "
    "увидеть и тех, у кого нагрузка полная."
)

SUGGESTION_LINE = "{number}. <b>{name}</b> — {reasons}"

SUGGESTION_HIDDEN = " (не предлагается)"

MENTEE_ABOUT = "Предмет: {subject}. Открытых затруднений: {open}."

REASON_SAME_SUBJECT = "тот же предмет"

REASON_HELPS_SUBJECT = "помогает по предмету «{subject}»"

REASON_AREA = "помогает с {area} — {count}"

REASON_LOAD = "нагрузка {load} из {capacity}"

REASON_FULL = "нагрузка полная: {load} из {capacity}"

REASON_WILL_UNKNOWN = "согласие на этот учебный год не уточнено"

REASON_UNWILLING = "не готов(а) наставлять в этом учебном году"

REASON_NOT_JOINED = "ещё не вошёл(ла) в бот"
REASON_OTHER_SCHOOL = "🌐 {school}, виртуально"

CAPACITY_RANGE = "Нагрузка — от {low} до {high} наставляемых одновременно."

BUTTON_BEYOND = "🌐 Наставники других школ территории"
BUTTON_OWN_SCHOOL = "🏫 Наставники своей школы"
SUGGESTIONS_BEYOND = (
    "\n\nНаставники других школ региона, согласные наставлять виртуально. Пара будет вашей "
    "школы; наставник сначала подтвердит её."
)
BUTTON_EVERYONE = "👀 Показать всех"

BUTTON_FITTING = "Только подходящих"

BUTTON_SUGGEST = "🔎 Подобрать наставника"

# «помогает с …»
AREA_PHRASES = {
    DifficultyCategory.THEORETICAL: "научно-теоретическими вопросами",
    DifficultyCategory.REGULATORY: "нормативными документами",
    DifficultyCategory.SUBJECT: "предметной подготовкой",
    DifficultyCategory.PSYCHOLOGICAL: "работой с учениками и родителями",
    DifficultyCategory.METHODOLOGICAL: "методикой",
    DifficultyCategory.DIGITAL: "ИКТ",
    DifficultyCategory.EXTRACURRICULAR: "воспитательной работой",
    DifficultyCategory.HEALTH: "здоровьесбережением",
    DifficultyCategory.OTHER: "другими вопросами",
}


def difficulties_count(count: int) -> str:
    word = plural(count, "открытое затруднение", "открытых затруднения", "открытых затруднений")
    return f"{count} {word}"


def experience(years: int) -> str:
    return f"стаж {years} {plural(years, 'год', 'года', 'лет')}"
