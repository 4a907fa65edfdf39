"""Personalised programmes and their roadmap activities."""

from __future__ import annotations

PROGRAMME_CARD = (
    "<b>Персонализированная программа</b> · {pair}\nПериод: {starts} — {ends}\n{approval}\n"
    "<b>Цель:</b> {aim}\n\n<b>Дорожная карта</b> — выполнено {done} из {total}, "
    "в плане {due}, просрочено {overdue}:\n{activities}"
)

PROGRAMME_NONE = (
    "<b>Персонализированная программа</b> · {pair}\nПрограмма ещё не составлена. "
    "Её составляет наставник: цель и дорожная карта мероприятий по затруднениям наставляемого."
)

PROGRAMME_NO_ACTIVITIES = "мероприятий пока нет."

ACTIVITY_LINE = "{number}. {icon} {title} — до {due}"

ACTIVITY_CARD = (
    "{icon} <b>{title}</b>\nСрок: {due} · {status}\nЗатруднение: {difficulty}\n"
    "Ожидаемый результат: {expected}"
)

ACTIVITY_RESULT = "\n<b>Результат:</b> {result}"

ACTIVITY_REFLECTION = "\n<b>Рефлексия ({name}):</b> {text}"

ACTIVITY_STATUS = {"done": "выполнено", "due": "в плане", "overdue": "просрочено"}

ACTIVITY_NO_DIFFICULTY = "не указано"
ACTIVITY_WHO_FINISHES = (
    "\n\nОтметить выполненным может наставник или наставляемый: другие узнают об этом."
)

PROGRAMME_ASK_AIM = "Напишите цель программы: чего наставляемый должен достичь к её окончанию."

ACTIVITY_ASK_TITLE = (
    "Новое мероприятие. Что будет сделано? (например: «Посетить 3 урока наставника»)"
)

ACTIVITY_ASK_DIFFICULTY = "На какое затруднение наставляемого направлено мероприятие?"

ACTIVITY_ASK_DUE = "Срок выполнения? Напишите дату: 25.12.2026 или 25.12."

ACTIVITY_ASK_EXPECTED = "Ожидаемый результат? (план урока, методическая разработка, открытый урок…)"

ACTIVITY_ASK_RESULT = "Каков результат? Коротко опишите, что сделано."

ACTIVITY_ASK_REFLECTION = "Ваша рефлексия: что дало это мероприятие, что получилось, что нет?"

PROGRAMME_ASK_PROPOSAL = (
    "Что вы предлагаете изменить в программе? Наставник получит ваше предложение."
)

PROGRAMME_PROPOSAL_SENT = "✅ Предложение отправлено наставнику."

PROGRAMME_PROPOSAL_NOTICE = "💬 {name} предлагает изменить программу ({pair}):\n{text}"

ACTIVITY_SAVED = "✅ Сохранено."

PROGRAMME_MENTOR_ONLY = "Программу составляет и меняет наставник этой пары."

PROGRAMME_NOT_FOR_KIND = (
    "Программа на 3–12 месяцев — для традиционной, групповой, реверсивной и виртуальной пары. "
    "Краткосрочная работает через цели (/goals), скоростная — одной встречей."
)

PROGRAMME_MENTEE_ONLY = "Это может сделать только наставляемый этой пары."

PROGRAMME_NEEDS_AIM = "Сначала напишите цель программы."

PROGRAMME_NOT_YET = "Программа ещё не составлена."

PROGRAMME_BAD_DIFFICULTY = "Это затруднение не относится к наставляемым этой пары."

PROGRAMME_DUE_AFTER_END = "Срок позже окончания программы ({ends}). Укажите более раннюю дату."

ACTIVITY_NOT_FOUND = "Мероприятие не найдено."

ACTIVITY_ALREADY_DONE = "Это мероприятие уже отмечено выполненным."

ACTIVITY_NOT_DONE = "Рефлексию пишут по выполненному мероприятию."

ACTIVITY_REFLECTION_DONE = "Вы уже написали рефлексию по этому мероприятию."

BUTTON_PROGRAMME = "📘 Программа"

BUTTON_PROGRAMME_AIM = "✏️ Цель программы"

BUTTON_PROGRAMME_CREATE = "📝 Составить программу"

BUTTON_ACTIVITY_ADD = "➕ Мероприятие"

BUTTON_PROPOSE = "💬 Предложить изменение"

BUTTON_ACTIVITY_DONE = "✅ Выполнено"

BUTTON_ACTIVITY_REFLECT = "💭 Рефлексия"

BUTTON_NO_DIFFICULTY = "Без привязки к затруднению"

# --- what each dialogue step waits for («Сейчас я жду …») -------------------------------

EXPECT_AIM = "цель программы наставничества"
EXPECT_PROPOSAL = "ваше предложение по программе"
EXPECT_ACTIVITY_TITLE = "название мероприятия"
EXPECT_ACTIVITY_DIFFICULTY = "затруднение, на которое направлено мероприятие, — кнопкой"
EXPECT_ACTIVITY_DUE = "срок мероприятия — дату, например 25.12.2026"
EXPECT_ACTIVITY_EXPECTED = "ожидаемый результат мероприятия"
EXPECT_ACTIVITY_RESULT = "результат выполненного мероприятия"
EXPECT_ACTIVITY_REFLECTION = "вашу рефлексию по мероприятию"

# --- what the other side hears of changes to a programme (plain text, escaped when sent) -------

PROGRAMME_CHANGE_CREATED = "составлена программа, её цель: «{aim}»"
PROGRAMME_CHANGE_AIM = "изменена цель программы: «{aim}»"
PROGRAMME_CHANGE_ADDED = "добавлено мероприятие «{title}», срок {due}"
PROGRAMME_CHANGE_DONE = "{name} отметил(а) выполненным «{title}»: {result}"
PROGRAMME_CHANGE_REFLECTION = "{name} написал(а) рефлексию по «{title}»"

PROGRAMME_DRAFT_STATE = "📝 Проект: ждёт утверждения куратором"
PROGRAMME_APPROVED_STATE = "✅ Утверждена куратором {day}"
PROGRAMME_ALREADY_APPROVED = (
    "Программа уже утверждена. После изменения цели она снова станет проектом."
)
PROGRAMME_APPROVED_NOW = "Программа утверждена."
PROGRAMME_APPROVED_NOTICE = "✅ Куратор утвердил персонализированную программу: {pair}."
PROGRAMME_FILE_CAPTION = "Персонализированная программа наставничества: {pair}"
BUTTON_PROGRAMME_APPROVE = "✅ Утвердить"
BUTTON_PROGRAMME_FILE = "📄 Документ"
