"""Pairs and groups: the curator's wizard, lists and filters, cards, changes and completion."""

from __future__ import annotations

from bot.texts.vocabulary import KIND_NAMES
from models.enums import MentorshipKind

PAIR_WIZARD_MENTOR = (
    "<b>Новая пара или группа</b> · наставник. Выберите наставника.\n"
    "Чтобы найти по фамилии, напишите её часть.{query}"
)

PAIR_WIZARD_MENTEES = (
    "<b>Новая пара или группа</b> · наставляемые. Наставник: <b>{mentor}</b>.\n"
    "Отметьте наставляемых (одного или нескольких) и нажмите «Готово». Поиск — напишите часть "
    "фамилии.{query}\nВыбрано: {count}"
)

PAIR_WIZARD_KIND = "<b>Новая пара или группа</b> · вид наставничества. Как будет строиться работа?"

PAIR_WIZARD_FORM = (
    "<b>Новая пара или группа</b> · форма наставничества: кто кого наставляет (ролевая ситуация)?"
)

PAIR_WIZARD_MODEL = "<b>Новая пара или группа</b> · ролевая модель «учитель – учитель»?"

PAIR_WIZARD_REQUEST = (
    "<b>Новая пара</b> · запрос. Ситуационная пара работает по одному запросу о помощи и "
    "завершается, когда он закрыт. Выберите запрос:"
)

PAIR_WIZARD_START = (
    "<b>Новая пара или группа</b> · начало. С какого дня пара начнёт работу? Выберите или "
    "напишите дату, например: 01.02.2027."
)

PAIR_WIZARD_PERIOD = (
    "<b>Новая пара или группа</b> · срок. На сколько месяцев (от {low} до {high})? Кнопкой или "
    "числом."
)

PAIR_WIZARD_CONFIRM = (
    "<b>Проверьте предложение:</b>\nНаставник: {mentor}\nНаставляемые: {mentees}\n"
    "Вид: {kind}\nФорма: {form}\nРолевая модель: {model}\nНачало: {starts}\nСрок: {term}"
    "{load}\n\nПара начнёт работу, когда наставник и каждый наставляемый примут предложение в "
    "чате."
)

PAIR_WIZARD_LOAD = "\n⚠️ Нагрузка наставника: {load} из {capacity} — это сверх его нормы."

PAIR_TERM_MONTHS = "{months} мес. (до {ends})"
PAIR_TERM_SPEED = "одна встреча"
PAIR_TERM_SITUATIONAL = "пока открыт запрос №{id}"
PAIR_TERM_OPEN = "без срока"

PAIR_SEARCH_SHOWN = "\nПоиск: «{query}»"

NOT_JOINED_MARK = "⏳ "
NOT_JOINED_LEGEND = "\n⏳ — ещё не вошёл в бот: узнает о паре, когда откроет свою ссылку."
PAIR_NOBODY_FOUND = "\n\nНикого не нашлось."

PAIR_CARD = (
    "<b>{title} №{id}</b> · {status}\nВид: {kind}\nФорма: {form}\nРолевая модель: {model}\n"
    "Наставник: {mentor}\nНаставляемые: {mentees}\nНачало: {starts}\nСрок: {term}"
)

PAIR_CARD_STOP_REASON = "\nПричина прекращения: {reason}"

PAIR_CARD_PAUSED = "\n⏸ На паузе с {since}: {reason}"

PAIR_CARD_NOT_STARTED = "\n🗓 Начнёт работу {starts}."

PAIR_CARD_MENTORS = "\nНаставники пары: {history}"

PAIR_CARD_MENTOR_SPAN = "{name} ({since} — {until})"
PAIR_CARD_MENTOR_NOW = "{name} (с {since})"

PAIR_CARD_ANSWERS = "\nСогласие: {answers}"

PAIR_CARD_DECLINED = "\n✖ {name} отказался(-ась): {reason}"

ANSWER_MARKS = {True: "✅", False: "✖", None: "⏳"}

PAIR_CARD_REFLECTION = "\n💭 {name} ({score}/5): {text}"

PAIR_KIND_PAIR = "Пара"

PAIR_KIND_GROUP = "Группа"

PAIRS_HEADER = "<b>Пары и группы</b> (всего {total}, стр. {page} из {pages}):"

PAIRS_EMPTY = "Пар и групп пока нет. Создать — /new_pair."

MY_PAIRS_EMPTY = "Вы пока не состоите в наставнической паре или группе."

PAIR_LINE = "{number}. {kind}: {mentor} → {mentees} · {status}"

UNPAIRED_HEADER = (
    "<b>Наставляемые без пары</b> (всего {total}, стр. {page} из {pages}):\n{names}\n\n"
    "Сформировать пару — /new_pair."
)

UNPAIRED_EMPTY = "Все наставляемые состоят в действующих парах или группах. 👍"

PAIR_CREATED = "✅ Создано."

PAIR_NOTICE_MENTOR = (
    "🤝 Пара начала работу: все согласились. Вы — наставник.\nВид: {kind}\n"
    "Наставляемые: {mentees}\nНачало: {starts}\nСрок: {term}\nВаши пары — /my_pairs."
)

PAIR_NOTICE_MENTEE = (
    "🤝 Пара начала работу: все согласились. Ваш наставник — <b>{mentor}</b>.\nВид: {kind}\n"
    "Начало: {starts}\nСрок: {term}\nВаша пара — /my_pairs."
)

PAIR_NOTICE_CURATOR_ACTIVE = "🤝 Все согласились: {pair} начала работу ({people})."

PAIR_CONTACT = " ({contact})"

PAIR_NOTICE_NEW_MENTOR = "🤝 Вы назначены наставником вместо прежнего.\n{card}"

PAIR_NOTICE_MENTOR_CHANGED = "🔄 В вашей паре или группе сменился наставник: теперь это {mentor}."

PAIR_NOTICE_MENTOR_REMOVED = "ℹ️ Куратор передал вашу пару или группу другому наставнику: {pair}."

PAIR_NOTICE_COMPLETED = (
    "🏁 Программа наставничества завершена ({pair}). Оцените, пожалуйста, насколько вы "
    "довольны её результатами (1 — совсем нет, 5 — полностью), а затем напишите короткую "
    "рефлексию."
)

PAIR_NOTICE_STOPPED = "⏹ Наставничество прекращено досрочно ({pair}). Причина: {reason}"

PAIR_ASK_REFLECTION = (
    "Спасибо! Теперь коротко напишите итоговую рефлексию: что получилось, что было полезно, "
    "что бы вы изменили."
)

PAIR_REFLECTION_SAVED = "✅ Рефлексия сохранена. Спасибо!"

PAIR_ASK_STOP_REASON = "Почему наставничество прекращается досрочно? Напишите причину."

PAIR_CONFIRM_COMPLETE = (
    "Завершить наставничество? Участники получат просьбу оценить его и написать рефлексию."
)

PAIR_CHOOSE_NEW_MENTOR = "Выберите нового наставника (поиск — напишите часть фамилии).{query}"

PAIR_MENTOR_CHANGED = "✅ Наставник сменён."


PAIR_PERSON_NOT_AVAILABLE = "Этот педагог недоступен для выбора как {role}."

PAIR_NEEDS_MENTEE = "Отметьте хотя бы одного наставляемого."

PAIR_ONE_TO_ONE = "Этот вид наставничества — «один на один»: отметьте ровно одного наставляемого."

PAIR_GROUP_NEEDS_TWO = "Групповое наставничество — для двух и более наставляемых."

PAIR_BAD_PERIOD = "Срок — от {low} до {high} месяцев."

PAIR_NO_PERIOD = (
    "У скоростной и ситуационной пары нет срока в месяцах: скоростная — одна встреча, "
    "ситуационная живёт, пока открыт её запрос."
)

PAIR_START_PAST = "Начало не может быть в прошлом. Укажите сегодняшний или будущий день."

PAIR_START_FAR = "Начало — не дальше чем через год."

PAIR_SITUATIONAL_NEEDS_REQUEST = (
    "Ситуационная пара создаётся под открытый запрос о помощи наставляемого, а у него такого "
    "нет. Выберите другой вид или дождитесь запроса."
)

PAIR_REQUEST_ONLY_SITUATIONAL = "Запрос о помощи привязывают только к ситуационной паре."

PAIR_NOT_ACCEPTED_YET = "Пара ещё не начала работу: ждём согласия всех участников."

PAIR_PAUSED_NOW = "Пара на паузе. Когда куратор возобновит её, работу можно продолжить."

PAIR_NOT_PAUSED = "Пара не на паузе."

PAIR_MENTOR_IS_MENTEE = "Наставник не может быть наставляемым в той же паре."

PAIR_ALREADY_EXISTS = (
    "У этого наставника уже есть действующая или предложенная пара с педагогом {name}."
)

PAIR_NOT_FOUND = "Пара или группа не найдена."

PAIR_NOT_YOURS = "Нет доступа: вы не участник этой пары или группы."

PAIR_NO_MENTEES = "В этой паре или группе не осталось наставляемых."

PAIR_NOT_ACTIVE = "Эта пара или группа уже не действует."

PAIR_NOT_COMPLETED = "Рефлексию пишут по завершённой паре или группе."

PAIR_SAME_MENTOR = "Это и так наставник этой пары."

PAIR_BAD_SCORE = "Оценка — от 1 до 5."

PAIR_REFLECTION_DONE = "Вы уже написали итоговую рефлексию по этой паре."

PAIR_WIZARD_EXPIRED = "Этот шаг устарел. Начните заново: /new_pair."

PAIR_PROPOSED = "✅ Предложение отправлено участникам."

PAIR_PAUSED = "⏸ Пара на паузе."

PAIR_RESUMED = "▶️ Пара возобновила работу."

PAIR_ASK_PAUSE_REASON = "Почему пара берёт паузу (болезнь, отпуск, курсы…)? Напишите коротко."

PAIR_NOTICE_PAUSED = "⏸ {pair} на паузе: {reason}. Встречи и напоминания — после возобновления."

PAIR_NOTICE_RESUMED = "▶️ {pair} снова работает."

PAIR_ASK_MESSAGE = "Что написать наставнику и наставляемым этой пары? Сообщение получат все."

PAIR_MESSAGE_SENT = "✅ Сообщение отправлено: {count}."

PAIR_MESSAGE_NOTICE = "✉️ Сообщение куратора {name} по паре №{id}:\n{text}"

PAIR_STALLED_NOTICE = (
    "⚠️ {pair} ({people}) без встреч и шагов программы {days} дн. Возможно, нужна помощь."
)

PAIR_START_TODAY = "Сегодня"
PAIR_START_TOMORROW = "Завтра"
PAIR_START_MONDAY = "С понедельника, {day}"

BUTTON_NEW_PAIR = "🤝 Новая пара/группа"

BUTTON_PAIRS = "📂 Пары и группы"

BUTTON_UNPAIRED = "🧑‍🎓 Без наставника"

BUTTON_MY_PAIRS = "👥 Мои пары"

BUTTON_CREATE = "✅ Предложить"

BUTTON_CHANGE_MENTOR = "🔄 Сменить наставника"

BUTTON_COMPLETE = "🏁 Завершить"

BUTTON_COMPLETE_YES = "Да, завершить"

BUTTON_STOP = "⏹ Прекратить досрочно"

BUTTON_PAUSE = "⏸ Пауза"

BUTTON_RESUME = "▶️ Возобновить"

BUTTON_MESSAGE_BOTH = "✉️ Написать участникам"

BUTTON_MENTEE_DIFFICULTIES = "Затруднения: {name}"

BUTTON_MENTEE_SELF_CHECK = "Самодиагностика: {name}"

BUTTON_PERIOD = "{months} мес."

BUTTON_FINAL_REFLECTION = "💭 Итоговая рефлексия"

BUTTON_OPEN_PAIR = "Открыть пару"

PAIR_BAD_FILTER = "Такого отбора нет. Откройте список заново: /pairs."

PAIRS_FILTERS = {
    "stalled": "застоявшиеся",
    "overdue": "есть просроченные цели",
    "paused": "на паузе",
    "proposed": "ждут согласия",
}

PAIRS_FILTER_BUTTONS = {
    "": "Все",
    "stalled": "Застоявшиеся",
    "overdue": "Просроченные цели",
    "paused": "На паузе",
    "proposed": "Ждут согласия",
    "traditional": "Один на один",
    "group": "Групповые",
    "reverse": "Реверсивные",
    "short_term": "Краткосрочные",
}

PAIRS_FILTER_SHOWN = "\nОтбор: {filter}."

PAIRS_FILTER_MENTOR = "наставник {name}"

PAIRS_FILTER_EMPTY = "По этому отбору пар нет."

# typed answers taken as the buttons: the kind's name and the words a curator may use
KIND_TYPED = {
    MentorshipKind.TRADITIONAL: (
        KIND_NAMES[MentorshipKind.TRADITIONAL],
        "традиционное",
        "один на один",
    ),
    MentorshipKind.GROUP: (KIND_NAMES[MentorshipKind.GROUP], "групповое", "группа"),
    MentorshipKind.SHORT_TERM: (
        KIND_NAMES[MentorshipKind.SHORT_TERM],
        "краткосрочное",
        "целеполагающее",
    ),
    MentorshipKind.REVERSE: (KIND_NAMES[MentorshipKind.REVERSE], "реверсивное"),
    MentorshipKind.SITUATIONAL: (KIND_NAMES[MentorshipKind.SITUATIONAL], "ситуационное"),
    MentorshipKind.SPEED: (KIND_NAMES[MentorshipKind.SPEED], "скоростное"),
    MentorshipKind.VIRTUAL: (KIND_NAMES[MentorshipKind.VIRTUAL], "виртуальное", "дистанционное"),
}

CONFIRM_TYPED = ("Предложить", "да", "отправить")

# --- what each dialogue step waits for («Сейчас я жду …») -------------------------------

EXPECT_MENTOR = "наставника — кнопкой со списка или начало его фамилии для поиска"
EXPECT_MENTEES = "наставляемых — кнопками со списка (затем «Готово») или начало фамилии для поиска"
EXPECT_KIND = "вид наставничества — кнопкой или словом, например «групповое»"
EXPECT_FORM = "форму наставничества — кнопкой или словами, например «педагог – педагог»"
EXPECT_MODEL = "ролевую модель — кнопкой или её началом"
EXPECT_REQUEST = "запрос о помощи — кнопкой или его номером"
EXPECT_START = "день начала — кнопкой или датой, например 01.02.2027"
EXPECT_PERIOD = "срок — кнопкой или числом месяцев"
EXPECT_CONFIRM = "подтверждения — кнопка «✅ Предложить» (или напишите «предложить»)"
EXPECT_PAUSE_REASON = "причину паузы"
EXPECT_MESSAGE = "сообщение участникам пары"
EXPECT_NEW_MENTOR = "нового наставника — кнопкой со списка или начало его фамилии для поиска"
EXPECT_STOP_REASON = "причину досрочного прекращения"
EXPECT_FINAL_REFLECTION = "итоговую рефлексию: что дала работа в паре или группе"
