"""/settings: the organisation's escalation, nudge, stalled pairs, pulse and quiet hours."""

from __future__ import annotations

from collections.abc import Callable

ORG_SETTINGS = (
    "⚙️ <b>Настройки организации</b> {name}\n"
    "• Запрос о помощи передаётся куратору, если наставник не взял его за <b>{hours} рабочих ч</b> "
    "(рабочее время — пн–пт, 08:00–18:00).\n"
    "• Наставнику напоминаем о встрече, если её не было <b>{days} дн.</b>\n"
    "• ⚠️ Пара застоялась, если <b>{stalled} дн.</b> не было ни встреч, ни шагов программы: "
    "куратор получает сообщение.\n"
    "• 💬 Наставляемых спрашиваем «как идёт работа с наставником?»: <b>{pulse}</b>.\n"
    "• Тихие часы организации (ничего не присылаем, всё ждёт утра): <b>{quiet}</b>; каждый может "
    "выбрать свои в /reminders."
)

ORG_SETTINGS_SAVED = "✅ Сохранено."

ORG_BAD_SETTING = "Выберите значение кнопкой."

ORG_SETTING_BUTTONS: dict[str, Callable[[int], str]] = {
    "escalation_hours": lambda value: f"{value} ч",
    "nudge_days": lambda value: f"{value} дн.",
    "stalled_days": lambda value: f"⚠️ {value} дн.",
    "pulse_days": lambda value: f"💬 {value} дн." if value else "💬 нет",
    "quiet": lambda value: f"🌙 {value // 100:02d}–{value % 100:02d}" if value else "🌙 нет",
}

PULSE_EVERY = "каждые {days} дн."
PULSE_NEVER = "не спрашиваем"

BUTTON_ORG_SETTINGS = "⚙️ Настройки"
