"""Every Russian text the bot shows, in one place.

Messages are Telegram HTML. Anything a person typed goes through `esc()` before it is put into
a template; constants here contain only our own markup.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from datetime import datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from models.enums import (
    ActivityStatus,
    AssessmentStage,
    Attendance,
    DifficultyCategory,
    DifficultyStatus,
    GoalStatus,
    HelpStatus,
    MeetingFormat,
    MeetingStatus,
    MentorshipForm,
    PairStatus,
    Role,
    RoleModel,
    Urgency,
)


def esc(value: object) -> str:
    """Escape user-provided text for Telegram HTML."""
    return html.escape(str(value), quote=False)


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Room left under Telegram's 4096 characters for what a card adds after its parts.
CARD_LIMIT = 4000


def fit(head: str, parts: list[str], *, keep_last: bool = False) -> str:
    """`head` and as many whole `parts` (each already escaped HTML) as fit in one message: the
    first ones, or with `keep_last` the latest ones. Cutting between parts never breaks a tag
    or an entity."""
    chosen: list[str] = []
    room = CARD_LIMIT - len(head)
    for part in reversed(parts) if keep_last else parts:
        if len(part) > room:
            break
        chosen.append(part)
        room -= len(part)
    if keep_last:
        chosen.reverse()
    skipped = "\n…" if len(chosen) < len(parts) else ""
    return head + (skipped if keep_last else "") + "".join(chosen) + ("" if keep_last else skipped)


def local_time(moment: datetime, timezone: str) -> str:
    return moment.astimezone(ZoneInfo(timezone)).strftime("%d.%m.%Y %H:%M")


ROLE_NAMES = {
    Role.CURATOR: "куратор",
    Role.MENTOR: "наставник",
    Role.MENTEE: "наставляемый",
}
ROLE_NAMES_GENITIVE = {
    Role.CURATOR: "куратора",
    Role.MENTOR: "наставника",
    Role.MENTEE: "наставляемого",
}


def role_list(roles: Iterable[Role]) -> str:
    ordered = [role for role in Role if role in set(roles)]
    return ", ".join(ROLE_NAMES[role] for role in ordered) or "—"


# --- Access -------------------------------------------------------------------------------

NEED_INVITE = (
    "👋 Это бот системы наставничества педагогов «Наставник».\n\n"
    "Он работает по приглашениям. Попросите у куратора наставничества вашей школы или "
    "колледжа (обычно это заместитель директора) персональную ссылку-приглашение и откройте её "
    "— бот сам проведёт вас через регистрацию."
)
ACCESS_ADMIN_ONLY = "Это действие доступно только администратору."
ACCESS_CURATOR_ONLY = "Это действие доступно только куратору наставничества."
ACCESS_OTHER_ORGANIZATION = "Нет доступа: это данные другой организации."
ACCESS_NOT_YOUR_MENTEE = (
    "Нет доступа: это данные педагога не из вашей наставнической пары или группы."
)
ACCESS_MENTEE_ONLY = "Это действие доступно только наставляемому."
ACCESS_MENTOR_ONLY = "Это действие доступно только наставнику."
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
TEXT_EXPECTED = (
    "Пожалуйста, ответьте текстом. Чтобы прервать, нажмите «Отмена» или отправьте /cancel."
)
UNKNOWN_INPUT = "Не понял сообщение. Главное меню — /start, справка — /help."

# --- Validation ---------------------------------------------------------------------------

VALIDATION_EMPTY = "Поле «{field}» не может быть пустым."
VALIDATION_TOO_LONG = "Слишком длинно: «{field}» — не больше {maximum} символов (у вас {length})."
VALIDATION_TOO_SHORT = "Слишком коротко: «{field}» — не меньше {minimum} символов."
VALIDATION_NEEDS_LETTERS = "«{field}» должно содержать буквы."
VALIDATION_NAME = (
    "Укажите фамилию, имя и (если есть) отчество — два-четыре слова из букв, "
    "например: Иванова Мария Петровна."
)
VALIDATION_EXPERIENCE = "Укажите педагогический стаж числом полных лет от 0 до 60, например: 3."
VALIDATION_DATE = "Не понял дату. Напишите её так: 25.12.2026 или 25.12."
VALIDATION_DATE_PAST = "Эта дата уже прошла. Укажите сегодняшнюю или будущую."
VALIDATION_TIME = "Не понял время. Напишите его так: 15:30."
VALIDATION_MOMENT = (
    "Не понял день и время. Напишите, например: «25.11 15:30», «25.11.2026 15:30», "
    "«завтра 16:00» или «пт 10:00»."
)
VALIDATION_MOMENT_PAST = "Это время уже прошло. Укажите будущее."
VALIDATION_MOMENT_FUTURE = "Это время ещё не наступило: здесь записывают уже прошедшую встречу."
VALIDATION_MOMENT_FAR = "Слишком далеко: не дальше года от сегодняшнего дня."
VALIDATION_MINUTES = "Укажите длительность числом минут от {minimum} до {maximum}, например: 45."
VALIDATION_URL = (
    "Нужна ссылка, начинающаяся с http:// или https://, например: https://meet.example.ru/abc."
)
VALIDATION_TIMEZONE = (
    "Не знаю такого часового пояса. Выберите кнопкой или напишите название из базы IANA, "
    "например: Asia/Yekaterinburg."
)

# --- Registration -------------------------------------------------------------------------

CONSENT = (
    "<b>Согласие на обработку персональных данных</b>\n\n"
    "Для участия в программе наставничества бот сохранит ваши ФИО, должность, предмет, "
    "педагогический стаж и Telegram-идентификатор, а также то, что вы сами внесёте "
    "(затруднения, цели, встречи, обращения). Эти данные видят только участники вашей "
    "наставнической пары или группы и куратор вашей организации; они используются только "
    "для организации наставничества и отчётов о нём (152-ФЗ «О персональных данных»).\n\n"
    "В любой момент вы можете получить все свои данные командой /my_data и удалить их "
    "командой /delete_me.\n\n"
    "Вы даёте согласие?"
)
CONSENT_REFUSED = (
    "Вы отказались от обработки персональных данных. Регистрация прервана, ничего не "
    "сохранено. Если передумаете, откройте ссылку-приглашение ещё раз."
)
ASK_FULL_NAME = "Шаг 1 из 4. Напишите ваши <b>фамилию, имя и отчество</b>."
ASK_POSITION = "Шаг 2 из 4. Ваша <b>должность</b> (например: учитель, педагог-психолог)?"
ASK_SUBJECT = (
    "Шаг 3 из 4. Какой <b>предмет</b> или направление вы ведёте "
    "(например: математика, начальные классы)?"
)
ASK_EXPERIENCE = "Шаг 4 из 4. Ваш <b>педагогический стаж</b> в полных годах (числом, например: 2)?"
REGISTRATION_DONE = (
    "✅ Регистрация завершена, {name}!\nОрганизация: <b>{organization}</b>\nРоль: <b>{roles}</b>"
)
ALREADY_REGISTERED = "Вы уже зарегистрированы. Главное меню: /start"
ROLE_ADDED = "✅ Вам добавлена роль: <b>{role}</b>. Теперь ваши роли: {roles}."
ALREADY_HAS_ROLE = "У вас уже есть роль «{role}». Главное меню: /start"
INVITE_WELCOME = (
    "👋 Добро пожаловать в «Наставник»!\n"
    "Вас приглашают в организацию <b>{organization}</b> в качестве <b>{role}</b>."
)

# --- Invites ------------------------------------------------------------------------------

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

# --- Organisations ------------------------------------------------------------------------

ORGANIZATION_NOT_FOUND = "Организация не найдена."
ORG_ASK_NAME = "Новая организация. Шаг 1 из 3. Полное название школы или колледжа?"
ORG_ASK_TIMEZONE = "Шаг 2 из 3. Часовой пояс организации? Выберите кнопкой или напишите (IANA)."
ORG_TIMEZONE_CHOSEN = "Часовой пояс: <b>{timezone}</b>"
ORG_ASK_REGION = "Шаг 3 из 3. Регион (субъект РФ)?"
ORG_CREATED = (
    "✅ Организация создана: <b>{name}</b>\nРегион: {region}\nЧасовой пояс: {timezone}\n\n"
    "Ссылка для куратора (одна регистрация, действует {days} дн.):\n{link}"
)
ORGS_HEADER = "<b>Организации</b> (всего {total}, стр. {page} из {pages}):"
ORGS_EMPTY = "Организаций пока нет. Создать — /new_org."
ORG_CARD = (
    "<b>{name}</b>\nРегион: {region}\nЧасовой пояс: {timezone}\n"
    "Участников: {people}, из них кураторов: {curators}"
)
CURATOR_LINK = (
    "🔗 Ссылка для куратора организации <b>{name}</b> (одна регистрация, действует {days} дн.):"
    "\n{link}"
)

# --- Menu, help, profile ------------------------------------------------------------------

MAIN_MENU = "<b>Главное меню</b>\n{name}, {organization}\nВаши роли: {roles}"
ADMIN_MENU = "<b>Меню администратора</b>\nВы администратор системы наставничества."
HELP_COMMON = (
    "<b>«Наставник»</b> — бот целевой модели наставничества педагогических работников.\n\n"
    "/start — главное меню\n/profile — мой профиль\n/my_data — выгрузить все мои данные\n"
    "/delete_me — удалить мои персональные данные\n/reminders — напоминания и тихие часы\n"
    "/cancel — прервать текущее действие\n"
    "/help — эта справка"
)
HELP_BY_ROLE = {
    Role.MENTEE: (
        "<b>Наставляемый</b>: вы отмечаете свои профессиональные затруднения, проходите "
        "самодиагностику и работаете с наставником по персонализированной программе.\n"
        "/new_difficulty — отметить профессиональное затруднение\n"
        "/my_difficulties — мои затруднения\n/self_check — самодиагностика и её динамика\n"
        "/my_pairs — мой наставник, программа, встречи и цели\n/meetings — мои встречи\n"
        "/need_help — срочно попросить помощи у наставника\n/requests — мои запросы о помощи"
    ),
    Role.MENTOR: (
        "<b>Наставник</b>: вы составляете и ведёте персонализированную программу своих "
        "наставляемых и видите их затруднения и самодиагностику.\n"
        "/my_pairs — мои пары и группы: программа, встречи, краткосрочные цели, затруднения и "
        "самодиагностика наставляемых\n/meetings — все мои встречи\n"
        "/requests — запросы о помощи, на которые я отвечаю"
    ),
    Role.CURATOR: (
        "<b>Куратор</b>: вы приглашаете педагогов, формируете пары и группы и следите за "
        "ходом их программ.\n/import — загрузить список педагогов (Excel "
        "или CSV)\n/invite — создать ссылку-приглашение\n/invites — действующие приглашения\n"
        "/new_pair — сформировать пару или группу\n/pairs — пары и группы\n"
        "/unpaired — наставляемые без пары\n/requests — открытые запросы о помощи\n"
        "/settings — настройки организации\n/summary — мониторинг за период, графики\n"
        "/mentor — нагрузка наставников\n/difficulties — затруднения педагогов и их динамика\n"
        "/report — выгрузка в Excel\n/final_report — итоговый аналитический отчёт за год"
    ),
}
HELP_ADMIN = (
    "<b>Администратор</b>: /new_org — создать организацию и ссылку для её куратора; "
    "/orgs — все организации; /summary, /report и /final_report — мониторинг по всем "
    "организациям региона; /audit — журнал доступа к персональным данным."
)
PROFILE = (
    "<b>Мой профиль</b>\n"
    "ФИО: {full_name}\nДолжность: {position}\nПредмет: {subject}\nСтаж: {experience}\n"
    "Организация: {organization}\nРоли: {roles}\n"
    "Показывать мой Telegram-контакт участникам пары: {share}"
)
PROFILE_FIELD_NAMES = {
    "full_name": "ФИО",
    "position": "Должность",
    "subject": "Предмет",
    "experience_years": "Стаж",
}
PROFILE_ASK = "Введите новое значение поля «{field}»:"
PROFILE_SAVED = "✅ Сохранено."
PROFILE_UNKNOWN_FIELD = "Такого поля в профиле нет."
SHARE_NEEDS_USERNAME = (
    "У вас не задано имя пользователя Telegram (@username), поэтому показать контакт нельзя. "
    "Задайте его в настройках Telegram и попробуйте снова."
)
MY_DATA_CAPTION = "Все данные, которые бот хранит о вас (JSON)."
DELETE_CONFIRM = (
    "⚠️ <b>Удалить ваши персональные данные?</b>\n\n"
    "Будут удалены ФИО, должность, предмет, стаж, контакты, ваши затруднения и "
    "самодиагностика, тексты ваших сообщений. В записях, от которых зависят другие "
    "(встречи пары, цели), останется обезличенная отметка «{placeholder}». "
    "Это действие нельзя отменить."
)
DELETE_DONE = "Ваши персональные данные удалены. Чтобы вернуться, понадобится новое приглашение."
DELETE_KEPT = "Удаление отменено, данные сохранены."
ERASED_PERSON = "Удалённый пользователь"
ERASED_TEXT = "(удалено пользователем)"
YES = "да"
NO = "нет"
NOT_SET = "не указано"

# --- Difficulties -------------------------------------------------------------------------

DIFFICULTY_CATEGORIES = {
    DifficultyCategory.THEORETICAL: "Научно-теоретические",
    DifficultyCategory.REGULATORY: "Нормативные правовые",
    DifficultyCategory.SUBJECT: "Предметно-профессиональные",
    DifficultyCategory.PSYCHOLOGICAL: (
        "Психолого-педагогические (работа с обучающимися и их родителями)"
    ),
    DifficultyCategory.METHODOLOGICAL: (
        "Методические (содержание образования, методики и технологии обучения)"
    ),
    DifficultyCategory.DIGITAL: "ИКТ-компетенции и цифровизация образования",
    DifficultyCategory.EXTRACURRICULAR: "Внеурочная и воспитательная деятельность",
    DifficultyCategory.HEALTH: "Здоровьесбережение обучающихся",
    DifficultyCategory.OTHER: "Другое",
}
DIFFICULTY_CATEGORY_BUTTONS = {
    DifficultyCategory.THEORETICAL: "Научно-теоретические",
    DifficultyCategory.REGULATORY: "Нормативные правовые",
    DifficultyCategory.SUBJECT: "Предметные",
    DifficultyCategory.PSYCHOLOGICAL: "Психолого-педагогические",
    DifficultyCategory.METHODOLOGICAL: "Методические",
    DifficultyCategory.DIGITAL: "ИКТ и цифровизация",
    DifficultyCategory.EXTRACURRICULAR: "Воспитательная работа",
    DifficultyCategory.HEALTH: "Здоровьесбережение",
    DifficultyCategory.OTHER: "Другое",
}
URGENCY_NAMES = {
    Urgency.LOW: "может подождать",
    Urgency.MEDIUM: "важно",
    Urgency.HIGH: "срочно",
}
DIFFICULTY_STATUS_NAMES = {
    DifficultyStatus.OPEN: "открыто",
    DifficultyStatus.IN_WORK: "в работе",
    DifficultyStatus.OVERCOME: "преодолено",
}
DIFFICULTY_STATUS_ICONS = {
    DifficultyStatus.OPEN: "🔴",
    DifficultyStatus.IN_WORK: "🟡",
    DifficultyStatus.OVERCOME: "🟢",
}
DIFFICULTY_ASK_CATEGORY = "<b>Новое затруднение.</b> Шаг 1 из 3. К какой области оно относится?"
DIFFICULTY_ASK_DESCRIPTION = (
    "Шаг 2 из 3. Область: <b>{category}</b>.\nОпишите затруднение своими словами: что "
    "именно не получается, в какой ситуации (до 1000 символов)."
)
DIFFICULTY_ASK_URGENCY = "Шаг 3 из 3. Насколько это сейчас важно?"
DIFFICULTY_SAVED = "✅ Затруднение сохранено. Его увидят ваш наставник и куратор."
DIFFICULTY_CARD = (
    "{icon} <b>{category}</b>\nСтатус: {status} · Важность: {urgency}\n"
    "Добавлено: {created}\n\n{description}"
)
DIFFICULTY_CARD_REFLECTION = "\n\n<b>Рефлексия:</b> {reflection}"
DIFFICULTIES_HEADER = "<b>Затруднения: {name}</b> (всего {total}, стр. {page} из {pages})"
DIFFICULTIES_EMPTY = "Затруднений пока нет. Добавить — /new_difficulty."
DIFFICULTIES_EMPTY_OTHER = "У педагога {name} пока нет отмеченных затруднений."
DIFFICULTY_LINE = "{number}. {icon} {category}: {description}"
DIFFICULTY_ASK_NEW_DESCRIPTION = "Напишите новое описание затруднения (до 1000 символов):"
DIFFICULTY_ASK_REFLECTION = (
    "Как вы преодолели это затруднение? Коротко напишите, что помогло и чему вы научились "
    "(рефлексия, до 1000 символов):"
)
DIFFICULTY_OVERCOME_DONE = "🎉 Отлично! Затруднение отмечено как преодолённое."
DIFFICULTY_NOT_FOUND = "Затруднение не найдено."
DIFFICULTY_NOT_YOURS = "Изменять затруднение может только сам наставляемый (или его наставник)."
DIFFICULTY_ALREADY_OVERCOME = "Это затруднение уже отмечено как преодолённое."
PERSON_NOT_FOUND = "Педагог не найден."

# --- Self-diagnosis -----------------------------------------------------------------------

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

# --- Pairs and groups ---------------------------------------------------------------------

FORM_NAMES = {
    MentorshipForm.TRADITIONAL: "Традиционная («один на один»)",
    MentorshipForm.GROUP: "Групповая",
    MentorshipForm.SHORT_TERM: "Краткосрочная (целеполагающая)",
    MentorshipForm.REVERSE: "Реверсивная",
    MentorshipForm.SITUATIONAL: "Ситуационная",
    MentorshipForm.SPEED: "Скоростная",
    MentorshipForm.VIRTUAL: "Виртуальная",
}
ROLE_MODEL_NAMES = {
    RoleModel.EXPERIENCED_YOUNG: "Опытный учитель – молодой специалист",
    RoleModel.HEAD_TEACHER: "Руководитель – учитель",
    RoleModel.TEACHER_TEACHER: "Учитель – учитель",
    RoleModel.INNOVATOR_CONSERVATIVE: "Педагог-новатор – консервативный педагог",
    RoleModel.SUBJECT_EXPERT_NOVICE: "Опытный предметник – неопытный предметник",
    RoleModel.OTHER: "Другая",
}
PAIR_STATUS_NAMES = {
    PairStatus.ACTIVE: "действует",
    PairStatus.COMPLETED: "завершена",
    PairStatus.STOPPED: "прекращена досрочно",
}
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
PAIR_SEARCH_TOO_SHORT = "Для поиска напишите хотя бы 2 буквы фамилии или имени."
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

# --- Programmes ---------------------------------------------------------------------------

PROGRAMME_CARD = (
    "<b>Персонализированная программа</b> · {pair}\nПериод: {starts} — {ends}\n"
    "<b>Цель:</b> {aim}\n\n<b>Дорожная карта</b> — выполнено {done} из {total}, "
    "в плане {due}, просрочено {overdue}:\n{activities}"
)
PROGRAMME_NONE = (
    "<b>Персонализированная программа</b> · {pair}\nПрограмма ещё не составлена. "
    "Её составляет наставник: цель и дорожная карта мероприятий по затруднениям наставляемого."
)
PROGRAMME_NO_ACTIVITIES = "мероприятий пока нет."
LIST_MORE = "…и ещё {more}."
ACTIVITY_ICONS = {"done": "✅", "due": "⏳", "overdue": "⚠️"}
ACTIVITY_LINE = "{number}. {icon} {title} — до {due}"
ACTIVITY_CARD = (
    "{icon} <b>{title}</b>\nСрок: {due} · {status}\nЗатруднение: {difficulty}\n"
    "Ожидаемый результат: {expected}"
)
ACTIVITY_RESULT = "\n<b>Результат:</b> {result}"
ACTIVITY_REFLECTION = "\n<b>Рефлексия ({name}):</b> {text}"
ACTIVITY_STATUS = {"done": "выполнено", "due": "в плане", "overdue": "просрочено"}
ACTIVITY_NO_DIFFICULTY = "не указано"
PROGRAMME_ASK_AIM = "Напишите цель программы: чего наставляемый должен достичь к её окончанию."
ACTIVITY_ASK_TITLE = (
    "Новое мероприятие. Что будет сделано? (например: «Посетить 3 урока наставника»)"
)
ACTIVITY_ASK_DIFFICULTY = "На какое затруднение наставляемого направлено мероприятие?"
ACTIVITY_ASK_DUE = "Срок выполнения? Напишите дату: 25.12.2026 или 25.12."
ACTIVITY_ASK_EXPECTED = "Ожидаемый результат? (план урока, методическая разработка, открытый урок…)"
ACTIVITY_ASK_RESULT = "Каков результат? Коротко опишите, что сделано."
ACTIVITY_ASK_REFLECTION = "Ваша рефлексия: что дало это мероприятие, что получилось, что нет?"
PROGRAMME_ASK_PROPOSAL = (
    "Что вы предлагаете изменить в программе? Наставник получит ваше предложение."
)
PROGRAMME_PROPOSAL_SENT = "✅ Предложение отправлено наставнику."
PROGRAMME_PROPOSAL_NOTICE = "💬 {name} предлагает изменить программу ({pair}):\n{text}"
ACTIVITY_SAVED = "✅ Сохранено."
PROGRAMME_MENTOR_ONLY = "Программу составляет и меняет наставник этой пары."
PROGRAMME_MENTEE_ONLY = "Это может сделать только наставляемый этой пары."
PROGRAMME_NEEDS_AIM = "Сначала напишите цель программы."
PROGRAMME_NOT_YET = "Программа ещё не составлена."
PROGRAMME_BAD_DIFFICULTY = "Это затруднение не относится к наставляемым этой пары."
PROGRAMME_DUE_AFTER_END = "Срок позже окончания программы ({ends}). Укажите более раннюю дату."
ACTIVITY_NOT_FOUND = "Мероприятие не найдено."
ACTIVITY_ALREADY_DONE = "Это мероприятие уже отмечено выполненным."
ACTIVITY_NOT_DONE = "Рефлексию пишут по выполненному мероприятию."
ACTIVITY_REFLECTION_DONE = "Вы уже написали рефлексию по этому мероприятию."

# --- Meetings -----------------------------------------------------------------------------

MEETING_FORMAT_NAMES = {
    MeetingFormat.OFFLINE: "очно",
    MeetingFormat.ONLINE: "онлайн",
    MeetingFormat.CHAT: "в чате",
}
MEETING_STATUS_NAMES = {
    MeetingStatus.SCHEDULED: "запланирована",
    MeetingStatus.HELD: "состоялась",
    MeetingStatus.NOT_HELD: "не состоялась",
    MeetingStatus.CANCELLED: "отменена",
}
MEETING_STATUS_ICONS = {
    MeetingStatus.SCHEDULED: "📅",
    MeetingStatus.HELD: "✅",
    MeetingStatus.NOT_HELD: "➖",
    MeetingStatus.CANCELLED: "✖️",
}
ATTENDANCE_NAMES = {
    Attendance.PENDING: "⏳ не ответил(а)",
    Attendance.CONFIRMED: "✅ подтвердил(а)",
    Attendance.MOVE_REQUESTED: "🔁 просит перенести",
    Attendance.DECLINED: "✖️ не сможет",
}
WEEKDAY_SHORT = ("пн", "вт", "ср", "чт", "пт", "сб", "вс")
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
MEETING_BAD_FORMAT = "Выберите формат кнопкой."
MEETING_BEFORE_PAIR = "Пара начала работу {starts}: встреча не может быть раньше."
MEETING_NOT_HELD_YET = "Оценивают встречу после того, как наставник отметит её итоги."
MEETING_DECLINED_NO_RATING = (
    "Вы отметили, что не сможете прийти на эту встречу, — оценивать её не нужно."
)
MEETING_ALREADY_RATED = "Вы уже оценили эту встречу."
MEETING_RATE_FIRST = "Сначала поставьте оценку кнопкой."
MEETING_WHOLE_GROUP = "Вся группа"
MEETING_MINUTES = "{minutes} мин"

# --- Short-term goals ---------------------------------------------------------------------

GOAL_STATE_ICONS = {
    "open": "🎯",
    "overdue": "⚠️",
    "submitted": "📨",
    "reached": "🏆",
    "cancelled": "✖️",
}
GOAL_STATE_NAMES = {
    "open": "в работе",
    "overdue": "просрочена",
    "submitted": "ждёт подтверждения наставника",
    "reached": "достигнута",
    "cancelled": "снята",
}
GOALS_HEADER = "<b>Цели</b> · {pair} (всего {total}, стр. {page} из {pages}):"
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

# --- Situational help ---------------------------------------------------------------------

HELP_ASK_TEXT = (
    "🆘 <b>Нужна помощь.</b> Опишите, что случилось и какая помощь нужна. Можно приложить фото "
    "или документ — тогда напишите пояснение в подписи."
)
HELP_ASK_URGENCY = "Насколько срочно?"
HELP_URGENCY_NAMES = {
    Urgency.HIGH: "🔴 Срочно, нужна помощь сегодня",
    Urgency.MEDIUM: "🟡 В ближайшие дни",
    Urgency.LOW: "🟢 Не срочно",
}
HELP_SENT_TO_MENTOR = "✅ Запрос №{id} отправлен наставнику {mentor}. Ответ придёт сюда."
HELP_SENT_TO_CURATOR = (
    "✅ Запрос №{id} отправлен куратору: у вас пока нет наставника. Ответ придёт сюда."
)
HELP_NO_ONE = (
    "Запрос №{id} сохранён, но отправить его сейчас некому: в организации нет доступного "
    "наставника или куратора. Сообщите куратору лично."
)
HELP_NOTICE = "🆘 <b>Запрос о помощи №{id}</b> от {mentee} · {urgency}\n{text}"
HELP_NOTICE_NO_PAIR = "\n\nУ педагога нет наставника: ответьте сами или передайте наставнику."
HELP_ESCALATED_NOTICE = (
    "⏰ <b>Запрос о помощи №{id}</b> от {mentee} ждёт уже {age}: наставник {mentor} его не "
    "взял.\n{text}\n\nПередайте его другому наставнику или ответьте сами."
)
HELP_PASSED_NOTICE = "🆘 Куратор передал вам запрос о помощи.\n{notice}"
HELP_PASSED_TO_MENTEE = "ℹ️ Ваш запрос №{id} передан наставнику {mentor}."
HELP_PASSED_AWAY = "ℹ️ Куратор передал запрос №{id} другому наставнику."
HELP_PASSED = "✅ Запрос передан: {mentor}."
HELP_TAKEN_NOTICE = "👍 {name} взял(а) ваш запрос №{id} и скоро ответит."
HELP_CHAT_PROMPT = (
    "💬 Переписка по запросу №{id}. Всё, что вы напишете (текст, фото, документ), получит "
    "{other}. Выйти из переписки — /cancel."
)
HELP_MESSAGE_HEADER = "💬 <b>Запрос №{id}</b> · {name}:\n{text}"
HELP_MESSAGE_SENT = "✅ Отправлено."
HELP_CHAT_LEFT = "Вы вышли из переписки. Сообщения сохранены; продолжить — кнопкой «Ответить»."
HELP_CLOSED_NOTICE = "✔️ Запрос №{id} закрыт ({name})."
HELP_ASK_HELPED = "Запрос №{id} закрыт. Помогло ли вам то, что предложили?"
HELP_HELPED_THANKS = "Спасибо за ответ!"
HELP_HELPED_NOTICE = "{icon} {name}: по запросу №{id} — {answer}."
HELP_HELPED_YES = "помогло"
HELP_HELPED_NO = "не помогло"
HELP_CLOSED_DONE = "✔️ Запрос №{id} закрыт."
HELP_CARD = (
    "🆘 <b>Запрос №{id}</b> · {status}\nОт: {mentee} · {urgency}\nОтвечает: {responder}\n"
    "Создан: {created} ({age} назад)\n\n{text}"
)
HELP_CARD_MESSAGE = "\n\n<b>{name}</b> ({when}): {text}"
HELP_ATTACHMENT = "📎 вложение"
HELP_STATUS_NAMES = {
    HelpStatus.OPEN: "ждёт ответа",
    HelpStatus.TAKEN: "в работе",
    HelpStatus.CLOSED: "закрыт",
}
HELP_RESPONDER_CURATOR = "куратор"
HELP_LIST_HEADER = "<b>Открытые запросы о помощи</b> (всего {total}, стр. {page} из {pages}):"
HELP_LIST_EMPTY = "Открытых запросов о помощи нет."
HELP_LINE = "{number}. №{id} · {mentee} · {status} · {age}"
HELP_CHOOSE_MENTOR = "Кому передать запрос №{id}? (стр. {page} из {pages})"
HELP_NO_MENTORS = "В организации нет наставников, кому можно передать запрос."
HELP_NEEDS_TEXT = (
    "Опишите ситуацию словами — если прикладываете фото или документ, то в подписи к нему."
)
HELP_BAD_ATTACHMENT = "Можно приложить фото или документ."
HELP_NOT_FOUND = "Запрос не найден."
HELP_NOT_YOURS = "Нет доступа: это чужой запрос о помощи."
HELP_NOT_FOR_MENTEE = "Это действие для того, кто отвечает на запрос."
HELP_ALREADY_TAKEN = "Этот запрос уже взял другой педагог."
HELP_CLOSED = (
    "Этот запрос уже закрыт — написать по нему нельзя. Если нужна помощь снова, "
    "отправьте новый запрос: /need_help."
)
HELP_MENTEE_ONLY = "Ответить на это может только автор запроса."
HELP_NOT_CLOSED = "Запрос ещё не закрыт."
HELP_ALREADY_ANSWERED = "Вы уже ответили на этот вопрос."
HELP_SAME_MENTOR = "Запрос и так у этого наставника."
AGE_MINUTES = "{minutes} мин"
AGE_HOURS = "{hours} ч {minutes} мин"
AGE_DAYS = "{days} дн {hours} ч"


def age(seconds: float) -> str:
    minutes = max(int(seconds // 60), 0)
    if minutes < 60:
        return AGE_MINUTES.format(minutes=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return AGE_HOURS.format(hours=hours, minutes=minutes)
    days, hours = divmod(hours, 24)
    return AGE_DAYS.format(days=days, hours=hours)


# --- Reminders ----------------------------------------------------------------------------

REMINDER_MEETING_DAY = (
    "⏰ Завтра встреча «{topic}» — {when} ({timezone}), {format}{link}.\n{with_whom}"
)
REMINDER_MEETING_HOUR = "⏰ Через час встреча «{topic}» — {when} ({timezone}), {format}{link}."
REMINDER_WITH_MENTOR = "С наставником: {name}."
REMINDER_WITH_MENTEES = "Участники: {names}."
REMINDER_MEETING_LOG = (
    "📝 Встреча «{topic}» ({when}) прошла? Отметьте, пожалуйста, её итоги: состоялась ли, что "
    "обсуждали, о чём договорились."
)
REMINDER_MEETING_RATE = (
    "⭐ Вы ещё не оценили встречу «{topic}» ({when}). Насколько она была полезна? "
    "1 — совсем нет, 5 — очень."
)
REMINDER_GOAL_SOON = "🎯 Завтра срок цели «{title}». Как продвигается? Отметьте прогресс."
REMINDER_GOAL_TODAY = "🎯 Сегодня срок цели «{title}». Если она достигнута — отметьте это."
REMINDER_GOAL_OVERDUE = (
    "⚠️ Цель «{title}» просрочена (срок был {due}). Что мешает? Обсудите с наставником."
)
REMINDER_GOAL_OVERDUE_MENTOR = (
    "⚠️ У наставляемого {name} просрочена цель «{title}» (срок был {due})."
)
REMINDER_ACTIVITY_SOON = "📘 Завтра срок мероприятия программы «{title}»."
REMINDER_ACTIVITY_TODAY = "📘 Сегодня срок мероприятия программы «{title}»."
REMINDER_ACTIVITY_OVERDUE = "⚠️ Мероприятие программы «{title}» просрочено (срок был {due})."
REMINDER_HELP_NUDGE = (
    "🆘 Вы взяли запрос о помощи №{id} от {mentee}, но ещё не ответили. Наставляемый ждёт."
)
REMINDER_NO_MEETING = (
    "🤝 С {anchor} у вас нет встреч с {mentees} ({pair}). Может быть, пора договориться о "
    "следующей?"
)
REMINDER_DIGEST = "🗓 <b>Ваша неделя наставника</b>"
REMINDER_DIGEST_MEETINGS = "\n\n<b>Встречи:</b>"
REMINDER_DIGEST_MEETING = "\n• {when} — {topic}"
REMINDER_DIGEST_GOALS = "\n\n<b>Цели наставляемых со сроком на этой неделе:</b>"
REMINDER_DIGEST_GOAL = "\n• {icon} {title} — до {due}"
REMINDER_DIGEST_REQUESTS = "\n\n<b>Открытые запросы о помощи:</b>"
REMINDER_DIGEST_REQUEST = "\n• №{id}, ждёт {age}"
REMINDER_DIGEST_EMPTY = "\n\nНа этой неделе ничего не запланировано. Хорошее время для встречи!"
REMINDER_CURATOR_WEEKLY = (
    "📊 <b>Наставничество за неделю</b> · {organization}\nДействующих пар и групп: {pairs}\n"
    "Проведено встреч за неделю: {meetings}\nОткрытых запросов о помощи: {requests}\n"
    "Просроченных целей: {overdue}\nНаставляемых без пары: {unpaired}"
)
REMINDER_PROGRAMME_ENDING = (
    "🏁 {pair} завершает программу {ends} (через две недели). Подготовьте завершение: итоговую "
    "самодиагностику, рефлексию участников и оценку результатов."
)
REMINDER_STAFF_LIST = (
    "📋 Начинается новый учебный год. Обновите, пожалуйста, список педагогов, которым нужен "
    "наставник (новые и молодые специалисты): /import или /unpaired."
)

# --- Reminder settings --------------------------------------------------------------------

REMINDER_CATEGORY_NAMES = {
    "meetings": "Встречи",
    "goals": "Краткосрочные цели",
    "activities": "Мероприятия программы",
    "help": "Запросы о помощи",
    "nudges": "Подсказки (давно не было встреч, конец программы)",
    "digests": "Еженедельная сводка",
}
REMINDERS_SETTINGS = (
    "🔔 <b>Напоминания</b>\nНажмите, чтобы включить или выключить. Тихие часы — время, когда "
    "бот ничего не присылает (всё дождётся утра). Сейчас: <b>{quiet}</b>."
)
REMINDERS_QUIET = "{start:02d}:00–{end:02d}:00"
REMINDERS_QUIET_ORG = "как в организации, {hours}"
REMINDERS_QUIET_OFF = "нет"
BUTTON_REMINDER_ON = "🔔 {name}"
BUTTON_REMINDER_OFF = "🔕 {name}"
BUTTON_QUIET = "🌙 {hours}"
BUTTON_QUIET_ORG = "🌙 Как в организации"
COMMAND_REMINDERS = "Напоминания и тихие часы"
REMINDERS_BAD_CHOICE = "Выберите кнопкой."

# --- Monitoring ---------------------------------------------------------------------------

SUMMARY_PERIOD_BUTTONS = {
    "month": "Месяц",
    "quarter": "Квартал",
    "year": "Учебный год",
    "custom": "Свой период",
}
SUMMARY_HEAD = "📊 <b>Мониторинг наставничества</b> · {scope}\nПериод: {start} — {end}"
SUMMARY_REGION = "все организации ({count})"
SUMMARY_BODY = (
    "\n\n<b>Участники.</b> Педагогов: {teachers}; вовлечено в наставничество: {involved} "
    "({share} %, целевой ориентир — 70 %): наставников {mentors}, наставляемых {mentees}."
    "\n<b>Пары и группы:</b> {pairs}{forms}."
    "\n<b>Встречи:</b> проведено {held} ({per_pair_month} на пару в месяц); пар без встреч за "
    "период: {without}."
    "\n<b>Краткосрочные цели:</b> достигнуто {reached}, в работе {open}, просрочено {overdue}."
    "\n<b>Мероприятия программ:</b> выполнено {done}, просрочено {activities_overdue}."
    "\n<b>Запросы о помощи:</b> {requests}; медиана до первого ответа — {median}; передано "
    "куратору: {escalated}."
    "\n<b>Затруднения:</b> новых {new}, не преодолено {not_overcome}, преодолено {overcome}{top}."
    "\n<b>Удовлетворённость:</b> оценка встреч {rating}, итоговая оценка участников "
    "{satisfaction}."
    "\n<b>Самодиагностика</b> (вход → итог): {self_check}"
)
SUMMARY_TOP = "; чаще всего: {categories}"
SUMMARY_NONE = "—"
SUMMARY_SCORE = "{value:.1f} из 5"
SUMMARY_SELF_CHECK_ITEM = "{category} {before:.1f} → {after:.1f}"
SUMMARY_REGION_LINE = (
    "\n• <b>{name}</b>: вовлечено {share} %, пар {pairs}, встреч {held}, запросов {requests}, "
    "просрочено целей {overdue}"
)
SUMMARY_REGION_HEADER = "\n\n<b>По организациям:</b>"
SUMMARY_ASK_PERIOD = (
    "Напишите период двумя датами через дефис, например: 01.09.2026-31.12.2026 "
    "(не длиннее трёх лет)."
)
SUMMARY_BAD_PERIOD = (
    "Период — две даты через дефис, первая не позже второй и не длиннее трёх лет, например: "
    "01.09.2026-31.12.2026."
)
SUMMARY_MINUTES = "{minutes} мин"
SUMMARY_HOURS = "{hours:.1f} ч"
CHART_DIFFICULTIES = "Затруднения по категориям"
CHART_MEETINGS = "Встречи по месяцам"
CHART_SELF_CHECK = "Самодиагностика: средний балл на входе и на выходе"
CHART_NEW = "новые за период"
CHART_OPEN = "не преодолены"
CHART_START = "на входе"
CHART_END = "на выходе"
CHART_NO_DATA = "За этот период для графиков пока нет данных."
BUTTON_CHARTS = "📈 Графики"
BUTTON_WORKBOOK = "📥 Excel"
WORKBOOK_CAPTION = "Выгрузка мониторинга за период {start} — {end}."
COMMAND_SUMMARY = "Мониторинг за период"
COMMAND_REPORT = "Выгрузка в Excel"

# --- Organisation settings ----------------------------------------------------------------

ORG_SETTINGS = (
    "⚙️ <b>Настройки организации</b> {name}\n"
    "• Запрос о помощи передаётся куратору, если наставник не взял его за <b>{hours} рабочих ч</b> "
    "(рабочее время — пн–пт, 08:00–18:00).\n"
    "• Наставнику напоминаем о встрече, если её не было <b>{days} дн.</b>\n"
    "• Тихие часы организации (ничего не присылаем, всё ждёт утра): <b>{quiet}</b>; каждый может "
    "выбрать свои в /reminders."
)
ORG_SETTINGS_SAVED = "✅ Сохранено."
ORG_BAD_SETTING = "Выберите значение кнопкой."
ORG_SETTING_BUTTONS: dict[str, Callable[[int], str]] = {
    "escalation_hours": lambda value: f"{value} ч",
    "nudge_days": lambda value: f"{value} дн.",
    "quiet": lambda value: f"🌙 {value // 100:02d}–{value % 100:02d}" if value else "🌙 нет",
}

# --- Staff import -------------------------------------------------------------------------

IMPORT_ASK_FILE = (
    "<b>Импорт списка педагогов.</b> Пришлите файл Excel (.xlsx) или CSV (до 2 МБ, до 2000 "
    "строк). Первая строка — заголовки, столбцы:\n"
    "<code>ФИО | Должность | Предмет | Стаж | Роль | Телефон или e-mail</code>\n"
    "Роль — «наставник» или «наставляемый»; последний столбец можно не заполнять. "
    "Для каждого нового педагога бот создаст персональную ссылку-приглашение. "
    "Повторная загрузка того же файла ничего не задвоит."
)
IMPORT_SEND_FILE = "Пришлите файл .xlsx или .csv документом (или /cancel)."
IMPORT_BAD_TYPE = "Поддерживаются только файлы .xlsx и .csv."
IMPORT_TOO_BIG = "Файл слишком большой: не больше {megabytes} МБ."
IMPORT_TOO_MANY = "Слишком много строк: не больше {maximum} за один раз. Разделите файл."
IMPORT_UNREADABLE = "Не удалось прочитать файл: он повреждён или это не таблица."
IMPORT_EMPTY = "Файл пустой."
IMPORT_BAD_ROLE = "неизвестная роль «{role}» (нужно «наставник» или «наставляемый»)"
IMPORT_BAD_CONTACT = "контакт не похож ни на телефон, ни на e-mail"
IMPORT_DUPLICATE = "повтор строки {row}"
IMPORT_DONE = (
    "<b>Импорт завершён.</b>\nДобавлено педагогов: {created}\nСсылок для рассылки: {links}\n"
    "Добавлено ролей уже известным: {roles}\nУже были в списке: {skipped}\n"
    "Строк с ошибками: {errors}"
)
IMPORT_ERRORS_HEADER = "\n\n<b>Ошибки по строкам:</b>"
IMPORT_ERROR_LINE = "\nСтрока {row}: {reason}"
IMPORT_ERRORS_MORE = "\n…и ещё {more}."
IMPORT_LINKS_CAPTION = "Персональные ссылки-приглашения: разошлите каждому педагогу его ссылку."
IMPORT_LINKS_HEADER = ("ФИО", "Роль", "Ссылка-приглашение", "Действует до")
IMPORT_REPORT_HEADER = ("Строка", "ФИО", "Итог")
IMPORT_REPORT_CAPTION = "Отчёт по каждой строке файла."
IMPORT_CREATED = "добавлен(а), создана ссылка"
IMPORT_ROLE_ADDED = "уже был(а) в списке, добавлена роль"
IMPORT_SKIPPED = "уже был(а) в списке"
IMPORT_ERROR = "ошибка"
INVITE_PERSONAL_OTHER = (
    "Это персональная ссылка для другого педагога. Попросите у куратора свою ссылку."
)

# --- Buttons ------------------------------------------------------------------------------

BUTTON_NEW_DIFFICULTY = "📝 Новое затруднение"
BUTTON_MY_DIFFICULTIES = "📋 Мои затруднения"
BUTTON_DIFFICULTY_DESCRIBE = "✏️ Описание"
BUTTON_DIFFICULTY_URGENCY = "❗ Важность"
BUTTON_DIFFICULTY_WORK = "🟡 В работу"
BUTTON_DIFFICULTY_OVERCOME = "🟢 Преодолено"
BUTTON_SELF_CHECK = "📊 Самодиагностика"
BUTTON_SELF_CHECK_START = "Пройти входную"
BUTTON_SELF_CHECK_END = "Пройти итоговую"
BUTTON_NEW_PAIR = "🤝 Новая пара/группа"
BUTTON_PAIRS = "📂 Пары и группы"
BUTTON_UNPAIRED = "🧑‍🎓 Без наставника"
BUTTON_MY_PAIRS = "👥 Мои пары"
BUTTON_DONE = "Готово ({count})"
BUTTON_CREATE = "✅ Создать"
BUTTON_CHANGE_MENTOR = "🔄 Сменить наставника"
BUTTON_COMPLETE = "🏁 Завершить"
BUTTON_COMPLETE_YES = "Да, завершить"
BUTTON_STOP = "⏹ Прекратить досрочно"
BUTTON_MENTEE_DIFFICULTIES = "Затруднения: {name}"
BUTTON_MENTEE_SELF_CHECK = "Самодиагностика: {name}"
BUTTON_SELECTED = "✅ {name}"
BUTTON_PERIOD = "{months} мес."
BUTTON_PROGRAMME = "📘 Программа"
BUTTON_FINAL_REFLECTION = "💭 Итоговая рефлексия"
BUTTON_PROGRAMME_AIM = "✏️ Цель программы"
BUTTON_PROGRAMME_CREATE = "📝 Составить программу"
BUTTON_ACTIVITY_ADD = "➕ Мероприятие"
BUTTON_PROPOSE = "💬 Предложить изменение"
BUTTON_ACTIVITY_DONE = "✅ Выполнено"
BUTTON_ACTIVITY_REFLECT = "💭 Рефлексия"
BUTTON_NO_DIFFICULTY = "Без привязки к затруднению"
BUTTON_SKIP = "Пропустить"
BUTTON_MEETINGS = "📅 Встречи"
BUTTON_MEETING_NEW = "➕ Назначить встречу"
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
BUTTON_GOALS = "🎯 Цели"
BUTTON_OPEN_PAIR = "Открыть пару"
BUTTON_REMINDERS = "🔔 Напоминания"
BUTTON_GOAL_NEW = "➕ Новая цель"
BUTTON_GOAL_OPEN = "Открыть цель"
GOAL_BUTTONS = {
    "progress": "📈 Отметить прогресс",
    "submit": "🏁 Цель достигнута",
    "confirm": "✅ Подтвердить",
    "give_back": "↩️ Вернуть с комментарием",
    "withdraw": "✖️ Снять цель",
}
BUTTON_NEED_HELP = "🆘 Нужна помощь"
BUTTON_HELP_REQUESTS = "📨 Запросы о помощи"
HELP_BUTTONS = {
    "open": "Открыть запрос",
    "take": "🙋 Взять и ответить",
    "reply": "↩️ Ответить",
    "close": "✔️ Закрыть запрос",
    "pass": "➡️ Передать наставнику",
    "helped": "👍 Да, помогло",
    "not_helped": "👎 Нет",
}
BUTTON_ORG_SETTINGS = "⚙️ Настройки"
BUTTON_IMPORT = "📥 Импорт списка педагогов"
BUTTON_CONSENT_YES = "✅ Согласен(на)"
BUTTON_CONSENT_NO = "Не согласен(на)"
BUTTON_CANCEL = "Отмена"
BUTTON_PROFILE = "👤 Профиль"
BUTTON_HELP = "❓ Справка"
BUTTON_MY_DATA = "📦 Мои данные"
BUTTON_INVITE = "🔗 Пригласить педагога"
BUTTON_INVITES = "📋 Приглашения"
BUTTON_NEW_ORG = "🏫 Новая организация"
BUTTON_ORGS = "🗂 Организации"
BUTTON_BACK = "« Назад"
BUTTON_PREVIOUS = "‹"
BUTTON_NEXT = "›"
BUTTON_REVOKE = "Отозвать №{number}"
BUTTON_CURATOR_LINK = "🔗 Новая ссылка для куратора"
BUTTON_EDIT = "✏️ {field}"
BUTTON_SHARE_ON = "Показывать мой контакт"
BUTTON_SHARE_OFF = "Скрыть мой контакт"
BUTTON_DELETE_YES = "Да, удалить"
BUTTON_DELETE_NO = "Нет, оставить"
BUTTON_DAYS = "{days} дн."
BUTTON_DEFAULT_TIMEZONE = "По умолчанию: {zone}"
BUTTON_USES = "{uses}"

# Time zones offered as buttons when an organisation is created (Russia, west to east).
TIMEZONE_CHOICES = (
    ("Калининград", "Europe/Kaliningrad"),
    ("Москва", "Europe/Moscow"),
    ("Самара", "Europe/Samara"),
    ("Екатеринбург", "Asia/Yekaterinburg"),
    ("Омск", "Asia/Omsk"),
    ("Новосибирск", "Asia/Novosibirsk"),
    ("Красноярск", "Asia/Krasnoyarsk"),
    ("Иркутск", "Asia/Irkutsk"),
    ("Якутск", "Asia/Yakutsk"),
    ("Владивосток", "Asia/Vladivostok"),
    ("Магадан", "Asia/Magadan"),
    ("Камчатка", "Asia/Kamchatka"),
)

# --- Command descriptions (per-chat command scopes) ---------------------------------------

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
COMMAND_MY_PAIRS = "Мои пары и группы"
COMMAND_IMPORT = "Импорт списка педагогов"
COMMAND_INVITE = "Создать ссылку-приглашение"
COMMAND_INVITES = "Действующие приглашения"
COMMAND_NEW_ORG = "Создать организацию"
COMMAND_ORGS = "Все организации"
COMMAND_MEETINGS = "Мои встречи"
COMMAND_NEED_HELP = "Нужна помощь"
COMMAND_REQUESTS = "Запросы о помощи"
COMMAND_SETTINGS = "Настройки организации"


# --- The workbook -------------------------------------------------------------------------

WORKBOOK_PEOPLE = ("Организация", "ФИО", "Должность", "Предмет", "Стаж, лет", "Роль", "В системе с")
WORKBOOK_PAIRS = (
    "Организация", "Пара №", "Форма", "Ролевая модель", "Наставник", "Наставляемый", "Статус",
    "Начало", "Окончание",
)  # fmt: skip
WORKBOOK_ACTIVITIES = (
    "Организация", "Пара №", "Мероприятие", "Срок", "Статус", "Выполнено", "Результат",
)  # fmt: skip
WORKBOOK_MEETINGS = (
    "Организация", "Пара №", "Дата и время", "Формат", "Тема", "Статус", "Длительность, мин",
    "Что обсуждали", "Договорённости",
)  # fmt: skip
WORKBOOK_GOALS = (
    "Организация", "Пара №", "Наставляемый", "Цель", "Срок", "Статус", "Прогресс, %",
    "Достигнута",
)  # fmt: skip
WORKBOOK_REQUESTS = (
    "Организация", "Запрос №", "Наставляемый", "Срочность", "Статус", "Создан",
    "Первый ответ", "Передан куратору", "Закрыт", "Помогло",
)  # fmt: skip
WORKBOOK_DIFFICULTIES = (
    "Организация", "Наставляемый", "Категория", "Описание", "Важность", "Статус",
    "Отмечено", "Преодолено",
)  # fmt: skip
WORKBOOK_RATINGS = (
    "Организация", "Дата встречи", "Тема", "Наставляемый", "Оценка (1–5)", "Комментарий",
)  # fmt: skip
ACTIVITY_STATUS_NAMES = {
    ActivityStatus.PLANNED: "в плане",
    ActivityStatus.DONE: "выполнено",
    ActivityStatus.CANCELLED: "отменено",
}
WORKBOOK_LABELS: dict[type, dict[Any, str]] = {
    Role: ROLE_NAMES,
    MentorshipForm: FORM_NAMES,
    RoleModel: ROLE_MODEL_NAMES,
    PairStatus: PAIR_STATUS_NAMES,
    ActivityStatus: ACTIVITY_STATUS_NAMES,
    MeetingFormat: MEETING_FORMAT_NAMES,
    MeetingStatus: MEETING_STATUS_NAMES,
    GoalStatus: GOAL_STATE_NAMES,
    Urgency: URGENCY_NAMES,
    HelpStatus: HELP_STATUS_NAMES,
    DifficultyStatus: DIFFICULTY_STATUS_NAMES,
    DifficultyCategory: DIFFICULTY_CATEGORIES,
}


def label(value: StrEnum) -> str:
    """The Russian name of a stored code, for files and tables."""
    names = WORKBOOK_LABELS.get(type(value), {})
    return names.get(value) or names.get(value.value) or value.value


WORKBOOK_YES = "да"
WORKBOOK_NO = "нет"
AUDIT_EMPTY = "Журнал доступа к персональным данным пуст."
AUDIT_HEADER = "🔎 <b>Журнал доступа к данным</b> (последние записи, время UTC):"
AUDIT_LINE = "\n{when} · {who} · {action} · организация {organization} {details}"
AUDIT_ACTIONS = {
    "workbook": "выгрузка Excel",
    "pair_card": "карточка пары",
}
BUTTON_SUMMARY = "📊 Мониторинг"
COMMAND_AUDIT = "Журнал доступа к данным"


def category_short(category: DifficultyCategory) -> str:
    """A category's name without its explanation in brackets, for figures and charts."""
    return DIFFICULTY_CATEGORIES[category].split(" (")[0]


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
MENTORS_HEADER = (
    "👩‍🏫 <b>Нагрузка наставников</b> (всего {total}, стр. {page} из {pages}). Пары · "
    "наставляемые · встреч за 30 дней · открытых запросов · просроченных целей:"
)
MENTORS_EMPTY = "Наставников пока нет."
MENTOR_LINE = "\n{number}. {name}: {pairs} · {mentees} · {meetings} · {requests} · {overdue}{idle}"
MENTOR_IDLE = " ⚠️"
BUTTON_MENTOR_PAIRS = "Пары: {name}"
TREND_HEADER = (
    "🧩 <b>Профессиональные затруднения</b> · {scope}\nКатегория: не преодолено / преодолено; "
    "новые по месяцам ({first} … {last}):"
)
TREND_LINE = "\n• {category}: {open} / {overcome}; {trend}"
TREND_EMPTY = "Затруднений пока не отмечено."
CHART_TREND = "Новые затруднения по месяцам"
COMMAND_MENTORS = "Нагрузка наставников"
COMMAND_DIFFICULTIES = "Затруднения педагогов"
FINAL_TITLE = (
    "Итоговый аналитический отчёт о реализации системы (целевой модели) наставничества "
    "педагогических работников"
)
FINAL_SUBTITLE = "{scope}\nпериод: {start} — {end}"
FINAL_PARTICIPANTS = "1. Участники наставничества"
FINAL_FORMS = "2. Наставнические пары и группы по формам наставничества"
FINAL_WORK = "3. Работа пар и групп"
FINAL_DIFFICULTIES = "4. Профессиональные затруднения педагогов"
FINAL_SELF_CHECK = "5. Динамика самодиагностики наставляемых (средний балл 1–5)"
FINAL_BY_ORGANIZATION = "6. По организациям"
FINAL_CONCLUSIONS = "Выводы и предложения"
FINAL_INDICATOR_HEADER = ("Показатель", "Значение")
FINAL_FORM_HEADER = ("Форма наставничества", "Пар и групп")
FINAL_DIFFICULTY_HEADER = ("Категория", "Новые за период", "Не преодолены", "Преодолены за период")
FINAL_SELF_CHECK_HEADER = ("Категория", "На входе", "На выходе")
FINAL_ORGANIZATION_HEADER = ("Организация", "Вовлечено педагогов", "Пар и групп", "Встреч")
FINAL_TEACHERS = "Педагогических работников"
FINAL_INVOLVED = "Вовлечено в наставничество (целевой ориентир — 70 %)"
FINAL_MENTORS = "Наставников"
FINAL_MENTEES = "Наставляемых"
FINAL_MEETINGS = "Проведено встреч"
FINAL_MEETINGS_PER_PAIR = "Встреч на пару в месяц"
FINAL_PAIRS_WITHOUT = "Пар без встреч за период"
FINAL_GOALS_REACHED = "Краткосрочных целей достигнуто"
FINAL_GOALS_OVERDUE = "Краткосрочных целей просрочено"
FINAL_ACTIVITIES_DONE = "Мероприятий программ выполнено"
FINAL_ACTIVITIES_OVERDUE = "Мероприятий программ просрочено"
FINAL_REQUESTS = "Запросов о ситуационной помощи"
FINAL_MEDIAN = "Медиана времени до первого ответа, мин"
FINAL_RATING = "Средняя оценка встреч (1–5)"
FINAL_SATISFACTION = "Удовлетворённость участников по завершении (1–5)"
FINAL_SIGNATURE = (
    "Куратор наставничества ____________________ / {curator} /\n\nДата «____» ____________ 20___ г."
)
FINAL_CAPTION = "Итоговый аналитический отчёт за период {start} — {end}: распечатайте и подпишите."
BUTTON_FINAL_REPORT = "📄 Итоговый отчёт"
COMMAND_FINAL_REPORT = "Итоговый аналитический отчёт"
