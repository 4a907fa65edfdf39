"""The shared vocabulary: escaping and cutting user text, dates and times in an organisation's
zone, and the Russian names of roles, categories, statuses, forms and other stored codes."""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import date, datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from models.enums import (
    ActivityStatus,
    Attendance,
    DifficultyCategory,
    DifficultyStatus,
    GoalStatus,
    HelpStatus,
    MeetingFormat,
    MeetingStatus,
    MenteeType,
    MentorshipForm,
    MentorshipKind,
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


# a day as it is called from another: 0 is «today»
DAYS_AHEAD = {0: "Сегодня", 1: "Завтра", 2: "Послезавтра"}


MONTH_SHORT = ("янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")


def day(value: date) -> str:
    """A day as Russian papers write it: «01.09.2026»."""
    return value.strftime("%d.%m.%Y")


def decimal(value: float, digits: int = 1) -> str:
    """A number as Russian text writes it: «4,3»."""
    return f"{value:.{digits}f}".replace(".", ",")


def month_label(month: str) -> str:
    """«сен 2026» for the month "2026-09"."""
    year, number = month.split("-")
    return f"{MONTH_SHORT[int(number) - 1]} {year}"


def plural(count: int, one: str, few: str, many: str) -> str:
    """The Russian noun form for a count: 1 затруднение, 2 затруднения, 5 затруднений."""
    tens, units = count % 100, count % 10
    if 11 <= tens <= 14:
        return many
    if units == 1:
        return one
    if 2 <= units <= 4:
        return few
    return many


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


ERASED_PERSON = "Удалённый пользователь"

YES = "да"

NO = "нет"

NOT_SET = "не указано"

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

KIND_NAMES = {
    MentorshipKind.TRADITIONAL: "Традиционная («один на один»)",
    MentorshipKind.GROUP: "Групповая",
    MentorshipKind.SHORT_TERM: "Краткосрочная (целеполагающая)",
    MentorshipKind.REVERSE: "Реверсивная",
    MentorshipKind.SITUATIONAL: "Ситуационная",
    MentorshipKind.SPEED: "Скоростная",
    MentorshipKind.VIRTUAL: "Виртуальная",
}

FORM_NAMES = {
    MentorshipForm.TEACHER_TEACHER: "Педагог – педагог",
    MentorshipForm.HEAD_TEACHER: "Руководитель ОО – педагог",
    MentorshipForm.EMPLOYER_STUDENT: "Работодатель – студент",
    MentorshipForm.OTHER: "Другая",
}

ROLE_MODEL_NAMES = {
    RoleModel.EXPERIENCED_YOUNG: "Опытный учитель – молодой специалист",
    RoleModel.LEADER_STRUGGLING: (
        "Лидер педагогического сообщества – педагог, испытывающий проблемы"
    ),
    RoleModel.INNOVATOR_CONSERVATIVE: "Педагог-новатор – консервативный педагог",
    RoleModel.SUBJECT_EXPERT_NOVICE: "Опытный предметник – неопытный предметник",
    RoleModel.PEER: "Равный – равному",
    RoleModel.OTHER: "Другая",
}

PAIR_STATUS_NAMES = {
    PairStatus.PROPOSED: "ждёт согласия участников",
    PairStatus.ACTIVE: "действует",
    PairStatus.PAUSED: "на паузе",
    PairStatus.COMPLETED: "завершена",
    PairStatus.STOPPED: "прекращена досрочно",
    PairStatus.DECLINED: "отклонена",
}

MENTEE_TYPE_NAMES = {
    MenteeType.YOUNG_SPECIALIST: "Молодой специалист",
    MenteeType.NEW_TO_SCHOOL: "Новый в коллективе",
    MenteeType.NEW_ROLE: "Осваивает новую технологию или должность",
    MenteeType.NO_PEDAGOGICAL_EDUCATION: "Без педагогического образования",
}

LIST_MORE = "…и ещё {more}."

ACTIVITY_ICONS = {"done": "✅", "due": "⏳", "overdue": "⚠️"}

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

HELP_STATUS_NAMES = {
    HelpStatus.OPEN: "ждёт ответа",
    HelpStatus.TAKEN: "в работе",
    HelpStatus.CLOSED: "закрыт",
}

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


ACTIVITY_STATUS_NAMES = {
    ActivityStatus.PLANNED: "в плане",
    ActivityStatus.DONE: "выполнено",
    ActivityStatus.CANCELLED: "отменено",
}

WORKBOOK_LABELS: dict[type, dict[Any, str]] = {
    Role: ROLE_NAMES,
    MentorshipKind: KIND_NAMES,
    MentorshipForm: FORM_NAMES,
    RoleModel: ROLE_MODEL_NAMES,
    MenteeType: MENTEE_TYPE_NAMES,
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


def category_short(category: DifficultyCategory) -> str:
    """A category's name without its explanation in brackets, for figures and charts."""
    return DIFFICULTY_CATEGORIES[category].split(" (")[0]
