"""Texts every feature shares: access refusals, errors, cancelling, and the common buttons."""

from __future__ import annotations

from models.enums import Role

NEED_INVITE = (
    "👋 Это бот системы наставничества педагогов «Наставник».\n\n"
    "Он работает по приглашениям. Попросите у куратора наставничества вашей школы или "
    "колледжа (обычно это заместитель директора) персональную ссылку-приглашение и откройте её "
    "— бот сам проведёт вас через регистрацию."
)
REGISTRATION_INTERRUPTED = (
    "Ваша регистрация в «{organization}» прервалась, и введённое в ней не сохранилось. "
    "Приглашение ещё действует: откройте ту же ссылку и начните заново — это пара минут.\n{link}"
)

ACCESS_ADMIN_ONLY = "Это действие доступно только администратору."

ACCESS_CURATOR_ONLY = "Это действие доступно только куратору наставничества."

ACCESS_OTHER_ORGANIZATION = "Нет доступа: это данные другой организации."

ACCESS_NOT_YOUR_MENTEE = (
    "Нет доступа: это данные педагога не из вашей наставнической пары или группы."
)

ACCESS_MENTEE_ONLY = "Это действие доступно только наставляемому."

ACCESS_MENTOR_ONLY = "Это действие доступно только наставнику."

ACCESS_LEFT = (
    "Вы отмечены как выбывший из организации: работа в системе наставничества закрыта. "
    "Ваши данные — /my_data, удалить их — /delete_me. Ошибка? Напишите куратору."
)

ACCESS_ROLE_ONLY = {
    Role.CURATOR: ACCESS_CURATOR_ONLY,
    Role.MENTOR: ACCESS_MENTOR_ONLY,
    Role.MENTEE: ACCESS_MENTEE_ONLY,
}

STALE_BUTTON = "Эта кнопка устарела или недоступна. Откройте меню заново: /start"

UNEXPECTED_ERROR = (
    "😔 Что-то пошло не так, и действие не выполнено. Попробуйте ещё раз чуть позже; "
    "если ошибка повторится, сообщите куратору."
)

NOTHING_TO_CANCEL = "Отменять нечего. Главное меню: /start"

CANCELLED = "Действие отменено, ничего не сохранено."

TEXT_EXPECTED = "Это вложение здесь не подойдёт."

DIALOGUE_INTERRUPTED = "⏹ Предыдущее действие прервано, введённое в нём не сохранено."
STEP_EXPECTS = "Сейчас я жду {expects}. Прервать — /cancel."
NO_SUCH_COMMAND = "Такой команды нет. "
DIALOGUE_LOST = (
    "Этот шаг относится к диалогу, который уже не продолжить (бот обновился или данные устарели). "
    "Начните действие заново из меню: /start."
)
UNKNOWN_INPUT = "Не понял сообщение. Главное меню — /start, справка — /help."

PERSON_NOT_FOUND = "Педагог не найден."

BUTTON_DONE = "Готово ({count})"

BUTTON_SELECTED = "✅ {name}"

BUTTON_SKIP = "Пропустить"

BUTTON_CANCEL = "Отмена"

BUTTON_BACK = "« Назад"

BUTTON_PREVIOUS = "‹"

BUTTON_NEXT = "›"
