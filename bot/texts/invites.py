"""Invite links: their refusals and the curator's dialogue to make and revoke them."""

from __future__ import annotations

INVITE_UNKNOWN = "Ссылка-приглашение не найдена. Проверьте её или попросите у куратора новую."

INVITE_REVOKED = "Эта ссылка-приглашение отозвана. Попросите у куратора новую."

INVITE_EXPIRED = "Срок действия ссылки-приглашения истёк. Попросите у куратора новую."

INVITE_EXHAUSTED = (
    "По этой ссылке уже зарегистрировалось максимальное число людей. Попросите у куратора новую."
)

INVITE_OTHER_ORGANIZATION = (
    "Вы уже зарегистрированы в другой организации. Одна учётная запись может состоять "
    "только в одной организации."
)

INVITE_NOT_FOUND = "Приглашение не найдено."

INVITE_BAD_PARAMETERS = "Недопустимые параметры приглашения."

INVITE_CHOOSE_ROLE = "Для кого создать ссылку-приглашение?"

INVITE_CHOOSE_DAYS = "Приглашение для: <b>{role}</b>.\nСколько дней действует ссылка?"

INVITE_CHOOSE_USES = (
    "Приглашение для: <b>{role}</b>, на {days} дн.\n"
    "Сколько человек могут зарегистрироваться по ней?"
)

INVITE_CREATED = (
    "🔗 Ссылка-приглашение для роли <b>{role}</b>:\n{link}\n\n"
    "Действует до {expires} ({timezone}), регистраций: до {uses}.\n"
    "Перешлите её педагогам. Отозвать — /invites."
)

INVITES_HEADER = "<b>Действующие приглашения</b> (всего {total}, стр. {page} из {pages}):"

INVITES_EMPTY = "Действующих приглашений нет. Создать — /invite."

INVITE_LINE = "{number}. {who}: использовано {uses} из {max_uses}, до {expires}\n{link}"
INVITE_GENERAL = "{role} (общая)"
INVITE_PERSONAL = "{name} — {role} (личная)"

INVITE_REVOKED_DONE = "Приглашение отозвано."
INVITE_CONFIRM_REVOKE = (
    "Отозвать приглашение №{number} — {who}?\nКто ещё не открыл эту ссылку, войти по ней уже не "
    "сможет; кто вошёл, останется."
)
INVITE_REVOKED_LINE = "✅ Отозвано: {who}.\n\n"
INVITE_ALREADY_JOINED = "Этот педагог уже вошёл в бот: ссылка ему больше не нужна."
INVITE_ASK_NAME = (
    "🔎 Чью ссылку найти? Напишите фамилию (или её начало) педагога, который ещё не вошёл в бот."
)
INVITE_FOUND_HEADER = "Педагоги, ещё не вошедшие в бот, по запросу «{query}»:"
INVITE_FOUND_LINE = "\n• {name}: {link}"
INVITE_FOUND_NO_LINK = "ссылка истекла или отозвана"
INVITE_FOUND_NONE = "Среди тех, кто ещё не вошёл в бот, нет «{query}». Напишите иначе или /cancel."
INVITE_FOUND_HINT = "\n\nКнопкой — новая ссылка вместо прежней (прежняя перестанет действовать)."
INVITE_RENEWED = (
    "🔗 Новая ссылка для <b>{name}</b> (прежняя больше не действует), до {expires}:\n{link}\n\n"
    "Перешлите её педагогу."
)

BUTTON_INVITE = "🔗 Пригласить педагога"

BUTTON_INVITES = "📋 Приглашения"
BUTTON_FIND_LINK = "🔎 Найти ссылку педагога"
BUTTON_RENEW = "🔄 {name}"
BUTTON_REVOKE_YES = "Да, отозвать"
BUTTON_REVOKE_NO = "Нет, оставить"

BUTTON_REVOKE = "Отозвать №{number}"

BUTTON_DAYS = "{days} дн."

BUTTON_USES = "{uses}"

# --- what each dialogue step waits for («Сейчас я жду …») -------------------------------

EXPECT_NAME = "фамилию педагога, чью ссылку найти (хотя бы 2 буквы)"
