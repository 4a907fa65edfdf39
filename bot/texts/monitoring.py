"""Monitoring: the summary, charts, mentors' load, the difficulty trend and the audit log."""

from __future__ import annotations

# by the code of a period kind (bot.services.monitoring.PeriodKind)
SUMMARY_PERIOD_BUTTONS = {
    "month": "Месяц",
    "quarter": "Квартал",
    "year": "Учебный год",
    "custom": "Свой период",
}

SUMMARY_HEAD = "📊 <b>Мониторинг наставничества</b> · {scope}\nПериод: {start} — {end}"

SUMMARY_REGION = "все организации ({count})"

SUMMARY_BODY = (
    "\n\n<b>Участники.</b> Педагогов: {teachers}; вовлечено в наставничество: {involved} "
    "({share} %, целевой ориентир — 70 %): наставников {mentors}, наставляемых {mentees}.{young}"
    "\n<b>Пары и группы:</b> {pairs}{forms}."
    "\n<b>Встречи:</b> проведено {held} ({per_pair_month} на пару в месяц); пар без встреч за "
    "период: {without}."
    "\n<b>Краткосрочные цели:</b> достигнуто {reached}, в работе {open}, просрочено {overdue}."
    "\n<b>Мероприятия программ:</b> выполнено {done}, просрочено {activities_overdue}."
    "\n<b>Запросы о помощи:</b> {requests}; медиана до первого ответа — {median}; передано "
    "куратору: {escalated}."
    "\n<b>Затруднения:</b> новых {new}, не преодолено {not_overcome}, преодолено {overcome}{top}."
    "\n<b>Удовлетворённость:</b> оценка встреч {rating}, итоговая оценка участников "
    "{satisfaction}."
    "\n<b>Самодиагностика</b> (вход → итог): {self_check}"
    "\n<b>Рост:</b> получено квалификационных категорий {categories}; участников конкурсов "
    "{contests}; молодых специалистов с наставником год назад и больше — {young_year_on}, из них "
    "продолжают работать {young_retained}."
)

SUMMARY_TOP = "; чаще всего: {categories}"

SUMMARY_NONE = "нет данных"

SUMMARY_SCORE = "{value} из 5"

SUMMARY_SELF_CHECK_ITEM = "{category} {before} → {after}"

SUMMARY_REGION_LINE = (
    "\n• <b>{name}</b>: вовлечено {share} %, пар {pairs}, встреч {held}, запросов {requests}, "
    "просрочено целей {overdue}"
)

SUMMARY_YOUNG = " Молодых специалистов с наставником: {mentored} из {young} ({share} %)."

SUMMARY_REGION_HEADER = "\n\n<b>По организациям:</b>"

SUMMARY_ASK_PERIOD = (
    "Напишите период двумя датами через дефис, например: 01.09.2026-31.12.2026 "
    "(не длиннее трёх лет)."
)

SUMMARY_BAD_PERIOD = (
    "Период — две даты через дефис, первая не позже второй и не длиннее трёх лет, например: "
    "01.09.2026-31.12.2026."
)

SUMMARY_MINUTES = "{minutes} мин"

SUMMARY_HOURS = "{hours} ч"

CHART_DIFFICULTIES = "Затруднения по категориям"

CHART_MEETINGS = "Встречи по месяцам"

CHART_SELF_CHECK = "Самодиагностика: средний балл на входе и на выходе"

CHART_NEW = "новые за период"

CHART_OPEN = "не преодолены"

CHART_START = "на входе"

CHART_END = "на выходе"

CHART_NO_DATA = "За этот период для графиков пока нет данных."

BUTTON_CHARTS = "📈 Графики"

BUTTON_WORKBOOK = "📥 Excel"

WORKBOOK_CAPTION = "Выгрузка мониторинга за период {start} — {end}."

AUDIT_EMPTY = "Журнал доступа к персональным данным пуст."

AUDIT_HEADER = (
    "🔎 <b>Журнал доступа к данным</b> (последние записи; время организации, без неё — {timezone}):"
)

AUDIT_LINE = "\n{when} · {who} · {action}{organization} {details}"
AUDIT_ORGANIZATION = " · {name}"

AUDIT_ACTIONS = {
    "workbook": "выгрузка Excel",
    "pair_card": "карточка пары",
}

BUTTON_SUMMARY = "📊 Мониторинг"

MENTORS_HEADER = (
    "👩‍🏫 <b>Нагрузка наставников</b> (всего {total}, стр. {page} из {pages}). Пары · "
    "наставляемые · встреч за 30 дней · открытых запросов · просроченных целей:"
)

MENTORS_EMPTY = "Наставников пока нет."

MENTOR_LINE = "\n{number}. {name}: {pairs} · {mentees} · {meetings} · {requests} · {overdue}{idle}"

MENTOR_IDLE = " ⚠️"

MENTOR_ELSEWHERE = " (🌐 в других школах: {count})"

BUTTON_MENTOR_PAIRS = "Пары: {name}"

TREND_HEADER = (
    "🧩 <b>Профессиональные затруднения</b> · {scope}\nКатегория: не преодолено / преодолено; "
    "новые по месяцам ({first} … {last}):"
)

TREND_LINE = "\n• {category}: {open} / {overcome}; {trend}"

TREND_EMPTY = "Затруднений пока не отмечено."

CHART_TREND = "Новые затруднения по месяцам"

BUTTON_FINAL_REPORT = "📄 Итоговый отчёт"

# --- what each dialogue step waits for («Сейчас я жду …») -------------------------------

EXPECT_PERIOD = "период — две даты через дефис, например 01.09.2026-31.12.2026"
