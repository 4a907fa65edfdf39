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

INVITE_LINE = "{number}. {role}: {uses_left} из {max_uses} регистраций, до {expires}\n{link}"

INVITE_REVOKED_DONE = "Приглашение отозвано."

BUTTON_INVITE = "🔗 Пригласить педагога"

BUTTON_INVITES = "📋 Приглашения"

BUTTON_REVOKE = "Отозвать №{number}"

BUTTON_DAYS = "{days} дн."

BUTTON_USES = "{uses}"
