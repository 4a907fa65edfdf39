"""The reminders the scheduler sends (rendered by bot/notices.py)."""

from __future__ import annotations

# The words of when («Завтра», «Сегодня», «Через час») are chosen when a reminder is sent, from
# its real distance to the event: one held back by quiet hours says what is true by then.
REMINDER_MEETING_DAY = (
    "⏰ {day} встреча «{topic}» — {when} ({timezone}), {format}{link}.\n{with_whom}"
)

REMINDER_MEETING_HOUR = "⏰ {soon} встреча «{topic}» — {when} ({timezone}), {format}{link}."
IN_AN_HOUR = "Через час"
IN_MINUTES = "Через {minutes} мин."

REMINDER_WITH_MENTOR = "С наставником: {name}."

REMINDER_WITH_MENTEES = "Участники: {names}."

REMINDER_MEETING_LOG = (
    "📝 Встреча «{topic}» ({when}) прошла? Отметьте, пожалуйста, её итоги: состоялась ли, что "
    "обсуждали, о чём договорились."
)

REMINDER_MEETING_RATE = (
    "⭐ Вы ещё не оценили встречу «{topic}» ({when}). Насколько она была полезна? "
    "1 — совсем нет, 5 — очень."
)

REMINDER_GOAL_SOON = "🎯 {day} срок цели «{title}». Как продвигается? Отметьте прогресс."

REMINDER_GOAL_TODAY = "🎯 {day} срок цели «{title}». Если она достигнута — отметьте это."

REMINDER_GOAL_OVERDUE = (
    "⚠️ Цель «{title}» просрочена (срок был {due}). Что мешает? Обсудите с наставником."
)

REMINDER_GOAL_OVERDUE_MENTOR = (
    "⚠️ У наставляемого {name} просрочена цель «{title}» (срок был {due})."
)

REMINDER_ACTIVITY_SOON = "📘 {day} срок мероприятия программы «{title}»."

REMINDER_ACTIVITY_TODAY = "📘 {day} срок мероприятия программы «{title}»."

REMINDER_ACTIVITY_OVERDUE = "⚠️ Мероприятие программы «{title}» просрочено (срок был {due})."

REMINDER_HELP_NUDGE = (
    "🆘 Вы взяли запрос о помощи №{id} от {mentee}, но ещё не ответили. Наставляемый ждёт."
)

REMINDER_NO_MEETING = (
    "🤝 С {anchor} у вас нет встреч с {mentees} ({pair}). Может быть, пора договориться о "
    "следующей?"
)

REMINDER_DIGEST = "🗓 <b>Ваша неделя наставника</b>"

REMINDER_DIGEST_MEETINGS = "\n\n<b>Встречи:</b>"

REMINDER_DIGEST_MEETING = "\n• {when} — {topic}"

REMINDER_DIGEST_GOALS = "\n\n<b>Цели наставляемых со сроком на этой неделе:</b>"

REMINDER_DIGEST_GOAL = "\n• {icon} {title} — до {due}"

REMINDER_DIGEST_REQUESTS = "\n\n<b>Открытые запросы о помощи:</b>"

REMINDER_DIGEST_REQUEST = "\n• №{id}, ждёт {age}"

REMINDER_DIGEST_EMPTY = "\n\nНа этой неделе ничего не запланировано. Хорошее время для встречи!"

REMINDER_CURATOR_WEEKLY = (
    "📊 <b>Наставничество за неделю</b> · {organization}\nДействующих пар и групп: {pairs}\n"
    "Проведено встреч за неделю: {meetings}\nОткрытых запросов о помощи: {requests}\n"
    "Просроченных целей: {overdue}\nНаставляемых без пары: {unpaired}"
)

REMINDER_PROGRAMME_ENDING = (
    "🏁 {pair} завершает программу {ends} (через две недели). Подготовьте завершение: итоговую "
    "самодиагностику, рефлексию участников и оценку результатов."
)

REMINDER_STAFF_LIST = (
    "📋 Начинается новый учебный год. Обновите, пожалуйста, список педагогов, которым нужен "
    "наставник (новые и молодые специалисты): /import или /unpaired."
)

REMINDER_PROGRAMME_UPDATE = "📘 <b>Изменения в программе наставничества</b> ({pair}):"
REMINDER_PROGRAMME_UPDATE_LINE = "\n• {line}"
