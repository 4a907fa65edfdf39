"""Self-diagnosis at the start and the end of a programme."""

from __future__ import annotations

from models.enums import AssessmentStage

SELF_CHECK_STAGES = {
    AssessmentStage.START: "Входная самодиагностика",
    AssessmentStage.END: "Итоговая самодиагностика",
}

SELF_CHECK_QUESTION = (
    "<b>{stage}</b> · вопрос {number} из {total}\n\n"
    "Насколько уверенно вы действуете в области:\n<b>{category}</b>?\n\n"
    "1 — серьёзные затруднения · 3 — отчасти · 5 — уверенно владею"
)

SELF_CHECK_RESULTS = (
    "<b>Самодиагностика: {name}</b>\n"
    "Оценки 1–5 (5 — уверенно владею): вход → итог (изменение)\n\n{rows}"
)

SELF_CHECK_ROW = "• {category}: {start} → {end}{change}"

SELF_CHECK_NO_SCORE = "—"

SELF_CHECK_HINT = (
    "\n\nПройдите входную самодиагностику в начале программы и итоговую — в конце: "
    "бот покажет динамику."
)

SELF_CHECK_SAVED = "✅ Самодиагностика сохранена."

SELF_CHECK_BAD_ANSWER = "Недопустимый ответ самодиагностики."

BUTTON_SELF_CHECK = "📊 Самодиагностика"

BUTTON_SELF_CHECK_START = "Пройти входную"

BUTTON_SELF_CHECK_END = "Пройти итоговую"

# --- what each dialogue step waits for («Сейчас я жду …») -------------------------------

EXPECT_SCORE = "оценку от 1 до 5 — кнопкой или цифрой"
