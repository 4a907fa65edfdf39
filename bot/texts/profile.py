"""The profile, one's own data as a file, and erasing it."""

from __future__ import annotations

PROFILE = (
    "<b>Мой профиль</b>\n"
    "ФИО: {full_name}\nДолжность: {position}\nПредмет: {subject}\nСтаж: {experience}\n"
    "Организация: {organization}\nРоли: {roles}\n"
    "Показывать мой Telegram-контакт участникам пары: {share}"
)

PROFILE_FIELD_NAMES = {
    "full_name": "ФИО",
    "position": "Должность",
    "subject": "Предмет",
    "experience_years": "Стаж",
}

PROFILE_ASK = "Введите новое значение поля «{field}»:"

PROFILE_SAVED = "✅ Сохранено."

PROFILE_UNKNOWN_FIELD = "Такого поля в профиле нет."

SHARE_NEEDS_USERNAME = (
    "У вас не задано имя пользователя Telegram (@username), поэтому показать контакт нельзя. "
    "Задайте его в настройках Telegram и попробуйте снова."
)

MY_DATA_CAPTION = "Все данные, которые бот хранит о вас (JSON)."

DELETE_CONFIRM = (
    "⚠️ <b>Удалить ваши персональные данные?</b>\n\n"
    "Будут удалены ФИО, должность, предмет, стаж, контакты, ваши затруднения и "
    "самодиагностика, тексты ваших сообщений. В записях, от которых зависят другие "
    "(встречи пары, цели), останется обезличенная отметка «{placeholder}». "
    "Это действие нельзя отменить."
)

DELETE_DONE = "Ваши персональные данные удалены. Чтобы вернуться, понадобится новое приглашение."

DELETE_KEPT = "Удаление отменено, данные сохранены."

ERASED_TEXT = "(удалено пользователем)"

BUTTON_PROFILE = "👤 Профиль"

BUTTON_MY_DATA = "📦 Мои данные"

BUTTON_EDIT = "✏️ {field}"

BUTTON_SHARE_ON = "Показывать мой контакт"

BUTTON_SHARE_OFF = "Скрыть мой контакт"

BUTTON_DELETE_YES = "Да, удалить"

BUTTON_DELETE_NO = "Нет, оставить"

# --- what each dialogue step waits for («Сейчас я жду …») -------------------------------

EXPECT_VALUE = "новое значение поля профиля"
