"""Meetings: scheduling, answers, changes, the report and the rating."""

from __future__ import annotations

MEETING_ASK_WHOM = "С кем встреча?"

MEETING_ASK_DAY = (
    "Когда встреча? Выберите день кнопкой или напишите день и время, например: "
    "«25.11 15:30», «завтра 16:00», «пт 10:00» (время организации: {timezone})."
)

MEETING_ASK_PAST_DAY = (
    "Когда прошла встреча? Выберите день кнопкой или напишите день и время, например: "
    "«вчера 15:30», «20.11 16:00» (время организации: {timezone})."
)

MEETING_ASK_TIME = "{day}: во сколько? Выберите время или напишите, например: 15:30."

MEETING_ASK_FORMAT = "Формат встречи?"

MEETING_ASK_LINK = "Пришлите ссылку на онлайн-встречу (начинается с https://)."

MEETING_ASK_TOPIC = "Тема встречи? (например: «Разбор открытого урока»)"

MEETING_SCHEDULED = "✅ Встреча назначена, участники получили приглашение."

MEETING_CARD = (
    "{icon} <b>Встреча: {topic}</b>\n{pair} · наставник {mentor}\n"
    "Когда: {when} ({timezone})\nФормат: {format}{link}\nСтатус: {status}"
)

MEETING_CARD_LINK = " — {link}"

MEETING_CARD_PARTICIPANT = "\n• {name}: {attendance}"

MEETING_CARD_RATING = " · оценка {rating}/5"

MEETING_CARD_REPORT = (
    "\n\n<b>Длительность:</b> {duration} мин\n<b>Что обсуждали:</b> {summary}\n"
    "<b>Договорённости и следующие шаги:</b> {agreements}"
)

MEETING_CARD_TOUCHED = "\n<b>Затронули:</b> {items}"

MEETING_CARD_NOT_HELD = "\n\n<b>Причина:</b> {reason}"

MEETING_CARD_COMMENT = "\n💬 {name}: {comment}"

MEETING_INVITATION = (
    "📅 <b>Приглашение на встречу</b> от наставника {mentor}\nТема: {topic}\n"
    "Когда: {when} ({timezone})\nФормат: {format}{link}\nПодтвердите, пожалуйста."
)

MEETING_MOVED_NOTICE = (
    "🔁 {name} перенёс(ла) встречу «{topic}» на <b>{when}</b> ({timezone}). Подтвердите, "
    "пожалуйста."
)

MEETING_CANCELLED_NOTICE = "✖️ {name} отменил(а) встречу «{topic}» ({when})."

MEETING_DECLINED_NOTICE = "✖️ {name} не сможет прийти на встречу «{topic}» ({when})."

MEETING_CONFIRMED_NOTICE = "✅ {name} подтвердил(а) встречу «{topic}» ({when})."

MEETING_MOVE_REQUEST_NOTICE = "🔁 {name} просит перенести встречу «{topic}» ({when}):\n{comment}"

MEETING_ASK_MOVE_COMMENT = (
    "Когда вам было бы удобно? Напишите коротко (например: «Лучше в четверг после 15:00»). "
    "Наставник получит ваше сообщение."
)

MEETING_MOVE_REQUEST_SENT = "✅ Просьба о переносе отправлена наставнику."

MEETING_CONFIRMED = "✅ Вы подтвердили встречу."

MEETING_CANCELLED = "Встреча отменена, участники получили уведомление."

MEETING_DECLINED = "Наставник получил уведомление, что вы не сможете прийти."

MEETING_CONFIRM_CANCEL = "Отменить встречу «{topic}»? Участники получат уведомление."

MEETING_ASK_HELD = "Встреча «{topic}» состоялась?"

MEETING_ASK_NOT_HELD_REASON = "Почему встреча не состоялась? Коротко напишите причину."

MEETING_ASK_DURATION = "Сколько длилась встреча? Выберите или напишите число минут."

MEETING_ASK_SUMMARY = "Что обсуждали? Коротко: темы, разобранные ситуации, выводы."

MEETING_ASK_AGREEMENTS = "Договорённости и следующие шаги?"

MEETING_ASK_TOUCHED = (
    "Какие затруднения и мероприятия программы затронула встреча? Отметьте и нажмите «Готово»."
)

MEETING_LOGGED = "✅ Итоги встречи сохранены. Наставляемые получили просьбу оценить встречу."

MEETING_NOT_HELD_LOGGED = "✅ Отмечено, что встреча не состоялась."

MEETING_RATE_REQUEST = (
    "⭐ Оцените, пожалуйста, встречу «{topic}» ({when}) с наставником {mentor}: насколько она "
    "была полезна? 1 — совсем нет, 5 — очень."
)

MEETING_ASK_RATING_COMMENT = (
    "Спасибо за оценку! Хотите добавить комментарий? Напишите его или нажмите «Пропустить»."
)

MEETING_RATED = "✅ Спасибо, оценка сохранена."

MEETING_HISTORY_HEADER = "<b>Встречи</b>{pair} (всего {total}, стр. {page} из {pages}):"

MEETING_HISTORY_PAIR = " · {pair}"

MEETING_HISTORY_EMPTY = "Встреч пока нет."

MEETING_LINE = "{number}. {icon} {when} — {topic}"

MEETING_MENTOR_ONLY = "Встречи назначает и отмечает наставник этой пары или группы."

MEETING_PARTICIPANT_ONLY = "Это может сделать только участник встречи."

MEETING_NOT_YOURS = "Нет доступа: это встреча другой пары или группы."

MEETING_NOT_FOUND = "Встреча не найдена."

MEETING_NOT_SCHEDULED = "Эта встреча уже отменена или проведена — изменить её нельзя."

MEETING_ALREADY_STARTED = "Встреча уже началась."

MEETING_NOT_STARTED = "Встреча ещё не началась: итоги вносят после её начала."

MEETING_GROUP_MENTOR_CHANGES = (
    "Групповую встречу переносит и отменяет наставник. Вы можете попросить перенести её или "
    "сообщить, что не сможете прийти."
)

MEETING_SAME_TIME = "Встреча и так назначена на это время."

MEETING_BAD_PARTICIPANTS = "Выберите наставляемых из этой пары или группы."


MEETING_BEFORE_PAIR = "Пара начала работу {starts}: встреча не может быть раньше."

MEETING_NOT_HELD_YET = "Оценивают встречу после того, как наставник отметит её итоги."

MEETING_DECLINED_NO_RATING = (
    "Вы отметили, что не сможете прийти на эту встречу, — оценивать её не нужно."
)

MEETING_ALREADY_RATED = "Вы уже оценили эту встречу."

MEETING_RATE_FIRST = "Сначала поставьте оценку кнопкой."

MEETING_WHOLE_GROUP = "Вся группа"

MEETING_MINUTES = "{minutes} мин"

BUTTON_MEETINGS = "📅 Встречи"

BUTTON_MEETING_NEW = "➕ Назначить встречу"
BUTTON_MEETING_NEW_WITH = "➕ Назначить: {pair}"

BUTTON_MEETING_PAST = "🗒 Записать прошедшую"

BUTTON_MEETING_OPEN = "Открыть встречу"

BUTTON_MEETING_CONFIRM = "✅ Подтверждаю"

BUTTON_MEETING_ASK_MOVE = "🔁 Прошу перенести"

BUTTON_MEETING_MOVE = "🔁 Перенести"

BUTTON_MEETING_CANCEL = "✖️ Отменить"

BUTTON_MEETING_CANCEL_YES = "Да, отменить встречу"

BUTTON_MEETING_DECLINE = "✖️ Не смогу"

BUTTON_MEETING_LOG = "📝 Итоги встречи"

BUTTON_MEETING_HELD = "✅ Состоялась"

BUTTON_MEETING_NOT_HELD = "➖ Не состоялась"

# --- what each dialogue step waits for («Сейчас я жду …») -------------------------------

EXPECT_WHOM = "с кем встреча — кнопкой"
EXPECT_DAY = (
    "день встречи — кнопкой или датой со временем, например «25.11 15:30» или «завтра 16:00»"
)
EXPECT_TIME = "время встречи — кнопкой или как «15:30»"
EXPECT_FORMAT = "формат встречи — кнопкой «очно», «онлайн» или «в чате»"
EXPECT_LINK = "ссылку на онлайн-встречу (начинается с https://)"
EXPECT_TOPIC = "тему встречи"
EXPECT_NOT_HELD_REASON = "почему встреча не состоялась"
EXPECT_DURATION = "длительность встречи — кнопкой или числом минут"
EXPECT_SUMMARY = "что обсуждали на встрече"
EXPECT_AGREEMENTS = "договорённости встречи"
EXPECT_TOUCHED = "затронутые затруднения и мероприятия — кнопками, затем «Готово»"
EXPECT_NEW_DAY = "новый день встречи — кнопкой или датой со временем, например «25.11 15:30»"
EXPECT_NEW_TIME = "новое время встречи — кнопкой или как «15:30»"
EXPECT_MOVE_COMMENT = "комментарий: на когда удобнее перенести встречу"
EXPECT_RATING_COMMENT = "комментарий к оценке или кнопку «Пропустить»"

MEETING_SPEED_ONE = (
    "Скоростное наставничество — одна встреча, и она уже назначена или проведена. Для "
    "продолжения работы куратор может предложить пару другого вида."
)
