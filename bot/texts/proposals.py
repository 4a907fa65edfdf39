"""Pairs by agreement: the proposal each participant answers, the curator's lists of proposals."""

from __future__ import annotations

PROPOSAL_TO_MENTOR = (
    "🤝 <b>Предложение от куратора {curator}</b>: быть наставником.\n"
    "Наставляемые: {mentees}\nВид: {kind}\nФорма: {form}\nНачало: {starts}\nСрок: {term}\n\n"
    "Наставничество добровольное: примите предложение или откажитесь, указав причину."
)

PROPOSAL_TO_MENTEE = (
    "🤝 <b>Предложение от куратора {curator}</b>: наставник — <b>{mentor}</b>.\n"
    "Вид: {kind}\nФорма: {form}\nНачало: {starts}\nСрок: {term}\n\n"
    "Наставничество добровольное: примите предложение или откажитесь, указав причину."
)

PROPOSAL_ACCEPTED_WAITING = "✅ Вы согласились. Ждём ответа: {names}."

PROPOSAL_ACCEPTED_ALL = "✅ Вы согласились — все участники согласны, пара начала работу."

PROPOSAL_ASK_REASON = (
    "Почему вы отказываетесь? Напишите коротко — куратор учтёт это, подбирая пару."
)

PROPOSAL_DECLINED = "Вы отказались. Куратор получил вашу причину."

PROPOSAL_DECLINED_NOTICE = "✖ {name} отказался(-ась) от предложения ({pair}): {reason}"

PROPOSAL_ACCEPTED_NOTICE = "✅ {name} принял(а) предложение ({pair}). Ждём: {names}."

PROPOSAL_NOT_YOURS = "Это предложение адресовано не вам."

PROPOSAL_CLOSED = "Это предложение уже не ждёт ответа."

PROPOSAL_ANSWERED = "Вы уже ответили на это предложение."

PROPOSAL_NOT_DECLINED = "Предложить снова можно только отклонённое предложение."

PROPOSAL_AGAIN_SENT = "✅ Предложение отправлено снова."

PROPOSALS_HEADER = "<b>Предложения пар</b> · {list} (всего {total}, стр. {page} из {pages}):"

PROPOSALS_EMPTY = "В этом списке предложений нет."

PROPOSAL_LINE = "{number}. {mentor} → {mentees} · {answers}"

PROPOSALS_WAITING_FOR_YOU = "Вас ждут предложения наставничества ({count}):"

PROPOSAL_LISTS = {"waiting": "ждут ответа", "accepted": "приняты", "declined": "отклонены"}

BUTTON_ACCEPT = "✅ Принять"

BUTTON_DECLINE = "✖ Отказаться"

BUTTON_AGAIN = "🔁 Предложить снова"

BUTTON_PROPOSALS = "📨 Предложения пар"

EXPECT_DECLINE_REASON = "причину отказа"
