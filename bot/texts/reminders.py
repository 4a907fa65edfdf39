"""/reminders: a person's switches for kinds of reminders and their quiet hours."""

from __future__ import annotations

REMINDER_CATEGORY_NAMES = {
    "meetings": "Встречи",
    "goals": "Краткосрочные цели",
    "activities": "Мероприятия программы",
    "help": "Запросы о помощи",
    "nudges": "Подсказки (давно не было встреч, конец программы)",
    "digests": "Еженедельная сводка",
    "announcements": "Объявления куратора и координаторов",
}

REMINDERS_SETTINGS = (
    "🔔 <b>Напоминания</b>\nНажмите, чтобы включить или выключить. Тихие часы — время, когда "
    "бот ничего не присылает (всё дождётся утра). Сейчас: <b>{quiet}</b>."
)

REMINDERS_QUIET = "{start:02d}:00–{end:02d}:00"

REMINDERS_QUIET_ORG = "как в организации, {hours}"

REMINDERS_QUIET_OFF = "нет"

BUTTON_REMINDER_ON = "🔔 {name}"

BUTTON_REMINDER_OFF = "🔕 {name}"

BUTTON_QUIET = "🌙 {hours}"

BUTTON_QUIET_ORG = "🌙 Как в организации"

REMINDERS_BAD_CHOICE = "Выберите кнопкой."

BUTTON_REMINDERS = "🔔 Напоминания"
