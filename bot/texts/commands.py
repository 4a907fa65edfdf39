"""Descriptions of the commands in Telegram's menu."""

from __future__ import annotations

COMMAND_REMINDERS = "Напоминания и тихие часы"

COMMAND_SUMMARY = "Мониторинг за период"

COMMAND_REPORT = "Выгрузка в Excel"

COMMAND_START = "Главное меню"

COMMAND_HELP = "Справка"

COMMAND_PROFILE = "Мой профиль"

COMMAND_MY_DATA = "Выгрузить мои данные"

COMMAND_DELETE_ME = "Удалить мои данные"

COMMAND_CANCEL = "Прервать текущее действие"

COMMAND_NEW_DIFFICULTY = "Отметить затруднение"

COMMAND_MY_DIFFICULTIES = "Мои затруднения"

COMMAND_SELF_CHECK = "Самодиагностика"

COMMAND_NEW_PAIR = "Сформировать пару или группу"

COMMAND_PAIRS = "Пары и группы"

COMMAND_UNPAIRED = "Наставляемые без пары"

COMMAND_PROPOSALS = "Предложения пар: ждут, приняты, отклонены"

COMMAND_TEACHERS = "База педагогов"
COMMAND_DOCUMENTS = "Документы: приказы, положение, дорожная карта"
COMMAND_ROADMAP = "Дорожная карта наставничества"
COMMAND_SURVEYS = "Анкеты участников и их результаты"

COMMAND_MY_PAIRS = "Мои пары и группы"

COMMAND_IMPORT = "Импорт списка педагогов"

COMMAND_INVITE = "Создать ссылку-приглашение"

COMMAND_INVITES = "Действующие приглашения"

COMMAND_NEW_ORG = "Создать организацию"

COMMAND_ORGS = "Все организации"

COMMAND_MEETINGS = "Мои встречи"
COMMAND_GOALS = "Краткосрочные цели"
COMMAND_ACHIEVEMENTS = "Достижения, портфолио, справка"

COMMAND_NEED_HELP = "Нужна помощь"

COMMAND_REQUESTS = "Запросы о помощи"

COMMAND_SETTINGS = "Настройки организации"

COMMAND_AUDIT = "Журнал доступа к данным"
COMMAND_ANNOUNCE = "Объявление педагогам"
COMMAND_TERRITORY = "Территория: мониторинг, реестр, рейтинг"

COMMAND_MENTORS = "Нагрузка наставников"

COMMAND_DIFFICULTIES = "Затруднения педагогов"

COMMAND_FINAL_REPORT = "Итоговый аналитический отчёт"
