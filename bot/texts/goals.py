"""Short-term goals: setting, progress, review."""

from __future__ import annotations

GOALS_HEADER = "<b>Цели</b> · {pair} (всего {total}, стр. {page} из {pages}):"

GOALS_NO_PAIR = "У вас пока нет действующей пары или группы: цели ставятся в ней."
GOALS_CHOOSE_PAIR = "🎯 Цели какой пары или группы открыть?"
GOALS_EMPTY = "<b>Цели</b> · {pair}\nКраткосрочных целей пока нет."

GOAL_LINE = "{number}. {icon} {title} — до {due}, {percent}%"

GOAL_CARD = (
    "{icon} <b>{title}</b>\nНаставляемый: {mentee}\nСрок: {due} · {state}\n"
    "Как поймём, что достигнута: {criteria}\nПрогресс: {percent}%"
)

GOAL_CARD_LINK = "\nСвязана с: {link}"

GOAL_CARD_HISTORY = "\n\n<b>Ход работы:</b>"

GOAL_HISTORY_LINE = "\n{when} · {name}: {note}"

GOAL_ASK_MENTEE = "Для кого цель?"

GOAL_ASK_TITLE = "Новая краткосрочная цель. Что нужно сделать? (например: «Провести открытый урок»)"

GOAL_ASK_DUE = "К какому дню? Напишите дату: 25.12.2026 или 25.12."

GOAL_ASK_CRITERIA = (
    "Как мы поймём, что цель достигнута? (например: «урок проведён, есть самоанализ»)"
)

GOAL_ASK_LINK = "Связать цель с затруднением или мероприятием программы?"

GOAL_NO_LINK = "Без привязки"

GOAL_CREATED = "✅ Цель поставлена."

GOAL_NEW_NOTICE = "🎯 Новая цель ({name}): <b>{title}</b> — до {due}."

GOAL_ASK_PROGRESS = (
    "Как продвигается? Напишите процент или шаги и коротко что сделано, например: "
    "«40% — составила план урока» или «2/5 — посетила два урока»."
)

GOAL_PROGRESS_SAVED = "✅ Прогресс записан."

GOAL_PROGRESS_NOTICE = "📈 {name} отметил(а) прогресс по цели «{title}»: {note}"

GOAL_SUBMITTED = "📨 Отправлено наставнику на подтверждение."

GOAL_SUBMITTED_NOTICE = "📨 {name} отметил(а) цель «{title}» достигнутой. Подтвердите или верните."

GOAL_CONFIRMED_NOTICE = "🏆 Наставник подтвердил: цель «{title}» достигнута. Поздравляем!"

GOAL_CONFIRMED_NOTE = "цель достигнута — подтверждено"

GOAL_ASK_RETURN = "Что ещё нужно сделать? Напишите комментарий — наставляемый его получит."

GOAL_RETURNED_NOTICE = "↩️ Наставник вернул цель «{title}» в работу:\n{comment}"

GOAL_WITHDRAWN = "Цель снята."

GOAL_WITHDRAWN_NOTICE = "✖️ Наставник снял цель «{title}»."

GOAL_NOT_FOUND = "Цель не найдена."

GOAL_NOT_YOURS = "Ставить цель может наставник пары или сам наставляемый — для себя."

GOAL_MENTEE_ONLY = "Это делает наставляемый, для которого поставлена цель."

GOAL_MENTOR_ONLY = "Это делает наставник пары или группы."

GOAL_NOT_OPEN = "С этой целью так уже нельзя: она достигнута, снята или ждёт подтверждения."

GOAL_AFTER_PAIR = "Срок позже окончания наставничества ({ends}). Укажите более раннюю дату."

GOAL_BAD_LINK = "Связать можно только с затруднением наставляемого или мероприятием его программы."

GOAL_BAD_PERCENT = "Процент — от 0 до 100."

GOAL_BAD_STEPS = "Шаги пишут так: «2/5» — сделано два из пяти."

GOAL_EMPTY_PROGRESS = "Напишите процент, шаги или коротко, что сделано."

BUTTON_GOALS = "🎯 Цели"

BUTTON_GOAL_NEW = "➕ Новая цель"

BUTTON_GOAL_OPEN = "Открыть цель"

GOAL_BUTTONS = {
    "progress": "📈 Отметить прогресс",
    "submit": "🏁 Цель достигнута",
    "confirm": "✅ Подтвердить",
    "give_back": "↩️ Вернуть с комментарием",
    "withdraw": "✖️ Снять цель",
}

# --- what each dialogue step waits for («Сейчас я жду …») -------------------------------

EXPECT_MENTEE = "наставляемого, для которого цель, — кнопкой"
EXPECT_TITLE = "формулировку цели"
EXPECT_DUE = "срок цели — дату, например 25.12.2026"
EXPECT_CRITERIA = "как поймём, что цель достигнута"
EXPECT_LINK = "с чем связать цель — кнопкой"
EXPECT_PROGRESS = "прогресс — например «40% — провела два урока» или «2/5 — …»"
EXPECT_GIVE_BACK = "комментарий: что доработать"
