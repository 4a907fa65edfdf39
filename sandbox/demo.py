"""Demo and benchmark data: one generator of whole schools of the mentorship programme, as the
bot itself would have left them after some months of work.

This module owns what generated data looks like: the people (a curator, mentors and mentees
with Russian names, subjects and experience, all fully registered), the pairs and groups they
form (every form the school uses, with its role model, and some mentees still waiting for a
pair), and their history up to a given day: professional difficulties, self-diagnosis,
personalised programmes with their roadmaps, meetings with reports and ratings, the next
meetings, goals, help requests and their conversations.

One size is the sandbox's demo school (`generate(today)`: 1 curator, 3 mentors, 8 mentees and a
month of history); `generate(today, organizations=100, teachers=500, months=12)` is the region the
benchmarks measure. Rows are plain dicts whose ids are given here, so `load` inserts them in
bulk with Core `insert()` and reads nothing back; that bypasses the ORM, so every column a model
fills in Python (`search_name`, `created_at`, ...) is set here. The same arguments always give
the same rows.
"""

from __future__ import annotations

import gc
import random
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import Table, insert, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.services.help_requests import working_deadline
from bot.services.pairs import PERIOD_CHOICES, add_months, has_programme
from bot.texts.goals import GOAL_CONFIRMED_NOTE
from bot.texts.vocabulary import KIND_NAMES, ROLE_NAMES
from models import (
    Base,
    Difficulty,
    Feedback,
    Goal,
    GoalProgress,
    HelpMessage,
    HelpRequest,
    Meeting,
    MeetingParticipant,
    MentorArea,
    Organization,
    Pair,
    PairAnswer,
    PairMember,
    PairMentor,
    Person,
    PersonMenteeType,
    PersonRole,
    Programme,
    ProgrammeActivity,
    SelfAssessment,
    Territory,
    meeting_activities,
    meeting_difficulties,
)
from models.enums import (
    ActivityStatus,
    AssessmentStage,
    Attendance,
    DifficultyCategory,
    DifficultyStatus,
    FeedbackKind,
    GoalStatus,
    HelpStatus,
    MeetingFormat,
    MeetingStatus,
    MenteeType,
    MentorshipForm,
    MentorshipKind,
    PairStatus,
    ProgrammeStage,
    ProgrammeStatus,
    Role,
    RoleModel,
    TerritoryKind,
    Urgency,
)

TELEGRAM_ID_BASE = 1_000_000  # person id N gets telegram_id TELEGRAM_ID_BASE + N
REGION = "Тверская область"
SCHOOLS_PER_MUNICIPALITY = 10  # the region's schools are dealt out to municipalities of ten
CHUNK = 20_000  # rows per INSERT statement
MENTOR_SHARE = 0.3  # of the teachers, i.e. everyone but the curator
NO_ROLE_SHARE = 0.25  # of the teachers: on the staff, in no pair, not in the bot
NEW_TO_SCHOOL_EVERY = 3  # one mentee in three is also new to the school
UNPAIRED_EVERY = 8  # one mentee in eight still waits for a pair
MEETING_STEP_DAYS = (13, 17)  # a pair meets about every other week
MEETING_TIMES = (time(14, 0), time(14, 30), time(15, 0), time(15, 30), time(16, 0), time(17, 0))
DURATIONS = (30, 45, 60, 90)
END_DIAGNOSIS_DAYS = 30  # mentees rate themselves again this close to the end of their pair

# Tables in the order their rows are inserted (every foreign key points backwards).
TABLES: tuple[Any, ...] = (
    Territory, Organization, Person, PersonRole, PersonMenteeType, MentorArea, Pair, PairMember,
    PairAnswer, PairMentor, Programme, Difficulty, ProgrammeActivity, SelfAssessment, Meeting,
    MeetingParticipant, meeting_difficulties, meeting_activities, Goal, GoalProgress,
    HelpRequest, HelpMessage, Feedback,
)  # fmt: skip


# --- what the generated people are called and teach -------------------------------------------

# Masculine forms, every one ending in -ов, -ев, -ёв or -ин so that the feminine and the cases
# used in descriptions follow one rule (`_Name`).
SURNAMES = (
    "Смирнов", "Иванов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
    "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров",
    "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
    "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв",
    "Сергеев", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв", "Ильин",
    "Максимов", "Поляков", "Сорокин", "Виноградов", "Ковалёв", "Белов", "Медведев", "Антонов",
    "Тарасов", "Жуков", "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев", "Герасимов",
    "Богданов", "Осипов", "Сидоров", "Матвеев", "Титов", "Марков", "Миронов", "Крылов",
    "Куликов", "Карпов", "Власов", "Мельников", "Денисов", "Гаврилов", "Тихонов", "Казаков",
    "Афанасьев", "Данилов", "Савельев", "Тимофеев", "Фомин", "Чернов", "Абрамов", "Мартынов",
    "Ефимов", "Щербаков", "Назаров", "Калинин", "Исаев", "Быков", "Маслов", "Родионов",
    "Коновалов", "Лазарев", "Воронин", "Климов", "Филатов", "Голубев", "Прохоров", "Наумов",
    "Потапов", "Журавлёв", "Трофимов", "Леонов", "Соболев", "Ермаков", "Колесников", "Гончаров",
    "Никифоров", "Грачёв", "Котов", "Гришин", "Ефремов", "Архипов", "Громов", "Кириллов",
    "Малышев", "Панов", "Моисеев", "Румянцев", "Акимов", "Бирюков", "Горбунов", "Анисимов",
    "Ерёмин", "Галкин", "Лукьянов", "Михеев", "Скворцов", "Юдин", "Белоусов", "Нестеров",
    "Симонов", "Прокофьев", "Харитонов", "Князев", "Цветков", "Воронов", "Мальцев", "Логинов",
    "Горшков", "Савин", "Краснов", "Майоров", "Демидов", "Елисеев", "Рыбаков", "Сафонов",
)  # fmt: skip
FEMALE_NAMES = (
    "Ирина", "Анна", "Елена", "Ольга", "Наталья", "Татьяна", "Светлана", "Марина", "Екатерина",
    "Юлия", "Мария", "Анастасия", "Дарья", "Ксения", "Алина", "Виктория", "Людмила", "Галина",
    "Надежда", "Валентина", "Евгения", "Полина", "Софья", "Вера", "Любовь", "Оксана", "Алёна",
)  # fmt: skip
MALE_NAMES = (
    "Алексей", "Андрей", "Сергей", "Дмитрий", "Михаил", "Иван", "Николай", "Павел", "Александр",
    "Владимир", "Евгений", "Артём", "Максим", "Игорь", "Олег", "Роман", "Константин", "Виктор",
    "Юрий", "Илья", "Кирилл",
)  # fmt: skip
# Fathers' names as the stem of the patronymic: + «ич» for a man, + «на» for a woman.
PATRONYMIC_STEMS = (
    "Петров", "Сергеев", "Александров", "Иванов", "Николаев", "Владимиров", "Михайлов",
    "Андреев", "Викторов", "Юрьев", "Анатольев", "Геннадьев", "Дмитриев", "Алексеев",
    "Васильев", "Олегов", "Павлов", "Евгеньев", "Борисов", "Игорев",
)  # fmt: skip
FEMALE_SHARE = 0.8  # most teachers are women
SUBJECTS = (
    "Математика", "Русский язык и литература", "Начальные классы", "История и обществознание",
    "Английский язык", "Физика", "Химия", "Биология", "Информатика", "География",
    "Физическая культура", "Музыка", "Изобразительное искусство", "Технология",
)  # fmt: skip
CURATOR_POSITION = "Заместитель директора по УВР"
DEFAULT_MENTOR_YEARS = (12, 30)
DEFAULT_MENTEE_YEARS = (0, 3)


# --- what their work is about -------------------------------------------------------------------

DIFFICULTIES: dict[DifficultyCategory, tuple[str, ...]] = {
    DifficultyCategory.THEORETICAL: (
        "Плохо ориентируюсь в современных педагогических технологиях",
        "Не хватает знаний по возрастной психологии подростков",
    ),
    DifficultyCategory.REGULATORY: (
        "Не понимаю требований обновлённого ФГОС к рабочей программе",
        "Путаюсь в локальных актах школы и отчётности",
    ),
    DifficultyCategory.SUBJECT: (
        "Сложно объяснять решение задач повышенной сложности",
        "Нет уверенности в подготовке учеников к ОГЭ",
    ),
    DifficultyCategory.PSYCHOLOGICAL: (
        "Не получается удержать дисциплину на уроке в 7 «Б»",
        "Волнуюсь при разговоре с родителями учеников",
    ),
    DifficultyCategory.METHODOLOGICAL: (
        "Не укладываюсь во время урока",
        "Сложно подобрать задания разного уровня сложности",
    ),
    DifficultyCategory.DIGITAL: (
        "Не умею работать в электронном журнале",
        "Не знаю, как сделать интерактивное задание к уроку",
    ),
    DifficultyCategory.EXTRACURRICULAR: (
        "Не знаю, как организовать внеурочную деятельность класса",
        "Трудно подготовить интересный классный час",
    ),
    DifficultyCategory.HEALTH: (
        "Быстро устаю к концу недели, не хватает сил",
        "К концу учебного дня садится голос",
    ),
    DifficultyCategory.OTHER: ("Много бумажной работы, не успеваю проверять тетради",),
}
# (title, expected result) of a roadmap activity aimed at a difficulty of the category
ACTIVITIES: dict[DifficultyCategory, tuple[str, str]] = {
    DifficultyCategory.THEORETICAL: (
        "Изучить технологию формирующего оценивания",
        "Конспект и два приёма, опробованные на уроках",
    ),
    DifficultyCategory.REGULATORY: (
        "Разобрать с наставником требования ФГОС к рабочей программе",
        "Рабочая программа, согласованная с руководителем МО",
    ),
    DifficultyCategory.SUBJECT: (
        "Посетить уроки наставника по решению задач",
        "Разработка урока с разбором типичных ошибок",
    ),
    DifficultyCategory.PSYCHOLOGICAL: (
        "Отработать приёмы управления классом",
        "Правила класса и спокойные уроки в 7 «Б»",
    ),
    DifficultyCategory.METHODOLOGICAL: (
        "Составить технологическую карту урока",
        "Технологическая карта, проверенная наставником",
    ),
    DifficultyCategory.DIGITAL: (
        "Освоить электронный журнал и ФГИС «Моя школа»",
        "Журнал заполняется без ошибок, задания выдаются в «Моей школе»",
    ),
    DifficultyCategory.EXTRACURRICULAR: (
        "Подготовить и провести классный час",
        "Сценарий классного часа и отзыв наставника",
    ),
    DifficultyCategory.HEALTH: (
        "Составить план нагрузки на неделю",
        "План, в котором есть время на отдых",
    ),
    DifficultyCategory.OTHER: (
        "Наладить проверку тетрадей по графику",
        "График проверки, соблюдаемый две недели",
    ),
}
GENERAL_ACTIVITIES = (
    ("Посетить три урока наставника и обсудить их", "Анализ уроков с выводами для своей работы"),
    ("Провести урок в присутствии наставника", "Самоанализ урока и рекомендации наставника"),
    ("Выступить на заседании методического объединения", "Выступление и отзыв коллег"),
)
FINAL_ACTIVITY = (
    "Итоговая самодиагностика и рефлексия по программе",
    "Заполненная самодиагностика и итоговая беседа с наставником",
)
# (title, how we will know it is reached) of a goal aimed at a difficulty of the category
GOALS: dict[DifficultyCategory, tuple[str, str]] = {
    DifficultyCategory.THEORETICAL: (
        "Опробовать на уроках два приёма формирующего оценивания",
        "Приёмы применены, есть обратная связь учеников",
    ),
    DifficultyCategory.REGULATORY: (
        "Доработать рабочую программу по замечаниям",
        "Программа утверждена на методическом совете",
    ),
    DifficultyCategory.SUBJECT: (
        "Подготовить разбор задач второй части ОГЭ",
        "Пробный экзамен: средний балл класса выше прошлого",
    ),
    DifficultyCategory.PSYCHOLOGICAL: (
        "Ввести правила класса и систему поощрений в 7 «Б»",
        "Две недели уроков без срывов дисциплины",
    ),
    DifficultyCategory.METHODOLOGICAL: (
        "Разработать технологическую карту урока по новой теме",
        "Карта проверена наставником, урок проведён по ней",
    ),
    DifficultyCategory.DIGITAL: (
        "Создать три интерактивных задания в ФГИС «Моя школа»",
        "Задания выданы классу, результаты видны в журнале",
    ),
    DifficultyCategory.EXTRACURRICULAR: (
        "Провести родительское собрание",
        "Протокол собрания и отзыв наставника",
    ),
    DifficultyCategory.HEALTH: (
        "Соблюдать план нагрузки две недели",
        "Ни одного дня в школе позже 18:00",
    ),
    DifficultyCategory.OTHER: (
        "Проверять тетради по графику",
        "Тетради проверены в срок две недели подряд",
    ),
}
TOPICS: dict[DifficultyCategory, tuple[str, ...]] = {
    DifficultyCategory.THEORETICAL: ("Формирующее оценивание: приёмы для урока",),
    DifficultyCategory.REGULATORY: ("Рабочая программа по ФГОС", "Школьная отчётность"),
    DifficultyCategory.SUBJECT: ("Разбор задач ОГЭ", "Подготовка открытого урока"),
    DifficultyCategory.PSYCHOLOGICAL: ("Дисциплина в 7 «Б»", "Разговор с родителями"),
    DifficultyCategory.METHODOLOGICAL: ("Разбор посещённого урока", "Технологическая карта урока"),
    DifficultyCategory.DIGITAL: ("Электронный журнал", "Интерактивные задания в «Моей школе»"),
    DifficultyCategory.EXTRACURRICULAR: ("Классный час", "Внеурочная деятельность класса"),
    DifficultyCategory.HEALTH: ("Нагрузка и отдых",),
    DifficultyCategory.OTHER: ("Проверка тетрадей",),
}
SUMMARIES = (
    "Разобрали урок: что получилось, где потеряли время",
    "Обсудили замечания по рабочей программе и порядок её доработки",
    "Разобрали трудную ситуацию с классом и варианты действий",
    "Посмотрели примеры заданий и подобрали подходящие к теме",
    "Обсудили прогресс по целям и скорректировали план на месяц",
)
AGREEMENTS = (
    "Составить технологическую карту к следующему уроку",
    "Посетить урок наставника в четверг",
    "Попробовать новые правила класса и рассказать, что вышло",
    "Подготовить три задания разного уровня к следующей встрече",
    "Заполнить журнал за неделю и показать наставнику",
)
NOT_HELD_REASONS = ("Наставляемый заболел", "Совпало с педсоветом", "Замена уроков")
RATING_SCORES = (3, 4, 4, 5, 5, 5)
RATING_COMMENTS = (
    "Очень полезно, всё по делу",
    "Хотелось бы больше практики",
    "Спасибо, стало понятнее, что делать",
)
ACTIVITY_REFLECTIONS = (
    "На уроке получилось: класс работал спокойнее",
    "Полезно, но нужно больше времени на отработку",
    "Теперь понятно, с чего начинать подготовку",
)
OVERCOME_REFLECTIONS = (
    "Помогли разбор уроков с наставником и памятка",
    "После взаимопосещений стало понятно, как распределять время",
    "Отработали на практике, теперь справляюсь",
)
PROGRESS_NOTES = ("Половина сделана", "Начато, есть черновик", "Осталось показать наставнику")
# (question of a mentee, answer of the mentor)
HELP_TALKS = (
    (
        "Завтра открытый урок, а презентация не открывается на школьном компьютере. Что делать?",
        "Сохраните её в PDF и возьмите на флешке; зайду в 8:00, проверим вместе.",
    ),
    (
        "Родитель пишет поздно вечером и требует исправить оценку. Как ответить?",
        "Ответьте утром: предложите встречу в школе и приходите с журналом. Могу быть рядом.",
    ),
    (
        "Ученик 7 «Б» третий раз подряд срывает урок. Как быть?",
        "Поговорите с ним после урока один на один. Завтра обсудим план с классным руководителем.",
    ),
    (
        "Как оформить замену урока в электронном журнале?",
        "Вкладка «Замены»: выберите дату и класс. Пришлю снимок экрана.",
    ),
)
HELP_THANKS = "Спасибо! Попробую сегодня и напишу, как получилось."


@dataclass(frozen=True, slots=True)
class _Kind:
    """A kind of pair the school forms, and what its work is about."""

    kind: MentorshipKind
    form: MentorshipForm
    role_model: RoleModel
    mentees: int  # a group alternates between this and one fewer
    focus: tuple[DifficultyCategory, ...]  # what its mentees struggle with
    aim: str
    mentor_years: tuple[int, int]
    mentee_years: tuple[int, int]
    same_subject: bool
    meeting_format: MeetingFormat


# Pairs are formed from these in turn, so every school with five pairs has every kind.
KINDS = (
    _Kind(
        MentorshipKind.TRADITIONAL,
        MentorshipForm.TEACHER_TEACHER,
        RoleModel.EXPERIENCED_YOUNG,
        1,
        (DifficultyCategory.METHODOLOGICAL, DifficultyCategory.PSYCHOLOGICAL),
        "Адаптация молодого специалиста: уверенно планировать уроки и держать дисциплину",
        (15, 30),
        (0, 2),
        True,
        MeetingFormat.OFFLINE,
    ),
    _Kind(
        MentorshipKind.GROUP,
        MentorshipForm.TEACHER_TEACHER,
        RoleModel.LEADER_STRUGGLING,
        3,
        (DifficultyCategory.REGULATORY, DifficultyCategory.DIGITAL),
        "Освоить обновлённые ФГОС и электронный журнал: рабочие программы и отчётность",
        (12, 25),
        (1, 5),
        False,
        MeetingFormat.OFFLINE,
    ),
    _Kind(
        MentorshipKind.REVERSE,
        MentorshipForm.TEACHER_TEACHER,
        RoleModel.INNOVATOR_CONSERVATIVE,
        1,
        (DifficultyCategory.DIGITAL,),
        "Цифровые инструменты урока: интерактивные задания, облачные документы, «Моя школа»",
        (3, 7),
        (20, 35),
        False,
        MeetingFormat.OFFLINE,
    ),
    _Kind(
        MentorshipKind.SHORT_TERM,
        MentorshipForm.TEACHER_TEACHER,
        RoleModel.SUBJECT_EXPERT_NOVICE,
        1,
        (DifficultyCategory.SUBJECT, DifficultyCategory.METHODOLOGICAL),
        "Подготовить и провести открытый урок для методического объединения",
        (10, 25),
        (2, 6),
        True,
        MeetingFormat.OFFLINE,
    ),
    _Kind(
        MentorshipKind.VIRTUAL,
        MentorshipForm.TEACHER_TEACHER,
        RoleModel.PEER,
        1,
        (DifficultyCategory.EXTRACURRICULAR, DifficultyCategory.PSYCHOLOGICAL),
        "Классное руководство: родительские собрания и внеурочная деятельность",
        (8, 20),
        (0, 3),
        False,
        MeetingFormat.ONLINE,
    ),
)


# --- the public interface ---------------------------------------------------------------------


@dataclass(frozen=True)
class DemoPerson:
    telegram_id: int
    full_name: str
    role: Role  # the person's main role
    organization_id: int
    description: str  # one short line for a person picker


@dataclass
class Dataset:
    """Rows by model class (and the two association tables, whose rows have no "id"), in an
    order that inserts every row after those it refers to; and the generated people."""

    rows: dict[Any, list[dict[str, Any]]]
    people: list[DemoPerson]

    def count(self) -> int:
        return sum(len(values) for values in self.rows.values())


def generate(
    today: date,
    *,
    organizations: int = 1,
    teachers: int = 12,
    months: int = 1,
    seed: int = 7,
    timezone: str = "Europe/Moscow",
    now: datetime | None = None,
) -> Dataset:
    """`organizations` schools of `teachers` people in mentorship each (a curator, 30 % mentors,
    the rest mentees), and a quarter as many again on the staff with no role in it, with
    `months` (1–12) of history before `today`, a local day of `timezone`.

    `now` is the moment the data is looked at: the newest help request was asked an hour before
    it. By default it is 08:00 of `today`, so that the rows depend on the arguments alone; pass
    the current time when loading a database to use at once."""
    if organizations < 1 or teachers < 3:
        raise ValueError("at least one organisation of three people: a curator, a mentor, a mentee")
    if not 1 <= months <= LONGEST:
        raise ValueError(f"months of history: 1 to {LONGEST}, as long as a pair lasts")
    zone = ZoneInfo(timezone)
    start = add_months(today, -months)
    clock = _Clock(
        zone=zone,
        today=today,
        now=now or datetime.combine(today, time(8, 0), tzinfo=zone).astimezone(UTC),
        history_start=start,
        founded=start - timedelta(days=75),
        months=months,
    )
    generator = _Generator(random.Random(seed), clock, timezone)
    # Millions of new dicts would set off the cycle collector again and again over a growing
    # heap, for nothing: rows hold no cycles.
    collecting = gc.isenabled()
    gc.disable()
    try:
        places = generator.territories(-(-organizations // SCHOOLS_PER_MUNICIPALITY))
        for number in range(1, organizations + 1):
            generator.organization(number, teachers, places[(number - 1) % len(places)])
    finally:
        if collecting:
            gc.enable()
    return Dataset(rows=generator.rows, people=generator.people)


async def load(engine: AsyncEngine, dataset: Dataset) -> int:
    """Insert the dataset into an empty database in bulk; move PostgreSQL's id sequences past
    the given ids and refresh the planner's statistics. Returns the number of rows inserted."""
    order = {table: index for index, table in enumerate(Base.metadata.sorted_tables)}
    keys = sorted(dataset.rows, key=lambda key: order[_table(key)])
    async with engine.begin() as connection:
        for key in keys:
            values = dataset.rows[key]
            for start in range(0, len(values), CHUNK):
                await connection.execute(insert(key), values[start : start + CHUNK])
        if engine.dialect.name == "postgresql":
            for key in keys:
                name = _table(key).name  # table names of our own models, not input
                if "id" in _table(key).c and dataset.rows[key]:
                    sequence = f"pg_get_serial_sequence('{name}', 'id')"
                    await connection.execute(
                        text(f"SELECT setval({sequence}, (SELECT max(id) FROM {name}))")  # noqa: S608
                    )
        await connection.execute(text("ANALYZE"))
    return dataset.count()


def _table(key: Any) -> Table:
    return key if isinstance(key, Table) else key.__table__


# --- dates and names ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Clock:
    """The days and moments everything generated is placed at."""

    zone: ZoneInfo
    today: date
    now: datetime
    history_start: date  # the first day of the months of history
    founded: date  # the organisation joined the bot: people registered in the days after
    months: int

    def at(self, day: date, moment: time) -> datetime:
        """A local time of a day, as the aware UTC instant the models store."""
        return datetime.combine(day, moment, tzinfo=self.zone).astimezone(UTC)

    def later(self, moment: datetime, *, hours: float) -> datetime:
        """A moment some hours after another, but never after now."""
        return min(moment + timedelta(hours=hours), self.now)


def _weekday(day: date) -> date:
    """The day itself, or the Monday after it when it falls on a weekend."""
    return day + timedelta(days=7 - day.weekday()) if day.weekday() >= 5 else day


@dataclass(frozen=True, slots=True)
class _Name:
    surname: str  # the masculine form
    first: str
    patronymic_stem: str
    female: bool

    @property
    def full(self) -> str:
        """«Смирнова Ирина Петровна»."""
        return f"{self.nominative} {self.first} {self._patronymic}"

    @property
    def nominative(self) -> str:
        return self.surname + "а" if self.female else self.surname

    @property
    def _patronymic(self) -> str:
        return self.patronymic_stem + ("на" if self.female else "ич")

    @property
    def _initials(self) -> str:
        return f"{self.first[0]}. {self._patronymic[0]}."

    def short(self, case: str = "nominative") -> str:
        """«Смирнова И. П.» in the nominative, genitive («Смирновой») or instrumental case
        («Смирновым»): the surnames are all of the -ов/-ин kind, declined alike."""
        endings = {
            "nominative": ("а", ""),
            "genitive": ("ой", "а"),
            "instrumental": ("ой", "ым"),
        }[case]
        return f"{self.surname}{endings[0] if self.female else endings[1]} {self._initials}"

    def with_(self) -> str:
        """«с Ивановой А. С.», «со Смирновой И. П.»: «со» before two consonants."""
        surname = self.surname
        double = surname[0] in "СЗШЖ" and surname[1] not in "аеёиоуыэюя"
        return f"{'со' if double or surname[0] == 'Щ' else 'с'} {self.short('instrumental')}"


_PLAIN_KINDS = frozenset({MentorshipKind.TRADITIONAL, MentorshipKind.GROUP})
PROGRAMME_PERIODS = PERIOD_CHOICES[MentorshipKind.TRADITIONAL]
LONGEST = max(PROGRAMME_PERIODS)


def _position(subject: str) -> str:
    return "Учитель начальных классов" if subject == "Начальные классы" else "Учитель"


def _capitalised_lower(text: str) -> str:
    """«заместитель директора по УВР»: only the first letter lowered, abbreviations kept."""
    return text[:1].lower() + text[1:]


def _kind_label(kind: MentorshipKind) -> str:
    """«реверсивная» from «Реверсивная», «краткосрочная» from «Краткосрочная (целеполагающая)»."""
    return KIND_NAMES[kind].split(" (")[0].lower()


_T = TypeVar("_T")


# --- the generator ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Member:
    """A generated person, as the later steps of one school need them."""

    id: int
    row: dict[str, Any]
    name: _Name
    role: Role
    links: list[str] = field(default_factory=list)  # their pairs, as the description says
    struggles: list[DifficultyCategory] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Difficulty:
    id: int
    mentee_id: int
    category: DifficultyCategory
    overcome: datetime | None


@dataclass(frozen=True, slots=True)
class _Activity:
    id: int
    due_on: date


@dataclass(slots=True)
class _Pair:
    """A pair or group being generated, with what its later rows refer to."""

    id: int
    index: int  # within the school, from 0
    kind: _Kind
    mentor: _Member
    mentees: list[_Member]
    starts_on: date
    ends_on: date
    created: datetime
    programme_id: int = 0
    difficulties: list[_Difficulty] = field(default_factory=list)
    activities: list[_Activity] = field(default_factory=list)


class _Generator:
    """Appends the rows of one school after another, with ids counted per table."""

    def __init__(self, rng: random.Random, clock: _Clock, timezone: str) -> None:
        self.random = rng.random
        self.clock = clock
        self.timezone = timezone
        self.rows: dict[Any, list[dict[str, Any]]] = {table: [] for table in TABLES}
        self.ids = dict.fromkeys(TABLES, 0)
        self.people: list[DemoPerson] = []

    # Drawing by hand from `random()`: several times faster than `choice` and `randint`, which
    # matters for the millions of draws of a benchmark region.
    def pick(self, values: Sequence[_T]) -> _T:
        return values[int(self.random() * len(values))]

    def between(self, low: int, high: int) -> int:
        """An integer from `low` to `high`, both included."""
        return low + int(self.random() * (high - low + 1))

    def chance(self, probability: float) -> bool:
        return self.random() < probability

    def add(self, table: Any, **values: Any) -> int:
        """One row; each table is added to in one place only, so all its rows have the same
        keys, as a bulk insert needs."""
        row_id = values["id"] = self.ids[table] = self.ids[table] + 1
        self.rows[table].append(values)  # the keyword arguments are a new dict already
        return row_id

    def link(self, table: Table, **values: int) -> None:
        self.rows[table].append(values)

    def moment(self, day: date, earliest: datetime | None = None) -> datetime:
        """A time after lessons on a day, no earlier than `earliest`."""
        chosen = self.clock.at(day, self.pick(MEETING_TIMES))
        return max(chosen, earliest) if earliest is not None else chosen

    def evening(self, first: date, last: date, earliest: datetime) -> datetime:
        """An evening (17:00–21:59 local) of a day from `first` to `last`, when people note
        what they did, no earlier than `earliest`."""
        first = min(first, last)
        day = first + timedelta(days=self.between(0, (last - first).days))
        chosen = self.clock.at(day, time(self.between(17, 21), self.between(0, 59)))
        return max(chosen, earliest + timedelta(minutes=10))

    # --- one school ---------------------------------------------------------------------------

    def territories(self, municipalities: int) -> list[int]:
        """The region and its municipalities; the municipalities' ids."""
        created_at = self.clock.at(self.clock.founded, time(9, 0))
        region = self.add(
            Territory, kind=TerritoryKind.REGION, name=REGION, parent_id=None, created_at=created_at
        )
        return [
            self.add(
                Territory,
                kind=TerritoryKind.MUNICIPALITY,
                name=f"Муниципальный округ №{number}",
                parent_id=region,
                created_at=created_at,
            )
            for number in range(1, municipalities + 1)
        ]

    def organization(self, number: int, teachers: int, territory_id: int) -> None:
        clock = self.clock
        organization_id = self.add(
            Organization,
            name=f"МБОУ «Школа №{number}»",
            timezone=self.timezone,
            region=REGION,
            territory_id=territory_id,
            help_escalation_hours=4,
            no_meeting_nudge_days=14,
            quiet_hours_start=21,
            quiet_hours_end=8,
            created_by_telegram_id=None,
            created_at=clock.at(clock.founded, time(9, 0)),
        )
        mentor_count = max(1, round((teachers - 1) * MENTOR_SHARE))
        roles = [Role.CURATOR] + [Role.MENTOR] * mentor_count
        roles += [Role.MENTEE] * (teachers - len(roles))
        members = self.people_of(organization_id, roles)
        taken = {member.name.full for member in members}
        self.staff_without_role(organization_id, round(teachers * NO_ROLE_SHARE), taken)
        curator = members[0]
        mentors = [m for m in members if m.role is Role.MENTOR]
        mentees = [m for m in members if m.role is Role.MENTEE]
        pairs = self.pairs(organization_id, curator, mentors, mentees)
        for pair in pairs:
            self.difficulties(organization_id, pair)
            self.programme(pair)
            self.self_assessments(pair)
            self.meetings(pair)
            self.goals(pair)
        paired = {mentee.id for pair in pairs for mentee in pair.mentees}
        for mentee in mentees:
            if mentee.id not in paired:
                self.waiting_difficulty(organization_id, mentee)
        self.mentee_types(mentees)
        self.mentor_profiles(pairs)
        self.help_requests(organization_id, pairs, teachers)
        self.people.extend(self.describe(organization_id, member) for member in members)

    def people_of(self, organization_id: int, roles: list[Role]) -> list[_Member]:
        """Everyone of a school, registered in the days after it joined: the curator first."""
        names: set[str] = set()
        surnames: set[str] = set()
        members = []
        for index, role in enumerate(roles):
            name = self.name(names, surnames)
            day = self.clock.founded + timedelta(days=1 if index == 0 else self.between(2, 20))
            created = self.clock.at(day, time(self.between(9, 19), self.between(0, 59)))
            subject = self.pick(SUBJECTS)
            if role is Role.CURATOR:
                position, years = CURATOR_POSITION, self.between(20, 35)
            else:
                span = DEFAULT_MENTOR_YEARS if role is Role.MENTOR else DEFAULT_MENTEE_YEARS
                position, years = _position(subject), self.between(*span)
            person_id = self.add(
                Person,
                organization_id=organization_id,
                telegram_id=TELEGRAM_ID_BASE + self.ids[Person] + 1,  # the id it is getting
                full_name=name.full,
                search_name=name.full.casefold(),  # as Person's validator keeps it
                position=position,
                subject=subject,
                experience_years=years,
                share_contact=False,
                consent_at=created,  # registered: agreed to the processing of personal data
                is_active=True,
                mentor_willing=None,
                mentor_willing_on=None,
                created_at=created,
            )
            self.add(PersonRole, person_id=person_id, role=role, created_at=created)
            members.append(_Member(person_id, self.rows[Person][-1], name, role))
        return members

    def staff_without_role(self, organization_id: int, count: int, names: set[str]) -> None:
        """The rest of the staff, from the school's list: in the base (and the share of
        teachers involved), in no pair, never in the bot; named unlike anyone else there."""
        for _ in range(count):
            name = self.name(names, set(SURNAMES))  # any surname: only full names must differ
            subject = self.pick(SUBJECTS)
            self.add(
                Person,
                organization_id=organization_id,
                telegram_id=None,
                full_name=name.full,
                search_name=name.full.casefold(),
                position=_position(subject),
                subject=subject,
                experience_years=self.between(*DEFAULT_MENTOR_YEARS),
                share_contact=False,
                consent_at=None,
                is_active=True,
                mentor_willing=None,
                mentor_willing_on=None,
                created_at=self.clock.at(self.clock.founded, time(9, 30)),
            )

    def mentee_types(self, mentees: list[_Member]) -> None:
        """Up to three years' experience: a young specialist; one in three new to the school."""
        for number, mentee in enumerate(mentees):
            if mentee.row["experience_years"] <= 3:
                self.link_type(mentee, MenteeType.YOUNG_SPECIALIST)
            if number % NEW_TO_SCHOOL_EVERY == 0:
                self.link_type(mentee, MenteeType.NEW_TO_SCHOOL)

    def link_type(self, mentee: _Member, kind: MenteeType) -> None:
        self.rows[PersonMenteeType].append({"person_id": mentee.id, "type": kind})

    def mentor_profiles(self, pairs: list[_Pair]) -> None:
        """A mentor helps with what their pairs work on, and agreed to mentor this year."""
        areas: dict[int, set[DifficultyCategory]] = {}
        for pair in pairs:
            areas.setdefault(pair.mentor.id, set()).update(pair.kind.focus)
            pair.mentor.row["mentor_willing"] = True
            pair.mentor.row["mentor_willing_on"] = self.clock.today
        for person_id, categories in areas.items():
            for category in sorted(categories):
                self.rows[MentorArea].append({"person_id": person_id, "category": category})

    def name(self, names: set[str], surnames: set[str]) -> _Name:
        """A name nobody in the school has yet; while the surnames last (in the demo school
        and any small one), a surname nobody has either, so that short names never clash."""
        while True:
            female = self.chance(FEMALE_SHARE)
            name = _Name(
                surname=self.pick(SURNAMES),
                first=self.pick(FEMALE_NAMES if female else MALE_NAMES),
                patronymic_stem=self.pick(PATRONYMIC_STEMS),
                female=female,
            )
            surnames_last = len(surnames) < len(SURNAMES) // 2
            if name.full in names or (surnames_last and name.nominative in surnames):
                continue
            names.add(name.full)
            surnames.add(name.nominative)
            return name

    def describe(self, organization_id: int, member: _Member) -> DemoPerson:
        """«наставник · математика · пара с Ивановой А. С.»."""
        if member.role is Role.CURATOR:
            parts = [ROLE_NAMES[member.role], _capitalised_lower(CURATOR_POSITION)]
        else:
            waiting = "пока без наставляемых" if member.role is Role.MENTOR else "без пары"
            parts = [
                ROLE_NAMES[member.role],
                _capitalised_lower(member.row["subject"]),
                "; ".join(member.links) or waiting,
            ]
        return DemoPerson(
            telegram_id=member.row["telegram_id"],
            full_name=member.name.full,
            role=member.role,
            organization_id=organization_id,
            description=" · ".join(parts),
        )

    # --- pairs and groups ---------------------------------------------------------------------

    def pairs(
        self,
        organization_id: int,
        curator: _Member,
        mentors: list[_Member],
        mentees: list[_Member],
    ) -> list[_Pair]:
        """Pairs of the kinds in turn, the mentors in turn, as many as there are mentors (at
        least one of each kind) while mentees remain beyond the few still waiting."""
        available = mentees[: len(mentees) - len(mentees) // UNPAIRED_EVERY]
        pairs: list[_Pair] = []
        while len(pairs) < max(len(mentors), len(KINDS)):
            index = len(pairs)
            kind = KINDS[index % len(KINDS)]
            size = kind.mentees - (index // len(KINDS)) % 2 if kind.mentees > 1 else 1
            if len(available) < size:
                break
            group, available = available[:size], available[size:]
            pairs.append(self.pair(organization_id, curator, mentors, index, kind, group))
        return pairs

    def pair(
        self,
        organization_id: int,
        curator: _Member,
        mentors: list[_Member],
        index: int,
        kind: _Kind,
        mentees: list[_Member],
    ) -> _Pair:
        mentor = mentors[index % len(mentors)]
        if not mentor.links:  # their first pair says what kind of teacher they are
            mentor.row["experience_years"] = self.between(*kind.mentor_years)
        for mentee in mentees:
            mentee.row["experience_years"] = self.between(*kind.mentee_years)
            if kind.same_subject:
                mentee.row["subject"] = mentor.row["subject"]
                mentee.row["position"] = mentor.row["position"]
        starts_on, ends_on = self.period(kind.kind)
        created = self.clock.at(starts_on, time(10, 0))
        pair_id = self.add(
            Pair,
            organization_id=organization_id,
            mentor_id=mentor.id,
            kind=kind.kind,
            form=kind.form,
            role_model=kind.role_model,
            status=PairStatus.ACTIVE,
            starts_on=starts_on,
            ends_on=ends_on,
            stalled_flagged_at=None,
            created_by_id=curator.id,
            created_at=created,
        )
        for mentee in mentees:
            self.add(PairMember, pair_id=pair_id, mentee_id=mentee.id, created_at=created)
        # proposed by the curator the day before, accepted by everyone
        proposed = created - timedelta(days=1)
        for person in (mentor, *mentees):
            self.add(
                PairAnswer,
                pair_id=pair_id,
                person_id=person.id,
                accepted=True,
                reason=None,
                answered_at=proposed + timedelta(hours=self.between(1, 20)),
            )
        self.add(PairMentor, pair_id=pair_id, mentor_id=mentor.id, since=created, until=None)
        label = "" if kind.kind in _PLAIN_KINDS else f" ({_kind_label(kind.kind)})"
        if kind.kind is MentorshipKind.GROUP:
            mentor.links.append(f"группа из {len(mentees)} наставляемых")
            for mentee in mentees:
                mentee.links.append(f"группа {mentor.name.short('genitive')}")
        else:
            mentor.links.append(f"пара {mentees[0].name.with_()}{label}")
            mentees[0].links.append(f"пара {mentor.name.with_()}{label}")
        return _Pair(pair_id, index, kind, mentor, mentees, starts_on, ends_on, created)

    def period(self, kind: MentorshipKind) -> tuple[date, date]:
        """When a pair runs: from a few weeks before the months of history (or, for a year of
        history, from its first fortnight) for 3–12 months, always past today; a short-term
        pair for its three months, begun in the last weeks."""
        if not has_programme(kind):
            starts_on = self.clock.today - timedelta(days=self.between(28, 56))
            return starts_on, add_months(starts_on, max(PERIOD_CHOICES[kind]))
        start = self.clock.history_start
        longer = [m for m in PROGRAMME_PERIODS if m >= self.clock.months + 2]
        if longer:
            starts_on = start - timedelta(days=self.between(0, 27))
            return starts_on, add_months(starts_on, self.pick(longer))
        starts_on = start + timedelta(days=self.between(1, 14))
        return starts_on, add_months(starts_on, LONGEST)

    # --- difficulties, programme, self-diagnosis ----------------------------------------------

    def difficulties(self, organization_id: int, pair: _Pair) -> None:
        """What each mentee struggles with, noted in the days before the pair began: the
        kind's focus and now and then one more; a third of them overcome since, a third taken
        into work."""
        for mentee in pair.mentees:
            categories = list(pair.kind.focus)
            if self.chance(0.3):
                extra = self.pick(list(DifficultyCategory))
                categories += [extra] if extra not in categories else []
            mentee.struggles = categories
            for category in categories:
                day = pair.starts_on - timedelta(days=self.between(2, 10))
                created = self.clock.at(day, time(self.between(17, 21), 0))
                pair.difficulties.append(
                    self.difficulty(organization_id, mentee, category, created, in_pair=True)
                )

    def waiting_difficulty(self, organization_id: int, mentee: _Member) -> None:
        """A mentee without a pair notes one difficulty while waiting."""
        category = self.pick(list(DifficultyCategory))
        day = self.clock.history_start + timedelta(days=self.between(0, 19))
        created = self.clock.at(day, time(self.between(17, 21), 0))
        self.difficulty(organization_id, mentee, category, created, in_pair=False)

    def difficulty(
        self,
        organization_id: int,
        mentee: _Member,
        category: DifficultyCategory,
        created: datetime,
        *,
        in_pair: bool,
    ) -> _Difficulty:
        """A difficulty of a mentee in a pair is in turn overcome (with a reflection), taken
        into work, or open; a waiting mentee's is open."""
        turn = self.ids[Difficulty] % 3 if in_pair else 2
        status = (DifficultyStatus.OVERCOME, DifficultyStatus.IN_WORK, DifficultyStatus.OPEN)[turn]
        overcome = None
        updated = None
        if status is DifficultyStatus.OVERCOME:
            yesterday = self.clock.today - timedelta(days=1)
            overcome = self.evening(created.date() + timedelta(days=14), yesterday, created)
            updated = overcome
        elif status is DifficultyStatus.IN_WORK:
            updated = created + timedelta(days=self.between(3, 12))
        difficulty_id = self.add(
            Difficulty,
            organization_id=organization_id,
            mentee_id=mentee.id,
            category=category,
            description=self.pick(DIFFICULTIES[category]),
            urgency=self.pick(list(Urgency)),
            status=status,
            reflection=self.pick(OVERCOME_REFLECTIONS) if overcome else None,
            updated_at=updated,
            overcome_at=overcome,
            created_at=created,
        )
        return _Difficulty(difficulty_id, mentee.id, category, overcome)

    def programme(self, pair: _Pair) -> None:
        """The mentor's programme for the pair, written in its first days, and its roadmap
        across the whole period: past steps done (in the school's first programme, and every
        sixth after it, the latest one is overdue instead), the rest planned."""
        if not has_programme(pair.kind.kind):  # a short-term pair works on goals alone
            return
        created = pair.created + timedelta(days=1)
        pair.programme_id = self.add(
            Programme,
            pair_id=pair.id,
            aim=pair.kind.aim,
            stage=ProgrammeStage.WORK,
            status=ProgrammeStatus.ACTIVE,
            starts_on=pair.starts_on,
            ends_on=pair.ends_on,
            approved_at=created + timedelta(days=2),
            created_at=created,
        )
        months = (pair.ends_on.year - pair.starts_on.year) * 12
        months += pair.ends_on.month - pair.starts_on.month
        count = min(8, max(3, months // 2 + 2))
        first = pair.starts_on + timedelta(days=14)
        span = (pair.ends_on - timedelta(days=7) - first).days
        dues = [first + timedelta(days=span * step // (count - 1)) for step in range(count)]
        past = [due for due in dues if due < self.clock.today]
        overdue = past[-1] if past and pair.index % 6 == 0 else None
        for step, due_on in enumerate(dues):
            aimed = None  # every other step is aimed at one of the mentees' difficulties
            if step == count - 1:
                title, expected = FINAL_ACTIVITY
            elif step % 2 == 0:
                aimed = pair.difficulties[step // 2 % len(pair.difficulties)]
                title, expected = ACTIVITIES[aimed.category]
            else:
                title, expected = GENERAL_ACTIVITIES[step // 2 % len(GENERAL_ACTIVITIES)]
            self.activity(pair, title, expected, due_on, aimed, created, due_on != overdue)

    def activity(
        self,
        pair: _Pair,
        title: str,
        expected: str,
        due_on: date,
        aimed: _Difficulty | None,
        created: datetime,
        may_be_done: bool,
    ) -> None:
        """One roadmap step; a mentee reflects on half the done steps aimed at a difficulty."""
        done = None
        if due_on < self.clock.today and may_be_done:  # in the last days before it was due
            day = max(pair.starts_on + timedelta(days=1), due_on - timedelta(self.between(0, 3)))
            done = self.clock.at(day, time(17, 0))
        activity_id = self.add(
            ProgrammeActivity,
            programme_id=pair.programme_id,
            title=title,
            difficulty_id=aimed.id if aimed else None,
            due_on=due_on,
            expected_result=expected,
            status=ActivityStatus.DONE if done else ActivityStatus.PLANNED,
            result=expected if done else None,
            done_at=done,
            created_at=created,
        )
        pair.activities.append(_Activity(activity_id, due_on))
        if done and aimed and self.chance(0.5):
            self.add(
                Feedback,
                person_id=pair.mentees[0].id,
                pair_id=pair.id,
                programme_id=pair.programme_id,
                activity_id=activity_id,
                kind=FeedbackKind.ACTIVITY_REFLECTION,
                score=None,
                text=self.pick(ACTIVITY_REFLECTIONS),
                created_at=self.clock.later(done, hours=self.between(1, 4)),
            )

    def self_assessments(self, pair: _Pair) -> None:
        """Each mentee's self-diagnosis on every category in the programme's first days (low
        where they struggle), and again at its end for two in three when the end is near."""
        ending = (pair.ends_on - self.clock.today).days <= END_DIAGNOSIS_DAYS
        for position, mentee in enumerate(pair.mentees):
            experienced = mentee.row["experience_years"] >= 10
            at_start = pair.created + timedelta(days=self.between(2, 5))
            at_end = self.clock.now - timedelta(days=self.between(1, 5), hours=2)
            for category in DifficultyCategory:
                struggle = category in mentee.struggles
                score = self.between(1, 2) if struggle else self.between(3, 4 + experienced)
                self.self_assessment(mentee, pair, AssessmentStage.START, category, score, at_start)
                if ending and position % 3 != 2:
                    better = min(5, score + self.between(0, 1) + struggle)
                    self.self_assessment(
                        mentee, pair, AssessmentStage.END, category, better, at_end
                    )

    def self_assessment(
        self,
        mentee: _Member,
        pair: _Pair,
        stage: AssessmentStage,
        category: DifficultyCategory,
        score: int,
        created: datetime,
    ) -> None:
        self.add(
            SelfAssessment,
            person_id=mentee.id,
            programme_id=pair.programme_id or None,
            stage=stage,
            category=category,
            score=score,
            created_at=created,
        )

    # --- meetings -----------------------------------------------------------------------------

    def meetings(self, pair: _Pair) -> None:
        """About every other week from the pair's start in the months of history, on school
        days after lessons (the school's first pair called its first one off); every third
        pair has its next meeting planned in the coming days."""
        clock = self.clock
        first = max(pair.starts_on, clock.history_start)
        day = _weekday(first + timedelta(days=self.between(1, 5)))
        number = 0
        while day < clock.today:
            starts_at = self.moment(day)
            roll = self.random()
            if (pair.index == 0 and number == 0) or roll < 0.08:
                status = MeetingStatus.CANCELLED
            elif roll < 0.12:
                status = MeetingStatus.NOT_HELD
            else:
                status = MeetingStatus.HELD
            self.past_meeting(pair, starts_at, status)
            day = _weekday(day + timedelta(days=self.between(*MEETING_STEP_DAYS)))
            number += 1
        if pair.index == 0:
            self.unlogged_meeting(pair)
        if pair.index % 3 == 0:
            day = _weekday(clock.today + timedelta(days=1 + pair.index // 3 % 2))
            starts_at = clock.at(day, time(15 + pair.index % 2, 0))
            created = clock.now - timedelta(days=self.between(1, 3))
            attendance = Attendance.PENDING if pair.index % 2 == 0 else Attendance.CONFIRMED
            meeting_id = self.meeting(
                pair, starts_at, MeetingStatus.SCHEDULED, created, duration=None, logged=None
            )
            for mentee in pair.mentees:
                self.participant(meeting_id, mentee, attendance, rating=None, rated=None)

    def unlogged_meeting(self, pair: _Pair) -> None:
        """The pair met at 17:00 on the last day that was over by an hour before now, and the
        mentor has not logged it yet: the bot asks them at once, at whatever hour the data is
        looked at (so the sandbox shows a reminder by day and by night)."""
        clock = self.clock
        local_now = clock.now.astimezone(clock.zone)
        day = local_now.date() - timedelta(days=0 if local_now.time() >= time(19, 0) else 1)
        starts_at = clock.at(day, time(17, 0))
        meeting_id = self.meeting(
            pair,
            starts_at,
            MeetingStatus.SCHEDULED,
            max(starts_at - timedelta(days=3), pair.created),
            duration=None,
            logged=None,
        )
        for mentee in pair.mentees:
            self.participant(meeting_id, mentee, Attendance.CONFIRMED, rating=None, rated=None)

    def past_meeting(self, pair: _Pair, starts_at: datetime, status: MeetingStatus) -> None:
        """A meeting before today: planned ahead in the bot or recorded afterwards; the report
        logged within hours; rated by most mentees within a day, unless it is too recent."""
        duration = self.pick(DURATIONS) if status is MeetingStatus.HELD else None
        logged = None
        if status is not MeetingStatus.CANCELLED:
            logged = starts_at + timedelta(minutes=(duration or 0) + self.between(30, 150))
        ahead = self.chance(0.75)  # planned in the bot, or recorded afterwards
        created = starts_at - timedelta(days=self.between(2, 6)) if ahead else logged
        created = max(created or starts_at, pair.created)
        meeting_id = self.meeting(pair, starts_at, status, created, duration, logged)
        rateable = logged is not None and logged < self.clock.now - timedelta(days=2)
        attendance = (
            Attendance.DECLINED if status is MeetingStatus.NOT_HELD else Attendance.CONFIRMED
        )
        for mentee in pair.mentees:
            rating = rated = None
            if status is MeetingStatus.HELD and rateable and self.chance(0.6):
                assert logged is not None
                rating = self.pick(RATING_SCORES)
                day = starts_at.astimezone(self.clock.zone).date()
                rated = self.evening(day, day + timedelta(days=1), logged)
            self.participant(meeting_id, mentee, attendance, rating=rating, rated=rated)
        if status is MeetingStatus.HELD:
            self.touched(pair, meeting_id, starts_at)

    def meeting(
        self,
        pair: _Pair,
        starts_at: datetime,
        status: MeetingStatus,
        created: datetime,
        duration: int | None,
        logged: datetime | None,
    ) -> int:
        held = status is MeetingStatus.HELD
        meeting_format = pair.kind.meeting_format
        if meeting_format is MeetingFormat.OFFLINE and self.chance(0.1):
            meeting_format = MeetingFormat.CHAT
        link = None
        if meeting_format is MeetingFormat.ONLINE:
            link = f"https://telemost.yandex.ru/j/{self.between(10**13, 10**14 - 1)}"
        category = self.pick(pair.kind.focus)
        summary = None
        if held:
            summary = self.pick(SUMMARIES)
        elif status is MeetingStatus.NOT_HELD:
            summary = self.pick(NOT_HELD_REASONS)
        return self.add(
            Meeting,
            pair_id=pair.id,
            starts_at=starts_at,
            duration_minutes=duration,
            format=meeting_format,
            link=link,
            topic=self.pick(TOPICS[category]),
            status=status,
            summary=summary,
            agreements=self.pick(AGREEMENTS) if held else None,
            logged_at=logged,
            created_by_id=pair.mentor.id,
            mentor_id=pair.mentor.id,
            created_at=created,
        )

    def participant(
        self,
        meeting_id: int,
        mentee: _Member,
        attendance: Attendance,
        *,
        rating: int | None,
        rated: datetime | None,
    ) -> None:
        comment = None
        if rating is not None and self.chance(0.3):
            comment = self.pick(RATING_COMMENTS)
        self.add(
            MeetingParticipant,
            meeting_id=meeting_id,
            person_id=mentee.id,
            attendance=attendance,
            rating=rating,
            rating_comment=comment,
            rated_at=rated,
        )

    def touched(self, pair: _Pair, meeting_id: int, starts_at: datetime) -> None:
        """A held meeting touched, more often than not, a difficulty still open then, and the
        roadmap step falling due within the next fortnight."""
        current = [d for d in pair.difficulties if d.overcome is None or d.overcome > starts_at]
        if current and self.chance(0.6):
            difficulty = self.pick(current)
            self.link(meeting_difficulties, meeting_id=meeting_id, difficulty_id=difficulty.id)
        day = starts_at.astimezone(self.clock.zone).date()
        dues = [activity.due_on for activity in pair.activities]
        position = bisect_left(dues, day)
        if position < len(dues) and (dues[position] - day).days <= 14:
            activity_id = pair.activities[position].id
            self.link(meeting_activities, meeting_id=meeting_id, activity_id=activity_id)

    # --- goals ----------------------------------------------------------------------------------

    def goals(self, pair: _Pair) -> None:
        """Goals for the mentees in turn, falling due evenly from a fortnight into the pair to
        three weeks ahead: past ones reached (or, one in three, still open and overdue), coming
        ones open with some progress (or, one in four, marked reached by the mentee)."""
        clock = self.clock
        count = 2 + clock.months // 4 + len(pair.mentees) - 1
        first = max(pair.starts_on, clock.history_start)
        first += timedelta(days=self.between(12, 18))
        last = min(clock.today + timedelta(days=self.between(14, 28)), pair.ends_on)
        span = max(0, (last - first).days)
        for number in range(count):
            due_on = first + timedelta(days=span * number // (count - 1))
            mentee = pair.mentees[number % len(pair.mentees)]
            turn = pair.index + number
            if due_on < clock.today:
                status = GoalStatus.OPEN if turn % 3 == 1 else GoalStatus.REACHED
            else:
                due_on = max(due_on, clock.today + timedelta(days=1))
                status = GoalStatus.SUBMITTED if turn % 4 == 3 else GoalStatus.OPEN
            mine = [d for d in pair.difficulties if d.mentee_id == mentee.id]
            self.goal(pair, mentee, mine[number // len(pair.mentees) % len(mine)], due_on, status)

    def goal(
        self,
        pair: _Pair,
        mentee: _Member,
        difficulty: _Difficulty,
        due_on: date,
        status: GoalStatus,
    ) -> None:
        """A goal aimed at one of the mentee's difficulties, set up to a month before its day;
        a reached one was confirmed by the mentor in its last week."""
        clock = self.clock
        title, criteria = GOALS[difficulty.category]
        earliest = pair.created + timedelta(days=1)
        created = max(earliest, clock.at(due_on, time(16, 0)) - timedelta(days=30))
        created = min(created, clock.now - timedelta(hours=self.between(2, 72)))
        reached = None
        if status is GoalStatus.REACHED:
            reached = self.evening(due_on - timedelta(days=7), due_on, created)
            progress = 100
        elif status is GoalStatus.SUBMITTED:
            progress = 100
        else:
            progress = self.pick((0, 20, 40, 60, 80))
        activity = next((a for a in pair.activities if a.due_on >= due_on), None)
        by_mentee = pair.index % 2 == 1 and progress > 0
        goal_id = self.add(
            Goal,
            pair_id=pair.id,
            mentee_id=mentee.id,
            title=title,
            success_criteria=criteria,
            due_on=due_on,
            difficulty_id=difficulty.id,
            activity_id=activity.id if activity and self.chance(0.5) else None,
            status=status,
            progress_percent=progress,
            created_by_id=mentee.id if by_mentee else pair.mentor.id,
            reached_at=reached,
            created_at=created,
        )
        if progress:
            noted = created + ((reached or clock.now) - created) / 2
            self.progress(goal_id, mentee.id, self.pick(PROGRESS_NOTES), 50, noted)
        if reached is not None:
            self.progress(goal_id, pair.mentor.id, GOAL_CONFIRMED_NOTE, None, reached)

    def progress(
        self, goal_id: int, author_id: int, note: str, percent: int | None, created: datetime
    ) -> None:
        self.add(
            GoalProgress,
            goal_id=goal_id,
            author_id=author_id,
            note=note,
            percent=percent,
            created_at=created,
        )

    # --- help requests --------------------------------------------------------------------------

    def help_requests(self, organization_id: int, pairs: list[_Pair], teachers: int) -> None:
        """One in ten teachers asked for help during the months of history (answered and
        closed, one in ten only after it went to the curator); yesterday a mentee of the first
        pair asked and is being answered; an hour ago a mentee of the second asked, untaken."""
        if not pairs:
            return
        clock = self.clock
        # a week back at the latest, so that even a request escalated over a weekend was
        # answered and closed before now
        latest = clock.today - timedelta(days=7)
        for _ in range(max(1, teachers // 10)):
            pair = self.pick(pairs)
            first = max(pair.starts_on, clock.history_start)
            day = first + timedelta(days=self.between(0, max(0, (latest - first).days)))
            day = _weekday(day)
            self.closed_request(organization_id, pair, self.moment(day, earliest=pair.created))
        pair = pairs[0]
        question, answer = HELP_TALKS[0]
        asked = clock.at(clock.today - timedelta(days=1), time(15, 40))
        answered = asked + timedelta(minutes=25)
        request_id = self.request(
            organization_id,
            pair,
            question,
            asked,
            HelpStatus.TAKEN,
            taken=asked + timedelta(minutes=15),
            answered=answered,
        )
        self.message(request_id, pair.mentor.id, answer, answered)
        self.message(request_id, pair.mentees[0].id, HELP_THANKS, answered + timedelta(minutes=30))
        asked = clock.now - timedelta(hours=1)
        self.request(
            organization_id, pairs[1 % len(pairs)], HELP_TALKS[1][0], asked, HelpStatus.OPEN
        )

    def closed_request(self, organization_id: int, pair: _Pair, asked: datetime) -> None:
        question, answer = self.pick(HELP_TALKS)
        escalated = None
        if self.chance(0.1):
            escalated = working_deadline(asked, 4, self.timezone)
            taken = escalated + timedelta(minutes=self.between(5, 90))
        else:
            taken = asked + timedelta(minutes=self.between(3, 120))
        answered = taken + timedelta(minutes=self.between(2, 60))
        closed = self.clock.later(answered, hours=self.between(1, 48))
        request_id = self.request(
            organization_id,
            pair,
            question,
            asked,
            HelpStatus.CLOSED,
            taken=taken,
            answered=answered,
            escalated=escalated,
            closed=closed,
            helped=self.chance(0.85),
        )
        self.message(request_id, pair.mentor.id, answer, answered)

    def request(
        self,
        organization_id: int,
        pair: _Pair,
        question: str,
        asked: datetime,
        status: HelpStatus,
        *,
        taken: datetime | None = None,
        answered: datetime | None = None,
        escalated: datetime | None = None,
        closed: datetime | None = None,
        helped: bool | None = None,
    ) -> int:
        """A request of a mentee of the pair (the first one, unless closed long ago), taken
        by the pair's mentor once it is taken."""
        mentee = self.pick(pair.mentees) if status is HelpStatus.CLOSED else pair.mentees[0]
        return self.add(
            HelpRequest,
            organization_id=organization_id,
            mentee_id=mentee.id,
            pair_id=pair.id,
            assignee_id=pair.mentor.id if taken else None,
            text=question,
            urgency=Urgency.HIGH if status is HelpStatus.OPEN else self.pick(list(Urgency)),
            status=status,
            taken_at=taken,
            first_answer_at=answered,
            escalated_at=escalated,
            closed_at=closed,
            closed_by_id=mentee.id if closed else None,
            helped=helped,
            created_at=asked,
        )

    def message(self, request_id: int, author_id: int, body: str, created: datetime) -> None:
        self.add(
            HelpMessage,
            request_id=request_id,
            author_id=author_id,
            text=body,
            file_id=None,
            file_kind=None,
            created_at=created,
        )
