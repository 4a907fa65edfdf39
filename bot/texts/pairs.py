"""Pairs and groups: the curator's wizard, lists and filters, cards, changes and completion."""

from __future__ import annotations

PAIR_WIZARD_MENTOR = (
    "<b>Новая пара или группа.</b> Шаг 1 из 5. Выберите наставника.\n"
    "Чтобы найти по фамилии, напишите её часть.{query}"
)

PAIR_WIZARD_MENTEES = (
    "Шаг 2 из 5. Наставник: <b>{mentor}</b>.\nОтметьте наставляемых (одного или нескольких) "
    "и нажмите «Готово». Поиск — напишите часть фамилии.{query}\nВыбрано: {count}"
)

PAIR_WIZARD_FORM = "Шаг 3 из 5. Форма наставничества?"

PAIR_WIZARD_MODEL = "Шаг 4 из 5. Ролевая модель?"

PAIR_WIZARD_PERIOD = "Шаг 5 из 5. На сколько месяцев программа (от 3 до 12)? Кнопкой или числом."

PAIR_WIZARD_CONFIRM = (
    "<b>Проверьте:</b>\nНаставник: {mentor}\nНаставляемые: {mentees}\nФорма: {form}\n"
    "Ролевая модель: {model}\nСрок: {months} мес."
)

PAIR_SEARCH_SHOWN = "\nПоиск: «{query}»"

NOT_JOINED_MARK = "⏳ "
NOT_JOINED_LEGEND = "\n⏳ — ещё не вошёл в бот: узнает о паре, когда откроет свою ссылку."
PAIR_NOBODY_FOUND = "\n\nНикого не нашлось."

PAIR_CARD = (
    "<b>{kind} №{id}</b> · {status}\nФорма: {form}\nРолевая модель: {model}\n"
    "Наставник: {mentor}\nНаставляемые: {mentees}\nПериод: {starts} — {ends}"
)

PAIR_CARD_STOP_REASON = "\nПричина прекращения: {reason}"

PAIR_CARD_REFLECTION = "\n💭 {name} ({score}/5): {text}"

PAIR_KIND_PAIR = "Пара"

PAIR_KIND_GROUP = "Группа"

PAIRS_HEADER = "<b>Пары и группы</b> (всего {total}, стр. {page} из {pages}):"

PAIRS_EMPTY = "Пар и групп пока нет. Создать — /new_pair."

MY_PAIRS_EMPTY = "Вы пока не состоите в наставнической паре или группе."

PAIR_LINE = "{number}. {form}: {mentor} → {mentees} · {status}"

UNPAIRED_HEADER = (
    "<b>Наставляемые без пары</b> (всего {total}, стр. {page} из {pages}):\n{names}\n\n"
    "Сформировать пару — /new_pair."
)

UNPAIRED_EMPTY = "Все наставляемые состоят в действующих парах или группах. 👍"

PAIR_CREATED = "✅ Создано."

PAIR_NOTICE_MENTOR = (
    "🤝 Вы назначены наставником.\nФорма: {form}\nНаставляемые: {mentees}\n"
    "Период: {starts} — {ends}\nВаши пары — /my_pairs."
)

PAIR_NOTICE_MENTEE = (
    "🤝 Вам назначен наставник: <b>{mentor}</b>.\nФорма: {form}\nПериод: {starts} — {ends}\n"
    "Ваша пара — /my_pairs."
)

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

PAIR_ONE_TO_ONE = "Эта форма — «один на один»: отметьте ровно одного наставляемого."

PAIR_GROUP_NEEDS_TWO = "Групповая форма — для двух и более наставляемых."

PAIR_BAD_PERIOD = "Срок программы — от 3 до 12 месяцев."

PAIR_MENTOR_IS_MENTEE = "Наставник не может быть наставляемым в той же паре."

PAIR_ALREADY_EXISTS = "У этого наставника уже есть действующая пара с педагогом {name}."

PAIR_NOT_FOUND = "Пара или группа не найдена."

PAIR_NOT_YOURS = "Нет доступа: вы не участник этой пары или группы."

PAIR_NO_MENTEES = "В этой паре или группе не осталось наставляемых."

PAIR_NOT_ACTIVE = "Эта пара или группа уже не действует."

PAIR_NOT_COMPLETED = "Рефлексию пишут по завершённой паре или группе."

PAIR_SAME_MENTOR = "Это и так наставник этой пары."

PAIR_BAD_SCORE = "Оценка — от 1 до 5."

PAIR_REFLECTION_DONE = "Вы уже написали итоговую рефлексию по этой паре."

PAIR_WIZARD_EXPIRED = "Этот шаг устарел. Начните заново: /new_pair."

BUTTON_NEW_PAIR = "🤝 Новая пара/группа"

BUTTON_PAIRS = "📂 Пары и группы"

BUTTON_UNPAIRED = "🧑‍🎓 Без наставника"

BUTTON_MY_PAIRS = "👥 Мои пары"

BUTTON_CREATE = "✅ Создать"

BUTTON_CHANGE_MENTOR = "🔄 Сменить наставника"

BUTTON_COMPLETE = "🏁 Завершить"

BUTTON_COMPLETE_YES = "Да, завершить"

BUTTON_STOP = "⏹ Прекратить досрочно"

BUTTON_MENTEE_DIFFICULTIES = "Затруднения: {name}"

BUTTON_MENTEE_SELF_CHECK = "Самодиагностика: {name}"

BUTTON_PERIOD = "{months} мес."

BUTTON_FINAL_REFLECTION = "💭 Итоговая рефлексия"

BUTTON_OPEN_PAIR = "Открыть пару"

PAIR_BAD_FILTER = "Такого отбора нет. Откройте список заново: /pairs."

PAIRS_FILTERS = {"quiet": "без встреч 14 дней", "overdue": "есть просроченные цели"}

PAIRS_FILTER_BUTTONS = {
    "": "Все",
    "quiet": "Без встреч 14 дней",
    "overdue": "Просроченные цели",
    "traditional": "Один на один",
    "group": "Групповые",
    "reverse": "Реверсивные",
}

PAIRS_FILTER_SHOWN = "\nОтбор: {filter}."

PAIRS_FILTER_MENTOR = "наставник {name}"

PAIRS_FILTER_EMPTY = "По этому отбору пар нет."

# --- what each dialogue step waits for («Сейчас я жду …») -------------------------------

EXPECT_MENTOR = "наставника — кнопкой со списка или начало его фамилии для поиска"
EXPECT_MENTEES = "наставляемых — кнопками со списка (затем «Готово») или начало фамилии для поиска"
EXPECT_FORM = "форму наставничества — кнопкой"
EXPECT_MODEL = "ролевую модель — кнопкой"
EXPECT_PERIOD = "срок программы — кнопкой или числом месяцев от 3 до 12"
EXPECT_CONFIRM = "подтверждения — кнопка «✅ Создать»"
EXPECT_NEW_MENTOR = "нового наставника — кнопкой со списка или начало его фамилии для поиска"
EXPECT_STOP_REASON = "причину досрочного прекращения"
EXPECT_FINAL_REFLECTION = "итоговую рефлексию: что дала работа в паре или группе"
