"""Professional difficulties: registering, the list, the card and its changes."""

from __future__ import annotations

DIFFICULTY_ASK_CATEGORY = "<b>Новое затруднение.</b> Шаг 1 из 3. К какой области оно относится?"

DIFFICULTY_ASK_DESCRIPTION = (
    "Шаг 2 из 3. Область: <b>{category}</b>.\nОпишите затруднение своими словами: что "
    "именно не получается, в какой ситуации (до 1000 символов)."
)

DIFFICULTY_ASK_URGENCY = "Шаг 3 из 3. Насколько это сейчас важно?"

DIFFICULTY_SAVED = "✅ Затруднение сохранено. Его увидят ваш наставник и куратор."

DIFFICULTY_CARD = (
    "{icon} <b>{category}</b>\nСтатус: {status} · Важность: {urgency}\n"
    "Добавлено: {created}\n\n{description}"
)

DIFFICULTY_CARD_REFLECTION = "\n\n<b>Рефлексия:</b> {reflection}"

DIFFICULTIES_HEADER = "<b>Затруднения: {name}</b> (всего {total}, стр. {page} из {pages})"

DIFFICULTIES_EMPTY = "Затруднений пока нет. Добавить — /new_difficulty."

DIFFICULTIES_EMPTY_OTHER = "У педагога {name} пока нет отмеченных затруднений."

DIFFICULTY_LINE = "{number}. {icon} {category}: {description}"

DIFFICULTY_ASK_NEW_DESCRIPTION = "Напишите новое описание затруднения (до 1000 символов):"

DIFFICULTY_ASK_REFLECTION = (
    "Как вы преодолели это затруднение? Коротко напишите, что помогло и чему вы научились "
    "(рефлексия, до 1000 символов):"
)

DIFFICULTY_OVERCOME_DONE = "🎉 Отлично! Затруднение отмечено как преодолённое."

DIFFICULTY_NOT_FOUND = "Затруднение не найдено."

DIFFICULTY_NOT_YOURS = "Изменять затруднение может только сам наставляемый (или его наставник)."

DIFFICULTY_ALREADY_OVERCOME = "Это затруднение уже отмечено как преодолённое."

BUTTON_NEW_DIFFICULTY = "📝 Новое затруднение"

BUTTON_MY_DIFFICULTIES = "📋 Мои затруднения"

BUTTON_DIFFICULTY_DESCRIBE = "✏️ Описание"

BUTTON_DIFFICULTY_URGENCY = "❗ Важность"

BUTTON_DIFFICULTY_WORK = "🟡 В работу"

BUTTON_DIFFICULTY_OVERCOME = "🟢 Преодолено"

# --- what each dialogue step waits for («Сейчас я жду …») -------------------------------

EXPECT_CATEGORY = "область затруднения — кнопкой или её названием, например «Методические»"
EXPECT_DESCRIPTION = "описание затруднения — несколькими словами"
EXPECT_URGENCY = "важность затруднения — кнопкой «срочно», «важно» или «может подождать»"
EXPECT_NEW_DESCRIPTION = "новое описание затруднения"
EXPECT_REFLECTION = "рефлексию: что помогло преодолеть затруднение"
