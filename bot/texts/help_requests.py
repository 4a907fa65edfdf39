"""Situational help: requests, the conversation, escalation and passing on."""

from __future__ import annotations

from models.enums import Urgency

HELP_ASK_TEXT = (
    "🆘 <b>Нужна помощь.</b> Опишите, что случилось и какая помощь нужна. Можно приложить фото "
    "или документ — тогда напишите пояснение в подписи."
)

HELP_ASK_URGENCY = "Насколько срочно?"

HELP_URGENCY_NAMES = {
    Urgency.HIGH: "🔴 Срочно, нужна помощь сегодня",
    Urgency.MEDIUM: "🟡 В ближайшие дни",
    Urgency.LOW: "🟢 Не срочно",
}

HELP_SENT_TO_MENTOR = "✅ Запрос №{id} отправлен наставнику {mentor}. Ответ придёт сюда."

HELP_SENT_TO_CURATOR = (
    "✅ Запрос №{id} отправлен куратору: у вас пока нет наставника. Ответ придёт сюда."
)

HELP_NO_ONE = (
    "Запрос №{id} сохранён, но отправить его сейчас некому: в организации нет доступного "
    "наставника или куратора. Сообщите куратору лично."
)

HELP_NOTICE = "🆘 <b>Запрос о помощи №{id}</b> от {mentee} · {urgency}\n{text}"

HELP_NOTICE_NO_PAIR = "\n\nУ педагога нет наставника: ответьте сами или передайте наставнику."

HELP_ESCALATED_NOTICE = (
    "⏰ <b>Запрос о помощи №{id}</b> от {mentee} ждёт уже {age}: наставник {mentor} его не "
    "взял.\n{text}\n\nПередайте его другому наставнику или ответьте сами."
)

HELP_PASSED_NOTICE = "🆘 Куратор передал вам запрос о помощи.\n{notice}"

HELP_PASSED_TO_MENTEE = "ℹ️ Ваш запрос №{id} передан наставнику {mentor}."

HELP_PASSED_AWAY = "ℹ️ Куратор передал запрос №{id} другому наставнику."

HELP_PASSED = "✅ Запрос передан: {mentor}."

HELP_TAKEN_NOTICE = "👍 {name} взял(а) ваш запрос №{id} и скоро ответит."

HELP_CHAT_PROMPT = (
    "💬 Переписка по запросу №{id}. Всё, что вы напишете (текст, фото, документ), получит "
    "{other}. Выйти из переписки — /cancel."
)

HELP_MESSAGE_HEADER = "💬 <b>Запрос №{id}</b> · {name}:\n{text}"

HELP_MESSAGE_SENT = "✅ Отправлено."

HELP_CHAT_LEFT = "Вы вышли из переписки. Сообщения сохранены; продолжить — кнопкой «Ответить»."

HELP_CLOSED_NOTICE = "✔️ Запрос №{id} закрыт ({name})."

HELP_ASK_HELPED = "Запрос №{id} закрыт. Помогло ли вам то, что предложили?"

HELP_HELPED_THANKS = "Спасибо за ответ!"

HELP_HELPED_NOTICE = "{icon} {name}: по запросу №{id} — {answer}."

HELP_HELPED_YES = "помогло"

HELP_HELPED_NO = "не помогло"

HELP_CLOSED_DONE = "✔️ Запрос №{id} закрыт."

HELP_CARD = (
    "🆘 <b>Запрос №{id}</b> · {status}\nОт: {mentee} · {urgency}\nОтвечает: {responder}\n"
    "Создан: {created} ({age} назад)\n\n{text}"
)

HELP_CARD_MESSAGE = "\n\n<b>{name}</b> ({when}): {text}"

HELP_ATTACHMENT = "📎 вложение"

HELP_RESPONDER_CURATOR = "куратор"

HELP_LIST_HEADER = "<b>Открытые запросы о помощи</b> (всего {total}, стр. {page} из {pages}):"

HELP_LIST_EMPTY = "Открытых запросов о помощи нет."

HELP_LINE = "{number}. №{id} · {mentee} · {status} · {age}"

HELP_CHOOSE_MENTOR = "Кому передать запрос №{id}? (стр. {page} из {pages})"

HELP_NO_MENTORS = "В организации нет наставников, кому можно передать запрос."

HELP_NEEDS_TEXT = (
    "Опишите ситуацию словами — если прикладываете фото или документ, то в подписи к нему."
)

HELP_BAD_ATTACHMENT = "Можно приложить фото или документ."

HELP_NOT_FOUND = "Запрос не найден."

HELP_NOT_YOURS = "Нет доступа: это чужой запрос о помощи."

HELP_NOT_FOR_MENTEE = "Это действие для того, кто отвечает на запрос."

HELP_ALREADY_TAKEN = "Этот запрос уже взял другой педагог."

HELP_CLOSED = (
    "Этот запрос уже закрыт — написать по нему нельзя. Если нужна помощь снова, "
    "отправьте новый запрос: /need_help."
)

HELP_MENTEE_ONLY = "Ответить на это может только автор запроса."

HELP_NOT_CLOSED = "Запрос ещё не закрыт."

HELP_ALREADY_ANSWERED = "Вы уже ответили на этот вопрос."

HELP_SAME_MENTOR = "Запрос и так у этого наставника."

BUTTON_NEED_HELP = "🆘 Нужна помощь"

BUTTON_HELP_REQUESTS = "📨 Запросы о помощи"

HELP_BUTTONS = {
    "open": "Открыть запрос",
    "take": "🙋 Взять и ответить",
    "reply": "↩️ Ответить",
    "close": "✔️ Закрыть запрос",
    "pass": "➡️ Передать наставнику",
    "helped": "👍 Да, помогло",
    "not_helped": "👎 Нет",
}

# --- what each dialogue step waits for («Сейчас я жду …») -------------------------------

EXPECT_TEXT = "описание ситуации — текстом, можно с фото или документом"
EXPECT_URGENCY = "срочность запроса — кнопкой"
EXPECT_MESSAGE = (
    "сообщение для переписки по запросу — текстом, фото или документом (выйти из переписки — "
    "/cancel)"
)
